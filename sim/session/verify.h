// `deskdrill verify`: proves a scenario can be played, passed and failed before a trainee sees it.
//
// Two parts:
//  1. Static checks of the dialogue graph: nodes no start can reach, nodes from which no
//     `end: true` node can be reached (dead ends), conditions that can never hold, `next`
//     entries shadowed by an earlier unconditional one, timers longer than the scenario.
//  2. Exploration: a synthetic trainee plays the scenario through the real engine and scorer,
//     once as a model trainee ("best") and once as a careless one ("worst"), trying every
//     alternative reply at each branch point (the canonical reply, each branch's `said` acts, a
//     forbidden reply, silence). Each run ends in an ending (the last node of each thread); for
//     each ending the best and worst score seen are reported, together with the criteria no run
//     could earn and whether a passing path exists. A scenario with seeded variation (actor
//     `vary`, event `jitter`) is explored under several seeds.
// The exploration is bounded (runs and steps), so it always finishes.
#pragma once
#include <string>
#include <vector>

#include "scoring/rubric/catalogue.h"
#include "scoring/text/lexicon.h"
#include "common/yaml/diagnostics.h"
#include "sim/model/limits.h"
#include "sim/model/scenario.h"

namespace dd {

struct VerifyEnding {
    std::string label;      // "owner@close" (thread@last node; several threads joined by " + ")
    int best = -1;          // best score of a run that ends here
    int worst = -1;         // worst score of a run that ends here
    bool passable = false;  // some run that ends here passes
    int runs = 0;
};

struct VerifyResult {
    std::string scenario;
    std::vector<VerifyEnding> endings;          // sorted by label
    std::vector<std::string> unearned_criteria; // criteria with 0 points in every run
    int runs = 0;
    int seeds = 1;               // seeds explored (more than one when the scenario varies)
    bool passing_path = false;
    bool failing_path = false;
    // The exploration stopped at its work budget: `unexplored` branch choices were not played,
    // and the figures above are from what was.
    bool truncated = false;
    int unexplored = 0;
    std::size_t work = 0;  // attempt-log entries produced by all runs
};

// The bounds of the exploration, so `verify` always finishes whatever the scenario (the work
// budget's figure and reason: sim/model/limits.h).
struct VerifyLimits {
    int max_runs = 160;   // per policy
    int max_steps = 120;  // driver steps per run
    std::size_t max_work = limits::kMaxVerifyWork;  // attempt-log entries over every run
};

// Runs the static checks and the exploration. Problems go to `diags` as errors (what must be
// fixed: unreachable nodes, dead ends, impossible conditions, timers past the time limit,
// unearnable criteria, no passing path) or warnings (shadowed entries, branches never taken).
VerifyResult verify_scenario(const Scenario& scenario, const Lexicon& lexicon,
                             const LexiconDetector& detector, const Catalogue& catalogue,
                             Diagnostics& diags, const VerifyLimits& limits = {});

// The exploration's summary as text lines for the terminal.
std::string verify_to_text(const VerifyResult& result);

}  // namespace dd
