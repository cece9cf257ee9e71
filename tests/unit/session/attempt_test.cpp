// The attempt lifecycle: a drill played action by action as the window does (the clock moved by
// hand or by wall time), ended or abandoned into a record, whose transcript replays to the
// identical attempt log and report.
#include <gtest/gtest.h>

#include "session_test_support.h"
#include "sim/session/hash.h"

namespace {

using namespace dd;
using namespace dd::session;
using namespace dd::session::test;

AttemptConfig manual(std::uint64_t seed = 1, Mode mode = Mode::Practice) {
    AttemptConfig c;
    c.seed = seed;
    c.mode = mode;
    c.manual_clock = true;
    return c;
}

// Plays a transcript's actions through the session the way a person at the desk would: wait
// until the action's time, then do it (waits just let the clock run).
void play(Attempt& s, const Transcript& t) {
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

TEST(Attempt, GoldPlayedAtTheDeskReplaysIdentically) {
    auto be = resources();
    ASSERT_TRUE(be->can_play()) << (be->problems.empty() ? "" : be->problems.front());
    auto sc = scenario();
    ASSERT_TRUE(sc.scenario);
    Attempt s(sc, be, manual(1));
    play(s, transcript(kGoldYaml));
    EXPECT_TRUE(s.over()) << "the caller hangs up after the farewell";
    s.finish();
    ASSERT_TRUE(s.ended());
    EXPECT_EQ(s.record()->ending, Ending::Finished);
    const AttemptLog& log = s.engine().log();
    EXPECT_EQ(log.ended_at, 101'000);
    EXPECT_EQ(log.rejected, 0);
    ASSERT_TRUE(log.thread("owner"));
    EXPECT_EQ(log.thread("owner")->ended_by, ThreadRecord::EndedBy::Actor);
    // The closing action is a zero wait at the end time, so the replay ends there too.
    const Transcript saved = s.record()->transcript;
    ASSERT_FALSE(saved.actions.empty());
    EXPECT_EQ(saved.actions.back().verb, Verb::Wait);
    EXPECT_EQ(saved.actions.back().at, 101'000);
    EXPECT_EQ(saved.actions.back().duration, 0);
    EXPECT_EQ(saved.seed, 1u);
    expect_replays_identically(s);
    ASSERT_TRUE(s.report()) << s.score_error();
    EXPECT_TRUE(s.report()->passed);
    // Same score as the gold transcript itself.
    const AttemptRecord gold = replay_attempt(sc, transcript(kGoldYaml), *be);
    ASSERT_TRUE(gold.report);
    EXPECT_EQ(s.report()->score, gold.report->score);
}

TEST(Attempt, PoorPlayedAtTheDeskReplaysIdentically) {
    auto be = resources();
    ASSERT_TRUE(be->can_play());
    Attempt s(scenario(), be, manual(1));
    play(s, transcript(kPoorYaml));
    s.finish();
    expect_replays_identically(s);
    ASSERT_TRUE(s.report());
    EXPECT_FALSE(s.report()->passed);
}

TEST(Attempt, EndingMidCallRecordsEnd) {
    auto be = resources();
    ASSERT_TRUE(be->can_play());
    Attempt s(scenario(), be, manual(3));
    s.set_clock(6'000);
    Action a;
    a.verb = Verb::Answer;
    a.arg = "phone";
    EXPECT_TRUE(s.act(a).ok);
    s.set_clock(20'000);
    EXPECT_FALSE(s.over());
    s.finish();
    const Transcript t = s.record()->transcript;
    ASSERT_EQ(t.actions.size(), 2u);
    EXPECT_EQ(t.actions[1].verb, Verb::End);
    EXPECT_EQ(t.actions[1].at, 20'000);
    EXPECT_EQ(s.engine().log().ended_at, 20'000);
    expect_replays_identically(s);
    // After the end nothing more is taken.
    EXPECT_FALSE(s.act(a).ok);
}

TEST(Attempt, AnActionAtTheMomentOfARingBeatsTheRing) {
    // Rings at 0, 4, 8 s; answering exactly at 8.000 s: in a replay ties go to the trainee, and
    // the desk must agree (2 rings heard, not 3).
    auto be = resources();
    ASSERT_TRUE(be->can_play());
    Attempt s(scenario(), be, manual(1));
    for (Millis t = 0; t <= 8'000; t += 500) s.set_clock(t);
    Action a;
    a.verb = Verb::Answer;
    a.arg = "phone";
    ASSERT_TRUE(s.act(a).ok);
    ASSERT_TRUE(s.engine().log().thread("owner"));
    EXPECT_EQ(s.engine().log().thread("owner")->rings_before_answer, 2);
    s.set_clock(30'000);
    s.finish();
    expect_replays_identically(s);
}

TEST(Attempt, RefusedActionsAreRecordedAndRefusedAgainOnReplay) {
    auto be = resources();
    ASSERT_TRUE(be->can_play());
    Attempt s(scenario(), be, manual(1));
    s.set_clock(2'000);
    Action say;
    say.verb = Verb::Say;
    say.text = "您好";
    const ApplyResult r = s.act(say);  // nobody on the line yet
    EXPECT_FALSE(r.ok);
    EXPECT_FALSE(r.error.empty());
    EXPECT_EQ(s.recorded().actions.size(), 1u);
    s.set_clock(4'000);
    s.finish();
    EXPECT_EQ(s.engine().log().rejected, 1);
    expect_replays_identically(s);
}

TEST(Attempt, WallClockRunsAtSpeedPausesAndCapsStalls) {
    auto be = resources();
    ASSERT_TRUE(be->can_play());
    AttemptConfig c;
    c.seed = 1;
    c.speed = 2.0;
    Attempt s(scenario(), be, c);
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

TEST(Attempt, AssessmentRunsInRealTimeOnly) {
    auto be = resources();
    ASSERT_TRUE(be->can_play());
    AttemptConfig c;
    c.mode = Mode::Assessment;
    c.speed = 4.0;
    Attempt s(scenario(), be, c);
    EXPECT_DOUBLE_EQ(s.speed(), 1.0);
    s.set_speed(8);
    EXPECT_DOUBLE_EQ(s.speed(), 1.0);
    s.set_paused(true);
    s.tick(0.1);
    EXPECT_EQ(s.now(), 100);  // no pause in assessment
    const Millis before = s.now();
    s.skip_to_next_event();
    EXPECT_EQ(s.now(), before);  // no fast-forward either
    s.finish();
    EXPECT_EQ(s.record()->transcript.mode, "assessment");
    EXPECT_EQ(s.record()->mode, Mode::Assessment);
}

TEST(Attempt, TimeLimitIsCrossedByARecordedWaitSoTheReplayReachesIt) {
    auto be = resources();
    ASSERT_TRUE(be->can_play());
    Diagnostics d;
    auto sc = session::load_scenario_text(
        "id: complaint.time-limit-test\nversion: 1\ntitle: 限时测试\ncategory: complaint\n"
        "difficulty: 1\nused_for: [onboarding]\nsite: {name: 阳光花园, company: 安居物业}\n"
        "time_limit: 20s\n"
        "actors:\n  owner: {name: 王女士, role: owner, room: 3-1202, phone: \"13800001111\"}\n"
        "events:\n  - {at: 0s, phone_call: {from: owner, start: open}}\n"
        "dialogue:\n  open:\n    actor: owner\n    says: 喂?\n    end: true\n"
        "outcome: {request_type: complaint}\ncriteria: [courtesy.greeting]\n",
        "limit.yaml", d);
    ASSERT_TRUE(sc) << d.to_string();
    Attempt s(std::move(*sc), be, manual(1));
    s.set_clock(3'000);
    Action a;
    a.verb = Verb::Answer;
    a.arg = "phone";
    s.act(a);
    s.set_clock(25'000);
    EXPECT_TRUE(s.over());
    EXPECT_EQ(s.now(), 20'000);
    s.finish();
    EXPECT_EQ(s.engine().log().ended_at, 20'000);
    EXPECT_EQ(s.record()->ending, Ending::TimedOut);
    expect_replays_identically(s);
}

// A sink that keeps what it is given.
struct MemorySink : AttemptSink {
    std::vector<AttemptRecord> records;
    bool fail = false;
    bool write(const AttemptRecord& r, std::string* error) override {
        if (fail) {
            *error = "disk full";
            return false;
        }
        records.push_back(r);
        return true;
    }
};

TEST(Attempt, AbandonedHalfWayIsRecordedWithWhatWasPlayed) {
    auto be = resources();
    auto sink = std::make_shared<MemorySink>();
    AttemptConfig c = manual(5, Mode::Assessment);
    c.trainee = "T-0042";
    Attempt s(scenario(), be, c, {sink});
    s.set_clock(6'000);
    Action a;
    a.verb = Verb::Answer;
    a.arg = "phone";
    ASSERT_TRUE(s.act(a).ok);
    s.set_clock(9'000);
    Action say;
    say.verb = Verb::Say;
    say.text = "您好,安居物业";
    ASSERT_TRUE(s.act(say).ok);
    s.set_clock(15'000);
    s.abandon();
    s.abandon();  // once only
    s.finish();   // and not turned into a finished one afterwards
    ASSERT_EQ(sink->records.size(), 1u);
    const AttemptRecord& r = sink->records.front();
    EXPECT_EQ(r.ending, Ending::Abandoned);
    EXPECT_EQ(r.mode, Mode::Assessment);
    EXPECT_EQ(r.trainee, "T-0042");
    EXPECT_EQ(r.transcript.trainee, "T-0042");
    EXPECT_EQ(r.origin, Origin::Proctored);
    EXPECT_EQ(r.seed, 5u);
    ASSERT_EQ(r.transcript.actions.size(), 3u);  // answer, say, the closing `end`
    EXPECT_EQ(r.transcript.actions.back().verb, Verb::End);
    ASSERT_TRUE(r.report);
    EXPECT_FALSE(r.report->passed);
    EXPECT_EQ(r.uuid.size(), 36u);
    EXPECT_LE(r.started_at_ms, r.ended_at_ms);
    expect_replays_identically(s);
}

TEST(Attempt, RecordNamesTheExactTextsItWasPlayedAndScoredWith) {
    auto be = resources();
    const ScenarioFile sc = scenario();
    Attempt s(sc, be, manual(1));
    s.finish();
    const AttemptRecord& r = *s.record();
    EXPECT_EQ(r.scenario_id, "complaint.night-renovation-noise");
    EXPECT_EQ(r.scenario.hash, sha256_hex(*sc.text));
    EXPECT_EQ(r.scenario.text, sc.text);
    EXPECT_EQ(r.lexicon.hash, be->lexicon_snapshot.hash);
    EXPECT_EQ(r.catalogue.hash, be->catalogue_snapshot.hash);
    EXPECT_EQ(r.catalogue.version, be->catalogue->version);
    EXPECT_FALSE(r.lexicon.version.empty());
    // The snapshots alone rebuild the resources and the scenario: replayed from them, the same.
    Diagnostics d;
    auto again = Resources::from_texts(*r.lexicon.text, "lexicon", *r.catalogue.text,
                                       "standards", d);
    auto sc2 = session::load_scenario_text(*r.scenario.text, "snapshot", d);
    ASSERT_TRUE(again->can_score() && sc2) << d.to_string();
    const AttemptRecord back = replay_attempt(*sc2, r.transcript, *again);
    EXPECT_EQ(report_to_json(*back.report), report_to_json(*r.report));
}

TEST(Attempt, AScriptedAttemptIsMarkedSo) {
    AttemptConfig c = manual(1, Mode::Assessment);
    c.origin = Origin::Scripted;
    Attempt s(scenario(), resources(), c);
    s.finish();
    EXPECT_EQ(s.record()->origin, Origin::Scripted);
}

TEST(Attempt, ASinkThatFailsIsReportedAndTheOthersStillGetTheRecord) {
    auto bad = std::make_shared<MemorySink>();
    bad->fail = true;
    auto good = std::make_shared<MemorySink>();
    Attempt s(scenario(), resources(), manual(1), {bad, good});
    s.finish();
    ASSERT_EQ(s.sink_errors().size(), 1u);
    EXPECT_EQ(s.sink_errors().front(), "disk full");
    EXPECT_EQ(good->records.size(), 1u);
}

TEST(Attempt, ReplayTakesModeAndTraineeFromTheTranscriptUnlessTold) {
    Transcript t = transcript(kGoldYaml);
    t.mode = "assessment";
    t.trainee = "张三";
    const auto be = resources();
    AttemptRecord r = replay_attempt(scenario(), t, *be);
    EXPECT_EQ(r.mode, Mode::Assessment);
    EXPECT_EQ(r.trainee, "张三");
    EXPECT_EQ(r.origin, Origin::Imported);
    ReplayOptions o;
    o.mode = Mode::Refresher;
    o.trainee = "李四";
    r = replay_attempt(scenario(), t, *be, o);
    EXPECT_EQ(r.mode, Mode::Refresher);
    EXPECT_EQ(r.trainee, "李四");
    EXPECT_EQ(r.transcript.mode, "refresher");
}

TEST(Record, NamesRoundTrip) {
    for (Mode m : {Mode::Practice, Mode::Assessment, Mode::Refresher})
        EXPECT_EQ(mode_from_name(mode_name(m)), m);
    for (Ending e : {Ending::Finished, Ending::Abandoned, Ending::TimedOut})
        EXPECT_EQ(ending_from_name(ending_name(e)), e);
    for (Origin o : {Origin::Proctored, Origin::Imported, Origin::Scripted})
        EXPECT_EQ(origin_from_name(origin_name(o)), o);
    EXPECT_FALSE(mode_from_name("exam"));
}

}  // namespace
