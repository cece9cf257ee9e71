// One attempt at the desk: the scenario, the engine, the sim clock and the actions recorded.
// No ImGui here (unit-testable headless). The views turn widgets into dd::Actions and call act();
// the session stamps each with the sim time the engine sees (integer ms), applies it, and keeps
// it in a Transcript that `deskdrill play` replays to the same AttemptLog and report.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "backend.h"
#include "sim/engine/engine.h"

namespace dd::app {

enum class Mode { Practice, Assessment };

struct SessionConfig {
    Mode mode = Mode::Practice;
    bool choice_mode = false;  // offered replies instead of typing (new hires)
    std::uint64_t seed = 1;
    bool manual_clock = false;  // the clock moves only by set_clock() (scripted driver, tests)
    double speed = 1.0;         // sim seconds per wall second (practice may change it)
    std::string trainee;
};

class Session {
  public:
    Session(std::shared_ptr<const Scenario> scenario, std::shared_ptr<const Backend> backend,
            SessionConfig config);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Wall time passed since the last frame: moves the sim clock (× speed) unless paused, manual
    // or over, and lets the engine catch up (rings, injects, mood drift).
    void tick(double wall_seconds);
    // Moves the sim clock forward to t (the manual clock). Never backwards.
    void set_clock(Millis t);
    // Practice: jump to the next ring/inject/timer.
    void skip_to_next_event();
    Millis now() const;

    // A trainee action from a widget: stamped with now(), applied, recorded (refused ones too:
    // the replay refuses them identically, so the logs stay equal).
    ApplyResult act(Action a);

    // Ends the attempt at now(): the engine finishes and the scorer grades the log.
    void end();
    bool ended() const { return ended_; }
    // Every thread closed and nothing pending: the clock stops, the desk offers the debrief.
    bool over() const;

    void set_paused(bool p) { paused_ = p; }
    bool paused() const { return paused_; }
    void set_speed(double s);
    double speed() const { return config_.speed; }

    const SessionConfig& config() const { return config_; }
    const Scenario& scenario() const { return *scenario_; }
    std::shared_ptr<const Scenario> scenario_ptr() const { return scenario_; }
    const Backend& backend() const { return *backend_; }
    const Engine& engine() const { return *engine_; }
    // The actions as applied (times as the engine saw them).
    const Transcript& recorded() const { return transcript_; }
    // The transcript to save: every action as applied, the closing wait/end included.
    Transcript transcript_for_save() const;

    const std::optional<ScoreReport>& report() const { return report_; }
    const std::string& score_error() const { return score_error_; }
    // Serial number bumped on every change of the log (views re-layout only then).
    std::uint64_t revision() const { return revision_; }

  private:
    void advance_engine();
    void move_clock(double target_ms);

    std::shared_ptr<const Scenario> scenario_;
    std::shared_ptr<const Backend> backend_;
    SessionConfig config_;
    std::unique_ptr<Engine> engine_;
    Transcript transcript_;
    double sim_ms_ = 0;  // fractional, so slow frames at low speed still add up
    bool paused_ = false;
    bool ended_ = false;
    Millis ended_at_ = 0;
    std::optional<ScoreReport> report_;
    std::string score_error_;
    std::uint64_t revision_ = 0;
    std::size_t seen_entries_ = 0;
};

const char* mode_name(Mode m);  // "practice" | "assessment"

}  // namespace dd::app
