// The bar under the menu once someone is logged in: who is at the window, the screens their role
// may open, log out; and the confirmation before an assessment is left.
#include <imgui.h>

#include "sim/app/app_state.h"
#include "sim/app/ui.h"

namespace dd::app {

namespace {

struct NavItem {
    Screen screen;
    const char* key;  // i18n key of the label
    const char* id;   // test id
};

constexpr NavItem kTraineeNav[] = {
    {Screen::TraineeHome, "nav.home", "nav.home"},
    {Screen::Picker, "nav.library", "nav.library"},
};
constexpr NavItem kStaffNav[] = {
    {Screen::SupervisorHome, "nav.dashboard", "nav.dashboard"},
    {Screen::TraineeDetail, "nav.trainee", "nav.trainee"},
    {Screen::ReviewQueue, "nav.review", "nav.review"},
    {Screen::Assignments, "nav.assignments", "nav.assignments"},
    {Screen::LibraryAdmin, "nav.library_admin", "nav.library_admin"},
    {Screen::Exports, "nav.exports", "nav.exports"},
    {Screen::Accounts, "nav.accounts", "nav.accounts"},
    {Screen::SiteProfile, "nav.site", "nav.site"},
};

// Why a screen is not on the hub's console (read-only): its i18n key.
const char* hub_refusal(Screen s) {
    switch (s) {
        case Screen::ReviewQueue:
            return "hub.why_no_review";
        case Screen::Assignments:
            return "hub.why_no_assign";
        case Screen::Exports:
            return "hub.why_no_exports";
        case Screen::Accounts:
            return "hub.why_no_accounts";
        default:
            return "hub.read_only";
    }
}

// Headquarters' console over the hub: no one logged in, the screens that read; the others
// shown disabled, each with its reason.
void draw_hub_bar(AppState& app) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("hub.bar"));
    ui::track("hub.bar");
    for (const auto& n : kStaffNav) {
        ImGui::SameLine();
        const bool ok = app.allowed(n.screen);
        const bool here = app.screen == n.screen;
        if (here)
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ui::button_if(ok, app.tr(n.key), n.id)) app.go(n.screen);
        if (here) ImGui::PopStyleColor();
        if (!ok && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", app.tr(hub_refusal(n.screen)));
    }
    ImGui::Separator();
}

}  // namespace

void draw_session_bar(AppState& app) {
    if (app.on_hub()) {
        draw_hub_bar(app);
        return;
    }
    // Nothing to navigate to in the middle of an attempt: the menu's items ask first.
    if (app.screen == Screen::Desk || app.screen == Screen::Briefing || !app.who) return;
    const store::Principal& who = *app.who;
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(
        ui::pal().accent, "%s",
        app.strings
            .fmt("nav.who",
                 {{"name", app.shown(who.name())},
                  {"no", who.employee_no()},
                  {"role", app.strings.name("people.role.", store::role_name(who.role()))}})
            .c_str());
    auto nav = [&](const NavItem& n) {
        if (!screen_allowed(n.screen, &who, app.opts.no_records)) return;
        ImGui::SameLine();
        const bool here = app.screen == n.screen;
        if (here)
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ui::button(app.tr(n.key), n.id)) app.request_leave_to(n.screen);
        if (here) ImGui::PopStyleColor();
    };
    if (who.staff())
        for (const auto& n : kStaffNav) nav(n);
    else
        for (const auto& n : kTraineeNav) nav(n);
    const char* out = app.tr("nav.logout");
    const float bw = ImGui::CalcTextSize(out).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - bw);
    if (ui::button(out, "nav.logout")) app.request_leave(LeaveState::Target::LogOut);
    ImGui::Separator();
}

void draw_leave_confirm(AppState& app) {
    LeaveState& l = app.leave;
    const char* title = app.tr("leave.title");
    const std::string popup = ui::lid(title, "leave.popup");
    if (l.open_popup) {
        ImGui::OpenPopup(popup.c_str());
        l.open_popup = false;
    }
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(460 * app.ui_scale, 0));
    if (!ImGui::BeginPopupModal(popup.c_str(), nullptr,
                                ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings))
        return;
    ImGui::TextWrapped("%s", app.tr("leave.text"));
    ImGui::Spacing();
    if (ui::button(app.tr("leave.confirm"), "leave.confirm")) {
        ImGui::CloseCurrentPopup();
        app.confirm_leave();
    }
    ImGui::SameLine();
    if (ui::button(app.tr("leave.cancel"), "leave.cancel")) {
        ImGui::CloseCurrentPopup();
        l.pending = LeaveState::Target::None;
    }
    ImGui::EndPopup();
}

}  // namespace dd::app
