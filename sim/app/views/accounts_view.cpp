// Accounts (admins): the people in the records; add a trainee, supervisor or admin; reset a staff
// password; deactivate and reactivate; import trainees from a spreadsheet's CSV, every bad row
// listed with its number and what to fix (sim/store/people_csv.h).
#include <imgui.h>

#include <fstream>
#include <sstream>

#include "sim/app/app_state.h"
#include "sim/app/ui.h"
#include "sim/store/people_csv.h"

namespace dd::app {

namespace {

constexpr store::Role kRoles[] = {store::Role::Trainee, store::Role::Supervisor,
                                  store::Role::Admin};

void say(AppState& app, std::string text, bool bad) {
    app.accounts.message = std::move(text);
    app.accounts.message_bad = bad;
    app.fonts.want(app.accounts.message);
}

void reload(AppState& app) {
    AccountsState& a = app.accounts;
    a.loaded = true;
    store::PeopleFilter f;
    f.include_inactive = true;
    auto people = app.store->people(*app.who, f);
    if (!people) {
        say(app, app.strings.fmt("console.store_error", {{"why", people.error().message}}), true);
        a.people.clear();
        return;
    }
    a.people = std::move(*people);
    for (const auto& p : a.people) {
        app.fonts.want(p.name);
        app.fonts.want(p.site);
        app.fonts.want(p.cohort);
    }
}

void draw_people(AppState& app) {
    AccountsState& a = app.accounts;
    ui::checkbox(app.tr("accounts.show_inactive"), &a.show_inactive, "accounts.show_inactive");
    if (!ImGui::BeginTable(
            "##people", 6,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
            ImVec2(0, ImGui::GetContentRegionAvail().y)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(app.tr("accounts.col_no"));
    ImGui::TableSetupColumn(app.tr("accounts.col_name"));
    ImGui::TableSetupColumn(app.tr("accounts.col_role"));
    ImGui::TableSetupColumn(app.tr("accounts.col_site"));
    ImGui::TableSetupColumn(app.tr("accounts.col_cohort"));
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 190 * app.ui_scale);
    ImGui::TableHeadersRow();
    std::string toggle;  // changed after the table: the list is reloaded then
    for (const auto& p : a.people) {
        if (!p.active && !a.show_inactive) continue;
        ImGui::TableNextRow();
        ImGui::PushID(p.employee_no.c_str());
        ImGui::TableNextColumn();
        ImGui::TextColored(p.active ? ImGui::GetStyleColorVec4(ImGuiCol_Text) : ui::pal().muted,
                           "%s", p.employee_no.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(app.shown(p.name).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(app.strings.name("people.role.", store::role_name(p.role)));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(app.shown(p.site).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(app.shown(p.cohort).c_str());
        ImGui::TableNextColumn();
        const bool self = app.who && p.employee_no == app.who->employee_no();
        if (ui::button_if(!self, app.tr(p.active ? "accounts.deactivate" : "accounts.activate"),
                          "accounts.toggle:" + p.employee_no))
            toggle = p.employee_no;
        if (p.role != store::Role::Trainee) {
            ImGui::SameLine();
            if (ui::button(app.tr("accounts.reset"), "accounts.reset:" + p.employee_no)) {
                a.reset_for = p.employee_no;
                a.reset_password.clear();
            }
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (!toggle.empty()) {
        bool active = true;
        for (const auto& p : a.people)
            if (p.employee_no == toggle) active = p.active;
        store::PersonChange c;
        c.active = !active;
        auto r = app.store->update_person(*app.who, toggle, c);
        if (r)
            say(app,
                app.strings.fmt(active ? "accounts.deactivated" : "accounts.activated",
                                {{"no", toggle}}),
                false);
        else
            say(app, app.strings.fmt("console.store_error", {{"why", r.error().message}}), true);
        reload(app);
    }
}

void draw_add(AppState& app) {
    AccountsState& a = app.accounts;
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("accounts.add"));
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine();
        const std::string_view role = store::role_name(kRoles[i]);
        if (ui::radio(app.strings.name("people.role.", role), a.role == i,
                      "accounts.role:" + std::string(role)))
            a.role = i;
    }
    const float w = ImGui::GetContentRegionAvail().x;
    ui::input_text_hint(app.tr("login.employee_no"), &a.employee_no, "accounts.no", w);
    ui::input_text_hint(app.tr("login.name"), &a.name, "accounts.name", w);
    app.fonts.want(a.name);
    ui::input_text_hint(app.tr("accounts.col_site"), &a.site, "accounts.site", w);
    ui::input_text_hint(app.tr("accounts.col_cohort"), &a.cohort, "accounts.cohort", w);
    app.fonts.want(a.site);
    app.fonts.want(a.cohort);
    if (a.role != 0)
        ui::input_text_hint(app.tr("login.password"), &a.password, "accounts.password", w,
                            ImGuiInputTextFlags_Password);
    if (ui::button(app.tr("accounts.create"), "accounts.create")) {
        store::NewPerson p;
        p.role = kRoles[a.role];
        p.employee_no = a.employee_no;
        p.name = a.name;
        p.site = a.site;
        p.cohort = a.cohort;
        if (a.role != 0) p.password = a.password;
        a.password.clear();
        auto r = app.store->add_person(*app.who, p);
        if (r) {
            say(app,
                app.strings.fmt("accounts.created", {{"no", r->employee_no}, {"name", r->name}}),
                false);
            a.employee_no.clear();
            a.name.clear();
        } else {
            say(app, app.strings.fmt("console.store_error", {{"why", r.error().message}}), true);
        }
        reload(app);
    }
}

void draw_reset(AppState& app) {
    AccountsState& a = app.accounts;
    if (a.reset_for.empty()) return;
    ImGui::Separator();
    ImGui::TextColored(ui::pal().accent, "%s",
                       app.strings.fmt("accounts.reset_for", {{"no", a.reset_for}}).c_str());
    ui::input_text_hint(app.tr("login.password"), &a.reset_password, "accounts.new_password",
                        ImGui::GetContentRegionAvail().x, ImGuiInputTextFlags_Password);
    if (ui::button(app.tr("accounts.set_password"), "accounts.set_password")) {
        auto r = app.store->set_password(*app.who, a.reset_for, a.reset_password);
        a.reset_password.clear();
        if (r) {
            say(app, app.strings.fmt("accounts.password_set", {{"no", a.reset_for}}), false);
            a.reset_for.clear();
        } else {
            say(app, app.strings.fmt("console.store_error", {{"why", r.error().message}}), true);
        }
    }
    ImGui::SameLine();
    if (ui::button(app.tr("leave.cancel"), "accounts.reset_cancel")) a.reset_for.clear();
}

void draw_import(AppState& app) {
    AccountsState& a = app.accounts;
    ImGui::Separator();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("accounts.import"));
    ImGui::TextWrapped("%s", app.tr("accounts.import_note"));
    ui::input_text_hint(app.tr("accounts.csv_path"), &a.csv_path, "accounts.csv_path",
                        ImGui::GetContentRegionAvail().x);
    if (ui::button(app.tr("accounts.import_go"), "accounts.import_go")) {
        a.import.reset();
        std::ifstream in(a.csv_path, std::ios::binary);
        if (!in) {
            say(app, app.strings.fmt("accounts.cannot_read", {{"path", a.csv_path}}), true);
        } else {
            std::stringstream ss;
            ss << in.rdbuf();
            auto r = store::import_people_csv(*app.store, *app.who, ss.str());
            if (!r) {
                say(app, app.strings.fmt("console.store_error", {{"why", r.error().message}}),
                    true);
            } else {
                a.import = std::move(*r);
                if (a.import->csv.problems.empty()) {
                    a.csv_path.clear();  // done: the next file is another one
                    say(app,
                        app.strings.fmt("accounts.imported",
                                        {{"n", std::to_string(a.import->added.size())},
                                         {"encoding", a.import->csv.encoding}}),
                        false);
                } else {
                    say(app,
                        app.strings.fmt("accounts.import_refused",
                                        {{"n", std::to_string(a.import->csv.problems.size())}}),
                        true);
                }
                for (const auto& p : a.import->csv.problems)
                    app.fonts.want(store::problem_text(p, app.strings));
                reload(app);
            }
        }
    }
    if (a.import && !a.import->csv.problems.empty()) {
        ImGui::BeginChild("##problems", ImVec2(0, 0), true);
        for (const auto& p : a.import->csv.problems) {
            const std::string line = store::problem_text(p, app.strings);
            ImGui::PushStyleColor(ImGuiCol_Text, ui::pal().bad);
            ImGui::TextWrapped("%s", app.shown(line).c_str());
            ImGui::PopStyleColor();
        }
        ImGui::EndChild();
    }
}

}  // namespace

void draw_accounts(AppState& app) {
    if (!app.store || !app.who) return;
    AccountsState& a = app.accounts;
    if (!a.loaded) reload(app);
    const float h = ImGui::GetContentRegionAvail().y;
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("##people_pane", ImVec2(w * 0.58f, h), true);
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("accounts.title"));
    draw_people(app);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##edit_pane", ImVec2(0, h), true);
    if (!a.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, a.message_bad ? ui::pal().bad : ui::pal().good);
        ImGui::TextWrapped("%s", a.message.c_str());
        ImGui::PopStyleColor();
    }
    draw_add(app);
    draw_reset(app);
    draw_import(app);
    ImGui::EndChild();
}

}  // namespace dd::app
