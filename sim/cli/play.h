// Replaying a transcript headless: what `deskdrill play` and the headless demo share.
#pragma once
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "scoring/rubric/report.h"
#include "scoring/text/act_detector.h"
#include "sim/model/attempt_log.h"
#include "sim/model/scenario.h"
#include "sim/model/transcript.h"

namespace dd::cli {

// Everything one replay produced: the inputs as loaded and the attempt log.
struct PlayRun {
    Scenario scenario;
    Transcript transcript;
    int lexicon_version = 0;
    AttemptLog log;
    std::shared_ptr<const ActDetector> detector;  // for the report's evidence highlights
};

// Loads scenario (a file, or an id of the library) + transcript + lexicon and replays.
// Problems go to `err` as `path:line:col: error: …`; nullopt means bad input (exit 2).
std::optional<PlayRun> run_play(const std::string& scenario_arg, const std::string& transcript_path,
                                std::ostream& err);

// Scores a replay under the catalogue at `standards` ("" = the library's). nullopt (problems
// written to `err`) when the catalogue cannot be read.
std::optional<ScoreReport> score_play(const PlayRun& run, const std::string& standards,
                                      std::ostream& err);

}  // namespace dd::cli
