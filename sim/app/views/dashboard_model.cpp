#include "dashboard_model.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "sim/store/summaries.h"

namespace dd::app {

namespace {

// Seed 004 / DOMAIN §8's time standards.
constexpr double kResponseLimitMs = 5 * 60 * 1000.0;     // respond within 5 minutes
constexpr double kResolutionLimitMs = 15 * 60 * 1000.0;  // a common problem solved within 15

std::string seconds_text(std::optional<double> ms, const i18n::Strings& strings) {
    if (!ms) return "—";
    return strings.duration(static_cast<std::int64_t>(*ms));
}

}  // namespace

std::string percent_text(std::optional<double> percent) {
    if (!percent) return "—";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", *percent);
    return buf;
}

std::string period_label(std::int64_t period, bool monthly) {
    if (!monthly) return store::format_day(period);
    return store::format_day(store::first_day_of_month(period)).substr(0, 7);
}

std::optional<store::GroupFilter> group_filter(const DashboardFilter& f, std::string* bad) {
    store::GroupFilter g;
    g.site = f.site;
    g.region = f.region;
    g.cohort = f.cohort;
    g.scenario = f.scenario;
    for (auto [text, day] : {std::pair{&f.from, &g.from_day}, std::pair{&f.to, &g.to_day}}) {
        if (text->empty()) continue;
        *day = store::parse_day(*text);
        if (!*day) {
            if (bad) *bad = *text;
            return std::nullopt;
        }
    }
    return g;
}

store::AttemptFilter attempt_filter(const store::GroupFilter& g, int utc_offset_min) {
    store::AttemptFilter f;
    f.site = g.site;
    f.cohort = g.cohort;
    f.scenario = g.scenario;
    const std::int64_t off = static_cast<std::int64_t>(utc_offset_min) * 60000;
    if (g.from_day) f.from_ms = *g.from_day * 86400000 - off;
    if (g.to_day) f.to_ms = (*g.to_day + 1) * 86400000 - off;
    return f;
}

// The scenario filter's choices: every scenario with attempts, and the one chosen even when it
// has none (the records file's and the hub's dashboard alike).
static void add_scenario_choices(DashboardModel& m) {
    for (const auto& s : m.group.scenarios) m.scenarios.push_back(s.scenario_id);
    if (!m.filter.scenario.empty() &&
        std::find(m.scenarios.begin(), m.scenarios.end(), m.filter.scenario) == m.scenarios.end())
        m.scenarios.push_back(m.filter.scenario);
}

store::Result<DashboardModel> build_dashboard(store::Store& store, const store::Principal& who,
                                              const DashboardFilter& filter, std::int64_t now_ms,
                                              store::ChartParts parts) {
    std::string bad;
    auto gf = group_filter(filter, &bad);
    if (!gf) return store::Error{store::ErrorCode::BadInput, bad};
    DashboardModel m;
    m.filter = filter;
    m.built_at_ms = now_ms;
    auto group = store::group_report(store, who, *gf);
    if (!group) return group.error();
    m.group = std::move(*group);
    auto charts = store::chart_figures(store, who, *gf, parts);
    if (!charts) return charts.error();
    m.charts = std::move(*charts);
    m.attempt_figures = parts == store::ChartParts::All;
    store::AssignmentFilter af;
    af.site = filter.site;
    af.cohort = filter.cohort;
    af.overdue_only = true;
    af.include_done = false;
    af.now_ms = now_ms;
    auto overdue = store::assignment_status(store, who, af);
    if (!overdue) return overdue.error();
    m.overdue = std::move(*overdue);
    auto sync = store::sync_state(store, who, "hub");
    if (!sync) return sync.error();
    m.sync = std::move(*sync);
    if (!filter.scenario.empty())
        std::erase_if(m.overdue, [&](const auto& s) { return s.scenario_id != filter.scenario; });
    std::stable_sort(m.overdue.begin(), m.overdue.end(), [](const auto& a, const auto& b) {
        return a.due_ms.value_or(0) < b.due_ms.value_or(0);
    });
    // The choices: every site and cohort with trainees, every scenario with attempts (the
    // group report over no filter would cost a second report; the people are few).
    store::PeopleFilter pf;
    pf.role = store::Role::Trainee;
    auto people = store.people(who, pf);
    if (!people) return people.error();
    std::set<std::string> sites, cohorts;
    for (const auto& p : *people) {
        if (!p.site.empty()) sites.insert(p.site);
        if (!p.cohort.empty() && (filter.site.empty() || p.site == filter.site))
            cohorts.insert(p.cohort);
    }
    m.sites.assign(sites.begin(), sites.end());
    m.cohorts.assign(cohorts.begin(), cohorts.end());
    add_scenario_choices(m);
    return m;
}

store::Result<DashboardModel> build_hub_dashboard(store::ReportSource& hub,
                                                  const DashboardFilter& filter,
                                                  std::int64_t now_ms) {
    std::string bad;
    auto gf = group_filter(filter, &bad);
    if (!gf) return store::Error{store::ErrorCode::BadInput, bad};
    DashboardModel m;
    m.filter = filter;
    m.built_at_ms = now_ms;
    m.on_hub = true;
    auto group = hub.group(*gf);
    if (!group) return group.error();
    m.group = std::move(*group);
    add_scenario_choices(m);
    return m;
}

store::Result<AttemptFigures> attempt_figures(store::Store& store, const store::Principal& who,
                                              const DashboardFilter& filter) {
    std::string bad;
    auto gf = group_filter(filter, &bad);
    if (!gf) return store::Error{store::ErrorCode::BadInput, bad};
    auto c = store::chart_figures(store, who, *gf, store::ChartParts::Attempts);
    if (!c) return c.error();
    return AttemptFigures{filter, std::move(*c)};
}

bool add_attempt_figures(DashboardModel& m, AttemptFigures figures) {
    if (!(m.filter == figures.filter)) return false;
    m.charts.bins = std::move(figures.figures.bins);
    m.charts.trainees = std::move(figures.figures.trainees);
    m.attempt_figures = true;
    return true;
}

std::vector<KpiTile> kpi_tiles(const store::GroupFigures& g, const i18n::Strings& strings) {
    std::vector<KpiTile> out;
    auto pct = [](std::optional<double> fraction) -> std::optional<double> {
        if (!fraction) return std::nullopt;
        return *fraction * 100;
    };
    out.push_back({"dash.kpi.attempts", std::to_string(g.attempts), std::nullopt});
    out.push_back({"dash.kpi.pass_rate", percent_text(pct(g.pass_rate)), std::nullopt});
    out.push_back({"dash.kpi.mean_score",
                   g.mean_score ? percent_text(g.max_sum > 0 ? std::optional<double>(
                                                                   100.0 * g.score_sum / g.max_sum)
                                                             : std::nullopt)
                                : "—",
                   std::nullopt});
    // Every call is to be answered within three rings (001 §4.1.5): good only at 100 %.
    out.push_back(
        {"dash.kpi.within_3", percent_text(pct(g.within_3_rate)),
         g.within_3_rate ? std::optional<bool>(*g.within_3_rate >= 0.999) : std::nullopt});
    out.push_back({"dash.kpi.response", seconds_text(g.response_mean_ms, strings),
                   g.response_mean_ms ? std::optional<bool>(*g.response_mean_ms <= kResponseLimitMs)
                                      : std::nullopt});
    out.push_back({"dash.kpi.resolution", seconds_text(g.resolution_mean_ms, strings),
                   g.resolution_mean_ms
                       ? std::optional<bool>(*g.resolution_mean_ms <= kResolutionLimitMs)
                       : std::nullopt});
    out.push_back(
        {"dash.kpi.complaints", percent_text(pct(g.complaint_success_rate)), std::nullopt});
    return out;
}

std::vector<ChartPoint> score_line(const store::ChartFigures& c) {
    std::vector<ChartPoint> out;
    if (c.over_time.empty()) return out;
    const std::int64_t first = c.over_time.front().period, last = c.over_time.back().period;
    const double span = static_cast<double>(std::max<std::int64_t>(1, last - first));
    for (const auto& p : c.over_time) {
        if (!p.percent) continue;
        ChartPoint cp;
        cp.x = c.over_time.size() == 1
                   ? 0.5f
                   : static_cast<float>(static_cast<double>(p.period - first) / span);
        cp.y = static_cast<float>(std::clamp(*p.percent / 100.0, 0.0, 1.0));
        cp.label = period_label(p.period, c.monthly);
        cp.n = p.attempts;
        out.push_back(std::move(cp));
    }
    return out;
}

}  // namespace dd::app
