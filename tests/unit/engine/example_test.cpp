// The example scenario (complaint.night-renovation-noise) with its gold and poor transcripts:
// built in code, loaded from its files, and with the real lexicon — the branches a reader of
// the YAML expects, who hangs up first, and byte-identical replays.
#include <gtest/gtest.h>

#include "engine_test_support.h"
#include "scoring/text/lexicon.h"
#include "sim/engine/log_format.h"
#include "sim/load/scenario_loader.h"
#include "sim/load/transcript_loader.h"

namespace dd {
namespace {

using namespace dd::test;
using Kind = LogEntry::Kind;
using Path = std::vector<std::string>;

const std::string kScenarioFile =
    std::string(DESKDRILL_SCENARIOS_DIR) + "/complaint/night-renovation-noise.yaml";
const std::string kGoldFile =
    std::string(DESKDRILL_TESTS_DIR) + "/golden/complaint.night-renovation-noise/gold.yaml";
const std::string kPoorFile =
    std::string(DESKDRILL_TESTS_DIR) + "/golden/complaint.night-renovation-noise/poor.yaml";

const NodeVisit* visit(const AttemptLog& log, const std::string& node) {
    for (const auto& v : log.visits)
        if (v.node == node) return &v;
    return nullptr;
}

bool has(const std::vector<std::string>& list, const std::string& v) {
    return std::find(list.begin(), list.end(), v) != list.end();
}

// What every gold run must show, whatever the detector.
void expect_gold_story(const AttemptLog& log) {
    EXPECT_EQ(path_of(log), (Path{"open", "details", "contact", "close"}));
    EXPECT_EQ(log.rejected, 0);
    const ThreadRecord* t = log.thread("owner");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->kind, ThreadRecord::Kind::Phone);
    EXPECT_EQ(t->rings_before_answer, 2);
    EXPECT_EQ(t->answered_at, 5'000);
    EXPECT_EQ(t->ended_by, ThreadRecord::EndedBy::Actor) << "the caller hangs up first";
    EXPECT_EQ(t->ended_at, 90'000 + Engine::kCallerHangUpDelay);
    EXPECT_LT(t->mood_end, t->mood_start) << "a good trainee calms the caller";
    // record/classify/dispatch come while `contact` is current, before the repeat-back.
    const NodeVisit* contact = visit(log, "contact");
    ASSERT_NE(contact, nullptr);
    for (const char* d : {"record", "classify", "dispatch", "dispatch:security", "classify:urgent"})
        EXPECT_TRUE(has(contact->did, d)) << d;
    EXPECT_EQ(contact->first_reply_at, 70'000);
    EXPECT_EQ(log.ended_at, 101'000);
    auto ends = entries_of(log, Kind::AttemptEnd);
    ASSERT_EQ(ends.size(), 1u);
    EXPECT_EQ(ends[0]->cause, "all-closed");
}

// What every poor run must show: a late answer, the manager demanded, the trainee hangs up.
void expect_poor_story(const AttemptLog& log) {
    const ThreadRecord* t = log.thread("owner");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->rings_before_answer, 7);  // rings at 0, 4, … 24 s; picked up at 25 s
    EXPECT_EQ(t->answered_at, 25'000);
    int ring_mood = 0;
    for (auto* m : entries_of(log, Kind::Mood))
        if (m->cause == "ring") ring_mood += m->delta;
    EXPECT_GT(ring_mood, 0) << "rings 4–7 raised the mood";
    EXPECT_NE(visit(log, "demand-manager"), nullptr);
    EXPECT_EQ(t->ended_by, ThreadRecord::EndedBy::Trainee);
    EXPECT_EQ(t->ended_at, 112'000);
    EXPECT_EQ(log.rejected, 0);
    EXPECT_GE(t->mood_end, 85);
}

struct ExampleTest : ::testing::Test {
    KeywordDetector detector;
    MoodParams mood;
};

TEST_F(ExampleTest, GoldTakesTheStraightPath) {
    const AttemptLog log = replay(example_scenario(), example_gold(), detector, mood);
    expect_gold_story(log);
    // Mood went down with the greeting, the apology/empathy, the dispatch and the reassurance.
    bool apology = false;
    for (auto* m : entries_of(log, Kind::Mood)) apology |= m->cause == "act:apology";
    EXPECT_TRUE(apology);
}

TEST_F(ExampleTest, PoorIsDeflectedToDemandManager) {
    const AttemptLog log = replay(example_scenario(), example_poor(), detector, mood);
    expect_poor_story(log);
    // With the keyword detector 喂,什么事? is neutral: the late answer alone (82) stays under
    // the 85 of `open`, and the deflection in `details` sends the caller to the manager.
    EXPECT_EQ(path_of(log), (Path{"open", "details", "demand-manager", "contact", "close"}));
    const NodeVisit* details = visit(log, "details");
    ASSERT_NE(details, nullptr);
    EXPECT_TRUE(has(details->forbidden, "deflect"));
    EXPECT_EQ(details->next, "demand-manager");
    EXPECT_EQ(log.thread("owner")->mood_start, 70);
}

TEST_F(ExampleTest, ReplayIsByteIdentical) {
    const Scenario s = example_scenario();
    for (const Transcript& t : {example_gold(), example_poor()}) {
        const std::string a = log_to_json(replay(s, t, detector, mood));
        const std::string b = log_to_json(replay(s, t, detector, mood));
        EXPECT_EQ(a, b);
        EXPECT_EQ(log_to_text(replay(s, t, detector, mood)),
                  log_to_text(replay(s, t, detector, mood)));
    }
}

struct Loaded {
    std::optional<Scenario> scenario;
    std::optional<Transcript> gold, poor;
};

Loaded load_example() {
    Loaded l;
    Diagnostics diags;
    l.scenario = load_scenario_file(kScenarioFile, diags);
    l.gold = load_transcript_file(kGoldFile, diags);
    l.poor = load_transcript_file(kPoorFile, diags);
    EXPECT_FALSE(diags.has_errors()) << diags.to_string();
    return l;
}

TEST_F(ExampleTest, FilesPlayLikeTheScenarioBuiltInCode) {
    Loaded l = load_example();
    ASSERT_TRUE(l.scenario && l.gold && l.poor);
    // Same inputs, built two ways: same log.
    EXPECT_EQ(log_to_json(replay(*l.scenario, *l.gold, detector, mood)),
              log_to_json(replay(example_scenario(), example_gold(), detector, mood)));
    EXPECT_EQ(log_to_json(replay(*l.scenario, *l.poor, detector, mood)),
              log_to_json(replay(example_scenario(), example_poor(), detector, mood)));
}

TEST_F(ExampleTest, FilesPlayWithTheRealLexicon) {
    Loaded l = load_example();
    ASSERT_TRUE(l.scenario && l.gold && l.poor);
    Diagnostics diags;
    auto lex = load_lexicon(std::string(DESKDRILL_SCENARIOS_DIR) + "/lexicon.yaml", diags);
    ASSERT_TRUE(lex) << diags.to_string();
    const AttemptLog gold = replay(*l.scenario, *l.gold, *lex->detector, lex->mood);
    expect_gold_story(gold);
    const AttemptLog poor = replay(*l.scenario, *l.poor, *lex->detector, lex->mood);
    expect_poor_story(poor);
    // The lexicon hears 喂,什么事 as rude: on top of the late answer that is more than the
    // 85 of `open` allows, so the caller demands the manager at once.
    EXPECT_EQ(path_of(poor).at(1), "demand-manager");
    const NodeVisit* open = visit(poor, "open");
    ASSERT_NE(open, nullptr);
    EXPECT_TRUE(has(open->forbidden, "rude"));
}

}  // namespace
}  // namespace dd
