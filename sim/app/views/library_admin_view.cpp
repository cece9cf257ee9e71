// Screen::LibraryAdmin: the scenario library for the people who assign it — each scenario with
// whether it loads, the criteria it trains (the catalogue's titles), `verify` run on demand
// (off the window's thread: exploring a graph takes up to seconds), and its item statistics from
// the records (facility and discrimination per criterion, item_report).
//
// Sections: list · details · draw_library_admin.
#include <imgui.h>

#include "scoring/rubric/catalogue.h"
#include "sim/app/app_state.h"
#include "sim/app/ui.h"
#include "sup_widgets.h"
#include "supervisor.h"

namespace dd::app {

namespace {

// ---- list ------------------------------------------------------------------------------------

void draw_list(AppState& app, const std::vector<LibraryRow>& rows) {
    SupervisorState& s = app.sup;
    for (const auto& r : rows) {
        const bool bad = !r.error.empty();
        auto v = s.verified.find(r.id);
        const char* mark = bad ? "×" : (v == s.verified.end() ? "·" : (v->second.ok ? "√" : "!"));
        ImGui::TextColored(
            bad || (v != s.verified.end() && !v->second.ok) ? ui::pal().bad : ui::pal().good, "%s",
            mark);
        ImGui::SameLine();
        if (ui::selectable(app.shown(r.title).c_str(), s.library_selected == r.id,
                           "library.row:" + r.id))
            s.library_selected = r.id;
    }
}

// ---- details ---------------------------------------------------------------------------------

void draw_verify(AppState& app, const LibraryRow& r) {
    SupervisorState& s = app.sup;
    if (s.verifying.valid() &&
        s.verifying.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        VerifyOutcome v = s.verifying.get();
        s.verified[v.scenario_id] = std::move(v);
    }
    const bool running = s.verifying.valid();
    if (ui::button_if(!running && app.resources_is_ready() && r.error.empty(),
                      app.tr("library.verify"), "library.verify")) {
        const auto* sf = app.library.find(r.id);
        if (sf && sf->scenario)
            s.verifying = std::async(std::launch::async, [sc = sf->scenario, res = app.resources] {
                return verify_one(*sc, *res);
            });
    }
    if (running) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", app.tr("library.verifying"));
    }
    auto it = s.verified.find(r.id);
    if (it == s.verified.end()) return;
    const VerifyOutcome& v = it->second;
    ImGui::TextColored(v.ok ? ui::pal().good : ui::pal().bad, "%s",
                       app.tr(v.ok ? "library.verify_ok" : "library.verify_bad"));
    ui::track("library.verify_result", v.ok ? "ok" : "bad");
    ImGui::TextDisabled(
        "%s", app.strings
                  .fmt("library.verify_figures",
                       {{"runs", std::to_string(v.result.runs)},
                        {"endings", std::to_string(v.result.endings.size())},
                        {"pass", app.tr(v.result.passing_path ? "library.yes" : "library.no")},
                        {"fail", app.tr(v.result.failing_path ? "library.yes" : "library.no")}})
                  .c_str());
    for (const auto& e : v.result.endings)
        ImGui::TextDisabled("  %s  %d–%d%s", e.label.c_str(), e.worst, e.best,
                            e.passable ? " √" : "");
    for (const auto& p : v.problems) ImGui::TextColored(ui::pal().warn, "%s", app.shown(p).c_str());
}

void draw_details(AppState& app, const LibraryRow& r) {
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextUnformatted(app.shown(r.title).c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::TextDisabled(
        "%s · %s · %s", r.id.c_str(), app.strings.name("category.", r.category),
        app.strings.fmt("library.difficulty", {{"n", std::to_string(r.difficulty)}}).c_str());
    if (!r.error.empty()) {
        ImGui::TextColored(ui::pal().bad, "%s", app.tr("library.broken"));
        ImGui::TextWrapped("%s", app.shown(r.error).c_str());
        return;
    }
    ImGui::Spacing();
    draw_verify(app, r);
    ImGui::Separator();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("library.criteria"));
    const store::ScenarioItems* items = r.items ? &*r.items : nullptr;
    if (items)
        ImGui::TextDisabled(
            "%s", app.strings
                      .fmt("library.items_of", {{"n", std::to_string(items->attempts)},
                                                {"mean", percent_text(items->mean_score)}})
                      .c_str());
    else
        ImGui::TextDisabled("%s", app.tr("library.no_attempts"));
    if (!ImGui::BeginTable("##items", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn(app.tr("debrief.col_criterion"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(app.tr("library.n"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(app.tr("library.facility"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(app.tr("library.discrimination"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (const auto& id : r.criteria) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const Criterion* c = app.resources_is_ready() ? app.standard(id) : nullptr;
        ImGui::TextUnformatted(app.shown(c ? c->title : id).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", id.c_str());
        const store::ItemFigure* f = nullptr;
        if (items)
            for (const auto& it : items->items)
                if (it.criterion_id == id) f = &it;
        ImGui::TableNextColumn();
        ImGui::Text("%lld", f ? static_cast<long long>(f->n) : 0LL);
        ImGui::TableNextColumn();
        if (f && f->facility) {
            percent_bar(static_cast<float>(*f->facility), 50 * app.ui_scale, 30);
            ImGui::SameLine();
        }
        ImGui::TextUnformatted(f ? percent_text(f->facility).c_str() : "—");
        ImGui::TableNextColumn();
        if (f && f->discrimination) {
            // Below 0.2 an item hardly separates the strong from the weak (Moodle's guidance).
            ImGui::TextColored(*f->discrimination < 0.2 ? ui::pal().warn : ui::pal().good, "%.2f",
                               *f->discrimination);
        } else {
            ImGui::TextDisabled("—");
        }
    }
    ImGui::EndTable();
}

}  // namespace

// ---- draw_library_admin ----------------------------------------------------------------------

void draw_library_admin(AppState& app) {
    SupervisorState& s = app.sup;
    if (!app.on_hub() && (!app.store || !app.who)) return;
    s.items.poll();
    if (s.items.stale && s.hub)  // every site's attempts, computed on the hub
        start_build(s.items, [h = *s.hub] {
            std::lock_guard<std::mutex> one_at_a_time(*h.lock);
            return h.reports->items({});
        });
    else if (s.items.stale)
        start_build(s.items, [store = app.store, who = *app.who] {
            return store::item_report(*store, who, {});
        });
    if (!app.library_is_ready()) {
        ImGui::TextDisabled("%s", app.tr("picker.loading_library"));
        return;
    }
    if (!s.items.error.empty())
        ImGui::TextColored(ui::pal().bad, "%s", app.shown(s.items.error).c_str());
    const auto rows = library_rows(app.library, s.items.value ? &*s.items.value : nullptr);
    if (s.library_selected.empty() && !rows.empty()) s.library_selected = rows.front().id;
    const float h = ImGui::GetContentRegionAvail().y;
    ImGui::BeginChild("##lib_list", ImVec2(ImGui::GetContentRegionAvail().x * 0.34f, h), true);
    draw_list(app, rows);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##lib_detail", ImVec2(0, h), true);
    for (const auto& r : rows)
        if (r.id == s.library_selected) draw_details(app, r);
    ImGui::EndChild();
}

}  // namespace dd::app
