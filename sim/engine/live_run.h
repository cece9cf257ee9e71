// A live attempt on a wall clock: the engine, the sim clock and the actions recorded, kept so
// that the recorded transcript replays with replay() (engine.h) to the identical attempt log.
// Headless; the desk window drives one per attempt through sim/session's Attempt.
//
// The replay-equivalence rules (what makes a live attempt and its replay the same log):
//  - The engine runs 1 ms behind the sim clock. Everything due strictly before `now` has
//    fired when the trainee acts at `now`; in a replay an action stamped t meets the engine
//    the same way (ties go to the trainee: an answer at 0:08 beats the ring due at 0:08).
//    What is due at `now` itself fires on the next tick, 1 ms later.
//  - An action is stamped with the later of the sim clock and the engine's clock, and the
//    stamped copy is what the transcript records (refused actions too: the replay refuses
//    them identically).
//  - The time limit is crossed by a recorded zero `wait` stamped at the limit, so the replay,
//    which only runs as far as its last action, reaches it too.
//  - end() closes the attempt with a recorded action: a zero `wait` when every thread is over
//    (the caller's hang-up after the last reply then replays too), `end` when the trainee stops
//    with threads still open. replay() finishes at the last action's time, as end() does.
// Practice mode may pause and change the speed; assessment runs at ×1 with no pause (the
// rule of the mode, enforced here rather than by the screens).
#pragma once
#include <cstdint>
#include <memory>

#include "engine.h"

namespace dd {

struct LiveRunConfig {
    std::uint64_t seed = 1;
    bool fixed_pace = false;    // assessment: ×1, no pause, no skipping
    bool manual_clock = false;  // the clock moves only by set_clock() (scripted driver, tests)
    double speed = 1.0;         // sim seconds per wall second
};

class LiveRun {
  public:
    LiveRun(const Scenario& scenario, const ActDetector& detector, const MoodParams& mood,
            LiveRunConfig config);
    ~LiveRun();
    LiveRun(const LiveRun&) = delete;
    LiveRun& operator=(const LiveRun&) = delete;

    // Wall time passed since the last frame: moves the sim clock (× speed) unless paused,
    // manual or over, and lets the engine catch up (rings, injects, mood drift). A stalled
    // frame counts at most 0.25 s, so a sleeping machine does not fast-forward the drill.
    void tick(double wall_seconds);
    // Moves the sim clock forward to t (the manual clock). Never backwards.
    void set_clock(Millis t);
    // Practice: jump to the next ring/inject/timer.
    void skip_to_next_event();
    Millis now() const;

    // A trainee action: stamped, applied, recorded.
    ApplyResult act(Action a);
    // Ends the attempt at now() with the closing action (see the rules above). Finishing and
    // abandoning end the same way (the log must equal the transcript's replay); how an attempt
    // ended is the session's record, not the log's.
    void end();
    bool ended() const { return ended_; }
    // Every thread closed and nothing pending (or ended): the clock stops.
    bool over() const;
    // The time limit was reached (the attempt timed out rather than being finished).
    bool timed_out() const { return timed_out_; }

    void set_paused(bool p);
    bool paused() const { return paused_; }
    void set_speed(double s);
    double speed() const { return config_.speed; }
    const LiveRunConfig& config() const { return config_; }

    const Engine& engine() const { return *engine_; }
    const Scenario& scenario() const { return scenario_; }
    // The actions as applied (times as the engine saw them): what a replay needs.
    const Transcript& recorded() const { return transcript_; }
    // Serial number bumped on every change of the log (views re-layout only then).
    std::uint64_t revision() const { return revision_; }

  private:
    void advance_engine();
    void move_clock(double target_ms);

    const Scenario& scenario_;
    LiveRunConfig config_;
    std::unique_ptr<Engine> engine_;
    Transcript transcript_;
    double sim_ms_ = 0;  // fractional, so slow frames at low speed still add up
    bool paused_ = false;
    bool ended_ = false;
    bool timed_out_ = false;
    std::uint64_t revision_ = 0;
    std::size_t seen_entries_ = 0;
};

}  // namespace dd
