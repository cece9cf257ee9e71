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
#include "sim/app/ui.h"
#include "sim/model/describe.h"
#include "sim/model/enums.h"
#include "sim/model/limits.h"

namespace dd::app {

namespace {

// ---- helpers ---------------------------------------------------------------------------------

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

void act(AppState& app, Action a, const std::string& to_thread = {}) {
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
    } else {
        app.desk.feedback = app.strings.render(r.error);
        app.desk.feedback_bad = true;
    }
    app.shown(app.desk.feedback);
    app.desk.scroll_down = true;
}

// Who a thread is with: the actor's name as played, or "Alarm" — never a thread id.
std::string party(const AppState& app, const ThreadView& t) {
    return t.actor_name.empty() ? std::string(app.tr("thread.alarm")) : t.actor_name;
}

// "Name": a field's word as a form label (a Chinese word is left as it is).
std::string form_label(const char* word) {
    std::string s(word);
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
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

void mood_bar(const AppState& app, int mood, float width) {
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ui::mood_colour(mood));
    const std::string overlay = app.strings.fmt("desk.mood", {{"n", std::to_string(mood)}});
    ImGui::ProgressBar(std::clamp(mood, 0, 100) / 100.0f, ImVec2(width, 0), overlay.c_str());
    ImGui::PopStyleColor();
}

// ---- top bar ---------------------------------------------------------------------------------

void draw_top_bar(AppState& app) {
    session::Attempt& s = *app.attempt;
    const bool practice = s.config().mode == session::Mode::Practice;
    ImGui::TextUnformatted(app.shown(s.scenario().title).c_str());
    ImGui::SameLine();
    ImGui::TextColored(practice ? ui::kGood : ui::kWarn, "[%s%s]",
                       app.tr(practice ? "mode.practice" : "mode.assessment"),
                       s.config().choice_mode ? app.tr("desk.choice_suffix") : "");
    ImGui::SameLine(0, 24 * app.ui_scale);
    ImGui::TextColored(ui::kAccent, "%s %s", app.tr("desk.clock"), clock_text(s.now()).c_str());
    ui::track("desk.clock", clock_text(s.now()));
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
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.20f, 0.55f, 0.30f, 1));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.25f, 0.65f, 0.35f, 1));
    }
    const bool end = ui::button(end_label, "desk.end");
    if (highlight) ImGui::PopStyleColor(2);
    if (end) app.end_attempt();
}

// ---- threads: phone, counter, alarms ---------------------------------------------------------

// `primary`: the first live thread of its kind also answers to the short ids ("phone.answer"),
// so drive scripts need not know actor ids.
void draw_thread_card(AppState& app, const std::vector<ThreadView>& threads, const ThreadView& t,
                      const std::string& viewed, bool primary) {
    auto alias = [&](const char* id) {
        if (primary) ui::track(id);
    };
    ImGui::PushID(t.id.c_str());
    const bool is_viewed = t.id == viewed;
    const std::string name = app.shown(party(app, t));
    if (t.state == ThreadView::State::Ringing) {
        // A pulsing ring with its count: answer within three rings (seed 001 §4.1.5).
        const float pulse = 0.6f + 0.4f * std::sin(static_cast<float>(ImGui::GetTime()) * 8.0f);
        ImGui::TextColored(
            ImVec4(1.0f, 0.35f, 0.3f, pulse), "☎ %s",
            app.strings.fmt("desk.ringing", {{"n", std::to_string(t.rings)}}).c_str());
    }
    if (ui::selectable((name + "  ·  " + state_name(app, t.state)).c_str(), is_viewed,
                       "thread:" + t.id))
        app.desk.viewed = t.id;
    if (t.kind != ThreadRecord::Kind::Alarm) mood_bar(app, t.mood, -1);
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
        alias("phone.answer");
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
        alias("desk.serve");
        ImGui::SameLine();
        if (ui::button_if(t.state == ThreadView::State::Active, app.tr("desk.ask_wait"),
                          "desk.hold:" + t.id))
            act(app, make(Verb::Hold, arg));
        alias("desk.hold");
    }
    ImGui::PopID();
    ImGui::Separator();
}

// The cards of one kind (phone or counter); the first live one is the primary.
void draw_thread_list(AppState& app, const std::vector<ThreadView>& threads,
                      const std::string& viewed, ThreadRecord::Kind kind, const char* idle_key) {
    bool any = false;
    bool primary_done = false;
    for (const auto& t : threads)
        if (t.kind == kind) {
            draw_thread_card(app, threads, t, viewed, !primary_done && live(t));
            primary_done = primary_done || live(t);
            any = true;
        }
    if (!any) ImGui::TextDisabled("%s", app.tr(idle_key));
}

void draw_threads(AppState& app, const std::vector<ThreadView>& threads,
                  const std::string& viewed) {
    ImGui::TextColored(ui::kAccent, "☎ %s", app.tr("desk.phone"));
    ImGui::Separator();
    draw_thread_list(app, threads, viewed, ThreadRecord::Kind::Phone, "desk.phone_idle");
    ImGui::Spacing();
    ImGui::TextColored(ui::kAccent, "%s", app.tr("desk.counter"));
    ImGui::Separator();
    draw_thread_list(app, threads, viewed, ThreadRecord::Kind::Desk, "desk.counter_idle");
    for (const auto& t : threads)
        if (t.kind == ThreadRecord::Kind::Alarm) {
            ImGui::Spacing();
            ImGui::TextColored(ui::kBad, "%s", app.tr("desk.alarm"));
            draw_thread_card(app, threads, t, viewed, false);
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
        ImGui::TextColored(ui::kAccent, "%s", app.tr("desk.choices"));
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
    if (app.desk.focus_reply) {
        ImGui::SetKeyboardFocusHere();
        app.desk.focus_reply = false;
    }
    const bool enter = ui::input_text_hint(
        app.tr(can_talk ? "desk.reply_hint" : "desk.not_talking"), &app.desk.reply, "reply.input",
        ImGui::GetContentRegionAvail().x - send_w - ImGui::GetStyle().ItemSpacing.x,
        ImGuiInputTextFlags_EnterReturnsTrue);
    app.shown(app.desk.reply);  // typed characters join the atlas
    if (!count.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(chars > limits::kMaxReplyChars ? ui::kBad : ui::kMuted, "%s",
                           count.c_str());
    }
    ImGui::SameLine();
    const bool click = ui::button(send, "reply.send");
    if (enter || click) send_reply(app, viewed);
}

// ---- hints (practice only) -------------------------------------------------------------------

void draw_hints(AppState& app, const ThreadView* tv) {
    session::Attempt& s = *app.attempt;
    ImGui::TextColored(ui::kWarn, "%s", app.tr("hint.title"));
    ImGui::PushTextWrapPos(0);
    const Node* node = tv && !tv->node.empty() ? s.scenario().node(tv->node) : nullptr;
    if (tv && !tv->hint.empty()) ImGui::TextUnformatted(app.shown(tv->hint).c_str());
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
            const std::string did = groups(x.did, [&](const std::string& spec) {
                return app.strings.render(describe_spec(spec));
            });
            ImGui::BulletText("%s", app.strings.fmt("hint.did", {{"did", did}}).c_str());
        }
    } else if (!tv || tv->state != ThreadView::State::Active) {
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
                ImGui::TextDisabled("(%s)", st->source.c_str());
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
        act(app, a, viewed);
    }
    ImGui::SameLine();
    if (ui::button(app.tr("tool.clear"), "tool.record.clear"))
        for (const auto& [k, v] : fields) v->clear();
}

void draw_classify_tool(AppState& app, const std::string& viewed) {
    DeskState& d = app.desk;
    ImGui::TextColored(ui::kAccent, "%s", app.tr("tool.classify"));
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
        act(app, a, viewed);
    }
    ImGui::Separator();
    ImGui::TextColored(ui::kAccent, "%s", app.tr("tool.dispatch"));
    const float w3 = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    int i = 0;
    for (auto dep : enums::kDepartments) {
        if (i++ % 3) ImGui::SameLine();
        if (ui::button(app.strings.name("dept.", dep), "tool.dispatch:" + std::string(dep),
                       ImVec2(w3, 0)))
            act(app, make(Verb::Dispatch, std::string(dep)), viewed);
    }
    ImGui::Separator();
    ImGui::TextColored(ui::kAccent, "%s", app.tr("tool.escalate"));
    for (auto e : enums::kEscalate) {
        const std::string label =
            app.strings.fmt("tool.escalate_to", {{"to", app.strings.name("escalate.", e)}});
        if (ui::button(label.c_str(), "tool.escalate:" + std::string(e)))
            act(app, make(Verb::Escalate, std::string(e)), viewed);
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

void draw_emergency_tool(AppState& app, const std::string& viewed) {
    ImGui::TextColored(ui::kBad, "%s", app.tr("tool.emergency_note"));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.65f, 0.15f, 0.15f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.80f, 0.22f, 0.20f, 1));
    const float w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    int i = 0;
    for (auto n : enums::kCallNumbers) {
        if (i++) ImGui::SameLine();
        const std::string label = std::string(n) + "\n" + app.strings.name("call.", n);
        if (ui::button(label.c_str(), "tool.call:" + std::string(n),
                       ImVec2(w, ImGui::GetFrameHeight() * 2)))
            act(app, make(Verb::Call, std::string(n)), viewed);
    }
    ImGui::PopStyleColor(2);
    ImGui::Spacing();
    if (ui::button(app.tr("tool.broadcast_evacuation"), "tool.broadcast:evacuation", ImVec2(-1, 0)))
        act(app, make(Verb::Broadcast, "evacuation"), viewed);
    for (auto h : {"first-aid-kit", "extinguisher"}) {
        const std::string label =
            app.strings.fmt("tool.hand_over_item", {{"item", app.strings.name("item.", h)}});
        if (ui::button(label.c_str(), std::string("tool.hand_over:") + h, ImVec2(-1, 0)))
            act(app, make(Verb::HandOver, h), viewed);
    }
}

void draw_visitor_tool(AppState& app, const std::string& viewed) {
    DeskState& d = app.desk;
    ImGui::TextColored(ui::kAccent, "%s", app.tr("tool.visitor"));
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
        act(app, a, viewed);
    }
    ImGui::Separator();
    ImGui::TextColored(ui::kAccent, "%s", app.tr("tool.notify"));
    for (auto n : enums::kNotify) {
        const std::string label =
            app.strings.fmt("tool.notify_who", {{"who", app.strings.name("notify.", n)}});
        if (ui::button(label.c_str(), "tool.notify:" + std::string(n)))
            act(app, make(Verb::Notify, std::string(n)), viewed);
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::Separator();
    ImGui::TextColored(ui::kAccent, "%s", app.tr("tool.hand_over"));
    for (auto h : {"access-card", "parcel", "form"}) {
        if (ui::button(app.strings.name("item.", h), std::string("tool.hand_over:") + h))
            act(app, make(Verb::HandOver, h), viewed);
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

void draw_tools(AppState& app, const std::string& viewed) {
    if (!ImGui::BeginTabBar("##tools")) return;
    if (ui::tab(app.tr("tool.tab_record"), "tool.tab:record")) {
        draw_record_tool(app, viewed);
        ImGui::EndTabItem();
    }
    if (ui::tab(app.tr("tool.tab_classify"), "tool.tab:classify")) {
        draw_classify_tool(app, viewed);
        ImGui::EndTabItem();
    }
    if (ui::tab(app.tr("tool.tab_emergency"), "tool.tab:emergency")) {
        draw_emergency_tool(app, viewed);
        ImGui::EndTabItem();
    }
    if (ui::tab(app.tr("tool.tab_visitor"), "tool.tab:visitor")) {
        draw_visitor_tool(app, viewed);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
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
    const std::vector<ThreadView> threads = s.engine().threads();
    const std::string viewed = viewed_thread(app, threads);
    const ThreadView* tv = find_thread(threads, viewed);
    const bool practice = s.config().mode == session::Mode::Practice;
    const float scale = app.ui_scale;

    draw_top_bar(app);
    ImGui::Separator();
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
        ImGui::TextColored(ui::kAccent, "%s · %s", kind_name(app, tv->kind),
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
        ImGui::TextColored(ui::kGood, "%s", app.tr("desk.over"));
    }
    draw_reply(app, tv, viewed);
    ImGui::PushTextWrapPos(0);
    if (!app.desk.feedback.empty())
        ImGui::TextColored(app.desk.feedback_bad ? ui::kBad : ui::kMuted, "%s",
                           app.desk.feedback.c_str());
    ImGui::PopTextWrapPos();
    if (practice) {
        ImGui::SetCursorPosY(ImGui::GetWindowHeight() - hints_h);
        ImGui::BeginChild("##hints", ImVec2(0, hints_h - 2), true);
        draw_hints(app, tv);
        ImGui::EndChild();
    }
    ImGui::EndChild();
    ImGui::SameLine();

    ImGui::BeginChild("##tools", ImVec2(right_w, h), true);
    draw_tools(app, viewed);
    ImGui::EndChild();
}

}  // namespace dd::app
