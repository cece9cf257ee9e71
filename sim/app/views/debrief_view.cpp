// The debrief: total and pass/fail; each criterion √/× with points, its evidence (the reply
// quoted, the moment marked on a timeline) and the standard's text and source; a replay that
// steps through the attempt log; try again / save.
//
// Sections: header · timeline · criteria · criterion details · replay · draw_debrief_of.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "debrief.h"
#include "log_format.h"
#include "sim/app/app_state.h"
#include "sim/app/ui.h"
#include "sim/session/data_dirs.h"

namespace dd::app {

namespace {

// ---- header ----------------------------------------------------------------------------------

// The outcome of a save, shown beside the buttons.
void show_saved(AppState& app, bool ok, const std::string& path, const std::string& error) {
    DebriefState& d = app.debrief;
    d.message = ok ? app.strings.fmt("debrief.saved", {{"path", path}}) : error;
    d.message_bad = !ok;
    app.shown(d.message);
}

bool draw_header(AppState& app, const DebriefSource& src, DebriefState& d) {
    const auto& r = *src.report;
    ImGui::TextUnformatted(app.shown(src.scenario->title).c_str());
    ImGui::SameLine();
    // The mode, not the seed: a trainee has no use for the number (the record keeps it).
    ImGui::TextDisabled("[%s]", app.strings.name("mode.", session::mode_name(src.mode)));
    if (r) {
        ImGui::SetWindowFontScale(1.6f);
        ImGui::TextColored(r->passed ? ui::pal().good : ui::pal().bad, "%d / %d", r->score, r->max);
        ImGui::SetWindowFontScale(1.0f);
        ui::track("debrief.score", std::to_string(r->score));
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetTextLineHeight() * 0.4f);
        ImGui::TextColored(r->passed ? ui::pal().good : ui::pal().bad, "%s",
                           app.tr(r->passed ? "debrief.passed" : "debrief.failed"));
        ui::track(r->passed ? "debrief.passed" : "debrief.failed");
        ImGui::SameLine();
        ImGui::TextDisabled(
            "%s",
            app.strings.fmt("debrief.pass_mark", {{"n", std::to_string(r->pass_mark)}}).c_str());
        if (!r->critical_failed.empty()) {
            std::string list;
            for (const auto& id : r->critical_failed) {
                const auto it = std::find_if(r->criteria.begin(), r->criteria.end(),
                                             [&](const CriterionResult& c) { return c.id == id; });
                if (it == r->criteria.end()) continue;
                list +=
                    (list.empty() ? "" : app.tr("join.and")) + criterion_title(*it, app.strings);
            }
            ImGui::TextColored(ui::pal().bad, "%s",
                               app.strings.fmt("debrief.critical", {{"list", list}}).c_str());
        }
    } else {
        ImGui::TextColored(ui::pal().bad, "%s %s", app.tr("debrief.no_report"),
                           app.shown(src.score_error).c_str());
    }
    if (src.actions && !src.actions()) return false;
    if (!d.message.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(d.message_bad ? ui::pal().bad : ui::pal().muted, "%s",
                           d.message.c_str());
    }
    return true;
}

// The live attempt's buttons: try again, back to the library, save.
bool live_actions(AppState& app) {
    session::Attempt& s = *app.attempt;
    const auto& r = s.report();
    // An assessment is taken once: a trainee retakes it only when it is assigned again.
    const bool retake =
        s.config().mode != session::Mode::Assessment || !app.who || app.who->staff();
    if (retake && ui::button(app.tr("debrief.retry"), "debrief.retry")) {
        app.retry();
        return false;
    }
    if (retake) ImGui::SameLine();
    if (ui::button(app.tr("debrief.library"), "debrief.library")) {
        app.to_picker();
        return false;
    }
    ImGui::SameLine();
    if (ui::button(app.tr("debrief.save_transcript"), "debrief.save_transcript")) {
        std::string path, err;
        const bool ok = app.save_transcript(&path, &err);
        show_saved(app, ok, path, err);
    }
    ImGui::SameLine();
    if (ui::button_if(r.has_value(), app.tr("debrief.save_report"), "debrief.save_report")) {
        std::string path = app.opts.report_out.empty()
                               ? session::user_data_dir() + "/reports/" + s.scenario().id + ".json"
                               : app.opts.report_out;
        std::string err;
        const bool ok = app.save_report(path, &err);
        show_saved(app, ok, path, err);
    }
    return app.screen == Screen::Debrief && app.attempt;
}

// ---- timeline --------------------------------------------------------------------------------

void draw_timeline(AppState& app, const DebriefSource& src, DebriefState& d) {
    const AttemptLog& log = *src.log;
    const auto& r = *src.report;
    const Millis end = std::max<Millis>(
        1000, std::max(log.ended_at, log.entries.empty() ? 0 : log.entries.back().t));
    const float height = ImGui::GetTextLineHeight() * 3.2f;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::InvisibleButton("##timeline", ImVec2(width, height));
    ui::track("debrief.timeline");
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 8 * app.style_scale();
    const float x0 = p0.x + pad, x1 = p0.x + width - pad;
    auto x_of = [&](Millis t) {
        return x0 + (x1 - x0) * static_cast<float>(t) / static_cast<float>(end);
    };
    const float axis_y = p0.y + height - ImGui::GetTextLineHeight() - 4;
    dl->AddRectFilled(p0, ImVec2(p0.x + width, p0.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg),
                      4);
    dl->AddLine(ImVec2(x0, axis_y), ImVec2(x1, axis_y), ImGui::GetColorU32(ui::pal().muted));
    // Ticks every 15/30/60 s, whichever keeps labels apart.
    Millis step = 15'000;
    while ((x1 - x0) * static_cast<float>(step) / static_cast<float>(end) < 60 * app.style_scale())
        step *= 2;
    for (Millis t = 0; t <= end; t += step) {
        const float x = x_of(t);
        dl->AddLine(ImVec2(x, axis_y - 3), ImVec2(x, axis_y + 3),
                    ImGui::GetColorU32(ui::pal().muted));
        // A label that would run past the right edge is drawn to the left of its tick instead.
        const std::string label = clock_text(t);
        const float tw = ImGui::CalcTextSize(label.c_str()).x;
        const float lx = x + 2 + tw > p0.x + width - 2 ? x - 2 - tw : x + 2;
        dl->AddText(ImVec2(lx, axis_y + 2), ImGui::GetColorU32(ui::pal().muted), label.c_str());
    }
    // Evidence of the selected criterion: tall bands.
    if (r && d.selected >= 0 && d.selected < static_cast<int>(r->criteria.size())) {
        const auto& c = r->criteria[static_cast<size_t>(d.selected)];
        for (const auto& ev : c.evidence) {
            const float x = x_of(ev.t);
            dl->AddRectFilled(ImVec2(x - 3, p0.y + 2), ImVec2(x + 3, axis_y),
                              ImGui::GetColorU32(c.passed ? ImVec4(0.3f, 0.75f, 0.4f, 0.55f)
                                                          : ImVec4(0.9f, 0.35f, 0.3f, 0.6f)));
        }
    }
    // Entries: actor lines on the top row, the trainee's on the middle row, desk actions below.
    const float row_h = (axis_y - p0.y) / 4;
    int hover_index = -1;
    float hover_dist = 1e9f;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (size_t i = 0; i < log.entries.size(); ++i) {
        const LogEntry& e = log.entries[i];
        int row = -1;
        ImVec4 col;
        switch (e.kind) {
            case LogEntry::Kind::ActorLine:
                row = 0;
                col = style_colour(LogLine::Style::Actor);
                break;
            case LogEntry::Kind::Action:
                if (!e.action || e.action->verb == Verb::Wait) break;
                if (e.action->verb == Verb::Say || e.action->verb == Verb::Choose) {
                    row = 1;
                    col =
                        e.forbidden.empty() ? style_colour(LogLine::Style::Trainee) : ui::pal().bad;
                } else {
                    row = 2;
                    col = style_colour(LogLine::Style::Desk);
                }
                break;
            case LogEntry::Kind::Rejected:
                row = 2;
                col = ui::pal().bad;
                break;
            case LogEntry::Kind::Ring:
                row = 3;
                col = ui::pal().muted;
                break;
            default:
                break;
        }
        if (row < 0) continue;
        const ImVec2 c(x_of(e.t), p0.y + row_h * (static_cast<float>(row) + 0.5f) + 2);
        dl->AddCircleFilled(c, row == 3 ? 2.5f : 4.5f, ImGui::GetColorU32(col));
        const float dist = std::fabs(mouse.x - c.x) + std::fabs(mouse.y - c.y) * 0.5f;
        if (hovered && dist < hover_dist && dist < 12) {
            hover_dist = dist;
            hover_index = static_cast<int>(i);
        }
    }
    // Replay play-head.
    if (d.step > 0 && d.step <= static_cast<int>(log.entries.size())) {
        const float x = x_of(log.entries[static_cast<size_t>(d.step - 1)].t);
        dl->AddLine(ImVec2(x, p0.y), ImVec2(x, axis_y), ImGui::GetColorU32(ui::pal().muted), 2);
    }
    if (hover_index >= 0) {
        const LogEntry& e = log.entries[static_cast<size_t>(hover_index)];
        if (auto line = format_entry(app, *src.scenario, log, e, true)) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
            draw_log_line(*line, e.t);
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        if (clicked) {
            d.step = hover_index + 1;
            d.playing = false;
        }
    }
}

// What the timeline's marks mean, in one line under it.
void draw_timeline_legend(AppState& app) {
    const std::pair<const char*, ImVec4> items[] = {
        {"debrief.legend_actor", style_colour(LogLine::Style::Actor)},
        {"debrief.legend_reply", style_colour(LogLine::Style::Trainee)},
        {"debrief.legend_action", style_colour(LogLine::Style::Desk)},
        {"debrief.legend_bad", ui::pal().bad},
        {"debrief.legend_ring", ui::pal().muted},
        {"debrief.legend_evidence", ui::pal().good}};
    const float r = ImGui::GetTextLineHeight() * 0.22f;
    bool first = true;
    for (const auto& [key, col] : items) {
        if (!first) ImGui::SameLine(0, ImGui::GetFontSize());
        first = false;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(
            ImVec2(p.x + r, p.y + ImGui::GetTextLineHeight() * 0.5f), r, ImGui::GetColorU32(col));
        ImGui::Dummy(ImVec2(r * 2, ImGui::GetTextLineHeight()));
        ImGui::SameLine(0, r);
        ImGui::TextUnformatted(app.tr(key));
    }
    ui::track("debrief.legend");
}

// ---- criteria --------------------------------------------------------------------------------

void draw_criteria(AppState& app, const DebriefSource& src, DebriefState& d) {
    const auto& r = *src.report;
    if (!r) return;
    if (!ImGui::BeginTable(
            "##criteria", 3,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
            ImGui::GetContentRegionAvail()))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(app.tr("debrief.col_result"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(app.tr("debrief.col_criterion"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(app.tr("debrief.col_points"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < r->criteria.size(); ++i) {
        const CriterionResult& c = r->criteria[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextColored(c.passed ? ui::pal().good : ui::pal().bad, "%s", c.passed ? "√" : "×");
        ImGui::TableNextColumn();
        std::string label = criterion_title(c, app.strings);
        if (c.critical) label += std::string(" ") + app.tr("debrief.critical_tag");
        if (c.review) label += std::string(" ") + app.tr("debrief.review_tag");
        if (src.criterion_note) label += src.criterion_note(c);
        if (ui::selectable(app.shown(label).c_str(), d.selected == static_cast<int>(i),
                           "debrief.criterion:" + c.id, ImVec2(0, 0)))
            d.selected = d.selected == static_cast<int>(i) ? -1 : static_cast<int>(i);
        ImGui::TableNextColumn();
        ImGui::Text("%d/%d", c.points, c.max);
    }
    ImGui::EndTable();
}

// ---- criterion details -----------------------------------------------------------------------

void draw_details(AppState& app, const DebriefSource& src, DebriefState& d) {
    const auto& r = *src.report;
    ImGui::PushTextWrapPos(0);
    if (!r || d.selected < 0 || d.selected >= static_cast<int>(r->criteria.size())) {
        ImGui::TextColored(ui::pal().accent, "%s", app.tr("debrief.about"));
        ImGui::TextUnformatted(app.shown(src.scenario->debrief).c_str());
        ImGui::Spacing();
        ImGui::TextDisabled("%s", app.tr("debrief.select_hint"));
        ImGui::PopTextWrapPos();
        return;
    }
    const CriterionResult& c = r->criteria[static_cast<size_t>(d.selected)];
    ImGui::TextColored(c.passed ? ui::pal().good : ui::pal().bad, "%s %s  %d/%d",
                       c.passed ? "√" : "×", app.shown(criterion_title(c, app.strings)).c_str(),
                       c.points, c.max);
    if (const std::string fb = criterion_feedback(c, app.strings); !fb.empty())
        ImGui::TextUnformatted(app.shown(fb).c_str());
    if (!c.rule.empty() || !c.source.empty()) {
        ImGui::Spacing();
        ImGui::TextColored(ui::pal().accent, "%s", app.tr("debrief.rule"));
        if (!c.rule.empty()) ImGui::TextUnformatted(app.shown(c.rule).c_str());
        if (!c.source.empty()) {
            ImGui::TextDisabled("%s %s", app.tr("debrief.source"), cite(app, c.source).c_str());
            // The clause itself on hover, beside the manual it comes from.
            if (ImGui::IsItemHovered() && !c.rule.empty()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
                ImGui::TextUnformatted(app.shown(c.rule).c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            ui::track("debrief.source", c.source);
        }
    }
    ImGui::Spacing();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("debrief.evidence"));
    if (c.evidence.empty()) ImGui::TextDisabled("%s", app.tr("debrief.no_evidence"));
    for (size_t i = 0; i < c.evidence.size(); ++i) {
        const Evidence& ev = c.evidence[i];
        ImGui::PushID(static_cast<int>(i));
        if (ui::button(clock_text(ev.t).c_str(), "debrief.evidence:" + std::to_string(i))) {
            // Jump the replay to the first log entry at or after this moment.
            const auto& entries = src.log->entries;
            int step = static_cast<int>(entries.size());
            for (size_t k = 0; k < entries.size(); ++k)
                if (entries[k].t >= ev.t) {
                    step = static_cast<int>(k) + 1;
                    break;
                }
            d.step = step;
            d.playing = false;
        }
        ImGui::SameLine();
        ImGui::TextDisabled("%s", app.strings.name("evidence.", ev.what));
        ImGui::SameLine();
        if (const std::string text = evidence_text(ev, app.strings); !text.empty()) {
            // A reply is quoted; what happened otherwise (an action, a span of time) is not.
            const std::string shown =
                ev.text.empty() ? text : app.strings.fmt("debrief.quote", {{"text", text}});
            ImGui::TextUnformatted(app.shown(shown).c_str());
            if (ev.highlight_begin >= 0 && ev.highlight_end > ev.highlight_begin &&
                static_cast<size_t>(ev.highlight_end) <= ev.text.size()) {
                const std::string hit =
                    ev.text.substr(static_cast<size_t>(ev.highlight_begin),
                                   static_cast<size_t>(ev.highlight_end - ev.highlight_begin));
                ImGui::TextColored(ui::pal().warn, "  %s %s", app.tr("debrief.matched"),
                                   hit.c_str());
            }
        } else {
            ImGui::NewLine();
        }
        if (!ev.note.empty())
            ImGui::TextDisabled("  %s", app.shown(app.strings.render(ev.note)).c_str());
        if (ev.review) {
            ImGui::TextColored(ui::pal().warn, "  %s", app.tr("debrief.evidence_review"));
            ui::track("debrief.evidence_review:" + std::to_string(i));
        }
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
    if (src.criterion_extra) {
        ImGui::Separator();
        src.criterion_extra(c);
    }
}

// ---- replay ----------------------------------------------------------------------------------

void draw_replay(AppState& app, const DebriefSource& src, DebriefState& d) {
    const AttemptLog& log = *src.log;
    const int n = static_cast<int>(log.entries.size());
    if (d.playing) {
        // One log entry every 0.6 s of wall time.
        d.play_accum += ImGui::GetIO().DeltaTime;
        while (d.play_accum > 0.6 && d.step < n) {
            d.play_accum -= 0.6;
            ++d.step;
        }
        if (d.step >= n) d.playing = false;
    }
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("debrief.replay"));
    ImGui::SameLine();
    if (ui::button("|<", "debrief.replay.start")) {
        d.step = 0;
        d.playing = false;
    }
    ImGui::SameLine();
    if (ui::button("<", "debrief.replay.prev")) {
        d.step = std::max(0, d.step - 1);
        d.playing = false;
    }
    ImGui::SameLine();
    if (ui::button(app.tr(d.playing ? "debrief.pause" : "debrief.play"), "debrief.replay.play")) {
        if (!d.playing && d.step >= n) d.step = 0;
        d.playing = !d.playing;
        d.play_accum = 0;
    }
    ImGui::SameLine();
    if (ui::button(">", "debrief.replay.next")) {
        d.step = std::min(n, d.step + 1);
        d.playing = false;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    const std::string fmt = app.strings.fmt("debrief.step", {{"n", std::to_string(n)}});
    if (ImGui::SliderInt("##step", &d.step, 0, n, fmt.c_str())) d.playing = false;
    ui::track("debrief.replay.slider");
    d.step = std::clamp(d.step, 0, n);

    ImGui::BeginChild("##replay_log", ImVec2(0, 0), true);
    std::string last_thread;
    for (int i = 0; i < d.step; ++i) {
        const LogEntry& e = log.entries[static_cast<size_t>(i)];
        if (e.kind == LogEntry::Kind::Ring) continue;
        auto line = format_entry(app, *src.scenario, log, e, true);
        if (!line) continue;
        if (!e.thread.empty() && e.thread != last_thread) {
            ImGui::TextDisabled("— %s —",
                                app.shown(thread_party(app, log, *src.scenario, e.thread)).c_str());
            last_thread = e.thread;
        }
        app.shown(line->text);
        draw_log_line(*line, e.t, i == d.step - 1);
    }
    // Follow the play-head: the newest line stays in view whenever the step moves.
    if (d.step != d.shown_step) {
        ImGui::SetScrollHereY(1.0f);
        d.shown_step = d.step;
    }
    ImGui::EndChild();
}

}  // namespace

void draw_debrief_of(AppState& app, const DebriefSource& src, DebriefState& d) {
    if (!draw_header(app, src, d)) return;  // the buttons left the screen
    ImGui::Separator();
    draw_timeline(app, src, d);
    draw_timeline_legend(app);
    const float h = ImGui::GetContentRegionAvail().y;
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("##left", ImVec2(w * 0.42f, h), true);
    draw_criteria(app, src, d);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##right", ImVec2(0, h), false);
    ImGui::BeginChild("##details", ImVec2(0, h * 0.45f), true);
    draw_details(app, src, d);
    ImGui::EndChild();
    draw_replay(app, src, d);
    ImGui::EndChild();
}

void draw_debrief(AppState& app) {
    if (!app.attempt) {
        app.screen = Screen::Picker;
        return;
    }
    session::Attempt& s = *app.attempt;
    DebriefSource src;
    src.scenario = &s.scenario();
    src.log = &s.engine().log();
    src.report = &s.report();
    src.mode = s.config().mode;
    src.score_error = s.report() ? std::string() : s.score_error();
    src.actions = [&app] { return live_actions(app); };
    draw_debrief_of(app, src, app.debrief);
}

}  // namespace dd::app
