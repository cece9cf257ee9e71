// Screen::Assignments: give scenarios (chosen from the library, or a named set) to a trainee or a
// cohort with a mode, whether choice mode is allowed, a due date and a refresher interval; see
// who has not done what (overdue first) and the assignments given, each of which can be
// cancelled. The form's rules: assignments_model.h; the store checks them again.
//
// Sections: form · lists · draw_assignments.
#include <imgui.h>

#include "sim/app/app_state.h"
#include "sim/app/ui.h"
#include "sup_widgets.h"
#include "supervisor.h"

namespace dd::app {

namespace {

// ---- form ------------------------------------------------------------------------------------

void draw_form(AppState& app, const AssignmentsModel& m) {
    SupervisorState& s = app.sup;
    AssignForm& f = s.form;
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("assign.new"));
    if (ui::radio(app.tr("assign.to_trainee"), !f.to_cohort, "assign.to_trainee"))
        f.to_cohort = false;
    ImGui::SameLine();
    if (ui::radio(app.tr("assign.to_cohort"), f.to_cohort, "assign.to_cohort")) f.to_cohort = true;
    const float w = ImGui::GetContentRegionAvail().x;
    if (!f.to_cohort) {
        ImGui::SetNextItemWidth(w);
        std::string preview = app.tr("assign.pick_trainee");
        for (const auto& p : m.trainees)
            if (p.employee_no == f.trainee) preview = app.shown(p.name + " " + p.employee_no);
        if (ImGui::BeginCombo("##assign_trainee", preview.c_str())) {
            for (const auto& p : m.trainees)
                if (ui::selectable(
                        app.shown(p.name + " " + p.employee_no + " · " + p.site + " / " + p.cohort)
                            .c_str(),
                        p.employee_no == f.trainee, "assign.trainee:" + p.employee_no))
                    f.trainee = p.employee_no;
            ImGui::EndCombo();
        }
        ui::track("assign.trainee", preview);
    } else {
        ImGui::SetNextItemWidth(w * 0.5f);
        const std::string preview =
            f.cohort.empty() ? app.tr("assign.pick_cohort") : app.shown(f.cohort);
        if (ImGui::BeginCombo("##assign_cohort", preview.c_str())) {
            for (const auto& c : m.cohorts)
                if (ui::selectable(app.shown(c).c_str(), c == f.cohort, "assign.cohort:" + c))
                    f.cohort = c;
            ImGui::EndCombo();
        }
        ui::track("assign.cohort", preview);
        ImGui::SameLine();
        ui::input_text_hint(app.tr("assign.site_hint"), &f.site, "assign.site", -1);
    }

    ImGui::TextUnformatted(app.tr("assign.scenarios"));
    ImGui::BeginChild("##assign_scenarios", ImVec2(0, 190 * app.ui_scale), true);
    for (const auto& sf : app.library.entries) {
        if (!sf.scenario) continue;
        const std::string& id = sf.scenario->id;
        bool on = std::find(f.scenarios.begin(), f.scenarios.end(), id) != f.scenarios.end();
        if (ui::checkbox(app.shown(sf.scenario->title).c_str(), &on, "assign.scenario:" + id)) {
            if (on)
                f.scenarios.push_back(id);
            else
                std::erase(f.scenarios, id);
        }
    }
    ImGui::EndChild();
    ui::input_text_hint(app.tr("assign.set_hint"), &f.set_name, "assign.set", w);

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(app.tr("assign.mode"));
    for (const auto mode :
         {session::Mode::Practice, session::Mode::Assessment, session::Mode::Refresher}) {
        ImGui::SameLine();
        const std::string name(session::mode_name(mode));
        if (ui::radio(app.strings.name("mode.", name), f.mode == mode, "assign.mode:" + name))
            f.mode = mode;
    }
    ui::checkbox(app.tr("assign.choice_allowed"), &f.choice_allowed, "assign.choice");
    ui::input_text_hint(app.tr("assign.due_hint"), &f.due, "assign.due", w * 0.5f);
    if (f.mode == session::Mode::Refresher) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(w * 0.3f);
        ImGui::InputInt(ui::lid(app.tr("assign.every_days"), "assign.every").c_str(),
                        &f.every_days);
        ui::track("assign.every");
    }
    ui::input_text_hint(app.tr("assign.note_hint"), &f.note, "assign.note", w);
    if (ui::button(app.tr("assign.submit"), "assign.submit")) {
        std::string key, bad;
        auto a = make_assignment(f, app.store->utc_offset_minutes(), &key, &bad);
        if (!a) {
            s.form_message = app.strings.fmt(key, {{"text", bad}});
            s.form_message_bad = true;
        } else if (auto r = store::assign(*app.store, *app.who, *a); !r) {
            s.form_message = r.error().message;
            s.form_message_bad = true;
        } else {
            s.form_message = app.strings.fmt(
                "assign.given", {{"n", std::to_string(r->scenarios.size())},
                                 {"who", r->trainee.empty() ? r->cohort : r->trainee}});
            s.form_message_bad = false;
            s.records_changed();
            f.scenarios.clear();
            f.set_name.clear();
            f.note.clear();
        }
        app.shown(s.form_message);
    }
    if (!s.form_message.empty()) {
        ImGui::TextColored(s.form_message_bad ? ui::pal().bad : ui::pal().good, "%s",
                           s.form_message.c_str());
        ui::track("assign.message", s.form_message);
    }
}

// ---- lists -----------------------------------------------------------------------------------

void draw_not_done(AppState& app, const AssignmentsModel& m, float height) {
    ImGui::TextUnformatted(
        app.strings.fmt("assign.not_done", {{"n", std::to_string(m.not_done.size())}}).c_str());
    ui::track("assign.not_done");
    if (!ImGui::BeginTable(
            "##not_done", 4,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH,
            ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(app.tr("dash.col.trainee"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(app.tr("dash.col.scenario"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(app.tr("assign.mode"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(app.tr("dash.col.due"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(m.not_done.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const auto& st = m.not_done[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(app.shown(st.trainee_name + " " + st.trainee).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(app.shown(scenario_title(app, st.scenario_id)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(app.strings.name("mode.", session::mode_name(st.mode)));
            ImGui::TableNextColumn();
            if (st.due_ms)
                ImGui::TextColored(st.overdue ? ui::pal().bad : ui::pal().muted, "%s%s",
                                   st.overdue ? app.tr("assign.overdue") : "",
                                   due_text(app, *st.due_ms).c_str());
            else
                ImGui::TextDisabled("—");
        }
    ImGui::EndTable();
}

void draw_given(AppState& app, const AssignmentsModel& m, float height) {
    SupervisorState& s = app.sup;
    ImGui::TextUnformatted(app.tr("assign.given_list"));
    if (!ImGui::BeginTable(
            "##given", 4,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH,
            ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(app.tr("assign.to"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(app.tr("assign.scenarios"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(app.tr("dash.col.due"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("##cancel", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (const auto& a : m.assignments) {
        ImGui::PushID(static_cast<int>(a.id));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(app.shown(a.trainee.empty()
                                             ? a.cohort + (a.site.empty() ? "" : " @" + a.site)
                                             : a.trainee)
                                   .c_str());
        ImGui::TableNextColumn();
        std::string list = a.set_name.empty() ? "" : "[" + a.set_name + "] ";
        for (std::size_t i = 0; i < a.scenarios.size(); ++i)
            list += (i ? app.tr("join.and") : "") + scenario_title(app, a.scenarios[i]);
        ImGui::TextWrapped("%s", app.shown(list).c_str());
        ImGui::TextDisabled(
            "%s%s", app.strings.name("mode.", session::mode_name(a.mode)),
            a.every_days
                ? app.strings.fmt("assign.every_n", {{"n", std::to_string(*a.every_days)}}).c_str()
                : "");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(a.due_at_ms ? due_text(app, *a.due_at_ms).c_str() : "—");
        ImGui::TableNextColumn();
        if (ui::button(app.tr("assign.cancel"), "assign.cancel:" + std::to_string(a.id))) {
            if (auto r = store::cancel_assignment(*app.store, *app.who, a.id); !r) {
                s.form_message = r.error().message;
                s.form_message_bad = true;
            }
            s.records_changed();
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

// ---- draw_assignments ------------------------------------------------------------------------

void draw_assignments(AppState& app) {
    SupervisorState& s = app.sup;
    if (!app.store || !app.who) return;
    s.assign.poll();
    if (s.assign.stale)
        start_build(s.assign, [store = app.store, who = *app.who] {
            return build_assignments(*store, who, session::wall_clock_ms());
        });
    if (!s.assign.error.empty())
        ImGui::TextColored(ui::pal().bad, "%s", app.shown(s.assign.error).c_str());
    if (!s.assign.value) {
        ImGui::TextDisabled("%s", app.tr("dash.loading"));
        return;
    }
    const AssignmentsModel& m = *s.assign.value;
    const float h = ImGui::GetContentRegionAvail().y;
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("##assign_form", ImVec2(w * 0.4f, h), true);
    draw_form(app, m);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##assign_lists", ImVec2(0, h), false);
    const float line = ImGui::GetTextLineHeightWithSpacing();
    draw_not_done(app, m, h * 0.5f - line * 1.5f);
    draw_given(app, m, h * 0.5f - line * 1.5f);
    ImGui::EndChild();
}

}  // namespace dd::app
