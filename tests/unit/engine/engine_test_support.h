// Test helpers for the engine: a keyword ActDetector (so engine tests do not depend on the
// lexicon), small scenario builders, and the example scenario built in code.
#pragma once
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "common/i18n/strings.h"
#include "scoring/text/act_detector.h"
#include "sim/engine/engine.h"
#include "sim/model/enums.h"

namespace dd::test {

// A message of the engine in words: as the window shows it (zh, en) and as `play --log` does.
inline std::string zh(const i18n::Message& m) {
    return i18n::builtin("zh").render(m);
}
inline std::string en(const i18n::Message& m) {
    return i18n::builtin("en").render(m);
}
inline std::string zh_ids(const i18n::Message& m) {
    return i18n::builtin("zh").render(m, i18n::Detail::Ids);
}

// Detects an act when its keyword occurs in the text; acts in the order of enums::kActs.
class KeywordDetector : public ActDetector {
  public:
    KeywordDetector() {
        words_ = {{"您好", "greeting"},
                  {"你好", "greeting"},
                  {"物业", "self-identify"},
                  {"有什么可以帮", "offer-help"},
                  {"请", "please"},
                  {"谢谢", "thanks"},
                  {"感谢", "thanks"},
                  {"抱歉", "apology"},
                  {"对不起", "apology"},
                  {"理解", "empathy"},
                  {"稍等", "ask-wait"},
                  {"久等", "thank-for-waiting"},
                  {"贵姓", "ask-name"},
                  {"几号房", "ask-room"},
                  {"电话多少", "ask-contact"},
                  {"确认一下", "repeat-back"},
                  {"分钟内", "time-commitment"},
                  {"放心", "reassurance"},
                  {"马上处理", "reassurance"},
                  {"再见", "farewell"},
                  {"不知道", "refuse-knowledge"},
                  {"不归我们管", "deflect"},
                  {"你自己", "argue"},
                  {"滚", "rude"}};
    }
    DetectedActs detect(std::string_view text) const override {
        DetectedActs d;
        d.normalized = std::string(text);
        for (const auto& [word, act] : words_) {
            if (text.find(word) == std::string_view::npos) continue;
            const bool forbidden = enums::contains(enums::kForbidden, act);
            auto& list = forbidden ? d.forbidden : d.acts;
            if (std::find(list.begin(), list.end(), act) == list.end()) list.push_back(act);
            if (word == "你好" && text.find("您好") == std::string_view::npos)
                d.weak_acts.push_back(act);
        }
        auto order = [](const auto& names) {
            return [&names](const std::string& a, const std::string& b) {
                auto pos = [&](const std::string& s) {
                    return std::find(names.begin(), names.end(), s) - names.begin();
                };
                return pos(a) < pos(b);
            };
        };
        std::sort(d.acts.begin(), d.acts.end(), order(enums::kActs));
        // Impatience around a formula (行了行了,对不起): its acts are only words.
        if (text.find("行了行了") != std::string_view::npos) d.sarcastic_acts = d.acts;
        std::sort(d.forbidden.begin(), d.forbidden.end(), order(enums::kForbidden));
        return d;
    }

  private:
    std::vector<std::pair<std::string, std::string>> words_;
};

inline Actor actor(std::string id, std::string name, Millis patience = 30'000,
                   std::string temper = "normal", int mood = 50) {
    Actor a;
    a.id = std::move(id);
    a.name = std::move(name);
    a.role = "owner";
    a.persona.patience = patience;
    a.persona.temper = std::move(temper);
    a.mood = mood;
    return a;
}

inline Event phone_call(Millis at, std::string from, std::string start, Millis ring_every = 4'000) {
    Event e;
    e.at = at;
    e.kind = Event::Kind::PhoneCall;
    e.actor = std::move(from);
    e.start = std::move(start);
    e.ring_every = ring_every;
    return e;
}

inline Event walk_in(Millis at, std::string who, std::string start) {
    Event e;
    e.at = at;
    e.kind = Event::Kind::WalkIn;
    e.actor = std::move(who);
    e.start = std::move(start);
    return e;
}

inline Event alarm(Millis at, std::string kind, std::string text) {
    Event e;
    e.at = at;
    e.kind = Event::Kind::Alarm;
    e.alarm = std::move(kind);
    e.text = std::move(text);
    return e;
}

inline Next go(std::string target) {
    Next n;
    n.go = std::move(target);
    return n;
}

inline Next go_if(Condition c, std::string target) {
    Next n;
    n.cond = std::move(c);
    n.go = std::move(target);
    return n;
}

inline Node node(std::string id, std::string actor_id, std::string says,
                 std::vector<Next> next = {}, bool end = false) {
    Node n;
    n.id = std::move(id);
    n.actor = std::move(actor_id);
    n.says = {std::move(says)};
    n.next = std::move(next);
    n.end = end;
    return n;
}

// Action builders.
inline Action act(Millis at, Verb v, std::string arg = "", std::string to = "") {
    Action a;
    a.at = at;
    a.verb = v;
    a.arg = std::move(arg);
    a.to = std::move(to);
    return a;
}
inline Action say(Millis at, std::string text, std::string to = "") {
    Action a = act(at, Verb::Say, "", std::move(to));
    a.text = std::move(text);
    return a;
}
inline Action choose(Millis at, int index, std::string to = "") {
    Action a = act(at, Verb::Choose, "", std::move(to));
    a.choice = index;
    return a;
}
inline Action wait_for(Millis at, Millis duration) {
    Action a = act(at, Verb::Wait);
    a.duration = duration;
    return a;
}
inline Action with_fields(Action a, std::vector<std::pair<std::string, std::string>> fields) {
    a.fields = std::move(fields);
    return a;
}

// complaint.night-renovation-noise, as in scenarios/complaint/night-renovation-noise.yaml.
inline Scenario example_scenario() {
    Scenario s;
    s.id = "complaint.night-renovation-noise";
    s.version = 1;
    s.title = "深夜装修噪音投诉(来电)";
    s.category = "complaint";
    s.site.name = "阳光花园";
    s.site.company = "安居物业";
    Actor owner = actor("owner", "王女士", 30'000, "hot", 70);
    owner.room = "3-1202";
    owner.phone = "13800001111";
    owner.private_facts = {"phone"};
    s.actors = {owner};
    s.events = {phone_call(0, "owner", "open")};
    Condition angry;
    angry.mood_above = 85;
    Condition bad;
    bad.said = {{"refuse-knowledge", "deflect", "argue", "rude"}};
    s.nodes = {
        node("open", "owner", "喂?是物业吗?楼上又在半夜装修,电钻响个不停,吵得我根本睡不着!",
             {go_if(angry, "demand-manager"), go("details")}),
        node("details", "owner", "我是3栋1202的王女士,都快十二点了还在装修,你们到底管不管?",
             {go_if(bad, "demand-manager"), go("contact")}),
        node("contact", "owner", "我电话13800001111,你们赶紧派人上去看看。", {go("close")}),
        node("close", "owner", "行,那我等你们消息。", {}, true),
        node("demand-manager", "owner", "你这什么态度!叫你们经理来接电话!", {go("contact")}),
    };
    s.nodes[2].expect.did = {{"record"}, {"classify"}, {"dispatch"}};
    return s;
}

inline Transcript example_gold() {
    Transcript t;
    t.scenario = "complaint.night-renovation-noise";
    t.seed = 1;
    t.actions = {
        act(5'000, Verb::Answer, "phone"),
        say(7'000, "您好,安居物业客服中心,请问有什么可以帮您?"),
        say(20'000, "非常抱歉打扰您休息了,我理解您的心情,我们马上处理。"),
        with_fields(act(45'000, Verb::Record), {{"name", "王女士"},
                                                {"room", "3-1202"},
                                                {"phone", "13800001111"},
                                                {"issue", "楼上夜间装修噪音"}}),
        with_fields(act(50'000, Verb::Classify), {{"type", "complaint"}, {"level", "urgent"}}),
        act(55'000, Verb::Dispatch, "security"),
        say(70'000,
            "王女士,跟您确认一下:3栋1202,楼上夜间装修噪音,电话13800001111。"
            "安保人员10分钟内上楼制止,30分钟内给您回电。"),
        say(90'000, "感谢您的来电,请您放心,再见。"),
        wait_for(91'000, 10'000),
    };
    return t;
}

inline Transcript example_poor() {
    Transcript t;
    t.scenario = "complaint.night-renovation-noise";
    t.seed = 1;
    t.actions = {
        act(25'000, Verb::Answer, "phone"),
        say(30'000, "喂,什么事?"),
        say(50'000, "装修的事不归我们管,你自己上楼跟他说。"),
        say(80'000, "那你说吧,哪一户?"),
        with_fields(act(100'000, Verb::Classify), {{"type", "complaint"}, {"level", "general"}}),
        say(110'000, "行,我跟他们说一声。"),
        act(112'000, Verb::HangUp, "phone"),
    };
    return t;
}

// Visit path of a log: node ids in order of entry.
inline std::vector<std::string> path_of(const AttemptLog& log, const std::string& thread = "") {
    std::vector<std::string> out;
    for (const auto& v : log.visits)
        if (thread.empty() || v.thread == thread) out.push_back(v.node);
    return out;
}

inline std::vector<const LogEntry*> entries_of(const AttemptLog& log, LogEntry::Kind kind) {
    std::vector<const LogEntry*> out;
    for (const auto& e : log.entries)
        if (e.kind == kind) out.push_back(&e);
    return out;
}

}  // namespace dd::test
