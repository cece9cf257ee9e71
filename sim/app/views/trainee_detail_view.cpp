// Screen::TraineeDetail: one trainee (app.sup.trainee) — who, the trend of their scores, their
// weakest criteria, their history (each attempt's debrief and its printable result) and their
// assignments; with no trainee chosen, the list to choose from. An attempt opened from the
// history is the stored one played again from its snapshots (trainee_model.h) and drawn by the
// debrief view itself; beside each criterion's evidence a supervisor overrides it with a reason,
// kept beside the automatic result.
//
// Sections: override form · picker · detail · opening · draw_trainee_detail.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "sim/app/app_state.h"
#include "sim/app/ui.h"
#include "sup_widgets.h"
#include "supervisor.h"

namespace dd::app {

namespace {

// ---- override form ---------------------------------------------------------------------------

void draw_override(AppState& app, const CriterionResult& c) {
    SupervisorState& s = app.sup;
    OverrideForm& f = s.override_form;
    if (f.criterion != c.id) {
        f = OverrideForm{};
        f.criterion = c.id;
        f.passed = !c.passed;  // one overrides to say the scorer was wrong
        f.points = f.passed ? c.max : 0;
    }
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("detail.override"));
    if (const store::OverrideRow* o = s.stored->override_of(c.id)) {
        ImGui::TextWrapped(
            "%s",
            app.shown(app.strings.fmt(
                          "detail.override_in_force",
                          {{"verdict", app.tr(o->passed ? "debrief.passed" : "debrief.failed")},
                           {"points", std::to_string(o->points)},
                           {"max", std::to_string(c.max)},
                           {"reason", o->reason},
                           {"who", o->supervisor_name},
                           {"when", when_text(app, o->created_at_ms)}}))
                .c_str());
        ui::track("detail.override_in_force");
    }
    if (ui::radio(app.tr("debrief.passed"), f.passed, "detail.override.pass")) {
        f.passed = true;
        f.points = c.max;
    }
    ImGui::SameLine();
    if (ui::radio(app.tr("debrief.failed"), !f.passed, "detail.override.fail")) {
        f.passed = false;
        f.points = 0;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110 * app.ui_scale);
    ImGui::InputInt(ui::lid(app.tr("detail.override.points"), "detail.override.points").c_str(),
                    &f.points);
    ui::track("detail.override.points");
    f.points = std::clamp(f.points, 0, c.max);
    ui::input_text_hint(app.tr("detail.override.reason"), &f.reason, "detail.override.reason", -1);
    if (ui::button_if(!f.reason.empty(), app.tr("detail.override.submit"),
                      "detail.override.submit")) {
        store::NewOverride o;
        o.attempt_uuid = s.stored->detail.row.uuid;
        o.criterion_id = c.id;
        o.points = f.points;
        o.passed = f.passed;
        o.reason = f.reason;
        auto r = app.store->add_override(*app.who, o);
        if (r) {
            const std::string uuid = o.attempt_uuid, id = c.id;
            const int selected = s.stored_debrief.selected;
            open_stored_debrief(app, uuid);  // the override in force, from the records
            s.stored_debrief.selected = selected;
            OverrideForm& nf = s.override_form;
            nf.criterion = id;
            nf.passed = !c.passed;
            nf.points = nf.passed ? c.max : 0;
            nf.message = app.tr("detail.override.saved");
            s.override_form.message_bad = false;
            s.records_changed();
        } else {
            f.message = r.error().message;
            f.message_bad = true;
        }
    }
    if (!s.override_form.message.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(s.override_form.message_bad ? ui::pal().bad : ui::pal().good, "%s",
                           app.shown(s.override_form.message).c_str());
    }
}

void draw_stored(AppState& app) {
    SupervisorState& s = app.sup;
    // The buttons and the override form replace or drop app.sup.stored mid-frame; what this
    // frame draws from stays alive until it ends.
    const std::shared_ptr<const StoredDebrief> keep = s.stored;
    const StoredDebrief& st = *keep;
    DebriefSource src;
    src.scenario = st.scenario.scenario.get();
    src.log = &st.record.log;
    src.report = &st.record.report;
    src.mode = st.record.mode;
    src.actions = [&app] {
        SupervisorState& ss = app.sup;
        if (ui::button(app.tr("detail.back"), "detail.back")) {
            ss.stored.reset();
            return false;
        }
        ImGui::SameLine();
        if (ui::button(app.tr("detail.print"), "detail.print")) {
            std::string msg;
            const bool ok = print_result(app, ss.attempt, &msg);
            ss.stored_debrief.message = app.shown(msg);
            ss.stored_debrief.message_bad = !ok;
        }
        ImGui::SameLine();
        const auto& row = ss.stored->detail.row;
        ImGui::TextDisabled(
            "%s", app.shown(row.trainee_name + " " + row.trainee + " · " +
                            when_text(app, row.ended_at_ms) + " · " +
                            app.strings.name("origin.", session::origin_name(row.origin)) + " · " +
                            app.strings.name("ending.", session::ending_name(row.ending)))
                      .c_str());
        if (!ss.stored->matches) {
            ImGui::TextColored(
                ui::pal().warn, "%s",
                app.shown(app.strings.fmt("detail.mismatch", {{"text", ss.stored->mismatch}}))
                    .c_str());
        }
        return true;
    };
    src.criterion_extra = [&app](const CriterionResult& c) { draw_override(app, c); };
    src.criterion_note = [&app](const CriterionResult& c) -> std::string {
        const store::OverrideRow* o = app.sup.stored->override_of(c.id);
        if (!o) return {};
        return app.strings.fmt(
            "detail.override_note",
            {{"verdict", app.tr(o->passed ? "debrief.passed" : "debrief.failed")},
             {"points", std::to_string(o->points)},
             {"max", std::to_string(c.max)}});
    };
    draw_debrief_of(app, src, s.stored_debrief);
}

// ---- picker ----------------------------------------------------------------------------------

void draw_picker_list(AppState& app) {
    SupervisorState& s = app.sup;
    ImGui::TextUnformatted(app.tr("detail.choose"));
    ui::input_text_hint(app.tr("detail.search"), &s.pick_filter, "detail.search",
                        260 * app.ui_scale);
    store::PeopleFilter pf;
    pf.role = store::Role::Trainee;
    pf.site = s.filter.site;
    pf.cohort = s.filter.cohort;
    auto people = app.store->people(*app.who, pf);
    if (!people) {
        ImGui::TextColored(ui::pal().bad, "%s", app.shown(people.error().message).c_str());
        return;
    }
    ImGui::BeginChild("##pick", ImVec2(0, 0), true);
    for (const auto& p : *people) {
        if (!s.pick_filter.empty() && p.name.find(s.pick_filter) == std::string::npos &&
            p.employee_no.find(s.pick_filter) == std::string::npos)
            continue;
        const std::string label = app.shown(p.name) + "  " + p.employee_no + "  " +
                                  app.shown(p.site) + " / " + app.shown(p.cohort);
        if (ui::selectable(label.c_str(), false, "detail.pick:" + p.employee_no)) {
            s.trainee = p.employee_no;
            s.detail.stale = true;
        }
    }
    ImGui::EndChild();
}

// On the hub: people are a site's own; an employee number (and the site, when two sites use
// the same one) opens their history across the hub.
void draw_hub_picker(AppState& app) {
    SupervisorState& s = app.sup;
    ImGui::TextUnformatted(app.tr("hub.choose"));
    std::string& number = s.pick_filter;
    ui::input_text_hint(app.tr("hub.employee_no"), &number, "hub.employee_no", 200 * app.ui_scale);
    ImGui::SameLine();
    choice(app, "hub.site", "hub.any_site", s.trainee_site, s.hub->sites, 200 * app.ui_scale);
    ImGui::SameLine();
    if (ui::button_if(!number.empty(), app.tr("hub.open_trainee"), "hub.open_trainee")) {
        s.trainee = number;
        s.detail.stale = true;
        s.detail.error.clear();
    }
}

// ---- detail ----------------------------------------------------------------------------------

void draw_history(AppState& app, const TraineeDetailModel& m, float height) {
    ImGui::TextUnformatted(app.tr("detail.history"));
    if (!ImGui::BeginTable(
            "##history", 6,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH,
            ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(app.tr("dash.col.when"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(app.tr("dash.col.scenario"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(app.tr("detail.col.how"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(app.tr("detail.col.score"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("##open", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("##print", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(m.report.history.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const store::AttemptRow& a = m.report.history[static_cast<std::size_t>(i)];
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(when_text(app, a.ended_at_ms).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(app.shown(scenario_title(app, a.scenario_id)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s · %s · %s",
                                app.strings.name("mode.", session::mode_name(a.mode)),
                                app.strings.name("origin.", session::origin_name(a.origin)),
                                app.strings.name("ending.", session::ending_name(a.ending)));
            ImGui::TableNextColumn();
            if (a.result) {
                const auto& r = *a.result;
                ImGui::TextColored(r.passed ? ui::pal().good : ui::pal().bad, "%d/%d", r.score,
                                   r.max_points);
                if (r.score_with_overrides != r.score) {
                    ImGui::SameLine();
                    ImGui::TextColored(ui::pal().accent, "(%d)", r.score_with_overrides);
                }
            } else {
                ImGui::TextDisabled("—");
            }
            ImGui::TableNextColumn();
            // On the hub the stored attempt itself stays with its site: no debrief, no print.
            const bool here = !app.on_hub();
            if (ui::button_if(here, app.tr("detail.open"), "detail.open:" + std::to_string(i)))
                open_stored_debrief(app, a.uuid);
            read_only_reason(app, "hub.why_no_debrief");
            ImGui::TableNextColumn();
            if (ui::button_if(here && a.result.has_value(), app.tr("detail.pdf"),
                              "detail.pdf:" + std::to_string(i))) {
                std::string msg;
                const bool ok = print_result(app, a.uuid, &msg);
                app.sup.stored_error = ok ? std::string() : msg;
                app.sup.override_form.message = ok ? msg : std::string();
            }
            read_only_reason(app, "hub.why_no_debrief");
            ImGui::PopID();
        }
    ImGui::EndTable();
}

void draw_detail(AppState& app, const TraineeDetailModel& m) {
    SupervisorState& s = app.sup;
    const store::Person& p = m.report.person;
    if (ui::button(app.tr("detail.other"), "detail.other")) {
        s.trainee.clear();
        return;
    }
    ImGui::SameLine();
    ImGui::SetWindowFontScale(1.3f);
    ImGui::TextUnformatted(app.shown(p.name + "  " + p.employee_no).c_str());
    ImGui::SetWindowFontScale(1.0f);
    ui::track("detail.name", p.name);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", app.shown(p.site + " / " + p.cohort).c_str());
    if (!s.override_form.message.empty() && !s.stored) {
        ImGui::TextColored(ui::pal().good, "%s", app.shown(s.override_form.message).c_str());
    }

    const float avail = ImGui::GetContentRegionAvail().x;
    const float h = 170 * app.ui_scale;
    ImGui::BeginGroup();
    std::string trend = app.tr("detail.trend");
    if (m.report.trend_slope) {
        char n[32];
        std::snprintf(n, sizeof n, "%+.1f", *m.report.trend_slope);
        trend += "  " + app.strings.fmt("detail.slope", {{"n", n}});
    }
    if (m.report.recent_mean)
        trend +=
            "  " + app.strings.fmt("detail.recent", {{"p", percent_text(m.report.recent_mean)}});
    ImGui::TextUnformatted(app.shown(trend).c_str());
    line_chart(app, "detail.chart.trend", m.trend, ImVec2(avail * 0.55f, h));
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextUnformatted(app.tr("detail.weakest"));
    ImGui::BeginChild("##weakest", ImVec2(0, h), true);
    const float bar = 90 * app.ui_scale;
    for (std::size_t i = 0; i < m.report.weakest.size() && i < 8; ++i) {
        const auto& c = m.report.weakest[i];
        percent_bar(static_cast<float>(c.percent.value_or(0)), bar);
        ImGui::SameLine();
        ImGui::TextUnformatted(percent_text(c.percent).c_str());
        ImGui::SameLine();
        ImGui::TextUnformatted(app.shown(c.title).c_str());
    }
    if (m.report.weakest.empty()) ImGui::TextDisabled("%s", app.tr("dash.no_data"));
    ImGui::EndChild();
    ImGui::EndGroup();

    const float rest = ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing();
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("##hist", ImVec2(w * 0.68f, rest + ImGui::GetTextLineHeightWithSpacing()));
    draw_history(app, m, rest);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##assigned", ImVec2(0, rest + ImGui::GetTextLineHeightWithSpacing()));
    ImGui::TextUnformatted(app.tr("detail.assignments"));
    ImGui::BeginChild("##assigned_list", ImVec2(0, rest), true);
    if (m.report.assignments.empty()) ImGui::TextDisabled("%s", app.tr("detail.no_assignments"));
    for (const auto& a : m.report.assignments) {
        const ImVec4 c = a.done ? ui::pal().good : (a.overdue ? ui::pal().bad : ui::pal().muted);
        ImGui::TextColored(
            c, "%s",
            app.tr(a.done ? "assign.done" : (a.overdue ? "assign.overdue" : "assign.open")));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", app.shown(scenario_title(app, a.scenario_id)).c_str());
        ImGui::TextDisabled("  %s%s%s", app.strings.name("mode.", session::mode_name(a.mode)),
                            a.due_ms ? " · " : "",
                            a.due_ms ? due_text(app, *a.due_ms).c_str() : "");
    }
    ImGui::EndChild();
    ImGui::EndChild();
}

}  // namespace

bool open_stored_debrief(AppState& app, const std::string& uuid, const std::string& criterion) {
    SupervisorState& s = app.sup;
    auto d = open_stored_attempt(*app.store, *app.who, uuid);
    if (!d) {
        s.stored_error = d.error().message;
        return false;
    }
    s.stored = std::move(*d);
    s.stored_error.clear();
    s.attempt = uuid;
    s.stored_debrief = DebriefState{};
    // The replay opens at its end: the whole attempt, as the trainee's own debrief shows it.
    s.stored_debrief.step = static_cast<int>(s.stored->record.log.entries.size());
    s.override_form = OverrideForm{};
    if (const auto& r = s.stored->record.report; r && !criterion.empty())
        for (std::size_t i = 0; i < r->criteria.size(); ++i)
            if (r->criteria[i].id == criterion) s.stored_debrief.selected = static_cast<int>(i);
    app.want_scenario_text(*s.stored->scenario.scenario);
    return true;
}

// ---- draw_trainee_detail ---------------------------------------------------------------------

void draw_trainee_detail(AppState& app) {
    SupervisorState& s = app.sup;
    if (!app.on_hub() && (!app.store || !app.who)) return;
    if (!s.stored_error.empty())
        ImGui::TextColored(ui::pal().bad, "%s", app.shown(s.stored_error).c_str());
    if (s.stored) {
        draw_stored(app);
        return;
    }
    if (s.trainee.empty()) {
        if (s.hub)
            draw_hub_picker(app);
        else
            draw_picker_list(app);
        return;
    }
    s.detail.poll();
    if (s.detail_for != s.trainee) {
        s.detail.stale = true;
        s.detail.value.reset();
    }
    if (s.detail.stale && s.hub) {
        s.detail_for = s.trainee;
        start_build(s.detail, [h = *s.hub, no = s.trainee, site = s.trainee_site] {
            std::lock_guard<std::mutex> one_at_a_time(*h.lock);
            return build_trainee_detail(*h.reports, no, site);
        });
    } else if (s.detail.stale) {
        s.detail_for = s.trainee;
        start_build(s.detail, [store = app.store, who = *app.who, no = s.trainee] {
            return build_trainee_detail(*store, who, no);
        });
    }
    if (!s.detail.error.empty())
        ImGui::TextColored(ui::pal().bad, "%s", app.shown(s.detail.error).c_str());
    if (!s.detail.value) {
        if (!s.detail.busy() && !s.detail.error.empty()) {
            if (ui::button(app.tr("detail.other"), "detail.other")) s.trainee.clear();
            return;
        }
        ImGui::TextDisabled("%s", app.tr("dash.loading"));
        return;
    }
    draw_detail(app, *s.detail.value);
}

}  // namespace dd::app
