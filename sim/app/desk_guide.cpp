// Emergencies, hearing and the next waiting thread: the desk's decisions that are not drawing.
#include "desk_guide.h"

#include <algorithm>

#include "sim/engine/dialogue.h"
#include "sim/model/describe.h"
#include "sim/model/enums.h"
#include "sim/model/verbs.h"

namespace dd::app {

namespace {

bool live(const ThreadView& t) {
    return t.state != ThreadView::State::Ended;
}

bool emergency_spec(const std::string& spec) {
    return spec.rfind("call", 0) == 0 || spec.rfind("broadcast", 0) == 0;
}

}  // namespace

bool can_hear(const ThreadView& t) {
    return !(t.kind == ThreadRecord::Kind::Alarm && t.actor.empty());
}

bool is_emergency(const Scenario& s, const ThreadView& t) {
    if (t.kind == ThreadRecord::Kind::Alarm || s.category == "emergency") return true;
    if (t.actor.empty()) return false;
    for (const auto& n : s.nodes) {
        if (n.actor != t.actor) continue;
        for (const auto& alts : n.expect.did)
            if (std::any_of(alts.begin(), alts.end(), emergency_spec)) return true;
    }
    return false;
}

std::vector<std::string> emergency_steps(const Scenario& s) {
    const Outcome& o = s.outcome;
    std::vector<std::string> steps;
    for (const auto& c : o.call) steps.push_back("call:" + c.number);
    for (const auto& b : o.broadcast) steps.push_back("broadcast:" + b);
    for (const auto& h : o.hand_over)
        if (h == "first-aid-kit" || h == "extinguisher") steps.push_back("hand_over:" + h);
    for (const auto& d : o.dispatch) steps.push_back("dispatch:" + d);
    for (const auto& e : o.escalate) steps.push_back("escalate:" + e);
    return steps;
}

bool step_done(const AttemptLog& log, const std::string& step) {
    const auto colon = step.find(':');
    const std::string verb = step.substr(0, colon);
    const std::string arg = colon == std::string::npos ? std::string() : step.substr(colon + 1);
    return std::any_of(log.entries.begin(), log.entries.end(), [&](const LogEntry& e) {
        return e.kind == LogEntry::Kind::Action && e.action && verb_name(e.action->verb) == verb &&
               (arg.empty() || e.action->arg == arg);
    });
}

std::optional<Emergency> current_emergency(const Scenario& s,
                                           const std::vector<ThreadView>& threads,
                                           const AttemptLog& log) {
    const ThreadView* shown = nullptr;
    for (const auto& t : threads) {
        if (!live(t) || !is_emergency(s, t)) continue;
        // A person in the emergency is shown before the panel that announced it.
        if (!shown || (!can_hear(*shown) && can_hear(t))) shown = &t;
    }
    if (!shown) return std::nullopt;
    Emergency e;
    e.thread = shown->id;
    const std::vector<std::string> steps = emergency_steps(s);
    for (const auto& step : steps)
        if (!step_done(log, step)) e.pending.push_back(step);
    if (!steps.empty() && e.pending.empty()) return std::nullopt;
    return e;
}

std::string tool_label(const i18n::Strings& t, std::string_view verb, const std::string& arg) {
    if (verb == "call" && !arg.empty()) return arg + " " + t.name("call.", arg);
    if (verb == "broadcast") return t.tr("tool.broadcast_evacuation");
    if (verb == "hand_over" && !arg.empty())
        return t.fmt("tool.hand_over_item", {{"item", t.name("item.", arg)}});
    if (verb == "dispatch" && !arg.empty()) return t.name("dept.", arg);
    if (verb == "escalate" && !arg.empty())
        return t.fmt("tool.escalate_to", {{"to", t.name("escalate.", arg)}});
    if (verb == "notify" && !arg.empty())
        return t.fmt("tool.notify_who", {{"who", t.name("notify.", arg)}});
    if (verb == "record") return t.tr("tool.record_submit");
    if (verb == "classify") return t.tr("tool.classify_submit");
    if (verb == "register_visitor") return t.tr("tool.visitor_submit");
    if (verb == "hold") return t.tr("desk.hold");
    if (verb == "dispatch") return t.tr("tool.dispatch");
    if (verb == "escalate") return t.tr("tool.escalate");
    if (verb == "notify") return t.tr("tool.notify");
    if (verb == "hand_over") return t.tr("tool.hand_over");
    if (verb == "call") return t.tr("tool.tab_emergency");
    return t.render(describe_spec(std::string(verb), arg));
}

// Named by verb and argument, as outcome lists and `did:` name them.
std::string press(const i18n::Strings& t, const std::string& spec) {
    const auto colon = spec.find(':');
    const std::string verb = spec.substr(0, colon);
    const std::string arg = colon == std::string::npos ? std::string() : spec.substr(colon + 1);
    // A verb without its argument ("escalate") is any of its buttons: each is named.
    if (arg.empty()) {
        std::vector<std::string> args;
        if (verb == "dispatch") args.assign(enums::kDepartments.begin(), enums::kDepartments.end());
        if (verb == "escalate") args.assign(enums::kEscalate.begin(), enums::kEscalate.end());
        if (verb == "notify") args.assign(enums::kNotify.begin(), enums::kNotify.end());
        if (verb == "call") args.assign(enums::kCallNumbers.begin(), enums::kCallNumbers.end());
        if (verb == "hand_over")
            args = {"first-aid-kit", "extinguisher", "access-card", "parcel", "form"};
        if (!args.empty()) {
            std::string any;
            for (const auto& a : args)
                any += (any.empty() ? "" : t.tr("join.or")) + press(t, verb + ":" + a);
            return any;
        }
    }
    std::string where;
    if (verb == "dispatch" && !arg.empty()) where = t.tr("tool.dispatch");
    return t.fmt(where.empty() ? "hint.press" : "hint.press_in",
                 {{"button", tool_label(t, verb, arg)}, {"where", where}});
}

namespace {

// Whether `name` (an actor id or "phone"/"desk") comes to the desk by phone.
bool by_phone(const Scenario& s, const std::string& name) {
    if (name == "phone") return true;
    if (name == "desk") return false;
    for (const auto& e : s.events)
        if (e.actor == name) return e.kind == Event::Kind::PhoneCall;
    return false;
}

std::string field_label(const i18n::Strings& t, Verb v, const std::string& key) {
    if (v == Verb::RegisterVisitor && key == "name") return t.tr("field.visitor_name");
    return t.name("field.", key);
}

}  // namespace

std::vector<std::string> guide_step_buttons(const i18n::Strings& t, const Scenario& s,
                                            const Action& a) {
    const std::string verb(verb_name(a.verb));
    switch (a.verb) {
        case Verb::Answer:
            return {t.tr(by_phone(s, a.arg) ? "desk.answer" : "desk.serve")};
        case Verb::HangUp:
            return {t.tr("desk.hang_up")};
        case Verb::End:
            return {t.tr("desk.end")};
        case Verb::Classify: {
            std::vector<std::string> out;
            for (const auto& [k, v] : a.fields)
                out.push_back(t.name(k == "type" ? "type." : "level.", v));
            out.push_back(tool_label(t, verb, ""));
            return out;
        }
        case Verb::Record:
        case Verb::RegisterVisitor:
            return {tool_label(t, verb, "")};
        case Verb::Say:
        case Verb::Choose:
        case Verb::Wait:
        case Verb::Focus:
            return {};
        default:
            return {tool_label(t, verb, a.arg)};
    }
}

std::string guide_step_text(const i18n::Strings& t, const Scenario& s, const GuideStep& step,
                            const Action& a, const std::string& who) {
    if (!step.wait_for.empty()) {
        const std::string& w = step.wait_for;
        if (w == "phone") return t.tr("guide.wait_for_phone");
        if (w == "desk") return t.tr("guide.wait_for_desk");
        if (w == "alarm") return t.tr("guide.wait_for_alarm");
        return t.fmt("guide.wait_for_actor", {{"who", who}});
    }
    const std::string verb(verb_name(a.verb));
    std::string text;
    switch (a.verb) {
        case Verb::Say:
        case Verb::Choose:
            text = t.fmt("guide.say", {{"text", a.text}});
            break;
        case Verb::Record:
        case Verb::RegisterVisitor: {
            std::string fields;
            for (const auto& [k, v] : a.fields)
                fields +=
                    (fields.empty() ? "" : t.tr("guide.join")) +
                    t.fmt("guide.field", {{"field", field_label(t, a.verb, k)}, {"value", v}});
            const char* tab = a.verb == Verb::Record ? "tool.tab_record" : "tool.tab_visitor";
            text = fields.empty() ? t.fmt("hint.press", {{"button", tool_label(t, verb, "")}})
                                  : t.fmt("guide.form", {{"tab", t.tr(tab)},
                                                         {"fields", fields},
                                                         {"button", tool_label(t, verb, "")}});
            break;
        }
        case Verb::Classify: {
            std::string picks;
            const auto buttons = guide_step_buttons(t, s, a);
            for (std::size_t i = 0; i + 1 < buttons.size(); ++i)
                picks += t.fmt("guide.pick", {{"button", buttons[i]}});
            text = t.fmt(
                "guide.classify",
                {{"tab", t.tr("tool.tab_classify")}, {"picks", picks}, {"button", buttons.back()}});
            break;
        }
        case Verb::Wait:
            text = t.fmt("guide.wait", {{"t", t.duration(a.duration)}});
            break;
        case Verb::Focus:
            text = t.fmt("guide.focus", {{"who", who}});
            break;
        case Verb::Answer:
        case Verb::Hold:
        case Verb::HangUp:
        case Verb::End:
            text = t.fmt("hint.press", {{"button", guide_step_buttons(t, s, a).front()}});
            if (!who.empty()) text = t.fmt("guide.for", {{"who", who}, {"what", text}});
            return text;
        default:
            text = press(t, verb + ":" + a.arg);
            break;
    }
    if (!a.to.empty() && !who.empty()) text = t.fmt("guide.for", {{"who", who}, {"what", text}});
    return text;
}

namespace {

Callout tool_callout(const i18n::Strings& t, const Scenario& s, const GuideStep& step,
                     const Action& a) {
    const std::string arg = a.arg;
    Callout c;
    c.text = guide_step_text(t, s, step, a, "");
    switch (a.verb) {
        case Verb::Say:
        case Verb::Choose:
            c.widget = "reply.input";
            break;
        case Verb::Answer:
            c.widget = by_phone(s, arg) ? "phone.answer" : "desk.serve";
            break;
        case Verb::Hold:
            c.widget = by_phone(s, arg) ? "phone.hold" : "desk.hold";
            break;
        case Verb::HangUp:
            c.widget = "phone.hang_up";
            break;
        case Verb::End:
            c.widget = "desk.end";
            break;
        case Verb::Record:
            c = {"tool.record.submit", "tool.tab:record", c.text};
            break;
        case Verb::Classify:
            c = {"tool.classify.submit", "tool.tab:classify", c.text};
            break;
        case Verb::Dispatch:
            c = {"tool.dispatch:" + arg, "tool.tab:classify", c.text};
            break;
        case Verb::Escalate:
            c = {"tool.escalate:" + arg, "tool.tab:classify", c.text};
            break;
        case Verb::RegisterVisitor:
            c = {"tool.visitor.submit", "tool.tab:visitor", c.text};
            break;
        case Verb::Notify:
            c = {"tool.notify:" + arg, "tool.tab:visitor", c.text};
            break;
        case Verb::Call:
            c = {"tool.call:" + arg, "tool.tab:emergency", c.text};
            break;
        case Verb::Broadcast:
            c = {"tool.broadcast:" + arg, "tool.tab:emergency", c.text};
            break;
        case Verb::HandOver:
            c = {"tool.hand_over:" + arg, "tool.tab:emergency", c.text};
            break;
        case Verb::Focus:
            c.widget = "thread:" + arg;
            break;
        case Verb::Wait:
            break;
    }
    return c;
}

bool waiting(const ThreadView& t) {
    return t.state == ThreadView::State::Ringing || t.state == ThreadView::State::Waiting ||
           t.state == ThreadView::State::Held;
}

}  // namespace

std::optional<Callout> next_callout(const i18n::Strings& t, const Engine& e,
                                    const std::string& viewed) {
    const Scenario& s = e.scenario();
    const auto threads = e.threads();
    const std::string id = viewed.empty() ? e.focused() : viewed;
    const bool open = std::any_of(threads.begin(), threads.end(),
                                  [&](const auto& x) { return x.id == id && live(x); });
    const NodeVisit* v = open ? e.current_visit(id) : nullptr;
    const Node* n = v ? s.node(v->node) : nullptr;
    if (n) {
        std::size_t says = 0;
        for (const auto& step : n->guide) {
            if (!step.wait_for.empty()) {
                const bool here = std::any_of(threads.begin(), threads.end(), [&](const auto& x) {
                    return live(x) && (x.id == step.wait_for || x.actor == step.wait_for ||
                                       thread_kind_name(x.kind) == step.wait_for);
                });
                if (!here) return std::nullopt;
                continue;
            }
            const Action a = dialogue::guide_action(step, e.log().facts, s.site);
            const std::string verb(verb_name(a.verb));
            bool done = false;
            if (a.verb == Verb::Say || a.verb == Verb::Choose) {
                done = v->replies.size() > says++;
            } else if (a.verb == Verb::Answer || a.verb == Verb::Hold || a.verb == Verb::HangUp ||
                       a.verb == Verb::Focus || a.verb == Verb::Wait || a.verb == Verb::End) {
                done = a.verb != Verb::End && a.verb != Verb::Answer;
                if (a.verb == Verb::Answer)
                    done = std::none_of(threads.begin(), threads.end(), [&](const auto& x) {
                        return waiting(x) && (x.id == a.arg || x.actor == a.arg ||
                                              thread_kind_name(x.kind) == a.arg);
                    });
            } else {
                const std::string spec = a.arg.empty() ? verb : verb + ":" + a.arg;
                done = std::find(v->did.begin(), v->did.end(), spec) != v->did.end();
            }
            if (!done) return tool_callout(t, s, step, a);
        }
    }
    const std::string next = next_waiting(threads);
    for (const auto& x : threads) {
        if (x.id != next) continue;
        GuideStep pick;
        pick.action.verb = Verb::Answer;
        pick.action.arg = x.kind == ThreadRecord::Kind::Phone ? "phone" : "desk";
        return tool_callout(t, s, pick, pick.action);
    }
    const bool talking = std::any_of(threads.begin(), threads.end(),
                                     [](const auto& x) { return live(x) && !x.actor.empty(); });
    if (talking || n) return std::nullopt;
    // Someone still to come (an event that opens a conversation has not happened yet).
    const auto opens = std::count_if(s.events.begin(), s.events.end(),
                                     [](const Event& ev) { return ev.kind != Event::Kind::Notice; });
    if (!e.finished() && static_cast<std::size_t>(opens) > threads.size()) return std::nullopt;
    // Everyone done: the top bar's button (查看讲评 once every conversation is over).
    return Callout{"desk.end", "",
                   t.fmt("hint.press",
                         {{"button", t.tr(e.finished() ? "desk.debrief" : "desk.end")}})};
}

std::string next_waiting(const std::vector<ThreadView>& threads, const std::string& ended) {
    using S = ThreadView::State;
    for (S want : {S::Ringing, S::Held, S::Waiting})
        for (const auto& t : threads)
            if (t.id != ended && t.state == want && can_hear(t)) return t.id;
    return {};
}

}  // namespace dd::app
