// Screen::Exports: the stored attempts of a filter as CSV (Excel opens it: UTF-8 with a BOM,
// CRLF) or as xAPI statements for an LRS (sim/store/exports.h), and the one-page PDF of one
// attempt (sim/print) — each saved under a new name in the data folder's exports/.
#include <imgui.h>

#include "sim/app/app_state.h"
#include "sim/app/ui.h"
#include "sim/store/exports.h"
#include "sup_widgets.h"
#include "supervisor.h"

namespace dd::app {

namespace {

void say(AppState& app, bool ok, const std::string& text) {
    app.sup.export_message = app.shown(text);
    app.sup.export_message_bad = !ok;
}

void export_as(AppState& app, bool csv) {
    SupervisorState& s = app.sup;
    std::string bad;
    auto gf = group_filter(s.export_filter, &bad);
    if (!gf) return say(app, false, app.strings.fmt("dash.bad_date", {{"text", bad}}));
    const store::AttemptFilter f = attempt_filter(*gf, app.store->utc_offset_minutes());
    auto text = csv ? store::export_csv(*app.store, *app.who, f)
                    : store::export_xapi(*app.store, *app.who, f);
    if (!text) return say(app, false, text.error().message);
    std::string err;
    const std::string path = save_export("attempts", csv ? ".csv" : ".json", *text, &err);
    if (path.empty()) return say(app, false, err);
    say(app, true, app.strings.fmt("debrief.saved", {{"path", path}}));
}

}  // namespace

void draw_exports(AppState& app) {
    SupervisorState& s = app.sup;
    if (!app.store || !app.who) return;
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("export.attempts"));
    ImGui::TextWrapped("%s", app.tr("export.note"));
    static const std::vector<std::string> none;
    const DashboardModel* m = s.dash.value ? &*s.dash.value : nullptr;
    filter_bar(app, "export.filter", s.export_filter, m ? m->sites : none, m ? m->cohorts : none,
               m ? m->scenarios : none);
    if (ui::button(app.tr("export.csv"), "export.csv")) export_as(app, true);
    ImGui::SameLine();
    if (ui::button(app.tr("export.xapi"), "export.xapi")) export_as(app, false);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("export.pdf_title"));
    ImGui::TextWrapped("%s", app.tr("export.pdf_note"));
    if (s.export_path.empty() && !s.attempt.empty()) s.export_path = s.attempt;
    ui::input_text_hint(app.tr("export.uuid_hint"), &s.export_path, "export.uuid",
                        420 * app.ui_scale);
    ImGui::SameLine();
    if (ui::button_if(!s.export_path.empty(), app.tr("export.pdf"), "export.pdf")) {
        std::string msg;
        const bool ok = print_result(app, s.export_path, &msg);
        say(app, ok, msg);
    }
    if (!s.export_message.empty()) {
        ImGui::Spacing();
        ImGui::TextColored(s.export_message_bad ? ui::pal().bad : ui::pal().good, "%s",
                           s.export_message.c_str());
        ui::track(s.export_message_bad ? "export.failed" : "export.done", s.export_message);
    }
}

}  // namespace dd::app
