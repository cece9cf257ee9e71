// Screen::SupervisorHome: the cohort dashboard — the filter, the KPIs as tiles (seed 004 §2),
// the charts (scores over time, the distribution, the average per criterion), the trainees with
// their figures (a click opens the detail), the overdue drills and each scenario's pass rate.
// The model (dashboard_model.h) is built in the background when the filter changes; the frame
// draws the last one.
//
// Sections: model · tiles · charts · tables · draw_supervisor_home.
#include <imgui.h>

#include <algorithm>

#include "sim/app/app_state.h"
#include "sim/app/ui.h"
#include "sup_widgets.h"
#include "supervisor.h"

namespace dd::app {

namespace {

// ---- model -----------------------------------------------------------------------------------

// Two builds, one after the other: the tiles, the scores over time, the criteria and the
// tables from the summaries first (drawn as soon as they arrive), then the distribution and the
// trainees, which read every attempt of the filter.
void rebuild(AppState& app) {
    SupervisorState& s = app.sup;
    if (s.hub) {
        start_build(s.dash, [h = *s.hub, f = s.filter] {
            std::lock_guard<std::mutex> one_at_a_time(*h.lock);
            return build_hub_dashboard(*h.reports, f, session::wall_clock_ms());
        });
        return;
    }
    start_build(s.dash, [store = app.store, who = *app.who, f = s.filter] {
        return build_dashboard(*store, who, f, session::wall_clock_ms(),
                               store::ChartParts::OverTime);
    });
}

void poll_model(AppState& app) {
    SupervisorState& s = app.sup;
    s.dash.poll();
    s.dash_rest.poll();
    if (s.dash_rest.value && s.dash.value) {
        // Built for an older filter: asked again below for the model shown.
        if (!add_attempt_figures(*s.dash.value, std::move(*s.dash_rest.value)))
            s.dash.value->attempt_figures_asked = false;
        s.dash_rest.value.reset();
    }
    DashboardModel* m = s.dash.value ? &*s.dash.value : nullptr;
    if (m && !m->on_hub && !m->attempt_figures && !m->attempt_figures_asked &&
        !s.dash_rest.busy()) {
        m->attempt_figures_asked = true;
        start_build(s.dash_rest, [store = app.store, who = *app.who, f = m->filter] {
            return attempt_figures(*store, who, f);
        });
    }
}

// When this desk last reached the hub (`deskdrill sync`), a failure since, and what waits.
void draw_sync_line(AppState& app, const DashboardModel& m) {
    if (m.on_hub) {  // headquarters' view: where the figures come from, and that it only reads
        ImGui::TextColored(
            ui::pal().muted, "%s",
            app.shown(app.strings.fmt("hub.source", {{"where", app.sup.hub->where}})).c_str());
        ui::track("dash.hub");
        return;
    }
    const store::SyncState& st = m.sync;
    const std::string pending = std::to_string(st.pending);
    std::string line =
        st.last_ok
            ? app.strings.fmt("dash.sync_ok", {{"when", when_text(app, st.last_ok->finished_at_ms)},
                                               {"pending", pending}})
            : app.strings.fmt("dash.sync_never", {{"pending", pending}});
    const bool failed = st.last_run && !st.last_run->ok;
    if (failed)
        line += app.strings.fmt("dash.sync_failed",
                                {{"when", when_text(app, st.last_run->finished_at_ms)}});
    ImGui::TextColored(failed ? ui::pal().warn : ui::pal().muted, "%s", app.shown(line).c_str());
    ui::track("dash.sync");
}

// ---- tiles -----------------------------------------------------------------------------------

void draw_tiles(AppState& app, const DashboardModel& m) {
    const auto tiles = kpi_tiles(m.group.figures, app.strings);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float w =
        (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(tiles.size() - 1)) /
        static_cast<float>(tiles.size());
    const float h = ImGui::GetTextLineHeight() * 3.4f;
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        const KpiTile& t = tiles[i];
        if (i) ImGui::SameLine();
        ImGui::BeginChild(("##tile" + std::to_string(i)).c_str(), ImVec2(w, h), true,
                          ImGuiWindowFlags_NoScrollbar);
        ImGui::TextDisabled("%s", app.tr(t.label_key));
        ImGui::SetWindowFontScale(1.45f);
        const ImVec4 c = !t.good ? ImGui::GetStyleColorVec4(ImGuiCol_Text)
                                 : (*t.good ? ui::pal().good : ui::pal().bad);
        ImGui::TextColored(c, "%s", app.shown(t.value).c_str());
        ImGui::SetWindowFontScale(1.0f);
        ImGui::EndChild();
        ui::track(t.label_key, t.value);
    }
}

// ---- charts ----------------------------------------------------------------------------------

// Where figures still being read will be drawn (or why they could not be); on the hub, which
// does not give them, says so.
void loading_box(AppState& app, const char* id, ImVec2 size, const std::string& error) {
    ImGui::BeginChild(id, size, true, ImGuiWindowFlags_NoScrollbar);
    if (app.on_hub()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", app.tr("hub.not_on_hub"));
        ImGui::PopTextWrapPos();
        ui::track(std::string(id) + ".hub");
    } else if (error.empty())
        ImGui::TextDisabled("%s", app.tr("dash.loading"));
    else
        ImGui::TextColored(ui::pal().bad, "%s",
                           app.shown(app.strings.fmt("dash.error", {{"text", error}})).c_str());
    ImGui::EndChild();
}

void draw_charts(AppState& app, const DashboardModel& m) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float h = 190 * app.ui_scale;
    const float w1 = (avail - gap * 2) * 0.38f, w2 = (avail - gap * 2) * 0.24f;
    const float w3 = avail - gap * 2 - w1 - w2;
    const float line = ImGui::GetTextLineHeightWithSpacing();

    ImGui::BeginGroup();
    ImGui::TextUnformatted(app.tr(m.charts.monthly ? "dash.over_time_months" : "dash.over_time"));
    if (m.on_hub)
        loading_box(app, "##over_time_hub", ImVec2(w1, h - line), "");
    else
        line_chart(app, "dash.chart.over_time", score_line(m.charts), ImVec2(w1, h - line));
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextUnformatted(app.tr("dash.distribution"));
    if (m.attempt_figures)
        histogram(app, "dash.chart.distribution", m.charts.bins, ImVec2(w2, h - line));
    else
        loading_box(app, "##distribution_loading", ImVec2(w2, h - line), app.sup.dash_rest.error);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextUnformatted(app.tr("dash.per_criterion"));
    ImGui::BeginChild("##criteria_bars", ImVec2(w3, h - line), true);
    if (m.group.criteria.empty()) ImGui::TextDisabled("%s", app.tr("dash.no_data"));
    // Weakest first: what to train next reads from the top.
    std::vector<const store::CriterionFigure*> cs;
    for (const auto& c : m.group.criteria) cs.push_back(&c);
    std::stable_sort(cs.begin(), cs.end(), [](auto* a, auto* b) {
        return a->percent.value_or(101) < b->percent.value_or(101);
    });
    const float bar = 90 * app.ui_scale;
    const float pct_w = ImGui::CalcTextSize("100.0%").x;
    for (const auto* c : cs) {
        percent_bar(static_cast<float>(c->percent.value_or(0)), bar);
        ImGui::SameLine();
        ImGui::TextUnformatted(percent_text(c->percent).c_str());
        ImGui::SameLine(bar + pct_w + ImGui::GetStyle().ItemSpacing.x * 3);
        ImGui::TextUnformatted(app.shown(c->title).c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s · %s %s", c->id.c_str(), app.tr("dash.pass_rate"),
                              percent_text(c->pass_rate * 100).c_str());
    }
    ImGui::EndChild();
    ImGui::EndGroup();
}

// ---- tables ----------------------------------------------------------------------------------

void draw_trainees(AppState& app, const DashboardModel& m, float height) {
    ImGui::TextUnformatted(app.tr("dash.trainees"));
    if (!m.attempt_figures) {
        loading_box(app, "##trainees_loading", ImVec2(0, height), app.sup.dash_rest.error);
        return;
    }
    ui::track("dash.complete");
    if (!ImGui::BeginTable("##trainees", 5,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                               ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable,
                           ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(app.tr("dash.col.trainee"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(app.tr("dash.col.attempts"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(app.tr("dash.col.pass_rate"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(app.tr("dash.col.mean"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(app.tr("dash.col.last"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    // Thousands of trainees: only the visible rows are laid out.
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(m.charts.trainees.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const store::TraineeFigure& t = m.charts.trainees[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string label = app.shown(t.name) + "  " + t.employee_no;
            if (ui::selectable(label.c_str(), false, "dash.trainee:" + t.employee_no,
                               ImVec2(0, 0))) {
                app.sup.trainee = t.employee_no;
                app.sup.stored.reset();
                app.go(Screen::TraineeDetail);
            }
            ImGui::TableNextColumn();
            ImGui::Text("%lld", static_cast<long long>(t.attempts));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(
                percent_text(t.attempts ? std::optional<double>(100.0 * t.passed / t.attempts)
                                        : std::nullopt)
                    .c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(t.percent.value_or(0) < 60 ? ui::pal().bad : ui::pal().good, "%s",
                               percent_text(t.percent).c_str());
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", when_text(app, t.last_ms).c_str());
        }
    ImGui::EndTable();
}

void draw_overdue_table(AppState& app, const DashboardModel& m, float height) {
    ImGui::TextUnformatted(
        app.strings.fmt("dash.overdue", {{"n", std::to_string(m.overdue.size())}}).c_str());
    ui::track("dash.overdue");
    if (!ImGui::BeginTable(
            "##overdue", 3,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH,
            ImVec2(0, height * 0.55f)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(app.tr("dash.col.trainee"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(app.tr("dash.col.scenario"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(app.tr("dash.col.due"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(m.overdue.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const auto& o = m.overdue[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(app.shown(o.trainee_name + " " + o.trainee).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(app.shown(scenario_title(app, o.scenario_id)).c_str());
            if (o.every_days) {
                ImGui::SameLine();
                ImGui::TextDisabled("%s", app.tr("mode.refresher"));
            }
            ImGui::TableNextColumn();
            ImGui::TextColored(ui::pal().bad, "%s",
                               o.due_ms ? due_text(app, *o.due_ms).c_str() : "—");
        }
    ImGui::EndTable();
}

void draw_scenarios(AppState& app, const DashboardModel& m, float height) {
    ImGui::TextUnformatted(app.tr("dash.scenarios"));
    if (!ImGui::BeginTable(
            "##scenarios", 3,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH,
            ImVec2(0, height * 0.45f - ImGui::GetTextLineHeightWithSpacing())))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(app.tr("dash.col.scenario"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(app.tr("dash.col.attempts"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(app.tr("dash.col.pass_rate"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (const auto& sf : m.group.scenarios) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(app.shown(scenario_title(app, sf.scenario_id)).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(sf.attempts));
        ImGui::TableNextColumn();
        percent_bar(static_cast<float>(sf.pass_rate * 100), 60 * app.ui_scale);
        ImGui::SameLine();
        ImGui::TextUnformatted(percent_text(sf.pass_rate * 100).c_str());
    }
    ImGui::EndTable();
}

void draw_overdue(AppState& app, const DashboardModel& m, float height) {
    if (m.on_hub) {
        ImGui::TextUnformatted(app.tr("hub.overdue"));
        loading_box(app, "##overdue_hub", ImVec2(0, height * 0.55f), "");
    } else {
        draw_overdue_table(app, m, height);
    }
    draw_scenarios(app, m, height);
}

}  // namespace

// ---- draw_supervisor_home --------------------------------------------------------------------

void draw_supervisor_home(AppState& app) {
    SupervisorState& s = app.sup;
    if (!app.on_hub() && (!app.store || !app.who)) return;
    poll_model(app);
    std::string bad_date;
    const bool filter_ok = group_filter(s.filter, &bad_date).has_value();
    if (s.dash.stale && filter_ok) rebuild(app);
    const DashboardModel* m = s.dash.value ? &*s.dash.value : nullptr;
    static const std::vector<std::string> none;
    if (filter_bar(app, "dash.filter", s.filter,
                   s.hub ? s.hub->sites
                   : m   ? m->sites
                         : none,
                   m ? m->cohorts : none, m ? m->scenarios : none,
                   s.hub ? &s.hub->regions : nullptr)) {
        s.dash.error.clear();
        s.dash.stale = true;
    }
    ImGui::SameLine();
    if (ui::button(app.tr("dash.refresh"), "dash.refresh")) s.dash.stale = true;
    if (s.dash.busy()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", app.tr("dash.loading"));
    }
    if (!filter_ok)
        ImGui::TextColored(
            ui::pal().bad, "%s",
            app.shown(app.strings.fmt("dash.bad_date", {{"text", bad_date}})).c_str());
    else if (!s.dash.error.empty())
        ImGui::TextColored(
            ui::pal().bad, "%s",
            app.shown(app.strings.fmt("dash.error", {{"text", s.dash.error}})).c_str());
    if (!m) return;
    draw_sync_line(app, *m);
    if (m->group.figures.attempts == 0) ImGui::TextDisabled("%s", app.tr("dash.empty"));
    ui::track("dash.ready");
    draw_tiles(app, *m);
    draw_charts(app, *m);
    const float h =
        std::max(ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing(),
                 120.0f * app.ui_scale);
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::BeginGroup();
    ImGui::BeginChild("##dash_left", ImVec2(w * 0.55f, h + ImGui::GetTextLineHeightWithSpacing()),
                      false);
    draw_trainees(app, *m, h);
    ImGui::EndChild();
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginChild("##dash_right", ImVec2(0, h + ImGui::GetTextLineHeightWithSpacing()), false);
    draw_overdue(app, *m, h);
    ImGui::EndChild();
}

}  // namespace dd::app
