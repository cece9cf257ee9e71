// Emergencies, hearing and the next waiting thread: the desk's decisions that are not drawing.
#include "desk_guide.h"

#include <algorithm>

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

std::string next_waiting(const std::vector<ThreadView>& threads, const std::string& ended) {
    using S = ThreadView::State;
    for (S want : {S::Ringing, S::Held, S::Waiting})
        for (const auto& t : threads)
            if (t.id != ended && t.state == want && can_hear(t)) return t.id;
    return {};
}

}  // namespace dd::app
