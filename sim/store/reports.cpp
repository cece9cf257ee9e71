// Reports (reports.h). The group report reads the summaries (whole months inside the date range,
// single days at its ends); the others read attempts through their indexes. Every query is
// plain SQL that PostgreSQL 15 runs as well (window functions, CASE, integer division).
//
// Sections: filters · result set info · group · trainee · charts · items · agreement.
#include "reports.h"

#include "report_model.h"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <unordered_map>

#include "store_internal.h"
#include "summaries.h"

namespace dd::store {

// --- filters --------------------------------------------------------------------------------

std::vector<session::Origin> counted_origins(const GroupFilter& f) {
    if (f.mode == session::Mode::Assessment) return {session::Origin::Proctored};
    if (f.origins.empty()) return {session::Origin::Proctored, session::Origin::Imported};
    return f.origins;
}

namespace {

// The dimension filters, on the columns of `t` (a summary table or attempts a).
Where dims_where(const GroupFilter& f, const std::string& t, bool with_scenario) {
    Where w;
    if (!f.site.empty()) w.add(t + ".site = ?", f.site);
    if (!f.cohort.empty()) w.add(t + ".cohort = ?", f.cohort);
    if (with_scenario && !f.scenario.empty()) w.add(t + ".scenario_id = ?", f.scenario);
    if (f.mode) w.add(t + ".mode = ?", std::string(session::mode_name(*f.mode)));
    w.add_raw(origin_rule_sql(f, t));
    return w;
}


// The same filter on attempts a (with ended_at_ms for the days).
Where attempts_where(const GroupFilter& f, int utc_offset_min) {
    Where w = dims_where(f, "a", true);
    const std::int64_t off = static_cast<std::int64_t>(utc_offset_min) * 60000;
    if (f.from_day) w.add("a.ended_at_ms >= ?", *f.from_day * 86400000 - off);
    if (f.to_day) w.add("a.ended_at_ms < ?", (*f.to_day + 1) * 86400000 - off);
    return w;
}

// The result rows r of the set asked for: ?1 catalogue hash ('' = originals), ?2 lexicon hash.
constexpr const char* kSetOfR =
    "((?1 = '' AND r.original = 1) OR (r.catalogue_hash = ?1 AND r.lexicon_hash = ?2))";

// A criterion's title and category: from the set's catalogue, else any catalogue that has it
// (the first by hash). A catalogue "has" a criterion when its row has a category: a result
// scored under a catalogue without one of the scenario's criteria records that criterion with
// its id for a title and no category (scorer.cpp, "not in the catalogue"), which names nothing.
void name_criterion(sql::Db& db, const ResultSetRef& set, std::string& id, std::string& title,
                    std::string* category) {
    auto q = db.query(
        "SELECT title, category FROM catalogue_criteria WHERE criterion_id = ?1 "
        "ORDER BY category = '', CASE WHEN catalogue_hash = ?2 THEN 0 ELSE 1 END, "
        "catalogue_hash LIMIT 1");
    q.with(id, set.catalogue_hash);
    if (q.step()) {
        title = q.text(0);
        if (category) *category = q.text(1);
    } else {
        title = id;
    }
}

// --- result set info ------------------------------------------------------------------------

ResultSetInfo set_info(sql::Db& db, const ResultSetRef& set) {
    ResultSetInfo info;
    info.original = set.original();
    info.catalogue_hash = set.catalogue_hash;
    info.lexicon_hash = set.lexicon_hash;
    if (!set.original())
        info.catalogue_version =
            db.query("SELECT catalogue_version FROM result_sets WHERE catalogue_hash = ?1 AND "
                     "lexicon_hash = ?2")
                .with(set.catalogue_hash, set.lexicon_hash)
                .scalar_text()
                .value_or("");
    return info;
}

// What every filtered report starts with: the filter, the origins counted, the result set.
template <typename R>
R report_head(sql::Db& db, const GroupFilter& filter) {
    R rep;
    rep.filter = filter;
    rep.origins = counted_origins(filter);
    rep.result_set = set_info(db, filter.result_set);
    return rep;
}

// The summary rows of the result set: the originals of every set, or one set.
void add_set(Where& w, sql::Db& db, const ResultSetRef& set, const std::string& t) {
    if (set.original()) {
        w.add_raw(t + ".original = 1");
        return;
    }
    w.add(t + ".set_id = ?",
          db.query("SELECT id FROM result_sets WHERE catalogue_hash = ?1 AND lexicon_hash = ?2")
              .with(set.catalogue_hash, set.lexicon_hash)
              .scalar_i64()
              .value_or(-1));
}

// The rows of a summary table for the filter, as a subquery: the whole months inside [from, to]
// (grain 1) and the days at its ends (grain 0), each branch its own SELECT so both walk the key
// (grain, site, cohort, period, …). Values bound from ?1 on.
struct SummaryRows {
    std::string sql;
    Where months, days;
    int bind(sql::Query& q) const { return days.bind(q, months.bind(q, 1)); }
};

SummaryRows summary_rows(sql::Db& db, const std::string& table, const GroupFilter& f,
                         bool with_scenario) {
    const PeriodRanges p = period_ranges(f);
    SummaryRows r;
    auto branch = [&](Where& w, const char* grain, const char* periods,
                      std::initializer_list<std::int64_t> values) {
        w.add_raw(grain);
        w.add_all(dims_where(f, "s", with_scenario));
        add_set(w, db, f.result_set, "s");
        w.add_raw(periods);
        w.values.insert(w.values.end(), values.begin(), values.end());
        return "SELECT * FROM " + table + " s WHERE " + w.clause();
    };
    // A branch with nothing to read is left out: scanning every day row to find none would cost
    // more than the whole report.
    std::string parts;
    if (p.months())
        parts = branch(r.months, "s.grain = 1", "s.period BETWEEN ? AND ?", {p.m1, p.m2});
    if (p.days())
        parts +=
            (parts.empty() ? "" : " UNION ALL ") +
            branch(r.days, "s.grain = 0", "(s.period BETWEEN ? AND ? OR s.period BETWEEN ? AND ?)",
                   {p.d1, p.d2, p.d3, p.d4});
    if (parts.empty()) parts = "SELECT * FROM " + table + " s WHERE 0 = 1";
    r.sql = "(" + parts + ")";
    return r;
}

// Days from the range's first to its last (none when it is open at either end).
std::optional<std::int64_t> f_range_days(const GroupFilter& f) {
    if (!f.from_day || !f.to_day) return std::nullopt;
    return *f.to_day - *f.from_day + 1;
}

std::int64_t count_trainees(sql::Db& db, const GroupFilter& f) {
    return db.query("SELECT count(*) FROM people WHERE role = 'trainee' AND active = 1 AND "
                    "(?1 = '' OR site = ?1) AND (?2 = '' OR cohort = ?2)")
        .with(f.site, f.cohort)
        .scalar_i64()
        .value_or(0);
}

}  // namespace

// --- group ----------------------------------------------------------------------------------

namespace {

// Per-criterion figures from attempts (with a scenario filter, which the criterion summaries
// do not have, and for group_report_from_attempts).
std::vector<CriterionFigure> criteria_from_attempts(sql::Db& db, const GroupFilter& f, int off) {
    const Where w = attempts_where(f, off);
    auto q = db.once(std::string(
                         "SELECT c.criterion_id, count(*), sum(c.points), sum(c.max_points), "
                         "sum(c.passed) FROM attempts a JOIN results r ON r.attempt_seq = a.seq "
                         "AND ") + kSetOfR +
                     " JOIN criterion_results c ON c.result_id = r.id WHERE " + w.clause() +
                     " GROUP BY c.criterion_id ORDER BY c.criterion_id");
    q.bind(1, f.result_set.catalogue_hash).bind(2, f.result_set.lexicon_hash);
    w.bind(q, 3);
    return read_criterion_rows(q);
}

void name_and_finish(sql::Db& db, const ResultSetRef& set, std::vector<CriterionFigure>& cs) {
    for (auto& c : cs) {
        name_criterion(db, set, c.id, c.title, &c.category);
        finish(c);
    }
}

GroupReport group_from_summaries(sql::Db& db, const GroupFilter& f, int off) {
    GroupReport rep = report_head<GroupReport>(db, f);
    rep.trainees = count_trainees(db, f);
    // Per scenario and catalogue version; the totals are their sums.
    const SummaryRows rows = summary_rows(db, "summary_attempts", f, true);
    auto q = db.once(std::string("SELECT s.scenario_id, s.catalogue_version, ") + kFigureSums +
                     " FROM " + rows.sql + " s GROUP BY s.scenario_id, s.catalogue_version "
                     "ORDER BY 1, 2");
    rows.bind(q);
    add_group_rows(q, rep);

    if (!f.scenario.empty()) {
        rep.criteria = criteria_from_attempts(db, f, off);
    } else {
        const SummaryRows crows = summary_rows(db, "summary_criteria", f, false);
        auto c = db.once("SELECT s.criterion_id, sum(s.n), sum(s.points_sum), sum(s.max_sum), "
                         "sum(s.passed) FROM " + crows.sql +
                         " s GROUP BY s.criterion_id ORDER BY s.criterion_id");
        crows.bind(c);
        rep.criteria = read_criterion_rows(c);
    }
    name_and_finish(db, f.result_set, rep.criteria);
    return rep;
}

GroupReport group_from_attempts(sql::Db& db, const GroupFilter& f, int off) {
    GroupReport rep = report_head<GroupReport>(db, f);
    rep.trainees = count_trainees(db, f);
    const Where w = attempts_where(f, off);
    auto q = db.once(
        std::string("SELECT a.scenario_id, r.catalogue_version, count(*), sum(r.passed), "
                    "sum(r.score), sum(r.max_points), "
                    "sum(CASE WHEN a.ending = 'finished' THEN 1 ELSE 0 END), "
                    "sum(CASE WHEN a.ending = 'abandoned' THEN 1 ELSE 0 END), "
                    "sum(CASE WHEN a.ending = 'timed-out' THEN 1 ELSE 0 END), "
                    "sum(a.phone_calls), sum(a.phone_within_3), sum(a.response_n), "
                    "sum(a.response_ms), sum(a.resolution_n), sum(a.resolution_ms), "
                    "sum(CASE WHEN a.category = 'complaint' THEN 1 ELSE 0 END), "
                    "sum(CASE WHEN a.category = 'complaint' AND r.passed = 1 THEN 1 ELSE 0 END) "
                    "FROM attempts a JOIN results r ON r.attempt_seq = a.seq AND ") +
        kSetOfR + " WHERE " + w.clause() +
        " GROUP BY a.scenario_id, r.catalogue_version ORDER BY 1, 2");
    q.bind(1, f.result_set.catalogue_hash).bind(2, f.result_set.lexicon_hash);
    w.bind(q, 3);
    add_group_rows(q, rep);
    rep.criteria = criteria_from_attempts(db, f, off);
    name_and_finish(db, f.result_set, rep.criteria);
    return rep;
}

}  // namespace

Result<GroupReport> group_report(Store& store, const Principal& who, const GroupFilter& filter) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<GroupReport> {
        StoreAccess::require(store, db, who, Role::Supervisor);
        sql::Txn read(db, false);
        return group_from_summaries(db, filter, StoreAccess::utc_offset(store));
    });
}

Result<GroupReport> group_report_from_attempts(Store& store, const Principal& who,
                                               const GroupFilter& filter) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<GroupReport> {
        StoreAccess::require(store, db, who, Role::Supervisor);
        sql::Txn read(db, false);
        return group_from_attempts(db, filter, StoreAccess::utc_offset(store));
    });
}

// --- trainee --------------------------------------------------------------------------------

Result<TraineeReport> trainee_report(Store& store, const Principal& who,
                                     const std::string& employee_no, const ResultSetRef& set) {
    auto person = store.person(who, employee_no);
    if (!person) return person.error();
    AttemptFilter f;
    f.trainee = employee_no;
    f.result_set = set;
    auto history = store.attempts(who, f);
    if (!history) return history.error();
    AssignmentFilter af;
    af.trainee = employee_no;
    auto statuses = assignment_status(store, who, af);
    if (!statuses) return statuses.error();
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<TraineeReport> {
        TraineeReport rep;
        rep.person = *person;
        rep.result_set = set_info(db, set);
        rep.history = std::move(*history);
        rep.assignments = std::move(*statuses);
        trend_of_history(rep);
        auto q = db.query(std::string(
                              "SELECT c.criterion_id, count(*), sum(c.points), sum(c.max_points), "
                              "sum(c.passed) FROM attempts a JOIN people p ON p.id = a.trainee_id "
                              "JOIN results r ON r.attempt_seq = a.seq AND ") +
                          kSetOfR +
                          " JOIN criterion_results c ON c.result_id = r.id WHERE p.employee_no = ?3 "
                          "GROUP BY c.criterion_id");
        q.with(set.catalogue_hash, set.lexicon_hash, employee_no);
        rep.weakest = read_criterion_rows(q);
        name_and_finish(db, set, rep.weakest);
        sort_weakest(rep.weakest);
        return rep;
    });
}

// --- charts ---------------------------------------------------------------------------------

namespace {

ScorePoint& point_at(std::vector<ScorePoint>& out, std::int64_t period) {
    if (out.empty() || out.back().period != period) out.push_back({period, 0, 0, std::nullopt});
    return out.back();
}

// Per day: the summaries' day rows inside the range.
std::vector<ScorePoint> daily_points(sql::Db& db, const GroupFilter& f) {
    Where w;
    w.add_raw("s.grain = 0");
    w.add_all(dims_where(f, "s", true));
    add_set(w, db, f.result_set, "s");
    if (f.from_day) w.add("s.period >= ?", *f.from_day);
    if (f.to_day) w.add("s.period <= ?", *f.to_day);
    auto q = db.once("SELECT s.period, sum(s.attempts), sum(s.passed), sum(s.score_sum), "
                     "sum(s.max_sum) FROM summary_attempts s WHERE " + w.clause() +
                     " GROUP BY s.period ORDER BY s.period");
    w.bind(q, 1);
    std::vector<ScorePoint> out;
    while (q.step()) {
        ScorePoint& p = point_at(out, q.i64(0));
        p.attempts = q.i64(1);
        p.passed = q.i64(2);
        if (q.i64(4) > 0) p.percent = 100.0 * static_cast<double>(q.i64(3)) / q.i64(4);
    }
    return out;
}

// Per month: the whole months inside the range and the days at its ends (summary_rows), the
// days added to their months.
std::vector<ScorePoint> monthly_points(sql::Db& db, const GroupFilter& f) {
    const SummaryRows rows = summary_rows(db, "summary_attempts", f, true);
    auto q = db.once("SELECT s.grain, s.period, sum(s.attempts), sum(s.passed), "
                     "sum(s.score_sum), sum(s.max_sum) FROM " + rows.sql +
                     " s GROUP BY s.grain, s.period");
    rows.bind(q);
    std::map<std::int64_t, std::array<std::int64_t, 4>> months;
    while (q.step()) {
        const std::int64_t m = q.i64(0) == 1 ? q.i64(1) : month_of_day(q.i64(1));
        auto& sums = months[m];
        for (int i = 0; i < 4; ++i) sums[static_cast<std::size_t>(i)] += q.i64(2 + i);
    }
    std::vector<ScorePoint> out;
    for (const auto& [m, sums] : months) {
        ScorePoint& p = point_at(out, m);
        p.attempts = sums[0];
        p.passed = sums[1];
        if (sums[3] > 0) p.percent = 100.0 * static_cast<double>(sums[2]) / sums[3];
    }
    return out;
}

// Days when they fit the chart, else months (a range of a few months whose data starts late
// still shows its days).
void over_time(sql::Db& db, const GroupFilter& filter, ChartFigures& ch) {
    const auto span = f_range_days(filter);
    if (span && *span <= static_cast<std::int64_t>(ChartFigures::kMaxDailyPoints)) {
        ch.over_time = daily_points(db, filter);
        return;
    }
    ch.monthly = true;
    ch.over_time = monthly_points(db, filter);
    if (ch.over_time.size() * 31 <= ChartFigures::kMaxDailyPoints) {
        ch.monthly = false;
        ch.over_time = daily_points(db, filter);
    }
}

// The distribution and each trainee's figures: one pass over the attempts' results, summed
// here (grouping 100,000 rows by trainee and bin in SQL, a temporary B-tree, costs four times
// the scan itself).
void attempt_figures(sql::Db& db, const GroupFilter& filter, int utc_offset_min,
                     ChartFigures& ch) {
    const Where w = attempts_where(filter, utc_offset_min);
    auto q = db.once(std::string("SELECT a.trainee_id, r.score, r.max_points, r.passed, "
                                 "a.ended_at_ms FROM attempts a JOIN results r ON "
                                 "r.attempt_seq = a.seq AND ") +
                     kSetOfR + " WHERE " + w.clause());
    q.bind(1, filter.result_set.catalogue_hash).bind(2, filter.result_set.lexicon_hash);
    w.bind(q, 3);
    struct Sums {
        std::int64_t attempts = 0, passed = 0, score = 0, max = 0, last = 0;
    };
    std::unordered_map<std::int64_t, Sums> by_person;
    while (q.step()) {
        Sums& t = by_person[q.i64(0)];
        const std::int64_t score = q.i64(1), max = q.i64(2);
        const std::int64_t bin = max <= 0 ? 0 : score >= max ? 9 : (score * 10) / max;
        ch.bins[static_cast<std::size_t>(std::clamp<std::int64_t>(bin, 0, 9))] += 1;
        t.attempts += 1;
        t.passed += q.i64(3);
        t.score += score;
        t.max += max;
        t.last = std::max(t.last, q.i64(4));
    }
    auto p = db.query("SELECT id, employee_no, name FROM people ORDER BY employee_no");
    while (p.step()) {
        auto it = by_person.find(p.i64(0));
        if (it == by_person.end()) continue;
        const Sums& t = it->second;
        TraineeFigure f{p.text(1), p.text(2), t.attempts, t.passed, std::nullopt, t.last};
        if (t.max > 0) f.percent = 100.0 * static_cast<double>(t.score) / t.max;
        ch.trainees.push_back(std::move(f));
    }
}

}  // namespace

Result<ChartFigures> chart_figures(Store& store, const Principal& who, const GroupFilter& filter,
                                   ChartParts parts) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<ChartFigures> {
        StoreAccess::require(store, db, who, Role::Supervisor);
        ChartFigures ch;
        if (parts != ChartParts::Attempts) over_time(db, filter, ch);
        if (parts != ChartParts::OverTime)
            attempt_figures(db, filter, StoreAccess::utc_offset(store), ch);
        return ch;
    });
}

// --- items ----------------------------------------------------------------------------------


Result<ItemReport> item_report(Store& store, const Principal& who, const GroupFilter& filter) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<ItemReport> {
        StoreAccess::require(store, db, who, Role::Supervisor);
        sql::Txn read(db, false);
        ItemReport rep = report_head<ItemReport>(db, filter);
        const Where w = attempts_where(filter, StoreAccess::utc_offset(store));
        auto q = db.once(item_report_sql(kSetOfR, w.clause()));
        q.bind(1, filter.result_set.catalogue_hash).bind(2, filter.result_set.lexicon_hash);
        w.bind(q, 3);
        add_item_rows(q, rep);
        for (auto& s : rep.scenarios)
            for (auto& it : s.items) name_criterion(db, filter.result_set, it.criterion_id, it.title, nullptr);
        return rep;
    });
}

// --- agreement ------------------------------------------------------------------------------

std::optional<double> cohen_kappa(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d) {
    const double n = static_cast<double>(a + b + c + d);
    if (n == 0) return std::nullopt;
    const double po = static_cast<double>(a + d) / n;
    const double first_yes = static_cast<double>(a + b) / n;
    const double second_yes = static_cast<double>(a + c) / n;
    const double pe = first_yes * second_yes + (1 - first_yes) * (1 - second_yes);
    if (pe >= 1.0) return std::nullopt;
    return (po - pe) / (1 - pe);
}

Result<AgreementReport> agreement_report(Store& store, const Principal& who,
                                         const GroupFilter& filter) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<AgreementReport> {
        StoreAccess::require(store, db, who, Role::Supervisor);
        sql::Txn read(db, false);
        AgreementReport rep = report_head<AgreementReport>(db, filter);
        const Where w = attempts_where(filter, StoreAccess::utc_offset(store));
        auto q = db.once(agreement_report_sql(kSetOfR, w.clause()));
        q.bind(1, filter.result_set.catalogue_hash).bind(2, filter.result_set.lexicon_hash);
        w.bind(q, 3);
        add_agreement_rows(q, rep);
        for (auto& f : rep.criteria)
            name_criterion(db, filter.result_set, f.criterion_id, f.title, nullptr);
        return rep;
    });
}

}  // namespace dd::store
