// The report serialisations: the stable JSON shape of DESIGN §5 (ordered keys, raw UTF-8,
// deterministic bytes) and the Chinese terminal debrief.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "log_builder.h"
#include "scoring/rubric/notes.h"
#include "scoring/rubric/scorer.h"

namespace dd {
namespace {

ScoreReport sample(bool gold) {
    Diagnostics d;
    auto cat = load_catalogue(std::string(DESKDRILL_SCENARIOS_DIR) + "/standards.yaml", d);
    EXPECT_TRUE(cat);
    return score_attempt(test::example_scenario(),
                         gold ? test::example_gold_log() : test::example_poor_log(), *cat);
}

TEST(ReportJson, HasTheStableShapeInOrder) {
    const ScoreReport r = sample(false);
    const std::string text = report_to_json(r);
    const auto j = nlohmann::ordered_json::parse(text);
    std::vector<std::string> keys;
    for (const auto& [k, v] : j.items()) keys.push_back(k);
    const std::vector<std::string> required = {"scenario", "scenario_version", "score",   "max",
                                               "passed",   "critical_failed",  "criteria"};
    std::size_t pos = 0;
    for (const auto& k : required) {
        auto it = std::find(keys.begin() + static_cast<long>(pos), keys.end(), k);
        ASSERT_NE(it, keys.end()) << k;
        pos = static_cast<std::size_t>(it - keys.begin());
    }
    EXPECT_EQ(j["scenario"], "complaint.night-renovation-noise");
    EXPECT_EQ(j["score"], r.score);
    EXPECT_EQ(j["max"], 100);
    EXPECT_EQ(j["passed"], false);
    ASSERT_EQ(j["criteria"].size(), r.criteria.size());
    for (const auto& c : j["criteria"]) {
        for (const char* k : {"id", "points", "max", "passed", "evidence", "source", "feedback"})
            EXPECT_TRUE(c.contains(k)) << k;
        for (const auto& e : c["evidence"])
            for (const char* k : {"t", "time", "what", "thread", "text", "highlight", "note"})
                EXPECT_TRUE(e.contains(k)) << k;
    }
}

TEST(ReportJson, Utf8IsNotEscapedAndBytesAreDeterministic) {
    const std::string a = report_to_json(sample(false));
    const std::string b = report_to_json(sample(false));
    EXPECT_EQ(a, b);
    EXPECT_NE(a.find("不归我们管"), std::string::npos);
    EXPECT_EQ(a.find("\\u"), std::string::npos);
    EXPECT_EQ(a.back(), '\n');
}

TEST(ReportJson, InvalidUtf8InATraineeReplyDoesNotThrow) {
    ScoreReport r = sample(true);
    Evidence e;
    e.text = std::string("bad \xff\xfe bytes");
    r.criteria[0].evidence.push_back(e);
    std::string out;
    EXPECT_NO_THROW(out = report_to_json(r));
    EXPECT_TRUE(nlohmann::json::accept(out));
}

TEST(ReportText, ReadableChineseDebrief) {
    const std::string poor = report_to_text(sample(false));
    EXPECT_NE(poor.find("✗ 未通过"), std::string::npos) << poor;
    EXPECT_NE(poor.find("✗ 三声铃响内接听"), std::string::npos) << poor;
    EXPECT_NE(poor.find("00:50.0 [owner] “装修的事不归我们管,你自己上楼跟他说。”"),
              std::string::npos)
        << poor;
    EXPECT_NE(poor.find("标准:所有电话务必在振铃三响之内接听。(seed 001 §4.1.5; seed 002 §2.1)"),
              std::string::npos)
        << poor;
    EXPECT_NE(poor.find("讲评:"), std::string::npos);
    const std::string gold = report_to_text(sample(true));
    EXPECT_NE(gold.find("✓ 通过"), std::string::npos) << gold;
    EXPECT_EQ(gold.find("✗ "), std::string::npos) << gold;
}

TEST(ReportText, ReadableEnglishDebrief) {
    const std::string poor = report_to_text(sample(false), i18n::builtin("en"));
    for (const char* line : {
             "Score 0 / 100 · pass mark 80 · ✗ not passed\n",
             "✗ Answer within three rings  0/9  [phone.answer-within-3-rings]\n",
             "    · 00:25.0 [owner] “answered after 7 ring(s)” — too slow: 7 rings (within 3 "
             "expected; answered 25 s after the first ring)\n",
             "    Feedback: Too slow to answer, or not answered. Every call is picked up within "
             "three rings.\n",
             // The standard's own words are a quotation: they stay as written.
             "    Standard: 所有电话务必在振铃三响之内接听。 (seed 001 §4.1.5; seed 002 §2.1)\n",
             "    · 00:50.0 [owner] “装修的事不归我们管,你自己上楼跟他说。” — forbidden words: "
             "“deflecting”\n",
             "Debrief:\n",
         })
        EXPECT_NE(poor.find(line), std::string::npos) << line << "\nin:\n" << poor;
    const std::string gold = report_to_text(sample(true), i18n::builtin("en"));
    EXPECT_NE(gold.find("✓ passed"), std::string::npos) << gold;
    EXPECT_NE(gold.find("✓ Greet with the polite “nín hǎo”"), std::string::npos) << gold;
    // Nothing of the text's own is Chinese: only the scenario's title and lines, the standards'
    // quoted rules and the scenario's debrief.
    EXPECT_EQ(gold.find("反馈"), std::string::npos);
    EXPECT_EQ(gold.find("总分"), std::string::npos);
}

TEST(ReportText, HighlightIsBracketed) {
    ScoreReport r;
    r.title = "t";
    CriterionResult c;
    c.id = "x";
    c.title = "禁语";
    Evidence e;
    e.t = 50'000;
    e.what = "say";
    e.thread = "owner";
    e.text = "装修的事不归我们管。";
    e.highlight_begin = static_cast<int>(std::string("装修的事").size());
    e.highlight_end = e.highlight_begin + static_cast<int>(std::string("不归我们管").size());
    e.note = rubric::note(rubric::Note::Forbidden)
                 .msg("acts", rubric::note(rubric::Note::ActRef)
                                  .label("label", "forbidden.", "deflect")
                                  .text("code", "deflect"));
    c.evidence.push_back(e);
    r.criteria.push_back(c);
    EXPECT_NE(report_to_text(r).find(
                  "    · 00:50.0 [owner] “装修的事【不归我们管】。” — 禁语:「推诿」\n"),
              std::string::npos)
        << report_to_text(r);
    EXPECT_NE(report_to_text(r, i18n::builtin("en"))
                  .find("    · 00:50.0 [owner] “装修的事【不归我们管】。” — forbidden words: "
                        "“deflecting”\n"),
              std::string::npos)
        << report_to_text(r, i18n::builtin("en"));
    // The JSON keeps the family's name beside its word, as it always had.
    EXPECT_NE(report_to_json(r).find("\"note\": \"禁语:「推诿」(deflect)\""), std::string::npos);
}

}  // namespace
}  // namespace dd
