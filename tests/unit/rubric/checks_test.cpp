// Each check type on hand-built attempt logs: full, partial and no credit, with the evidence
// the report will show.
#include <gtest/gtest.h>

#include "log_builder.h"
#include "scoring/rubric/checks.h"

namespace dd {
namespace {

using rubric::AttemptView;
using rubric::CheckResult;
using rubric::Params;
using rubric::run_check;
using test::LogBuilder;
using test::make_actor;

CheckResult run(const std::string& type, const Scenario& s, const AttemptLog& log,
                CheckParams params, const ActDetector* det = nullptr) {
    const AttemptView v(s, log, det);
    return run_check(type, v, Params(std::move(params)));
}

Scenario owner_scenario() {
    Scenario s;
    s.id = "test.scenario";
    s.actors.push_back(make_actor("owner", "王女士", "owner", "3-1202", "13800001111", {"phone"}));
    return s;
}

// The note in words: as the report JSON has it (Chinese, ids beside), or as a reader sees it.
std::string note_zh(const Evidence& e) {
    return i18n::builtin("zh").render(e.note, i18n::Detail::Ids);
}
std::string note_en(const Evidence& e) {
    return i18n::builtin("en").render(e.note);
}

bool any_note(const CheckResult& r, const std::string& part) {
    for (const auto& e : r.evidence)
        if (note_zh(e).find(part) != std::string::npos) return true;
    return false;
}

// ---- acts ------------------------------------------------------------------------------------

TEST(ActsCheck, FirstReplyGreetingFullWeakAndMissing) {
    const Scenario s = owner_scenario();
    const CheckParams p = {{"acts", "greeting"}, {"window", "first-reply"}, {"weak_credit", "0.5"}};
    {
        LogBuilder b;
        b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
        b.say(2'000, "owner", "您好,安居物业", {"greeting", "self-identify"});
        b.say(3'000, "owner", "你好", {"greeting"}, {}, {"greeting"});
        EXPECT_DOUBLE_EQ(run("acts", s, b.log, p).credit, 1.0);
    }
    {
        LogBuilder b;
        b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
        b.say(2'000, "owner", "你好", {"greeting"}, {}, {"greeting"});
        const auto r = run("acts", s, b.log, p);
        EXPECT_DOUBLE_EQ(r.credit, 0.5);
        EXPECT_TRUE(any_note(r, "弱形式"));
    }
    {
        // The greeting only in a later reply does not count for the first reply (a message
        // within `split_reply_seconds` would be the rest of the first answer).
        LogBuilder b;
        b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
        b.say(2'000, "owner", "喂,什么事?");
        b.say(30'000, "owner", "您好", {"greeting"});
        const auto r = run("acts", s, b.log, p);
        EXPECT_DOUBLE_EQ(r.credit, 0.0);
        ASSERT_EQ(r.evidence.size(), 1u);
        EXPECT_EQ(r.evidence[0].text, "喂,什么事?");
        EXPECT_EQ(r.evidence[0].t, 2'000);
        EXPECT_EQ(note_zh(r.evidence[0]), "未找到:第一句回复中没有「问候」(greeting)");
        EXPECT_EQ(note_en(r.evidence[0]), "Not found: no “greeting” in the first reply");
    }
}

TEST(ActsCheck, FirstReplyIsJudgedPerThread) {
    Scenario s = owner_scenario();
    s.actors.push_back(make_actor("visitor", "李先生", "visitor", "", ""));
    LogBuilder b;
    b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
    b.thread("visitor", ThreadRecord::Kind::Desk, 0, 5'000);
    b.say(2'000, "owner", "您好", {"greeting"});
    b.say(6'000, "visitor", "等一下");
    const auto r = run("acts", s, b.log, {{"acts", "greeting"}, {"window", "first-reply"}});
    EXPECT_DOUBLE_EQ(r.credit, 0.5);
    // Restricted to visitors, only the visitor's thread counts.
    const auto rv = run("acts", s, b.log,
                        {{"acts", "greeting"}, {"window", "first-reply"}, {"roles", "visitor"}});
    EXPECT_DOUBLE_EQ(rv.credit, 0.0);
}

TEST(ActsCheck, UnansweredThreadIsMissingWithItsWindow) {
    const Scenario s = owner_scenario();
    LogBuilder b;
    ThreadRecord& t = b.thread("owner", ThreadRecord::Kind::Phone, 0, std::nullopt, 6);
    t.ended_at = 24'000;
    const auto r = run("acts", s, b.log, {{"acts", "greeting"}, {"window", "first-reply"}});
    EXPECT_DOUBLE_EQ(r.credit, 0.0);
    ASSERT_EQ(r.evidence.size(), 1u);
    EXPECT_EQ(r.evidence[0].what, "missing");
    EXPECT_EQ(r.evidence[0].text, "") << "nothing was said: no quote";
    EXPECT_EQ(evidence_text(r.evidence[0], i18n::builtin("zh")), "00:00.0–00:24.0");
    EXPECT_EQ(note_zh(r.evidence[0]), "未找到:第一句回复没有任何回复,缺少「问候」(greeting)");
}

TEST(ActsCheck, ClosingLooksAtTheLastNodeAndTheLastReply) {
    const Scenario s = owner_scenario();
    LogBuilder b;
    b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
    const int r1 = b.say(2'000, "owner", "您好,再见", {"greeting", "farewell"});
    b.visit("open", "owner", 1'000, {r1});
    const int r2 = b.say(50'000, "owner", "好的,我们会处理。");
    b.visit("close", "owner", 40'000, {r2});
    const CheckParams p = {{"acts", "farewell"}, {"window", "closing"}};
    EXPECT_DOUBLE_EQ(run("acts", s, b.log, p).credit, 0.0);
    const int r3 = b.say(52'000, "owner", "感谢您的来电,再见。", {"thanks", "farewell"});
    b.log.visits.back().replies.push_back(r3);
    EXPECT_DOUBLE_EQ(run("acts", s, b.log, p).credit, 1.0);
}

TEST(ActsCheck, AnywhereAndSameReplyGivePartialCredit) {
    const Scenario s = owner_scenario();
    LogBuilder b;
    b.thread("owner", ThreadRecord::Kind::Desk, 0, 0);
    b.say(1'000, "owner", "请坐", {"please"});
    b.say(9'000, "owner", "我们30分钟内给您答复", {"time-commitment"});
    const auto both = run("acts", s, b.log, {{"acts", "please,thanks"}});
    EXPECT_DOUBLE_EQ(both.credit, 0.5);
    EXPECT_TRUE(any_note(both, "2 句回复中都没有「谢谢」"));
    // time-commitment and reassurance in one reply: only one of two groups there.
    const auto same =
        run("acts", s, b.log,
            {{"acts", "time-commitment, reassurance|repeat-back"}, {"same_reply", "true"}});
    EXPECT_DOUBLE_EQ(same.credit, 0.5);
    EXPECT_TRUE(any_note(same, "缺少"));
}

TEST(ActsCheck, SameReplyCountsAnAnswerSplitOverMessages) {
    const Scenario s = owner_scenario();
    const CheckParams p = {{"acts", "time-commitment, reassurance|repeat-back"},
                           {"same_reply", "true"}};
    // The time in one message and the promise in the next, said in one go: one answer, though
    // the engine let the caller speak after the first (it broke off mid-sentence).
    LogBuilder b;
    b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
    b.say(20'000, "owner", "师傅30分钟内到,", {"time-commitment"});
    b.line(20'000, "owner", "next", "好吧。");
    b.say(26'000, "owner", "您放心,修好了给您回电。", {"reassurance"});
    const auto split = run("acts", s, b.log, p);
    EXPECT_DOUBLE_EQ(split.credit, 1.0);
    EXPECT_TRUE(any_note(split, "「明确时限」"));
    // A finished sentence the caller answered: the next message answers the caller.
    LogBuilder answered;
    answered.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
    answered.say(20'000, "owner", "师傅30分钟内到。", {"time-commitment"});
    answered.line(20'000, "owner", "next", "好吧。");
    answered.say(26'000, "owner", "您放心,修好了给您回电。", {"reassurance"});
    EXPECT_DOUBLE_EQ(run("acts", s, answered.log, p).credit, 0.5);
    // A minute apart they are two answers; a reply to someone else between splits them too.
    LogBuilder late;
    late.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
    late.say(20'000, "owner", "师傅30分钟内到。", {"time-commitment"});
    late.say(80'000, "owner", "您放心,修好了给您回电。", {"reassurance"});
    EXPECT_DOUBLE_EQ(run("acts", s, late.log, p).credit, 0.5);
    LogBuilder other;
    other.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
    other.say(20'000, "owner", "师傅30分钟内到。", {"time-commitment"});
    other.say(22'000, "courier", "放这儿就行。");
    other.say(26'000, "owner", "您放心,修好了给您回电。", {"reassurance"});
    EXPECT_DOUBLE_EQ(run("acts", s, other.log, p).credit, 0.5);
    // The catalogue can switch it off.
    ScoringSettings off = ScoringSettings::builtin();
    off.split_reply_seconds = 0;
    const AttemptView v(s, b.log, nullptr, off);
    EXPECT_DOUBLE_EQ(run_check("acts", v, Params(p)).credit, 0.5);
}

TEST(ActsCheck, FirstReplyIncludesTheRestOfASplitAnswer) {
    const Scenario s = owner_scenario();
    const CheckParams p = {{"acts", "greeting, self-identify"}, {"window", "first-reply"}};
    LogBuilder b;
    b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
    b.say(2'000, "owner", "您好!", {"greeting"});
    b.say(5'000, "owner", "这里是安居物业客服中心。", {"self-identify"});
    EXPECT_DOUBLE_EQ(run("acts", s, b.log, p).credit, 1.0);
}

TEST(ActsCheck, AVagueTimeEarnsPartialCreditForReview) {
    const Scenario s = owner_scenario();
    const CheckParams p = {{"acts", "time-commitment"}, {"weak_credit", "0.5"}};
    // As the detection records 我们尽快处理: weak only, and uncertain (lexicon meaning.vague).
    LogBuilder b;
    b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
    b.say(20'000, "owner", "我们尽快处理。", {"time-commitment"}, {}, {"time-commitment"});
    b.log.entries.back().review = {"time-commitment"};
    const auto vague = run("acts", s, b.log, p);
    EXPECT_DOUBLE_EQ(vague.credit, 0.5);
    ASSERT_EQ(vague.evidence.size(), 1u);
    EXPECT_TRUE(vague.evidence[0].review);
    // A concrete time later: full credit, and nothing to review.
    b.say(90'000, "owner", "半小时内给您回电。", {"time-commitment"});
    const auto concrete = run("acts", s, b.log, p);
    EXPECT_DOUBLE_EQ(concrete.credit, 1.0);
    ASSERT_EQ(concrete.evidence.size(), 1u);
    EXPECT_FALSE(concrete.evidence[0].review);
}

TEST(ActsCheck, AskWaitBeforeEachHold) {
    const Scenario s = owner_scenario();
    const CheckParams p = {{"acts", "ask-wait"}, {"window", "before-hold"}};
    LogBuilder b;
    b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
    b.line(1'000, "owner", "open", "我想问物业费");
    b.say(3'000, "owner", "请您稍等,我帮您查一下", {"please", "ask-wait"});
    b.act(4'000, Verb::Hold, "", "owner");
    b.line(20'000, "owner", "more", "还有停车费呢?");
    b.act(21'000, Verb::Hold, "", "owner");
    const auto r = run("acts", s, b.log, p);
    EXPECT_DOUBLE_EQ(r.credit, 0.5);
    EXPECT_TRUE(any_note(r, "00:21.0 保留前"));
}

TEST(ActsCheck, ThankForWaitingAfterResumeOrLongWait) {
    Scenario s = owner_scenario();
    s.actors.push_back(make_actor("visitor", "李先生", "visitor", "", ""));
    const CheckParams p = {{"acts", "thank-for-waiting"}, {"window", "after-hold"}};
    {
        LogBuilder b;
        b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
        b.say(2'000, "owner", "您好", {"greeting"});
        const auto r = run("acts", s, b.log, p);
        EXPECT_FALSE(r.applicable);
        EXPECT_DOUBLE_EQ(r.credit, 1.0);
    }
    {
        LogBuilder b;
        b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
        b.thread("visitor", ThreadRecord::Kind::Desk, 0, 90'000);
        b.entry(40'000, LogEntry::Kind::Resume, "owner");
        b.say(41'000, "owner", "让您久等了", {"thank-for-waiting"});
        b.say(91'000, "visitor", "您好", {"greeting"});
        const auto r = run("acts", s, b.log, p);
        EXPECT_DOUBLE_EQ(r.credit, 0.5);
        EXPECT_TRUE(any_note(r, "对方等了1分30秒才被接待"));
    }
}

TEST(ActsCheck, NodeWindowAndUnreachedNode) {
    const Scenario s = owner_scenario();
    LogBuilder b;
    b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
    const int r1 = b.say(2'000, "owner", "非常抱歉", {"apology"});
    b.visit("details", "owner", 1'000, {r1});
    EXPECT_DOUBLE_EQ(run("acts", s, b.log,
                         {{"acts", "empathy|apology"}, {"window", "node"}, {"node", "details"}})
                         .credit,
                     1.0);
    const auto unreached =
        run("acts", s, b.log, {{"acts", "apology"}, {"window", "node"}, {"node", "angry"}});
    EXPECT_FALSE(unreached.applicable);
    const auto strict =
        run("acts", s, b.log,
            {{"acts", "apology"}, {"window", "node"}, {"node", "angry"}, {"if_none", "fail"}});
    EXPECT_DOUBLE_EQ(strict.credit, 0.0);
}

TEST(ActsCheck, EvidenceHighlightsTheMatchedWords) {
    const Scenario s = owner_scenario();
    test::FakeDetector det;
    det.add("您好", "greeting");
    LogBuilder b;
    b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
    b.say(2'000, "owner", "啊,您好!", {"greeting"});
    const auto r = run("acts", s, b.log, {{"acts", "greeting"}, {"window", "first-reply"}}, &det);
    ASSERT_EQ(r.evidence.size(), 1u);
    const auto& e = r.evidence[0];
    ASSERT_GE(e.highlight_begin, 0);
    EXPECT_EQ(e.text.substr(static_cast<std::size_t>(e.highlight_begin),
                            static_cast<std::size_t>(e.highlight_end - e.highlight_begin)),
              "您好");
}

// ---- forbidden --------------------------------------------------------------------------------

TEST(ForbiddenCheck, EachOffendingReplyIsEvidence) {
    const Scenario s = owner_scenario();
    test::FakeDetector det;
    det.add("不归我们管", "deflect", true);
    det.add("我不知道", "refuse-knowledge", true);
    LogBuilder b;
    b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
    b.say(2'000, "owner", "您好", {"greeting"});
    b.say(9'000, "owner", "装修的事不归我们管。", {}, {"deflect"});
    b.say(19'000, "owner", "这个我不知道。", {}, {"refuse-knowledge"});
    const auto all = run("forbidden", s, b.log, {{"per_offence", "0.4"}}, &det);
    EXPECT_NEAR(all.credit, 0.2, 1e-9);
    ASSERT_EQ(all.evidence.size(), 2u);
    EXPECT_EQ(all.evidence[0].t, 9'000);
    EXPECT_EQ(all.evidence[0].highlight_begin, static_cast<int>(std::string("装修的事").size()));
    EXPECT_NE(note_zh(all.evidence[0]).find("deflect"), std::string::npos);
    // Only the families asked for.
    const auto argue = run("forbidden", s, b.log, {{"families", "argue,rude"}});
    EXPECT_DOUBLE_EQ(argue.credit, 1.0);
    EXPECT_TRUE(argue.evidence.empty());
    EXPECT_DOUBLE_EQ(run("forbidden", s, b.log, {}).credit, 0.0);
}

// ---- rings and times --------------------------------------------------------------------------

TEST(RingsCheck, ThreeRingsFullFivePartialMoreNone) {
    const Scenario s = owner_scenario();
    const CheckParams p = {{"max_rings", "3"}, {"partial_rings", "5"}, {"partial_credit", "0.5"}};
    auto credit = [&](std::optional<Millis> answered, int rings) {
        LogBuilder b;
        b.thread("owner", ThreadRecord::Kind::Phone, 0, answered, rings);
        return run("rings", s, b.log, p).credit;
    };
    EXPECT_DOUBLE_EQ(credit(5'000, 2), 1.0);
    EXPECT_DOUBLE_EQ(credit(9'000, 3), 1.0);
    EXPECT_DOUBLE_EQ(credit(13'000, 4), 0.5);
    EXPECT_DOUBLE_EQ(credit(25'000, 7), 0.0);
    EXPECT_DOUBLE_EQ(credit(std::nullopt, 8), 0.0);
    LogBuilder desk;
    desk.thread("owner", ThreadRecord::Kind::Desk, 0, 0);
    EXPECT_FALSE(run("rings", s, desk.log, p).applicable);
}

TEST(TimingChecks, NodeWithinRespondAndSolve) {
    Scenario s = owner_scenario();
    Node n;
    n.id = "open";
    n.expect.within = 30'000;
    s.nodes.push_back(n);
    Node n2;
    n2.id = "details";
    n2.expect.within = 10'000;
    s.nodes.push_back(n2);
    LogBuilder b;
    ThreadRecord& t = b.thread("owner", ThreadRecord::Kind::Desk, 0, 0);
    t.ended_at = 20 * 60'000;
    const int r1 = b.say(5'000, "owner", "您好", {"greeting"});
    b.visit("open", "owner", 0, {r1});
    const int r2 = b.say(40'000, "owner", "好的");
    b.visit("details", "owner", 5'000, {r2});
    const auto nw = run("node-within", s, b.log, {});
    EXPECT_DOUBLE_EQ(nw.credit, 0.5);
    EXPECT_TRUE(any_note(nw, "35秒后才回复(时限10秒)"));

    EXPECT_DOUBLE_EQ(run("respond-within", s, b.log, {{"limit", "5m"}}).credit, 1.0);
    EXPECT_DOUBLE_EQ(run("respond-within", s, b.log, {{"limit", "3s"}}).credit, 0.0);
    const auto solve = run("solve-within", s, b.log, {{"limit", "15m"}});
    EXPECT_DOUBLE_EQ(solve.credit, 0.0);
    EXPECT_TRUE(any_note(solve, "超时:用时 20分"));
}

// ---- records ----------------------------------------------------------------------------------

TEST(RecordCheck, FieldsPresentAndCorrectAgainstPlayedFacts) {
    Scenario s = owner_scenario();
    s.outcome.record = {
        {"name", "王女士"}, {"room", "3-1202"}, {"phone", "13800001111"}, {"issue", ""}};
    const CheckParams p = {{"presence_only", "issue,time"}};
    {
        LogBuilder b;
        b.act(40'000, Verb::Record, "", "owner",
              {{"name", "王女士"},
               {"room", "3栋1202"},
               {"phone", "138-0000-1111"},
               {"issue", "噪音"}});
        EXPECT_DOUBLE_EQ(run("record-fields", s, b.log, p).credit, 1.0);
    }
    {
        LogBuilder b;
        b.act(40'000, Verb::Record, "", "owner", {{"name", "王女士"}, {"room", "3-1201"}});
        const auto r = run("record-fields", s, b.log, p);
        EXPECT_DOUBLE_EQ(r.credit, 0.25);
        EXPECT_TRUE(any_note(r, "房号记错:记为“3-1201”,应为“3-1202”"));
        EXPECT_TRUE(any_note(r, "缺少电话"));
        EXPECT_TRUE(any_note(r, "缺少事项"));
    }
    {
        // Seeded variation: the owner was played as 李先生 in 5-0801; the record must follow.
        LogBuilder b;
        b.log.facts["owner"] = {{"name", "李先生"}, {"room", "5-0801"}, {"phone", "13900002222"}};
        b.act(40'000, Verb::Record, "", "owner",
              {{"name", "李先生"}, {"room", "5-0801"}, {"phone", "13900002222"}, {"issue", "x"}});
        EXPECT_DOUBLE_EQ(run("record-fields", s, b.log, p).credit, 1.0);
    }
    {
        // Two partial records merge.
        LogBuilder b;
        b.act(40'000, Verb::Record, "", "owner", {{"name", "王女士"}, {"room", "3-1202"}});
        b.act(50'000, Verb::Record, "", "owner", {{"phone", "13800001111"}, {"issue", "噪音"}});
        EXPECT_DOUBLE_EQ(run("record-fields", s, b.log, p).credit, 1.0);
    }
    LogBuilder none;
    none.say(1'000, "owner", "您好");
    const auto r = run("record-fields", s, none.log, p);
    EXPECT_DOUBLE_EQ(r.credit, 0.0);
    ASSERT_EQ(r.evidence.size(), 1u);
    EXPECT_EQ(r.evidence[0].what, "missing");
}

TEST(RepeatBackCheck, ActAndKeyFactsInTheSameReply) {
    Scenario s = owner_scenario();
    s.outcome.record = {{"name", "王女士"}, {"room", "3-1202"}, {"phone", "13800001111"}};
    LogBuilder b;
    b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
    b.say(30'000, "owner", "跟您确认一下,3栋1202,电话13800001111对吗?", {"repeat-back"});
    const auto r = run("repeat-back", s, b.log, {{"act_share", "0.5"}});
    EXPECT_NEAR(r.credit, 0.5 + 0.5 * 2.0 / 3.0, 1e-9);
    ASSERT_EQ(r.evidence.size(), 1u);
    EXPECT_NE(note_zh(r.evidence[0]).find("缺少姓名"), std::string::npos);
    ASSERT_GE(r.evidence[0].highlight_begin, 0);

    b.say(40'000, "owner", "王女士,跟您确认一下:3栋1202,电话138 0000 1111。", {"repeat-back"});
    EXPECT_DOUBLE_EQ(run("repeat-back", s, b.log, {}).credit, 1.0);

    // Facts said back without the formula earn their whole share; the formula without facts
    // only its own.
    LogBuilder facts_only;
    facts_only.say(30'000, "owner", "3-1202是吧", {});
    EXPECT_NEAR(run("repeat-back", s, facts_only.log, {}).credit, 1.0 / 3.0, 1e-9);
    LogBuilder all_facts;
    all_facts.say(30'000, "owner", "我记一下:王女士,三栋一二零二,电话138 0000 1111。", {});
    EXPECT_DOUBLE_EQ(run("repeat-back", s, all_facts.log, {}).credit, 1.0);
    LogBuilder formula;
    formula.say(30'000, "owner", "好的,跟您确认一下。", {"repeat-back"});
    EXPECT_DOUBLE_EQ(run("repeat-back", s, formula.log, {{"act_share", "0.3"}}).credit, 0.3);
    // A part of a fact (building and floor) or an unsure name counts half, marked for review.
    LogBuilder part;
    part.say(30'000, "owner", "跟您确认一下:王女士,3栋12楼,电话13800001111。", {"repeat-back"});
    const auto rp = run("repeat-back", s, part.log, {{"act_share", "0.4"}});
    EXPECT_NEAR(rp.credit, 0.4 + 0.6 * 2.5 / 3.0, 1e-9);
    ASSERT_EQ(rp.evidence.size(), 1u);
    EXPECT_TRUE(rp.evidence[0].review);
    EXPECT_NE(note_zh(rp.evidence[0]).find("房号只说到一部分或不能确定"), std::string::npos);
    LogBuilder nothing;
    nothing.say(30'000, "owner", "好的");
    const auto rn = run("repeat-back", s, nothing.log, {});
    EXPECT_DOUBLE_EQ(rn.credit, 0.0);
    EXPECT_EQ(rn.evidence[0].what, "missing");
}

TEST(RepeatBackCheck, AnAnswerSplitOverMessagesCountsAsOne) {
    Scenario s = owner_scenario();
    s.outcome.record = {{"name", "王女士"}, {"room", "3-1202"}, {"phone", "13800001111"}};
    const auto credit = [&](Millis second, bool other_between) {
        LogBuilder b;
        b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
        b.say(30'000, "owner", "跟您确认一下,王女士,", {"repeat-back"});
        if (other_between) b.say(31'000, "visitor", "您稍等。", {"ask-wait"});
        b.say(second, "owner", "3栋1202,电话138 0000 1111,对吧?");
        return run("repeat-back", s, b.log, {{"act_share", "0.5"}});
    };
    const auto split = credit(34'000, false);
    EXPECT_DOUBLE_EQ(split.credit, 1.0);
    ASSERT_EQ(split.evidence.size(), 1u);
    EXPECT_NE(note_zh(split.evidence[0]).find("包含姓名、房号、电话"), std::string::npos)
        << note_zh(split.evidence[0]);
    // Not one answer: too far apart, or another conversation between. The better message alone.
    EXPECT_NEAR(credit(90'000, false).credit, 2.0 / 3.0, 1e-9);
    EXPECT_NEAR(credit(34'000, true).credit, 2.0 / 3.0, 1e-9);
}

TEST(RepeatBackCheck, WithoutARecordTheActCountsAndPhrasesAreKeyFacts) {
    const Scenario s = owner_scenario();  // no outcome record: no identity to confirm
    LogBuilder b;
    b.say(30'000, "owner", "跟您确认一下:两个月物业费共490元,您周六前缴纳。", {"repeat-back"});
    EXPECT_DOUBLE_EQ(run("repeat-back", s, b.log, {}).credit, 1.0);
    const auto r = run("repeat-back", s, b.log, {{"phrases", "490元, 周日"}});
    EXPECT_DOUBLE_EQ(r.credit, 0.75);
    EXPECT_NE(note_zh(r.evidence[0]).find("缺少“周日”"), std::string::npos)
        << note_zh(r.evidence[0]);
    LogBuilder plain;
    plain.say(30'000, "owner", "好的,我知道了。");
    EXPECT_DOUBLE_EQ(run("repeat-back", s, plain.log, {}).credit, 0.0);
}

// ---- classification and desk actions ----------------------------------------------------------

TEST(ClassifyCheck, TypeAndLevel) {
    Scenario s = owner_scenario();
    s.outcome.request_type = "complaint";
    s.outcome.level = "urgent";
    LogBuilder b;
    b.act(50'000, Verb::Classify, "", "owner", {{"type", "complaint"}, {"level", "general"}});
    EXPECT_DOUBLE_EQ(run("classify", s, b.log, {{"field", "type"}}).credit, 1.0);
    const auto lvl = run("classify", s, b.log, {{"field", "level"}});
    EXPECT_DOUBLE_EQ(lvl.credit, 0.0);
    EXPECT_TRUE(any_note(lvl, "判为「一般」,应为「紧急」"));
    // A later correction counts.
    b.act(60'000, Verb::Classify, "", "owner", {{"level", "urgent"}});
    EXPECT_DOUBLE_EQ(run("classify", s, b.log, {{"field", "level"}}).credit, 1.0);
    LogBuilder none;
    EXPECT_EQ(run("classify", s, none.log, {{"field", "level"}}).evidence[0].what, "missing");
}

TEST(ActionsCheck, MissingAndUnnecessaryDepartments) {
    Scenario s = owner_scenario();
    s.outcome.dispatch = {"security", "engineering"};
    const CheckParams p = {{"verb", "dispatch"}, {"unnecessary_penalty", "0.25"}};
    LogBuilder b;
    b.act(10'000, Verb::Dispatch, "security");
    b.act(12'000, Verb::Dispatch, "cleaning");
    const auto r = run("actions", s, b.log, p);
    EXPECT_DOUBLE_EQ(r.credit, 0.25);  // 1/2 found − 0.25 for cleaning
    EXPECT_TRUE(any_note(r, "正确:派单「安保部」"));
    EXPECT_TRUE(any_note(r, "未找到:没有派单「工程部」"));
    EXPECT_TRUE(any_note(r, "不必要:派单「保洁部」"));

    // Escalation not required: none is right, one is penalised.
    const CheckParams esc = {{"verb", "escalate"}, {"unnecessary_penalty", "0.5"}};
    EXPECT_DOUBLE_EQ(run("actions", s, b.log, esc).credit, 1.0);
    b.act(20'000, Verb::Escalate, "manager");
    EXPECT_DOUBLE_EQ(run("actions", s, b.log, esc).credit, 0.5);
    // `any`: some escalation is required when the outcome names none.
    const CheckParams any = {{"verb", "escalate"}, {"any", "true"}};
    EXPECT_DOUBLE_EQ(run("actions", s, b.log, any).credit, 1.0);
    LogBuilder none;
    EXPECT_DOUBLE_EQ(run("actions", s, none.log, any).credit, 0.0);
    // `only`: first aid looks at the kit, not at a parcel handed over.
    s.outcome.hand_over = {"first-aid-kit", "parcel"};
    LogBuilder h;
    h.act(5'000, Verb::HandOver, "parcel");
    const CheckParams fa = {{"verb", "hand_over"}, {"only", "first-aid-kit,extinguisher"}};
    EXPECT_DOUBLE_EQ(run("actions", s, h.log, fa).credit, 0.0);
    h.act(6'000, Verb::HandOver, "first-aid-kit");
    EXPECT_DOUBLE_EQ(run("actions", s, h.log, fa).credit, 1.0);
}

Scenario fire_scenario() {
    Scenario s;
    s.id = "emergency.fire";
    CallRequirement c;
    c.number = "119";
    c.within = 60'000;
    s.outcome.call = {c};
    s.outcome.broadcast = {"evacuation"};
    s.outcome.hand_over = {"extinguisher"};
    s.outcome.escalate = {"manager"};
    return s;
}

TEST(CallsCheck, RequiredNumberWithinItsDeadline) {
    const Scenario s = fire_scenario();
    auto with_call = [&](std::optional<Millis> at, const std::string& number = "119") {
        LogBuilder b;
        b.thread("alarm-1", ThreadRecord::Kind::Alarm, 10'000, std::nullopt);
        if (at) b.act(*at, Verb::Call, number);
        return run("calls", s, b.log, {{"late_credit", "0.5"}});
    };
    EXPECT_DOUBLE_EQ(with_call(40'000).credit, 1.0);
    const auto late = with_call(100'000);
    EXPECT_DOUBLE_EQ(late.credit, 0.5);
    EXPECT_TRUE(any_note(late, "事件开始后 1分30秒才拨打 119"));
    const auto none = with_call(std::nullopt);
    EXPECT_DOUBLE_EQ(none.credit, 0.0);
    EXPECT_EQ(none.evidence[0].what, "missing");
    EXPECT_DOUBLE_EQ(with_call(20'000, "110").credit, 0.0);
    EXPECT_FALSE(run("calls", owner_scenario(), LogBuilder().log, {}).applicable);
}

TEST(SequenceCheck, OrderedStepsWithDeadlines) {
    const Scenario s = fire_scenario();
    {
        LogBuilder b;
        b.thread("alarm-1", ThreadRecord::Kind::Alarm, 0, std::nullopt);
        b.act(30'000, Verb::Call, "119");
        b.act(60'000, Verb::Broadcast, "evacuation");
        b.act(70'000, Verb::HandOver, "extinguisher");
        b.act(90'000, Verb::Escalate, "manager");
        EXPECT_DOUBLE_EQ(run("sequence", s, b.log, {}).credit, 1.0);
    }
    {
        // Broadcast before the call (out of order), call late, no escalation.
        LogBuilder b;
        b.thread("alarm-1", ThreadRecord::Kind::Alarm, 0, std::nullopt);
        b.act(30'000, Verb::Broadcast, "evacuation");
        b.act(70'000, Verb::Call, "119");
        b.act(80'000, Verb::HandOver, "extinguisher");
        const auto r = run("sequence", s, b.log, {{"late_credit", "0.5"}});
        EXPECT_DOUBLE_EQ(r.credit, (0.5 + 0.5 + 1.0 + 0.0) / 4.0);
        EXPECT_TRUE(any_note(r, "第1步 拨打119:开始后 1分10秒(时限1分),超时"));
        EXPECT_TRUE(any_note(r, "顺序不对"));
        EXPECT_TRUE(any_note(r, "未找到:第4步 上报「经理」没有做"));
    }
    {
        // Steps given as a parameter.
        LogBuilder b;
        b.act(10'000, Verb::Call, "120");
        b.act(20'000, Verb::Escalate, "supervisor");
        const CheckParams p = {{"steps", "call:120<=30s, escalate<=10s"}};
        EXPECT_DOUBLE_EQ(run("sequence", s, b.log, p).credit, 0.75);
    }
}

TEST(VisitorChecks, RegisterAndNotifyHostBeforeEntry) {
    Scenario s;
    s.actors.push_back(make_actor("visitor", "李先生", "visitor", "", "13700003333"));
    LogBuilder b;
    ThreadRecord& t = b.thread("visitor", ThreadRecord::Kind::Desk, 0, 2'000);
    t.ended_at = 60'000;
    b.act(30'000, Verb::RegisterVisitor, "", "visitor", {{"name", "李先生"}});
    const auto reg = run("register-visitor", s, b.log, {{"fields", "name,visiting"}});
    EXPECT_DOUBLE_EQ(reg.credit, 0.75);
    EXPECT_TRUE(any_note(reg, "缺少拜访对象"));
    b.act(35'000, Verb::RegisterVisitor, "", "visitor", {{"name", "张三"}, {"visiting", "3-1202"}});
    EXPECT_DOUBLE_EQ(run("register-visitor", s, b.log, {}).credit, 0.75);  // wrong name

    const CheckParams p = {{"first", "notify:host"}, {"before", "thread-end"}};
    EXPECT_DOUBLE_EQ(run("precedes", s, b.log, p).credit, 0.0);
    b.act(70'000, Verb::Notify, "host", "visitor");
    EXPECT_DOUBLE_EQ(run("precedes", s, b.log, p).credit, 0.5);
    LogBuilder ok;
    ok.thread("visitor", ThreadRecord::Kind::Desk, 0, 2'000).ended_at = 60'000;
    ok.act(40'000, Verb::Notify, "host", "visitor");
    EXPECT_DOUBLE_EQ(run("precedes", s, ok.log, p).credit, 1.0);
}

// ---- privacy ----------------------------------------------------------------------------------

TEST(PrivacyCheck, APrivateFactToAnotherPartyIsADisclosure) {
    Scenario s = owner_scenario();
    s.actors[0].private_facts = {"phone", "room"};
    s.actors.push_back(make_actor("visitor", "李先生", "visitor", "", ""));
    {
        LogBuilder b;
        b.say(10'000, "owner", "跟您确认一下,电话13800001111", {"repeat-back"});
        b.say(20'000, "visitor", "请稍等,我帮您联系业主", {"ask-wait"});
        const auto r = run("privacy", s, b.log, {});
        EXPECT_DOUBLE_EQ(r.credit, 1.0);
        EXPECT_TRUE(r.evidence.empty());
    }
    {
        LogBuilder b;
        b.say(20'000, "visitor", "她的电话是138-0000-1111,您自己打吧");
        const auto r = run("privacy", s, b.log, {});
        EXPECT_DOUBLE_EQ(r.credit, 0.0);
        ASSERT_EQ(r.evidence.size(), 1u);
        const auto& e = r.evidence[0];
        EXPECT_EQ(e.text.substr(static_cast<std::size_t>(e.highlight_begin),
                                static_cast<std::size_t>(e.highlight_end - e.highlight_begin)),
                  "138-0000-1111");
        EXPECT_EQ(note_zh(e), "泄露隐私:把王女士的电话告诉了李先生(visitor)");
        EXPECT_EQ(i18n::builtin("zh").render(e.note), "泄露隐私:把王女士的电话告诉了李先生");
        EXPECT_EQ(note_en(e), "privacy breach: told 李先生 王女士's phone");
    }
    {
        // The visitor said the room first: confirming it back is not a disclosure.
        LogBuilder b;
        b.line(5'000, "visitor", "ask", "我找3-1202的王女士");
        b.say(10'000, "visitor", "您找3栋1202是吗?请稍等", {});
        EXPECT_DOUBLE_EQ(run("privacy", s, b.log, {}).credit, 1.0);
        b.say(12'000, "visitor", "她电话13800001111");
        EXPECT_DOUBLE_EQ(run("privacy", s, b.log, {}).credit, 0.0);
    }
}

TEST(PrivacyCheck, AFactInAnyNotationIsADisclosureAPartOfItForReview) {
    Scenario s = owner_scenario();
    s.actors[0].private_facts = {"phone", "room"};
    s.actors.push_back(make_actor("visitor", "李先生", "visitor", "", ""));
    for (const char* said : {"她电话一三八,零零零零,一一一一", "号码是138.0000.1111",
                             "她住三号楼十二层零二那户"}) {
        LogBuilder b;
        b.say(20'000, "visitor", said);
        const auto r = run("privacy", s, b.log, {});
        EXPECT_DOUBLE_EQ(r.credit, 0.0) << said;
        ASSERT_EQ(r.evidence.size(), 1u) << said;
        EXPECT_FALSE(r.evidence[0].review) << said;
    }
    {
        LogBuilder b;
        b.say(20'000, "visitor", "她就住3栋12楼");
        const auto r = run("privacy", s, b.log, {});
        EXPECT_DOUBLE_EQ(r.credit, 0.0);
        ASSERT_EQ(r.evidence.size(), 1u);
        EXPECT_TRUE(r.evidence[0].review);
        EXPECT_EQ(note_zh(r.evidence[0]),
                  "泄露隐私:把王女士的房号告诉了李先生(visitor)(待主管复核)");
    }
    {
        // Another number, an amount, a time: no disclosure.
        LogBuilder b;
        b.say(20'000, "visitor", "登记费1202元,12点02分以后再来,找13800001112也行");
        EXPECT_DOUBLE_EQ(run("privacy", s, b.log, {}).credit, 1.0);
    }
}

TEST(ActsCheck, ATimePromisedToAnotherConversationIsNotThisOnes) {
    Scenario s = owner_scenario();
    s.actors.push_back(make_actor("courier", "快递员", "courier", "", ""));
    Node n;
    n.id = "when";
    n.expect.acts = {{"time-commitment"}};
    s.nodes.push_back(n);
    LogBuilder b;
    const int owner = b.say(10'000, "owner", "好的,我们派人去看。", {});
    b.say(20'000, "courier", "您十分钟内再来取。", {"time-commitment"});
    b.visit("when", "owner", 5'000, {owner}, {});
    const CheckParams p = {{"acts", "time-commitment"}, {"window", "anywhere"}};
    EXPECT_DOUBLE_EQ(run("acts", s, b.log, p).credit, 1.0);  // as before: anyone's time counts
    CheckParams scoped = p;
    scoped["expecting"] = "true";
    EXPECT_DOUBLE_EQ(run("acts", s, b.log, scoped).credit, 0.0);
    b.say(30'000, "owner", "师傅半小时内到。", {"time-commitment"});
    EXPECT_DOUBLE_EQ(run("acts", s, b.log, scoped).credit, 1.0);
}

TEST(TellsCheck, TheRightFactsInAnyNotationAndNoWrongOnes) {
    const Scenario s = owner_scenario();
    const CheckParams p = {{"facts", "2.5元, 80元|八十元, 前台刷卡"}, {"wrong", "3元, 100元"}};
    {
        LogBuilder b;
        b.say(10'000, "owner", "每平方米每月两块五,您家一个月222块5。");
        b.say(20'000, "owner", "车位一个月80块,前台刷卡就行。");
        const auto r = run("tells", s, b.log, p);
        EXPECT_DOUBLE_EQ(r.credit, 1.0);
        ASSERT_EQ(r.evidence.size(), 3u);
        EXPECT_EQ(note_zh(r.evidence[0]), "告知正确:“2.5元”");
        EXPECT_EQ(r.evidence[0].text.substr(static_cast<std::size_t>(r.evidence[0].highlight_begin),
                                            static_cast<std::size_t>(r.evidence[0].highlight_end -
                                                                     r.evidence[0].highlight_begin)),
                  "两块五");
    }
    {
        // Every courtesy, the wrong fee: a wrong value undoes a right one.
        LogBuilder b;
        b.say(10'000, "owner", "非常感谢您的耐心等待!物业费是每平方米3元,请您放心。");
        b.say(20'000, "owner", "车位管理费每月100元,请到前台刷卡缴纳,谢谢!");
        const auto r = run("tells", s, b.log, p);
        EXPECT_DOUBLE_EQ(r.credit, 0.0);
        EXPECT_TRUE(any_note(r, "告知错误:“3元”"));
        EXPECT_TRUE(any_note(r, "未找到:未告知“2.5元”"));
        EXPECT_TRUE(r.evidence.back().review);  // 前台刷卡 right, 3元 wrong: a muddle to look at
    }
    {
        LogBuilder b;
        b.say(10'000, "owner", "每平方米13元的那种是商铺。");  // 13元 is not 3元
        EXPECT_DOUBLE_EQ(run("tells", s, b.log, {{"wrong", "3元"}}).credit, 1.0);
    }
    EXPECT_FALSE(run("tells", s, LogBuilder().log, {}).applicable);
}

TEST(PrivacyCheck, FollowsThePlayedFacts) {
    Scenario s = owner_scenario();
    s.actors.push_back(make_actor("caller", "陌生人", "visitor", "", ""));
    LogBuilder b;
    b.log.facts["owner"] = {{"phone", "13911112222"}};
    b.say(20'000, "caller", "号码是13800001111");  // the default, not what was played
    EXPECT_DOUBLE_EQ(run("privacy", s, b.log, {}).credit, 1.0);
    b.say(21'000, "caller", "号码是13911112222");
    EXPECT_DOUBLE_EQ(run("privacy", s, b.log, {}).credit, 0.0);
}

// ---- closure and mood -------------------------------------------------------------------------

TEST(ClosureCheck, CallerHangsUpFirst) {
    const Scenario s = owner_scenario();
    {
        LogBuilder b;
        ThreadRecord& t = b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
        t.ended_at = 50'000;
        t.ended_by = ThreadRecord::EndedBy::Actor;
        EXPECT_DOUBLE_EQ(run("caller-hangs-up", s, b.log, {}).credit, 1.0);
    }
    {
        LogBuilder b;
        ThreadRecord& t = b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000);
        t.ended_at = 50'000;
        t.ended_by = ThreadRecord::EndedBy::Trainee;
        b.act(50'000, Verb::HangUp, "phone", "owner");
        const auto r = run("caller-hangs-up", s, b.log, {});
        EXPECT_DOUBLE_EQ(r.credit, 0.0);
        ASSERT_EQ(r.evidence.size(), 1u);
        EXPECT_EQ(r.evidence[0].what, "hang_up");
        EXPECT_EQ(r.evidence[0].t, 50'000);
    }
}

TEST(MoodCheck, BelowTheOutcomeLimitWithAMargin) {
    Scenario s = owner_scenario();
    s.outcome.mood_below = 50;
    auto credit = [&](int mood) {
        LogBuilder b;
        b.thread("owner", ThreadRecord::Kind::Phone, 0, 1'000).mood_end = mood;
        return run("mood-end", s, b.log, {{"margin", "15"}, {"partial_credit", "0.5"}}).credit;
    };
    EXPECT_DOUBLE_EQ(credit(30), 1.0);
    EXPECT_DOUBLE_EQ(credit(55), 0.5);
    EXPECT_DOUBLE_EQ(credit(80), 0.0);
}

TEST(NodeExpectCheck, ActsAndDeskActionsAtEachNode) {
    Scenario s = owner_scenario();
    Node n;
    n.id = "contact";
    n.expect.acts = {{"repeat-back"}, {"time-commitment"}};
    n.expect.did = {{"record"}, {"dispatch"}};
    s.nodes.push_back(n);
    LogBuilder b;
    const int r = b.say(30'000, "owner", "跟您确认一下…", {"repeat-back"});
    b.visit("contact", "owner", 20'000, {r}, {"record", "dispatch:security"});
    const auto res = run("node-expect", s, b.log, {});
    EXPECT_DOUBLE_EQ(res.credit, 0.75);
    EXPECT_TRUE(any_note(res, "缺少「明确时限」(time-commitment)"));
}

TEST(NodeExpectCheck, TheRestOfASplitAnswerCountsForItsNode) {
    Scenario s = owner_scenario();
    Node n;
    n.id = "contact";
    n.expect.acts = {{"repeat-back"}, {"time-commitment"}};
    s.nodes.push_back(n);
    LogBuilder b;
    const int r1 = b.say(30'000, "owner", "跟您确认一下…", {"repeat-back"});
    b.visit("contact", "owner", 20'000, {r1}, {}, 30'000);
    // The engine moved on at the first message; the second finished the answer.
    const int r2 = b.say(35'000, "owner", "30分钟内给您回电。", {"time-commitment"});
    b.visit("close", "owner", 30'000, {r2});
    EXPECT_DOUBLE_EQ(run("node-expect", s, b.log, {}).credit, 1.0);
    b.log.entries[static_cast<std::size_t>(r2)].t = 90'000;  // a later, separate reply
    EXPECT_DOUBLE_EQ(run("node-expect", s, b.log, {}).credit, 0.5);
}

TEST(NodeExpectCheck, ARepeatBackIsTheKeyFactsSaidBack) {
    Scenario s = owner_scenario();
    s.outcome.record = {{"name", "王女士"}, {"room", "3-1202"}, {"phone", "13800001111"}};
    Node n;
    n.id = "when";
    n.expect.acts = {{"repeat-back"}};
    s.nodes.push_back(n);
    LogBuilder b;
    const int r = b.say(30'000, "owner", "好的王女士,我记一下:3栋1202,周日前交。");
    b.visit("when", "owner", 20'000, {r});
    AttemptView v(s, b.log, nullptr);
    // With the outcome's name, room and phone: two of three said back, no formula.
    EXPECT_NEAR(run_check("node-expect", v, Params({})).credit, 2.0 / 3.0, 1e-9);
    // The scenario's repeat-back criterion asks for name and room (the desk dialled the phone).
    const CheckParams repeat_back = {{"facts", "name, room"}};
    v.repeat_back_params = &repeat_back;
    EXPECT_DOUBLE_EQ(run_check("node-expect", v, Params({})).credit, 1.0);
}

// ---- fact matching and the table's defaults ----------------------------------------------------

TEST(FactMatching, FollowsTheScoringSettings) {
    const ScoringSettings& builtin = ScoringSettings::builtin();
    EXPECT_EQ(builtin.phone_min_digits, 5);
    EXPECT_EQ(builtin.room_gap, 9);
    const std::string text = "电话一三八 0000 1111,住3栋1202";
    EXPECT_TRUE(rubric::find_fact("phone", text, "13800001111", builtin));
    ScoringSettings m = builtin;
    m.phone_min_digits = 12;  // 11 digits are now matched as written: the numerals stop it
    EXPECT_FALSE(rubric::find_fact("phone", text, "13800001111", m));
    EXPECT_TRUE(rubric::find_fact("phone", "电话13800001111", "13800001111", m));
    EXPECT_TRUE(rubric::find_fact("room", text, "3-1202", builtin));
    m.room_gap = 0;  // no longer read: rooms are read by their words
    EXPECT_TRUE(rubric::find_fact("room", text, "3-1202", m));
}

TEST(CheckTable, DefaultsComeFromTheTableUnderWhatIsSet) {
    // No parameters at all: the table's defaults (3 rings full, 0.5 partial).
    const Scenario s = owner_scenario();
    LogBuilder b;
    b.thread("owner", ThreadRecord::Kind::Phone, 0, 14'000, 4);
    EXPECT_DOUBLE_EQ(run("rings", s, b.log, {}).credit, 0.0);  // partial_rings = max_rings
    EXPECT_DOUBLE_EQ(run("rings", s, b.log, {{"partial_rings", "5"}}).credit, 0.5);
    // A catalogue default sits between the table and the criterion.
    const AttemptView v(s, b.log, nullptr);
    const CheckParams catalogue_defaults = {{"max_rings", "4"}};
    EXPECT_DOUBLE_EQ(run_check("rings", v, Params({}, &catalogue_defaults)).credit, 1.0);
    EXPECT_DOUBLE_EQ(
        run_check("rings", v, Params({{"max_rings", "2"}}, &catalogue_defaults)).credit, 0.0);
    // A check table row without a value for a parameter its check needs is a scoring error,
    // not a silent guess.
    EXPECT_THROW(Params({}).num("max_rings"), std::invalid_argument);
}

}  // namespace
}  // namespace dd
