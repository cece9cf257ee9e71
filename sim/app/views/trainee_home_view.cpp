// The trainee's home: what is assigned (due dates, overdue marks, start), their history with
// scores, the trend of their scores as a line, and the way to the practice library.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "sim/app/app_state.h"
#include "sim/app/ui.h"
#include "sim/store/summaries.h"

namespace dd::app {

namespace {

std::string title_of(AppState& app, const std::string& scenario_id) {
    const session::ScenarioFile* e = app.library.find(scenario_id);
    return e && e->scenario ? app.shown(e->scenario->title) : scenario_id;
}

const char* mode_word(AppState& app, session::Mode m) {
    return app.strings.name("mode.", session::mode_name(m));
}

void draw_assignments_list(AppState& app) {
    const HomeState& h = app.home;
    const int offset = app.store ? app.store->utc_offset_minutes() : 0;
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("home.assigned"));
    ImGui::Separator();
    if (h.assignments.empty()) ImGui::TextDisabled("%s", app.tr("home.nothing_assigned"));
    for (const auto& a : h.assignments) {
        ImGui::PushID((a.assignment_uuid + a.scenario_id).c_str());
        ImGui::TextUnformatted(title_of(app, a.scenario_id).c_str());
        std::string line = mode_word(app, a.mode);
        if (a.choice_allowed) line += std::string(" · ") + app.tr("home.choice_allowed");
        if (a.every_days)
            line +=
                " · " + app.strings.fmt("home.every_days", {{"n", std::to_string(*a.every_days)}});
        ImGui::TextDisabled("%s", line.c_str());
        if (a.due_ms) {
            // Due "on" a day means overdue from the next midnight: show that day.
            const std::string due = app.strings.fmt(
                "home.due", {{"date", store::format_day(store::day_of(*a.due_ms - 1, offset))}});
            ImGui::SameLine();
            ImGui::TextColored(a.overdue ? ui::pal().bad : ui::pal().muted, "%s", due.c_str());
        }
        ImGui::SameLine();
        if (a.done)
            ImGui::TextColored(ui::pal().good, "%s", app.tr("home.done"));
        else if (a.overdue)
            ImGui::TextColored(ui::pal().bad, "%s", app.tr("home.overdue"));
        if (!a.done || a.every_days || a.mode == session::Mode::Practice) {
            ImGui::SameLine();
            if (ui::button(app.tr("home.start"),
                           "home.start:" + a.scenario_id + ":" + std::to_string(a.assignment_id))) {
                std::string err;
                if (!app.open_briefing(a.scenario_id, a.mode, a.choice_allowed, a.assignment_uuid,
                                       &err))
                    app.home.error = err;
                ImGui::PopID();
                return;
            }
        }
        ImGui::Spacing();
        ImGui::PopID();
    }
}

// Percent scores, oldest first, as a line over a grid of 0…100 with the points marked.
void draw_trend(AppState& app, const std::vector<store::TrendPoint>& trend, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 p1(p0.x + size.x, p0.y + size.y);
    ImGui::InvisibleButton("##trend", size);
    ui::track("home.trend");
    dl->AddRect(p0, p1, ImGui::GetColorU32(ui::pal().muted), 4.0f);
    const float pad = 8 * app.ui_scale;
    // Room above and below for the axis labels, centred on their lines.
    const float vpad = pad + ImGui::GetTextLineHeight() / 2;
    const float x0 = p0.x + pad, x1 = p1.x - pad, y0 = p0.y + vpad, y1 = p1.y - vpad;
    const float label_w = ImGui::CalcTextSize("100").x + pad;
    for (int pct : {0, 50, 100}) {
        const float y = y1 - (y1 - y0) * pct / 100.0f;
        const std::string label = std::to_string(pct);
        dl->AddText(ImVec2(x0, y - ImGui::GetTextLineHeight() / 2),
                    ImGui::GetColorU32(ui::pal().muted), label.c_str());
        dl->AddLine(ImVec2(x0 + label_w, y), ImVec2(x1, y),
                    ImGui::GetColorU32(ImVec4(1, 1, 1, 0.08f)));
    }
    if (trend.empty()) {
        const char* none = app.tr("home.no_trend");
        const ImVec2 ts = ImGui::CalcTextSize(none);
        dl->AddText(ImVec2((p0.x + p1.x - ts.x) / 2, (p0.y + p1.y - ts.y) / 2),
                    ImGui::GetColorU32(ui::pal().muted), none);
        return;
    }
    const std::size_t n = trend.size();
    auto at = [&](std::size_t i) {
        const float t = n == 1 ? 0.5f : static_cast<float>(i) / static_cast<float>(n - 1);
        const float pct = static_cast<float>(std::clamp(trend[i].percent, 0.0, 100.0));
        return ImVec2(x0 + label_w + (x1 - x0 - label_w) * t, y1 - (y1 - y0) * pct / 100.0f);
    };
    for (std::size_t i = 1; i < n; ++i)
        dl->AddLine(at(i - 1), at(i), ImGui::GetColorU32(ui::pal().accent), 2.0f * app.ui_scale);
    for (std::size_t i = 0; i < n; ++i)
        dl->AddCircleFilled(at(i), 3.5f * app.ui_scale, ImGui::GetColorU32(ui::pal().accent));
}

void draw_history(AppState& app) {
    const HomeState& h = app.home;
    const int offset = app.store ? app.store->utc_offset_minutes() : 0;
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("home.trend"));
    if (h.report && h.report->trend_slope) {
        char slope[32];
        std::snprintf(slope, sizeof slope, "%+.1f", *h.report->trend_slope);
        ImGui::SameLine();
        ImGui::TextDisabled("%s", app.strings.fmt("home.slope", {{"slope", slope}}).c_str());
    }
    static const std::vector<store::TrendPoint> kNone;
    draw_trend(app, h.report ? h.report->trend : kNone,
               ImVec2(ImGui::GetContentRegionAvail().x, 150 * app.ui_scale));
    ImGui::Spacing();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("home.history"));
    ImGui::Separator();
    if (!h.report || h.report->history.empty()) {
        ImGui::TextDisabled("%s", app.tr("home.no_history"));
        return;
    }
    if (!ImGui::BeginTable(
            "##history", 5,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
            ImGui::GetContentRegionAvail()))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(app.tr("home.col_when"), ImGuiTableColumnFlags_WidthFixed,
                            140 * app.ui_scale);
    ImGui::TableSetupColumn(app.tr("home.col_scenario"));
    ImGui::TableSetupColumn(app.tr("home.col_mode"), ImGuiTableColumnFlags_WidthFixed,
                            110 * app.ui_scale);
    ImGui::TableSetupColumn(app.tr("home.col_ending"), ImGuiTableColumnFlags_WidthFixed,
                            80 * app.ui_scale);
    ImGui::TableSetupColumn(app.tr("home.col_score"), ImGuiTableColumnFlags_WidthFixed,
                            90 * app.ui_scale);
    ImGui::TableHeadersRow();
    for (const auto& r : h.report->history) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(store::format_time(r.ended_at_ms, offset).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(title_of(app, r.scenario_id).c_str());
        ImGui::TableNextColumn();
        // Only an attempt made at this window counts as proctored: others say where they came
        // from (a transcript imported, a scripted run).
        if (r.origin == session::Origin::Proctored)
            ImGui::TextUnformatted(mode_word(app, r.mode));
        else
            ImGui::Text("%s · %s", mode_word(app, r.mode),
                        app.strings.name("origin.", session::origin_name(r.origin)));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(app.strings.name("ending.", session::ending_name(r.ending)));
        ImGui::TableNextColumn();
        if (r.result) {
            const store::ResultSet& s = *r.result;
            ImGui::TextColored(s.passed ? ui::pal().good : ui::pal().bad, "%d / %d",
                               s.score_with_overrides, s.max_points);
        } else {
            ImGui::TextDisabled("—");
        }
    }
    ImGui::EndTable();
}

}  // namespace

void draw_trainee_home(AppState& app) {
    if (!app.home.loaded) app.refresh_home();
    const float h = ImGui::GetContentRegionAvail().y;
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("##assigned", ImVec2(w * 0.45f, h), true);
    ImGui::TextUnformatted(
        app.strings.fmt("home.welcome", {{"name", app.shown(app.who ? app.who->name() : "")}})
            .c_str());
    if (ui::button(app.tr("home.library"), "home.library")) app.go(Screen::Picker);
    if (!app.home.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::pal().bad);
        ImGui::TextWrapped("%s", app.shown(app.home.error).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    draw_assignments_list(app);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##history_pane", ImVec2(0, h), true);
    draw_history(app);
    ImGui::EndChild();
}

}  // namespace dd::app
