// The supervisor's dashboard as data (no ImGui): what the view draws, built from the store's
// reports for one filter — the group report (pass rate, per criterion, the KPIs), the chart
// figures (scores over time, the distribution, each trainee), the overdue drills — and the choices
// the filter offers. Built off the window's thread (the view keeps drawing the last one), and
// tested without a window.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/i18n/strings.h"
#include "sim/store/assignments.h"
#include "sim/store/report_source.h"
#include "sim/store/reports.h"
#include "sim/store/sync.h"

namespace dd::app {

struct DashboardFilter {
    std::string site;      // "" = every site
    std::string region;    // "" = every region (the hub's dimension)
    std::string cohort;    // "" = every cohort
    std::string scenario;  // "" = every scenario
    std::string from;      // "2026-03-01" or ""
    std::string to;        // inclusive
    bool operator==(const DashboardFilter&) const = default;
};

// One KPI as shown: its label key, the value in words ("—" when nothing was measured), and
// whether it meets seed 004's standard (none when the standard says nothing about it).
struct KpiTile {
    std::string label_key;
    std::string value;
    std::optional<bool> good;
};

// A point of a line chart in the unit square (x: time, y: percent / 100) with its label.
struct ChartPoint {
    float x = 0, y = 0;
    std::string label;
    std::int64_t n = 0;
};

struct DashboardModel {
    DashboardFilter filter;
    store::GroupReport group;
    // The scores over time always; the distribution and the trainees (every attempt of the
    // filter read) once attempt_figures is set — the view draws the rest before they arrive.
    store::ChartFigures charts;
    bool attempt_figures = false;
    bool attempt_figures_asked = false;                  // the window has started reading them
    std::vector<store::AssignmentStatus> overdue;        // overdue drills, most overdue first
    std::vector<std::string> sites, cohorts, scenarios;  // the filter's choices
    store::SyncState sync;  // when this desk last reached headquarters' hub, and what waits
    std::int64_t built_at_ms = 0;
    bool on_hub = false;  // read from the hub: the group report alone (build_hub_dashboard)
};

// Text of the filter → the store's filter; an error key ("dash.bad_date") and the bad text when a
// date does not read.
std::optional<store::GroupFilter> group_filter(const DashboardFilter& f, std::string* bad);

// The same dates as attempt bounds (ended_at_ms) for the store's attempt lists and exports.
store::AttemptFilter attempt_filter(const store::GroupFilter& g, int utc_offset_min);

// Staff. `now_ms` decides what is overdue. With `parts` OverTime the model comes without the
// figures read from every attempt (the distribution, the trainees): the dashboard draws it first
// and adds them when attempt_figures() brings them (add_attempt_figures).
store::Result<DashboardModel> build_dashboard(store::Store& store, const store::Principal& who,
                                              const DashboardFilter& filter, std::int64_t now_ms,
                                              store::ChartParts parts = store::ChartParts::All);
// The dashboard over headquarters' hub (read-only, store/report_source.h): the group report
// computed on the server — tiles, criteria, scenarios — with the hub's sites and regions as the
// filter's choices. What the hub's reports do not give (the scores over time, the distribution,
// each trainee's figures, overdue drills, a desk's sync) stays out: on_hub says so.
store::Result<DashboardModel> build_hub_dashboard(store::ReportSource& hub,
                                                  const DashboardFilter& filter,
                                                  std::int64_t now_ms);

// The distribution and each trainee's figures for a filter (store::ChartParts::Attempts).
struct AttemptFigures {
    DashboardFilter filter;
    store::ChartFigures figures;
};
store::Result<AttemptFigures> attempt_figures(store::Store& store, const store::Principal& who,
                                              const DashboardFilter& filter);
// Puts them in the model built for the same filter; false (nothing changes) for another filter.
bool add_attempt_figures(DashboardModel& m, AttemptFigures figures);

// The KPIs of seed 004 §2 in the table's words: pass rate, mean score, answered within three
// rings (standard: every call), mean response and resolution times, complaint handling success.
std::vector<KpiTile> kpi_tiles(const store::GroupFigures& g, const i18n::Strings& strings);
// The scores over time as points (x spread by period, y = percent / 100).
std::vector<ChartPoint> score_line(const store::ChartFigures& c);
// "2026-03-10" or "2026-03" for a point's period.
std::string period_label(std::int64_t period, bool monthly);
// "45.0%" / "—".
std::string percent_text(std::optional<double> percent);

}  // namespace dd::app
