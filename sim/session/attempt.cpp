// The attempt lifecycle (attempt.h).
#include "attempt.h"

#include "hash.h"
#include "sim/engine/engine.h"
#include "site_profile.h"

namespace dd::session {

namespace {

LiveRunConfig live_config(const AttemptConfig& c) {
    LiveRunConfig l;
    l.seed = c.seed;
    l.fixed_pace = c.mode != Mode::Practice;  // assessment and refresher: ×1, no pause
    l.manual_clock = c.manual_clock;
    l.speed = c.speed;
    return l;
}

bool ended_by_time_limit(const AttemptLog& log) {
    return !log.entries.empty() && log.entries.back().kind == LogEntry::Kind::AttemptEnd &&
           log.entries.back().cause == "time-limit";
}

// What every record shares: scenario, resources, who, how.
AttemptRecord record_base(const ScenarioFile& scenario, const Resources& resources,
                          Transcript transcript, Mode mode, bool choice_mode,
                          const std::string& trainee, Origin origin) {
    AttemptRecord r;
    r.uuid = new_uuid();
    r.scenario_id = scenario.scenario->id;
    r.scenario_version = scenario.scenario->version;
    r.scenario.path = scenario.path;
    r.scenario.version = std::to_string(scenario.scenario->version);
    r.scenario.hash = scenario.hash;
    r.scenario.text = scenario.text;
    r.lexicon = resources.lexicon_snapshot;
    r.catalogue = resources.catalogue_snapshot;
    r.detection = resources.detection();
    if (scenario.profile) r.site_profile = scenario.profile->snapshot;
    r.mode = mode;
    r.choice_mode = choice_mode;
    r.trainee = trainee;
    r.seed = transcript.seed;
    r.origin = origin;
    transcript.mode = std::string(mode_name(mode));
    transcript.trainee = trainee;
    r.transcript = std::move(transcript);
    return r;
}

}  // namespace

Attempt::Attempt(ScenarioFile scenario, std::shared_ptr<const Resources> resources,
                 AttemptConfig config, std::vector<std::shared_ptr<AttemptSink>> sinks)
    : scenario_(std::move(scenario)),
      resources_(std::move(resources)),
      config_(std::move(config)),
      sinks_(std::move(sinks)),
      started_at_ms_(wall_clock_ms()),
      run_(*scenario_.scenario, *resources_->detector, resources_->mood, live_config(config_)) {
    if (config_.mode != Mode::Practice) config_.speed = 1.0;
}

Attempt::~Attempt() = default;

const AttemptRecord& Attempt::finish() {
    return close(run_.timed_out() ? Ending::TimedOut : Ending::Finished);
}

const AttemptRecord& Attempt::abandon() {
    return close(Ending::Abandoned);
}

const AttemptRecord& Attempt::close(Ending ending) {
    if (record_) return *record_;
    run_.end();
    if (ending == Ending::Finished && ended_by_time_limit(run_.engine().log()))
        ending = Ending::TimedOut;
    AttemptRecord r = record_base(scenario_, *resources_, run_.recorded(), config_.mode,
                                  config_.choice_mode, config_.trainee, config_.origin);
    r.log = run_.engine().log();
    r.report = resources_->score(*scenario_.scenario, r.log);
    r.started_at_ms = started_at_ms_;
    r.ended_at_ms = wall_clock_ms();
    r.ending = ending;
    record_ = std::move(r);
    sink_errors_ = deliver(*record_, sinks_);
    return *record_;
}

const std::optional<ScoreReport>& Attempt::report() const {
    static const std::optional<ScoreReport> kNone;
    return record_ ? record_->report : kNone;
}

std::string Attempt::score_error() const {
    if (report()) return {};
    std::string out;
    for (const auto& p : resources_->problems) out += (out.empty() ? "" : "\n") + p;
    return out;
}

AttemptRecord replay_attempt(const ScenarioFile& scenario, const Transcript& transcript,
                             const Resources& resources, const ReplayOptions& options) {
    const std::int64_t started = wall_clock_ms();
    Mode mode = Mode::Practice;
    if (options.mode)
        mode = *options.mode;
    else if (auto m = mode_from_name(transcript.mode))
        mode = *m;
    AttemptRecord r = record_base(scenario, resources, transcript, mode,
                                  options.choice_mode,
                                  options.trainee.empty() ? transcript.trainee : options.trainee,
                                  options.origin);
    r.log = replay(*scenario.scenario, transcript, *resources.detector, resources.mood);
    r.report = resources.score(*scenario.scenario, r.log);
    r.started_at_ms = started;
    r.ended_at_ms = wall_clock_ms();
    r.ending = ended_by_time_limit(r.log) ? Ending::TimedOut : options.ending;
    return r;
}

std::vector<std::string> deliver(const AttemptRecord& record,
                                 const std::vector<std::shared_ptr<AttemptSink>>& sinks) {
    std::vector<std::string> errors;
    for (const auto& sink : sinks) {
        if (!sink) continue;
        std::string err;
        if (!sink->write(record, &err)) errors.push_back(err.empty() ? "a sink failed" : err);
    }
    return errors;
}

}  // namespace dd::session
