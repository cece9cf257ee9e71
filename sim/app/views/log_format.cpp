// Attempt-log entries and actions in words, for the conversation and the replay.
#include "log_format.h"

#include <cstdio>

#include "sim/app/ui.h"

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

std::string mood_cause(const AppState& app, const std::string& cause) {
    // The engine's causes: "act:apology", "forbidden:deflect", "action:dispatch[:security]",
    // "ring", "wait".
    const auto colon = cause.find(':');
    const std::string kind = cause.substr(0, colon);
    const std::string rest = colon == std::string::npos ? "" : cause.substr(colon + 1);
    if (kind == "act") return app.strings.name("act.", rest);
    if (kind == "forbidden") return app.strings.name("forbidden.", rest);
    if (kind == "action") return app.strings.name("verb.", rest.substr(0, rest.find(':')));
    return app.strings.name("mood.", cause);
}

std::string describe_action(const AppState& app, const Action& a) {
    const std::string verb(verb_name(a.verb));
    std::string out = app.strings.name("verb.", verb);
    auto join_fields = [&](const char* prefix) {
        std::string s;
        for (const auto& [k, v] : a.fields) {
            if (!s.empty()) s += "、";
            s += std::string(app.strings.name(prefix, k)) + " ";
            // Field values that are vocabulary (classify) read as their names.
            if (k == "type")
                s += app.strings.name("type.", v);
            else if (k == "level")
                s += app.strings.name("level.", v);
            else
                s += v;
        }
        return s;
    };
    switch (a.verb) {
        case Verb::Say:
        case Verb::Choose:
            return a.text;
        case Verb::Record:
        case Verb::Classify:
            return out + ":" + join_fields("field.");
        case Verb::RegisterVisitor:
            return a.fields.empty() ? out : out + ":" + join_fields("field.");
        case Verb::Dispatch:
            return out + ":" + app.strings.name("dept.", a.arg);
        case Verb::Escalate:
            return out + ":" + app.strings.name("escalate.", a.arg);
        case Verb::Call:
            return out + " " + a.arg;
        case Verb::Notify:
            return out + ":" + app.strings.name("notify.", a.arg);
        case Verb::Broadcast:
            return out + ":" + app.strings.name("broadcast.", a.arg);
        case Verb::HandOver:
            return out + ":" + app.strings.name("hand_over.", a.arg);
        case Verb::Wait:
            return out + " " + format_duration(a.duration);
        case Verb::Answer:
        case Verb::Hold:
        case Verb::HangUp:
        case Verb::Focus:
        case Verb::End:
            return out;
    }
    return out;
}

std::optional<LogLine> format_entry(const AppState& app, const Scenario& sc, const AttemptLog& log,
                                    const LogEntry& e, bool practice) {
    LogLine l;
    switch (e.kind) {
        case LogEntry::Kind::Inject:
            l.style = LogLine::Style::System;
            l.text = e.text.empty() ? app.tr("log.inject") : e.text;
            break;
        case LogEntry::Kind::Ring:
            l.style = LogLine::Style::System;
            l.text = app.strings.fmt("log.ring", {{"n", std::to_string(e.value)}});
            break;
        // The engine words these itself (接听王女士的来电); the UI string is the fallback.
        case LogEntry::Kind::Answer:
            l.text = e.text.empty() ? app.tr("log.answer") : e.text;
            break;
        case LogEntry::Kind::Hold:
            l.text = e.text.empty() ? app.tr("log.hold") : e.text;
            break;
        case LogEntry::Kind::Resume:
            l.text = e.text.empty() ? app.tr("log.resume") : e.text;
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
            // (接听王女士的来电, 学员挂断了…); a wait or focus shows nothing.
            if (a.verb == Verb::Wait || a.verb == Verb::Focus || a.verb == Verb::Answer ||
                a.verb == Verb::Hold || a.verb == Verb::HangUp)
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
                l.text = describe_action(app, a);
            }
            break;
        }
        case LogEntry::Kind::Rejected:
            l.style = LogLine::Style::Bad;
            l.text = std::string(app.tr("log.rejected")) +
                     (e.action ? describe_action(app, *e.action) : std::string()) + " — " + e.text;
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
            if (!e.cause.empty())
                l.text += std::string(app.tr("log.mood_because")) + mood_cause(app, e.cause);
            break;
        case LogEntry::Kind::ThreadEnd:
            l.text = e.text.empty() ? std::string(app.tr("log.thread_end")) + " " +
                                          app.strings.name("end_cause.", e.cause)
                                    : e.text;
            break;
        case LogEntry::Kind::Notice:
            l.style = LogLine::Style::Hint;
            l.text = e.text;
            break;
        case LogEntry::Kind::AttemptEnd:
            l.text = app.tr("log.attempt_end");
            break;
    }
    return l;
}

ImVec4 style_colour(LogLine::Style s) {
    switch (s) {
        case LogLine::Style::Actor:
            return ImVec4(0.55f, 0.75f, 1.0f, 1.0f);
        case LogLine::Style::Trainee:
            return ImVec4(0.50f, 0.88f, 0.55f, 1.0f);
        case LogLine::Style::Desk:
            return ImVec4(0.95f, 0.82f, 0.45f, 1.0f);
        case LogLine::Style::System:
            return ui::kMuted;
        case LogLine::Style::Bad:
            return ui::kBad;
        case LogLine::Style::Hint:
            return ImVec4(0.75f, 0.65f, 0.95f, 1.0f);
    }
    return ui::kMuted;
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
        ImGui::PushStyleColor(ImGuiCol_Text, ui::kMuted);
        ImGui::TextUnformatted(line.tags.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
}

}  // namespace dd::app
