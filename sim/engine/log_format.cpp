// The attempt log as Chinese text and as deterministic JSON. Sections: [labels] [text] [json].
#include "log_format.h"

#include <array>
#include <nlohmann/json.hpp>
#include <utility>

namespace dd {

// [labels] ----------------------------------------------------------------------------------

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kActLabels = {{
    {"greeting", "问候"},
    {"self-identify", "自报单位"},
    {"offer-help", "主动询问需求"},
    {"please", "请"},
    {"thanks", "致谢"},
    {"apology", "道歉"},
    {"empathy", "共情"},
    {"ask-wait", "请对方稍等"},
    {"thank-for-waiting", "感谢等候"},
    {"ask-name", "询问姓名"},
    {"ask-room", "询问房号"},
    {"ask-contact", "询问联系方式"},
    {"repeat-back", "复述确认"},
    {"time-commitment", "承诺时限"},
    {"reassurance", "安抚"},
    {"farewell", "道别"},
    {"refuse-knowledge", "推说不知道"},
    {"deflect", "推诿"},
    {"argue", "争辩"},
    {"rude", "粗鲁"},
}};

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

std::string join_labels(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty()) out += "、";
        out += act_label(n);
    }
    return out;
}

}  // namespace

std::string played_name(const AttemptLog& log, const std::string& actor) {
    if (auto a = log.facts.find(actor); a != log.facts.end())
        if (auto n = a->second.find("name"); n != a->second.end() && !n->second.empty())
            return n->second;
    return actor;
}

std::string_view act_label(std::string_view name) {
    for (const auto& [k, v] : kActLabels)
        if (k == name) return v;
    return name;
}

std::string_view verb_label(Verb v) {
    switch (v) {
        case Verb::Answer:
            return "接听/接待";
        case Verb::Hold:
            return "保留通话";
        case Verb::Say:
            return "说";
        case Verb::Choose:
            return "选择回复";
        case Verb::Record:
            return "登记";
        case Verb::Classify:
            return "分类";
        case Verb::Dispatch:
            return "派单";
        case Verb::Escalate:
            return "上报";
        case Verb::Call:
            return "拨打";
        case Verb::Notify:
            return "通知";
        case Verb::RegisterVisitor:
            return "访客登记";
        case Verb::Broadcast:
            return "广播";
        case Verb::HandOver:
            return "递交";
        case Verb::HangUp:
            return "挂断";
        case Verb::Wait:
            return "等待";
        case Verb::End:
            return "结束练习";
        case Verb::Focus:
            return "切换对象";
    }
    return "?";
}

std::string describe_action(const Action& a) {
    std::string out(verb_label(a.verb));
    if (a.verb == Verb::Say || a.verb == Verb::Choose) {
        if (a.verb == Verb::Choose) out += "#" + std::to_string(a.choice);
        out += ":" + a.text;
        return out;
    }
    if (a.verb == Verb::Wait) return out + " " + format_duration(a.duration);
    if (!a.arg.empty()) out += " " + a.arg;
    for (const auto& [k, v] : a.fields) out += " " + k + "=" + v;
    return out;
}

// [text] ------------------------------------------------------------------------------------

std::string log_to_text(const AttemptLog& log) {
    std::string out;
    out += "场景 " + log.scenario + "(版本 " + std::to_string(log.scenario_version) + ")· 种子 " +
           std::to_string(log.seed) + "\n";
    for (const auto& [actor, facts] : log.facts) {
        out += "  角色 " + actor + ":";
        bool first = true;
        for (const auto& [k, v] : facts) {
            out += (first ? "" : ",") + k + "=" + v;
            first = false;
        }
        out += "\n";
    }
    out += "\n时间线\n";
    for (const auto& e : log.entries) {
        // answer/hold/hang_up are shown by the Answer/Hold/ThreadEnd line that follows them.
        if (e.kind == LogEntry::Kind::Action && e.action &&
            (e.action->verb == Verb::Answer || e.action->verb == Verb::Hold ||
             e.action->verb == Verb::HangUp))
            continue;
        std::string line = "  " + format_clock(e.t) + "  ";
        if (!e.thread.empty()) line += "[" + e.thread + "] ";
        switch (e.kind) {
            case LogEntry::Kind::Inject:
                line += "事件:" + e.text;
                break;
            case LogEntry::Kind::Ring:
                line += "电话铃响第 " + std::to_string(e.value) + " 声";
                break;
            case LogEntry::Kind::Answer:
                line += e.text;
                if (e.value > 0) line += "(响铃 " + std::to_string(e.value) + " 声)";
                break;
            case LogEntry::Kind::Hold:
            case LogEntry::Kind::Resume:
            case LogEntry::Kind::Notice:
                line += e.text;
                break;
            case LogEntry::Kind::ActorLine:
                line += played_name(log, e.actor) + "(" + e.node + "):" + e.text;
                break;
            case LogEntry::Kind::Action:
                line += "学员 " + (e.action ? describe_action(*e.action) : std::string("?"));
                if (!e.acts.empty()) line += "  〔" + join_labels(e.acts) + "〕";
                if (!e.forbidden.empty()) line += "  〔禁语:" + join_labels(e.forbidden) + "〕";
                break;
            case LogEntry::Kind::Rejected:
                line += "拒绝 " + (e.action ? describe_action(*e.action) : std::string("?")) +
                        " —— " + e.text;
                break;
            case LogEntry::Kind::Branch:
                line +=
                    "分支 " + e.node + " → " + e.text + (e.cause == "waited" ? "(等待超时)" : "");
                break;
            case LogEntry::Kind::Mood:
                line += played_name(log, e.actor) + " 情绪 " + std::to_string(e.value - e.delta) +
                        " → " + std::to_string(e.value) + "(" + (e.delta > 0 ? "+" : "") +
                        std::to_string(e.delta) + "," + e.text + ")";
                break;
            case LogEntry::Kind::ThreadEnd:
                line += "结束:" + e.text;
                break;
            case LogEntry::Kind::AttemptEnd:
                line += "练习结束(" + e.cause + ")";
                break;
        }
        out += line + "\n";
    }
    out += "\n对话线程\n";
    for (const auto& t : log.threads) {
        out += "  " + t.id + "  ";
        out += t.kind == ThreadRecord::Kind::Phone  ? "电话"
               : t.kind == ThreadRecord::Kind::Desk ? "柜台"
                                                    : "警报";
        out += "  打开 " + format_clock(t.opened_at);
        if (t.answered_at) out += "  接听 " + format_clock(*t.answered_at);
        if (t.kind == ThreadRecord::Kind::Phone)
            out += "(响铃 " + std::to_string(t.rings_before_answer) + " 声)";
        if (t.ended_at) {
            out += "  结束 " + format_clock(*t.ended_at);
            out += t.ended_by == ThreadRecord::EndedBy::Actor     ? "(对方先结束)"
                   : t.ended_by == ThreadRecord::EndedBy::Trainee ? "(学员先结束)"
                                                                  : "(超时)";
        } else {
            out += "  未结束";
        }
        out += "  情绪 " + std::to_string(t.mood_start) + " → " + std::to_string(t.mood_end) + "\n";
    }
    out += "\n节点访问\n";
    for (const auto& v : log.visits) {
        out += "  " + format_clock(v.spoken_at) + "  [" + v.thread + "] " + v.node;
        if (v.first_reply_at)
            out += "  首次回复 " + format_clock(*v.first_reply_at) + "(等待 " +
                   format_duration(*v.first_reply_at - v.spoken_at) + ")";
        else
            out += "  无回复";
        if (!v.acts.empty()) out += "  言语:" + join_labels(v.acts);
        if (!v.forbidden.empty()) out += "  禁语:" + join_labels(v.forbidden);
        if (!v.did.empty()) {
            out += "  操作:";
            for (std::size_t i = 0; i < v.did.size(); ++i) out += (i ? "," : "") + v.did[i];
        }
        out += "  → " + (v.next.empty() ? std::string("(结束)") : v.next) + "\n";
    }
    out += "\n结束于 " + format_clock(log.ended_at) + ",被拒绝的操作 " +
           std::to_string(log.rejected) + " 个\n";
    return out;
}

// [json] ------------------------------------------------------------------------------------

namespace {

using Json = nlohmann::ordered_json;

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
        entries.push_back(je);
    }
    j["entries"] = entries;
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace dd
