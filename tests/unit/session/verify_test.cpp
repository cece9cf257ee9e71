// deskdrill verify: the static graph checks on small broken scenarios, and the exploration on
// the client's example (both of its endings reached, a pass and a fail among them).
#include "sim/session/verify.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "scoring/rubric/catalogue.h"
#include "scoring/text/lexicon.h"
#include "sim/load/scenario_loader.h"
#include "sim/load/validate.h"

#include <iostream>

namespace dd {
namespace {

struct Fixture : ::testing::Test {
    static void SetUpTestSuite() {
        Diagnostics d;
        lexicon = std::make_unique<Lexicon>(*read_lexicon(DESKDRILL_SCENARIOS_DIR "/lexicon.yaml", d));
        detector = LexiconDetector::build(*lexicon, d);
        catalogue = std::make_unique<Catalogue>(
            *load_catalogue(DESKDRILL_SCENARIOS_DIR "/standards.yaml", d));
        ASSERT_FALSE(d.has_errors()) << d.to_string();
    }
    static void TearDownTestSuite() {
        detector.reset();
        lexicon.reset();
        catalogue.reset();
    }
    static inline std::unique_ptr<Lexicon> lexicon;
    static inline std::unique_ptr<LexiconDetector> detector;
    static inline std::unique_ptr<Catalogue> catalogue;

    // Loads `dialogue` (YAML lines, indented 2) into a one-call scenario and verifies it.
    std::string verify_dialogue(const std::string& dialogue, const std::string& extra = "") {
        const std::string text =
            "id: complaint.t\ntitle: t\ncategory: complaint\ndifficulty: 1\n" + extra +
            "actors:\n  owner: {name: 王女士, role: owner, room: 3-1202, phone: \"13800001111\"}\n"
            "events:\n  - {at: 0s, phone_call: {from: owner, start: a}}\n"
            "dialogue:\n" + dialogue +
            "criteria: [courtesy.greeting, closure.farewell]\n";
        Diagnostics d;
        auto s = load_scenario_text(text, "t.yaml", d);
        EXPECT_TRUE(s.has_value()) << d.to_string();
        if (!s) return "";
        d.clear();
        last = verify_scenario(*s, *lexicon, *detector, *catalogue, d);
        return d.to_string();
    }
    VerifyResult last;
};

TEST_F(Fixture, CleanScenarioHasNoErrors) {
    const std::string out = verify_dialogue(
        "  a: {actor: owner, says: '喂?', next: [{goto: b}]}\n"
        "  b: {actor: owner, says: '好的,再见。', expect: {acts: [farewell]}, end: true}\n");
    EXPECT_EQ(out, "");
    EXPECT_TRUE(last.passing_path);
    ASSERT_EQ(last.endings.size(), 1u);
    EXPECT_EQ(last.endings[0].label, "owner@b");
    EXPECT_EQ(last.endings[0].best, 100);
}

TEST_F(Fixture, ReportsUnreachableNode) {
    const std::string out = verify_dialogue(
        "  a: {actor: owner, says: '喂?', end: true}\n"
        "  lost: {actor: owner, says: '没人来这里', end: true}\n");
    EXPECT_NE(out.find("t.yaml:11:3: error: node 'lost' is unreachable"), std::string::npos) << out;
}

TEST_F(Fixture, ReportsDeadEnd) {
    const std::string out = verify_dialogue(
        "  a: {actor: owner, says: '喂?', next: [{goto: b}]}\n"
        "  b: {actor: owner, says: '还有呢?', next: [{goto: a}]}\n");
    EXPECT_NE(out.find("t.yaml:10:3: error: dead end: from node 'a'"), std::string::npos) << out;
    EXPECT_NE(out.find("t.yaml:11:3: error: dead end: from node 'b'"), std::string::npos) << out;
}

TEST_F(Fixture, ReportsImpossibleConditionsAndShadowedEntries) {
    const std::string out = verify_dialogue(
        "  a:\n    actor: owner\n    says: 喂?\n    next:\n"
        "      - {if: {mood: {above: 100}}, goto: b}\n"
        "      - {if: {said: [apology], not_said: [apology]}, goto: b}\n"
        "      - {if: {visits: {above: 1}}, goto: b}\n"
        "      - {goto: b}\n"
        "      - {goto: b}\n"
        "  b: {actor: owner, says: '再见', end: true}\n");
    EXPECT_NE(out.find("condition can never be true: mood is at most 100"), std::string::npos)
        << out;
    EXPECT_NE(out.find("'apology' is both in `said` and `not_said`"), std::string::npos) << out;
    EXPECT_NE(out.find("node 'a' is entered at most once"), std::string::npos) << out;
    EXPECT_NE(out.find("t.yaml:18:9: warning: this `next` entry is never tried"), std::string::npos)
        << out;
}

TEST_F(Fixture, ReportsTimersLongerThanTheScenario) {
    const std::string out = verify_dialogue(
        "  a: {actor: owner, says: '喂?', expect: {within: 5m}, end: true}\n", "time_limit: 2m\n");
    EXPECT_NE(out.find("error: timer longer than the scenario: `within: 5m` exceeds time_limit 2m"),
              std::string::npos)
        << out;
}

TEST_F(Fixture, ExploresSeveralSeedsWhenTheScenarioVaries) {
    verify_dialogue("  a: {actor: owner, says: '喂?', end: true}\n");
    EXPECT_EQ(last.seeds, 1) << "no variation, seed 0 only";
    Diagnostics d;
    auto s = load_scenario_text(
        "id: complaint.t\ntitle: t\ncategory: complaint\ndifficulty: 1\n"
        "actors:\n  owner: {name: 王女士, role: owner, vary: [{name: 李女士}]}\n"
        "events:\n  - {at: 5s, jitter: 20s, phone_call: {from: owner, start: a}}\n"
        "dialogue:\n  a: {actor: owner, says: '喂?', end: true}\n"
        "criteria: [courtesy.greeting]\n",
        "t.yaml", d);
    ASSERT_TRUE(s) << d.to_string();
    VerifyResult r = verify_scenario(*s, *lexicon, *detector, *catalogue, d);
    EXPECT_EQ(r.seeds, 4);
    EXPECT_TRUE(r.passing_path) << d.to_string();
    EXPECT_NE(verify_to_text(r).find("over 4 seeds"), std::string::npos);
}

TEST_F(Fixture, ReportsCriterionNoPathEarns) {
    // A furious caller who must end calmer than 5 after one exchange: no reply can do that.
    const std::string text =
        "id: complaint.t\ntitle: t\ncategory: complaint\ndifficulty: 1\n"
        "actors:\n  owner: {name: 王女士, role: owner, mood: 95, persona: {temper: hot}}\n"
        "events:\n  - {at: 0s, phone_call: {from: owner, start: a}}\n"
        "dialogue:\n  a: {actor: owner, says: '气死我了!', end: true}\n"
        "outcome: {mood_below: 5}\n"
        "criteria: [courtesy.greeting, mood.calm-at-end]\n";
    Diagnostics d;
    auto s = load_scenario_text(text, "t.yaml", d);
    ASSERT_TRUE(s) << d.to_string();
    d.clear();
    VerifyResult r = verify_scenario(*s, *lexicon, *detector, *catalogue, d);
    EXPECT_EQ(r.unearned_criteria, std::vector<std::string>{"mood.calm-at-end"});
    EXPECT_NE(d.to_string().find("t.yaml:12:31: error: criterion 'mood.calm-at-end' is earned by "
                                 "no path"),
              std::string::npos)
        << d.to_string();
}

TEST_F(Fixture, ExampleReachesBothEndingsWithAPassAndAFail) {
    Diagnostics d;
    auto s = load_scenario_file(DESKDRILL_SCENARIOS_DIR "/complaint/night-renovation-noise.yaml", d);
    ASSERT_TRUE(s) << d.to_string();
    VerifyResult r = verify_scenario(*s, *lexicon, *detector, *catalogue, d);
    EXPECT_FALSE(d.has_errors()) << d.to_string();
    EXPECT_TRUE(r.passing_path);
    EXPECT_TRUE(r.failing_path);
    ASSERT_FALSE(r.endings.empty());
    const auto close = std::find_if(r.endings.begin(), r.endings.end(),
                                    [](const VerifyEnding& e) { return e.label == "owner@close"; });
    ASSERT_NE(close, r.endings.end()) << verify_to_text(r);
    EXPECT_GE(close->best, 90);
    EXPECT_LT(close->worst, close->best);
}

}  // namespace
}  // namespace dd

namespace dd {
namespace {

// verify always finishes (issue 15): the library fits well inside the work budget, and a
// scenario of many calls stops at the budget, says what it left out, and is not a silent pass.
TEST_F(Fixture, EveryLibraryScenarioIsExploredWithinTheWorkBudget) {
    std::size_t most = 0;
    std::string which;
    for (const auto& f : collect_yaml_files({DESKDRILL_SCENARIOS_DIR}, *std::make_unique<Diagnostics>())) {
        Diagnostics d;
        auto s = load_scenario_file(f, d);
        ASSERT_TRUE(s) << d.to_string();
        const VerifyResult r = verify_scenario(*s, *lexicon, *detector, *catalogue, d);
        EXPECT_FALSE(r.truncated) << f;
        if (r.work > most) {
            most = r.work;
            which = s->id;
        }
    }
    // Headroom: the largest library scenario uses under a quarter of the budget.
    EXPECT_LT(most * 4, VerifyLimits{}.max_work) << which << " used " << most;
    std::cout << "largest exploration: " << which << ", " << most << " log entries\n";
}

TEST_F(Fixture, AHugeScenarioStopsAtTheBudgetAndSaysSo) {
    std::string text =
        "id: complaint.many-calls\ntitle: t\ncategory: complaint\ndifficulty: 1\nactors:\n";
    std::string events = "events:\n";
    for (int i = 0; i < 90; ++i) {
        text += "  c" + std::to_string(i) +
                ": {name: 王女士, role: owner, room: 3-1202, phone: \"13800001111\"}\n";
        events += "  - {at: " + std::to_string(i) + "s, phone_call: {from: c" + std::to_string(i) +
                  ", start: a}}\n";
    }
    text += events +
            "dialogue:\n  a: {says: '喂?', next: [{if: {said: [apology]}, goto: b}, {goto: b}]}\n"
            "  b: {says: '好的,再见。', expect: {acts: [farewell]}, end: true}\n"
            "criteria: [courtesy.greeting, closure.farewell]\n";
    Diagnostics d;
    auto s = load_scenario_text(text, "many.yaml", d);
    ASSERT_TRUE(s) << d.to_string();
    VerifyLimits lim;
    lim.max_work = 20'000;
    const VerifyResult r = verify_scenario(*s, *lexicon, *detector, *catalogue, d, lim);
    EXPECT_TRUE(r.truncated);
    EXPECT_GT(r.unexplored, 0);
    EXPECT_LT(r.work, lim.max_work + 20'000);  // at most one run past the budget
    EXPECT_NE(d.to_string().find("many.yaml:1:1: warning: exploration stopped at its work budget"),
              std::string::npos)
        << d.to_string();
    // Ending labels stay short however many threads there are.
    for (const auto& e : r.endings) EXPECT_LT(e.label.size(), 200u) << e.label;
}

}  // namespace
}  // namespace dd
