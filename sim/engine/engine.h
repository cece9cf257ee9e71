// The simulation engine: plays a scenario against a trainee's actions on a simulated clock and
// records everything in an AttemptLog. Headless; the GUI and the CLI both drive it.
//
// Use:
//   Engine e(scenario, detector, mood_params, seed);
//   e.advance_to(t);            // let time pass: rings, injects, patience, caller gives up
//   e.apply(action);            // a trainee action at action.at (advances to it first)
//   e.finish(t);                // close the attempt
//   e.log();                    // the AttemptLog
// A run is a pure function of (scenario, seed, actions).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scoring/text/act_detector.h"
#include "sim/model/attempt_log.h"
#include "sim/model/mood.h"
#include "sim/model/scenario.h"
#include "sim/model/transcript.h"

namespace dd {

// What a front end shows of one conversation thread.
struct ThreadView {
    enum class State { Ringing, Waiting, Active, Held, Ended };
    std::string id;
    ThreadRecord::Kind kind = ThreadRecord::Kind::Desk;
    std::string actor;          // actor id
    std::string actor_name;     // as played
    State state = State::Waiting;
    int rings = 0;              // rings so far (phone, while ringing)
    int mood = 0;
    std::string node;           // current dialogue node ("" when none)
    std::vector<std::string> choices;  // offered replies at the current node (choice mode)
    std::string hint;           // the node's hint (practice mode shows it)
    Millis since = 0;           // when it entered this state
};

struct ApplyResult {
    bool ok = true;
    std::string error;          // Chinese, says what was wrong and what to do instead
};

class Engine {
public:
    Engine(const Scenario& scenario, const ActDetector& detector, const MoodParams& mood,
           std::uint64_t seed);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Lets sim time pass up to t (never backwards): fires injects, rings, mood drift, give-ups.
    void advance_to(Millis t);
    // Applies a trainee action at a.at (advancing to it first). A refused action is logged as
    // Rejected with the reason and changes nothing else.
    ApplyResult apply(const Action& a, int action_index = -1);
    // Ends the attempt at t (or now, if later). Idempotent.
    void finish(Millis t);

    Millis now() const;
    bool finished() const;             // ended, or every thread closed and no event pending
    std::optional<Millis> next_event_time() const;  // next ring/inject/timer, for fast-forward
    std::vector<ThreadView> threads() const;       // open and ended, in order of opening
    std::string focused() const;       // thread id the next untargeted action goes to
    const AttemptLog& log() const;
    const Scenario& scenario() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Replays a whole transcript: apply every action, then finish at the last action's time
// (plus any trailing wait). Refused actions are logged, not fatal.
AttemptLog replay(const Scenario& scenario, const Transcript& transcript,
                  const ActDetector& detector, const MoodParams& mood);

}  // namespace dd
