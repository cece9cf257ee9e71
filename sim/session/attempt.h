// The attempt lifecycle, the one both front ends go through:
//   start (scenario, resources, mode, choice flag, seed, trainee)
//     → act … (the desk's widgets, or a transcript's actions)
//     → finish() or abandon()  (or the time limit)
//     → an AttemptRecord, scored, handed to every sink (files; the records database).
// Attempt is the live one (the desk window, on a wall clock — the clock rules are LiveRun's, in
// sim/engine/live_run.h, beside replay()); replay_attempt() is the headless one (`deskdrill
// play`): the same record from a transcript.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "library.h"
#include "record.h"
#include "resources.h"
#include "sim/engine/live_run.h"

namespace dd::session {

struct AttemptConfig {
    Mode mode = Mode::Practice;
    bool choice_mode = false;  // offered replies instead of typing (new hires)
    std::uint64_t seed = 1;
    std::string trainee;
    Origin origin = Origin::Proctored;
    bool manual_clock = false;  // the clock moves only by set_clock() (scripted driver, tests)
    double speed = 1.0;         // sim seconds per wall second (practice may change it)
};

class Attempt {
  public:
    // `resources` must be able to play (Resources::can_play); sinks receive the record once.
    Attempt(ScenarioFile scenario, std::shared_ptr<const Resources> resources,
            AttemptConfig config, std::vector<std::shared_ptr<AttemptSink>> sinks = {});
    ~Attempt();
    Attempt(const Attempt&) = delete;
    Attempt& operator=(const Attempt&) = delete;

    // The clock (LiveRun): wall time passed, a manual jump, practice's skip.
    void tick(double wall_seconds) { run_.tick(wall_seconds); }
    void set_clock(Millis t) { run_.set_clock(t); }
    void skip_to_next_event() { run_.skip_to_next_event(); }
    Millis now() const { return run_.now(); }
    void set_paused(bool p) { run_.set_paused(p); }
    bool paused() const { return run_.paused(); }
    void set_speed(double s) { run_.set_speed(s); }
    double speed() const { return run_.speed(); }

    // A trainee action, stamped with now(), applied and recorded.
    ApplyResult act(Action a) { return run_.act(std::move(a)); }

    // The trainee ends the attempt (or the scenario is over): scored, recorded as finished (or
    // timed out, when the time limit ended it), written to the sinks. Idempotent.
    const AttemptRecord& finish();
    // The trainee leaves it half-way (back to the library, closing the window): scored as it
    // stands and recorded as abandoned. Idempotent; after finish() it changes nothing.
    const AttemptRecord& abandon();
    bool ended() const { return record_.has_value(); }
    // Every thread closed and nothing pending: the desk offers the debrief.
    bool over() const { return run_.over(); }

    const AttemptConfig& config() const { return config_; }
    const Scenario& scenario() const { return *scenario_.scenario; }
    const ScenarioFile& scenario_file() const { return scenario_; }
    const Resources& resources() const { return *resources_; }
    const Engine& engine() const { return run_.engine(); }
    // The actions as applied (times as the engine saw them).
    const Transcript& recorded() const { return run_.recorded(); }
    std::uint64_t revision() const { return run_.revision(); }

    // After the end: the record, its report, and what the sinks said.
    const AttemptRecord* record() const { return record_ ? &*record_ : nullptr; }
    const std::optional<ScoreReport>& report() const;
    // Why there is no report (the catalogue's problems), "" when there is one.
    std::string score_error() const;
    const std::vector<std::string>& sink_errors() const { return sink_errors_; }

  private:
    const AttemptRecord& close(Ending ending);

    ScenarioFile scenario_;
    std::shared_ptr<const Resources> resources_;
    AttemptConfig config_;
    std::vector<std::shared_ptr<AttemptSink>> sinks_;
    std::int64_t started_at_ms_ = 0;
    LiveRun run_;
    std::optional<AttemptRecord> record_;
    std::vector<std::string> sink_errors_;
};

struct ReplayOptions {
    std::optional<Mode> mode;  // default: the transcript's `mode:`, else practice
    bool choice_mode = false;
    std::string trainee;  // default: the transcript's `trainee:`
    Origin origin = Origin::Imported;
    Ending ending = Ending::Finished;  // unless the time limit ended it (then timed out)
};

// Replays a transcript headless (sim/engine replay()) and scores it: the record `deskdrill play`
// prints and stores. Wall-clock times are the moment of the replay.
AttemptRecord replay_attempt(const ScenarioFile& scenario, const Transcript& transcript,
                             const Resources& resources, const ReplayOptions& options = {});

// Hands a record to every sink; the errors of those that failed (nothing lost in the others).
std::vector<std::string> deliver(const AttemptRecord& record,
                                 const std::vector<std::shared_ptr<AttemptSink>>& sinks);

}  // namespace dd::session
