// A live attempt on a wall clock (rules in live_run.h).
#include "live_run.h"

#include <algorithm>
#include <cmath>

#include "sim/model/log_codes.h"

namespace dd {

LiveRun::LiveRun(const Scenario& scenario, const ActDetector& detector, const MoodParams& mood,
                 LiveRunConfig config)
    : scenario_(scenario), config_(config) {
    if (config_.fixed_pace) config_.speed = 1.0;
    engine_ = std::make_unique<Engine>(scenario_, detector, mood, config_.seed);
    transcript_.scenario = scenario_.id;
    transcript_.seed = config_.seed;
    advance_engine();
}

LiveRun::~LiveRun() = default;

Millis LiveRun::now() const {
    return static_cast<Millis>(std::floor(sim_ms_));
}

bool LiveRun::over() const {
    return ended_ || engine_->finished();
}

void LiveRun::set_paused(bool p) {
    if (!config_.fixed_pace) paused_ = p;
}

void LiveRun::set_speed(double s) {
    if (config_.fixed_pace) return;
    config_.speed = std::clamp(s, 0.25, 16.0);
}

void LiveRun::advance_engine() {
    // Everything due strictly before now (the first rule of live_run.h).
    if (now() > 0) engine_->advance_to(now() - 1);
    if (engine_->log().entries.size() != seen_entries_) {
        seen_entries_ = engine_->log().entries.size();
        ++revision_;
    }
}

void LiveRun::tick(double wall_seconds) {
    if (ended_ || config_.manual_clock || over()) return;
    if (paused_) return;
    if (!(wall_seconds > 0)) return;
    wall_seconds = std::min(wall_seconds, 0.25);
    move_clock(sim_ms_ + wall_seconds * 1000.0 * config_.speed);
}

void LiveRun::move_clock(double target_ms) {
    // The time limit is crossed by a recorded zero wait stamped at the limit (live_run.h).
    if (scenario_.time_limit && target_ms >= static_cast<double>(*scenario_.time_limit) &&
        !engine_->finished()) {
        sim_ms_ = static_cast<double>(*scenario_.time_limit);
        advance_engine();
        Action w;
        w.verb = Verb::Wait;
        act(w);
        timed_out_ = true;
        return;
    }
    if (target_ms > sim_ms_) sim_ms_ = target_ms;
    advance_engine();
}

void LiveRun::set_clock(Millis t) {
    if (ended_) return;
    move_clock(static_cast<double>(t));
}

void LiveRun::skip_to_next_event() {
    if (ended_ || config_.fixed_pace) return;
    if (auto t = engine_->next_event_time(); t && *t > now()) set_clock(*t);
}

ApplyResult LiveRun::act(Action a) {
    if (ended_) return {false, message(LogCode::RejectAttemptOver)};
    a.at = std::max(now(), engine_->now());
    const int index = static_cast<int>(transcript_.actions.size());
    transcript_.actions.push_back(a);
    ApplyResult r = engine_->apply(a, index);
    ++revision_;
    seen_entries_ = engine_->log().entries.size();
    return r;
}

void LiveRun::end() {
    if (ended_) return;
    const Millis ended_at = std::max(now(), engine_->now());
    // The closing action (live_run.h): `end` with threads open, a zero wait when all is over.
    const bool engine_ended = !engine_->log().entries.empty() &&
                              engine_->log().entries.back().kind == LogEntry::Kind::AttemptEnd;
    if (!engine_ended) {
        const Millis last = transcript_.actions.empty() ? -1 : transcript_.actions.back().at;
        Action a;
        if (!engine_->finished()) {
            a.verb = Verb::End;
            act(a);
        } else if (ended_at > last) {
            a.verb = Verb::Wait;
            act(a);
        }
    }
    engine_->finish(ended_at);
    ended_ = true;
    ++revision_;
}

}  // namespace dd
