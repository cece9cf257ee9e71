// The example scenario and the attempt logs of its gold and poor transcripts, built by hand the
// way the engine records them (rings every 4 s, the actor's line right after each reply).
#include "log_builder.h"

namespace dd::test {

namespace {

Node node(const std::string& id, const std::string& says, std::optional<Millis> within,
          std::vector<AnyOf> acts, std::vector<AnyOf> did = {}, bool end = false) {
    Node n;
    n.id = id;
    n.actor = "owner";
    n.says = {says};
    n.expect.within = within;
    n.expect.acts = std::move(acts);
    n.expect.did = std::move(did);
    n.end = end;
    return n;
}

}  // namespace

Scenario example_scenario() {
    Scenario s;
    s.id = "complaint.night-renovation-noise";
    s.version = 1;
    s.title = "深夜装修噪音投诉(来电)";
    s.category = "complaint";
    s.site.name = "阳光花园";
    s.site.company = "安居物业";
    Actor owner = make_actor("owner", "王女士", "owner", "3-1202", "13800001111", {"phone"});
    owner.persona.temper = "hot";
    owner.mood = 70;
    s.actors.push_back(owner);
    Event call;
    call.kind = Event::Kind::PhoneCall;
    call.actor = "owner";
    call.start = "open";
    s.events.push_back(call);
    s.nodes.push_back(node("open", "喂?是物业吗?楼上又在半夜装修,电钻响个不停,吵得我根本睡不着!",
                           30'000, {{"greeting"}, {"self-identify"}}));
    s.nodes.push_back(node("details", "我是3栋1202的王女士,都快十二点了还在装修,你们到底管不管?",
                           60'000, {{"empathy", "apology"}}));
    s.nodes.push_back(node("contact", "我电话13800001111,你们赶紧派人上去看看。", 180'000,
                           {{"repeat-back"}, {"time-commitment"}},
                           {{"record"}, {"classify"}, {"dispatch"}}));
    s.nodes.push_back(node("close", "行,那我等你们消息。", std::nullopt, {{"farewell"}}, {}, true));
    s.nodes.push_back(node("demand-manager", "你这什么态度!叫你们经理来接电话!", 30'000,
                           {{"apology"}}, {{"escalate"}}));
    s.outcome.request_type = "complaint";
    s.outcome.level = "urgent";
    s.outcome.dispatch = {"security"};
    s.outcome.record = {{"name", "王女士"}, {"room", "3-1202"}, {"phone", "13800001111"}};
    for (const char* id :
         {"phone.answer-within-3-rings", "courtesy.greeting", "courtesy.self-identify",
          "complaint.empathy-or-apology", "record.complete", "record.repeat-back", "classify.level",
          "dispatch.correct", "expectation.time-commitment", "closure.farewell",
          "closure.caller-hangs-up-first", "language.no-forbidden"}) {
        CriterionRef r;
        r.id = id;
        s.criteria.push_back(r);
    }
    s.debrief = "夜间装修噪音影响休息,属紧急类投诉(seed 000 §3 投诉处理流程)。";
    return s;
}

AttemptLog example_gold_log() {
    LogBuilder b("complaint.night-renovation-noise");
    b.log.scenario_version = 1;
    b.log.seed = 1;
    b.log.facts["owner"] = {{"name", "王女士"}, {"room", "3-1202"}, {"phone", "13800001111"}};
    b.entry(0, LogEntry::Kind::Ring, "owner");
    b.entry(4'000, LogEntry::Kind::Ring, "owner");
    b.act(5'000, Verb::Answer, "phone", "owner");
    b.line(5'000, "owner", "open", "喂?是物业吗?…");
    const int r1 = b.say(7'000, "owner", "您好,安居物业客服中心,请问有什么可以帮您?",
                         {"greeting", "self-identify", "offer-help", "please"});
    b.visit("open", "owner", 5'000, {r1}, {}, 7'000).next = "details";
    b.line(7'000, "owner", "details", "我是3栋1202的王女士…");
    const int r2 = b.say(20'000, "owner", "非常抱歉打扰您休息了,我理解您的心情,我们马上处理。",
                         {"apology", "empathy", "time-commitment"});
    b.visit("details", "owner", 7'000, {r2}, {}, 20'000).next = "contact";
    b.line(20'000, "owner", "contact", "我电话13800001111,你们赶紧派人上去看看。");
    b.act(45'000, Verb::Record, "", "owner",
          {{"name", "王女士"},
           {"room", "3-1202"},
           {"phone", "13800001111"},
           {"issue", "楼上夜间装修噪音"}});
    b.act(50'000, Verb::Classify, "", "owner", {{"type", "complaint"}, {"level", "urgent"}});
    b.act(55'000, Verb::Dispatch, "security", "owner");
    const int r3 = b.say(70'000, "owner",
                         "王女士,跟您确认一下:3栋1202,楼上夜间装修噪音,电话13800001111。"
                         "安保人员10分钟内上楼制止,30分钟内给您回电。",
                         {"repeat-back", "time-commitment"});
    b.visit("contact", "owner", 20'000, {r3},
            {"record", "classify", "dispatch", "dispatch:security"}, 70'000)
        .next = "close";
    b.line(70'000, "owner", "close", "行,那我等你们消息。");
    const int r4 = b.say(90'000, "owner", "感谢您的来电,请您放心,再见。",
                         {"thanks", "reassurance", "farewell"});
    b.visit("close", "owner", 70'000, {r4}, {}, 93'000);
    ThreadRecord& t = b.thread("owner", ThreadRecord::Kind::Phone, 0, 5'000, 2);
    t.ended_at = 93'000;
    t.ended_by = ThreadRecord::EndedBy::Actor;
    t.mood_start = 70;
    t.mood_end = 28;
    const int end = b.entry(93'000, LogEntry::Kind::ThreadEnd, "owner");
    b.log.entries[static_cast<std::size_t>(end)].cause = "actor";
    b.log.ended_at = 101'000;
    return b.log;
}

AttemptLog example_poor_log() {
    LogBuilder b("complaint.night-renovation-noise");
    b.log.scenario_version = 1;
    b.log.seed = 1;
    b.log.facts["owner"] = {{"name", "王女士"}, {"room", "3-1202"}, {"phone", "13800001111"}};
    for (int i = 0; i < 7; ++i) b.entry(i * 4'000, LogEntry::Kind::Ring, "owner");
    b.act(25'000, Verb::Answer, "phone", "owner");
    b.line(25'000, "owner", "open", "喂?是物业吗?…");
    const int r1 = b.say(30'000, "owner", "喂,什么事?");
    b.visit("open", "owner", 25'000, {r1}, {}, 30'000).next = "details";
    b.line(30'000, "owner", "details", "我是3栋1202的王女士…");
    const int r2 = b.say(50'000, "owner", "装修的事不归我们管,你自己上楼跟他说。", {}, {"deflect"});
    b.visit("details", "owner", 30'000, {r2}, {}, 50'000).next = "demand-manager";
    b.line(50'000, "owner", "demand-manager", "你这什么态度!叫你们经理来接电话!");
    const int r3 = b.say(80'000, "owner", "那你说吧,哪一户?", {"ask-room"});
    b.visit("demand-manager", "owner", 50'000, {r3}, {}, 80'000).next = "contact";
    b.line(80'000, "owner", "contact", "我电话13800001111,你们赶紧派人上去看看。");
    b.act(100'000, Verb::Classify, "", "owner", {{"type", "complaint"}, {"level", "general"}});
    const int r4 = b.say(110'000, "owner", "行,我跟他们说一声。");
    b.visit("contact", "owner", 80'000, {r4}, {"classify"}, 110'000).next = "close";
    b.line(110'000, "owner", "close", "行,那我等你们消息。");
    b.act(112'000, Verb::HangUp, "phone", "owner");
    b.visit("close", "owner", 110'000, {}, {}, 112'000);
    ThreadRecord& t = b.thread("owner", ThreadRecord::Kind::Phone, 0, 25'000, 7);
    t.ended_at = 112'000;
    t.ended_by = ThreadRecord::EndedBy::Trainee;
    t.mood_start = 70;
    t.mood_end = 100;
    b.log.ended_at = 112'000;
    return b.log;
}

}  // namespace dd::test
