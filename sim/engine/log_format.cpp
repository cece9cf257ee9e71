// The attempt log as text and as deterministic JSON. Sections: [text] [json].
#include "log_format.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "sim/model/describe.h"

namespace dd {

namespace {

std::string_view kind_name(LogEntry::Kind k) {
    switch (k) {
        case LogEntry::Kind::Inject:
            return "inject";
        case LogEntry::Kind::Ring:
            return "ring";
        case LogEntry::Kind::Answer:
            return "answer";
        case LogEntry::Kind::Hold:
            return "hold";
        case LogEntry::Kind::Resume:
            return "resume";
        case LogEntry::Kind::ActorLine:
            return "actor_line";
        case LogEntry::Kind::Action:
            return "action";
        case LogEntry::Kind::Rejected:
            return "rejected";
        case LogEntry::Kind::Branch:
            return "branch";
        case LogEntry::Kind::Mood:
            return "mood";
        case LogEntry::Kind::ThreadEnd:
            return "thread_end";
        case LogEntry::Kind::Notice:
            return "notice";
        case LogEntry::Kind::AttemptEnd:
            return "attempt_end";
    }
    return "?";
}

std::string_view ended_by_name(ThreadRecord::EndedBy e) {
    switch (e) {
        case ThreadRecord::EndedBy::None:
            return "none";
        case ThreadRecord::EndedBy::Actor:
            return "actor";
        case ThreadRecord::EndedBy::Trainee:
            return "trainee";
        case ThreadRecord::EndedBy::Timeout:
            return "timeout";
    }
    return "?";
}

// Speech acts or forbidden families in words, joined.
std::string act_words(const i18n::Strings& s, const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty()) out += s.tr("join.and");
        out += s.name(act_prefix(n), n);
    }
    return out;
}

std::string signed_number(int v) {
    return (v > 0 ? "+" : "") + std::to_string(v);
}

}  // namespace

std::string played_name(const AttemptLog& log, const std::string& actor) {
    if (auto a = log.facts.find(actor); a != log.facts.end())
        if (auto n = a->second.find("name"); n != a->second.end() && !n->second.empty())
            return n->second;
    return actor;
}

// [text] ------------------------------------------------------------------------------------

std::string log_to_text(const AttemptLog& log, const i18n::Strings& s) {
    // An author's view: ids (threads, nodes, `to:` hints in refusals) beside the words.
    const auto words = [&](const i18n::Message& m) { return s.render(m, i18n::Detail::Ids); };
    std::string out;
    out += s.fmt("logtext.header", {{"scenario", log.scenario},
                                    {"version", std::to_string(log.scenario_version)},
                                    {"seed", std::to_string(log.seed)}}) +
           "\n";
    for (const auto& [actor, facts] : log.facts) {
        std::string list;
        for (const auto& [k, v] : facts)
            list += (list.empty() ? "" : std::string(s.tr("join.fields"))) + k + "=" + v;
        out += "  " + s.fmt("logtext.actor", {{"actor", actor}, {"facts", list}}) + "\n";
    }
    out += std::string("\n") + s.tr("logtext.timeline") + "\n";
    for (const auto& e : log.entries) {
        // answer/hold/hang_up are shown by the Answer/Hold/ThreadEnd line that follows them.
        if (e.kind == LogEntry::Kind::Action && e.action &&
            (e.action->verb == Verb::Answer || e.action->verb == Verb::Hold ||
             e.action->verb == Verb::HangUp))
            continue;
        std::string line = "  " + format_clock(e.t) + "  ";
        if (!e.thread.empty()) line += "[" + e.thread + "] ";
        const std::string action = e.action ? words(describe_action(*e.action)) : "?";
        switch (e.kind) {
            case LogEntry::Kind::Inject:
                line +=
                    s.fmt("logtext.inject", {{"text", e.text.empty() ? words(e.message) : e.text}});
                break;
            case LogEntry::Kind::Ring:
                line += s.fmt("logtext.ring", {{"n", std::to_string(e.value)}});
                break;
            case LogEntry::Kind::Answer:
                line += words(e.message);
                if (e.value > 0) line += s.fmt("logtext.rings", {{"n", std::to_string(e.value)}});
                break;
            case LogEntry::Kind::Hold:
            case LogEntry::Kind::Resume:
            case LogEntry::Kind::Notice:
            case LogEntry::Kind::AttemptEnd:
                line += words(e.message);
                break;
            case LogEntry::Kind::ActorLine:
                line +=
                    s.fmt("logtext.actor_line",
                          {{"who", played_name(log, e.actor)}, {"node", e.node}, {"text", e.text}});
                break;
            case LogEntry::Kind::Action:
                line += s.fmt(
                    e.action && (e.action->verb == Verb::Say || e.action->verb == Verb::Choose)
                        ? "logtext.reply"
                        : "logtext.action",
                    {{"action", action}});
                if (!e.acts.empty())
                    line += s.fmt("logtext.acts", {{"acts", act_words(s, e.acts)}});
                if (!e.forbidden.empty())
                    line += s.fmt("logtext.forbidden", {{"acts", act_words(s, e.forbidden)}});
                break;
            case LogEntry::Kind::Rejected:
                line += s.fmt("logtext.rejected", {{"action", action}, {"why", words(e.message)}});
                break;
            case LogEntry::Kind::Branch:
                line += s.fmt(e.cause == "waited" ? "logtext.branch_waited" : "logtext.branch",
                              {{"from", e.node}, {"to", e.text}});
                break;
            case LogEntry::Kind::Mood:
                line += s.fmt("logtext.mood", {{"who", played_name(log, e.actor)},
                                               {"from", std::to_string(e.value - e.delta)},
                                               {"to", std::to_string(e.value)},
                                               {"delta", signed_number(e.delta)},
                                               {"why", words(e.message)}});
                break;
            case LogEntry::Kind::ThreadEnd:
                line += s.fmt("logtext.thread_end", {{"why", words(e.message)}});
                break;
        }
        out += line + "\n";
    }
    out += std::string("\n") + s.tr("logtext.threads") + "\n";
    for (const auto& t : log.threads) {
        out += "  " + t.id + "  " + s.name("thread.", thread_kind_name(t.kind)) + "  " +
               s.fmt("logtext.opened", {{"t", format_clock(t.opened_at)}});
        if (t.answered_at)
            out += "  " + s.fmt("logtext.answered", {{"t", format_clock(*t.answered_at)}});
        if (t.kind == ThreadRecord::Kind::Phone)
            out += s.fmt("logtext.rings", {{"n", std::to_string(t.rings_before_answer)}});
        if (t.ended_at)
            out += "  " + s.fmt("logtext.ended", {{"t", format_clock(*t.ended_at)}}) +
                   s.name("ended_first.", ended_by_name(t.ended_by));
        else
            out += "  " + std::string(s.tr("logtext.not_ended"));
        out += "  " +
               s.fmt("logtext.thread_mood",
                     {{"from", std::to_string(t.mood_start)}, {"to", std::to_string(t.mood_end)}}) +
               "\n";
    }
    out += std::string("\n") + s.tr("logtext.visits") + "\n";
    for (const auto& v : log.visits) {
        out += "  " + format_clock(v.spoken_at) + "  [" + v.thread + "] " + v.node + "  ";
        if (v.first_reply_at)
            out += s.fmt("logtext.first_reply",
                         {{"t", format_clock(*v.first_reply_at)},
                          {"wait", s.duration(*v.first_reply_at - v.spoken_at)}});
        else
            out += s.tr("logtext.no_reply");
        if (!v.acts.empty())
            out += "  " + s.fmt("logtext.visit_acts", {{"acts", act_words(s, v.acts)}});
        if (!v.forbidden.empty())
            out += "  " + s.fmt("logtext.visit_forbidden", {{"acts", act_words(s, v.forbidden)}});
        if (!v.did.empty()) {
            std::string did;
            for (std::size_t i = 0; i < v.did.size(); ++i) did += (i ? "," : "") + v.did[i];
            out += "  " + s.fmt("logtext.visit_did", {{"did", did}});
        }
        out += "  → " + (v.next.empty() ? std::string(s.tr("logtext.visit_end")) : v.next) + "\n";
    }
    out += "\n" +
           s.fmt("logtext.footer",
                 {{"t", format_clock(log.ended_at)}, {"n", std::to_string(log.rejected)}}) +
           "\n";
    return out;
}

// [json] ------------------------------------------------------------------------------------

namespace {

using Json = nlohmann::ordered_json;

// {"code": key, "args": {name: value}}: the code and arguments, as the engine logged them.
Json message_json(std::string_view key, const i18n::Node* first, const i18n::Node* last) {
    Json args = Json::object();
    i18n::for_each_arg(
        first, last, [&](const i18n::Node& a, const i18n::Node* f, const i18n::Node* l) {
            using K = i18n::Node::Kind;
            Json v;
            switch (a.kind) {
                case K::Text:
                    v = a.text;
                    break;
                case K::Number:
                    v = a.number;
                    break;
                case K::Label:
                    v = Json{{"label", std::string(a.key)}, {"value", a.text}};
                    break;
                case K::Duration:
                    v = Json{{"ms", a.number}};
                    break;
                case K::Nested:
                case K::Item:
                    v = message_json(a.key, f, l);
                    break;
                case K::List: {
                    Json items = Json::array();
                    i18n::for_each_arg(
                        f, l,
                        [&](const i18n::Node& item, const i18n::Node* f2, const i18n::Node* l2) {
                            items.push_back(message_json(item.key, f2, l2));
                        });
                    v = Json{{"join", std::string(a.key)}, {"items", items}};
                    break;
                }
            }
            args[std::string(a.name)] = v;
        });
    Json j;
    j["code"] = std::string(key);
    j["args"] = args;
    return j;
}

Json message_json(const i18n::Message& m) {
    return message_json(m.key, m.nodes.data(), m.nodes.data() + m.nodes.size());
}

Json opt_time(const std::optional<Millis>& t) {
    return t ? Json(*t) : Json(nullptr);
}

Json action_json(const Action& a) {
    Json j;
    j["at"] = a.at;
    j["verb"] = std::string(verb_name(a.verb));
    if (!a.arg.empty()) j["arg"] = a.arg;
    if (!a.text.empty()) j["text"] = a.text;
    if (a.verb == Verb::Choose) j["choice"] = a.choice;
    if (a.verb == Verb::Wait) j["duration"] = a.duration;
    if (!a.fields.empty()) {
        Json f = Json::object();
        for (const auto& [k, v] : a.fields) f[k] = v;
        j["fields"] = f;
    }
    if (!a.to.empty()) j["to"] = a.to;
    return j;
}

}  // namespace

std::string log_to_json(const AttemptLog& log) {
    Json j;
    j["scenario"] = log.scenario;
    j["scenario_version"] = log.scenario_version;
    j["seed"] = log.seed;
    j["ended_at"] = log.ended_at;
    j["rejected"] = log.rejected;
    Json facts = Json::object();
    for (const auto& [actor, f] : log.facts) {
        Json jf = Json::object();
        for (const auto& [k, v] : f) jf[k] = v;
        facts[actor] = jf;
    }
    j["facts"] = facts;
    Json threads = Json::array();
    for (const auto& t : log.threads) {
        Json jt;
        jt["id"] = t.id;
        jt["kind"] = std::string(thread_kind_name(t.kind));
        jt["actor"] = t.actor;
        jt["opened_at"] = t.opened_at;
        jt["answered_at"] = opt_time(t.answered_at);
        jt["rings_before_answer"] = t.rings_before_answer;
        jt["ended_at"] = opt_time(t.ended_at);
        jt["ended_by"] = std::string(ended_by_name(t.ended_by));
        jt["mood_start"] = t.mood_start;
        jt["mood_end"] = t.mood_end;
        threads.push_back(jt);
    }
    j["threads"] = threads;
    Json visits = Json::array();
    for (const auto& v : log.visits) {
        Json jv;
        jv["node"] = v.node;
        jv["thread"] = v.thread;
        jv["actor"] = v.actor;
        jv["spoken_at"] = v.spoken_at;
        jv["line"] = v.line;
        jv["first_reply_at"] = opt_time(v.first_reply_at);
        jv["replies"] = v.replies;
        jv["acts"] = v.acts;
        jv["weak_acts"] = v.weak_acts;
        jv["forbidden"] = v.forbidden;
        jv["did"] = v.did;
        jv["left_at"] = opt_time(v.left_at);
        jv["next"] = v.next;
        visits.push_back(jv);
    }
    j["visits"] = visits;
    Json entries = Json::array();
    for (const auto& e : log.entries) {
        Json je;
        je["t"] = e.t;
        je["kind"] = std::string(kind_name(e.kind));
        if (!e.thread.empty()) je["thread"] = e.thread;
        if (!e.actor.empty()) je["actor"] = e.actor;
        if (!e.node.empty()) je["node"] = e.node;
        if (!e.text.empty()) je["text"] = e.text;
        if (!e.message.empty()) je["message"] = message_json(e.message);
        if (e.kind == LogEntry::Kind::Ring || e.kind == LogEntry::Kind::Mood ||
            e.kind == LogEntry::Kind::Answer)
            je["value"] = e.value;
        if (e.kind == LogEntry::Kind::Mood) je["delta"] = e.delta;
        if (!e.cause.empty()) je["cause"] = e.cause;
        if (e.action_index >= 0) je["action_index"] = e.action_index;
        if (e.action) je["action"] = action_json(*e.action);
        if (!e.acts.empty()) je["acts"] = e.acts;
        if (!e.weak_acts.empty()) je["weak_acts"] = e.weak_acts;
        if (!e.forbidden.empty()) je["forbidden"] = e.forbidden;
        if (!e.sarcastic_acts.empty()) je["sarcastic_acts"] = e.sarcastic_acts;
        if (!e.review.empty()) je["review"] = e.review;
        entries.push_back(je);
    }
    j["entries"] = entries;
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace dd
