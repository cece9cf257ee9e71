// Engine behaviour: rings, threads, hold/hang-up, injects, mood, dialogue conditions, choice
// mode, rejections and determinism — on scenarios built in code with a keyword detector.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "engine_test_support.h"
#include "sim/engine/dialogue.h"
#include "sim/engine/log_format.h"
#include "sim/model/describe.h"

namespace dd {
namespace {

using namespace dd::test;
using Kind = LogEntry::Kind;

// One caller, one node that loops until the trainee says goodbye.
Scenario one_call(Millis ring_every = 4'000, std::optional<Millis> give_up = std::nullopt) {
    Scenario s;
    s.id = "test.one-call";
    s.actors = {actor("caller", "李先生", 30'000, "normal", 50)};
    Event e = phone_call(0, "caller", "hello", ring_every);
    e.give_up = give_up;
    s.events = {e};
    Condition bye;
    bye.said = {{"farewell"}};
    s.nodes = {node("hello", "caller", "喂,你好,我想问个事。", {go_if(bye, "bye")}),
               node("bye", "caller", "好的,谢谢,再见。", {}, true)};
    return s;
}

const ThreadView* view(const std::vector<ThreadView>& views, const std::string& id) {
    for (const auto& v : views)
        if (v.id == id) return &v;
    return nullptr;
}

struct EngineTest : ::testing::Test {
    KeywordDetector detector;
    MoodParams mood;
};

// --- rings ---------------------------------------------------------------------------------

TEST_F(EngineTest, RingsAreCountedWhileUnanswered) {
    Scenario s = one_call(4'000);
    Engine e(s, detector, mood, 0);
    e.advance_to(13'000);
    auto rings = entries_of(e.log(), Kind::Ring);
    ASSERT_EQ(rings.size(), 4u);  // at 0, 4, 8, 12 s
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(rings[i]->value, i + 1);
        EXPECT_EQ(rings[i]->t, i * 4'000);
        EXPECT_EQ(rings[i]->thread, "caller");
    }
    EXPECT_EQ(e.threads()[0].state, ThreadView::State::Ringing);
    EXPECT_EQ(e.threads()[0].rings, 4);
    ASSERT_TRUE(e.apply(act(13'000, Verb::Answer, "phone")).ok);
    e.advance_to(60'000);
    EXPECT_EQ(entries_of(e.log(), Kind::Ring).size(), 4u) << "no rings after the pick-up";
    const ThreadRecord* t = e.log().thread("caller");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->rings_before_answer, 4);
    EXPECT_EQ(t->answered_at, 13'000);
    // The caller's first line is spoken at the pick-up.
    auto lines = entries_of(e.log(), Kind::ActorLine);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0]->t, 13'000);
    EXPECT_EQ(lines[0]->node, "hello");
}

TEST_F(EngineTest, EventJitterIsSeededAndBounded) {
    Scenario s = one_call(4'000);
    s.events[0].at = 10'000;
    s.events[0].jitter = 30'000;
    auto first_ring = [&](std::uint64_t seed) {
        Engine e(s, detector, mood, seed);
        e.advance_to(60'000);
        auto rings = entries_of(e.log(), Kind::Ring);
        return rings.empty() ? Millis{-1} : rings[0]->t;
    };
    EXPECT_EQ(first_ring(0), 10'000) << "seed 0 plays the file's times";
    std::set<Millis> seen;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        const Millis t = first_ring(seed);
        EXPECT_GE(t, 10'000);
        EXPECT_LE(t, 40'000);
        EXPECT_EQ(t % 1'000, 0) << "whole seconds";
        EXPECT_EQ(t, first_ring(seed)) << "the same seed, the same time";
        seen.insert(t);
    }
    EXPECT_GT(seen.size(), 5u) << "seeds spread the call over the window";
    EXPECT_EQ(dialogue::event_time(s.events[0], 0, 7), first_ring(7));
}

TEST_F(EngineTest, AnActionOnTheTickBeatsWhatIsDueThen) {
    Scenario s = one_call(4'000);
    Engine e(s, detector, mood, 0);
    ASSERT_TRUE(e.apply(act(8'000, Verb::Answer, "phone")).ok);
    EXPECT_EQ(e.log().thread("caller")->rings_before_answer, 2) << "picked up as ring 3 was due";
    Engine f(s, detector, mood, 0);
    f.advance_to(8'000);  // advance_to is inclusive
    ASSERT_TRUE(f.apply(act(8'000, Verb::Answer, "phone")).ok);
    EXPECT_EQ(f.log().thread("caller")->rings_before_answer, 3);
}

TEST_F(EngineTest, RingsBeyondToleranceRaiseMood) {
    Scenario s = one_call(4'000);
    s.actors[0].persona.patience = 600'000;  // isolate the ring effect from patience
    Engine e(s, detector, mood, 0);
    e.advance_to(20'000);  // rings 1..6
    int ring_mood = 0;
    for (auto* m : entries_of(e.log(), Kind::Mood)) {
        EXPECT_EQ(m->cause, "ring");
        ring_mood += m->delta;
    }
    EXPECT_EQ(ring_mood, 3 * mood.ring_step);  // rings 4, 5, 6
    EXPECT_EQ(e.threads()[0].mood, 50 + 3 * mood.ring_step);
}

TEST_F(EngineTest, CallerGivesUpWhenUnanswered) {
    Scenario s = one_call(4'000, 20'000);
    Engine e(s, detector, mood, 0);
    e.advance_to(30'000);
    const ThreadRecord* t = e.log().thread("caller");
    ASSERT_TRUE(t->ended_at);
    EXPECT_EQ(*t->ended_at, 20'000);
    EXPECT_EQ(t->ended_by, ThreadRecord::EndedBy::Actor);
    EXPECT_FALSE(t->answered_at);
    EXPECT_EQ(t->rings_before_answer, 5);  // 0, 4, 8, 12, 16; the ring due at 20 never sounds
    auto ends = entries_of(e.log(), Kind::ThreadEnd);
    ASSERT_EQ(ends.size(), 1u);
    EXPECT_EQ(ends[0]->cause, "actor");
    EXPECT_FALSE(entries_of(e.log(), Kind::Notice).empty());
    ApplyResult r = e.apply(act(31'000, Verb::Answer, "phone"));
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(zh(r.error), "现在没有正在响铃的电话可以接听。");
    EXPECT_EQ(en(r.error), "No phone is ringing.");
    EXPECT_TRUE(e.finished());
}

TEST_F(EngineTest, UnansweredCallWithoutGiveUpDropsAfterMaxRings) {
    Scenario s = one_call(1'000);
    Engine e(s, detector, mood, 0);
    e.advance_to(3'600'000);
    EXPECT_EQ(entries_of(e.log(), Kind::Ring).size(), static_cast<size_t>(Engine::kMaxRings));
    EXPECT_EQ(e.log().thread("caller")->ended_by, ThreadRecord::EndedBy::Actor);
}

// A caller who waits a day for an answer at the shortest ring interval: the log lists the first
// kMaxRings rings and one notice; the rest are counted when the call is answered or given up,
// to the same figures as if each were listed (the ring due at that very moment loses, as a
// listed one does).
TEST_F(EngineTest, RingsPastTheListedOnesAreCoalescedAndCountedOnAnswer) {
    Scenario s = one_call(1'000, 86'400'000);
    Engine e(s, detector, mood, 0);
    e.advance_to(600'000);
    EXPECT_EQ(entries_of(e.log(), Kind::Ring).size(), static_cast<size_t>(Engine::kMaxRings));
    EXPECT_EQ(e.threads()[0].rings, 600) << "the desk still sees the count climb";
    std::size_t coalesced = 0;
    for (const auto& entry : e.log().entries)
        if (entry.kind == Kind::Notice && entry.message.key == "notice.rings_coalesced") {
            ++coalesced;
            EXPECT_EQ(entry.t, (Engine::kMaxRings - 1) * 1'000);
        }
    EXPECT_EQ(coalesced, 1u);
    ASSERT_TRUE(e.apply(act(600'000, Verb::Answer, "phone")).ok);
    const ThreadRecord* t = e.log().thread("caller");
    EXPECT_EQ(t->rings_before_answer, 600);  // rings at 0 s … 599 s
    EXPECT_EQ(entries_of(e.log(), Kind::Answer).at(0)->value, 600);
    EXPECT_EQ(e.threads()[0].mood, 100)
        << "a day of ringing angers the caller as listed rings would";
    EXPECT_LT(e.log().entries.size(), 200u);
}

TEST_F(EngineTest, CoalescedRingsAreCountedWhenTheCallerGivesUp) {
    Scenario s = one_call(500, 86'400'000);
    Engine e(s, detector, mood, 0);
    e.advance_to(86'400'000 + 1);
    const ThreadRecord* t = e.log().thread("caller");
    EXPECT_EQ(t->ended_by, ThreadRecord::EndedBy::Actor);
    EXPECT_EQ(t->rings_before_answer, 172'800);  // one every 0.5 s, the one at 24:00:00 lost
    EXPECT_EQ(entries_of(e.log(), Kind::Ring).size(), static_cast<size_t>(Engine::kMaxRings));
    EXPECT_LT(e.log().entries.size(), 200u);
}

// --- hold and hang-up ----------------------------------------------------------------------

TEST_F(EngineTest, HoldThenSayResumesTheCall) {
    Scenario s = one_call();
    Engine e(s, detector, mood, 0);
    e.apply(act(2'000, Verb::Answer, "phone"));
    ASSERT_TRUE(e.apply(act(5'000, Verb::Hold, "phone")).ok);
    EXPECT_EQ(e.threads()[0].state, ThreadView::State::Held);
    auto holds = entries_of(e.log(), Kind::Hold);
    ASSERT_EQ(holds.size(), 1u);
    // Holding displeases (action_effect "hold").
    auto moods = entries_of(e.log(), Kind::Mood);
    ASSERT_FALSE(moods.empty());
    EXPECT_EQ(moods.back()->cause, "action:hold");
    EXPECT_GT(moods.back()->delta, 0);
    // Hold twice is refused.
    EXPECT_FALSE(e.apply(act(6'000, Verb::Hold, "phone")).ok);
    ASSERT_TRUE(e.apply(say(9'000, "让您久等了,请问您贵姓?", "phone")).ok);
    auto resumes = entries_of(e.log(), Kind::Resume);
    ASSERT_EQ(resumes.size(), 1u);
    EXPECT_EQ(resumes[0]->t, 9'000);
    EXPECT_EQ(e.threads()[0].state, ThreadView::State::Active);
    // The resume comes before the reply in the log.
    const auto& entries = e.log().entries;
    auto resume_at = std::find_if(entries.begin(), entries.end(),
                                  [](const LogEntry& x) { return x.kind == Kind::Resume; });
    ASSERT_NE(resume_at + 1, entries.end());
    EXPECT_EQ((resume_at + 1)->kind, Kind::Action);
}

TEST_F(EngineTest, AnswerResumesAHeldCall) {
    Scenario s = one_call();
    Engine e(s, detector, mood, 0);
    e.apply(act(2'000, Verb::Answer, "phone"));
    e.apply(act(5'000, Verb::Hold));
    ASSERT_TRUE(e.apply(act(7'000, Verb::Answer, "phone")).ok);
    EXPECT_EQ(entries_of(e.log(), Kind::Resume).size(), 1u);
    EXPECT_EQ(e.threads()[0].state, ThreadView::State::Active);
}

TEST_F(EngineTest, TraineeHangsUpAndLaterActionsAreRejected) {
    Scenario s = one_call();
    Engine e(s, detector, mood, 0);
    e.apply(act(2'000, Verb::Answer, "phone"));
    ASSERT_TRUE(e.apply(act(10'000, Verb::HangUp, "phone")).ok);
    const ThreadRecord* t = e.log().thread("caller");
    EXPECT_EQ(t->ended_by, ThreadRecord::EndedBy::Trainee);
    EXPECT_EQ(t->ended_at, 10'000);
    const size_t before = e.log().entries.size();
    ApplyResult r = e.apply(say(12'000, "喂?还在吗?"));
    EXPECT_FALSE(r.ok);
    // The window's words, and the log's with the `to:` hint for a transcript's author.
    EXPECT_EQ(zh(r.error), "与李先生的通话已在 00:10.0 结束(由你结束),不能再对其操作。");
    EXPECT_EQ(zh_ids(r.error),
              "与李先生的通话已在 00:10.0 结束(由你结束),不能再对其操作;请用 to: 选择其他对象。");
    EXPECT_EQ(en(r.error),
              "The call with 李先生 ended at 00:10.0 (you ended it); it cannot be acted on.");
    ASSERT_EQ(e.log().entries.size(), before + 1) << "a refusal adds one entry, nothing else";
    EXPECT_EQ(e.log().entries.back().kind, Kind::Rejected);
    EXPECT_EQ(e.log().entries.back().message, r.error);
    EXPECT_EQ(e.log().rejected, 1);
    EXPECT_FALSE(e.apply(act(13'000, Verb::HangUp, "phone")).ok);
    EXPECT_FALSE(e.apply(act(13'000, Verb::Hold, "caller")).ok);
    EXPECT_EQ(e.log().rejected, 3);
}

TEST_F(EngineTest, CallerHangsUpAMomentAfterTheFarewellAtAnEndNode) {
    Scenario s = one_call();
    Engine e(s, detector, mood, 0);
    e.apply(act(2'000, Verb::Answer, "phone"));
    e.apply(say(5'000, "好的,再见。"));  // hello → bye (end node)
    EXPECT_EQ(e.threads()[0].node, "bye");
    e.apply(say(8'000, "不客气,再见。"));  // the reply to the end node
    EXPECT_EQ(e.threads()[0].state, ThreadView::State::Active) << "not before the delay";
    e.advance_to(8'000 + Engine::kCallerHangUpDelay);
    const ThreadRecord* t = e.log().thread("caller");
    EXPECT_EQ(t->ended_by, ThreadRecord::EndedBy::Actor);
    EXPECT_EQ(t->ended_at, 8'000 + Engine::kCallerHangUpDelay);
    ApplyResult r = e.apply(act(11'000, Verb::HangUp));
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(zh(r.error), "与李先生的通话已在 00:10.0 结束(对方已离开/挂断),不能再对其操作。");
}

TEST_F(EngineTest, TraineeHangingUpBeforeTheCallerIsRecorded) {
    Scenario s = one_call();
    Engine e(s, detector, mood, 0);
    e.apply(act(2'000, Verb::Answer, "phone"));
    e.apply(say(5'000, "再见。"));
    e.apply(say(8'000, "再见。"));
    ASSERT_TRUE(e.apply(act(9'000, Verb::HangUp)).ok);
    e.advance_to(20'000);
    const ThreadRecord* t = e.log().thread("caller");
    EXPECT_EQ(t->ended_by, ThreadRecord::EndedBy::Trainee);
    EXPECT_EQ(t->ended_at, 9'000);
    EXPECT_EQ(entries_of(e.log(), Kind::ThreadEnd).size(), 1u)
        << "the caller's hang-up is cancelled";
}

TEST_F(EngineTest, TraineeWinsATieWithTheCallersHangUp) {
    Scenario s = one_call();
    Engine e(s, detector, mood, 0);
    e.apply(act(2'000, Verb::Answer, "phone"));
    e.apply(say(5'000, "再见。"));
    e.apply(say(8'000, "再见。"));  // the caller would hang up at 10 s
    ASSERT_TRUE(e.apply(act(8'000 + Engine::kCallerHangUpDelay, Verb::HangUp)).ok);
    EXPECT_EQ(e.log().thread("caller")->ended_by, ThreadRecord::EndedBy::Trainee);
}

// --- overlapping threads and injects -------------------------------------------------------

Scenario phone_and_walk_in() {
    Scenario s;
    s.id = "test.two";
    s.actors = {actor("caller", "李先生"), actor("visitor", "张先生")};
    s.events = {phone_call(0, "caller", "c1"), walk_in(3'000, "visitor", "v1")};
    Condition bye;
    bye.said = {{"farewell"}};
    s.nodes = {node("c1", "caller", "我家水管漏水了。", {go_if(bye, "c2")}),
               node("c2", "caller", "好,再见。", {}, true),
               node("v1", "visitor", "你好,我找3栋的朋友。", {go_if(bye, "v2")}),
               node("v2", "visitor", "谢谢。", {}, true)};
    return s;
}

TEST_F(EngineTest, AReplyToAVisitorWaitingAtTheCounterServesThem) {
    Scenario s = phone_and_walk_in();
    Engine e(s, detector, mood, 0);
    e.advance_to(4'000);
    ASSERT_EQ(view(e.threads(), "visitor")->state, ThreadView::State::Waiting);
    // As at a real counter: the greeting is the serving.
    ASSERT_TRUE(e.apply(say(4'000, "您好,请问您贵姓?", "visitor")).ok);
    EXPECT_EQ(view(e.threads(), "visitor")->state, ThreadView::State::Active);
    EXPECT_EQ(e.focused(), "visitor");
    EXPECT_EQ(e.log().thread("visitor")->answered_at, 4'000);
    ASSERT_EQ(e.log().visits.size(), 1u);
    EXPECT_EQ(e.log().visits[0].node, "v1");
    ASSERT_EQ(e.log().visits[0].replies.size(), 1u);
    EXPECT_EQ(e.log().rejected, 0);
    // A ringing phone still has to be picked up.
    const ApplyResult r = e.apply(say(5'000, "您好", "phone"));
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(zh(r.error), "李先生的电话还在响铃,请先接听再说话。");
}

TEST_F(EngineTest, AnAcknowledgementDoesNotAnswerTheNode) {
    Scenario s = one_call();
    s.nodes[0].next = {go("bye")};  // any reply moves on
    s.nodes[0].expect.acts = {{"ask-wait"}};
    for (const char* ack : {"好的。", "嗯嗯", "收到!", "OK"}) {
        Engine e(s, detector, mood, 0);
        e.apply(act(2'000, Verb::Answer));
        e.apply(say(4'000, ack));
        EXPECT_EQ(e.log().visits.back().node, "hello") << ack;
        EXPECT_EQ(e.log().visits.back().replies.size(), 1u) << ack;
        e.apply(say(5'000, "我看一下"));
        EXPECT_EQ(e.log().visits.back().node, "bye") << ack;
    }
    // An acknowledgement that carries what the node expects is an answer.
    EXPECT_FALSE(dialogue::is_acknowledgement("好的,您稍等"));
    EXPECT_FALSE(dialogue::is_acknowledgement("好的我记下了"));
    EXPECT_TRUE(dialogue::is_acknowledgement(" 好的好的! "));
}

TEST_F(EngineTest, AnAnswerSentInTwoMessagesIsOneAnswer) {
    Scenario s = one_call();
    s.nodes[0].next = {go("bye")};  // any reply moves on
    Engine e(s, detector, mood, 0);
    e.apply(act(2'000, Verb::Answer));
    e.apply(say(4'000, "王女士,跟您确认一下:3栋1202,"));
    EXPECT_EQ(e.log().visits.back().node, "hello");
    e.apply(say(8'000, "电话13800001111。"));
    ASSERT_EQ(e.log().visits.size(), 2u);
    EXPECT_EQ(e.log().visits[0].replies.size(), 2u);
    EXPECT_EQ(e.log().visits.back().node, "bye");
    EXPECT_TRUE(dialogue::breaks_off("3栋1202， "));
    EXPECT_TRUE(dialogue::breaks_off("我记一下:"));
    EXPECT_FALSE(dialogue::breaks_off("好的。"));
    EXPECT_FALSE(dialogue::breaks_off("您看对吗?"));
    EXPECT_FALSE(dialogue::breaks_off("马上到"));
}

TEST_F(EngineTest, ADeskActionDoneBeforeTheNodeCounts) {
    // 119 called the moment the alarm sounds, before the resident phones.
    Scenario s;
    s.id = "test.early";
    s.actors = {actor("resident", "刘阿姨")};
    s.events = {alarm(0, "fire", "烟感报警"), phone_call(10'000, "resident", "smoke")};
    Node smoke = node("smoke", "resident", "着火了!", {go("done")});
    smoke.expect.did = {{"call:119"}, {"broadcast"}};
    s.nodes = {smoke, node("done", "resident", "好。", {}, true)};
    Engine e(s, detector, mood, 0);
    ASSERT_TRUE(e.apply(act(2'000, Verb::Call, "119")).ok);
    ASSERT_TRUE(e.apply(act(11'000, Verb::Answer, "phone")).ok);
    ASSERT_FALSE(e.log().visits.empty());
    EXPECT_EQ(e.log().visits[0].did, std::vector<std::string>{"call:119"});
    // Without an alarm, another thread's action is not this one's.
    Scenario calm = s;
    calm.events = {phone_call(0, "resident", "smoke"), walk_in(0, "other", "smoke")};
    calm.actors.push_back(actor("other", "王先生"));
    Engine f(calm, detector, mood, 0);
    ASSERT_TRUE(f.apply(act(1'000, Verb::Answer, "desk")).ok);
    ASSERT_TRUE(f.apply(act(2'000, Verb::Broadcast, "evacuation")).ok);
    ASSERT_TRUE(f.apply(act(3'000, Verb::Answer, "phone")).ok);
    EXPECT_TRUE(f.log().visits.back().did.empty());
}

TEST_F(EngineTest, TwoOverlappingThreadsKeepTheirRepliesApart) {
    Scenario s = phone_and_walk_in();
    Engine e(s, detector, mood, 0);
    e.advance_to(4'000);
    auto views = e.threads();
    ASSERT_EQ(views.size(), 2u);
    EXPECT_EQ(view(views, "visitor")->state, ThreadView::State::Waiting);
    ASSERT_TRUE(e.apply(act(5'000, Verb::Answer, "phone")).ok);
    EXPECT_EQ(e.focused(), "caller");
    ASSERT_TRUE(e.apply(say(6'000, "您好,请您稍等。")).ok);  // to the focused caller
    ASSERT_TRUE(e.apply(act(7'000, Verb::Hold)).ok);
    ASSERT_TRUE(e.apply(act(8'000, Verb::Answer, "desk")).ok);
    EXPECT_EQ(e.focused(), "visitor");
    ASSERT_TRUE(e.apply(say(9'000, "您好,请问您贵姓?")).ok);             // to the visitor now
    ASSERT_TRUE(e.apply(say(12'000, "感谢您久等,请讲。", "phone")).ok);  // resumes the call
    EXPECT_EQ(e.focused(), "caller");
    ASSERT_TRUE(e.apply(say(15'000, "好的,再见。", "visitor")).ok);
    const auto& visits = e.log().visits;
    auto visit = [&](const std::string& n) {
        for (const auto& v : visits)
            if (v.node == n) return &v;
        return static_cast<const NodeVisit*>(nullptr);
    };
    ASSERT_NE(visit("c1"), nullptr);
    ASSERT_NE(visit("v1"), nullptr);
    EXPECT_EQ(visit("c1")->replies.size(), 2u);
    EXPECT_EQ(visit("v1")->replies.size(), 2u);
    EXPECT_EQ(visit("v1")->next, "v2");
    EXPECT_EQ(visit("c1")->next, "");
    EXPECT_EQ(visit("c1")->thread, "caller");
    EXPECT_EQ(*visit("v1")->first_reply_at, 9'000);
    EXPECT_EQ(e.log().thread("visitor")->answered_at, 8'000);
    // Each reply is logged against its own thread.
    for (int i : visit("c1")->replies) EXPECT_EQ(e.log().entries[i].thread, "caller");
    for (int i : visit("v1")->replies) EXPECT_EQ(e.log().entries[i].thread, "visitor");
}

TEST_F(EngineTest, TimedAlarmInterruptsAConversation) {
    Scenario s = one_call();
    s.events.push_back(alarm(30'000, "fire", "3栋12层烟感报警"));
    Engine e(s, detector, mood, 0);
    e.apply(act(2'000, Verb::Answer, "phone"));
    e.apply(say(4'000, "您好,安居物业,请讲。"));
    // The next action is at 40 s: the alarm fires on the way, between the two replies.
    ASSERT_TRUE(e.apply(act(40'000, Verb::Call, "119")).ok);
    ASSERT_TRUE(e.apply(act(41'000, Verb::Broadcast, "evacuation")).ok);
    const auto& entries = e.log().entries;
    auto inject = std::find_if(entries.begin(), entries.end(), [](const LogEntry& x) {
        return x.kind == Kind::Inject && x.thread == "alarm-1";
    });
    ASSERT_NE(inject, entries.end());
    EXPECT_EQ(inject->t, 30'000);
    EXPECT_EQ(inject->text, "3栋12层烟感报警");
    auto views = e.threads();
    ASSERT_NE(view(views, "alarm-1"), nullptr);
    EXPECT_EQ(view(views, "alarm-1")->kind, ThreadRecord::Kind::Alarm);
    EXPECT_EQ(view(views, "alarm-1")->state, ThreadView::State::Active);
    // Desk actions go with the focused thread (still the caller) and count in its node.
    auto actions = entries_of(e.log(), Kind::Action);
    EXPECT_EQ(actions.back()->thread, "caller");
    const NodeVisit* v = e.current_visit("caller");
    ASSERT_NE(v, nullptr);
    EXPECT_NE(std::find(v->did.begin(), v->did.end(), "call:119"), v->did.end());
    // Saying something to a bare alarm is refused; closing it is allowed.
    EXPECT_FALSE(e.apply(say(42'000, "着火了", "alarm")).ok);
    ASSERT_TRUE(e.apply(act(43'000, Verb::HangUp, "alarm-1")).ok);
    EXPECT_EQ(e.log().thread("alarm-1")->ended_by, ThreadRecord::EndedBy::Trainee);
    // The conversation goes on.
    ASSERT_TRUE(e.apply(say(45'000, "再见", "phone")).ok);
    EXPECT_EQ(e.threads()[0].node, "bye");
}

TEST_F(EngineTest, AlarmWithAnActorSpeaksAtOnce) {
    Scenario s = one_call();
    s.actors.push_back(actor("guard", "保安小刘"));
    Event a = alarm(10'000, "fire", "消防报警");
    a.actor = "guard";
    a.start = "g1";
    s.events.push_back(a);
    s.nodes.push_back(node("g1", "guard", "前台,3栋冒烟了!", {}));
    Engine e(s, detector, mood, 0);
    e.advance_to(10'000);
    auto lines = entries_of(e.log(), Kind::ActorLine);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0]->thread, "guard");
    EXPECT_EQ(lines[0]->t, 10'000);
}

// --- mood ----------------------------------------------------------------------------------

TEST_F(EngineTest, MoodRisesWhileWaitingBeyondPatience) {
    Scenario s;
    s.id = "test.wait";
    s.actors = {actor("visitor", "张先生", 10'000, "normal", 40)};
    s.events = {walk_in(0, "visitor", "v1")};
    s.nodes = {node("v1", "visitor", "你好。")};
    Engine e(s, detector, mood, 0);
    e.advance_to(35'000);
    auto moods = entries_of(e.log(), Kind::Mood);
    ASSERT_EQ(moods.size(), 3u);  // at 10 s (patience), 20 s, 30 s
    for (size_t i = 0; i < moods.size(); ++i) {
        EXPECT_EQ(moods[i]->cause, "wait");
        EXPECT_EQ(moods[i]->t, 10'000 + static_cast<Millis>(i) * mood.wait_every);
        EXPECT_EQ(moods[i]->delta, mood.wait_step);
    }
    EXPECT_EQ(e.threads()[0].mood, 40 + 3 * mood.wait_step);
    // Serving restarts the patience clock: no rise until 10 s after the visitor's line.
    e.apply(act(36'000, Verb::Answer, "desk"));
    e.advance_to(45'000);
    EXPECT_EQ(entries_of(e.log(), Kind::Mood).size(), 3u);
    e.advance_to(46'000);
    EXPECT_EQ(entries_of(e.log(), Kind::Mood).size(), 4u);
}

TEST_F(EngineTest, MoodFallsAfterAnApologyScaledByTemper) {
    for (const auto& [temper, scale] : std::vector<std::pair<std::string, double>>{
             {"calm", 0.5}, {"normal", 1.0}, {"hot", 1.5}}) {
        Scenario s = one_call();
        s.actors[0].persona.temper = temper;
        s.actors[0].mood = 80;
        Engine e(s, detector, mood, 0);
        e.apply(act(2'000, Verb::Answer));
        e.apply(say(4'000, "对不起"));
        auto moods = entries_of(e.log(), Kind::Mood);
        ASSERT_EQ(moods.size(), 1u) << temper;
        EXPECT_EQ(moods[0]->cause, "act:apology");
        const int expected = static_cast<int>(std::lround(mood.act_effect.at("apology") * scale));
        EXPECT_EQ(moods[0]->delta, expected) << temper;
        EXPECT_LT(moods[0]->delta, 0);
        EXPECT_EQ(e.threads()[0].mood, 80 + expected);
    }
}

TEST_F(EngineTest, AFormulaCalmsOncePerNodeAndSarcasmNotAtAll) {
    Scenario s = one_call();
    s.actors[0].mood = 80;
    Engine e(s, detector, mood, 0);
    e.apply(act(2'000, Verb::Answer));
    e.apply(say(4'000, "对不起"));
    e.apply(say(6'000, "真对不起"));
    e.apply(say(8'000, "实在对不起"));
    auto moods = entries_of(e.log(), Kind::Mood);
    ASSERT_EQ(moods.size(), 1u);
    EXPECT_EQ(moods[0]->cause, "act:apology");

    Engine grudging(s, detector, mood, 0);
    grudging.apply(act(2'000, Verb::Answer));
    grudging.apply(say(4'000, "行了行了,对不起"));
    EXPECT_TRUE(entries_of(grudging.log(), Kind::Mood).empty());
    const auto says = entries_of(grudging.log(), Kind::Action);
    ASSERT_EQ(says.size(), 2u);
    EXPECT_TRUE(says[1]->acts.empty());
    EXPECT_EQ(says[1]->sarcastic_acts, std::vector<std::string>{"apology"});
    EXPECT_TRUE(grudging.log().visits.at(0).acts.empty());
}

TEST_F(EngineTest, ForbiddenPhrasesInflameAndMoodIsClamped) {
    Scenario s = one_call();
    s.actors[0].mood = 90;
    Engine e(s, detector, mood, 0);
    e.apply(act(2'000, Verb::Answer));
    e.apply(say(4'000, "这事不归我们管"));
    EXPECT_EQ(e.threads()[0].mood, 100);
    auto moods = entries_of(e.log(), Kind::Mood);
    ASSERT_EQ(moods.size(), 1u);
    EXPECT_EQ(moods[0]->cause, "forbidden:deflect");
    EXPECT_EQ(moods[0]->delta, 10) << "the logged delta is the clamped change";
}

TEST_F(EngineTest, DeskActionsMoveMoodFromData) {
    Scenario s = one_call();
    MoodParams params;
    params.action_effect = {{"dispatch:security", -20}, {"dispatch", -5}};
    Engine e(s, detector, params, 0);
    e.apply(act(2'000, Verb::Answer));
    e.apply(act(3'000, Verb::Dispatch, "security"));
    e.apply(act(4'000, Verb::Dispatch, "cleaning"));
    auto moods = entries_of(e.log(), Kind::Mood);
    ASSERT_EQ(moods.size(), 2u);
    EXPECT_EQ(moods[0]->cause, "action:dispatch:security");
    EXPECT_EQ(moods[0]->delta, -20);
    EXPECT_EQ(moods[1]->cause, "action:dispatch");
    EXPECT_EQ(moods[1]->delta, -5);
}

// --- conditions ----------------------------------------------------------------------------

// A node `q` whose next has the given condition → `yes`, else (if `fallback`) → `no`.
Scenario branch_on(Condition c, bool fallback = true) {
    Scenario s;
    s.id = "test.branch";
    s.actors = {actor("caller", "李先生", 300'000, "normal", 50)};
    s.events = {phone_call(0, "caller", "q")};
    std::vector<Next> next = {go_if(std::move(c), "yes")};
    if (fallback) next.push_back(go("no"));
    s.nodes = {node("q", "caller", "怎么办?", next), node("yes", "caller", "好。", {}),
               node("no", "caller", "嗯。", {})};
    return s;
}

std::string branch_after(const Scenario& s, const std::vector<Action>& actions,
                         const ActDetector& det, const MoodParams& mp, Millis until = -1) {
    Engine e(s, det, mp, 0);
    for (const auto& a : actions) e.apply(a);
    if (until >= 0) e.advance_to(until);
    const auto path = path_of(e.log());
    return path.size() > 1 ? path[1] : "";
}

TEST_F(EngineTest, ConditionSaid) {
    Condition c;
    c.said = {{"apology", "empathy"}, {"time-commitment"}};
    Scenario s = branch_on(c);
    auto answer = act(1'000, Verb::Answer);
    EXPECT_EQ(branch_after(s, {answer, say(2'000, "我理解,10分钟内到。")}, detector, mood), "yes");
    EXPECT_EQ(branch_after(s, {answer, say(2'000, "我理解。")}, detector, mood), "no");
}

TEST_F(EngineTest, ConditionNotSaid) {
    Condition c;
    c.not_said = {{"rude", "deflect"}};
    Scenario s = branch_on(c);
    auto answer = act(1'000, Verb::Answer);
    EXPECT_EQ(branch_after(s, {answer, say(2'000, "您好")}, detector, mood), "yes");
    EXPECT_EQ(branch_after(s, {answer, say(2'000, "不归我们管")}, detector, mood), "no");
}

TEST_F(EngineTest, ConditionDidWithVerbAndArgument) {
    Condition c;
    c.did = {{"dispatch:security"}, {"record"}};
    Scenario s = branch_on(c, false);
    auto answer = act(1'000, Verb::Answer);
    auto rec = with_fields(act(2'000, Verb::Record), {{"name", "李先生"}});
    EXPECT_EQ(
        branch_after(s, {answer, rec, act(3'000, Verb::Dispatch, "security"), say(4'000, "我看一下")},
                     detector, mood),
        "yes");
    EXPECT_EQ(
        branch_after(s, {answer, rec, act(3'000, Verb::Dispatch, "cleaning"), say(4'000, "我看一下")},
                     detector, mood),
        "");
    // Desk actions done before the node was entered do not count for it.
    EXPECT_EQ(branch_after(s, {act(500, Verb::Dispatch, "security"), answer, rec, say(4'000, "我看一下")},
                           detector, mood),
              "");
}

TEST_F(EngineTest, ConditionNotDid) {
    Condition c;
    c.not_did = {{"escalate"}};
    Scenario s = branch_on(c);
    auto answer = act(1'000, Verb::Answer);
    EXPECT_EQ(branch_after(s, {answer, say(2'000, "我看一下")}, detector, mood), "yes");
    EXPECT_EQ(branch_after(s, {answer, act(1'500, Verb::Escalate, "manager"), say(2'000, "我看一下")},
                           detector, mood),
              "no");
}

TEST_F(EngineTest, ConditionMoodAboveAndBelow) {
    Condition above;
    above.mood_above = 55;
    Condition below;
    below.mood_below = 45;
    auto answer = act(1'000, Verb::Answer);
    // Start 50: "不知道" +15 → 65 (> 55); "对不起" -10 → 40 (< 45).
    EXPECT_EQ(branch_after(branch_on(above), {answer, say(2'000, "不知道")}, detector, mood),
              "yes");
    EXPECT_EQ(branch_after(branch_on(above), {answer, say(2'000, "我看看")}, detector, mood), "no");
    EXPECT_EQ(branch_after(branch_on(below), {answer, say(2'000, "对不起")}, detector, mood),
              "yes");
    EXPECT_EQ(branch_after(branch_on(below), {answer, say(2'000, "我看看")}, detector, mood), "no");
}

TEST_F(EngineTest, ConditionWaitedOverOnAReply) {
    Condition c;
    c.waited_over = 20'000;
    Scenario s = branch_on(c);
    auto answer = act(1'000, Verb::Answer);  // the line is spoken at 1 s
    EXPECT_EQ(branch_after(s, {answer, say(25'000, "我看看")}, detector, mood), "yes");
    EXPECT_EQ(branch_after(s, {answer, say(5'000, "我看看")}, detector, mood), "no");
}

TEST_F(EngineTest, ConditionWaitedOverFiresWithoutAReply) {
    Condition c;
    c.waited_over = 20'000;
    Scenario s = branch_on(c);  // also has an unconditional fallback, which needs a reply
    Engine e(s, detector, mood, 0);
    e.apply(act(1'000, Verb::Answer));
    e.advance_to(20'999);
    EXPECT_EQ(path_of(e.log()).size(), 1u);
    e.advance_to(21'000);
    ASSERT_EQ(path_of(e.log()).size(), 2u);
    EXPECT_EQ(path_of(e.log())[1], "yes");
    auto branches = entries_of(e.log(), Kind::Branch);
    ASSERT_EQ(branches.size(), 1u);
    EXPECT_EQ(branches[0]->cause, "waited");
    EXPECT_EQ(branches[0]->t, 21'000);
    EXPECT_FALSE(e.log().visits[0].first_reply_at);
}

TEST_F(EngineTest, WaitedTimeoutThatPassedOnHoldFiresOnResume) {
    Condition c;
    c.waited_over = 10'000;
    Scenario s = branch_on(c);
    Engine e(s, detector, mood, 0);
    e.apply(act(1'000, Verb::Answer));  // line at 1 s
    e.apply(act(2'000, Verb::Hold));
    e.advance_to(30'000);
    EXPECT_EQ(path_of(e.log()).size(), 1u) << "a caller on hold does not move on";
    e.apply(act(30'000, Verb::Answer, "phone"));  // resume: the overdue timeout is due now
    e.advance_to(30'000);
    ASSERT_EQ(path_of(e.log()).size(), 2u);
    EXPECT_EQ(path_of(e.log())[1], "yes");
    EXPECT_EQ(entries_of(e.log(), Kind::Branch)[0]->t, 30'000);
}

TEST_F(EngineTest, WaitingDriftStopsAtTheTopAndCostsNoEntries) {
    Scenario s;
    s.id = "test.drift";
    s.actors = {actor("visitor", "张先生", 0, "hot", 90)};
    s.events = {walk_in(0, "visitor", "v1")};
    s.nodes = {node("v1", "visitor", "你好。")};
    Engine e(s, detector, mood, 0);
    e.advance_to(30LL * 24 * 3600 * 1000);  // a month
    EXPECT_EQ(e.threads()[0].mood, 100);
    EXPECT_LE(entries_of(e.log(), Kind::Mood).size(), 2u);
    EXPECT_FALSE(e.next_event_time()) << "nothing left ticking";
}

TEST_F(EngineTest, ConditionVisitsAbove) {
    // q loops to itself until it has been entered more than twice.
    Condition c;
    c.visits_above = 2;
    Scenario s = branch_on(c, false);
    s.nodes[0].next.push_back(go("q"));
    Engine e(s, detector, mood, 0);
    e.apply(act(1'000, Verb::Answer));
    e.apply(say(2'000, "我看看"));  // visits 1: not above 2 → q
    e.apply(say(3'000, "我看看"));  // visits 2 → q
    EXPECT_EQ(path_of(e.log()), (std::vector<std::string>{"q", "q", "q"}));
    e.apply(say(4'000, "我看看"));  // visits 3 → yes
    EXPECT_EQ(path_of(e.log()), (std::vector<std::string>{"q", "q", "q", "yes"}));
}

TEST(DialogueConditions, EmptyConditionHoldsAndPartsCombine) {
    NodeVisit v;
    v.spoken_at = 1'000;
    v.first_reply_at = 4'000;
    v.acts = {"greeting", "apology"};
    v.forbidden = {"argue"};
    v.did = {"record", "dispatch", "dispatch:security"};
    dialogue::ConditionContext ctx{&v, 60, 9'000, 1};
    EXPECT_TRUE(dialogue::holds(Condition{}, ctx));
    Condition c;
    c.said = {{"empathy", "apology"}};
    c.did = {{"dispatch:security"}};
    c.mood_above = 59;
    c.waited_over = 3'000;
    EXPECT_TRUE(dialogue::holds(c, ctx));
    c.mood_below = 60;  // 60 is not below 60
    EXPECT_FALSE(dialogue::holds(c, ctx));
    Condition f;
    f.said = {{"argue"}};  // forbidden families count as said
    EXPECT_TRUE(dialogue::holds(f, ctx));
    Condition w;
    w.waited_over = 3'001;
    EXPECT_FALSE(dialogue::holds(w, ctx));
    EXPECT_EQ(dialogue::waited(ctx), 3'000);
}

// --- dialogue details ----------------------------------------------------------------------

TEST_F(EngineTest, PlaceholdersAndSeededFacts) {
    Scenario s = one_call();
    s.site.name = "阳光花园";
    s.site.company = "安居物业";
    ActorVariant v1;
    v1.facts = {{"name", "赵先生"}, {"room", "5-0801"}};
    s.actors[0].room = "3-1202";
    s.actors[0].vary = {v1};
    s.nodes[0].says = {"我是{caller.name},住{caller.room},{site.name}的{nobody.x}"};
    {
        Engine e(s, detector, mood, 0);
        e.apply(act(1'000, Verb::Answer));
        EXPECT_EQ(e.log().visits[0].line, "我是李先生,住3-1202,阳光花园的{nobody.x}");
        EXPECT_EQ(e.log().facts.at("caller").at("name"), "李先生");
    }
    {
        Engine e(s, detector, mood, 1);  // 1 % 2 = 1 → vary[0]
        e.apply(act(1'000, Verb::Answer));
        EXPECT_EQ(e.log().visits[0].line, "我是赵先生,住5-0801,阳光花园的{nobody.x}");
        EXPECT_EQ(e.threads()[0].actor_name, "赵先生");
        EXPECT_EQ(e.log().facts.at("caller").at("room"), "5-0801");
    }
}

TEST_F(EngineTest, LineVariantsArePickedBySeedDeterministically) {
    Scenario s = one_call();
    s.nodes[0].says = {"甲", "乙", "丙", "丁"};
    auto line_for = [&](std::uint64_t seed) {
        Engine e(s, detector, mood, seed);
        e.apply(act(1'000, Verb::Answer));
        return e.log().visits[0].line;
    };
    EXPECT_EQ(line_for(0), "甲");
    std::set<std::string> seen;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        EXPECT_EQ(line_for(seed), line_for(seed));
        seen.insert(line_for(seed));
    }
    EXPECT_GE(seen.size(), 3u) << "the seed varies the line";
}

TEST_F(EngineTest, ChoiceIsDetectedLikeTypedText) {
    Scenario s = one_call();
    s.nodes[0].choices = {{"嗯。", {}}, {"好的{caller.name},再见。", {}}};
    Engine chosen(s, detector, mood, 0);
    chosen.apply(act(1'000, Verb::Answer));
    EXPECT_EQ(chosen.threads()[0].choices.at(1), "好的李先生,再见。");
    ASSERT_TRUE(chosen.apply(choose(2'000, 1)).ok);
    Engine typed(s, detector, mood, 0);
    typed.apply(act(1'000, Verb::Answer));
    ASSERT_TRUE(typed.apply(say(2'000, "好的李先生,再见。")).ok);
    auto c = entries_of(chosen.log(), Kind::Action).back();
    auto t = entries_of(typed.log(), Kind::Action).back();
    ASSERT_TRUE(c->action);
    EXPECT_EQ(c->action->verb, Verb::Choose);
    EXPECT_EQ(c->action->text, "好的李先生,再见。");
    EXPECT_EQ(c->action->choice, 1);
    EXPECT_EQ(c->acts, t->acts);
    EXPECT_EQ(path_of(chosen.log()), path_of(typed.log()));
    EXPECT_EQ(path_of(chosen.log()).back(), "bye");
}

TEST_F(EngineTest, ChoiceOutOfRangeOrWithoutChoicesIsRejected) {
    Scenario s = one_call();
    s.nodes[0].choices = {{"嗯。", {}}, {"再见。", {}}};
    Engine e(s, detector, mood, 0);
    e.apply(act(1'000, Verb::Answer));
    ApplyResult r = e.apply(choose(2'000, 5));
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(zh(r.error), "选项序号 5 超出范围:此处共有 2 个可选回复(0–1)。");
    EXPECT_EQ(en(r.error), "Choice 5 is out of range: 2 replies are offered (0–1).");
    Action by_text = act(2'500, Verb::Choose);
    by_text.text = "再见。";
    ASSERT_TRUE(e.apply(by_text).ok);  // by text: resolves to choice 1
    EXPECT_EQ(entries_of(e.log(), Kind::Action).back()->action->choice, 1);
    r = e.apply(choose(3'000, 0));  // node `bye` has no choices
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(zh(r.error), "此处没有可选回复;请直接输入回复。");
}

// --- rejections ----------------------------------------------------------------------------

TEST_F(EngineTest, NonsenseActionsAreRejectedWithAReason) {
    Scenario s = one_call();
    Engine e(s, detector, mood, 0);
    struct Case {
        Action action;
        std::string says;
    };
    std::vector<Case> cases = {
        {say(1'000, "您好"), "李先生的电话还在响铃,请先接听再说话。"},
        {act(1'000, Verb::Hold, "phone"), "李先生的电话还没有接听,不能保留;请先接听。"},
        {act(1'000, Verb::Answer, "desk"), "柜台前没有排队等候的访客。"},
        {act(1'000, Verb::Dispatch, "plumbing"),
         "未知的部门“plumbing”:可选 工程部、安保部、保洁部、绿化部、财务部、客服部。"},
        {act(1'000, Verb::Call, "911"), "未知的电话号码“911”:可选 110、119、120。"},
        {with_fields(act(1'000, Verb::Classify), {{"level", "critical"}}),
         "未知的级别“critical”:可选 一般、紧急、特殊。"},
        {act(1'000, Verb::Record),
         "登记内容为空:请至少填写姓名、房号、电话、事项、时间、联系方式之一。"},
        {act(1'000, Verb::Focus, "nobody"), "找不到对象“nobody”。"},
    };
    for (const auto& c : cases) {
        const size_t before = e.log().entries.size();
        ApplyResult r = e.apply(c.action);
        EXPECT_FALSE(r.ok) << zh(describe_action(c.action));
        EXPECT_EQ(zh(r.error), c.says);
        // Only the Rejected entry (and the call coming in, on the first) were added.
        for (size_t i = before; i < e.log().entries.size(); ++i)
            EXPECT_TRUE(e.log().entries[i].kind == Kind::Rejected ||
                        e.log().entries[i].kind == Kind::Ring ||
                        e.log().entries[i].kind == Kind::Inject)
                << zh(describe_action(c.action)) << " added " << zh(e.log().entries[i].message);
        EXPECT_EQ(e.log().entries.back().kind, Kind::Rejected);
    }
    // What a transcript's author reads in `play --log`: the values as written.
    Engine e2(s, detector, mood, 0);
    EXPECT_EQ(zh_ids(e2.apply(act(1'000, Verb::Dispatch, "plumbing")).error),
              "未知的部门“plumbing”:可选 engineering、security、cleaning、landscaping、finance、"
              "customer-service。");
    EXPECT_EQ(en(e2.apply(act(1'000, Verb::Dispatch)).error),
              "Missing department: one of Engineering, Security, Cleaning, Landscaping, Finance, "
              "Customer service.");
    EXPECT_EQ(e.log().rejected, static_cast<int>(cases.size()));
    ASSERT_TRUE(e.apply(act(2'000, Verb::Answer)).ok);
    ApplyResult again = e.apply(act(3'000, Verb::Answer, "caller"));
    EXPECT_FALSE(again.ok);
    EXPECT_EQ(zh(again.error), "已经在与李先生对话,无需再次接听。");
}

TEST_F(EngineTest, ActionsAfterTheEndAreRejected) {
    Scenario s = one_call();
    Engine e(s, detector, mood, 0);
    e.apply(act(1'000, Verb::Answer));
    ASSERT_TRUE(e.apply(act(5'000, Verb::End)).ok);
    EXPECT_TRUE(e.finished());
    EXPECT_EQ(e.log().ended_at, 5'000);
    ApplyResult r = e.apply(say(6'000, "您好"));
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(zh(r.error), "本次练习已经结束,不能再操作。");
    auto ends = entries_of(e.log(), Kind::AttemptEnd);
    ASSERT_EQ(ends.size(), 1u);
    EXPECT_EQ(ends[0]->cause, "end");
    e.finish(9'000);  // idempotent
    EXPECT_EQ(entries_of(e.log(), Kind::AttemptEnd).size(), 1u);
}

TEST_F(EngineTest, TimeLimitEndsOpenThreads) {
    Scenario s = one_call();
    s.time_limit = 60'000;
    Engine e(s, detector, mood, 0);
    e.apply(act(1'000, Verb::Answer));
    ApplyResult r = e.apply(say(70'000, "您好"));
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(e.log().ended_at, 60'000);
    EXPECT_EQ(e.log().thread("caller")->ended_by, ThreadRecord::EndedBy::Timeout);
    EXPECT_EQ(entries_of(e.log(), Kind::AttemptEnd)[0]->cause, "time-limit");
}

TEST_F(EngineTest, AfterCallWorkIsLoggedWithTheEndedThread) {
    Scenario s = one_call();
    Engine e(s, detector, mood, 0);
    e.apply(act(1'000, Verb::Answer));
    e.apply(act(2'000, Verb::HangUp));
    ApplyResult r = e.apply(with_fields(act(3'000, Verb::Record), {{"issue", "咨询"}}));
    EXPECT_TRUE(r.ok) << zh(r.error);
    EXPECT_EQ(entries_of(e.log(), Kind::Action).back()->thread, "caller");
}

// --- determinism and formats ---------------------------------------------------------------

TEST_F(EngineTest, SameInputsGiveIdenticalLogs) {
    Scenario s = phone_and_walk_in();
    s.nodes[0].says = {"甲", "乙", "丙"};
    Transcript t;
    t.seed = 7;
    t.actions = {act(5'000, Verb::Answer, "phone"),
                 say(6'000, "您好,请您稍等。"),
                 act(7'000, Verb::Hold),
                 act(8'000, Verb::Answer, "desk"),
                 say(9'000, "您好,请问您贵姓?"),
                 say(40'000, "感谢您久等,请讲。", "phone"),
                 act(41'000, Verb::Dispatch, "plumbing"),
                 say(50'000, "再见", "visitor"),
                 wait_for(51'000, 30'000)};
    const AttemptLog a = replay(s, t, detector, mood);
    const AttemptLog b = replay(s, t, detector, mood);
    EXPECT_EQ(log_to_json(a), log_to_json(b));
    EXPECT_EQ(log_to_text(a), log_to_text(b));
    EXPECT_EQ(a.rejected, 1);
    EXPECT_EQ(a.ended_at, 81'000);
    // The JSON is valid and carries what the scorer needs.
    auto j = nlohmann::json::parse(log_to_json(a));
    EXPECT_EQ(j["seed"], 7);
    EXPECT_EQ(j["entries"].size(), a.entries.size());
    EXPECT_EQ(j["threads"][1]["id"], "visitor");
    // Entries are in time order.
    for (size_t i = 1; i < a.entries.size(); ++i) EXPECT_LE(a.entries[i - 1].t, a.entries[i].t);
}

TEST_F(EngineTest, TextLogShowsTheStory) {
    const AttemptLog log = replay(example_scenario(), example_gold(), detector, mood);
    const std::string text = log_to_text(log);
    // Whole lines: the words of the one label source (the report's act names: 报公司/部门名称,
    // 致歉), durations in words, the engine's messages rendered with the ids an author needs.
    for (const char* line : {
             "  00:04.0  [owner] 电话铃响第 2 声\n",
             "  00:05.0  [owner] 接听王女士的来电(响铃 2 声)\n",
             "  00:07.0  [owner] 学员:您好,安居物业客服中心,请问有什么可以帮您?  "
             "〔问候、报公司/部门名称、主动询问需求、请〕\n",
             "  00:20.0  [owner] 王女士 情绪 67 → 52(-15,致歉)\n",
             "  00:55.0  [owner] 学员 派单:安保部\n",
             "  00:55.0  [owner] 王女士 情绪 28 → 20(-8,派单:安保部)\n",
             "  01:10.0  [owner] 分支 contact → close\n",
             "  01:31.0  学员 等待 10秒\n",
             "  01:32.0  [owner] 结束:王女士挂断了电话。\n",
             "  01:41.0  练习结束(所有对话都已结束)\n",
             "  00:05.0  [owner] open  首次回复 00:07.0(等待 2秒)  "
             "言语:问候、报公司/部门名称、主动询问需求、请  → details\n",
         })
        EXPECT_NE(text.find(line), std::string::npos) << line << "\nin:\n" << text;
}

TEST_F(EngineTest, TextLogInEnglish) {
    const AttemptLog log = replay(example_scenario(), example_poor(), detector, mood);
    const std::string text = log_to_text(log, i18n::builtin("en"));
    for (const char* line : {
             "  00:00.0  [owner] event: 王女士 is calling\n",
             "  00:12.0  [owner] 王女士 mood 70 → 73 (+3, ring 4 unanswered)\n",
             "  00:25.0  [owner] Picked up 王女士's call (7 rings)\n",
             "  00:50.0  [owner] trainee: 装修的事不归我们管,你自己上楼跟他说。  "
             "[forbidden: deflecting, arguing or blaming]\n",
             "  01:52.0  [owner] ended: The trainee hung up on 王女士.\n",
             "  01:52.0  Drill over (every conversation closed)\n",
             "ended at 01:52.0; 0 action(s) refused\n",
         })
        EXPECT_NE(text.find(line), std::string::npos) << line << "\nin:\n" << text;
    // No Chinese but the scenario's own lines and names.
    EXPECT_EQ(text.find("学员"), std::string::npos);
    EXPECT_EQ(text.find("情绪"), std::string::npos);
}

// Thousands of random actions against a busy scenario: whatever the trainee does, the log
// stays consistent (time order, refusals counted, moods in range, replies point at replies).
TEST_F(EngineTest, RandomActionsKeepTheLogConsistent) {
    Scenario s = phone_and_walk_in();
    s.events.push_back(alarm(20'000, "fire", "烟感报警"));
    s.events.push_back(phone_call(40'000, "caller", "c1", 3'000));  // the same caller again
    Condition slow;
    slow.waited_over = 15'000;
    s.nodes[0].next.push_back(go_if(slow, "c2"));
    s.nodes[0].choices = {{"您好", {}}, {"再见", {}}};
    s.time_limit = 600'000;
    const std::vector<std::string> targets = {"",        "phone",    "desk",    "alarm", "caller",
                                              "visitor", "caller-2", "alarm-1", "nobody"};
    const std::vector<std::string> texts = {"您好", "对不起,我理解", "不归我们管", "再见",
                                            "",     "请您稍等",      "10分钟内到"};
    const std::vector<Verb> verbs = {Verb::Answer,  Verb::Hold,     Verb::Say,      Verb::Choose,
                                     Verb::Record,  Verb::Classify, Verb::Dispatch, Verb::Escalate,
                                     Verb::Call,    Verb::HangUp,   Verb::Wait,     Verb::Focus,
                                     Verb::HandOver};
    std::uint64_t state = 12345;
    auto next = [&state](std::uint64_t n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>((state >> 33) % n);
    };
    for (int run = 0; run < 40; ++run) {
        Engine e(s, detector, mood, static_cast<std::uint64_t>(run));
        Transcript applied;
        applied.seed = static_cast<std::uint64_t>(run);
        Millis t = 0;
        for (int i = 0; i < 60; ++i) {
            t += static_cast<Millis>(next(8'000));
            Action a = act(t, verbs[next(verbs.size())], targets[next(targets.size())]);
            a.to = targets[next(targets.size())];
            a.text = texts[next(texts.size())];
            a.choice = static_cast<int>(next(4)) - 1;
            a.duration = static_cast<Millis>(next(20'000));
            if (a.verb == Verb::Dispatch) a.arg = next(2) ? "security" : "nowhere";
            if (a.verb == Verb::Record) a.fields = {{"name", "李先生"}};
            if (a.verb == Verb::Classify) a.fields = {{"level", next(2) ? "urgent" : "bad"}};
            applied.actions.push_back(a);
            const ApplyResult r = e.apply(a, i);
            EXPECT_EQ(r.ok, r.error.empty());
        }
        e.finish(t);
        const AttemptLog& log = e.log();
        int rejected = 0;
        for (std::size_t i = 0; i < log.entries.size(); ++i) {
            const LogEntry& x = log.entries[i];
            if (i > 0) {
                EXPECT_LE(log.entries[i - 1].t, x.t);
            }
            rejected += x.kind == Kind::Rejected;
            if (x.kind == Kind::Mood) {
                EXPECT_GE(x.value, 0);
                EXPECT_LE(x.value, 100);
            }
        }
        EXPECT_EQ(rejected, log.rejected);
        for (const auto& v : log.visits)
            for (int r : v.replies) {
                ASSERT_LT(static_cast<std::size_t>(r), log.entries.size());
                EXPECT_EQ(log.entries[r].kind, Kind::Action);
                EXPECT_EQ(log.entries[r].thread, v.thread);
            }
        EXPECT_TRUE(e.finished());
        EXPECT_EQ(log_to_json(log), log_to_json(replay(s, applied, detector, mood)))
            << "replaying the same actions gives the same log";
    }
}

TEST_F(EngineTest, BadScenarioReferencesDoNotCrash) {
    Scenario s = one_call();
    s.events.push_back(phone_call(1'000, "ghost", "nowhere"));
    s.nodes[0].next = {go("missing")};
    Engine e(s, detector, mood, 0);
    e.apply(act(2'000, Verb::Answer, "caller"));
    e.apply(say(3'000, "我看看"));
    e.finish(10'000);
    std::vector<std::string> notices;
    for (auto* n : entries_of(e.log(), Kind::Notice)) notices.push_back(zh_ids(n->message));
    EXPECT_EQ(notices,
              (std::vector<std::string>{"场景错误:事件引用了不存在的角色“ghost”,已跳过。",
                                        "场景错误:对话节点“missing”不存在,对话无法继续。"}));
}

}  // namespace
}  // namespace dd
