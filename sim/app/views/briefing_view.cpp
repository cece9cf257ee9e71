// The briefing before an attempt: the scenario's title, the company and site, the time limit,
// the mode (and choice mode, from the assignment), and what is assessed — the criteria. The
// attempt, and its clock, start only on the start button.
#include <imgui.h>

#include <iostream>

#include "sim/app/app_state.h"
#include "sim/app/ui.h"

namespace dd::app {

void draw_briefing(AppState& app) {
    BriefingState& b = app.briefing;
    const session::ScenarioFile* e = app.library.find(b.scenario_id);
    if (!e || !e->scenario) {
        app.go(app.home_screen());
        return;
    }
    const Scenario& s = *e->scenario;
    const float w = std::min(ImGui::GetContentRegionAvail().x, 820 * app.ui_scale);
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - w) / 2);
    ImGui::BeginChild("##briefing", ImVec2(w, 0), true);
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("briefing.title"));
    ImGui::Separator();
    ImGui::TextUnformatted(app.shown(s.title).c_str());
    ImGui::TextDisabled("%s", app.strings.name("category.", s.category));
    ImGui::Spacing();
    auto field = [&](const char* key, const std::string& value) {
        ImGui::TextColored(ui::pal().muted, "%s", app.tr(key));
        ImGui::SameLine(170 * app.ui_scale);
        ImGui::TextUnformatted(app.shown(value).c_str());
    };
    // The desk's names: the site profile's, where the admin set one.
    const Site site = app.played_site(s);
    if (!site.company.empty()) field("briefing.company", site.company);
    if (!site.name.empty()) field("briefing.site", site.name);
    field("briefing.time_limit", s.time_limit ? app.strings.duration(*s.time_limit)
                                              : std::string(app.tr("briefing.no_limit")));
    field("briefing.mode", app.strings.name("mode.", session::mode_name(b.mode)));
    if (b.choice_allowed) {
        ImGui::TextColored(ui::pal().muted, "%s", app.tr("briefing.choice"));
        ImGui::SameLine(170 * app.ui_scale);
        ui::checkbox(app.tr("briefing.choice_on"), &b.choice_mode, "briefing.choice");
    }
    ImGui::Spacing();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("briefing.assessed"));
    for (const auto& c : s.criteria) {
        if (const Criterion* st = app.standard(c.id))
            ImGui::BulletText("%s", app.shown(st->title_in(app.strings.lang())).c_str());
    }
    ImGui::Spacing();
    ImGui::TextWrapped("%s",
                       app.tr(b.mode == session::Mode::Practice ? "briefing.note_practice"
                                                                : "briefing.note_assessment"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    const bool ready = app.resources_is_ready();
    if (ui::button(ready ? app.tr("briefing.start") : app.tr("picker.loading"), "briefing.start",
                   ImVec2(220 * app.ui_scale, ImGui::GetFrameHeight() * 1.3f))) {
        b.error.clear();
        if (!app.start_as(s.id, b.mode, b.choice_allowed && b.choice_mode, &b.error))
            std::cerr << "deskdrill: " << b.error << "\n";
    }
    ImGui::SameLine();
    if (ui::button(app.tr("briefing.back"), "briefing.back"))
        app.go(b.assignment_uuid.empty() && !app.opts.no_records ? Screen::Picker
                                                                 : app.home_screen());
    if (!b.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::pal().bad);
        ImGui::TextWrapped("%s", app.shown(b.error).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::EndChild();
}

}  // namespace dd::app
