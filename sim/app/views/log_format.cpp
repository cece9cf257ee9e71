// Attempt-log entries and actions in words, for the conversation and the replay.
#include "log_format.h"

#include <iostream>

#include <cstdio>

#include "sim/app/ui.h"
#include "sim/model/describe.h"

namespace dd::app {

std::string clock_text(Millis t) {
    if (t < 0) t = 0;
    const long long s = static_cast<long long>(t / 1000);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%02lld:%02lld", s / 60, s % 60);
    return buf;
}

std::string actor_name(const AttemptLog& log, const Scenario& sc, const std::string& id) {
    if (auto it = log.facts.find(id); it != log.facts.end()) {
        if (auto f = it->second.find("name"); f != it->second.end() && !f->second.empty())
            return f->second;
    }
    if (const Actor* a = sc.actor(id); a && !a->name.empty()) return a->name;
    return id;
}

std::string thread_party(const AppState& app, const AttemptLog& log, const Scenario& sc,
                         const std::string& thread_id) {
    const ThreadRecord* t = log.thread(thread_id);
    if (!t || t->actor.empty()) return app.tr("thread.alarm");
    return actor_name(log, sc, t->actor);
}

std::string action_words(const AppState& app, const Action& a) {
    return app.strings.render(describe_action(a));
}

std::optional<LogLine> format_entry(const AppState& app, const Scenario& sc, const AttemptLog& log,
                                    const LogEntry& e, bool practice) {
    LogLine l;
    switch (e.kind) {
        case LogEntry::Kind::Inject:
            l.style = LogLine::Style::System;
            l.text = e.text.empty() ? app.strings.render(e.message) : e.text;
            break;
        case LogEntry::Kind::Ring:
            l.style = LogLine::Style::System;
            l.text = app.strings.fmt("log.ring", {{"n", std::to_string(e.value)}});
            break;
        case LogEntry::Kind::Answer:
        case LogEntry::Kind::Hold:
        case LogEntry::Kind::Resume:
        case LogEntry::Kind::ThreadEnd:
        case LogEntry::Kind::AttemptEnd:
            l.text = app.strings.render(e.message);
            break;
        case LogEntry::Kind::ActorLine:
            l.style = LogLine::Style::Actor;
            l.who = actor_name(log, sc, e.actor);
            l.text = e.text;
            break;
        case LogEntry::Kind::Action: {
            if (!e.action) return std::nullopt;
            const Action& a = *e.action;
            // answer/hold/hang_up read better as the engine's own line that follows them
            // (接听王女士的来电, 学员挂断了…), end as the attempt's end; a wait or focus shows nothing.
            if (a.verb == Verb::Wait || a.verb == Verb::Focus || a.verb == Verb::Answer ||
                a.verb == Verb::Hold || a.verb == Verb::HangUp || a.verb == Verb::End)
                return std::nullopt;
            if (a.verb == Verb::Say || a.verb == Verb::Choose) {
                l.style = LogLine::Style::Trainee;
                l.who = app.tr("log.me");
                l.text = a.text.empty() && e.text.size() ? e.text : a.text;
                if (practice) {
                    for (const auto& act : e.acts) {
                        const bool weak = std::find(e.weak_acts.begin(), e.weak_acts.end(), act) !=
                                          e.weak_acts.end();
                        l.tags += std::string("[") + app.strings.name("act.", act) +
                                  (weak ? "?" : "") + "]";
                    }
                    for (const auto& f : e.forbidden)
                        l.tags += std::string("[× ") + app.strings.name("forbidden.", f) + "]";
                }
            } else {
                l.style = LogLine::Style::Desk;
                l.text = action_words(app, a);
            }
            break;
        }
        case LogEntry::Kind::Rejected:
            l.style = LogLine::Style::Bad;
            l.text = std::string(app.tr("log.rejected")) +
                     (e.action ? action_words(app, *e.action) : std::string()) + " — " +
                     app.strings.render(e.message);
            break;
        case LogEntry::Kind::Branch:
            return std::nullopt;
        case LogEntry::Kind::Mood:
            if (!practice) return std::nullopt;
            l.style = LogLine::Style::Hint;
            l.text = app.strings.fmt(
                "log.mood", {{"who", actor_name(log, sc, e.actor)},
                             {"value", std::to_string(e.value)},
                             {"delta", (e.delta > 0 ? "+" : "") + std::to_string(e.delta)}});
            if (!e.message.empty())
                l.text += std::string(app.tr("log.mood_because")) + app.strings.render(e.message);
            break;
        case LogEntry::Kind::Notice:
            l.style = LogLine::Style::Hint;
            l.text = app.strings.render(e.message);
            break;
    }
    return l;
}

ImVec4 style_colour(LogLine::Style s) {
    switch (s) {
        case LogLine::Style::Actor:
            return ui::pal().actor;
        case LogLine::Style::Trainee:
            return ui::pal().trainee;
        case LogLine::Style::Desk:
            return ui::pal().desk;
        case LogLine::Style::System:
            return ui::pal().muted;
        case LogLine::Style::Bad:
            return ui::pal().bad;
        case LogLine::Style::Hint:
            return ui::pal().hint;
    }
    return ui::pal().muted;
}

void draw_log_line(const LogLine& line, Millis t, bool highlight) {
    if (highlight) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(
            p,
            ImVec2(p.x + ImGui::GetContentRegionAvail().x,
                   p.y + ImGui::GetTextLineHeightWithSpacing()),
            ImGui::GetColorU32(ImVec4(0.35f, 0.45f, 0.7f, 0.35f)));
    }
    ImGui::TextDisabled("%s", clock_text(t).c_str());
    ImGui::SameLine();
    const ImVec4 col = style_colour(line.style);
    if (!line.who.empty()) {
        ImGui::TextColored(col, "%s:", line.who.c_str());
        ImGui::SameLine();
    }
    ImGui::PushTextWrapPos(0);
    if (line.style == LogLine::Style::Actor || line.style == LogLine::Style::Trainee) {
        ImGui::TextUnformatted(line.text.c_str());
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, col);
        ImGui::TextUnformatted(line.text.c_str());
        ImGui::PopStyleColor();
    }
    if (!line.tags.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::pal().muted);
        ImGui::TextUnformatted(line.tags.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
}

std::string cite(AppState& app, std::string_view source) {
    if (!app.citations_read) {
        app.citations_read = true;
        std::string err;
        if (!app.citations.load(app.library.dir + "/sources.yaml", &err))
            std::cerr << "deskdrill: " << err << "\n";
    }
    return app.shown(app.citations.cite(source, app.strings.lang()));
}

}  // namespace dd::app
