// What the records store and the hub (sim/hub) share to compute the same reports: the SQL of
// the reports that read attempts (items, agreement), the rule of which attempts count, the date
// ranges the summaries are read by, and the code that turns rows of sums into a report. Each
// side keeps its own filters (a store's site is the trainee's 项目, the hub's the site that
// sent the attempt) and its own summary tables; the figures come out of the same code.
//
// Rows are read through a cursor: anything with step(), text(col), i64(col) and f64(col) (the
// store's sql::Query, the hub's pg cursor). SQL uses SQLite's ?N / ? placeholders; the hub
// renumbers them for PostgreSQL.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reports.h"

namespace dd::store {

std::optional<double> ratio(std::int64_t a, std::int64_t b);
void finish(GroupFigures& g);
void finish(CriterionFigure& c);
// Percent agreement and kappa from the four counts.
void finish(AgreementFigure& f);

// The origins counted and never an assessment that was not proctored, on the columns mode and
// origin of table alias `t` (our own words, no values from outside).
std::string origin_rule_sql(const GroupFilter& f, const std::string& t);

// The summaries are read by whole months inside [from, to] and single days at its ends: months
// m1..m2 (grain 1) and days d1..d2, d3..d4 (grain 0); an empty range has first > last.
struct PeriodRanges {
    std::int64_t m1 = 1, m2 = 0, d1 = 1, d2 = 0, d3 = 1, d4 = 0;
    bool months() const { return m1 <= m2; }
    bool days() const { return d1 <= d2 || d3 <= d4; }
};
PeriodRanges period_ranges(const GroupFilter& f);

// The sums a group report adds up (summary columns), after the scenario id and catalogue
// version: add_group_rows reads them in this order.
inline constexpr const char* kFigureSums =
    "sum(attempts), sum(passed), sum(score_sum), sum(max_sum), sum(finished), sum(abandoned), "
    "sum(timed_out), sum(phone_calls), sum(phone_within_3), sum(response_n), sum(response_ms), "
    "sum(resolution_n), sum(resolution_ms), sum(complaint_attempts), sum(complaint_passed)";

// A trainee's trend from their history (newest first, results of the set): the percent of each
// scored attempt oldest first, the versions scored under, the least-squares slope, the means of
// the last five and of the ones before.
void trend_of_history(TraineeReport& rep);
// Weakest first: lowest percent, then by id.
void sort_weakest(std::vector<CriterionFigure>& criteria);

// The score of result r with the supervisors' overrides in force (the latest per criterion).
inline constexpr const char* kScoreWithOverrides =
    "r.score + coalesce((SELECT sum(o.points - c.points) FROM overrides o "
    "JOIN criterion_results c ON c.result_id = o.result_id AND c.criterion_id = o.criterion_id "
    "WHERE o.result_id = r.id AND o.id = (SELECT max(o2.id) FROM overrides o2 "
    "WHERE o2.result_id = o.result_id AND o2.criterion_id = o.criterion_id)), 0)";

// The item report over attempts a (where `where` holds) and their results r of the set
// (`set_of_r`, a condition on r): per scenario and criterion, the sums add_item_rows reads.
// `collate` follows the text columns ordered by (PostgreSQL: ' COLLATE "C"', the byte order
// SQLite uses).
std::string item_report_sql(const std::string& set_of_r, const std::string& where,
                            const std::string& collate = "");
// The agreement report: the latest override of each (result, criterion) against the verdict.
std::string agreement_report_sql(const std::string& set_of_r, const std::string& where,
                                 const std::string& collate = "");

// Rows of (scenario id, catalogue version, kFigureSums…) into the report: per scenario, per
// version, the totals.
template <typename Cursor>
void add_group_rows(Cursor& q, GroupReport& rep) {
    std::map<std::string, std::int64_t> versions;
    while (q.step()) {
        GroupFigures g;
        std::int64_t* fields[] = {&g.attempts,        &g.passed,
                                  &g.score_sum,       &g.max_sum,
                                  &g.finished,        &g.abandoned,
                                  &g.timed_out,       &g.phone_calls,
                                  &g.phone_within_3,  &g.response_n,
                                  &g.response_ms,     &g.resolution_n,
                                  &g.resolution_ms,   &g.complaint_attempts,
                                  &g.complaint_passed};
        for (int i = 0; i < 15; ++i) *fields[i] = q.i64(2 + i);
        versions[q.text(1)] += g.attempts;
        const std::string scenario = q.text(0);
        if (rep.scenarios.empty() || rep.scenarios.back().scenario_id != scenario)
            rep.scenarios.push_back({scenario, 0, 0, 0, 0});
        ScenarioFigure& sf = rep.scenarios.back();
        sf.attempts += g.attempts;
        sf.passed += g.passed;
        sf.mean_score += static_cast<double>(g.score_sum);  // a sum until the end
        GroupFigures& t = rep.figures;
        t.attempts += g.attempts, t.passed += g.passed, t.score_sum += g.score_sum;
        t.max_sum += g.max_sum, t.finished += g.finished, t.abandoned += g.abandoned;
        t.timed_out += g.timed_out, t.phone_calls += g.phone_calls;
        t.phone_within_3 += g.phone_within_3, t.response_n += g.response_n;
        t.response_ms += g.response_ms, t.resolution_n += g.resolution_n;
        t.resolution_ms += g.resolution_ms, t.complaint_attempts += g.complaint_attempts;
        t.complaint_passed += g.complaint_passed;
    }
    for (auto& sf : rep.scenarios) {
        sf.pass_rate = ratio(sf.passed, sf.attempts).value_or(0);
        sf.mean_score = sf.attempts ? sf.mean_score / static_cast<double>(sf.attempts) : 0;
    }
    for (const auto& [v, n] : versions) rep.result_set.versions.push_back({v, n});
    finish(rep.figures);
}

// Rows of (criterion id, n, points, max, passed) sums; finished when named.
template <typename Cursor>
std::vector<CriterionFigure> read_criterion_rows(Cursor& q) {
    std::vector<CriterionFigure> out;
    while (q.step()) {
        CriterionFigure c;
        c.id = q.text(0);
        c.n = q.i64(1);
        c.points = q.i64(2);
        c.max_points = q.i64(3);
        c.passed = q.i64(4);
        out.push_back(std::move(c));
    }
    return out;
}

// The rows of item_report_sql.
template <typename Cursor>
void add_item_rows(Cursor& q, ItemReport& rep) {
    while (q.step()) {
        const std::string scenario = q.text(0);
        if (rep.scenarios.empty() || rep.scenarios.back().scenario_id != scenario)
            rep.scenarios.push_back({scenario, q.i64(1), q.f64(11), {}});
        ItemFigure it;
        it.criterion_id = q.text(2);
        it.n = q.i64(3);
        const double n = static_cast<double>(it.n);
        it.mean_points = static_cast<double>(q.i64(4)) / n;
        it.max_points = static_cast<double>(q.i64(5)) / n;
        const std::int64_t scored = q.i64(7);
        if (scored > 0) it.facility = 100.0 * q.f64(6) / static_cast<double>(scored);
        const std::int64_t third = q.i64(10);
        if (third > 0) it.discrimination = (q.f64(8) - q.f64(9)) / static_cast<double>(third);
        rep.scenarios.back().items.push_back(std::move(it));
    }
}

// The rows of agreement_report_sql, with the overall figure; criteria named by the caller.
template <typename Cursor>
void add_agreement_rows(Cursor& q, AgreementReport& rep) {
    AgreementFigure& all = rep.overall;
    all.criterion_id = "*";
    while (q.step()) {
        AgreementFigure f;
        f.criterion_id = q.text(0);
        f.both_pass = q.i64(1);
        f.auto_pass_only = q.i64(2);
        f.override_pass_only = q.i64(3);
        f.both_fail = q.i64(4);
        finish(f);
        all.both_pass += f.both_pass, all.auto_pass_only += f.auto_pass_only;
        all.override_pass_only += f.override_pass_only, all.both_fail += f.both_fail;
        rep.criteria.push_back(std::move(f));
    }
    finish(all);
}

}  // namespace dd::store
