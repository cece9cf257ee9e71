// Screen::ReviewQueue: what a supervisor should look at before a result goes in a personnel file
// (trainee_model.h says which attempts and why). A row opens the attempt's debrief in the trainee
// detail — at the first criterion the scorer marked as uncertain, when it marked one — where an
// override takes it off the queue.
#include <imgui.h>

#include "sim/app/app_state.h"
#include "sim/app/ui.h"
#include "sup_widgets.h"
#include "supervisor.h"

namespace dd::app {

namespace {

// A criterion's title in the window's language (the catalogue's English when it has one).
std::string criterion_name(AppState& app, const std::string& id, const std::string& stored) {
    if (app.strings.lang() == "en")
        if (const Criterion* c = app.standard(id); c && !c->title_en.empty()) return c->title_en;
    return stored;
}

// "Scorer unsure: 复述确认 (evidence 2, 3); 隐私保护"
std::string why_text(AppState& app, const ReviewItem& it) {
    if (it.marks.empty()) return app.tr(it.reason_key);
    std::string list;
    for (std::size_t i = 0; i < it.marks.size(); ++i) {
        const store::ReviewMark& m = it.marks[i];
        if (i) list += app.tr("join.fields");
        list += criterion_name(app, m.criterion_id,
                               i < it.mark_titles.size() ? it.mark_titles[i] : m.criterion_id);
        if (m.evidence.empty()) continue;
        std::string items;
        for (const int e : m.evidence) items += (items.empty() ? "" : ", ") + std::to_string(e + 1);
        list += app.strings.fmt("review.evidence_items", {{"items", items}});
    }
    return app.strings.fmt("review.scorer_marked", {{"list", list}});
}

}  // namespace

void draw_review_queue(AppState& app) {
    SupervisorState& s = app.sup;
    if (!app.store || !app.who) return;
    s.review.poll();
    if (s.review.stale)
        start_build(s.review, [store = app.store, who = *app.who, f = s.filter] {
            return review_queue(*store, who, f);
        });
    ImGui::TextWrapped("%s", app.tr("review.note"));
    if (filter_bar(app, "review.filter", s.filter,
                   s.dash.value ? s.dash.value->sites : std::vector<std::string>{},
                   s.dash.value ? s.dash.value->cohorts : std::vector<std::string>{},
                   s.dash.value ? s.dash.value->scenarios : std::vector<std::string>{}))
        s.review.stale = s.dash.stale = true;
    if (!s.review.error.empty())
        ImGui::TextColored(ui::pal().bad, "%s", app.shown(s.review.error).c_str());
    if (!s.review.value) {
        ImGui::TextDisabled("%s", app.tr("dash.loading"));
        return;
    }
    const auto& items = *s.review.value;
    ImGui::TextUnformatted(
        app.strings.fmt("review.count", {{"n", std::to_string(items.size())}}).c_str());
    ui::track("review.count", std::to_string(items.size()));
    if (!ImGui::BeginTable(
            "##review", 5,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH,
            ImGui::GetContentRegionAvail()))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(app.tr("dash.col.when"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(app.tr("dash.col.trainee"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(app.tr("dash.col.scenario"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(app.tr("detail.col.score"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(app.tr("review.col.why"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const ReviewItem& it = items[i];
        const store::AttemptRow& a = it.row;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ui::selectable(when_text(app, a.ended_at_ms).c_str(), false, "review.open:" + a.uuid,
                           ImVec2(0, 0))) {
            s.trainee = a.trainee;
            s.detail.stale = true;
            // The detail opens on its debrief, at the first decision the scorer doubted.
            open_stored_debrief(app, a.uuid,
                                it.marks.empty() ? std::string() : it.marks.front().criterion_id);
            app.go(Screen::TraineeDetail);
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(app.shown(a.trainee_name + " " + a.trainee).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(app.shown(scenario_title(app, a.scenario_id)).c_str());
        ImGui::TableNextColumn();
        if (a.result)
            ImGui::TextColored(a.result->passed ? ui::pal().good : ui::pal().bad, "%d/%d (%d)",
                               a.result->score, a.result->max_points, a.result->pass_mark);
        ImGui::TableNextColumn();
        const std::string why = why_text(app, it);
        ImGui::TextColored(
            it.marks.empty() ? ImGui::GetStyleColorVec4(ImGuiCol_Text) : ui::pal().warn, "%s",
            app.shown(why).c_str());
        ui::track("review.why:" + a.uuid, why);
    }
    ImGui::EndTable();
}

}  // namespace dd::app
