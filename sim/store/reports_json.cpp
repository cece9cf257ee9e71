// Reports as JSON (reports_json.h).
#include "reports_json.h"

#include <nlohmann/json.hpp>

#include "summaries.h"

namespace dd::store {

namespace {

using J = nlohmann::ordered_json;

J opt(const std::optional<double>& v) { return v ? J(*v) : J(); }

std::string when(std::int64_t ms, int off) { return format_time(ms, off); }

J origins_json(const std::vector<session::Origin>& origins) {
    J a = J::array();
    for (auto o : origins) a.push_back(session::origin_name(o));
    return a;
}

J filter_json(const GroupFilter& f) {
    J j{{"site", f.site},
        {"cohort", f.cohort},
        {"scenario", f.scenario},
        {"from", f.from_day ? J(format_day(*f.from_day)) : J()},
        {"to", f.to_day ? J(format_day(*f.to_day)) : J()},
        {"mode", f.mode ? J(session::mode_name(*f.mode)) : J()}};
    if (!f.region.empty()) j["region"] = f.region;  // a hub's reports only
    return j;
}

J set_json(const ResultSetInfo& s) {
    J versions = J::array();
    for (const auto& v : s.versions)
        versions.push_back({{"catalogue_version", v.catalogue_version}, {"attempts", v.attempts}});
    if (s.original)
        return J{{"kind", "original"}, {"versions", versions}};
    return J{{"kind", "rescored"},
             {"catalogue_version", s.catalogue_version},
             {"catalogue_hash", s.catalogue_hash},
             {"lexicon_hash", s.lexicon_hash},
             {"versions", versions}};
}

J criterion_json(const CriterionFigure& c) {
    return J{{"id", c.id},         {"title", c.title},           {"category", c.category},
             {"n", c.n},           {"points", c.points},         {"max", c.max_points},
             {"passed", c.passed}, {"percent", opt(c.percent)}, {"pass_rate", c.pass_rate}};
}

J result_json(const ResultSet& r) {
    J critical = J::array();
    for (const auto& c : r.critical_failed) critical.push_back(c);
    J j{{"original", r.original},
        {"catalogue_version", r.catalogue_version},
        {"catalogue_hash", r.catalogue_hash},
        {"lexicon_hash", r.lexicon_hash},
        {"score", r.score},
        {"max", r.max_points},
        {"pass_mark", r.pass_mark},
        {"passed", r.passed},
        {"critical_failed", critical},
        {"score_with_overrides", r.score_with_overrides}};
    if (!r.criteria.empty()) {
        J cs = J::array();
        for (const auto& c : r.criteria)
            cs.push_back({{"id", c.id}, {"title", c.title}, {"points", c.points},
                          {"max", c.max_points}, {"passed", c.passed}, {"critical", c.critical}});
        j["criteria"] = cs;
    }
    if (!r.overrides.empty()) {
        J os = J::array();
        for (const auto& o : r.overrides)
            os.push_back({{"criterion", o.criterion_id}, {"points", o.points}, {"passed", o.passed},
                          {"reason", o.reason}, {"supervisor", o.supervisor},
                          {"at_ms", o.created_at_ms}});
        j["overrides"] = os;
    }
    return j;
}

J attempt_json(const AttemptRow& a, int off) {
    J j{{"uuid", a.uuid},
        {"seq", a.seq},
        {"trainee", a.trainee},
        {"name", a.trainee_name},
        {"site", a.site},
        {"cohort", a.cohort},
        {"scenario", a.scenario_id},
        {"scenario_version", a.scenario_version},
        {"mode", session::mode_name(a.mode)},
        {"choice_mode", a.choice_mode},
        {"origin", session::origin_name(a.origin)},
        {"ending", session::ending_name(a.ending)},
        {"started", when(a.started_at_ms, off)},
        {"ended", when(a.ended_at_ms, off)},
        {"ended_at_ms", a.ended_at_ms},
        {"sim_ms", a.sim_ms},
        {"actions", a.actions}};
    j["result"] = a.result ? result_json(*a.result) : J();
    return j;
}

J figures_json(const GroupFigures& g) {
    return J{{"attempts", g.attempts},
             {"passed", g.passed},
             {"pass_rate", opt(g.pass_rate)},
             {"mean_score", opt(g.mean_score)},
             {"endings", {{"finished", g.finished}, {"abandoned", g.abandoned},
                          {"timed_out", g.timed_out}}},
             {"kpi",
              {{"phone_calls", g.phone_calls},
               {"answered_within_3_rings", g.phone_within_3},
               {"within_3_rings_rate", opt(g.within_3_rate)},
               {"response_mean_ms", opt(g.response_mean_ms)},
               {"resolution_mean_ms", opt(g.resolution_mean_ms)},
               {"complaint_attempts", g.complaint_attempts},
               {"complaint_passed", g.complaint_passed},
               {"complaint_success_rate", opt(g.complaint_success_rate)}}}};
}

}  // namespace

std::string to_json(const GroupReport& r, int /*utc_offset_min*/) {
    J scenarios = J::array();
    for (const auto& s : r.scenarios)
        scenarios.push_back({{"scenario", s.scenario_id}, {"attempts", s.attempts},
                             {"passed", s.passed}, {"pass_rate", s.pass_rate},
                             {"mean_score", s.mean_score}});
    J criteria = J::array();
    for (const auto& c : r.criteria) criteria.push_back(criterion_json(c));
    J j{{"report", "group"},
        {"filter", filter_json(r.filter)},
        {"origins", origins_json(r.origins)},
        {"result_set", set_json(r.result_set)},
        {"trainees", r.trainees}};
    j.update(figures_json(r.figures));
    j["criteria"] = criteria;
    j["scenarios"] = scenarios;
    return j.dump(2) + "\n";
}

std::string to_json(const TraineeReport& r, int off) {
    J history = J::array();
    for (const auto& a : r.history) history.push_back(attempt_json(a, off));
    J trend = J::array();
    for (const auto& t : r.trend)
        trend.push_back({{"ended", when(t.ended_at_ms, off)}, {"scenario", t.scenario_id},
                         {"percent", t.percent}});
    J weakest = J::array();
    for (const auto& c : r.weakest) weakest.push_back(criterion_json(c));
    J assignments = J::array();
    for (const auto& s : r.assignments)
        assignments.push_back({{"assignment", s.assignment_id}, {"scenario", s.scenario_id},
                               {"mode", session::mode_name(s.mode)}, {"attempts", s.attempts},
                               {"due", s.due_ms ? J(when(*s.due_ms - 1, off)) : J()},
                               {"done", s.done}, {"overdue", s.overdue}});
    J j{{"report", "trainee"},
        {"trainee", {{"employee_no", r.person.employee_no}, {"name", r.person.name},
                     {"site", r.person.site}, {"cohort", r.person.cohort}}},
        {"result_set", set_json(r.result_set)},
        {"attempts", r.history.size()},
        {"trend", {{"points", trend}, {"slope_per_attempt", opt(r.trend_slope)},
                   {"recent_mean", opt(r.recent_mean)}, {"earlier_mean", opt(r.earlier_mean)}}},
        {"weakest_criteria", weakest},
        {"assignments", assignments},
        {"history", history}};
    return j.dump(2) + "\n";
}

std::string to_json(const ItemReport& r, int) {
    J scenarios = J::array();
    for (const auto& s : r.scenarios) {
        J items = J::array();
        for (const auto& i : s.items)
            items.push_back({{"criterion", i.criterion_id}, {"title", i.title}, {"n", i.n},
                             {"mean_points", i.mean_points}, {"max", i.max_points},
                             {"facility_index", opt(i.facility)},
                             {"discrimination_index", opt(i.discrimination)}});
        scenarios.push_back({{"scenario", s.scenario_id}, {"attempts", s.attempts},
                             {"mean_score", s.mean_score}, {"items", items}});
    }
    J j{{"report", "items"},
        {"filter", filter_json(r.filter)},
        {"origins", origins_json(r.origins)},
        {"result_set", set_json(r.result_set)},
        {"scenarios", scenarios}};
    return j.dump(2) + "\n";
}

std::string to_json(const AgreementReport& r, int) {
    auto fig = [](const AgreementFigure& f) {
        return J{{"criterion", f.criterion_id},
                 {"title", f.title},
                 {"n", f.n},
                 {"both_pass", f.both_pass},
                 {"auto_pass_only", f.auto_pass_only},
                 {"override_pass_only", f.override_pass_only},
                 {"both_fail", f.both_fail},
                 {"percent_agreement", f.percent_agreement},
                 {"kappa", opt(f.kappa)}};
    };
    J criteria = J::array();
    for (const auto& f : r.criteria) criteria.push_back(fig(f));
    J j{{"report", "agreement"},
        {"filter", filter_json(r.filter)},
        {"origins", origins_json(r.origins)},
        {"result_set", set_json(r.result_set)},
        {"criteria", criteria},
        {"overall", fig(r.overall)}};
    return j.dump(2) + "\n";
}

std::string to_json(const AttemptDetail& d, int off) {
    J j = attempt_json(d.row, off);
    j.erase("result");
    j["hash"] = d.hash;
    j["snapshots"] = {
        {"scenario", {{"hash", d.scenario.hash}, {"version", d.scenario.version}}},
        {"lexicon", {{"hash", d.lexicon.hash}, {"version", d.lexicon.version}}},
        {"catalogue", d.catalogue ? J{{"hash", d.catalogue->hash}, {"version", d.catalogue->version}}
                                  : J()}};
    j["kpi"] = {{"phone_calls", d.row.kpi.phone_calls},
                {"answered_within_3_rings", d.row.kpi.phone_within_3},
                {"response_n", d.row.kpi.response_n},
                {"response_ms", d.row.kpi.response_ms},
                {"resolution_n", d.row.kpi.resolution_n},
                {"resolution_ms", d.row.kpi.resolution_ms}};
    J results = J::array();
    for (const auto& r : d.results) results.push_back(result_json(r));
    j["results"] = results;
    j["detection"] = d.detection.empty() ? J() : J(d.detection);
    j["transcript"] = d.transcript;
    return j.dump(2) + "\n";
}

}  // namespace dd::store
