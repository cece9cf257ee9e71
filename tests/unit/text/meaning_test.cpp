// The meaning-aware detection (issue 12): slots and {any} in phrases, forbidden phrases robust
// to inserted adverbs and particles, and each match read in context — negation, quotation,
// someone else's words, sarcasm — with how it was decided. Mechanics on small lexicons written
// here, then the shipped lexicon on the cases the issue names.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "scoring/text/lexicon.h"
#include "shipped_lexicon.h"

namespace dd {
namespace {

using ::testing::ElementsAre;
using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr const char* kMeaning = R"(meaning:
  fillers: [也, 都, 就, 还, 真, 啊, 吧, 呢]
  negators: [不, 没, 别, 不会, 不是, 不能]
  speech: [说, 讲, 跟我说]
  reporters: [他, 业主]
  addressee: [您, 你]
  first_person: [我, 我们]
  impatience: [行了行了, 满意了吧]
  not_negators: [不好意思]
  negatable: [apology, thanks]
  own_voice: [apology, thanks]
  courtesy: [apology, thanks]
)";

std::unique_ptr<LexiconDetector> build_from(const std::string& acts, const std::string& forbidden,
                                            const std::string& extra = kMeaning) {
    Diagnostics diags;
    auto lex = parse_lexicon("version: 2\nslots:\n  you: [你, 您]\n  thing: [事, 事情]\n" + extra +
                                 "acts:\n" + acts + "forbidden:\n" + forbidden,
                             "t.yaml", diags);
    EXPECT_TRUE(lex) << diags.to_string();
    if (!lex) return nullptr;
    auto det = LexiconDetector::build(*lex, diags, Detection::Meaning);
    EXPECT_TRUE(det) << diags.to_string();
    return det;
}

const LexiconDetector& shipped() {
    return shipped_lexicon().meaning();
}

const ActSpan* aside(const DetectedActs& d, const std::string& name) {
    for (const auto& s : d.set_aside)
        if (s.name == name) return &s;
    return nullptr;
}

const ActSpan* span(const DetectedActs& d, const std::string& name) {
    for (const auto& s : d.spans)
        if (s.name == name) return &s;
    return nullptr;
}

// ------------------------------------------------------------------------------ mechanics

TEST(MeaningMechanics, SlotsExpandToEveryWord) {
    auto det = build_from("  greeting: {phrases: [您好]}\n",
                          "  argue: {phrases: [\"{you}自己的问题\"]}\n  rude: {phrases: [滚]}\n");
    ASSERT_TRUE(det);
    EXPECT_TRUE(det->detect("那是你自己的问题").has("argue"));
    EXPECT_TRUE(det->detect("那是您自己的问题").has("argue"));
    EXPECT_FALSE(det->detect("那是他自己的问题").has("argue"));
    const DetectedActs d = det->detect("是您自己的问题");
    const auto* s = span(d, "argue");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->phrase, "{you}自己的问题");  // the explanation names the pattern as written
}

TEST(MeaningMechanics, UnknownSlotsAndGapsAreErrorsAtTheirPlace) {
    Diagnostics diags;
    auto lex = parse_lexicon(
        "version: 2\nslots:\n  you: [你]\nacts:\n  greeting: {phrases: [您好]}\nforbidden:\n"
        "  argue: {phrases: [\"{yuo}自己\", \"{any}的事\"]}\n",
        "t.yaml", diags);
    ASSERT_TRUE(lex) << diags.to_string();
    EXPECT_FALSE(LexiconDetector::build(*lex, diags, Detection::Meaning));
    const std::string out = diags.to_string();
    EXPECT_THAT(out, ::testing::HasSubstr(
                         "t.yaml:7:21: error: '{yuo}自己': unknown slot {yuo}; did you mean "
                         "'you'? (define it under `slots:`)"));
    EXPECT_THAT(out, ::testing::HasSubstr("'{any}的事': '…' and {any} join two parts; write words "
                                          "on both sides"));
}

TEST(MeaningMechanics, AnyIsAShortStretchInsideTheClause) {
    auto det =
        build_from("  greeting: {phrases: [您好]}\n",
                   "  deflect: {phrases: [\"那是{any}的{thing}\"]}\n  rude: {phrases: [滚]}\n");
    ASSERT_TRUE(det);
    EXPECT_TRUE(det->detect("那是开发商的事").has("deflect"));
    EXPECT_TRUE(det->detect("那是楼上那家的事情").has("deflect"));
    EXPECT_TRUE(det->detect("那是一二三四五六的事").has("deflect"));       // six characters
    EXPECT_TRUE(det->detect("那是一二三四五六七八的事").has("deflect"));   // numerals: one '#'
    EXPECT_FALSE(det->detect("那是我们安排好了今天的事").has("deflect"));  // seven characters
    EXPECT_FALSE(det->detect("那是开发商,的事").has("deflect"));           // across a pause
    EXPECT_FALSE(det->detect("那是的事").has("deflect"));                  // at least one
}

TEST(MeaningMechanics, FillersInsideForbiddenPhrasesStillMatch) {
    auto det = build_from("  greeting: {phrases: [您好]}\n",
                          "  argue: {phrases: [你自己有问题, 都怪你]}\n"
                          "  deflect: {phrases: [我们也没办法]}\n  rude: {phrases: [烦不烦]}\n");
    ASSERT_TRUE(det);
    EXPECT_TRUE(det->detect("你自己有问题").has("argue"));
    const DetectedActs d = det->detect("你自己也有问题啊");
    ASSERT_TRUE(span(d, "argue"));
    EXPECT_TRUE(span(d, "argue")->loose);
    EXPECT_TRUE(det->detect("你自己真就有问题").has("argue"));
    EXPECT_TRUE(det->detect("你烦不烦啊").has("rude"));
    EXPECT_TRUE(det->detect("你烦啊不烦").has("rude"));
    // The phrase's own fillers must be there: at its edge (难怪你 is not 都怪你) and inside
    // (我们没办法 马上… is not 我们也没办法).
    EXPECT_TRUE(det->detect("都怪你").has("argue"));
    EXPECT_FALSE(det->detect("难怪你这么着急").has("argue"));
    EXPECT_TRUE(det->detect("我们也真没办法").has("deflect"));
    EXPECT_FALSE(det->detect("我们没办法马上处理").has("deflect"));
    // Acts are matched as written: 还 is no filler in 还款.
    EXPECT_FALSE(det->detect("您好").has("argue"));
}

TEST(MeaningMechanics, NegationWithinItsScope) {
    auto det = build_from("  apology: {phrases: [对不起, 不好意思]}\n",
                          "  refuse-knowledge: {phrases: [不知道]}\n  rude: {phrases: [滚]}\n");
    ASSERT_TRUE(det);
    const DetectedActs d = det->detect("我们不会说不知道");
    EXPECT_THAT(d.forbidden, IsEmpty());
    ASSERT_TRUE(aside(d, "refuse-knowledge"));
    EXPECT_EQ(aside(d, "refuse-knowledge")->reading, Reading::Negated);
    EXPECT_EQ(aside(d, "refuse-knowledge")->cue, "不会说");
    EXPECT_THAT(det->detect("我不是不知道").forbidden, IsEmpty());  // 不是 right before
    EXPECT_THAT(det->detect("不能不知道").forbidden, IsEmpty());
    EXPECT_THAT(det->detect("我也不知道").forbidden, ElementsAre("refuse-knowledge"));
    EXPECT_THAT(det->detect("不是,不知道").forbidden, ElementsAre("refuse-knowledge"));  // pause
    // Beyond three characters the negation no longer reaches; just past it is worth a look.
    EXPECT_THAT(det->detect("不会因为他不知道").forbidden, IsEmpty());
    const DetectedActs far = det->detect("不会因为这个不知道");
    EXPECT_THAT(far.forbidden, ElementsAre("refuse-knowledge"));
    EXPECT_THAT(far.uncertain, ElementsAre("refuse-knowledge"));
    EXPECT_THAT(det->detect("没想到楼上也不知道").forbidden, ElementsAre("refuse-knowledge"));
    // A negated apology is none; 不好意思 holds a 不 but negates nothing.
    EXPECT_THAT(det->detect("我不会说对不起").acts, IsEmpty());
    EXPECT_THAT(det->detect("不好意思").acts, ElementsAre("apology"));
    EXPECT_THAT(det->detect("不好意思对不起").acts, ElementsAre("apology"));
}

TEST(MeaningMechanics, TwoNegationsCancelAndAreMarkedUncertain) {
    std::string meaning = kMeaning;
    meaning.replace(meaning.find("negatable: [apology"), 19, "negatable: [empathy, apology");
    auto det =
        build_from("  empathy: {phrases: [理解您]}\n",
                   "  refuse-knowledge: {phrases: [不知道]}\n  rude: {phrases: [滚]}\n", meaning);
    ASSERT_TRUE(det);
    const DetectedActs d = det->detect("我不是不理解您");
    EXPECT_THAT(d.acts, ElementsAre("empathy"));
    EXPECT_THAT(d.uncertain, ElementsAre("empathy"));
    EXPECT_THAT(det->detect("我不理解您").acts, IsEmpty());
    // Where the list does not make empathy negatable, 不理解您 still counts.
    auto plain = build_from("  empathy: {phrases: [理解您]}\n",
                            "  refuse-knowledge: {phrases: [不知道]}\n  rude: {phrases: [滚]}\n");
    ASSERT_TRUE(plain);
    EXPECT_THAT(plain->detect("我不理解您").acts, ElementsAre("empathy"));
}

TEST(MeaningMechanics, QuotationsWithAndWithoutASpeaker) {
    auto det = build_from("  thanks: {phrases: [谢谢]}\n",
                          "  refuse-knowledge: {phrases: [不知道]}\n  rude: {phrases: [滚]}\n");
    ASSERT_TRUE(det);
    for (const char* q : {"规定里写着「不知道」三个字", "规定里写着“不知道”三个字",
                          "规定里写着\"不知道\"三个字", "规定里写着『不知道』"}) {
        const DetectedActs d = det->detect(q);
        EXPECT_THAT(d.forbidden, IsEmpty()) << q;
        ASSERT_TRUE(aside(d, "refuse-knowledge")) << q;
        EXPECT_EQ(aside(d, "refuse-knowledge")->reading, Reading::Quoted) << q;
    }
    // A courtesy formula in quotation marks is most likely the trainee's: counted, unsure.
    const DetectedActs t = det->detect("我跟您说声“谢谢”");
    EXPECT_THAT(t.acts, ElementsAre("thanks"));
    // Someone else's quoted words are theirs.
    const DetectedActs r = det->detect("他说“谢谢”就走了");
    EXPECT_THAT(r.acts, IsEmpty());
    EXPECT_EQ(aside(r, "thanks")->reading, Reading::Reported);
    EXPECT_EQ(aside(r, "thanks")->cue, "他说");
    // An unclosed quotation runs to the end of its sentence, unsure.
    const DetectedActs u = det->detect("写着「不知道。不知道");
    EXPECT_THAT(u.forbidden, ElementsAre("refuse-knowledge"));
    EXPECT_THAT(u.uncertain, ElementsAre("refuse-knowledge"));
}

TEST(MeaningMechanics, SomeoneElsesWords) {
    auto det = build_from("  thanks: {phrases: [谢谢]}\n",
                          "  refuse-knowledge: {phrases: [不知道]}\n  rude: {phrases: [滚]}\n");
    ASSERT_TRUE(det);
    EXPECT_THAT(det->detect("业主说他不知道").forbidden, IsEmpty());
    EXPECT_THAT(det->detect("业主说,他不知道").forbidden, IsEmpty());  // the next clause
    EXPECT_THAT(det->detect("您刚才说不知道").forbidden, IsEmpty());   // the caller's words
    // Only the clause said: the trainee's own words after it count again.
    EXPECT_THAT(det->detect("业主说好的。我不知道").forbidden, ElementsAre("refuse-knowledge"));
    // 您说得 / 说的 report nothing; the trainee's own 我说 stays the trainee's.
    EXPECT_THAT(det->detect("您说得对,我不知道").forbidden, ElementsAre("refuse-knowledge"));
    EXPECT_THAT(det->detect("我说过不知道").forbidden, ElementsAre("refuse-knowledge"));
    const DetectedActs d = det->detect("业主跟我说了声谢谢");
    EXPECT_THAT(d.acts, IsEmpty());
    EXPECT_EQ(aside(d, "thanks")->cue, "业主跟我说");  // leftmost-longest speech verb
}

TEST(MeaningMechanics, SarcasmMarksTheFormulaNotTheAct) {
    auto det = build_from("  apology: {phrases: [对不起]}\n  thanks: {phrases: [谢谢]}\n",
                          "  rude: {phrases: [行了行了]}\n");
    ASSERT_TRUE(det);
    const DetectedActs d = det->detect("行了行了,对不起");
    EXPECT_THAT(d.acts, ElementsAre("apology"));
    EXPECT_THAT(d.sarcastic_acts, ElementsAre("apology"));
    EXPECT_THAT(d.forbidden, ElementsAre("rude"));
    EXPECT_TRUE(span(d, "apology")->sarcastic);
    EXPECT_EQ(span(d, "apology")->cue, "行了行了");
    EXPECT_THAT(det->detect("对不起,满意了吧").sarcastic_acts, ElementsAre("apology"));
    // Another sentence, or a genuine form beside it: not sarcastic.
    EXPECT_THAT(det->detect("行了行了。对不起").sarcastic_acts, IsEmpty());
    EXPECT_THAT(det->detect("行了行了,对不起。谢谢您").sarcastic_acts, ElementsAre("apology"));
    EXPECT_THAT(det->detect("对不起,让您久等了").sarcastic_acts, IsEmpty());
}

TEST(MeaningMechanics, WithoutAMeaningSectionNothingIsReadInContext) {
    auto det = build_from("  apology: {phrases: [对不起]}\n",
                          "  refuse-knowledge: {phrases: [不知道]}\n  rude: {phrases: [滚]}\n", "");
    ASSERT_TRUE(det);
    EXPECT_THAT(det->detect("我们不会说不知道").forbidden, ElementsAre("refuse-knowledge"));
    EXPECT_THAT(det->detect("我不会说对不起").acts, ElementsAre("apology"));
}

TEST(MeaningMechanics, ThePhraseDetectionReadsTheListsLiterally) {
    Diagnostics diags;
    auto lex =
        parse_lexicon(std::string("version: 2\nslots:\n  you: [你, 您]\n") + kMeaning +
                          "acts:\n  apology: {phrases: [对不起], patterns: {extra: [抱歉]}}\n"
                          "forbidden:\n  argue: {phrases: [\"{you}自己\", 你的错]}\n",
                      "t.yaml", diags);
    ASSERT_TRUE(lex) << diags.to_string();
    auto det = LexiconDetector::build(*lex, diags);  // the phrase detection, with its twin
    ASSERT_TRUE(det) << diags.to_string();
    EXPECT_EQ(det->detection(), Detection::Phrases);
    EXPECT_EQ(det->meaning().detection(), Detection::Meaning);
    EXPECT_THAT(det->detect("抱歉").acts, IsEmpty());  // patterns: meaning only
    EXPECT_THAT(det->meaning().detect("抱歉").acts, ElementsAre("apology"));
    EXPECT_THAT(det->detect("您自己").forbidden, IsEmpty());  // {…}: meaning only
    EXPECT_THAT(det->meaning().detect("您自己").forbidden, ElementsAre("argue"));
    EXPECT_THAT(det->detect("我不会说对不起").acts, ElementsAre("apology"));  // no context
    EXPECT_THAT(det->detect("不是你的错").forbidden, ElementsAre("argue"));
    EXPECT_THAT(det->meaning().detect("不是你的错").forbidden, IsEmpty());
}

// ----------------------------------------------------------------- the shipped lexicon

struct Case {
    const char* text;
    std::vector<std::string> forbidden;
};

TEST(MeaningShipped, NegatedQuotedAndReportedForbiddenWordsAreNotTheTrainees) {
    for (const char* t :
         {"我们不会跟您说不知道的,我这就去查。", "这不是不归我们管,是要先报备。",
          "我没说是您的问题,您别误会。", "不能说跟我们没关系,我们一定跟进。",
          "我们培训时就说过,绝对不能讲「我不知道」。", "公司规定不许说“这不是我们物业的事情”。",
          "楼上业主说他不知道漏水的事,我们已经派人去看了。", "保安说不清楚车是谁的,我正在查监控。",
          "有人说物业不管这事,其实是我们管的。", "您刚才说不清楚具体位置,没关系,我们派人去找。",
          "我不是不知道,是规定不让说。", "没有不清楚的地方吧?"}) {
        EXPECT_THAT(shipped().detect(t).forbidden, IsEmpty()) << t;
    }
    const DetectedActs d = shipped().detect("我们培训时就说过,绝对不能讲「我不知道」。");
    ASSERT_EQ(d.set_aside.size(), 1u);
    EXPECT_EQ(d.set_aside[0].reading, Reading::Negated);
    EXPECT_EQ(d.set_aside[0].cue, "不能讲");
    EXPECT_THAT(d.uncertain, IsEmpty());
    const DetectedActs r = shipped().detect("楼上业主说他不知道漏水的事。");
    ASSERT_EQ(r.set_aside.size(), 1u);
    EXPECT_EQ(r.set_aside[0].reading, Reading::Reported);
}

TEST(MeaningShipped, BlameDismissalCommandsAndRhetoricalQuestions) {
    const std::vector<Case> cases = {
        {"那是您自己的问题。", {"argue"}},
        {"你自己也有责任啊。", {"argue"}},
        {"都怪你自己没锁好车。", {"argue"}},
        {"那是开发商的事,您找他们去。", {"deflect"}},
        {"水表的事归自来水公司管。", {"deflect"}},
        {"跟我说也没用啊。", {"deflect"}},
        {"我有什么办法呢?", {"deflect"}},
        {"别再打电话过来了。", {"rude"}},
        {"打了也没用。", {"rude"}},
        {"你再催也没用。", {"rude"}},
        {"等着。", {"rude"}},
        {"快说,什么事。", {"rude"}},
        {"你不会自己看通知吗?", {"rude"}},
        {"跟我喊有什么用?", {"rude"}},
        {"我也真不清楚。", {"refuse-knowledge"}},
        {"这个还真不归我们管。", {"deflect"}},
    };
    for (const auto& c : cases) {
        const DetectedActs d = shipped().detect(c.text);
        EXPECT_EQ(d.forbidden, c.forbidden) << c.text;
        ASSERT_FALSE(d.spans.empty()) << c.text;
    }
    // A pattern family names what kind of language it was.
    const DetectedActs d = shipped().detect("那是您自己的问题。");
    EXPECT_EQ(span(d, "argue")->family, "blame");
}

TEST(MeaningShipped, GoodWordingIsNotForbidden) {
    for (const char* t :
         {"您先回家等着,有消息第一时间告诉您。", "您自己开车来的吗?", "打电话来报修是对的。",
          "我们没办法马上处理,需要先报备。", "您说得对,这是我们的问题。", "难怪您这么着急。",
          "要不您先坐一下,我马上联系工程部。"}) {
        EXPECT_THAT(shipped().detect(t).forbidden, IsEmpty()) << t;
    }
}

TEST(MeaningShipped, EverydayTimesReassuranceAndEmpathy) {
    for (const char* t : {"维修师傅一刻钟内就到。", "大概半个钟头,保安就上去看。",
                          "十分钟之内给您回电话。", "今天下班前给您答复。", "下午三点前上门。"})
        EXPECT_TRUE(shipped().detect(t).has("time-commitment")) << t;
    for (const char* t : {"这件事交给我,您就放宽心。", "有消息我第一时间打给您。"})
        EXPECT_TRUE(shipped().detect(t).has("reassurance")) << t;
    for (const char* t : {"换谁都受不了。", "碰上这种事确实闹心。"})
        EXPECT_TRUE(shipped().detect(t).has("empathy")) << t;
    for (const char* t : {"回头有空再弄。", "您的快递到了,请尽快来取。", "请您稍等一会儿。",
                          "我们没办法马上处理,需要先报备。"})
        EXPECT_FALSE(shipped().detect(t).has("time-commitment")) << t;
}

TEST(MeaningShipped, AVagueTimeIsWeakAndForReview) {
    // 马上, 尽快, 稍后, 一会儿: a time the owner cannot hold us to. Weak (partial credit) and
    // uncertain (the supervisor's review queue), where a concrete time is neither.
    for (const char* t : {"我们会尽快处理。", "我马上派人过去。", "稍后会有人联系您。",
                          "一会儿我给您回电。", "我这就去查。"}) {
        const DetectedActs d = shipped().detect(t);
        EXPECT_TRUE(d.has("time-commitment")) << t;
        EXPECT_THAT(d.weak_acts, Contains("time-commitment")) << t;
        EXPECT_THAT(d.uncertain, Contains("time-commitment")) << t;
    }
    for (const char* t : {"马上派人,十分钟内到。", "今天下班前给您答复。", "半小时内给您回电。"}) {
        const DetectedActs d = shipped().detect(t);
        EXPECT_TRUE(d.has("time-commitment")) << t;
        EXPECT_THAT(d.weak_acts, Not(Contains("time-commitment"))) << t;
        EXPECT_THAT(d.uncertain, Not(Contains("time-commitment"))) << t;
    }
    // A weak greeting (你好) is less polite, not a judgement call: no review.
    EXPECT_THAT(shipped().detect("你好。").uncertain, IsEmpty());
}

TEST(MeaningShipped, TheDetectionNamesItself) {
    EXPECT_EQ(shipped().identity(), "meaning/v" + std::to_string(shipped().version()));
    Diagnostics diags;
    auto phrases = load_lexicon(DESKDRILL_SCENARIOS_DIR "/lexicon.yaml", diags, Detection::Phrases);
    ASSERT_TRUE(phrases) << diags.to_string();
    EXPECT_EQ(phrases->detector->identity(), "phrases/v" + std::to_string(phrases->version));
    EXPECT_EQ(detection_of_identity("phrases/v2"), Detection::Phrases);
    EXPECT_EQ(detection_of_identity("meaning/v3"), Detection::Meaning);
    EXPECT_EQ(detection_of_identity("meaning"), Detection::Meaning);
    EXPECT_EQ(detection_of_identity("neural/v1"), std::nullopt);
    EXPECT_EQ(detection_of_identity(""), std::nullopt);
}

TEST(MeaningShipped, SarcasticAndNegatedCourtesy) {
    const DetectedActs s = shipped().detect("行了行了,对不起行了吧。");
    EXPECT_THAT(s.sarcastic_acts, ElementsAre("apology"));
    EXPECT_THAT(s.forbidden, ElementsAre("rude"));
    EXPECT_THAT(shipped().detect("好好好,非常抱歉。").sarcastic_acts, ElementsAre("apology"));
    EXPECT_THAT(shipped().detect("好的好的,非常抱歉。").sarcastic_acts, IsEmpty());
    EXPECT_FALSE(shipped().detect("我不会说对不起的。").has("apology"));
    EXPECT_FALSE(shipped().detect("业主跟我说了声谢谢。").has("thanks"));
    EXPECT_TRUE(shipped().detect("我特别理解您。").has("empathy"));  // 特别 is no negation
}

}  // namespace
}  // namespace dd
