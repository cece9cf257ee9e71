// The standards catalogue: the shipped file loads cleanly and holds the agreed ids with their
// titles, sources and feedback; bad files give positioned diagnostics instead of exceptions.
#include <gtest/gtest.h>

#include <set>

#include "scoring/rubric/catalogue.h"

namespace dd {
namespace {

const std::string kStandards = std::string(DESKDRILL_SCENARIOS_DIR) + "/standards.yaml";

TEST(Catalogue, ShippedFileLoadsWithoutProblems) {
    Diagnostics d;
    auto cat = load_catalogue(kStandards, d);
    ASSERT_TRUE(cat) << d.to_string();
    EXPECT_TRUE(d.items().empty()) << d.to_string();
    EXPECT_EQ(cat->version, "2026.1");
    EXPECT_GE(cat->pass_mark, 50);
    EXPECT_GE(cat->criteria.size(), 36u);
}

TEST(Catalogue, HoldsEveryAgreedIdWithTextsAndSource) {
    Diagnostics d;
    auto cat = load_catalogue(kStandards, d);
    ASSERT_TRUE(cat);
    const char* agreed[] = {"courtesy.greeting",
                            "courtesy.self-identify",
                            "courtesy.offer-help",
                            "courtesy.please-thanks",
                            "courtesy.ask-wait",
                            "courtesy.thank-for-waiting",
                            "visitor.ask-whom-and-name",
                            "visitor.register",
                            "visitor.notify-host",
                            "language.no-forbidden",
                            "phone.answer-within-3-rings",
                            "timing.first-response",
                            "timing.respond-5min",
                            "record.complete",
                            "record.repeat-back",
                            "classify.type",
                            "classify.level",
                            "dispatch.correct",
                            "escalation.correct",
                            "expectation.time-commitment",
                            "expectation.explain-next-steps",
                            "complaint.empathy-or-apology",
                            "complaint.no-argue",
                            "privacy.no-disclosure",
                            "emergency.call",
                            "emergency.evacuation",
                            "emergency.first-aid",
                            "emergency.notify-superior",
                            "emergency.sequence",
                            "notify.owner",
                            "handover.correct",
                            "closure.farewell",
                            "closure.thanks-caller",
                            "closure.caller-hangs-up-first",
                            "mood.calm-at-end"};
    for (const char* id : agreed) {
        const Criterion* c = cat->find(id);
        ASSERT_NE(c, nullptr) << id;
        EXPECT_FALSE(c->title.empty()) << id;
        EXPECT_NE(c->source.find("seed 0"), std::string::npos) << id << ": " << c->source;
        EXPECT_FALSE(c->rule.empty()) << id;
        EXPECT_FALSE(c->feedback_pass.empty()) << id;
        EXPECT_FALSE(c->feedback_fail.empty()) << id;
        EXPECT_GT(c->points, 0) << id;
    }
    // 一票否决 where DOMAIN.md makes it so.
    EXPECT_TRUE(cat->find("privacy.no-disclosure")->critical);
    EXPECT_TRUE(cat->find("emergency.call")->critical);
    EXPECT_FALSE(cat->find("courtesy.greeting")->critical);
    EXPECT_EQ(cat->find("phone.answer-within-3-rings")->params.at("max_rings"), "3");
    EXPECT_EQ(cat->find("courtesy.greeting")->params.at("acts"), "greeting");
    // Company name when answering the phone; a walk-in is greeted, not told the company name.
    EXPECT_EQ(cat->find("courtesy.self-identify")->params.at("thread_kind"), "phone");
    EXPECT_EQ(cat->find("language.no-forbidden")->params.at("families"),
              "refuse-knowledge,deflect,argue,rude");
}

TEST(Catalogue, ReportsEveryProblemWithItsPlace) {
    const char* text =
        "version: \"x\"\n"
        "pass_mark: 140\n"
        "criteria:\n"
        "  - id: a.one\n"
        "    title: 一\n"
        "    category: courtesy\n"
        "    check: {type: no-such-check}\n"
        "    points: 5\n"
        "    source: seed 001 §1\n"
        "    feedback: {pass: 好, fail: 差}\n"
        "  - id: a.two\n"
        "    category: courtesy\n"
        "    check: {type: rings, max_ringz: 3, partial_credit: lots}\n"
        "    points: many\n"
        "    source: seed 001 §1\n"
        "    feedback: {pass: 好, fail: 差}\n";
    Diagnostics d;
    auto cat = parse_catalogue(text, "std.yaml", d);
    EXPECT_FALSE(cat);
    const std::string all = d.to_string();
    EXPECT_NE(all.find("std.yaml:2:12: error: `pass_mark` must be an integer"), std::string::npos)
        << all;
    EXPECT_NE(all.find("unknown check type `no-such-check`"), std::string::npos) << all;
    EXPECT_NE(all.find("std.yaml:7:12: error"), std::string::npos) << all;
    EXPECT_NE(all.find("`a.two`: missing `title`"), std::string::npos) << all;
    EXPECT_NE(all.find("`points` must be an integer"), std::string::npos) << all;
    EXPECT_NE(all.find("has no parameter `max_ringz`"), std::string::npos) << all;
    EXPECT_NE(all.find("std.yaml:13:56: error: `a.two`: `partial_credit` must be a number"),
              std::string::npos)
        << all;
    EXPECT_GE(d.error_count(), 4u);
}

TEST(Catalogue, SyntaxErrorsAndDuplicatesNeverThrow) {
    Diagnostics d;
    EXPECT_FALSE(parse_catalogue("criteria: [ {id: x", "bad.yaml", d));
    EXPECT_NE(d.to_string().find("bad.yaml:"), std::string::npos);
    EXPECT_NE(d.to_string().find("YAML syntax"), std::string::npos);

    Diagnostics d2;
    const char* dup =
        "version: \"1\"\n"
        "criteria:\n"
        "  - {id: a, title: t, category: c, check: {type: rings}, points: 1, source: s,"
        " feedback: {pass: p, fail: f}}\n"
        "  - {id: a, title: t, category: c, check: {type: rings}, points: 1, source: s,"
        " feedback: {pass: p, fail: f}}\n";
    EXPECT_FALSE(parse_catalogue(dup, "dup.yaml", d2));
    EXPECT_NE(d2.to_string().find("dup.yaml:4:5: error: duplicate criterion id `a`"),
              std::string::npos)
        << d2.to_string();

    Diagnostics dk;
    const char* dupkey =
        "version: \"1\"\n"
        "criteria:\n"
        "  - {id: a, id: b, title: t, category: c, check: {type: rings}, points: 1, source: s,"
        " feedback: {pass: p, fail: f}}\n";
    EXPECT_FALSE(parse_catalogue(dupkey, "dupkey.yaml", dk));
    EXPECT_NE(dk.to_string().find("dupkey.yaml:3:"), std::string::npos) << dk.to_string();

    Diagnostics d3;
    EXPECT_FALSE(parse_catalogue("- just\n- a list\n", "list.yaml", d3));
    EXPECT_TRUE(d3.has_errors());
    Diagnostics d4;
    EXPECT_FALSE(parse_catalogue("", "empty.yaml", d4));
    EXPECT_TRUE(d4.has_errors());
    Diagnostics d5;
    EXPECT_FALSE(load_catalogue("/nonexistent/standards.yaml", d5));
    EXPECT_NE(d5.to_string().find("cannot open"), std::string::npos);
}

TEST(Catalogue, ScenarioReferencesAreChecked) {
    Diagnostics d;
    auto cat = load_catalogue(kStandards, d);
    ASSERT_TRUE(cat);
    Scenario s;
    s.path = "sc.yaml";
    CriterionRef good;
    good.id = "courtesy.greeting";
    good.params["weak_credit"] = "0.3";
    CriterionRef unknown;
    unknown.id = "courtesy.smile";
    unknown.pos = {12, 5};
    CriterionRef badparam;
    badparam.id = "phone.answer-within-3-rings";
    badparam.params["rings"] = "2";
    badparam.pos = {13, 5};
    CriterionRef badvalue;
    badvalue.id = "courtesy.greeting";
    badvalue.params["window"] = "sometimes";
    badvalue.pos = {14, 5};
    s.criteria = {good, unknown, badparam, badvalue};
    Diagnostics out;
    check_criteria_refs(s, *cat, out);
    const std::string all = out.to_string();
    EXPECT_EQ(out.error_count(), 2u) << all;
    EXPECT_NE(
        all.find("sc.yaml:14:5: error: criterion `courtesy.greeting`: `window` must be one of"),
        std::string::npos)
        << all;
    EXPECT_NE(all.find("sc.yaml:12:5: error: unknown criterion `courtesy.smile`"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("sc.yaml:13:5: warning"), std::string::npos) << all;
}

}  // namespace
}  // namespace dd
