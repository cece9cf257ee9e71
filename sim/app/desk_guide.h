// What the desk asks of the trainee next, worked out from the scenario and the engine's state and
// kept apart from drawing so unit tests can check it without a window: which threads are
// emergencies and when the scenario counts one as handled, who can hear a reply, and which
// waiting thread the desk turns to when one ends.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/i18n/strings.h"
#include "sim/engine/engine.h"

namespace dd::app {

// An alarm with nobody on the line (a fire panel, a smoke detector) cannot be spoken to; an alarm
// with an actor (a passenger on the lift intercom) can.
bool can_hear(const ThreadView& t);

// An alarm, any thread of an emergency scenario, or a thread whose actor's dialogue expects an
// emergency call or an evacuation broadcast.
bool is_emergency(const Scenario& s, const ThreadView& t);

// The desk actions the scenario's outcome asks for while an emergency is on ("call:119",
// "broadcast:evacuation", "hand_over:extinguisher", "dispatch:security", "escalate:manager"), in
// the order the emergency panel and the standards take them.
std::vector<std::string> emergency_steps(const Scenario& s);

// Whether an accepted action in the log matches a step "verb:arg".
bool step_done(const AttemptLog& log, const std::string& step);

struct Emergency {
    std::string thread;                // the live emergency thread shown in the banner
    std::vector<std::string> pending;  // emergency_steps not done yet
};

// The emergency taking over the desk: some emergency thread is still open and the scenario does
// not count it as handled yet (steps pending; with no steps, while the thread is open).
std::optional<Emergency> current_emergency(const Scenario& s,
                                           const std::vector<ThreadView>& threads,
                                           const AttemptLog& log);

// The exact label of the button that does `verb` (with `arg`): the tools draw their buttons with
// it and the hints name the buttons with it, so a hint never names a button that is not there.
std::string tool_label(const i18n::Strings& t, std::string_view verb, const std::string& arg);
// A step "verb" or "verb:arg" as a hint says it: 点「安保部」（派单）.
std::string press(const i18n::Strings& t, const std::string& spec);

// The thread the desk turns to when `ended` has just closed: a ringing phone first (three rings
// are the standard), then a held caller, then the first visitor waiting; "" when nobody waits.
std::string next_waiting(const std::vector<ThreadView>& threads, const std::string& ended = {});

}  // namespace dd::app
