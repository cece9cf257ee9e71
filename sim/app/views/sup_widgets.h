// What the supervisor's screens share: charts drawn with ImGui's draw lists (a line over time, a
// histogram, horizontal bars), the filter bar (site, cohort, scenario, date range) and starting a
// view model's build off the window's thread.
#pragma once
#include <imgui.h>

#include <functional>
#include <future>
#include <string>
#include <vector>

#include "dashboard_model.h"
#include "supervisor_state.h"

namespace dd::app {

class AppState;

// A line chart of points in the unit square (y: 0…100 %), with a guide at `mark` (the pass mark,
// as a fraction; < 0 for none). Hovering a point shows its label and value. `id` is the test id.
void line_chart(AppState& app, const char* id, const std::vector<ChartPoint>& points, ImVec2 size,
                float mark = -1);
// Vertical bars for the bins of a distribution (0–10 %, …, 90–100 %), labelled under the axis.
void histogram(AppState& app, const char* id, const std::vector<std::int64_t>& bins, ImVec2 size);
// One horizontal bar (0…100 %) after a label, coloured by the value (red below `warn`).
void percent_bar(float percent, float width, float warn = 60);

// A combo of `options` with "all" (`all_key`) first, noted as `id` and its items as `id:option`;
// true when `value` changed.
bool choice(AppState& app, const std::string& id, const char* all_key, std::string& value,
            const std::vector<std::string>& options, float width);

// The filter bar; true when the filter changed. Choices from the last model (`sites`…); a
// region choice first when `regions` is given (the hub's).
bool filter_bar(AppState& app, const char* id, DashboardFilter& f,
                const std::vector<std::string>& sites, const std::vector<std::string>& cohorts,
                const std::vector<std::string>& scenarios,
                const std::vector<std::string>* regions = nullptr);

// Starts building a model with the store and principal of the window, unless one is being
// built already.
template <typename T, typename F>
void start_build(Loading<T>& l, F&& build) {
    if (l.busy()) return;
    l.stale = false;
    l.pending = std::async(std::launch::async, std::forward<F>(build));
}

// Saves an export or a printed result under a new name in the data folder's exports/ (never
// replacing a file); the path, or "" with *error.
std::string save_export(const std::string& stem, const std::string& ext, const std::string& bytes,
                        std::string* error);
// Prints a stored attempt's one-page result (sim/print) in the window's language and saves it;
// a message for the screen in *message (the path, or what went wrong). True when saved.
bool print_result(AppState& app, const std::string& uuid, std::string* message);

// Opens a stored attempt's debrief in the trainee detail (app.sup.stored), or says why not in
// app.sup.stored_error (trainee_detail_view.cpp); with `criterion`, that criterion selected.
bool open_stored_debrief(AppState& app, const std::string& uuid, const std::string& criterion = "");

// On the hub, the reason a control of the last item is disabled, when it is hovered (i18n key).
void read_only_reason(AppState& app, const char* why_key);

// "2026-03-10 14:05" in the records' time zone.
std::string when_text(const AppState& app, std::int64_t unix_ms);
// The day an assignment is due by ("2026-03-31"; due_ms is the end of that day).
std::string due_text(const AppState& app, std::int64_t due_ms);
// The scenario's title from the library (its id when the library does not have it).
std::string scenario_title(AppState& app, const std::string& id);

}  // namespace dd::app
