// The session: a drill played action by action as the window does (the clock moved by hand or by
// wall time), saved as a transcript, replays to the identical attempt log and report.
#include <gtest/gtest.h>

#include "app_test_support.h"
#include "sim/app/session.h"

namespace {

using namespace dd;
using namespace dd::app;
using namespace dd::app::test;

SessionConfig manual(std::uint64_t seed = 1, Mode mode = Mode::Practice) {
    SessionConfig c;
    c.seed = seed;
    c.mode = mode;
    c.manual_clock = true;
    return c;
}

// Plays a transcript's actions through the session the way a person at the desk would: wait
// until the action's time, then do it (waits just let the clock run).
void play(Session& s, const Transcript& t) {
    for (Action a : t.actions) {
        if (a.verb == Verb::Wait) {
            s.set_clock(a.at + a.duration);
            continue;
        }
        s.set_clock(a.at);
        a.at = 0;  // the session stamps the time itself
        s.act(a);
    }
}

TEST(Session, GoldPlayedAtTheDeskReplaysIdentically) {
    auto be = backend();
    ASSERT_TRUE(be->detector) << (be->problems.empty() ? "" : be->problems.front());
    auto sc = scenario();
    ASSERT_TRUE(sc);
    Session s(sc, be, manual(1));
    play(s, transcript(kGoldYaml));
    EXPECT_TRUE(s.over()) << "the caller hangs up after the farewell";
    s.end();
    ASSERT_TRUE(s.ended());
    const AttemptLog& log = s.engine().log();
    EXPECT_EQ(log.ended_at, 101'000);
    EXPECT_EQ(log.rejected, 0);
    ASSERT_TRUE(log.thread("owner"));
    EXPECT_EQ(log.thread("owner")->ended_by, ThreadRecord::EndedBy::Actor);
    // The closing action is a zero wait at the end time, so the replay ends there too.
    const Transcript saved = s.transcript_for_save();
    ASSERT_FALSE(saved.actions.empty());
    EXPECT_EQ(saved.actions.back().verb, Verb::Wait);
    EXPECT_EQ(saved.actions.back().at, 101'000);
    EXPECT_EQ(saved.actions.back().duration, 0);
    EXPECT_EQ(saved.seed, 1u);
    expect_replays_identically(s);
    if (be->score) {
        ASSERT_TRUE(s.report()) << s.score_error();
        EXPECT_TRUE(s.report()->passed);
        // Same score as the gold transcript itself.
        std::string err;
        auto gold =
            be->score(*sc, replay(*sc, transcript(kGoldYaml), *be->detector, be->mood), &err);
        ASSERT_TRUE(gold);
        EXPECT_EQ(s.report()->score, gold->score);
    }
}

TEST(Session, PoorPlayedAtTheDeskReplaysIdentically) {
    auto be = backend();
    ASSERT_TRUE(be->detector);
    Session s(scenario(), be, manual(1));
    play(s, transcript(kPoorYaml));
    s.end();
    expect_replays_identically(s);
    if (s.report()) {
        EXPECT_FALSE(s.report()->passed);
    }
}

TEST(Session, EndingMidCallRecordsEnd) {
    auto be = backend();
    ASSERT_TRUE(be->detector);
    Session s(scenario(), be, manual(3));
    s.set_clock(6'000);
    Action a;
    a.verb = Verb::Answer;
    a.arg = "phone";
    EXPECT_TRUE(s.act(a).ok);
    s.set_clock(20'000);
    EXPECT_FALSE(s.over());
    s.end();
    const Transcript t = s.transcript_for_save();
    ASSERT_EQ(t.actions.size(), 2u);
    EXPECT_EQ(t.actions[1].verb, Verb::End);
    EXPECT_EQ(t.actions[1].at, 20'000);
    EXPECT_EQ(s.engine().log().ended_at, 20'000);
    expect_replays_identically(s);
    // After the end nothing more is taken.
    EXPECT_FALSE(s.act(a).ok);
}

TEST(Session, AnActionAtTheMomentOfARingBeatsTheRing) {
    // Rings at 0, 4, 8 s; answering exactly at 8.000 s: in a replay ties go to the trainee, and
    // the desk must agree (2 rings heard, not 3).
    auto be = backend();
    ASSERT_TRUE(be->detector);
    Session s(scenario(), be, manual(1));
    for (Millis t = 0; t <= 8'000; t += 500) s.set_clock(t);
    Action a;
    a.verb = Verb::Answer;
    a.arg = "phone";
    ASSERT_TRUE(s.act(a).ok);
    ASSERT_TRUE(s.engine().log().thread("owner"));
    EXPECT_EQ(s.engine().log().thread("owner")->rings_before_answer, 2);
    s.set_clock(30'000);
    s.end();
    expect_replays_identically(s);
}

TEST(Session, RefusedActionsAreRecordedAndRefusedAgainOnReplay) {
    auto be = backend();
    ASSERT_TRUE(be->detector);
    Session s(scenario(), be, manual(1));
    s.set_clock(2'000);
    Action say;
    say.verb = Verb::Say;
    say.text = "您好";
    const ApplyResult r = s.act(say);  // nobody on the line yet
    EXPECT_FALSE(r.ok);
    EXPECT_FALSE(r.error.empty());
    EXPECT_EQ(s.recorded().actions.size(), 1u);
    s.set_clock(4'000);
    s.end();
    EXPECT_EQ(s.engine().log().rejected, 1);
    expect_replays_identically(s);
}

TEST(Session, WallClockRunsAtSpeedPausesAndCapsStalls) {
    auto be = backend();
    ASSERT_TRUE(be->detector);
    SessionConfig c;
    c.seed = 1;
    c.speed = 2.0;
    Session s(scenario(), be, c);
    s.tick(0.1);
    EXPECT_EQ(s.now(), 200);
    s.set_paused(true);
    s.tick(0.1);
    EXPECT_EQ(s.now(), 200);
    s.set_paused(false);
    s.tick(5.0);  // a stalled frame counts as 0.25 s at most
    EXPECT_EQ(s.now(), 700);
    s.set_speed(100);
    EXPECT_DOUBLE_EQ(s.speed(), 16.0);
    s.skip_to_next_event();
    ASSERT_TRUE(s.engine().next_event_time());
    EXPECT_GE(s.now(), 4'000);  // next ring
}

TEST(Session, AssessmentRunsInRealTimeOnly) {
    auto be = backend();
    ASSERT_TRUE(be->detector);
    SessionConfig c;
    c.mode = Mode::Assessment;
    c.speed = 4.0;
    Session s(scenario(), be, c);
    EXPECT_DOUBLE_EQ(s.speed(), 1.0);
    s.set_speed(8);
    EXPECT_DOUBLE_EQ(s.speed(), 1.0);
    s.set_paused(true);
    s.tick(0.1);
    EXPECT_EQ(s.now(), 100);  // no pause in assessment
    const Millis before = s.now();
    s.skip_to_next_event();
    EXPECT_EQ(s.now(), before);  // no fast-forward either
    EXPECT_EQ(s.transcript_for_save().mode, "assessment");
}

TEST(Session, TimeLimitIsCrossedByARecordedWaitSoTheReplayReachesIt) {
    auto be = backend();
    ASSERT_TRUE(be->detector);
    Diagnostics d;
    auto sc = load_scenario_text(
        "id: complaint.time-limit-test\nversion: 1\ntitle: 限时测试\ncategory: complaint\n"
        "difficulty: 1\nused_for: [onboarding]\nsite: {name: 阳光花园, company: 安居物业}\n"
        "time_limit: 20s\n"
        "actors:\n  owner: {name: 王女士, role: owner, room: 3-1202, phone: \"13800001111\"}\n"
        "events:\n  - {at: 0s, phone_call: {from: owner, start: open}}\n"
        "dialogue:\n  open:\n    actor: owner\n    says: 喂?\n    end: true\n"
        "outcome: {request_type: complaint}\ncriteria: [courtesy.greeting]\n",
        "limit.yaml", d);
    ASSERT_TRUE(sc) << d.to_string();
    Session s(std::make_shared<const Scenario>(std::move(*sc)), be, manual(1));
    s.set_clock(3'000);
    Action a;
    a.verb = Verb::Answer;
    a.arg = "phone";
    s.act(a);
    s.set_clock(25'000);
    EXPECT_TRUE(s.over());
    EXPECT_EQ(s.now(), 20'000);
    s.end();
    EXPECT_EQ(s.engine().log().ended_at, 20'000);
    expect_replays_identically(s);
}

}  // namespace
