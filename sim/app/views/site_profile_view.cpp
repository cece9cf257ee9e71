// Screen::SiteProfile (admins) — 站点信息: the company's own desk (sim/session/site_profile.h).
// The company's and the site's names, each department's extension number and the fee standards
// quoted in answers, set once here (or with `deskdrill site set FILE`) and laid over every
// scenario from the next attempt on; the settings' history beside the form. Saving checks the
// profile with the same rules as a profile file, and names what to fix.
//
// Also here: AppState::site_profile() and played_site(), what the briefing and the desk ask.
#include <imgui.h>

#include "sim/app/app_state.h"
#include "sim/app/ui.h"
#include "sim/load/site_profile_loader.h"
#include "sim/model/enums.h"
#include "sim/store/summaries.h"

namespace dd::app {

std::shared_ptr<const session::SiteProfile> AppState::site_profile() {
    if (!store || !who) return nullptr;
    auto p = store->site_profile(*who);
    return p ? *p : nullptr;
}

Site AppState::played_site(const Scenario& s) {
    auto p = site_profile();
    return p ? session::overlay_site(s.site, p->site) : s.site;
}

namespace {

void say(AppState& app, std::string text, bool bad) {
    app.site_form.message = std::move(text);
    app.site_form.message_bad = bad;
    app.fonts.want(app.site_form.message);
}

void reload(AppState& app) {
    SiteProfileForm& f = app.site_form;
    const std::string message = f.message;
    const bool bad = f.message_bad;
    f = SiteProfileForm{};
    f.loaded = true;
    f.message = message;
    f.message_bad = bad;
    auto p = app.store->site_profile(*app.who);
    if (!p) {
        say(app, app.strings.fmt("console.store_error", {{"why", p.error().message}}), true);
        return;
    }
    if (*p) {
        const Site& s = (*p)->site;
        f.hash = (*p)->snapshot.hash;
        f.company = s.company;
        f.name = s.name;
        f.extensions = s.extensions;
        for (const auto& fee : s.fees) f.fees.push_back({fee.id, fee.name, fee.amount, fee.unit});
    }
    if (auto h = app.store->site_profile_history(*app.who)) f.history = std::move(*h);
    app.fonts.want(f.company);
    app.fonts.want(f.name);
    for (const auto& fee : f.fees) app.fonts.want(fee.name + fee.unit);
    for (const auto& h : f.history) app.fonts.want(h.company);
}

// The form as a profile, checked by the profile file's own rules (site_profile_loader.h).
std::shared_ptr<const session::SiteProfile> from_form(AppState& app, std::string* error) {
    const SiteProfileForm& f = app.site_form;
    Site s;
    s.company = f.company;
    s.name = f.name;
    for (const auto& [dept, ext] : f.extensions)
        if (!ext.empty()) s.extensions[dept] = ext;
    for (const auto& row : f.fees)
        if (!row.id.empty() || !row.amount.empty())
            s.fees.push_back({row.id, row.name, row.amount, row.unit});
    Diagnostics d;
    auto p = session::parse_site_profile(site_profile_to_yaml(s), app.tr("site.title"), d);
    if (!p) *error = d.to_string();
    return p;
}

void draw_form(AppState& app) {
    SiteProfileForm& f = app.site_form;
    const float w = ImGui::GetContentRegionAvail().x;
    const float label_w = 150 * app.style_scale();
    auto field = [&](const char* label, std::string* value, std::string_view id) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine(label_w);
        ui::input_text_hint(label, value, id, w - label_w);
        app.fonts.want(*value);
    };
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("site.names"));
    field(app.tr("site.company"), &f.company, "site.company");
    field(app.tr("site.name"), &f.name, "site.name");

    ImGui::Spacing();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("desk.extensions"));
    if (ImGui::BeginTable("##extensions", 4)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, label_w * 0.75f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, label_w * 0.75f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
        for (auto dept : enums::kDepartments) {
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(app.strings.name("dept.", dept));
            ImGui::TableNextColumn();
            ui::input_text_hint(app.tr("site.ext_hint"), &f.extensions[std::string(dept)],
                                "site.ext:" + std::string(dept), -1);
        }
        ImGui::EndTable();
    }

    ImGui::Spacing();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("site.fees"));
    ImGui::TextDisabled("%s", app.tr("site.fees_note"));
    int remove = -1;
    if (ImGui::BeginTable("##fees", 5, ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn(app.tr("site.fee_id"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(app.tr("site.fee_name"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn(app.tr("site.fee_amount"), ImGuiTableColumnFlags_WidthStretch,
                                0.8f);
        ImGui::TableSetupColumn(app.tr("site.fee_unit"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 70 * app.style_scale());
        ImGui::TableHeadersRow();
        for (std::size_t k = 0; k < f.fees.size(); ++k) {
            auto& row = f.fees[k];
            const std::string n = std::to_string(k);
            ImGui::TableNextColumn();
            ui::input_text_hint("property", &row.id, "site.fee_id:" + n, -1);
            ImGui::TableNextColumn();
            ui::input_text_hint(app.tr("site.fee_name"), &row.name, "site.fee_name:" + n, -1);
            ImGui::TableNextColumn();
            ui::input_text_hint("2.5", &row.amount, "site.fee_amount:" + n, -1);
            ImGui::TableNextColumn();
            ui::input_text_hint(app.tr("site.fee_unit"), &row.unit, "site.fee_unit:" + n, -1);
            ImGui::TableNextColumn();
            if (ui::button(app.tr("site.fee_remove"), "site.fee_remove:" + n))
                remove = static_cast<int>(k);
            app.fonts.want(row.name + row.unit);
        }
        ImGui::EndTable();
    }
    if (remove >= 0) f.fees.erase(f.fees.begin() + remove);
    if (ui::button(app.tr("site.fee_add"), "site.fee_add")) f.fees.push_back({});

    ImGui::Spacing();
    ImGui::Separator();
    if (ui::button(app.tr("site.save"), "site.save")) {
        std::string error;
        if (auto p = from_form(app, &error)) {
            auto r = app.store->set_site_profile(*app.who, p);
            if (r)
                say(app, app.strings.fmt("site.saved", {{"company", p->site.company}}), false);
            else
                say(app, app.strings.fmt("console.store_error", {{"why", r.error().message}}),
                    true);
            reload(app);
        } else {
            say(app, app.strings.fmt("site.invalid", {{"why", error}}), true);
        }
    }
    ImGui::SameLine();
    if (ui::button_if(!f.hash.empty(), app.tr("site.clear"), "site.clear")) {
        auto r = app.store->set_site_profile(*app.who, nullptr);
        if (r)
            say(app, app.tr("site.cleared"), false);
        else
            say(app, app.strings.fmt("console.store_error", {{"why", r.error().message}}), true);
        reload(app);
    }
}

void draw_history(AppState& app) {
    const SiteProfileForm& f = app.site_form;
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("site.in_force"));
    const std::string now = f.hash.empty() ? std::string(app.tr("site.none"))
                                           : f.company + (f.name.empty() ? "" : " · " + f.name) +
                                                 "  (" + f.hash.substr(0, 12) + ")";
    ImGui::TextWrapped("%s", app.shown(now).c_str());
    ui::track("site.in_force", now);
    ImGui::Spacing();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("site.history"));
    for (const auto& h : f.history) {
        const std::string line =
            store::format_time(h.set_at_ms, app.store->utc_offset_minutes()) + "  " + h.set_by +
            "  " +
            (h.profile_hash.empty() ? std::string(app.tr("site.history_cleared")) : h.company);
        ImGui::TextUnformatted(app.shown(line).c_str());
    }
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", app.tr("site.explain"));
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_site_profile(AppState& app) {
    if (!app.store || !app.who) return;
    SiteProfileForm& f = app.site_form;
    if (!f.loaded) reload(app);
    const float h = ImGui::GetContentRegionAvail().y;
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("##site_form", ImVec2(w * 0.62f, h), true);
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("site.title"));
    if (!f.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, f.message_bad ? ui::pal().bad : ui::pal().good);
        ImGui::TextWrapped("%s", f.message.c_str());
        ImGui::PopStyleColor();
        ui::track("site.message", f.message);
    }
    draw_form(app);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##site_history", ImVec2(0, h), true);
    draw_history(app);
    ImGui::EndChild();
}

}  // namespace dd::app
