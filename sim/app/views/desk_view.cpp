// The desk (DESIGN §7): the phone and the counter with their waiting people and moods, the
// conversation of the viewed thread, the reply box (or offered replies in choice mode), the tools,
// the sim clock; hints in practice mode. Every widget turns into a dd::Action — the same a
// transcript holds — handed to session::Attempt::act(); nothing here decides what the action means.
//
// Sections: helpers · top bar · threads (phone, counter, alarms) · conversation & reply · hints ·
// tools (record, classify & dispatch, emergency, visitor & notify) · draw_desk.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "common/yaml/text_util.h"
#include "log_format.h"
#include "sim/app/app_state.h"
#include "sim/app/desk_guide.h"
#include "sim/app/icons.h"
#include "sim/app/ui.h"
#include "sim/engine/dialogue.h"
#include "sim/model/describe.h"
#include "sim/model/enums.h"
#include "sim/model/limits.h"
#include "sim/model/verbs.h"

namespace dd::app {

namespace {

// ---- helpers ---------------------------------------------------------------------------------

// Practice mode's "what now" line shows after this much sim time without a trainee action.
constexpr Millis kIdleBeforeWhatNow = 8'000;

bool live(const ThreadView& t) {
    return t.state != ThreadView::State::Ended;
}

std::string viewed_thread(const AppState& app, const std::vector<ThreadView>& threads) {
    if (!app.desk.viewed.empty()) return app.desk.viewed;
    std::string f = app.attempt->engine().focused();
    if (!f.empty()) return f;
    for (const auto& t : threads)
        if (live(t)) return t.id;
    return threads.empty() ? std::string() : threads.front().id;
}

const ThreadView* find_thread(const std::vector<ThreadView>& threads, const std::string& id) {
    for (const auto& t : threads)
        if (t.id == id) return &t;
    return nullptr;
}

// The argument naming a thread the way transcripts do: `phone` / `desk` when it is the only live
// thread of its kind, else its id.
std::string thread_arg(const std::vector<ThreadView>& threads, const ThreadView& t) {
    if (t.kind == ThreadRecord::Kind::Alarm) return t.id;
    int same = 0;
    for (const auto& o : threads)
        if (o.kind == t.kind && live(o)) ++same;
    if (same <= 1) return t.kind == ThreadRecord::Kind::Phone ? "phone" : "desk";
    return t.id;
}

bool act(AppState& app, Action a, const std::string& to_thread = {}) {
    session::Attempt& s = *app.attempt;
    // An action for a thread other than the engine's focus names it (`to:`), as a transcript does.
    if (!to_thread.empty() && to_thread != s.engine().focused()) a.to = to_thread;
    const ApplyResult r = s.act(a);
    if (r.ok) {
        // Replies and phone actions show in the conversation; desk actions get a confirmation.
        const bool shown_in_conversation = a.verb == Verb::Say || a.verb == Verb::Choose ||
                                           a.verb == Verb::Answer || a.verb == Verb::Hold ||
                                           a.verb == Verb::HangUp;
        app.desk.feedback = shown_in_conversation
                                ? std::string()
                                : app.strings.fmt("desk.done", {{"what", action_words(app, a)}});
        app.desk.feedback_bad = false;
        // The next thing after picking up or answering is to talk: the keyboard is there.
        if (a.verb == Verb::Answer || a.verb == Verb::Say || a.verb == Verb::Choose)
            app.desk.focus_reply = true;
    } else {
        app.desk.feedback = app.strings.render(r.error);
        app.desk.feedback_bad = true;
    }
    app.shown(app.desk.feedback);
    app.desk.scroll_down = true;
    return r.ok;
}

// Who a thread is with: the actor's name as played, or "Alarm" — never a thread id.
std::string party(const AppState& app, const ThreadView& t) {
    return t.actor_name.empty() ? std::string(app.tr("thread.alarm")) : t.actor_name;
}

// A node's hint with its placeholders filled as the actors' lines are ({owner.owed},
// {site.company}).
std::string hint_text(const AppState& app, const ThreadView& t) {
    const session::Attempt& s = *app.attempt;
    return dialogue::fill_placeholders(t.hint, s.engine().log().facts, s.scenario().site);
}

// "Name": a field's word as a form label (a Chinese word is left as it is).
std::string form_label(const char* word) {
    std::string s(word);
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string tool_label(const AppState& app, std::string_view verb, const std::string& arg) {
    return dd::app::tool_label(app.strings, verb, arg);
}

std::string press(const AppState& app, const std::string& spec) {
    return dd::app::press(app.strings, spec);
}

// A tool button that shows whether its action was already done (green; the group's done line
// says what). No tooltip: it would cover the reply box under the pointer's last click.
bool done_button(AppState& app, const std::string& label, const std::string& id,
                 const std::string& spec, ImVec2 size = ImVec2(0, 0)) {
    const bool done = step_done(app.attempt->engine().log(), spec);
    if (done) {
        ImGui::PushStyleColor(ImGuiCol_Button, ui::pal().done_button);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ui::pal().done_button);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    const bool pressed = ui::button(label.c_str(), id, size);
    if (done) {
        ImGui::PopStyleColor(3);
    }
    return pressed;
}

// "Done: 安保部、工程部" under a group of buttons, from the log (what the engine accepted).
void done_line(AppState& app, std::string_view verb, const std::vector<std::string>& args) {
    std::string list;
    for (const auto& a : args)
        if (step_done(app.attempt->engine().log(), std::string(verb) + ":" + a))
            list += (list.empty() ? "" : app.tr("join.and")) + tool_label(app, verb, a);
    // The line is there before anything is done, so the buttons below never move under the mouse.
    if (list.empty()) {
        ImGui::TextDisabled("%s", app.tr("tool.done_none"));
        return;
    }
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ui::pal().good, "%s",
                       app.strings.fmt("tool.done_list", {{"list", list}}).c_str());
    ImGui::PopTextWrapPos();
}

template <typename Range>
std::vector<std::string> strings_of(const Range& r) {
    return std::vector<std::string>(std::begin(r), std::end(r));
}

Action make(Verb v, std::string arg = {}) {
    Action a;
    a.verb = v;
    a.arg = std::move(arg);
    return a;
}

const char* kind_name(const AppState& app, ThreadRecord::Kind k) {
    switch (k) {
        case ThreadRecord::Kind::Phone:
            return app.tr("thread.phone");
        case ThreadRecord::Kind::Desk:
            return app.tr("thread.desk");
        case ThreadRecord::Kind::Alarm:
            return app.tr("thread.alarm");
    }
    return "";
}

const char* state_name(const AppState& app, ThreadView::State s) {
    switch (s) {
        case ThreadView::State::Ringing:
            return app.tr("state.ringing");
        case ThreadView::State::Waiting:
            return app.tr("state.waiting");
        case ThreadView::State::Active:
            return app.tr("state.active");
        case ThreadView::State::Held:
            return app.tr("state.held");
        case ThreadView::State::Ended:
            return app.tr("state.ended");
    }
    return "";
}

// The label sits beside the bar, not on it: text over a bright fill fails the contrast rule.
void mood_bar(const AppState& app, int mood, float width) {
    const std::string label = app.strings.fmt("desk.mood", {{"n", std::to_string(mood)}});
    ImGui::TextUnformatted(label.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr("desk.mood_scale"));
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ui::mood_colour(mood));
    ImGui::ProgressBar(std::clamp(mood, 0, 100) / 100.0f,
                       ImVec2(width, ImGui::GetTextLineHeight() * 0.45f), "");
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr("desk.mood_scale"));
}

// One button per argument of a verb, side by side, each showing whether it was done.
void tool_buttons(AppState& app, const std::string& viewed, Verb verb,
                  const std::vector<std::string>& args, const std::string& id_prefix) {
    const std::string v(verb_name(verb));
    for (const auto& arg : args) {
        if (done_button(app, tool_label(app, v, arg), id_prefix + arg, v + ":" + arg))
            act(app, make(verb, arg), viewed);
        ImGui::SameLine();
    }
}

// ---- top bar ---------------------------------------------------------------------------------

void draw_top_bar(AppState& app) {
    session::Attempt& s = *app.attempt;
    const bool practice = s.config().mode == session::Mode::Practice;
    ImGui::TextUnformatted(app.shown(s.scenario().title).c_str());
    ImGui::SameLine();
    ImGui::TextColored(practice ? ui::pal().good : ui::pal().warn, "[%s%s]",
                       app.tr(practice ? "mode.practice" : "mode.assessment"),
                       s.config().choice_mode ? app.tr("desk.choice_suffix") : "");
    // Whose desk this is: the company and site the trainee answers for (and names when answering).
    if (!s.scenario().site.company.empty() || !s.scenario().site.name.empty()) {
        ImGui::SameLine(0, 24 * app.style_scale());
        const std::string where =
            app.shown(app.strings.fmt("desk.site", {{"company", s.scenario().site.company},
                                                    {"site", s.scenario().site.name}}));
        ImGui::TextUnformatted(where.c_str());
        ui::track("desk.site", where);
    }
    ImGui::SameLine(0, 24 * app.style_scale());
    ImGui::TextColored(ui::pal().accent, "%s %s", app.tr("desk.clock"),
                       clock_text(s.now()).c_str());
    ui::track("desk.clock", clock_text(s.now()));
    if (const auto& limit = s.scenario().time_limit) {
        ImGui::SameLine();
        const Millis left = std::max<Millis>(0, *limit - s.now());
        const std::string text =
            app.strings.fmt("desk.time_left",
                            {{"limit", app.strings.duration(*limit)}, {"left", clock_text(left)}});
        // The last minute is shown in the warning colour.
        ImGui::TextColored(left <= 60'000 ? ui::pal().bad : ui::pal().muted, "%s",
                           app.shown(text).c_str());
        ui::track("desk.time_left", text);
    }
    if (practice) {
        for (int speed : {1, 2, 4}) {
            ImGui::SameLine();
            const std::string label = "×" + std::to_string(speed);
            if (ui::selectable(label.c_str(), std::abs(s.speed() - speed) < 0.01,
                               "desk.speed:" + std::to_string(speed),
                               ImVec2(ImGui::CalcTextSize(label.c_str()).x + 6, 0)))
                s.set_speed(speed);
        }
        ImGui::SameLine();
        if (ui::button(app.tr(s.paused() ? "desk.resume" : "desk.pause"), "desk.pause"))
            s.set_paused(!s.paused());
        ImGui::SameLine();
        if (ui::button_if(s.engine().next_event_time().has_value(), app.tr("desk.skip"),
                          "desk.skip"))
            s.skip_to_next_event();
    }
    // End / debrief, right-aligned; highlighted once the drill is over.
    const char* end_label = app.tr(s.over() ? "desk.debrief" : "desk.end");
    const float bw = ImGui::CalcTextSize(end_label).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - bw);
    const bool highlight = s.over();
    if (highlight) {
        ImGui::PushStyleColor(ImGuiCol_Button, ui::pal().done_button);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ui::pal().done_button);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    const bool end = ui::button(end_label, "desk.end");
    if (highlight) ImGui::PopStyleColor(3);
    if (end) app.end_attempt();
}

// ---- threads: phone, counter, alarms ---------------------------------------------------------

bool waits(const ThreadView& t) {
    return t.state == ThreadView::State::Ringing || t.state == ThreadView::State::Waiting ||
           t.state == ThreadView::State::Held;
}

// `primary`: the first live thread of its kind also answers to the short ids ("phone.hold"), so
// drive scripts need not know actor ids; `first_waiting`: the first that waits answers to
// "phone.answer" / "desk.serve" — the button that is enabled whenever somebody waits.
void draw_thread_card(AppState& app, const std::vector<ThreadView>& threads, const ThreadView& t,
                      const std::string& viewed, bool primary, bool first_waiting) {
    auto alias = [&](const char* id) {
        if (primary) ui::track(id);
    };
    auto alias_answer = [&](const char* id) {
        if (first_waiting) ui::track(id);
    };
    ImGui::PushID(t.id.c_str());
    const bool is_viewed = t.id == viewed;
    const std::string name = app.shown(party(app, t));
    if (is_viewed && waits(t)) {
        // The thread the desk turned to: its pick-up button is the next thing to press.
        const ImVec2 c = ImGui::GetCursorScreenPos();
        const ImVec2 a(c.x - 6 * app.style_scale(), c.y);
        ImGui::GetWindowDrawList()->AddRectFilled(
            a, ImVec2(a.x + 3 * app.style_scale(), a.y + ImGui::GetFrameHeightWithSpacing() * 2.5f),
            ImGui::GetColorU32(ui::pal().warn));
    }
    if (t.state == ThreadView::State::Ringing) {
        // A pulsing ring with its count: answer within three rings (seed 001 §4.1.5).
        const float pulse = 0.6f + 0.4f * std::sin(static_cast<float>(ImGui::GetTime()) * 8.0f);
        ImGui::TextColored(
            ImVec4(ui::pal().ring.x, ui::pal().ring.y, ui::pal().ring.z, pulse), "☎ %s",
            app.strings.fmt("desk.ringing", {{"n", std::to_string(t.rings)}}).c_str());
    }
    if (ui::selectable((name + "  ·  " + state_name(app, t.state)).c_str(), is_viewed,
                       "thread:" + t.id))
        app.desk.viewed = t.id;
    if (t.kind != ThreadRecord::Kind::Alarm) mood_bar(app, t.mood, -1);
    const bool next_step = is_viewed && waits(t);
    if (next_step) {
        ImGui::PushStyleColor(ImGuiCol_Button, ui::pal().next_button);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ui::pal().next_button);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    const std::string arg = thread_arg(threads, t);
    const bool ringing_or_waiting =
        t.state == ThreadView::State::Ringing || t.state == ThreadView::State::Waiting;
    if (t.kind == ThreadRecord::Kind::Phone) {
        if (ui::button_if(
                ringing_or_waiting || t.state == ThreadView::State::Held,
                app.tr(t.state == ThreadView::State::Held ? "desk.resume_call" : "desk.answer"),
                "phone.answer:" + t.id)) {
            app.desk.viewed = t.id;
            act(app, make(Verb::Answer, arg));
        }
        if (next_step) ImGui::PopStyleColor(3);
        alias_answer("phone.answer");
        ImGui::SameLine();
        if (ui::button_if(t.state == ThreadView::State::Active, app.tr("desk.hold"),
                          "phone.hold:" + t.id))
            act(app, make(Verb::Hold, arg));
        alias("phone.hold");
        ImGui::SameLine();
        if (ui::button_if(live(t) && t.state != ThreadView::State::Ringing, app.tr("desk.hang_up"),
                          "phone.hang_up:" + t.id))
            act(app, make(Verb::HangUp, arg));
        alias("phone.hang_up");
    } else if (t.kind == ThreadRecord::Kind::Desk) {
        if (ui::button_if(ringing_or_waiting || t.state == ThreadView::State::Held,
                          app.tr("desk.serve"), "desk.serve:" + t.id)) {
            app.desk.viewed = t.id;
            act(app, make(Verb::Answer, arg));
        }
        if (next_step) ImGui::PopStyleColor(3);
        alias_answer("desk.serve");
        ImGui::SameLine();
        if (ui::button_if(t.state == ThreadView::State::Active, app.tr("desk.ask_wait"),
                          "desk.hold:" + t.id))
            act(app, make(Verb::Hold, arg));
        alias("desk.hold");
    } else if (next_step) {
        ImGui::PopStyleColor(3);
    }
    ImGui::PopID();
    ImGui::Separator();
}

// The cards of one kind (phone or counter); the first live one is the primary.
void draw_thread_list(AppState& app, const std::vector<ThreadView>& threads,
                      const std::string& viewed, ThreadRecord::Kind kind, const char* idle_key) {
    bool any = false;
    bool primary_done = false;
    bool waiting_done = false;
    for (const auto& t : threads)
        if (t.kind == kind) {
            draw_thread_card(app, threads, t, viewed, !primary_done && live(t),
                             !waiting_done && waits(t));
            primary_done = primary_done || live(t);
            waiting_done = waiting_done || waits(t);
            any = true;
        }
    if (!any) ImGui::TextDisabled("%s", app.tr(idle_key));
}

void draw_threads(AppState& app, const std::vector<ThreadView>& threads,
                  const std::string& viewed) {
    ImGui::TextColored(ui::pal().accent, "%s%s", app.shown(app.fonts.icon(icon::kPhone)).c_str(),
                       app.tr("desk.phone"));
    ImGui::Separator();
    draw_thread_list(app, threads, viewed, ThreadRecord::Kind::Phone, "desk.phone_idle");
    ImGui::Spacing();
    ImGui::TextColored(ui::pal().accent, "%s%s", app.shown(app.fonts.icon(icon::kCounter)).c_str(),
                       app.tr("desk.counter"));
    ImGui::Separator();
    draw_thread_list(app, threads, viewed, ThreadRecord::Kind::Desk, "desk.counter_idle");
    for (const auto& t : threads)
        if (t.kind == ThreadRecord::Kind::Alarm) {
            ImGui::Spacing();
            ImGui::TextColored(ui::pal().bad, "%s%s",
                               app.shown(app.fonts.icon(icon::kAlarm)).c_str(),
                               app.tr("desk.alarm"));
            draw_thread_card(app, threads, t, viewed, false, false);
        }
}

// ---- conversation and reply ------------------------------------------------------------------

void draw_conversation(AppState& app, const std::string& viewed, float height) {
    session::Attempt& s = *app.attempt;
    const AttemptLog& log = s.engine().log();
    const bool practice = s.config().mode == session::Mode::Practice;
    ImGui::BeginChild("##conversation", ImVec2(0, height), true);
    int rings_pending = 0;  // consecutive rings collapse into one line
    Millis ring_t = 0;
    auto flush_rings = [&] {
        if (rings_pending == 0) return;
        LogLine l;
        l.text = app.strings.fmt("log.ring", {{"n", std::to_string(rings_pending)}});
        draw_log_line(l, ring_t);
        rings_pending = 0;
    };
    for (const auto& e : log.entries) {
        if (!e.thread.empty() && e.thread != viewed) continue;
        if (e.kind == LogEntry::Kind::Ring) {
            rings_pending = e.value;
            ring_t = e.t;
            continue;
        }
        flush_rings();
        if (auto line = format_entry(app, s.scenario(), log, e, practice)) {
            app.shown(line->text);
            app.shown(line->who);
            draw_log_line(*line, e.t);
        }
    }
    flush_rings();
    if (app.desk.scroll_down) {
        ImGui::SetScrollHereY(1.0f);
        app.desk.scroll_down = false;
    }
    ImGui::EndChild();
}

void send_reply(AppState& app, const std::string& viewed) {
    std::string text = app.desk.reply;
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
    if (text.empty()) return;
    // The transcript loader refuses longer replies (sim/model/limits.h); the box says so and
    // keeps the text for the trainee to shorten.
    if (const std::size_t n = yaml::count_chars(text); n > limits::kMaxReplyChars) {
        app.desk.feedback = app.strings.fmt(
            "desk.reply_too_long",
            {{"n", std::to_string(n)}, {"max", std::to_string(limits::kMaxReplyChars)}});
        app.desk.feedback_bad = true;
        app.shown(app.desk.feedback);
        return;
    }
    Action a = make(Verb::Say);
    a.text = text;
    act(app, a, viewed);
    app.desk.reply.clear();
    app.desk.focus_reply = true;
}

void draw_reply(AppState& app, const ThreadView* tv, const std::string& viewed) {
    session::Attempt& s = *app.attempt;
    const bool can_talk = tv && tv->state == ThreadView::State::Active;
    // Choice mode offers the node's replies; where a node offers none, the trainee types.
    if (s.config().choice_mode && tv && !tv->choices.empty()) {
        ImGui::TextColored(ui::pal().accent, "%s", app.tr("desk.choices"));
        for (size_t i = 0; i < tv->choices.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            const std::string label = std::to_string(i + 1);
            if (ui::button_if(can_talk, label.c_str(), "reply.choice:" + std::to_string(i),
                              ImVec2(ImGui::GetFrameHeight() * 1.2f, 0))) {
                Action a = make(Verb::Choose);
                a.choice = static_cast<int>(i);  // the engine resolves the text, as in a replay
                act(app, a, viewed);
            }
            ImGui::SameLine();
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(app.shown(tv->choices[i]).c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopID();
        }
        return;
    }
    const char* send = app.tr("desk.send");
    // Near the longest reply there can be, the box counts characters.
    const std::size_t chars = yaml::count_chars(app.desk.reply);
    const std::string count =
        chars > limits::kMaxReplyChars * 9 / 10
            ? std::to_string(chars) + "/" + std::to_string(limits::kMaxReplyChars)
            : std::string();
    const float send_w =
        ImGui::CalcTextSize(send).x + ImGui::GetStyle().FramePadding.x * 2 +
        (count.empty() ? 0.0f
                       : ImGui::CalcTextSize(count.c_str()).x + ImGui::GetStyle().ItemSpacing.x);
    // An alarm panel cannot hear: the box is closed and says what to do instead.
    const bool deaf = tv && !can_hear(*tv);
    if (deaf) ImGui::BeginDisabled();
    if (app.desk.focus_reply && !deaf) {
        ImGui::SetKeyboardFocusHere();
        app.desk.focus_reply = false;
    }
    const char* hint = deaf       ? "desk.cannot_hear"
                       : can_talk ? "desk.reply_hint"
                                  : "desk.not_talking";
    const bool enter = ui::input_text_hint(
        app.tr(hint), &app.desk.reply, "reply.input",
        ImGui::GetContentRegionAvail().x - send_w - ImGui::GetStyle().ItemSpacing.x,
        ImGuiInputTextFlags_EnterReturnsTrue);
    app.shown(app.desk.reply);  // typed characters join the atlas
    if (!count.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(chars > limits::kMaxReplyChars ? ui::pal().bad : ui::pal().muted, "%s",
                           count.c_str());
    }
    ImGui::SameLine();
    const bool click = ui::button(send, "reply.send");
    if (deaf) ImGui::EndDisabled();
    if ((enter || click) && !deaf) send_reply(app, viewed);
}

// ---- hints (practice only) -------------------------------------------------------------------

// The one line that says what to do now, once the trainee has been idle a few sim seconds.
std::string what_now(AppState& app, const std::vector<ThreadView>& threads, const ThreadView* tv) {
    session::Attempt& s = *app.attempt;
    if (s.over()) return app.tr("desk.over");
    Millis last = 0;
    for (const auto& e : s.engine().log().entries)
        if (e.kind == LogEntry::Kind::Action || e.kind == LogEntry::Kind::Rejected) last = e.t;
    const bool idle = s.now() - last >= kIdleBeforeWhatNow;
    const bool talking = tv && tv->state == ThreadView::State::Active && can_hear(*tv);
    if (talking && !tv->node.empty())
        return idle ? app.strings.fmt("hint.now_reply", {{"who", party(app, *tv)}}) : std::string();
    // Nobody to talk to and somebody waiting: that is the next step, idle or not.
    if (const ThreadView* w = find_thread(threads, next_waiting(threads))) {
        const char* button = w->kind == ThreadRecord::Kind::Desk   ? "desk.serve"
                             : w->state == ThreadView::State::Held ? "desk.resume_call"
                                                                   : "desk.answer";
        return app.strings.fmt("hint.now_waiting",
                               {{"who", party(app, *w)}, {"button", app.tr(button)}});
    }
    if (!idle) return {};
    if (s.engine().next_event_time())
        return app.strings.fmt("hint.now_quiet", {{"button", app.tr("desk.skip")}});
    return app.strings.fmt("hint.now_end", {{"button", app.tr("desk.end")}});
}

// The node's guide: the hint as numbered steps, each button by its label (desk_guide.h). What a
// trainee following them does is what tests/guide plays.
void draw_guide(AppState& app, const Node& node, const ThreadView& tv) {
    const session::Attempt& s = *app.attempt;
    const auto& facts = s.engine().log().facts;
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("guide.title"));
    int i = 0;
    for (const auto& step : node.guide) {
        const Action a = dialogue::guide_action(step, facts, s.scenario().site);
        const bool names_thread = a.verb == Verb::Answer || a.verb == Verb::Hold ||
                                  a.verb == Verb::HangUp || a.verb == Verb::Focus;
        const std::string& name = !step.wait_for.empty() ? step.wait_for
                                  : !a.to.empty()        ? a.to
                                  : names_thread         ? a.arg
                                                         : tv.id;
        std::string who;
        if (name != tv.id && name != tv.actor)
            if (auto f = facts.find(name); f != facts.end())
                if (auto n = f->second.find("name"); n != f->second.end()) who = n->second;
        const std::string text =
            std::to_string(++i) + ". " + guide_step_text(app.strings, s.scenario(), step, a, who);
        ImGui::TextUnformatted(app.shown(text).c_str());
        ui::track("hint.guide." + std::to_string(i), text);
    }
}

void draw_hints(AppState& app, const std::vector<ThreadView>& threads, const ThreadView* tv) {
    session::Attempt& s = *app.attempt;
    ImGui::TextColored(ui::pal().warn, "%s", app.tr("hint.title"));
    ImGui::PushTextWrapPos(0);
    const std::string now = what_now(app, threads, tv);
    if (!now.empty()) {
        ImGui::TextColored(ui::pal().warn, "%s", app.shown(now).c_str());
        ui::track("hint.what_now", now);
    }
    const Node* node = tv && !tv->node.empty() ? s.scenario().node(tv->node) : nullptr;
    if (tv && !tv->hint.empty()) ImGui::TextUnformatted(app.shown(hint_text(app, *tv)).c_str());
    if (node && !node->guide.empty()) draw_guide(app, *node, *tv);
    if (node) {
        const Expect& x = node->expect;
        // Groups of alternatives in words: acts by their names, desk actions as described.
        auto groups = [&](const std::vector<AnyOf>& list, auto word) {
            std::string out;
            for (const auto& alts : list) {
                std::string group;
                for (const auto& a : alts)
                    group += (group.empty() ? "" : app.tr("join.or")) + word(a);
                out += (out.empty() ? "" : app.tr("join.and")) + group;
            }
            return out;
        };
        if (x.within)
            ImGui::BulletText(
                "%s",
                app.strings.fmt("hint.within", {{"t", app.strings.duration(*x.within)}}).c_str());
        if (!x.acts.empty()) {
            const std::string acts = groups(x.acts, [&](const std::string& a) {
                return std::string(app.strings.name(act_prefix(a), a));
            });
            ImGui::BulletText("%s", app.strings.fmt("hint.acts", {{"acts", acts}}).c_str());
        }
        if (!x.did.empty()) {
            const std::string did =
                groups(x.did, [&](const std::string& spec) { return press(app, spec); });
            ImGui::BulletText("%s", app.strings.fmt("hint.did", {{"did", did}}).c_str());
        }
    } else if (now.empty() && (!tv || tv->state != ThreadView::State::Active)) {
        ImGui::TextDisabled("%s", app.tr("hint.answer_first"));
    }
    // The standards this drill is scored on, with their source.
    const bool open = ImGui::TreeNode(ui::lid(app.tr("hint.standards"), "hint.standards").c_str());
    ui::track("hint.standards", app.tr("hint.standards"));
    if (open) {
        for (const auto& c : s.scenario().criteria) {
            const Criterion* st = app.standard(c.id);
            if (!st) continue;  // not loaded yet: shown once it is, by title, never by id
            ImGui::BulletText("%s", app.shown(st->title_in(app.strings.lang())).c_str());
            if (!st->source.empty()) {
                ImGui::SameLine();
                ImGui::TextDisabled("(%s)", cite(app, st->source).c_str());
                if (ImGui::IsItemHovered()) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
                    ImGui::TextUnformatted(app.shown(st->rule).c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
            }
        }
        ImGui::TreePop();
    }
    ImGui::PopTextWrapPos();
}

// ---- tools -----------------------------------------------------------------------------------

void form_row(AppState& app, const char* key, std::string* value, const std::string& id) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(form_label(app.tr(key)).c_str());
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    ui::input_text(("##" + id).c_str(), value, id);
    app.shown(*value);
}

void draw_record_tool(AppState& app, const std::string& viewed) {
    DeskState& d = app.desk;
    // The form's fields under their transcript keys, in the form's order (label field.<key>,
    // widget id tool.record.<key>).
    const std::pair<const char*, std::string*> fields[] = {{"name", &d.rec_name},
                                                           {"room", &d.rec_room},
                                                           {"phone", &d.rec_phone},
                                                           {"issue", &d.rec_issue},
                                                           {"time", &d.rec_time}};
    ImGui::TextDisabled("%s", app.tr("tool.record_note"));
    if (ImGui::BeginTable("##record", 2, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch);
        for (const auto& [k, v] : fields)
            form_row(app, ("field." + std::string(k)).c_str(), v, "tool.record." + std::string(k));
        ImGui::EndTable();
    }
    const bool any = std::any_of(std::begin(fields), std::end(fields),
                                 [](const auto& f) { return !f.second->empty(); });
    if (ui::button_if(any, app.tr("tool.record_submit"), "tool.record.submit")) {
        Action a = make(Verb::Record);
        for (const auto& [k, v] : fields)
            if (!v->empty()) a.fields.emplace_back(k, *v);
        // A form sent is a form done: the next caller starts from an empty one.
        if (act(app, a, viewed))
            for (const auto& [k, v] : fields) v->clear();
    }
    ImGui::SameLine();
    if (ui::button(app.tr("tool.clear"), "tool.record.clear"))
        for (const auto& [k, v] : fields) v->clear();
}

// 电话分机: the departments' extension numbers of this desk (the site profile's, else the
// scenario's), beside the dispatch buttons they go with.
void draw_extensions_card(AppState& app) {
    const Site& site = app.attempt->scenario().site;
    if (site.extensions.empty()) return;
    ImGui::TextDisabled("%s", app.tr("desk.extensions"));
    ui::track("desk.extensions", app.tr("desk.extensions"));
    if (!ImGui::BeginTable("##extensions", 3)) return;
    for (auto dep : enums::kDepartments) {
        auto it = site.extensions.find(std::string(dep));
        if (it == site.extensions.end()) continue;
        ImGui::TableNextColumn();
        const std::string line = std::string(app.strings.name("dept.", dep)) + " " + it->second;
        ImGui::TextUnformatted(app.shown(line).c_str());
        ui::track("desk.extension:" + std::string(dep), line);
    }
    ImGui::EndTable();
}

void draw_classify_tool(AppState& app, const std::string& viewed) {
    DeskState& d = app.desk;
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("tool.classify"));
    if (ImGui::BeginTable("##types", 3)) {
        for (auto t : enums::kRequestTypes) {
            ImGui::TableNextColumn();
            if (ui::radio(app.strings.name("type.", t), d.cls_type == t,
                          "tool.classify.type:" + std::string(t)))
                d.cls_type = std::string(t);
        }
        ImGui::EndTable();
    }
    for (auto l : enums::kLevels) {
        if (ui::radio(app.strings.name("level.", l), d.cls_level == l,
                      "tool.classify.level:" + std::string(l)))
            d.cls_level = std::string(l);
        ImGui::SameLine();
    }
    if (ui::button_if(!d.cls_type.empty() && !d.cls_level.empty(), app.tr("tool.classify_submit"),
                      "tool.classify.submit")) {
        Action a = make(Verb::Classify);
        a.fields = {{"type", d.cls_type}, {"level", d.cls_level}};
        if (act(app, a, viewed)) d.cls_type.clear(), d.cls_level.clear();
    }
    ImGui::Separator();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("tool.dispatch"));
    const float w3 = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    int i = 0;
    for (auto dep : enums::kDepartments) {
        if (i++ % 3) ImGui::SameLine();
        const std::string arg(dep);
        if (done_button(app, tool_label(app, "dispatch", arg), "tool.dispatch:" + arg,
                        "dispatch:" + arg, ImVec2(w3, 0)))
            act(app, make(Verb::Dispatch, arg), viewed);
    }
    done_line(app, "dispatch", strings_of(enums::kDepartments));
    draw_extensions_card(app);
    ImGui::Separator();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("tool.escalate"));
    tool_buttons(app, viewed, Verb::Escalate, strings_of(enums::kEscalate), "tool.escalate:");
    ImGui::NewLine();
    done_line(app, "escalate", strings_of(enums::kEscalate));
}

void draw_emergency_tool(AppState& app, const std::string& viewed) {
    ImGui::TextColored(ui::pal().bad, "%s", app.tr("tool.emergency_note"));
    ImGui::PushStyleColor(ImGuiCol_Button, ui::pal().alarm_button);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ui::pal().alarm_button_hovered);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    const float w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    int i = 0;
    for (auto n : enums::kCallNumbers) {
        if (i++) ImGui::SameLine();
        const std::string arg(n);
        if (done_button(app, tool_label(app, "call", arg), "tool.call:" + arg, "call:" + arg,
                        ImVec2(w, ImGui::GetFrameHeight() * 2)))
            act(app, make(Verb::Call, arg), viewed);
    }
    ImGui::PopStyleColor(3);
    done_line(app, "call", strings_of(enums::kCallNumbers));
    ImGui::Spacing();
    if (done_button(app, tool_label(app, "broadcast", "evacuation"), "tool.broadcast:evacuation",
                    "broadcast:evacuation", ImVec2(-1, 0)))
        act(app, make(Verb::Broadcast, "evacuation"), viewed);
    for (std::string h : {"first-aid-kit", "extinguisher"}) {
        if (done_button(app, tool_label(app, "hand_over", h), "tool.hand_over:" + h,
                        "hand_over:" + h, ImVec2(-1, 0)))
            act(app, make(Verb::HandOver, h), viewed);
    }
    done_line(app, "hand_over", {"first-aid-kit", "extinguisher"});
    // The rest of an emergency — who goes, who is told — without leaving the panel.
    ImGui::Separator();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("tool.emergency_team"));
    tool_buttons(app, viewed, Verb::Dispatch, {"security", "engineering"},
                 "tool.emergency.dispatch:");
    tool_buttons(app, viewed, Verb::Escalate, strings_of(enums::kEscalate),
                 "tool.emergency.escalate:");
    ImGui::NewLine();
}

void draw_visitor_tool(AppState& app, const std::string& viewed) {
    DeskState& d = app.desk;
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("tool.visitor"));
    if (ImGui::BeginTable("##visitor", 2, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch);
        form_row(app, "field.visitor_name", &d.vis_name, "tool.visitor.name");
        form_row(app, "field.visiting", &d.vis_visiting, "tool.visitor.visiting");
        form_row(app, "field.id", &d.vis_id, "tool.visitor.id");
        ImGui::EndTable();
    }
    if (ui::button(app.tr("tool.visitor_submit"), "tool.visitor.submit")) {
        Action a = make(Verb::RegisterVisitor);
        for (auto [k, v] :
             {std::pair{"name", &d.vis_name}, {"visiting", &d.vis_visiting}, {"id", &d.vis_id}})
            if (!v->empty()) a.fields.emplace_back(k, *v);
        if (act(app, a, viewed)) d.vis_name.clear(), d.vis_visiting.clear(), d.vis_id.clear();
    }
    ImGui::Separator();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("tool.notify"));
    for (auto n : enums::kNotify) {
        const std::string arg(n);
        if (done_button(app, tool_label(app, "notify", arg), "tool.notify:" + arg, "notify:" + arg))
            act(app, make(Verb::Notify, arg), viewed);
        ImGui::SameLine();
    }
    ImGui::NewLine();
    done_line(app, "notify", strings_of(enums::kNotify));
    ImGui::Separator();
    ImGui::TextColored(ui::pal().accent, "%s", app.tr("tool.hand_over"));
    for (std::string h : {"access-card", "parcel", "form"}) {
        if (done_button(app, tool_label(app, "hand_over", h), "tool.hand_over:" + h,
                        "hand_over:" + h))
            act(app, make(Verb::HandOver, h), viewed);
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

void draw_tools(AppState& app, const std::string& viewed) {
    if (!ImGui::BeginTabBar("##tools")) return;
    const std::string select = std::exchange(app.desk.select_tab, std::string());
    using Draw = void (*)(AppState&, const std::string&);
    const std::tuple<const char*, const char*, const char*, Draw> tabs[] = {
        {"record", "tool.tab_record", icon::kRecord, draw_record_tool},
        {"classify", "tool.tab_classify", icon::kClassify, draw_classify_tool},
        {"emergency", "tool.tab_emergency", icon::kEmergency, draw_emergency_tool},
        {"visitor", "tool.tab_visitor", icon::kVisitor, draw_visitor_tool}};
    for (const auto& [name, key, glyph, draw] : tabs) {
        const std::string label = app.shown(app.fonts.icon(glyph) + app.tr(key));
        if (ui::tab(label.c_str(), std::string("tool.tab:") + name, select == name)) {
            draw(app, viewed);
            ImGui::EndTabItem();
        }
    }
    ImGui::EndTabBar();
}

// ---- emergency banner ------------------------------------------------------------------------

// Red across the desk while an emergency is on: who or what raised it, and in practice mode the
// steps the scenario still asks for, each by its button's label, with the thread's own hint.
void draw_emergency_banner(AppState& app, const std::vector<ThreadView>& threads,
                           const Emergency& e) {
    session::Attempt& s = *app.attempt;
    const ThreadView* t = find_thread(threads, e.thread);
    if (!t) return;
    const bool practice = s.config().mode == session::Mode::Practice;
    std::string what = party(app, *t);
    // An alarm's own words (the panel's text) say more than "Alarm".
    for (const auto& entry : s.engine().log().entries)
        if (entry.kind == LogEntry::Kind::Inject && entry.thread == t->id && !entry.text.empty())
            what = entry.text;
    std::string steps;
    for (const auto& p : e.pending)
        steps += (steps.empty() ? "" : app.tr("join.and")) + press(app, p);
    const float pulse = 0.75f + 0.25f * std::sin(static_cast<float>(ImGui::GetTime()) * 6.0f);
    const ImVec4 b = ui::pal().banner;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(b.x * pulse, b.y, b.z, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const int lines =
        1 + (practice && !steps.empty() ? 1 : 0) + (practice && !t->hint.empty() ? 1 : 0);
    ImGui::BeginChild("##emergency",
                      ImVec2(0, line * lines + ImGui::GetStyle().WindowPadding.y * 2 + 4), false,
                      ImGuiWindowFlags_NoScrollbar);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(app.shown(app.fonts.icon(icon::kWarning) +
                                     app.strings.fmt("desk.emergency", {{"what", what}}))
                               .c_str());
    ui::track("desk.emergency", what);
    if (practice && !steps.empty())
        ImGui::TextUnformatted(
            app.shown(app.strings.fmt("hint.emergency_steps", {{"steps", steps}})).c_str());
    if (practice && !t->hint.empty()) ImGui::TextUnformatted(app.shown(hint_text(app, *t)).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
}

// ---- tutorial callouts -----------------------------------------------------------------------

// A box around the widget to use next (its tab while another tab is open), an arrow to it and
// one line saying what to do there, over everything else. Placed by the widget's rectangle of
// the last frame (ui::registry), below it where there is room, else above.
void draw_callout(AppState& app, const Callout& c) {
    const ui::WidgetRect* r = ui::registry().find(c.widget);
    std::string text = c.text;
    if ((!r || !r->visible) && !c.tab.empty()) {
        r = ui::registry().find(c.tab);
        const std::string key = "tool.tab_" + c.tab.substr(c.tab.find(':') + 1);
        text = app.strings.fmt("callout.open_tab", {{"tab", app.tr(key)}});
    }
    if (!r || !r->visible) return;
    ui::track("callout", text);
    const float s = app.style_scale();
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImU32 accent = ImGui::GetColorU32(ui::pal().warn);
    const ImU32 box_bg = ImGui::GetColorU32(ui::pal().next_button);
    const float pad = 4 * s, arrow = 28 * s, margin = 8 * s;
    const ImVec2 lo(r->min.x - pad, r->min.y - pad), hi(r->max.x + pad, r->max.y + pad);
    dl->AddRect(lo, hi, accent, 4 * s, 0, 3 * s);
    const std::string& shown = app.shown(text);
    const float wrap = std::min(440 * s, screen.x * 0.45f);
    const ImVec2 ts = ImGui::CalcTextSize(shown.c_str(), nullptr, false, wrap);
    const ImVec2 box(ts.x + 2 * margin, ts.y + 2 * margin);
    // Below the widget where there is room (above it would hide the form being filled in).
    const bool above = hi.y + arrow + box.y > screen.y - margin;
    const float bx =
        std::clamp(0.5f * (lo.x + hi.x) - box.x * 0.5f, margin, screen.x - box.x - margin);
    const float by =
        above ? lo.y - arrow - box.y : std::min(hi.y + arrow, screen.y - box.y - margin);
    dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + box.x, by + box.y), box_bg, 6 * s);
    dl->AddRect(ImVec2(bx, by), ImVec2(bx + box.x, by + box.y), accent, 6 * s, 0, 2 * s);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(bx + margin, by + margin),
                IM_COL32_WHITE, shown.c_str(), nullptr, wrap);
    // The arrow: from the box's edge to the widget's, with its head at the widget.
    const float ax = std::clamp(0.5f * (lo.x + hi.x), bx + 2 * margin, bx + box.x - 2 * margin);
    const ImVec2 from(ax, above ? by + box.y : by), to(ax, above ? lo.y : hi.y);
    dl->AddLine(from, to, accent, 3 * s);
    const float head = 9 * s, dir = above ? 1.0f : -1.0f;
    dl->AddTriangleFilled(to, ImVec2(to.x - head, to.y - dir * head * 1.4f),
                          ImVec2(to.x + head, to.y - dir * head * 1.4f), accent);
}

}  // namespace

void draw_desk(AppState& app) {
    if (!app.attempt) {
        app.screen = Screen::Picker;
        return;
    }
    session::Attempt& s = *app.attempt;
    if (s.revision() != app.desk.seen_revision) {
        app.desk.seen_revision = s.revision();
        app.desk.scroll_down = true;
    }
    if (app.sounds) app.sounds->update(&s, s.engine().log(), app.muted);
    const std::vector<ThreadView> threads = s.engine().threads();
    // When the conversation on screen ends, the desk turns to whoever waits next.
    {
        const std::string shown_id = viewed_thread(app, threads);
        const ThreadView* st = find_thread(threads, shown_id);
        if (st && live(*st)) {
            app.desk.viewed_live = shown_id;
        } else if (st && shown_id == app.desk.viewed_live) {
            app.desk.viewed_live.clear();
            if (std::string next = next_waiting(threads, shown_id); !next.empty())
                app.desk.viewed = next;
        }
        // An alarm panel on screen by default (nobody chose it) gives way to a person who waits.
        if (st && !can_hear(*st) && app.desk.viewed.empty())
            if (std::string next = next_waiting(threads, shown_id); !next.empty())
                app.desk.viewed = next;
    }
    const std::string viewed = viewed_thread(app, threads);
    const ThreadView* tv = find_thread(threads, viewed);
    const bool practice = s.config().mode == session::Mode::Practice;
    const float scale = app.style_scale();
    const std::optional<Emergency> emergency =
        s.ended() ? std::nullopt : current_emergency(s.scenario(), threads, s.engine().log());
    // An emergency starting takes the tools to the emergency panel, once: the trainee may leave it.
    if (emergency && emergency->thread != app.desk.emergency) app.desk.select_tab = "emergency";
    app.desk.emergency = emergency ? emergency->thread : std::string();

    draw_top_bar(app);
    ImGui::Separator();
    if (emergency) draw_emergency_banner(app, threads, *emergency);
    const float h = ImGui::GetContentRegionAvail().y;
    const float w = ImGui::GetContentRegionAvail().x;
    const float left_w = std::max(240.0f * scale, w * 0.21f);
    const float right_w = std::max(330.0f * scale, w * 0.29f);

    ImGui::BeginChild("##threads", ImVec2(left_w, h), true);
    draw_threads(app, threads, viewed);
    ImGui::EndChild();
    ImGui::SameLine();

    ImGui::BeginChild("##centre",
                      ImVec2(w - left_w - right_w - 2 * ImGui::GetStyle().ItemSpacing.x, h), false);
    if (tv) {
        ImGui::TextColored(ui::pal().accent, "%s · %s", kind_name(app, tv->kind),
                           app.shown(party(app, *tv)).c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", state_name(app, tv->state));
    } else {
        ImGui::TextDisabled("%s", app.tr("desk.quiet"));
    }
    const bool offering = s.config().choice_mode && tv && !tv->choices.empty();
    const float reply_h = offering ? ImGui::GetTextLineHeightWithSpacing() *
                                         (1.5f + 2.2f * static_cast<float>(tv->choices.size()))
                                   : ImGui::GetFrameHeightWithSpacing() * 1.2f;
    const float feedback_h = ImGui::GetTextLineHeightWithSpacing() * 2.2f;
    const float hints_h =
        practice ? std::min(h * 0.30f, ImGui::GetTextLineHeightWithSpacing() * 7.5f) : 0.0f;
    const float conv_h = std::max(120.0f, ImGui::GetContentRegionAvail().y - reply_h - feedback_h -
                                              hints_h - ImGui::GetStyle().ItemSpacing.y * 3);
    draw_conversation(app, viewed, conv_h);
    if (s.over() && !s.ended()) {
        ImGui::TextColored(ui::pal().good, "%s", app.tr("desk.over"));
    }
    draw_reply(app, tv, viewed);
    ImGui::PushTextWrapPos(0);
    if (!app.desk.feedback.empty())
        ImGui::TextColored(app.desk.feedback_bad ? ui::pal().bad : ui::pal().muted, "%s",
                           app.desk.feedback.c_str());
    ImGui::PopTextWrapPos();
    if (practice) {
        ImGui::SetCursorPosY(ImGui::GetWindowHeight() - hints_h);
        ImGui::BeginChild("##hints", ImVec2(0, hints_h - 2), true);
        draw_hints(app, threads, tv);
        ImGui::EndChild();
    }
    ImGui::EndChild();
    ImGui::SameLine();

    ImGui::BeginChild("##tools", ImVec2(right_w, h), true);
    draw_tools(app, viewed);
    ImGui::EndChild();
    if (practice && s.scenario().category == "tutorial" && !s.ended())
        if (auto c = next_callout(app.strings, s.engine(), viewed)) draw_callout(app, *c);
}

}  // namespace dd::app
