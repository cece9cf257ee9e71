// How attempt-log entries and actions read on screen — shared by the desk's conversation and the
// debrief's replay, so the trainee sees the same words in both.
#pragma once
#include <optional>
#include <string>

#include <imgui.h>

#include "sim/app/app_state.h"

namespace dd::app {

struct LogLine {
    enum class Style { Actor, Trainee, Desk, System, Bad, Hint };
    Style style = Style::System;
    std::string who;  // speaker, for Actor/Trainee
    std::string text;
    std::string tags;  // practice: detected acts / forbidden families
};

// "登记:姓名=王女士,房号=3-1202" — an action in words (dd::describe_action rendered).
std::string action_words(const AppState& app, const Action& a);
// The line an entry shows as; nullopt for entries not shown (branches; moods in assessment).
std::optional<LogLine> format_entry(const AppState& app, const Scenario& sc, const AttemptLog& log,
                                    const LogEntry& e, bool practice);
ImVec4 style_colour(LogLine::Style s);
// The actor's name as played (facts may vary by seed), else the scenario's.
std::string actor_name(const AttemptLog& log, const Scenario& sc, const std::string& actor_id);
// Who a thread is with, in words: the actor's name, or "Alarm" — never a thread id.
std::string thread_party(const AppState& app, const AttemptLog& log, const Scenario& sc,
                         const std::string& thread_id);
// "mm:ss"
std::string clock_text(Millis t);

// Draws a line (time, speaker, wrapped text, tags).
void draw_log_line(const LogLine& line, Millis t, bool highlight = false);

// A source as a person can follow it: 《物业前台接待工作规程》§4.1.3 for `seed 001 §4.1.3`, from
// scenarios/sources.yaml (read once; as written when it cannot be read).
std::string cite(AppState& app, std::string_view source);

}  // namespace dd::app
