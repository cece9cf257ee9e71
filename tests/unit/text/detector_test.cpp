// The detector: pattern mechanics on small lexicons written here (numeral class, pauses, gaps,
// anchors, vetoes, weak forms, evidence offsets), then the tricky rules of the shipped lexicon.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <thread>

#include "scoring/text/lexicon.h"
#include "shipped_lexicon.h"
#include "sim/model/enums.h"

namespace dd {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::unique_ptr<LexiconDetector> build_from(
    const std::string& acts, const std::string& forbidden = "  rude: {phrases: [滚开]}\n") {
    Diagnostics diags;
    auto lex =
        parse_lexicon("version: 1\nacts:\n" + acts + "forbidden:\n" + forbidden, "t.yaml", diags);
    EXPECT_TRUE(lex) << diags.to_string();
    if (!lex) return nullptr;
    auto det = LexiconDetector::build(*lex, diags);
    EXPECT_TRUE(det) << diags.to_string();
    return det;
}

const LexiconDetector& shipped() {
    return shipped_lexicon();
}

bool has(const std::string& text, const std::string& name) {
    return shipped().detect(text).has(name);
}

// ------------------------------------------------------------------------------ mechanics

TEST(DetectorMechanics, NumeralClassCoversEveryWayOfWritingANumber) {
    auto det = build_from("  time-commitment: {phrases: [\"#分钟内\"]}\n");
    ASSERT_TRUE(det);
    for (const char* yes : {"5分钟内", "30分钟内", "三十分钟内", "两分钟内", "十五分钟内",
                            "１０分钟内", "半分钟内", "三十分鐘內"})
        EXPECT_TRUE(det->detect(yes).has("time-commitment")) << yes;
    for (const char* no : {"分钟内", "几分钟内", "尽快", "30分内"})
        EXPECT_FALSE(det->detect(no).has("time-commitment")) << no;
}

TEST(DetectorMechanics, PhrasesDoNotMatchAcrossAPause) {
    auto det =
        build_from("  greeting: {phrases: [您好]}\n",
                   "  refuse-knowledge: {phrases: [谁知道]}\n  rude: {phrases: [\"喂,什么事\"]}\n");
    ASSERT_TRUE(det);
    EXPECT_TRUE(det->detect("谁知道呢").has("refuse-knowledge"));
    EXPECT_TRUE(det->detect("谁 知道").has("refuse-knowledge"));  // spaces are not pauses
    EXPECT_FALSE(det->detect("请问是谁?知道了").has("refuse-knowledge"));
    // A pause written into the phrase is allowed there (and only there).
    EXPECT_TRUE(det->detect("喂,什么事?").has("rude"));
    EXPECT_TRUE(det->detect("喂什么事").has("rude"));
    EXPECT_TRUE(det->detect("喂?什么事!").has("rude"));
    EXPECT_FALSE(det->detect("喂什么,事").has("rude"));
    EXPECT_FALSE(det->detect("您,好").has("greeting"));
}

TEST(DetectorMechanics, GapPartsMustComeInOrder) {
    auto det = build_from("  repeat-back: {phrases: [您说的是…对吗]}\n");
    ASSERT_TRUE(det);
    const DetectedActs d = det->detect("您说的是3栋1202,对吗?");
    EXPECT_TRUE(d.has("repeat-back"));
    ASSERT_EQ(d.spans.size(), 1u);
    EXPECT_EQ(d.normalized.substr(d.spans[0].begin, d.spans[0].end - d.spans[0].begin),
              "您说的是3栋1202对吗");
    EXPECT_FALSE(det->detect("对吗?您说的是3栋").has("repeat-back"));
    EXPECT_FALSE(det->detect("您说的是对的").has("repeat-back"));
}

TEST(DetectorMechanics, AnchorsTieToClauseEdges) {
    auto det = build_from("  self-identify: {phrases: [\"物业$\"]}\n",
                          "  rude: {phrases: [\"^什么事$\"]}\n");
    ASSERT_TRUE(det);
    EXPECT_TRUE(det->detect("您好,安居物业。").has("self-identify"));
    EXPECT_TRUE(det->detect("安居物业").has("self-identify"));
    EXPECT_FALSE(det->detect("这不是我们物业的事").has("self-identify"));
    EXPECT_TRUE(det->detect("什么事?").has("rude"));
    EXPECT_TRUE(det->detect("喂?什么事").has("rude"));
    EXPECT_FALSE(det->detect("请问什么事?").has("rude"));
    EXPECT_FALSE(det->detect("什么事情").has("rude"));
}

TEST(DetectorMechanics, ExceptVetoesOnlyMatchesInsideIt) {
    auto det = build_from("  please: {phrases: [请], except: [申请]}\n",
                          "  refuse-knowledge: {phrases: [不知道], except: [我不是不知道]}\n");
    ASSERT_TRUE(det);
    EXPECT_FALSE(det->detect("您需要申请").has("please"));
    EXPECT_TRUE(det->detect("请您申请").has("please"));  // the first 请 is outside 申请
    EXPECT_FALSE(det->detect("我不是不知道").has("refuse-knowledge"));
    EXPECT_TRUE(det->detect("我不是不知道,是真不知道").has("refuse-knowledge"));
}

TEST(DetectorMechanics, WeakFormsAreReportedAsWeak) {
    auto det = build_from("  greeting: {phrases: [您好], weak: [你好]}\n");
    ASSERT_TRUE(det);
    const DetectedActs weak = det->detect("你好");
    EXPECT_THAT(weak.acts, ElementsAre("greeting"));
    EXPECT_THAT(weak.weak_acts, ElementsAre("greeting"));
    ASSERT_EQ(weak.spans.size(), 1u);
    EXPECT_TRUE(weak.spans[0].weak);
    const DetectedActs both = det->detect("你好,您好");
    EXPECT_THAT(both.acts, ElementsAre("greeting"));
    EXPECT_THAT(both.weak_acts, IsEmpty());
}

TEST(DetectorMechanics, SpansPointIntoNormalisedAndOriginalText) {
    auto det =
        build_from("  please: {phrases: [请问]}\n", "  refuse-knowledge: {phrases: [不清楚]}\n");
    ASSERT_TRUE(det);
    const std::string in = "Ｏｋ,請問… 我不 清楚!";
    const DetectedActs d = det->detect(in);
    ASSERT_EQ(d.normalized, "ok请问我不清楚");
    ASSERT_EQ(d.spans.size(), 2u);
    const ActSpan& p = d.spans[0];
    EXPECT_EQ(p.name, "please");
    EXPECT_EQ(d.normalized.substr(p.begin, p.end - p.begin), "请问");
    EXPECT_EQ(in.substr(p.src_begin, p.src_end - p.src_begin), "請問");
    const ActSpan& r = d.spans[1];
    EXPECT_TRUE(r.forbidden);
    EXPECT_EQ(in.substr(r.src_begin, r.src_end - r.src_begin), "不 清楚");
}

TEST(DetectorMechanics, ResultsFollowTheFixedOrder) {
    const DetectedActs d = shipped().detect("再见,谢谢,请稍等,您好");
    EXPECT_THAT(d.acts, ElementsAre("greeting", "please", "thanks", "ask-wait", "farewell"));
}

// -------------------------------------------------------------------- the shipped lexicon

TEST(ShippedLexicon, NegationAndContextTraps) {
    EXPECT_TRUE(has("我不知道", "refuse-knowledge"));
    EXPECT_TRUE(has("我不清楚", "refuse-knowledge"));
    EXPECT_TRUE(has("谁知道呢", "refuse-knowledge"));
    EXPECT_FALSE(has("我不是不知道,是要核实一下", "refuse-knowledge"));
    EXPECT_FALSE(has("我不是不清楚", "refuse-knowledge"));
    EXPECT_FALSE(has("如您不知道如何操作,可以来前台", "refuse-knowledge"));
    EXPECT_FALSE(has("您不清楚的话,我再解释一遍", "refuse-knowledge"));
    EXPECT_FALSE(has("不知道您贵姓?", "refuse-knowledge"));
    EXPECT_FALSE(has("信号不好,我听不清楚", "refuse-knowledge"));
    EXPECT_FALSE(has("我们不管多晚都会处理", "deflect"));
    EXPECT_FALSE(has("这不是您的错", "argue"));
    EXPECT_FALSE(has("请问是你自己来取吗", "argue"));
}

TEST(ShippedLexicon, CourtesyForms) {
    EXPECT_TRUE(has("请问您贵姓", "please"));
    EXPECT_TRUE(has("请问您贵姓", "ask-name"));
    EXPECT_FALSE(has("您需要先申请", "please"));
    EXPECT_FALSE(has("我们邀请了师傅", "please"));
    EXPECT_FALSE(has("请问您找哪位", "ask-name"));
    const DetectedActs strong = shipped().detect("您好");
    EXPECT_THAT(strong.weak_acts, IsEmpty());
    const DetectedActs weak = shipped().detect("你好");
    EXPECT_THAT(weak.weak_acts, ElementsAre("greeting"));
    EXPECT_FALSE(has("您好像打错了", "greeting"));
}

TEST(ShippedLexicon, TimeCommitmentNeedsAConcreteTime) {
    for (const char* yes : {"30分钟内到", "十分钟内到", "今天下午五点前给您答复", "明天上午上门",
                            "两个小时内", "3个工作日内", "请稍等10分钟"}) {
        EXPECT_TRUE(has(yes, "time-commitment")) << yes;
        EXPECT_THAT(shipped().detect(yes).weak_acts, IsEmpty()) << yes;
    }
    // A vague time is a weak form only (partial credit): 马上, 立即, 尽快, 稍后, 一会儿.
    for (const char* vague : {"马上处理", "立即安排", "我们会尽快处理", "稍后联系您", "一会儿就来"}) {
        EXPECT_TRUE(has(vague, "time-commitment")) << vague;
        EXPECT_THAT(shipped().detect(vague).weak_acts, ElementsAre("time-commitment")) << vague;
    }
    for (const char* no : {"我们没办法马上处理", "我没法保证十分钟内到", "十分抱歉", "请尽快来取",
                           "已经等了二十分钟了"})
        EXPECT_FALSE(has(no, "time-commitment")) << no;
}

TEST(ShippedLexicon, RepeatBackIsAConfirmation) {
    for (const char* yes :
         {"跟您确认一下:3栋1202", "我复述一下您的问题", "您说的是车库的灯坏了,对吗?",
          "您是说快递柜打不开,是吗", "核对一下您的电话"})
        EXPECT_TRUE(has(yes, "repeat-back")) << yes;
    for (const char* no : {"我去核对一下再回复您", "请您核对一下账单", "您说的是对的"})
        EXPECT_FALSE(has(no, "repeat-back")) << no;
}

TEST(ShippedLexicon, ForbiddenFamiliesFromTheStandards) {
    EXPECT_TRUE(has("不归我们管", "deflect"));
    EXPECT_TRUE(has("这不是我们物业的事情", "deflect"));
    EXPECT_TRUE(has("你去找别人", "deflect"));
    EXPECT_TRUE(has("是你自己没关好", "argue"));
    EXPECT_TRUE(has("谁让你不报备", "argue"));
    EXPECT_TRUE(has("你自己的问题", "argue"));
    EXPECT_TRUE(has("喂,什么事?", "rude"));
    EXPECT_TRUE(has("你烦不烦", "rude"));
    EXPECT_TRUE(has("有完没完", "rude"));
}

TEST(ShippedLexicon, TheExampleTranscripts) {
    // Gold: every node's expected acts are there.
    const auto open = shipped().detect("您好,安居物业客服中心,请问有什么可以帮您?");
    EXPECT_THAT(open.acts, ElementsAre("greeting", "self-identify", "offer-help", "please"));
    EXPECT_TRUE(
        shipped().detect("非常抱歉打扰您休息了,我理解您的心情,我们马上处理。").has("empathy"));
    const auto confirm = shipped().detect(
        "王女士,跟您确认一下:3栋1202,楼上夜间装修噪音,电话13800001111。安保人员10分钟内上楼制止,"
        "30分钟内给您回电。");
    EXPECT_TRUE(confirm.has("repeat-back"));
    EXPECT_TRUE(confirm.has("time-commitment"));
    EXPECT_TRUE(confirm.forbidden.empty());
    EXPECT_TRUE(shipped().detect("感谢您的来电,请您放心,再见。").has("farewell"));
    // Poor: the forbidden language is caught.
    EXPECT_THAT(shipped().detect("喂,什么事?").forbidden, ElementsAre("rude"));
    EXPECT_THAT(shipped().detect("装修的事不归我们管,你自己上楼跟他说。").forbidden,
                ElementsAre("deflect"));
    EXPECT_TRUE(shipped().detect("那你说吧,哪一户?").has("ask-room"));
}

TEST(ShippedLexicon, BadInputGivesEmptyResults) {
    const DetectedActs bad = shipped().detect("\xff\xfe您好");
    EXPECT_THAT(bad.acts, IsEmpty());
    EXPECT_TRUE(bad.normalized.empty());
    EXPECT_THAT(shipped().detect("").acts, IsEmpty());
    EXPECT_THAT(shipped().detect("!!!???").acts, IsEmpty());
    std::mt19937 rng(3);
    std::uniform_int_distribution<int> byte(0, 255), len(0, 80);
    for (int i = 0; i < 3000; ++i) {
        std::string s;
        for (int k = len(rng); k > 0; --k) s += static_cast<char>(byte(rng));
        const DetectedActs d = shipped().detect(s);
        for (const auto& sp : d.spans) {
            EXPECT_LE(sp.end, d.normalized.size());
            EXPECT_LE(sp.src_end, s.size());
        }
    }
}

TEST(ShippedLexicon, ConcurrentDetectionGivesTheSameResults) {
    const std::vector<std::string> texts = {"您好,請問有什麼可以幫您?", "我不知道", "30分钟内到",
                                            "跟您确认一下", "你烦不烦"};
    std::vector<std::vector<std::string>> expected;
    for (const auto& t : texts) expected.push_back(shipped().detect(t).acts);
    std::vector<std::thread> threads;
    std::atomic<int> mismatches{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i)
                for (std::size_t k = 0; k < texts.size(); ++k)
                    if (shipped().detect(texts[k]).acts != expected[k]) ++mismatches;
        });
    for (auto& th : threads) th.join();
    EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace dd
