// The report code the store and the hub share (report_model.h), and the records file as a
// report source (report_source.h).
#include "report_model.h"

#include <algorithm>
#include <limits>

#include "report_source.h"
#include "summaries.h"

namespace dd::store {

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
    if (c.max_points > 0)
        c.percent = 100.0 * static_cast<double>(c.points) / static_cast<double>(c.max_points);
    c.pass_rate = ratio(c.passed, c.n).value_or(0);
}

void finish(AgreementFigure& f) {
    f.n = f.both_pass + f.auto_pass_only + f.override_pass_only + f.both_fail;
    f.percent_agreement =
        f.n ? 100.0 * static_cast<double>(f.both_pass + f.both_fail) / static_cast<double>(f.n) : 0;
    f.kappa = cohen_kappa(f.both_pass, f.auto_pass_only, f.override_pass_only, f.both_fail);
}

std::string origin_rule_sql(const GroupFilter& f, const std::string& t) {
    std::string list;
    for (auto o : counted_origins(f))
        list += std::string(list.empty() ? "" : ", ") + "'" + std::string(session::origin_name(o)) +
                "'";
    return t + ".origin IN (" + list + ") AND NOT (" + t + ".mode = 'assessment' AND " + t +
           ".origin <> 'proctored')";
}

PeriodRanges period_ranges(const GroupFilter& f) {
    constexpr std::int64_t lo = std::numeric_limits<std::int64_t>::min() / 4;
    constexpr std::int64_t hi = std::numeric_limits<std::int64_t>::max() / 4;
    const std::int64_t from = f.from_day.value_or(lo);
    const std::int64_t to = f.to_day.value_or(hi);
    PeriodRanges p;
    p.m1 = f.from_day ? month_of_day(from) : lo;
    if (f.from_day && first_day_of_month(p.m1) != from) ++p.m1;
    p.m2 = f.to_day ? month_of_day(to) : hi;
    if (f.to_day && first_day_of_month(p.m2 + 1) - 1 != to) --p.m2;
    if (p.m1 <= p.m2) {
        if (f.from_day) p.d1 = from, p.d2 = first_day_of_month(p.m1) - 1;
        if (f.to_day) p.d3 = first_day_of_month(p.m2 + 1), p.d4 = to;
    } else {
        p.m1 = 1, p.m2 = 0;
        p.d1 = from, p.d2 = to;
    }
    return p;
}

void trend_of_history(TraineeReport& rep) {
    std::map<std::string, std::int64_t> versions;
    for (auto it = rep.history.rbegin(); it != rep.history.rend(); ++it) {
        if (!it->result || it->result->max_points <= 0) continue;
        versions[it->result->catalogue_version] += 1;
        rep.trend.push_back(
            {it->ended_at_ms, it->scenario_id, 100.0 * it->result->score / it->result->max_points});
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
}

void sort_weakest(std::vector<CriterionFigure>& criteria) {
    std::stable_sort(criteria.begin(), criteria.end(), [](const auto& a, const auto& b) {
        const double pa = a.percent.value_or(101), pb = b.percent.value_or(101);
        return pa != pb ? pa < pb : a.id < b.id;
    });
}

std::string item_report_sql(const std::string& set_of_r, const std::string& where,
                            const std::string& collate) {
    // Each attempt ranked within its scenario both ways: the top third are the first ⌊n/3⌋ by
    // score (ties: stored first), the bottom third the first ⌊n/3⌋ the other way.
    return "WITH ranked AS (SELECT a.scenario_id, r.id AS result_id, r.score, "
           "ROW_NUMBER() OVER (PARTITION BY a.scenario_id ORDER BY r.score DESC, a.seq) AS "
           "top_rank, "
           "ROW_NUMBER() OVER (PARTITION BY a.scenario_id ORDER BY r.score, a.seq DESC) AS "
           "bottom_rank, "
           "COUNT(*) OVER (PARTITION BY a.scenario_id) AS n, "
           "AVG(1.0 * r.score) OVER (PARTITION BY a.scenario_id) AS mean_score "
           "FROM attempts a JOIN results r ON r.attempt_seq = a.seq AND " +
           set_of_r + " WHERE " + where +
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
           "GROUP BY k.scenario_id, c.criterion_id ORDER BY k.scenario_id" +
           collate + ", c.criterion_id" + collate;
}

std::string agreement_report_sql(const std::string& set_of_r, const std::string& where,
                                 const std::string& collate) {
    return "SELECT c.criterion_id, "
           "sum(CASE WHEN c.passed = 1 AND o.passed = 1 THEN 1 ELSE 0 END), "
           "sum(CASE WHEN c.passed = 1 AND o.passed = 0 THEN 1 ELSE 0 END), "
           "sum(CASE WHEN c.passed = 0 AND o.passed = 1 THEN 1 ELSE 0 END), "
           "sum(CASE WHEN c.passed = 0 AND o.passed = 0 THEN 1 ELSE 0 END) "
           "FROM attempts a JOIN results r ON r.attempt_seq = a.seq AND " +
           set_of_r +
           " JOIN overrides o ON o.result_id = r.id AND o.id = (SELECT max(o2.id) FROM "
           "overrides o2 WHERE o2.result_id = o.result_id AND o2.criterion_id = o.criterion_id) "
           "JOIN criterion_results c ON c.result_id = r.id AND c.criterion_id = o.criterion_id "
           "WHERE " +
           where + " GROUP BY c.criterion_id ORDER BY c.criterion_id" + collate;
}

}  // namespace dd::store

// --- the records file as a report source (report_source.h) ---------------------------------

namespace dd::store {

namespace {

class StoreReports final : public ReportSource {
  public:
    StoreReports(std::shared_ptr<Store> s, Principal who)
        : s_(std::move(s)), who_(std::move(who)) {}
    std::string where() const override { return "records " + s_->path(); }
    int utc_offset_minutes() const override { return s_->utc_offset_minutes(); }
    Result<ResultSetRef> resolve_result_set(std::string_view key) override {
        return s_->resolve_result_set(who_, key);
    }
    Result<GroupReport> group(const GroupFilter& f) override {
        if (auto e = no_region(f)) return *e;
        return group_report(*s_, who_, f);
    }
    Result<ItemReport> items(const GroupFilter& f) override {
        if (auto e = no_region(f)) return *e;
        return item_report(*s_, who_, f);
    }
    Result<AgreementReport> agreement(const GroupFilter& f) override {
        if (auto e = no_region(f)) return *e;
        return agreement_report(*s_, who_, f);
    }
    Result<TraineeReport> trainee(const std::string& employee_no, const ResultSetRef& set,
                                  const std::string&) override {
        return trainee_report(*s_, who_, employee_no, set);
    }

  private:
    static std::optional<Error> no_region(const GroupFilter& f) {
        if (f.region.empty()) return std::nullopt;
        return Error{ErrorCode::BadInput,
                     "--region: a desk's records have no regions; regions are the hub's "
                     "(report --hub URL)"};
    }
    std::shared_ptr<Store> s_;
    Principal who_;
};

}  // namespace

std::unique_ptr<ReportSource> store_reports(std::shared_ptr<Store> store, Principal who) {
    return std::make_unique<StoreReports>(std::move(store), std::move(who));
}

}  // namespace dd::store
