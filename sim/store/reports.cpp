// Reports (reports.h). The group report reads the summaries (whole months inside the date range,
// single days at its ends); the others read attempts through their indexes. Every query is
// plain SQL that PostgreSQL 15 runs as well (window functions, CASE, integer division).
//
// Sections: filters · result set info · group · trainee · items · agreement.
#include "reports.h"

#include <algorithm>
#include <limits>
#include <map>

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

std::string origin_in(const std::vector<session::Origin>& origins, const std::string& column) {
    std::string list;
    for (auto o : origins)
        list += std::string(list.empty() ? "" : ", ") + "'" + std::string(session::origin_name(o)) + "'";
    return column + " IN (" + list + ")";
}

// The dimension filters, on the columns of `t` (a summary table or attempts a).
Where dims_where(const GroupFilter& f, const std::string& t, bool with_scenario) {
    Where w;
    if (!f.site.empty()) w.add(t + ".site = ?", f.site);
    if (!f.cohort.empty()) w.add(t + ".cohort = ?", f.cohort);
    if (with_scenario && !f.scenario.empty()) w.add(t + ".scenario_id = ?", f.scenario);
    if (f.mode) w.add(t + ".mode = ?", std::string(session::mode_name(*f.mode)));
    w.add_raw(origin_in(counted_origins(f), t + ".origin"));
    // Never an assessment that was not proctored.
    w.add_raw("NOT (" + t + ".mode = 'assessment' AND " + t + ".origin <> 'proctored')");
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

std::optional<double> ratio(std::int64_t a, std::int64_t b) {
    if (b == 0) return std::nullopt;
    return static_cast<double>(a) / static_cast<double>(b);
}

void finish(GroupFigures& g) {
    g.pass_rate = ratio(g.passed, g.attempts);
    g.mean_score = ratio(g.score_sum, g.attempts);
    g.within_3_rate = ratio(g.phone_within_3, g.phone_calls);
    g.response_mean_ms = ratio(g.response_ms, g.response_n);
    g.resolution_mean_ms = ratio(g.resolution_ms, g.resolution_n);
    g.complaint_success_rate = ratio(g.complaint_passed, g.complaint_attempts);
}

void finish(CriterionFigure& c) {
    if (c.max_points > 0) c.percent = 100.0 * static_cast<double>(c.points) / static_cast<double>(c.max_points);
    c.pass_rate = ratio(c.passed, c.n).value_or(0);
}

// A criterion's title and category: from the set's catalogue, else any catalogue that has it.
void name_criterion(sql::Db& db, const ResultSetRef& set, std::string& id, std::string& title,
                    std::string* category) {
    auto q = db.query(
        "SELECT title, category FROM catalogue_criteria WHERE criterion_id = ?1 "
        "ORDER BY CASE WHEN catalogue_hash = ?2 THEN 0 ELSE 1 END, catalogue_hash LIMIT 1");
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
    constexpr std::int64_t lo = std::numeric_limits<std::int64_t>::min() / 4;
    constexpr std::int64_t hi = std::numeric_limits<std::int64_t>::max() / 4;
    const std::int64_t from = f.from_day.value_or(lo);
    const std::int64_t to = f.to_day.value_or(hi);
    std::int64_t m1 = f.from_day ? month_of_day(from) : lo;
    if (f.from_day && first_day_of_month(m1) != from) ++m1;
    std::int64_t m2 = f.to_day ? month_of_day(to) : hi;
    if (f.to_day && first_day_of_month(m2 + 1) - 1 != to) --m2;
    std::int64_t d1 = 1, d2 = 0, d3 = 1, d4 = 0;  // empty day ranges
    if (m1 <= m2) {
        if (f.from_day) d1 = from, d2 = first_day_of_month(m1) - 1;
        if (f.to_day) d3 = first_day_of_month(m2 + 1), d4 = to;
    } else {
        m1 = 1, m2 = 0;
        d1 = from, d2 = to;
    }
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
    if (m1 <= m2) parts = branch(r.months, "s.grain = 1", "s.period BETWEEN ? AND ?", {m1, m2});
    if (d1 <= d2 || d3 <= d4)
        parts += (parts.empty() ? "" : " UNION ALL ") +
                 branch(r.days, "s.grain = 0",
                        "(s.period BETWEEN ? AND ? OR s.period BETWEEN ? AND ?)", {d1, d2, d3, d4});
    if (parts.empty()) parts = "SELECT * FROM " + table + " s WHERE 0 = 1";
    r.sql = "(" + parts + ")";
    return r;
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

constexpr const char* kFigureSums =
    "sum(attempts), sum(passed), sum(score_sum), sum(max_sum), sum(finished), sum(abandoned), "
    "sum(timed_out), sum(phone_calls), sum(phone_within_3), sum(response_n), sum(response_ms), "
    "sum(resolution_n), sum(resolution_ms), sum(complaint_attempts), sum(complaint_passed)";

void read_figures(const sql::Query& q, int c, GroupFigures& g) {
    g.attempts = q.i64(c);
    g.passed = q.i64(c + 1);
    g.score_sum = q.i64(c + 2);
    g.max_sum = q.i64(c + 3);
    g.finished = q.i64(c + 4);
    g.abandoned = q.i64(c + 5);
    g.timed_out = q.i64(c + 6);
    g.phone_calls = q.i64(c + 7);
    g.phone_within_3 = q.i64(c + 8);
    g.response_n = q.i64(c + 9);
    g.response_ms = q.i64(c + 10);
    g.resolution_n = q.i64(c + 11);
    g.resolution_ms = q.i64(c + 12);
    g.complaint_attempts = q.i64(c + 13);
    g.complaint_passed = q.i64(c + 14);
}

// Adds the rows of q (scenario id, catalogue version, then kFigureSums' columns) to the
// report: per scenario, per version, and the totals.
void add_rows(sql::Query& q, GroupReport& rep) {
    std::map<std::string, std::int64_t> versions;
    while (q.step()) {
        GroupFigures g;
        read_figures(q, 2, g);
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

// Rows of (criterion id, n, points, max, passed) sums.
std::vector<CriterionFigure> read_criteria(sql::Query& q) {
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
    return read_criteria(q);
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
    add_rows(q, rep);

    if (!f.scenario.empty()) {
        rep.criteria = criteria_from_attempts(db, f, off);
    } else {
        const SummaryRows crows = summary_rows(db, "summary_criteria", f, false);
        auto c = db.once("SELECT s.criterion_id, sum(s.n), sum(s.points_sum), sum(s.max_sum), "
                         "sum(s.passed) FROM " + crows.sql +
                         " s GROUP BY s.criterion_id ORDER BY s.criterion_id");
        crows.bind(c);
        rep.criteria = read_criteria(c);
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
    add_rows(q, rep);
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
        std::map<std::string, std::int64_t> versions;
        for (auto it = rep.history.rbegin(); it != rep.history.rend(); ++it) {
            if (!it->result || it->result->max_points <= 0) continue;
            versions[it->result->catalogue_version] += 1;
            rep.trend.push_back({it->ended_at_ms, it->scenario_id,
                                 100.0 * it->result->score / it->result->max_points});
        }
        for (const auto& [v, n] : versions) rep.result_set.versions.push_back({v, n});
        const std::size_t n = rep.trend.size();
        if (n >= 2) {
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            for (std::size_t i = 0; i < n; ++i) {
                const double x = static_cast<double>(i), y = rep.trend[i].percent;
                sx += x, sy += y, sxx += x * x, sxy += x * y;
            }
            const double dn = static_cast<double>(n);
            rep.trend_slope = (dn * sxy - sx * sy) / (dn * sxx - sx * sx);
        }
        auto mean = [&](std::size_t from, std::size_t to) -> std::optional<double> {
            if (from >= to) return std::nullopt;
            double s = 0;
            for (std::size_t i = from; i < to; ++i) s += rep.trend[i].percent;
            return s / static_cast<double>(to - from);
        };
        const std::size_t split = n > 5 ? n - 5 : 0;
        rep.recent_mean = mean(split, n);
        rep.earlier_mean = mean(0, split);
        auto q = db.query(std::string(
                              "SELECT c.criterion_id, count(*), sum(c.points), sum(c.max_points), "
                              "sum(c.passed) FROM attempts a JOIN people p ON p.id = a.trainee_id "
                              "JOIN results r ON r.attempt_seq = a.seq AND ") +
                          kSetOfR +
                          " JOIN criterion_results c ON c.result_id = r.id WHERE p.employee_no = ?3 "
                          "GROUP BY c.criterion_id");
        q.with(set.catalogue_hash, set.lexicon_hash, employee_no);
        rep.weakest = read_criteria(q);
        name_and_finish(db, set, rep.weakest);
        std::stable_sort(rep.weakest.begin(), rep.weakest.end(), [](const auto& a, const auto& b) {
            const double pa = a.percent.value_or(101), pb = b.percent.value_or(101);
            return pa != pb ? pa < pb : a.id < b.id;
        });
        return rep;
    });
}

// --- items ----------------------------------------------------------------------------------


Result<ItemReport> item_report(Store& store, const Principal& who, const GroupFilter& filter) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<ItemReport> {
        StoreAccess::require(store, db, who, Role::Supervisor);
        sql::Txn read(db, false);
        ItemReport rep = report_head<ItemReport>(db, filter);
        const Where w = attempts_where(filter, StoreAccess::utc_offset(store));
        // Each attempt ranked within its scenario both ways: the top third are the first ⌊n/3⌋
        // by score (ties: stored first), the bottom third the first ⌊n/3⌋ the other way.
        auto q = db.once(
            std::string(
                "WITH ranked AS (SELECT a.scenario_id, r.id AS result_id, r.score, "
                "ROW_NUMBER() OVER (PARTITION BY a.scenario_id ORDER BY r.score DESC, a.seq) AS top_rank, "
                "ROW_NUMBER() OVER (PARTITION BY a.scenario_id ORDER BY r.score, a.seq DESC) AS bottom_rank, "
                "COUNT(*) OVER (PARTITION BY a.scenario_id) AS n, "
                "AVG(1.0 * r.score) OVER (PARTITION BY a.scenario_id) AS mean_score "
                "FROM attempts a JOIN results r ON r.attempt_seq = a.seq AND ") +
            kSetOfR + " WHERE " + w.clause() +
            ") SELECT k.scenario_id, max(k.n), c.criterion_id, count(*), sum(c.points), "
            "sum(c.max_points), "
            "sum(CASE WHEN c.max_points > 0 THEN 1.0 * c.points / c.max_points ELSE 0 END), "
            "sum(CASE WHEN c.max_points > 0 THEN 1 ELSE 0 END), "
            "sum(CASE WHEN k.top_rank <= k.n / 3 AND c.max_points > 0 "
            "THEN 1.0 * c.points / c.max_points ELSE 0 END), "
            "sum(CASE WHEN k.bottom_rank <= k.n / 3 AND c.max_points > 0 "
            "THEN 1.0 * c.points / c.max_points ELSE 0 END), "
            "max(k.n / 3), max(k.mean_score) "
            "FROM ranked k JOIN criterion_results c ON c.result_id = k.result_id "
            "GROUP BY k.scenario_id, c.criterion_id ORDER BY k.scenario_id, c.criterion_id");
        q.bind(1, filter.result_set.catalogue_hash).bind(2, filter.result_set.lexicon_hash);
        w.bind(q, 3);
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
        // The latest override of each (result, criterion) against the automatic verdict.
        auto q = db.once(
            std::string("SELECT c.criterion_id, "
                        "sum(CASE WHEN c.passed = 1 AND o.passed = 1 THEN 1 ELSE 0 END), "
                        "sum(CASE WHEN c.passed = 1 AND o.passed = 0 THEN 1 ELSE 0 END), "
                        "sum(CASE WHEN c.passed = 0 AND o.passed = 1 THEN 1 ELSE 0 END), "
                        "sum(CASE WHEN c.passed = 0 AND o.passed = 0 THEN 1 ELSE 0 END) "
                        "FROM attempts a JOIN results r ON r.attempt_seq = a.seq AND ") +
            kSetOfR +
            " JOIN overrides o ON o.result_id = r.id AND o.id = (SELECT max(o2.id) FROM "
            "overrides o2 WHERE o2.result_id = o.result_id AND o2.criterion_id = o.criterion_id) "
            "JOIN criterion_results c ON c.result_id = r.id AND c.criterion_id = o.criterion_id "
            "WHERE " + w.clause() + " GROUP BY c.criterion_id ORDER BY c.criterion_id");
        q.bind(1, filter.result_set.catalogue_hash).bind(2, filter.result_set.lexicon_hash);
        w.bind(q, 3);
        AgreementFigure& all = rep.overall;
        all.criterion_id = "*";
        while (q.step()) {
            AgreementFigure f;
            f.criterion_id = q.text(0);
            f.both_pass = q.i64(1);
            f.auto_pass_only = q.i64(2);
            f.override_pass_only = q.i64(3);
            f.both_fail = q.i64(4);
            rep.criteria.push_back(std::move(f));
        }
        auto complete = [](AgreementFigure& f) {
            f.n = f.both_pass + f.auto_pass_only + f.override_pass_only + f.both_fail;
            f.percent_agreement =
                f.n ? 100.0 * static_cast<double>(f.both_pass + f.both_fail) / static_cast<double>(f.n)
                    : 0;
            f.kappa = cohen_kappa(f.both_pass, f.auto_pass_only, f.override_pass_only, f.both_fail);
        };
        for (auto& f : rep.criteria) {
            complete(f);
            name_criterion(db, filter.result_set, f.criterion_id, f.title, nullptr);
            all.both_pass += f.both_pass, all.auto_pass_only += f.auto_pass_only;
            all.override_pass_only += f.override_pass_only, all.both_fail += f.both_fail;
        }
        complete(all);
        return rep;
    });
}

}  // namespace dd::store
