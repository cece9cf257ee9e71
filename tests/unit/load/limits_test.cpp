// The bounds of sim/model/limits.h that the loaders enforce, each at the limit (accepted) and one
// past it (refused with the place and what to do).
#include <gtest/gtest.h>

#include <string>

#include "sim/load/scenario_loader.h"
#include "sim/load/transcript_loader.h"
#include "sim/model/limits.h"

namespace dd {
namespace {

std::string scenario_with_calls(std::size_t calls) {
    std::string actors = "actors:\n", events = "events:\n";
    for (std::size_t i = 0; i < calls; ++i) {
        const std::string id = "c" + std::to_string(i);
        actors += "  " + id + ": {name: 王女士, role: owner}\n";
        events += "  - {at: " + std::to_string(i) + "s, phone_call: {from: " + id + ", start: a}}\n";
    }
    return "id: complaint.t\ntitle: t\ncategory: complaint\ndifficulty: 1\n" + actors + events +
           "dialogue:\n  a: {says: '喂?', end: true}\ncriteria: [courtesy.greeting]\n";
}

TEST(Limits, ScenarioEventsAtTheLimitLoadOnePastIsRefused) {
    Diagnostics d;
    EXPECT_TRUE(load_scenario_text(scenario_with_calls(limits::kMaxScenarioEvents), "ok.yaml", d))
        << d.to_string();
    d.clear();
    EXPECT_FALSE(
        load_scenario_text(scenario_with_calls(limits::kMaxScenarioEvents + 1), "big.yaml", d));
    const std::string out = d.to_string();
    EXPECT_NE(out.find("big.yaml:6:3: error: too many actors (101); at most 100: split the scenario"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("big.yaml:108:3: error: too many timeline events (101); at most 100: a drill has a handful "
                       "of callers and visitors; split the scenario"),
              std::string::npos)
        << out;
}

std::string transcript_saying(const std::string& reply, std::size_t actions = 1) {
    std::string t = "scenario: complaint.t\nseed: 1\nactions:\n";
    for (std::size_t i = 0; i < actions; ++i)
        t += "  - {at: " + std::to_string(i) + ", say: \"" + reply + "\"}\n";
    return t;
}

std::string chars(std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += "好";
    return s;
}

TEST(Limits, ReplyAtTheLimitLoadsOnePastIsRefusedWithItsPlace) {
    Diagnostics d;
    auto t = load_transcript_text(transcript_saying(chars(limits::kMaxReplyChars)), "ok.yaml", d);
    ASSERT_TRUE(t) << d.to_string();
    EXPECT_EQ(t->actions.size(), 1u);
    d.clear();
    EXPECT_FALSE(
        load_transcript_text(transcript_saying(chars(limits::kMaxReplyChars + 1)), "long.yaml", d));
    EXPECT_EQ(d.to_string(),
              "long.yaml:4:18: error: reply of 1001 characters; a reply is at most 1000 — split it "
              "into several `say` actions\n");
}

TEST(Limits, ActionsAtTheLimitLoadOnePastIsRefused) {
    Diagnostics d;
    auto t = load_transcript_text(transcript_saying("您好", limits::kMaxTranscriptActions),
                                  "ok.yaml", d);
    ASSERT_TRUE(t) << d.to_string();
    EXPECT_EQ(t->actions.size(), limits::kMaxTranscriptActions);
    d.clear();
    EXPECT_FALSE(load_transcript_text(transcript_saying("您好", limits::kMaxTranscriptActions + 1),
                                      "many.yaml", d));
    EXPECT_EQ(d.to_string(), "many.yaml:4:3: error: too many actions (5001); at most 5000 in one "
                             "attempt; split the transcript\n");
}

}  // namespace
}  // namespace dd
