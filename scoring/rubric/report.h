// The score report: what a trainee learns from and a supervisor can defend (DESIGN §4, §5).
// Built by score_attempt (scorer.h); serialised here as the stable JSON of DESIGN §5 and as a
// Chinese debrief for the terminal.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/model/duration.h"

namespace dd {

struct Evidence {
    Millis t = 0;      // sim time of the action or happening
    std::string what;  // "say", "record", "answer", "ring", "actor", "missing"…
    std::string thread;
    std::string text;          // the reply quoted / the action described
    int highlight_begin = -1;  // byte range of `text` that matched (or -1)
    int highlight_end = -1;
    std::string note;  // Chinese: why this is evidence
};

struct CriterionResult {
    std::string id;
    std::string title;  // Chinese
    std::string category;
    int points = 0;
    int max = 0;
    bool passed = false;
    bool critical = false;
    std::vector<Evidence> evidence;
    std::string feedback;  // Chinese
    std::string source;    // "seed 001 §4.1.5"
    std::string rule;      // the standard's text
};

struct ScoreReport {
    std::string scenario;
    int scenario_version = 0;
    std::string title;
    std::string catalogue_version;
    std::uint64_t seed = 0;
    int score = 0;  // sum of criterion points (criteria maxima are scaled to 100)
    int max = 0;
    int pass_mark = 0;
    bool passed = false;  // score >= pass_mark and no critical failure
    std::vector<std::string> critical_failed;
    std::vector<CriterionResult> criteria;
    std::string debrief;  // the scenario's debrief text
    // Problems met while scoring (an unknown criterion id, a log of another scenario…), in
    // Chinese. An unknown criterion also fails the report (see score_attempt).
    std::vector<std::string> warnings;
};

// The stable JSON of DESIGN §5 (plus extra keys that do not disturb it). Deterministic.
std::string report_to_json(const ScoreReport& r);
// A readable Chinese debrief for the terminal.
std::string report_to_text(const ScoreReport& r);

}  // namespace dd
