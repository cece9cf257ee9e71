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

// A node's guide step as the practice hint words it, each button by its exact label (tool_label,
// the desk's own): 说：「…」 · 在「登记」页填写：姓名 王女士，房号 3-1202；再点「提交登记」 ·
// 点「安保部」（派单） · 点「接听」 · 等电话响起. `filled` is the step's action with its
// placeholders filled (dialogue::guide_action); `who` names the party a `to:`/thread argument
// means (its actor's name as played), "" for the conversation the hint belongs to.
std::string guide_step_text(const i18n::Strings& t, const Scenario& s, const GuideStep& step,
                            const Action& filled, const std::string& who);
// Every button label a guide step presses ("" for a say, a wait or a wait_for).
std::vector<std::string> guide_step_buttons(const i18n::Strings& t, const Scenario& s,
                                            const Action& a);

// A callout of the tutorial (practice mode): the widget to use next, boxed with an arrow and one
// line saying what to do there. `widget` is the widget's test id (ui::track: "phone.answer",
// "reply.input", "tool.dispatch:engineering"…); `tab` the tool tab that shows it, pointed at
// instead while another tab is open ("" when the widget is always on screen).
struct Callout {
    std::string widget;
    std::string tab;
    std::string text;
};
// The next step of the guide of the conversation in view (`viewed`, else the engine's focus): the
// first step of its current node not done yet in this visit; before anyone is answered, the
// pick-up of whoever waits; when everybody is done, 「结束演练」. nullopt while waiting for
// someone.
std::optional<Callout> next_callout(const i18n::Strings& t, const Engine& e,
                                    const std::string& viewed);

// The thread the desk turns to when `ended` has just closed: a ringing phone first (three rings
// are the standard), then a held caller, then the first visitor waiting; "" when nobody waits.
std::string next_waiting(const std::vector<ThreadView>& threads, const std::string& ended = {});

}  // namespace dd::app
