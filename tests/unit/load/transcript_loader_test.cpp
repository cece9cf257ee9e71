// The transcript loader: the golden transcripts load with the expected actions; every verb's
// forms; then one test per class of error with the exact message and place.
#include "sim/load/transcript_loader.h"

#include <gtest/gtest.h>

namespace dd {
namespace {

const std::string kGolden =
    std::string(DESKDRILL_TESTS_DIR) + "/golden/complaint.night-renovation-noise";

struct Result {
    std::optional<Transcript> t;
    std::string diags;
};

Result load(const std::string& text) {
    Diagnostics d;
    auto t = load_transcript_text(text, "t.yaml", d);
    return {std::move(t), d.to_string()};
}

std::string with_actions(const std::string& actions) {
    return "scenario: complaint.x\nseed: 7\nactions:\n" + actions;
}

TEST(TranscriptLoader, GoldLoads) {
    Diagnostics d;
    auto t = load_transcript_file(kGolden + "/gold.yaml", d);
    ASSERT_TRUE(t) << d.to_string();
    EXPECT_EQ(t->scenario, "complaint.night-renovation-noise");
    EXPECT_EQ(t->seed, 1u);
    ASSERT_EQ(t->actions.size(), 9u);
    EXPECT_EQ(t->actions[0].verb, Verb::Answer);
    EXPECT_EQ(t->actions[0].arg, "phone");
    EXPECT_EQ(t->actions[0].at, 5'000);
    EXPECT_EQ(t->actions[1].verb, Verb::Say);
    EXPECT_EQ(t->actions[1].text, "您好,安居物业客服中心,请问有什么可以帮您?");
    EXPECT_EQ(t->actions[3].verb, Verb::Record);
    ASSERT_TRUE(t->actions[3].field("phone"));
    EXPECT_EQ(*t->actions[3].field("phone"), "13800001111");
    EXPECT_EQ(*t->actions[3].field("issue"), "楼上夜间装修噪音");
    EXPECT_EQ(t->actions[4].verb, Verb::Classify);
    EXPECT_EQ(*t->actions[4].field("level"), "urgent");
    EXPECT_EQ(t->actions[5].verb, Verb::Dispatch);
    EXPECT_EQ(t->actions[5].arg, "security");
    EXPECT_EQ(t->actions[8].verb, Verb::Wait);
    EXPECT_EQ(t->actions[8].duration, 10'000);
    EXPECT_EQ(t->actions[8].pos.line, 13);
}

TEST(TranscriptLoader, PoorLoads) {
    Diagnostics d;
    auto t = load_transcript_file(kGolden + "/poor.yaml", d);
    ASSERT_TRUE(t) << d.to_string();
    EXPECT_EQ(t->actions.back().verb, Verb::HangUp);
    EXPECT_EQ(t->actions.back().arg, "phone");
}

TEST(TranscriptLoader, EveryVerb) {
    auto r = load(R"(scenario: emergency.fire
seed: 42
mode: practice
trainee: 张三
actions:
  - {at: 1, answer: phone}
  - {at: 2, hold: true}
  - {at: 2.5, say: 请稍等, to: phone}
  - {at: 3, choose: 2}
  - {at: 4, choose: "1"}
  - {at: 5, record: {name: 王女士, room: 3-1202, phone: "138", issue: 火, time: 今晚, contact: 微信}}
  - {at: 6, classify: {type: emergency, level: special}}
  - {at: 7, dispatch: security}
  - {at: 8, escalate: manager}
  - {at: 9, call: 119}
  - {at: 10, call: "120"}
  - {at: 11, notify: residents}
  - {at: 12, register_visitor: true}
  - {at: 13, register_visitor: {name: 李四, visiting: 3-1202, id: "110101"}}
  - {at: 14, broadcast: evacuation}
  - {at: 15, hand_over: first-aid-kit}
  - {at: 16, hang_up: phone}
  - {at: 1m, wait: 10s}
  - {wait: 5s}
  - {wait: 5s}
  - {at: 90, focus: owner}
  - {at: 1m40s, end: true}
)");
    ASSERT_TRUE(r.t) << r.diags;
    const auto& a = r.t->actions;
    ASSERT_EQ(a.size(), 22u);
    EXPECT_EQ(r.t->mode, "practice");
    EXPECT_EQ(r.t->trainee, "张三");
    EXPECT_EQ(a[1].verb, Verb::Hold);
    EXPECT_EQ(a[1].arg, "");
    EXPECT_EQ(a[2].at, 2'500);
    EXPECT_EQ(a[2].to, "phone");
    EXPECT_EQ(a[3].choice, 1) << "choose: 2 is the second offered reply, stored 0-based";
    EXPECT_EQ(a[4].choice, -1) << "a quoted choice is the reply's text";
    EXPECT_EQ(a[4].text, "1");
    EXPECT_EQ(a[5].fields.size(), 6u);
    EXPECT_EQ(*a[6].field("type"), "emergency");
    EXPECT_EQ(a[9].arg, "119");
    EXPECT_EQ(a[10].arg, "120");
    EXPECT_EQ(a[12].verb, Verb::RegisterVisitor);
    EXPECT_TRUE(a[12].fields.empty());
    EXPECT_EQ(*a[13].field("visiting"), "3-1202");
    EXPECT_EQ(a[15].verb, Verb::HandOver);
    EXPECT_EQ(a[16].verb, Verb::HangUp);
    EXPECT_EQ(a[17].at, 60'000);
    // A wait without `at` follows the previous action: when the previous wait ends.
    EXPECT_EQ(a[18].at, 70'000);
    EXPECT_EQ(a[19].at, 75'000);
    EXPECT_EQ(a[20].verb, Verb::Focus);
    EXPECT_EQ(a[21].verb, Verb::End);
    EXPECT_EQ(a[21].at, 100'000);
}

TEST(TranscriptErrors, Syntax) {
    auto r = load(with_actions("  - {at: 1, say: 你好\n"));
    EXPECT_FALSE(r.t);
    EXPECT_EQ(r.diags.substr(0, r.diags.find('\n')),
              "t.yaml:5:1: error: YAML syntax error: end of map flow not found; the '{' at line "
              "4, column 5 is not closed");
}

TEST(TranscriptErrors, UnknownVerbWithDidYouMean) {
    auto r = load(with_actions("  - {at: 1, sya: 你好}\n"));
    EXPECT_EQ(r.diags,
              "t.yaml:4:5: error: actions[0] has no verb; add one of answer, hold, say, choose, "
              "record, classify, dispatch, escalate, call, notify, register_visitor, broadcast, "
              "hand_over, hang_up, wait, end, focus\n"
              "t.yaml:4:13: error: unknown key 'sya' in actions[0]; did you mean 'say'?\n");
}

TEST(TranscriptErrors, TwoVerbs) {
    auto r = load(with_actions("  - {at: 1, say: 你好, dispatch: security}\n"));
    EXPECT_EQ(r.diags,
              "t.yaml:4:22: error: actions[0] has two verbs, 'say' and 'dispatch'; put each in "
              "its own action\n");
}

TEST(TranscriptErrors, AtGoesBackInTime) {
    auto r = load(with_actions("  - {at: 45, say: a}\n  - {at: 40, say: b}\n"));
    EXPECT_EQ(r.diags,
              "t.yaml:5:10: error: 'at' goes back in time: 40s is before the previous action at "
              "45s; keep the actions in time order\n");
}

TEST(TranscriptErrors, MissingAt) {
    auto r = load(with_actions("  - {at: 12, say: a}\n  - {say: b}\n"));
    EXPECT_EQ(r.diags,
              "t.yaml:5:5: error: actions[1] has no 'at'; give its time in seconds, e.g. {at: "
              "12, say: …}\n");
}

TEST(TranscriptErrors, UnknownEnumValue) {
    auto r = load(with_actions("  - {at: 1, dispatch: secruity}\n  - {at: 2, call: 911}\n"));
    EXPECT_EQ(r.diags,
              "t.yaml:4:23: error: unknown department 'secruity'; did you mean 'security'? "
              "(allowed: engineering, security, cleaning, landscaping, finance, "
              "customer-service)\n"
              "t.yaml:5:19: error: unknown emergency number '911' (allowed: 110, 119, 120)\n");
}

TEST(TranscriptErrors, WrongTypes) {
    auto r =
        load(with_actions("  - {at: 1, say: [a, b]}\n  - {at: 2, record: 王女士}\n"
                          "  - {at: 3, wait: long}\n  - {at: x, end: true}\n"));
    EXPECT_EQ(r.diags,
              "t.yaml:4:18: error: expected a string for 'say', got a list\n"
              "t.yaml:5:21: error: expected a map for 'record', got '王女士'\n"
              "t.yaml:6:19: error: expected a duration like 30s, 2m or 1h30m for 'wait', got "
              "'long'\n"
              "t.yaml:7:10: error: expected a duration like 30s, 2m or 1h30m for 'at', got 'x'\n");
}

TEST(TranscriptErrors, RecordFieldTypo) {
    auto r = load(with_actions("  - {at: 1, record: {name: 王, rooom: 3-1202}}\n"));
    EXPECT_EQ(r.diags,
              "t.yaml:4:31: error: unknown key 'rooom' in 'record'; did you mean 'room'?\n");
}

TEST(TranscriptErrors, ChooseCountsFromOne) {
    auto r = load(with_actions("  - {at: 1, choose: 0}\n  - {at: 2, choose: -1}\n"));
    EXPECT_EQ(r.diags,
              "t.yaml:4:21: error: 'choose' must be between 1 and 1000, got 0\n"
              "t.yaml:5:21: error: 'choose' must be between 1 and 1000, got -1\n");
}

TEST(TranscriptErrors, EmptyValues) {
    auto r = load(with_actions("  - {at: 1, say: \"  \"}\n  - {at: 2, dispatch: }\n"));
    EXPECT_EQ(r.diags,
              "t.yaml:4:18: error: 'say' is empty; write what the trainee says\n"
              "t.yaml:5:13: error: 'dispatch' needs a value, e.g. {at: 55, dispatch: security}\n");
}

TEST(TranscriptErrors, MissingTopKeys) {
    auto r = load("actions: []\n");
    EXPECT_EQ(r.diags,
              "t.yaml:1:1: error: missing required key 'scenario' in the transcript\n"
              "t.yaml:1:1: error: missing required key 'seed' in the transcript\n");
}

TEST(TranscriptErrors, DuplicateKeyInAction) {
    auto r = load(with_actions("  - at: 1\n    say: a\n    at: 2\n"));
    EXPECT_EQ(r.diags, "t.yaml:6:5: error: duplicate key 'at' (first at line 4); keep only one\n");
}

TEST(TranscriptLoader, UnquotedRepliesWithCommasReadWhole) {
    // As the client's examples write them (DESIGN §3): a ',' inside {…} would end the text.
    auto r =
        load(with_actions("  - {at: 7, say: 您好,安居物业,请问有什么可以帮您?}\n"
                          "  - {at: 25, say: 请您稍等一下, 好吗, to: phone}\n"
                          "  - {at: 30, say: it's [ok], to: phone}\n"
                          "  - {at: 31, say: \"已经,引号\"}\n"
                          "  - {at: 32, choose: 是的,没错}\n"));
    ASSERT_TRUE(r.t) << r.diags;
    const auto& a = r.t->actions;
    ASSERT_EQ(a.size(), 5u);
    EXPECT_EQ(a[0].text, "您好,安居物业,请问有什么可以帮您?");
    EXPECT_EQ(a[1].text, "请您稍等一下, 好吗");
    EXPECT_EQ(a[1].to, "phone") << "`, to:` still ends the reply";
    EXPECT_EQ(a[2].text, "it's [ok]");
    EXPECT_EQ(a[3].text, "已经,引号");
    EXPECT_EQ(a[4].text, "是的,没错");
    const std::string w =
        " warning: a reply with ',' inside {…} is not valid YAML unquoted; read as one reply — "
        "quote it (say: \"…\") so editors and other tools agree\n";
    EXPECT_EQ(r.diags,
              "t.yaml:4:18:" + w + "t.yaml:5:19:" + w + "t.yaml:6:19:" + w + "t.yaml:8:22:" + w);
}

TEST(TranscriptLoader, QuoteFlowRepliesLeavesOtherLinesAlone) {
    const std::string text =
        "scenario: a.b\nactions:\n  - {at: 1, say: 你好}\n  - {at: 2, record: {name: a, room: b}}\n"
        "  - at: 3\n    say: 好,的\n";
    std::vector<SourcePos> changed;
    EXPECT_EQ(quote_flow_replies(text, &changed), text);
    EXPECT_TRUE(changed.empty());
}

TEST(TranscriptLoader, LooksLikeTranscript) {
    EXPECT_TRUE(looks_like_transcript("# c\nscenario: a.b\nactions: []\n"));
    EXPECT_FALSE(looks_like_transcript("id: a.b\ndialogue:\n  scenario: x\n"));
}

}  // namespace
}  // namespace dd
