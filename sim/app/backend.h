// The app's calls into the rest of DeskDrill, in one place: loading scenarios, the lexicon
// (speech-act detector + mood parameters) and the standards catalogue, and scoring an attempt.
// The views only ever see these results; no rule of simulation or scoring lives in sim/app.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scoring/rubric/report.h"
#include "scoring/text/act_detector.h"
#include "common/yaml/diagnostics.h"
#include "sim/model/attempt_log.h"
#include "sim/model/mood.h"
#include "sim/model/scenario.h"
#include "sim/model/transcript.h"

namespace dd::app {

// What the desk and the debrief show of a standard (a criterion of the catalogue).
struct StandardInfo {
    std::string id;
    std::string title;  // Chinese
    std::string category;
    std::string rule;    // the standard's text
    std::string source;  // "seed 001 §4.1.5"
    int points = 0;
    bool critical = false;
};

// Loaded once per run (on a background thread at start-up, so the first frame is not held up).
struct Backend {
    std::shared_ptr<const ActDetector> detector;
    MoodParams mood;
    std::map<std::string, StandardInfo> standards;
    std::string catalogue_version;
    std::vector<std::string> problems;  // what could not be loaded, formatted diagnostics

    // Scores an attempt; nullopt (with *error) when the catalogue is unusable.
    std::function<std::optional<ScoreReport>(const Scenario&, const AttemptLog&, std::string*)>
        score;
};

// Loads the lexicon (lexicon_path) and the catalogue (standards_path). Never throws; what failed
// is listed in Backend::problems and the rest still works.
std::shared_ptr<Backend> load_backend(const std::string& lexicon_path,
                                      const std::string& standards_path);

// Loads one scenario file; nullopt with diagnostics on error.
std::optional<Scenario> load_scenario(const std::string& path, Diagnostics& diags);

// Loads a transcript file (for tests and the "load attempt" path).
std::optional<Transcript> load_transcript(const std::string& path, Diagnostics& diags);

}  // namespace dd::app
