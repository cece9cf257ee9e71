// The debrief, drawn from any attempt: the one just played at the desk (draw_debrief, over
// app.attempt) or a stored one rebuilt exactly as it was scored (the supervisor's trainee detail,
// over a StoredDebrief). One view; what differs is the buttons and what a criterion shows beside
// its evidence (a supervisor's override form).
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "scoring/rubric/report.h"
#include "sim/model/attempt_log.h"
#include "sim/model/scenario.h"
#include "sim/session/record.h"

namespace dd::app {

class AppState;

struct DebriefState {
    int selected = -1;    // criterion index
    int step = 0;         // replay position (index into log entries, exclusive)
    int shown_step = -1;  // step the replay view last scrolled to
    bool playing = false;
    double play_accum = 0;
    std::string message;  // result of save
    bool message_bad = false;
};

// What a debrief shows. The pointers must outlive the frame.
struct DebriefSource {
    const Scenario* scenario = nullptr;
    const AttemptLog* log = nullptr;
    const std::optional<ScoreReport>* report = nullptr;
    session::Mode mode = session::Mode::Practice;
    std::string score_error;  // why there is no report
    // The buttons under the score (the live attempt: retry, library, save; a stored one: back,
    // print). Returns false when it left the screen (nothing more is drawn this frame).
    std::function<bool()> actions;
    // Words after a criterion's title in the list (a supervisor's override in force), when set.
    std::function<std::string(const CriterionResult&)> criterion_note;
    // Drawn under the selected criterion's evidence (a supervisor's override), when set.
    std::function<void(const CriterionResult&)> criterion_extra;
};

void draw_debrief_of(AppState& app, const DebriefSource& src, DebriefState& d);

}  // namespace dd::app
