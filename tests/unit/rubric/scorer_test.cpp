// The scorer on the example scenario: the gold attempt passes with at least 90, the poor one
// fails and names evidence and source for every lost point; maxima scale to 100; critical
// failures fail the attempt; re-scoring under another catalogue leaves the first report intact.
#include <gtest/gtest.h>

#include <numeric>

#include "log_builder.h"
#include "scoring/rubric/scorer.h"

namespace dd {
namespace {

const std::string kStandards = std::string(DESKDRILL_SCENARIOS_DIR) + "/standards.yaml";
const std::string kRefresher =
    std::string(DESKDRILL_TESTS_DIR) + "/data/rubric/standards-2027.1.yaml";

Catalogue catalogue(const std::string& path = kStandards) {
    Diagnostics d;
    auto c = load_catalogue(path, d);
    EXPECT_TRUE(c) << d.to_string();
    return c ? *c : Catalogue{};
}

const CriterionResult* find(const ScoreReport& r, const std::string& id) {
    for (const auto& c : r.criteria)
        if (c.id == id) return &c;
    return nullptr;
}

TEST(ScaleToTotal, LargestRemainderIsExactAndDeterministic) {
    EXPECT_EQ(scale_to_total({1, 1, 1}), (std::vector<int>{34, 33, 33}));
    EXPECT_EQ(scale_to_total({8, 6, 5, 8, 10}), (std::vector<int>{22, 16, 13, 22, 27}));
    EXPECT_EQ(scale_to_total({0, 0}), (std::vector<int>{0, 0}));
    EXPECT_EQ(scale_to_total({}), std::vector<int>{});
    EXPECT_EQ(scale_to_total({5, 0, 5}), (std::vector<int>{50, 0, 50}));
    for (int n = 1; n <= 40; ++n) {
        std::vector<int> w;
        for (int i = 0; i < n; ++i) w.push_back(1 + (i * 7) % 13);
        const auto m = scale_to_total(w);
        EXPECT_EQ(std::accumulate(m.begin(), m.end(), 0), 100) << n;
    }
}

TEST(Scorer, GoldPassesWithAtLeast90) {
    const Catalogue cat = catalogue();
    const ScoreReport r = score_attempt(test::example_scenario(), test::example_gold_log(), cat);
    EXPECT_EQ(r.max, 100);
    EXPECT_GE(r.score, 90);
    EXPECT_TRUE(r.passed);
    EXPECT_TRUE(r.critical_failed.empty());
    EXPECT_EQ(r.criteria.size(), 12u);
    EXPECT_EQ(r.catalogue_version, "2026.1");
    EXPECT_EQ(r.pass_mark, 80);
    for (const auto& c : r.criteria)
        EXPECT_TRUE(c.passed) << c.id << ": " << c.points << "/" << c.max;
}

TEST(Scorer, PoorFailsAndEveryLostPointNamesEvidenceAndSource) {
    const Catalogue cat = catalogue();
    const ScoreReport r = score_attempt(test::example_scenario(), test::example_poor_log(), cat);
    EXPECT_FALSE(r.passed);
    EXPECT_LT(r.score, r.pass_mark);
    int lost = 0;
    for (const auto& c : r.criteria) {
        if (c.points == c.max) continue;
        ++lost;
        EXPECT_FALSE(c.evidence.empty()) << c.id;
        EXPECT_FALSE(c.source.empty()) << c.id;
        EXPECT_FALSE(c.feedback.empty()) << c.id;
        for (const auto& e : c.evidence) EXPECT_FALSE(e.note.empty()) << c.id;
    }
    EXPECT_GE(lost, 10);
    // Specific evidence: the deflection with its time, the rings, the hang-up, the level.
    const auto* forb = find(r, "language.no-forbidden");
    ASSERT_NE(forb, nullptr);
    EXPECT_EQ(forb->points, 0);
    ASSERT_EQ(forb->evidence.size(), 1u);
    EXPECT_EQ(forb->evidence[0].t, 50'000);
    EXPECT_EQ(forb->evidence[0].text, "装修的事不归我们管,你自己上楼跟他说。");
    EXPECT_EQ(forb->source, "seed 003 §5.2");
    const auto* rings = find(r, "phone.answer-within-3-rings");
    ASSERT_NE(rings, nullptr);
    EXPECT_EQ(rings->points, 0);
    const i18n::Strings& zh = i18n::builtin("zh");
    const i18n::Strings& en = i18n::builtin("en");
    EXPECT_EQ(zh.render(rings->evidence[0].note),
              "接听太慢:响了 7 声(应在 3 声之内,开始响铃后 25秒才接)");
    EXPECT_EQ(en.render(rings->evidence[0].note),
              "too slow: 7 rings (within 3 expected; answered 25 s after the first ring)");
    EXPECT_EQ(evidence_text(rings->evidence[0], zh), "响了 7 声后接听");
    EXPECT_EQ(evidence_text(rings->evidence[0], en), "answered after 7 ring(s)");
    const auto* hang = find(r, "closure.caller-hangs-up-first");
    ASSERT_NE(hang, nullptr);
    EXPECT_EQ(hang->evidence[0].t, 112'000);
    const auto* level = find(r, "classify.level");
    ASSERT_NE(level, nullptr);
    EXPECT_EQ(zh.render(level->evidence[0].note), "等级判断错误:判为「一般」,应为「紧急」");
    EXPECT_EQ(en.render(level->evidence[0].note), "level wrong: “General”, should be “Urgent”");
    EXPECT_EQ(evidence_text(level->evidence[0], zh), "分类:类别=投诉,等级=一般");
    EXPECT_EQ(evidence_text(level->evidence[0], en), "classify: type: Complaint; level: General");
}

TEST(Scorer, ScenarioOverridesPointsCriticalAndParams) {
    const Catalogue cat = catalogue();
    Scenario s = test::example_scenario();
    s.criteria.resize(2);  // rings, greeting
    s.criteria[0].points = 30;
    s.criteria[1].points = 10;
    s.criteria[0].critical = true;
    const ScoreReport poor = score_attempt(s, test::example_poor_log(), cat);
    ASSERT_EQ(poor.criteria.size(), 2u);
    EXPECT_EQ(poor.criteria[0].max, 75);
    EXPECT_EQ(poor.criteria[1].max, 25);
    EXPECT_EQ(poor.critical_failed, std::vector<std::string>{"phone.answer-within-3-rings"});
    // A lenient ring limit for this scenario: 7 rings now pass.
    s.criteria[0].params["max_rings"] = "8";
    const ScoreReport lenient = score_attempt(s, test::example_poor_log(), cat);
    EXPECT_TRUE(lenient.criteria[0].passed);
    EXPECT_EQ(lenient.criteria[0].points, 75);
    EXPECT_TRUE(lenient.critical_failed.empty());
}

TEST(Scorer, CriticalFailureFailsWhateverTheScore) {
    const Catalogue cat = catalogue();
    Scenario s = test::example_scenario();
    s.actors[0].private_facts = {"phone"};
    s.actors.push_back(test::make_actor("stranger", "陌生人", "visitor", "", ""));
    CriterionRef priv;
    priv.id = "privacy.no-disclosure";
    s.criteria.push_back(priv);
    AttemptLog log = test::example_gold_log();
    const ScoreReport clean = score_attempt(s, log, cat);
    EXPECT_TRUE(clean.passed);
    // The gold attempt, plus telling a stranger the owner's phone number.
    LogEntry e;
    e.t = 95'000;
    e.kind = LogEntry::Kind::Action;
    e.thread = "stranger";
    e.actor = "stranger";
    Action a;
    a.verb = Verb::Say;
    a.text = "王女士的电话是13800001111";
    e.action = a;
    log.entries.push_back(e);
    const ScoreReport leak = score_attempt(s, log, cat);
    EXPECT_GE(leak.score, leak.pass_mark);
    EXPECT_FALSE(leak.passed);
    EXPECT_EQ(leak.critical_failed, std::vector<std::string>{"privacy.no-disclosure"});
}

TEST(Scorer, CaseWorkLeftUndoneFailsWhateverTheCourtesy) {
    Catalogue cat = catalogue();
    for (auto& c : cat.criteria) c.case_work = false;
    const Scenario s = test::example_scenario();
    AttemptLog log = test::example_gold_log();
    // The gold attempt without its record: still a passing score on courtesy alone…
    std::erase_if(log.entries, [](const LogEntry& e) {
        return e.action && e.action->verb == Verb::Record;
    });
    for (auto& v : log.visits) std::erase(v.did, std::string("record"));
    const ScoreReport plain = score_attempt(s, log, cat);
    ASSERT_GE(plain.score, plain.pass_mark);
    ASSERT_TRUE(plain.passed);
    EXPECT_TRUE(plain.case_failed.empty());
    // …but the record is the case's own work: earning none of it fails the attempt.
    for (auto& c : cat.criteria)
        if (c.id == "record.complete") c.case_work = true;
    const ScoreReport strict = score_attempt(s, log, cat);
    EXPECT_EQ(strict.score, plain.score);
    EXPECT_FALSE(strict.passed);
    EXPECT_EQ(strict.case_failed, std::vector<std::string>{"record.complete"});
    EXPECT_NE(report_to_json(strict).find("\"case_failed\": [\n    \"record.complete\""),
              std::string::npos);
    // A partly done record is a lost point, not a failed case.
    EXPECT_TRUE(score_attempt(s, test::example_gold_log(), cat).case_failed.empty());
}

TEST(Scorer, UnknownCriterionCannotPass) {
    // The loaders refuse such a scenario; scored anyway (in code), the report names the
    // criterion as a failed critical item with no points, and cannot pass.
    const Catalogue cat = catalogue();
    Scenario s = test::example_scenario();
    const ScoreReport clean = score_attempt(s, test::example_gold_log(), cat);
    ASSERT_TRUE(clean.passed);
    CriterionRef x;
    x.id = "courtesy.smile";
    s.criteria.push_back(x);
    const ScoreReport r = score_attempt(s, test::example_gold_log(), cat);
    EXPECT_FALSE(r.passed);
    EXPECT_EQ(r.score, clean.score);
    EXPECT_EQ(r.max, 100);
    EXPECT_EQ(r.critical_failed, std::vector<std::string>{"courtesy.smile"});
    ASSERT_EQ(r.criteria.size(), 13u);
    const CriterionResult& smile = r.criteria.back();
    EXPECT_EQ(smile.id, "courtesy.smile");
    EXPECT_EQ(smile.points, 0);
    EXPECT_EQ(smile.max, 0);
    EXPECT_FALSE(smile.passed);
    EXPECT_TRUE(smile.critical);
    ASSERT_EQ(smile.evidence.size(), 1u);
    const i18n::Strings& zh = i18n::builtin("zh");
    EXPECT_EQ(zh.render(smile.evidence[0].note), "评分项 courtesy.smile 不在标准目录 2026.1 中");
    EXPECT_EQ(criterion_feedback(smile, zh), "本项无法评分:场景引用了标准目录中没有的评分项。");
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_EQ(zh.render(r.warnings[0]),
              "评分项 courtesy.smile 不在标准目录 2026.1 中,无法评分,本次结果不能算通过");
    EXPECT_EQ(i18n::builtin("en").render(r.warnings[0]),
              "criterion courtesy.smile is not in standards catalogue 2026.1: it cannot be "
              "scored, so this result cannot pass");
}

TEST(Scorer, CatalogueDefaultsAndSettingsDecideTheVerdict) {
    // The values a supervisor changes in standards.yaml reach the checks: a `defaults:` entry
    // for the check type, and the settings of fact matching.
    Catalogue cat = catalogue();
    Scenario s = test::example_scenario();
    s.criteria.clear();
    CriterionRef rings;
    rings.id = "phone.answer-within-3-rings";  // sets max_rings: 3 itself
    s.criteria.push_back(rings);
    CriterionRef repeat;
    repeat.id = "record.repeat-back";
    s.criteria.push_back(repeat);
    const AttemptLog log = test::example_poor_log();  // answered on the 7th ring
    const ScoreReport base = score_attempt(s, log, cat);
    ASSERT_FALSE(base.criteria[0].passed);
    // The criterion's own max_rings wins over the type's default…
    cat.defaults["rings"]["max_rings"] = "9";
    EXPECT_FALSE(score_attempt(s, log, cat).criteria[0].passed);
    // …and a default applies where the criterion sets nothing.
    for (auto& c : cat.criteria)
        if (c.id == "phone.answer-within-3-rings") c.params.erase("max_rings");
    EXPECT_TRUE(score_attempt(s, log, cat).criteria[0].passed);

    // The gold repeat-back, with the phone said in numerals (一三八 0000 1111): when a phone needs
    // more digits than it has to be read by its digits, it must appear as written, and no
    // longer counts.
    AttemptLog gold = test::example_gold_log();
    for (auto& e : gold.entries)
        if (e.action && e.action->text.find("13800001111") != std::string::npos)
            e.action->text.replace(e.action->text.find("13800001111"), 11, "一三八 0000 1111");
    Catalogue strict = catalogue();
    const double before = score_attempt(s, gold, strict).criteria[1].points;
    strict.settings.phone_min_digits = 20;
    const double after = score_attempt(s, gold, strict).criteria[1].points;
    EXPECT_LT(after, before);
}

TEST(Scorer, EmptyLogAndEmptyScenarioDoNotCrash) {
    const Catalogue cat = catalogue();
    const ScoreReport r = score_attempt(test::example_scenario(), AttemptLog{}, cat);
    EXPECT_FALSE(r.passed);
    EXPECT_EQ(r.max, 100);
    const ScoreReport none = score_attempt(Scenario{}, AttemptLog{}, cat);
    EXPECT_EQ(none.max, 0);
    EXPECT_FALSE(none.passed);
}

TEST(Scorer, DamagedLogAndWildParametersDoNotCrash) {
    const Catalogue cat = catalogue();
    Scenario s = test::example_scenario();
    s.criteria[0].params["max_rings"] = "1e300";
    s.criteria[1].params["weak_credit"] = "nan";
    s.criteria[2].params["window"] = "no-such-window";
    AttemptLog log = test::example_gold_log();
    log.visits[0].replies = {-5, 9999, 0};  // out of range, and an entry that is not a reply
    LogEntry bare;                          // an action entry without its action
    bare.kind = LogEntry::Kind::Action;
    log.entries.push_back(bare);
    log.threads[0].answered_at.reset();
    ScoreReport r;
    EXPECT_NO_THROW(r = score_attempt(s, log, cat));
    EXPECT_EQ(r.max, 100);
    EXPECT_LE(r.score, r.max);
    EXPECT_FALSE(report_to_json(r).empty());
}

TEST(Rescoring, AnotherCatalogueVersionGivesASecondReportAndLeavesTheFirst) {
    const Catalogue v2026 = catalogue();
    const Catalogue v2027 = catalogue(kRefresher);
    ASSERT_EQ(v2027.version, "2027.1");
    const Scenario s = test::example_scenario();
    const AttemptLog log = test::example_gold_log();  // answered on the 2nd ring
    const ScoreReport first = score_attempt(s, log, v2026);
    const std::string first_json = report_to_json(first);
    const ScoreReport second = score_attempt(s, log, v2027);
    EXPECT_EQ(second.catalogue_version, "2027.1");
    // 2027.1 asks for the phone within one ring: the same log loses points there.
    const auto* r1 = find(first, "phone.answer-within-3-rings");
    const auto* r2 = find(second, "phone.answer-within-3-rings");
    ASSERT_TRUE(r1 && r2);
    EXPECT_TRUE(r1->passed);
    EXPECT_FALSE(r2->passed);
    EXPECT_LT(r2->points, r2->max);
    EXPECT_NE(r2->rule, r1->rule);
    EXPECT_LT(second.score, first.score);
    // The first report is untouched, and scoring again under 2026.1 reproduces it exactly.
    EXPECT_EQ(report_to_json(first), first_json);
    EXPECT_EQ(report_to_json(score_attempt(s, log, v2026)), first_json);
}

TEST(Scorer, EvidenceHighlightsWithADetector) {
    const Catalogue cat = catalogue();
    test::FakeDetector det;
    det.add("不归我们管", "deflect", true);
    ScoreOptions opt;
    opt.detector = &det;
    const ScoreReport r =
        score_attempt(test::example_scenario(), test::example_poor_log(), cat, opt);
    const auto* forb = find(r, "language.no-forbidden");
    ASSERT_NE(forb, nullptr);
    const auto& e = forb->evidence.at(0);
    ASSERT_GE(e.highlight_begin, 0);
    EXPECT_EQ(e.text.substr(static_cast<std::size_t>(e.highlight_begin),
                            static_cast<std::size_t>(e.highlight_end - e.highlight_begin)),
              "不归我们管");
}

}  // namespace
}  // namespace dd
