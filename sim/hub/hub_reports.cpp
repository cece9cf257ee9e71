// Reports on the hub (hub_reports.h). The SQL mirrors sim/store/reports.cpp with the hub's
// dimensions: a site is the site that sent the attempt (site_id), a region the site's; the
// shared pieces (origin rule, date ranges, item and agreement SQL, rows to figures) are the
// store's own (report_model.h). Text is ordered COLLATE "C", the byte order SQLite uses, so
// both list scenarios and criteria alike.
#include "hub_reports.h"

#include <map>

#include "hub_internal.h"
#include "sim/store/report_model.h"
#include "sim/store/summaries.h"

namespace dd::hub {

namespace {

using store::GroupFilter;

constexpr const char* kC = " COLLATE \"C\"";

// The summaries' columns a report sums (report_model.h: kFigureSums, read_criterion_rows).
constexpr const char* kAttemptCols =
    "s.scenario_id, s.catalogue_version, s.attempts, s.passed, s.score_sum, s.max_sum, "
    "s.finished, s.abandoned, s.timed_out, s.phone_calls, s.phone_within_3, s.response_n, "
    "s.response_ms, s.resolution_n, s.resolution_ms, s.complaint_attempts, s.complaint_passed";
constexpr const char* kCriterionCols = "s.criterion_id, s.n, s.points_sum, s.max_sum, s.passed";
// A result r's criterion scores as rows c (hub schema 3 keeps them in the result's row; the view
// criterion_results has the records store's shape for the SQL shared with it).
constexpr const char* kCriteriaOfR =
    " CROSS JOIN LATERAL unnest(r.criterion_ids, r.criterion_points, r.criterion_max, "
    "r.criterion_passed) AS c(criterion_id, points, max_points, passed)";

// Parameters numbered as they are added ($1, $2, …).
struct Params {
    std::vector<pg::Param> values;
    std::string add(pg::Param v) {
        values.push_back(std::move(v));
        return "$" + std::to_string(values.size());
    }
    std::string add(std::int64_t v) { return add(pg::Param(std::to_string(v))); }
    std::string add(const std::string& v) { return add(pg::Param(v)); }
};

struct Conds {
    std::string sql;
    void add(const std::string& c) { sql += (sql.empty() ? "" : " AND ") + c; }
    std::string clause() const { return sql.empty() ? "TRUE" : sql; }
};

// A cursor over pg rows for the store's row readers (report_model.h).
class Cursor {
  public:
    explicit Cursor(pg::Rows r) : r_(std::move(r)) {}
    bool step() { return ++i_ < r_.size(); }
    std::string text(int c) const { return r_.text(i_, c); }
    std::int64_t i64(int c) const { return r_.i64(i_, c); }
    double f64(int c) const { return r_.f64(i_, c); }

  private:
    pg::Rows r_;
    int i_ = -1;
};

// The site and region filters on a table with a site_id column.
void add_site_dims(const GroupFilter& f, const std::string& t, Params& p, Conds& w) {
    if (!f.site.empty()) {
        const std::string site = p.add(f.site);
        w.add(t + ".site_id IN (SELECT id FROM sites WHERE code = " + site + " OR name = " + site +
              ")");
    }
    if (!f.region.empty())
        w.add(t + ".site_id IN (SELECT id FROM sites WHERE region = " + p.add(f.region) + ")");
}

// The filters on a summary table `t` (per site, or per region when `by_region`).
void add_summary_dims(const GroupFilter& f, const std::string& t, bool by_region,
                      bool with_scenario, Params& p, Conds& w) {
    if (by_region) {
        if (!f.region.empty()) w.add(t + ".region = " + p.add(f.region));
    } else {
        add_site_dims(f, t, p, w);
    }
    if (!f.cohort.empty()) w.add(t + ".cohort = " + p.add(f.cohort));
    if (with_scenario && !f.scenario.empty()) w.add(t + ".scenario_id = " + p.add(f.scenario));
    if (f.mode) w.add(t + ".mode = " + p.add(std::string(session::mode_name(*f.mode))));
    w.add(store::origin_rule_sql(f, t));
}

class HubReports final : public store::ReportSource {
  public:
    explicit HubReports(std::string conninfo) : conninfo_(std::move(conninfo)) {}

    void open() {
        c_ = connect(conninfo_);
        c_->script("SET default_transaction_read_only = on");
        where_ = "hub " + c_->where();
        offset_ = static_cast<int>(
            c_->run("SELECT value FROM dd_meta WHERE key = 'utc_offset_minutes'").i64(0, 0));
    }

    // The results no fold has summed yet (hub schema 4: the syncs only store them): summed
    // now, so that every report counts every result the hub holds. Looked for first without a
    // lock: a dashboard's many reports do not each take the results' lock (and wait behind a
    // sync's batch) when every result it can see is summed already; a batch still being merged
    // is not visible to the report either way.
    void fold() {
        if (c_->run("SELECT (coalesce(max(id), 0) > (SELECT value::bigint FROM dd_meta WHERE "
                    "key = 'summaries_through'))::integer FROM results")
                .i64(0, 0) == 0)
            return;
        pg::Txn t(*c_);
        c_->script("SET TRANSACTION READ WRITE");
        c_->run("SELECT dd_fold_summaries()");
        t.commit();
    }

    std::string where() const override { return where_; }
    int utc_offset_minutes() const override { return offset_; }

    Result<store::ResultSetRef> resolve_result_set(std::string_view key) override {
        return call([&]() -> Result<store::ResultSetRef> {
            if (key.empty() || key == "original") return store::ResultSetRef{};
            const auto colon = key.find(':');
            const std::string cat(key.substr(0, colon));
            const std::string lex(colon == std::string_view::npos ? "" : key.substr(colon + 1));
            auto q = c_->run(
                "SELECT catalogue_hash, lexicon_hash FROM result_sets WHERE (catalogue_version = "
                "$1 OR catalogue_hash LIKE $1 || '%') AND lexicon_hash LIKE $2 || '%'",
                cat, lex);
            if (q.size() == 1) return store::ResultSetRef{q.text(0, 0), q.text(0, 1)};
            std::string msg = q.size() == 0
                                  ? "no result set on the hub matches '" + std::string(key) + "'"
                                  : "'" + std::string(key) + "' matches several result sets";
            msg +=
                "; the result sets on the hub are (catalogue version, catalogue:lexicon "
                "hashes):";
            auto all = c_->run(
                "SELECT catalogue_version, catalogue_hash, lexicon_hash FROM result_sets "
                "ORDER BY 1 COLLATE \"C\", 2, 3");
            for (int i = 0; i < all.size(); ++i)
                msg += "\n  " + all.text(i, 0) + "  " + all.text(i, 1).substr(0, 12) + ":" +
                       all.text(i, 2).substr(0, 12);
            return Error{q.size() == 0 ? ErrorCode::NotFound : ErrorCode::BadInput, msg};
        });
    }

    Result<store::GroupReport> group(const GroupFilter& f) override {
        return call([&]() -> Result<store::GroupReport> {
            pg::Txn read(*c_);
            auto rep = head<store::GroupReport>(f);
            rep.trainees = count_trainees(f);
            // Per site when a site is asked for, else the regions' months: the cross-site
            // report sums a few rows per region, month, scenario, mode and origin.
            const bool by_region = f.site.empty();
            {
                Params p;
                const std::string rows = summary_rows("attempts", f, by_region, true, p);
                Cursor q(c_->exec(std::string("SELECT s.scenario_id, s.catalogue_version, ") +
                                      store::kFigureSums + " FROM " + rows +
                                      " s GROUP BY 1, 2 ORDER BY s.scenario_id" + kC +
                                      ", s.catalogue_version" + kC,
                                  p.values));
                store::add_group_rows(q, rep);
            }
            if (!f.scenario.empty()) {
                rep.criteria = criteria_from_attempts(f);
            } else {
                Params p;
                const std::string rows = summary_rows("criteria", f, by_region, false, p);
                Cursor q(
                    c_->exec("SELECT s.criterion_id, sum(s.n), sum(s.points_sum), "
                             "sum(s.max_sum), sum(s.passed) FROM " +
                                 rows + " s GROUP BY 1 ORDER BY s.criterion_id" + kC,
                             p.values));
                rep.criteria = store::read_criterion_rows(q);
            }
            name_and_finish(f.result_set, rep.criteria);
            read.commit();
            return rep;
        });
    }

    Result<store::ItemReport> items(const GroupFilter& f) override {
        return call([&]() -> Result<store::ItemReport> {
            pg::Txn read(*c_);
            auto rep = head<store::ItemReport>(f);
            Params p;
            const std::string set = set_of_r(f.result_set, p);
            const std::string w = attempts_where(f, p);
            Cursor q(c_->exec(store::item_report_sql(set, w, kC), p.values));
            store::add_item_rows(q, rep);
            auto names = criterion_names(f.result_set);
            for (auto& s : rep.scenarios)
                for (auto& it : s.items) it.title = title_of(names, it.criterion_id, nullptr);
            read.commit();
            return rep;
        });
    }

    Result<store::AgreementReport> agreement(const GroupFilter& f) override {
        return call([&]() -> Result<store::AgreementReport> {
            pg::Txn read(*c_);
            auto rep = head<store::AgreementReport>(f);
            Params p;
            const std::string set = set_of_r(f.result_set, p);
            const std::string w = attempts_where(f, p);
            Cursor q(c_->exec(store::agreement_report_sql(set, w, kC), p.values));
            store::add_agreement_rows(q, rep);
            auto names = criterion_names(f.result_set);
            for (auto& c : rep.criteria) c.title = title_of(names, c.criterion_id, nullptr);
            read.commit();
            return rep;
        });
    }

    Result<store::TraineeReport> trainee(const std::string& employee_no,
                                         const store::ResultSetRef& set,
                                         const std::string& site) override {
        return call([&]() -> Result<store::TraineeReport> {
            pg::Txn read(*c_);
            Params pp;
            Conds pw;
            pw.add("p.employee_no = " + pp.add(employee_no));
            GroupFilter sf;
            sf.site = site;
            add_site_dims(sf, "p", pp, pw);
            auto who = c_->exec(
                "SELECT p.uuid, p.role, p.employee_no, p.name, p.site, p.cohort, p.active, "
                "p.created_at_ms, p.updated_at_ms, s.code FROM people p JOIN sites s ON s.id = "
                "p.site_id WHERE " +
                    pw.clause() + " ORDER BY s.code",
                pp.values);
            if (who.size() == 0)
                return Error{ErrorCode::NotFound, "no person with employee number '" + employee_no +
                                                      "' on the hub" +
                                                      (site.empty() ? "" : " at '" + site + "'")};
            if (who.size() > 1) {
                std::string sites;
                for (int i = 0; i < who.size(); ++i) sites += (i ? ", " : "") + who.text(i, 9);
                return Error{ErrorCode::BadInput, "employee number '" + employee_no +
                                                      "' is used at several sites (" + sites +
                                                      "); name one with --site"};
            }
            store::TraineeReport rep;
            rep.person.uuid = who.text(0, 0);
            rep.person.role = store::role_from_name(who.text(0, 1)).value_or(store::Role::Trainee);
            rep.person.employee_no = who.text(0, 2);
            rep.person.name = who.text(0, 3);
            rep.person.site = who.text(0, 4);
            rep.person.cohort = who.text(0, 5);
            rep.person.active = who.b(0, 6);
            rep.person.created_at_ms = who.i64(0, 7);
            rep.person.updated_at_ms = who.i64(0, 8);
            rep.result_set = set_info(set);
            Params p;
            const std::string set_cond = set_of_r(set, p);
            const std::string uuid = p.add(rep.person.uuid);
            auto h = c_->exec(
                "SELECT a.site_seq, a.uuid, a.site, a.cohort, a.scenario_id, a.scenario_version, "
                "a.category, a.mode, a.choice_mode, a.origin, a.ending, a.seed, a.started_at_ms, "
                "a.ended_at_ms, a.sim_ms, a.actions, a.phone_calls, a.phone_within_3, "
                "a.response_n, a.response_ms, a.resolution_n, a.resolution_ms, r.id, r.original, "
                "r.catalogue_hash, r.catalogue_version, r.lexicon_hash, r.score, r.max_points, "
                "r.pass_mark, r.passed, r.created_at_ms, " +
                    std::string(store::kScoreWithOverrides) +
                    " FROM attempts a LEFT JOIN results r ON r.attempt_seq = a.seq AND " +
                    set_cond + " WHERE a.trainee_uuid = " + uuid +
                    "::uuid ORDER BY a.ended_at_ms DESC, a.seq DESC",
                p.values);
            for (int i = 0; i < h.size(); ++i) rep.history.push_back(attempt_row(h, i, rep.person));
            store::trend_of_history(rep);
            Params cp;
            const std::string cset = set_of_r(set, cp);
            const std::string cu = cp.add(rep.person.uuid);
            Cursor q(
                c_->exec("SELECT c.criterion_id, count(*), sum(c.points), "
                         "sum(c.max_points), sum(c.passed) FROM attempts a JOIN results r "
                         "ON r.attempt_seq = a.seq AND " +
                             cset + kCriteriaOfR + " WHERE a.trainee_uuid = " + cu +
                             "::uuid GROUP BY 1",
                         cp.values));
            rep.weakest = store::read_criterion_rows(q);
            name_and_finish(set, rep.weakest);
            store::sort_weakest(rep.weakest);
            read.commit();
            return rep;
        });
    }

  private:
    template <typename F>
    auto call(F&& f) -> decltype(f()) {
        return guarded([&]() -> decltype(f()) {
            if (!c_ || !c_->ok()) open();
            fold();
            return f();
        });
    }

    store::ResultSetInfo set_info(const store::ResultSetRef& set) {
        store::ResultSetInfo info;
        info.original = set.original();
        info.catalogue_hash = set.catalogue_hash;
        info.lexicon_hash = set.lexicon_hash;
        if (!set.original()) {
            auto q = c_->run(
                "SELECT catalogue_version FROM result_sets WHERE catalogue_hash = $1 "
                "AND lexicon_hash = $2",
                set.catalogue_hash, set.lexicon_hash);
            if (q.size()) info.catalogue_version = q.text(0, 0);
        }
        return info;
    }

    // A site or region the hub does not know is a mistake in the filter, not an empty report.
    void check_dims(const GroupFilter& f) {
        auto known = [&](const char* where, const std::string& v) {
            return c_->run(std::string("SELECT 1 FROM sites WHERE ") + where + " LIMIT 1", v)
                       .size() > 0;
        };
        if (!f.site.empty() && !known("code = $1 OR name = $1", f.site))
            throw pg::PgError(ErrorCode::NotFound, "",
                              "no site '" + f.site +
                                  "' on the hub (by code or name); `deskdrill hub sites --hub "
                                  "URL` lists them",
                              false);
        if (!f.region.empty() && !known("region = $1", f.region)) {
            auto q = c_->run(
                "SELECT region FROM sites WHERE region <> '' GROUP BY region ORDER BY region "
                "COLLATE \"C\"");
            std::string regions;
            for (int i = 0; i < q.size(); ++i) regions += (i ? ", " : "") + q.text(i, 0);
            throw pg::PgError(ErrorCode::NotFound, "",
                              "no region '" + f.region + "' on the hub; its regions: " +
                                  (regions.empty() ? std::string("none") : regions),
                              false);
        }
    }

    template <typename R>
    R head(const GroupFilter& f) {
        check_dims(f);
        R rep;
        rep.filter = f;
        rep.origins = store::counted_origins(f);
        rep.result_set = set_info(f.result_set);
        return rep;
    }

    std::int64_t count_trainees(const GroupFilter& f) {
        Params p;
        Conds w;
        w.add("p.role = 'trainee' AND p.active = 1");
        add_site_dims(f, "p", p, w);
        if (!f.cohort.empty()) w.add("p.cohort = " + p.add(f.cohort));
        return c_->exec("SELECT count(*) FROM people p WHERE " + w.clause(), p.values).i64(0, 0);
    }

    // The results r of the set asked for.
    static std::string set_of_r(const store::ResultSetRef& set, Params& p) {
        if (set.original()) return "r.original = 1";
        return "(r.catalogue_hash = " + p.add(set.catalogue_hash) +
               " AND r.lexicon_hash = " + p.add(set.lexicon_hash) + ")";
    }

    // The filters on attempts a, days in the hub's time zone.
    std::string attempts_where(const GroupFilter& f, Params& p) const {
        Conds w;
        add_site_dims(f, "a", p, w);
        if (!f.cohort.empty()) w.add("a.cohort = " + p.add(f.cohort));
        if (!f.scenario.empty()) w.add("a.scenario_id = " + p.add(f.scenario));
        if (f.mode) w.add("a.mode = " + p.add(std::string(session::mode_name(*f.mode))));
        w.add(store::origin_rule_sql(f, "a"));
        const std::int64_t off = static_cast<std::int64_t>(offset_) * 60000;
        if (f.from_day) w.add("a.ended_at_ms >= " + p.add(*f.from_day * 86400000 - off));
        if (f.to_day) w.add("a.ended_at_ms < " + p.add((*f.to_day + 1) * 86400000 - off));
        return w.clause();
    }

    // The rows to sum for the filter, as a subquery of the summaries' columns: the whole months
    // inside the range from the summaries (the regions' across sites when `by_region`, else
    // the sites'); the days at its ends from the regions' day summaries across sites, else
    // from the site's records themselves, a row per attempt (`what` "attempts") or per
    // criterion result ("criteria").
    std::string summary_rows(const std::string& what, const GroupFilter& f, bool by_region,
                             bool with_scenario, Params& p) {
        const bool attempts = what == "attempts";
        const store::PeriodRanges r = store::period_ranges(f);
        std::string parts;
        std::string set_cond;
        if (r.months() || (r.days() && by_region)) {
            set_cond = "s.original = 1";
            if (!f.result_set.original()) {
                auto id = c_->run(
                    "SELECT id FROM result_sets WHERE catalogue_hash = $1 AND lexicon_hash = $2",
                    f.result_set.catalogue_hash, f.result_set.lexicon_hash);
                set_cond = "s.set_id = " + p.add(id.size() ? id.i64(0, 0) : std::int64_t{-1});
            }
        }
        // Summary rows of `table` whose grain and periods are `periods`.
        auto summaries = [&](const std::string& table, const std::string& periods) {
            Conds w;
            add_summary_dims(f, "s", by_region, with_scenario, p, w);
            w.add(set_cond);
            w.add(periods);
            return std::string("SELECT ") + (attempts ? kAttemptCols : kCriterionCols) + " FROM " +
                   table + " s WHERE " + w.clause();
        };
        if (r.months())
            parts = summaries(
                std::string("summary_") + (by_region ? "region_" : "") + what,
                "s.grain = 1 AND s.period BETWEEN " + p.add(r.m1) + " AND " + p.add(r.m2));
        if (r.days() && by_region) {
            std::string days;
            if (r.d1 <= r.d2) days = "s.period BETWEEN " + p.add(r.d1) + " AND " + p.add(r.d2);
            if (r.d3 <= r.d4)
                days += (days.empty() ? "" : " OR ") + std::string("s.period BETWEEN ") +
                        p.add(r.d3) + " AND " + p.add(r.d4);
            parts += (parts.empty() ? "" : " UNION ALL ") +
                     summaries("summary_region_day_" + what, "(" + days + ")");
        } else if (r.days()) {
            GroupFilter whole = f;
            whole.from_day.reset();
            whole.to_day.reset();
            if (!with_scenario) whole.scenario.clear();
            const std::string set = set_of_r(f.result_set, p);
            std::string w = attempts_where(whole, p);
            const std::int64_t off = static_cast<std::int64_t>(offset_) * 60000;
            auto days = [&](std::int64_t d1, std::int64_t d2) {
                return "(a.ended_at_ms >= " + p.add(d1 * 86400000 - off) + " AND a.ended_at_ms < " +
                       p.add((d2 + 1) * 86400000 - off) + ")";
            };
            std::string ends;
            if (r.d1 <= r.d2) ends = days(r.d1, r.d2);
            if (r.d3 <= r.d4) ends += (ends.empty() ? "" : " OR ") + days(r.d3, r.d4);
            w += " AND (" + ends + ")";
            // The summaries' sums of one attempt (store/schema/003 and the hub's triggers).
            parts +=
                (parts.empty() ? "" : " UNION ALL ") +
                (attempts ? "SELECT a.scenario_id, r.catalogue_version, 1 AS attempts, r.passed, "
                            "r.score AS score_sum, r.max_points AS max_sum, (a.ending = "
                            "'finished')::int AS finished, (a.ending = 'abandoned')::int AS "
                            "abandoned, (a.ending = 'timed-out')::int AS timed_out, "
                            "a.phone_calls, a.phone_within_3, a.response_n, a.response_ms, "
                            "a.resolution_n, a.resolution_ms, (a.category = 'complaint')::int AS "
                            "complaint_attempts, (a.category = 'complaint' AND r.passed = 1)::int "
                            "AS complaint_passed FROM attempts a JOIN results r ON r.attempt_seq "
                            "= a.seq AND " +
                                set + " WHERE " + w
                          : "SELECT c.criterion_id, 1 AS n, c.points AS points_sum, "
                            "c.max_points AS max_sum, c.passed FROM attempts a JOIN results r ON "
                            "r.attempt_seq = a.seq AND " +
                                set + kCriteriaOfR + " WHERE " + w);
        }
        if (parts.empty())
            parts = std::string("SELECT ") + (attempts ? kAttemptCols : kCriterionCols) +
                    " FROM summary_" + what + " s WHERE FALSE";
        return "(" + parts + ")";
    }

    std::vector<store::CriterionFigure> criteria_from_attempts(const GroupFilter& f) {
        Params p;
        const std::string set = set_of_r(f.result_set, p);
        const std::string w = attempts_where(f, p);
        Cursor q(
            c_->exec("SELECT c.criterion_id, count(*), sum(c.points), sum(c.max_points), "
                     "sum(c.passed) FROM attempts a JOIN results r ON r.attempt_seq = a.seq "
                     "AND " +
                         set + kCriteriaOfR + " WHERE " + w +
                         " GROUP BY 1 ORDER BY c.criterion_id" + kC,
                     p.values));
        return store::read_criterion_rows(q);
    }

    // Criterion titles and categories: from the set's catalogue, else any catalogue that has
    // the criterion (the first by hash; a row without a category is a criterion its catalogue
    // lacks), as the store names them (store/reports.cpp, name_criterion).
    std::map<std::string, std::pair<std::string, std::string>> criterion_names(
        const store::ResultSetRef& set) {
        auto q = c_->run(
            "SELECT criterion_id, title, category FROM catalogue_criteria ORDER BY criterion_id, "
            "category = '', CASE WHEN catalogue_hash = $1 THEN 0 ELSE 1 END, catalogue_hash",
            set.catalogue_hash);
        std::map<std::string, std::pair<std::string, std::string>> out;
        for (int i = 0; i < q.size(); ++i)
            out.emplace(q.text(i, 0), std::make_pair(q.text(i, 1), q.text(i, 2)));
        return out;
    }

    static std::string title_of(
        const std::map<std::string, std::pair<std::string, std::string>>& names,
        const std::string& id, std::string* category) {
        auto it = names.find(id);
        if (it == names.end()) return id;
        if (category) *category = it->second.second;
        return it->second.first;
    }

    void name_and_finish(const store::ResultSetRef& set, std::vector<store::CriterionFigure>& cs) {
        auto names = criterion_names(set);
        for (auto& c : cs) {
            c.title = title_of(names, c.id, &c.category);
            store::finish(c);
        }
    }

    static store::AttemptRow attempt_row(const pg::Rows& h, int i, const store::Person& p) {
        store::AttemptRow r;
        r.seq = h.i64(i, 0);
        r.uuid = h.text(i, 1);
        r.trainee = p.employee_no;
        r.trainee_name = p.name;
        r.site = h.text(i, 2);
        r.cohort = h.text(i, 3);
        r.scenario_id = h.text(i, 4);
        r.scenario_version = static_cast<int>(h.i64(i, 5));
        r.category = h.text(i, 6);
        r.mode = session::mode_from_name(h.text(i, 7)).value_or(session::Mode::Practice);
        r.choice_mode = h.b(i, 8);
        r.origin = session::origin_from_name(h.text(i, 9)).value_or(session::Origin::Imported);
        r.ending = session::ending_from_name(h.text(i, 10)).value_or(session::Ending::Finished);
        r.seed = static_cast<std::uint64_t>(h.i64(i, 11));
        r.started_at_ms = h.i64(i, 12);
        r.ended_at_ms = h.i64(i, 13);
        r.sim_ms = h.i64(i, 14);
        r.actions = static_cast<int>(h.i64(i, 15));
        r.kpi.phone_calls = static_cast<int>(h.i64(i, 16));
        r.kpi.phone_within_3 = static_cast<int>(h.i64(i, 17));
        r.kpi.response_n = static_cast<int>(h.i64(i, 18));
        r.kpi.response_ms = h.i64(i, 19);
        r.kpi.resolution_n = static_cast<int>(h.i64(i, 20));
        r.kpi.resolution_ms = h.i64(i, 21);
        if (!h.null(i, 22)) {
            store::ResultSet s;
            s.id = h.i64(i, 22);
            s.original = h.b(i, 23);
            s.catalogue_hash = h.text(i, 24);
            s.catalogue_version = h.text(i, 25);
            s.lexicon_hash = h.text(i, 26);
            s.score = static_cast<int>(h.i64(i, 27));
            s.max_points = static_cast<int>(h.i64(i, 28));
            s.pass_mark = static_cast<int>(h.i64(i, 29));
            s.passed = h.b(i, 30);
            s.created_at_ms = h.i64(i, 31);
            s.score_with_overrides = static_cast<int>(h.i64(i, 32));
            r.result = std::move(s);
        }
        return r;
    }

    std::string conninfo_;
    std::unique_ptr<pg::Conn> c_;
    std::string where_;
    int offset_ = 0;
};

}  // namespace

Result<std::unique_ptr<store::ReportSource>> hub_reports(const std::string& conninfo) {
    auto r = std::make_unique<HubReports>(conninfo);
    auto opened = guarded([&]() -> Result<int> {
        r->open();
        return 0;
    });
    if (!opened) return opened.error();
    return std::unique_ptr<store::ReportSource>(std::move(r));
}

}  // namespace dd::hub
