// One attempt: clock, engine, recorded actions, scoring.
#include "session.h"

#include <algorithm>
#include <cmath>

namespace dd::app {

const char* mode_name(Mode m) {
    return m == Mode::Practice ? "practice" : "assessment";
}

Session::Session(std::shared_ptr<const Scenario> scenario, std::shared_ptr<const Backend> backend,
                 SessionConfig config)
    : scenario_(std::move(scenario)), backend_(std::move(backend)), config_(std::move(config)) {
    // Assessment: real time only (no pause, no fast-forward) — the rule of the mode.
    if (config_.mode == Mode::Assessment) config_.speed = 1.0;
    engine_ =
        std::make_unique<Engine>(*scenario_, *backend_->detector, backend_->mood, config_.seed);
    transcript_.scenario = scenario_->id;
    transcript_.seed = config_.seed;
    transcript_.mode = mode_name(config_.mode);
    transcript_.trainee = config_.trainee;
    advance_engine();
}

Session::~Session() = default;

Millis Session::now() const {
    return static_cast<Millis>(std::floor(sim_ms_));
}

bool Session::over() const {
    return ended_ || engine_->finished();
}

void Session::set_speed(double s) {
    if (config_.mode == Mode::Assessment) return;
    config_.speed = std::clamp(s, 0.25, 16.0);
}

void Session::advance_engine() {
    // Everything due strictly before now: an action the trainee takes at `now` then meets the
    // engine exactly as in a replay, where ties go to the trainee (an answer at 0:08 beats the
    // ring due at 0:08). What is due at `now` itself fires on the next frame, 1 ms later.
    if (now() > 0) engine_->advance_to(now() - 1);
    if (engine_->log().entries.size() != seen_entries_) {
        seen_entries_ = engine_->log().entries.size();
        ++revision_;
    }
}

void Session::tick(double wall_seconds) {
    if (ended_ || config_.manual_clock || over()) return;
    if (paused_ && config_.mode == Mode::Practice) return;
    if (!(wall_seconds > 0)) return;
    // A stalled frame (window dragged, machine asleep) must not fast-forward the drill.
    wall_seconds = std::min(wall_seconds, 0.25);
    move_clock(sim_ms_ + wall_seconds * 1000.0 * config_.speed);
}

void Session::move_clock(double target_ms) {
    // The time limit is crossed by a recorded zero wait stamped at the limit, so a replay of the
    // saved transcript reaches it too (a replay only runs as far as its last action).
    if (scenario_->time_limit && target_ms >= static_cast<double>(*scenario_->time_limit) &&
        !engine_->finished()) {
        sim_ms_ = static_cast<double>(*scenario_->time_limit);
        advance_engine();
        Action w;
        w.verb = Verb::Wait;
        act(w);
        return;
    }
    if (target_ms > sim_ms_) sim_ms_ = target_ms;
    advance_engine();
}

void Session::set_clock(Millis t) {
    if (ended_) return;
    move_clock(static_cast<double>(t));
}

void Session::skip_to_next_event() {
    if (ended_ || config_.mode != Mode::Practice) return;
    if (auto t = engine_->next_event_time(); t && *t > now()) set_clock(*t);
}

ApplyResult Session::act(Action a) {
    if (ended_) return {false, "本次演练已结束"};
    a.at = std::max(now(), engine_->now());
    const int index = static_cast<int>(transcript_.actions.size());
    transcript_.actions.push_back(a);
    ApplyResult r = engine_->apply(a, index);
    ++revision_;
    seen_entries_ = engine_->log().entries.size();
    return r;
}

void Session::end() {
    if (ended_) return;
    ended_at_ = std::max(now(), engine_->now());
    // Close the attempt with a recorded action, so the saved transcript finishes the replay at
    // the same moment: a zero wait when everything is over (the caller's hang-up after the last
    // reply is then replayed too), `end` when the trainee stops with threads still open.
    const bool engine_ended = !engine_->log().entries.empty() &&
                              engine_->log().entries.back().kind == LogEntry::Kind::AttemptEnd;
    if (!engine_ended) {
        const Millis last = transcript_.actions.empty() ? -1 : transcript_.actions.back().at;
        Action a;
        if (!engine_->finished()) {
            a.verb = Verb::End;
            act(a);
        } else if (ended_at_ > last) {
            a.verb = Verb::Wait;
            act(a);
        }
    }
    engine_->finish(ended_at_);
    ended_ = true;
    ++revision_;
    report_.reset();
    score_error_.clear();
    if (backend_->score) {
        report_ = backend_->score(*scenario_, engine_->log(), &score_error_);
        if (!report_ && score_error_.empty()) score_error_ = "评分失败";
    } else {
        score_error_ = "评分模块不可用(标准目录未能加载)";
    }
}

Transcript Session::transcript_for_save() const {
    return transcript_;
}

}  // namespace dd::app
