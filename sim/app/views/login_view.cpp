// The login: a trainee picks their name (or types their employee number); supervisors and admins
// give their password. On a new records file, the first admin is created here.
#include <imgui.h>

#include <algorithm>

#include "sim/app/app_state.h"
#include "sim/app/ui.h"

namespace dd::app {

namespace {

void load(AppState& app) {
    LoginState& l = app.login;
    if (l.roster_loaded || !app.store) return;
    l.roster_loaded = true;
    l.needs_admin = app.store->needs_admin();
    l.roster = app.roster();
    for (const auto& p : l.roster) {
        app.fonts.want(p.name);
        app.fonts.want(p.site);
        app.fonts.want(p.cohort);
    }
}

bool matches(const store::Person& p, const std::string& filter) {
    if (filter.empty()) return true;
    return p.employee_no.find(filter) != std::string::npos ||
           p.name.find(filter) != std::string::npos;
}

void error_line(AppState& app, const std::string& error) {
    if (error.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ui::pal().bad);
    ImGui::TextWrapped("%s", app.shown(error).c_str());
    ImGui::PopStyleColor();
}

void draw_first_run(AppState& app) {
    LoginState& l = app.login;
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("login.setup_title"));
    ImGui::TextWrapped("%s", app.tr("login.setup_note"));
    ImGui::Spacing();
    const float w = 320 * app.ui_scale;
    ui::input_text_hint(app.tr("login.employee_no"), &l.employee_no, "login.setup_no", w);
    ui::input_text_hint(app.tr("login.name"), &l.setup_name, "login.setup_name", w);
    ui::input_text_hint(app.tr("login.password"), &l.password, "login.setup_password", w,
                        ImGuiInputTextFlags_Password);
    ui::input_text_hint(app.tr("login.password_again"), &l.setup_password2, "login.setup_password2",
                        w, ImGuiInputTextFlags_Password);
    if (ui::button(app.tr("login.setup_create"), "login.setup_create")) {
        l.error.clear();
        if (l.password != l.setup_password2)
            l.error = app.tr("login.passwords_differ");
        else
            app.create_first_admin(l.employee_no, l.setup_name, l.password, &l.error);
        l.password.clear();
        l.setup_password2.clear();
    }
    error_line(app, l.error);
}

void draw_trainee_pick(AppState& app) {
    LoginState& l = app.login;
    ImGui::TextWrapped("%s", app.tr("login.trainee_note"));
    const float w = 320 * app.ui_scale;
    const bool enter = ui::input_text_hint(app.tr("login.filter"), &l.filter, "login.filter", w,
                                           ImGuiInputTextFlags_EnterReturnsTrue);
    app.fonts.want(l.filter);
    std::vector<const store::Person*> shown;
    for (const auto& p : l.roster)
        if (matches(p, l.filter)) shown.push_back(&p);
    // Enter: the exact employee number typed, or the one name left.
    if (enter) {
        std::string no;
        for (const auto* p : shown)
            if (p->employee_no == l.filter) no = p->employee_no;
        if (no.empty() && shown.size() == 1) no = shown[0]->employee_no;
        if (no.empty()) no = l.filter;
        l.error.clear();
        app.log_in_trainee(no, &l.error);
        return;
    }
    const float list_h =
        std::max(120.0f, ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 3);
    ImGui::BeginChild("##roster", ImVec2(0, list_h), true);
    if (l.roster.empty()) ImGui::TextDisabled("%s", app.tr("login.no_trainees"));
    for (const auto* p : shown) {
        std::string label = p->name + "   " + p->employee_no;
        if (!p->site.empty() || !p->cohort.empty()) label += "   " + p->site + " " + p->cohort;
        if (ui::selectable(app.shown(label).c_str(), l.selected == p->employee_no,
                           "login.trainee:" + p->employee_no))
            l.selected = p->employee_no;
        if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0)) {
            l.error.clear();
            app.log_in_trainee(p->employee_no, &l.error);
            ImGui::EndChild();
            return;
        }
    }
    ImGui::EndChild();
    if (ui::button_if(!l.selected.empty(), app.tr("login.enter"), "login.enter")) {
        l.error.clear();
        app.log_in_trainee(l.selected, &l.error);
    }
    error_line(app, l.error);
}

void draw_staff(AppState& app) {
    LoginState& l = app.login;
    const float w = 320 * app.ui_scale;
    ui::input_text_hint(app.tr("login.employee_no"), &l.employee_no, "login.staff_no", w);
    const bool enter =
        ui::input_text_hint(app.tr("login.password"), &l.password, "login.password", w,
                            ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    if (ui::button(app.tr("login.submit"), "login.submit") || enter) {
        l.error.clear();
        const std::string pw = std::move(l.password);
        l.password.clear();  // never kept, whatever the outcome
        app.log_in_staff(l.employee_no, pw, &l.error);
    }
    error_line(app, l.error);
}

}  // namespace

void draw_login(AppState& app) {
    LoginState& l = app.login;
    load(app);
    const float w = std::min(ImGui::GetContentRegionAvail().x, 640 * app.ui_scale);
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - w) / 2);
    ImGui::BeginChild("##login", ImVec2(w, 0), true);
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("login.title"));
    ImGui::Separator();
    if (!app.store) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::pal().bad);
        ImGui::TextWrapped("%s", app.tr("login.no_records"));
        ImGui::TextWrapped("%s", app.shown(app.records_error).c_str());
        ImGui::PopStyleColor();
        ImGui::EndChild();
        return;
    }
    if (l.needs_admin) {
        draw_first_run(app);
        ImGui::EndChild();
        return;
    }
    if (ui::radio(app.tr("login.as_trainee"), !l.staff, "login.mode:trainee")) {
        l.staff = false;
        l.error.clear();
    }
    ImGui::SameLine();
    if (ui::radio(app.tr("login.as_staff"), l.staff, "login.mode:staff")) {
        l.staff = true;
        l.error.clear();
    }
    ImGui::Spacing();
    if (l.staff)
        draw_staff(app);
    else
        draw_trainee_pick(app);
    ImGui::EndChild();
}

}  // namespace dd::app
