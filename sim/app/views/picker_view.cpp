// The scenario picker: the library by category, each scenario's title, difficulty and what it
// trains; practice or assessment; choice mode for new hires; start.
#include <imgui.h>

#include <algorithm>
#include <iostream>
#include <random>

#include "sim/app/app_state.h"
#include "sim/app/ui.h"
#include "sim/engine/dialogue.h"
#include "sim/model/enums.h"

namespace dd::app {

namespace {

// ★★☆☆☆; "**---" when only the built-in ASCII font is there.
std::string stars(int difficulty, bool cjk) {
    std::string s;
    for (int i = 1; i <= 5; ++i) s += i <= difficulty ? (cjk ? "★" : "*") : (cjk ? "☆" : "-");
    return s;
}

void draw_details(AppState& app, const session::ScenarioFile& e) {
    const Scenario& s = *e.scenario;
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(app.shown(s.title).c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ui::pal().warn);
    ImGui::TextUnformatted(stars(s.difficulty, app.fonts.has_cjk()).c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", app.strings.name("category.", s.category));
    if (!s.used_for.empty()) {
        std::string uses;
        for (const auto& u : s.used_for)
            uses += std::string(uses.empty() ? "" : app.tr("join.and")) +
                    app.strings.name("used_for.", u);
        ImGui::TextDisabled("%s: %s", app.tr("picker.used_for"), uses.c_str());
    }
    ImGui::Separator();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("picker.trains"));
    ImGui::TextUnformatted(app.shown(session::what_it_trains(s)).c_str());
    ImGui::Spacing();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("picker.people"));
    if (!app.picker.seed)
        app.picker.seed = app.opts.seed ? *app.opts.seed : std::random_device{}() % 100000 + 1;
    for (const auto& a : s.actors) {
        const auto facts = dialogue::played_facts(a, *app.picker.seed);
        const auto name = facts.find("name");
        ImGui::BulletText(
            "%s", app.strings
                      .fmt("picker.person",
                           {{"name", app.shown(name != facts.end() ? name->second : a.name)},
                            {"role", app.strings.name("role.", a.role)}})
                      .c_str());
    }
    ImGui::Spacing();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("picker.criteria"));
    // The standards' titles once the catalogue is loaded (never their ids).
    for (const auto& c : s.criteria)
        if (const Criterion* st = app.standard(c.id))
            ImGui::BulletText("%s", app.shown(st->title_in(app.strings.lang())).c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_picker(AppState& app) {
    PickerState& p = app.picker;
    const float h = ImGui::GetContentRegionAvail().y;
    const float w = ImGui::GetContentRegionAvail().x;
    const float scale = app.style_scale();

    // Default selection: --scenario, else the first category that has scenarios.
    if (p.category.empty()) {
        if (const session::ScenarioFile* e =
                app.opts.scenario.empty() ? nullptr : app.library.find(app.opts.scenario);
            e && e->scenario) {
            p.category = e->scenario->category;
            p.selected = e->scenario->id;
        } else {
            for (auto c : enums::kCategories)
                if (app.library.count_in(c) > 0) {
                    p.category = std::string(c);
                    break;
                }
        }
    }

    // Categories.
    ImGui::BeginChild("##cats", ImVec2(190 * scale, h), true);
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("picker.categories"));
    ImGui::Separator();
    for (auto c : enums::kCategories) {
        const int n = app.library.count_in(c);
        const std::string label =
            std::string(app.strings.name("category.", c)) + "  (" + std::to_string(n) + ")";
        if (n == 0) ImGui::PushStyleColor(ImGuiCol_Text, ui::pal().muted);
        if (ui::selectable(label.c_str(), p.category == c, "picker.cat:" + std::string(c)))
            p.category = std::string(c);
        if (n == 0) ImGui::PopStyleColor();
    }
    int broken = 0;
    for (const auto& e : app.library.entries) broken += e.scenario ? 0 : 1;
    if (broken > 0) {
        ImGui::Separator();
        ImGui::PushStyleColor(ImGuiCol_Text, ui::pal().bad);
        ImGui::TextWrapped(
            "%s", app.strings.fmt("picker.broken", {{"n", std::to_string(broken)}}).c_str());
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            for (const auto& e : app.library.entries)
                if (!e.scenario) ImGui::TextUnformatted(e.error.c_str());
            ImGui::EndTooltip();
        }
    }
    if (app.library.entries.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::pal().bad);
        ImGui::TextWrapped(
            "%s", app.strings.fmt("picker.empty", {{"dir", app.opts.scenarios_dir}}).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::EndChild();
    ImGui::SameLine();

    // Scenarios of the category.
    const float list_w = std::max(280.0f * scale, (w - 190 * scale) * 0.48f);
    ImGui::BeginChild("##list", ImVec2(list_w, h), true);
    ImGui::TextColored(ui::pal().accent, "%s", app.strings.name("category.", p.category));
    ImGui::Separator();
    if (!app.library.loaded(p.category))
        ImGui::TextDisabled("%s", app.tr("picker.loading_library"));
    for (const auto& e : app.library.entries) {
        if (!e.scenario || e.scenario->category != p.category) continue;
        const Scenario& s = *e.scenario;
        ImGui::PushID(s.id.c_str());
        const std::string label =
            stars(s.difficulty, app.fonts.has_cjk()) + "  " + app.shown(s.title);
        if (ui::selectable(label.c_str(), p.selected == s.id, "picker.scenario:" + s.id))
            p.selected = s.id;
        ImGui::Indent();
        ImGui::PushTextWrapPos(0);
        ImGui::PushStyleColor(ImGuiCol_Text, ui::pal().muted);
        ImGui::TextUnformatted(app.shown(session::what_it_trains(s)).c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        ImGui::Unindent();
        ImGui::Spacing();
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::SameLine();

    // Details and start.
    ImGui::BeginChild("##details", ImVec2(0, h), true);
    const session::ScenarioFile* sel = p.selected.empty() ? nullptr : app.library.find(p.selected);
    if (!sel || !sel->scenario) {
        ImGui::TextDisabled("%s", app.tr("picker.choose"));
    } else {
        const float controls_h = ImGui::GetFrameHeightWithSpacing() * 4.6f;
        ImGui::BeginChild("##info", ImVec2(0, ImGui::GetContentRegionAvail().y - controls_h));
        draw_details(app, *sel);
        ImGui::EndChild();
        ImGui::Separator();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(app.tr("picker.mode"));
        ImGui::SameLine();
        if (ui::radio(app.tr("mode.practice"), p.mode == session::Mode::Practice,
                      "picker.mode:practice"))
            p.mode = session::Mode::Practice;
        // A trainee's assessments start from their assignments (mode and choice are the
        // assignment's): the library is for practice.
        const bool trainee = app.who && !app.who->staff();
        if (trainee) p.mode = session::Mode::Practice;
        if (!trainee) {
            ImGui::SameLine();
            if (ui::radio(app.tr("mode.assessment"), p.mode == session::Mode::Assessment,
                          "picker.mode:assessment"))
                p.mode = session::Mode::Assessment;
        }
        ImGui::TextDisabled("%s",
                            app.tr(p.mode == session::Mode::Practice ? "picker.practice_note"
                                                                     : "picker.assessment_note"));
        ui::checkbox(app.tr("picker.choice_mode"), &p.choice_mode, "picker.choice");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr("picker.choice_note"));
        const bool ready = app.resources_is_ready();
        if (ui::button(ready ? app.tr("picker.start") : app.tr("picker.loading"), "picker.start",
                       ImVec2(-1, ImGui::GetFrameHeight() * 1.3f))) {
            p.error.clear();
            if (!app.begin(sel->scenario->id, &p.error))
                std::cerr << "deskdrill: " << p.error << "\n";
        }
        if (!p.error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ui::pal().bad);
            ImGui::TextWrapped("%s", app.shown(p.error).c_str());
            ImGui::PopStyleColor();
        }
    }
    ImGui::EndChild();
}

}  // namespace dd::app
