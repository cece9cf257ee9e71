// The site profile (issue 13, the company's own desk): a profile file read with file:line:col
// errors and written back canonically; laid over a scenario's own site; its names, extensions
// and fees filling the placeholders; self-identification by the profile's company (and not by
// the library's); the fee answer scored against the profile's fees.
#include <gtest/gtest.h>

#include "scoring/text/act_detector.h"
#include "session_test_support.h"
#include "sim/engine/dialogue.h"
#include "sim/load/site_profile_loader.h"
#include "sim/session/site_profile.h"

namespace {

using namespace dd;
using namespace dd::session;
using namespace dd::session::test;

const std::string kFeeScenario = kScenarioDir + "/inquiry/fee-standards.yaml";

const char* const kProfile = R"(# 绿城物业桂花园项目
company: 绿城物业
name: 桂花园
extensions: {security: 8110, engineering: "8201"}
fees:
  property: {name: 多层住宅物业服务费, amount: 3.2, unit: 元/平方米·月}
  parking: {name: 地下车位管理费, amount: 120, unit: 元/月}
)";

std::shared_ptr<const SiteProfile> profile(const std::string& text = kProfile) {
    Diagnostics d;
    auto p = parse_site_profile(text, "site.yaml", d);
    EXPECT_TRUE(p) << d.to_string();
    return p;
}

std::string errors_of(const std::string& text) {
    Diagnostics d;
    EXPECT_FALSE(parse_site_profile(text, "site.yaml", d));
    return d.to_string();
}

// The fee-standards gold transcript (tests/golden/inquiry.fee-standards/gold.yaml) with the
// company it names and the fees it quotes as given.
std::string fee_answer(const std::string& company, const std::string& per_m2,
                       const std::string& parking) {
    return R"(scenario: inquiry.fee-standards
seed: 0
actions:
  - {at: 4, answer: phone}
  - {at: 6, say: 您好，)" +
           company + R"(客服中心，请问有什么可以帮您？}
  - {at: 18, say: 好的钱先生，请稍等，我马上帮您查一下收费标准。}
  - {at: 19, hold: phone}
  - {at: 30, classify: {type: inquiry, level: general}}
  - {at: 40, say: 让您久等了。物业服务费按建筑面积收取，每月每平方米)" +
           per_m2 + R"(元。}
  - {at: 55, say: 地下车位管理费每月)" +
           parking + R"(元，您可以在前台刷卡，也可以用业主App或者银行代扣缴纳。}
  - {at: 70, say: 不客气，感谢您的来电，再见！}
  - {at: 71, wait: 10s}
)";
}

const CriterionResult& criterion(const ScoreReport& r, const std::string& id) {
    for (const auto& c : r.criteria)
        if (c.id == id) return c;
    ADD_FAILURE() << "no criterion " << id;
    static const CriterionResult none;
    return none;
}

AttemptRecord play(const ScenarioFile& sc, const std::string& yaml) {
    AttemptRecord r = replay_attempt(sc, transcript(yaml), *resources());
    EXPECT_TRUE(r.report);
    return r;
}

TEST(SiteProfile, ReadsAndWritesOneCanonicalText) {
    auto p = profile();
    ASSERT_TRUE(p);
    EXPECT_EQ(p->site.company, "绿城物业");
    EXPECT_EQ(p->site.name, "桂花园");
    EXPECT_EQ(p->site.extensions.at("security"), "8110");
    ASSERT_EQ(p->site.fees.size(), 2u);
    EXPECT_EQ(p->site.fees[0].amount, "3.2");
    EXPECT_EQ(*p->snapshot.text,
              "company: \"绿城物业\"\n"
              "name: \"桂花园\"\n"
              "extensions:\n"
              "  engineering: \"8201\"\n"
              "  security: \"8110\"\n"
              "fees:\n"
              "  parking: {name: \"地下车位管理费\", amount: 120, unit: \"元/月\"}\n"
              "  property: {name: \"多层住宅物业服务费\", amount: 3.2, unit: \"元/平方米·月\"}\n");
    // The same profile written another way has the same text and hash.
    auto again = profile(*p->snapshot.text);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->snapshot.hash, p->snapshot.hash);
    EXPECT_EQ(*again->snapshot.text, *p->snapshot.text);
}

TEST(SiteProfile, BadFilesSayWhereAndWhat) {
    EXPECT_EQ(errors_of("company: 绿城物业\nextensions: {securty: 8110}\n"),
              "site.yaml:2:14: error: unknown key 'securty' in 'extensions'; did you mean "
              "'security'?\n");
    EXPECT_EQ(errors_of("company: 绿城物业\nextensions: {security: 分机8110}\n"),
              "site.yaml:2:24: error: extension '分机8110' of 'security' must be digits (with "
              "'-', '#', '*'), at most 20, e.g. '8201'\n");
    EXPECT_EQ(
        errors_of("company: 绿城物业\nfees:\n  property: {amount: 0, unit: 元}\n"),
        "site.yaml:3:22: error: the amount of fee 'property' must be more than 0, e.g. 2.5\n");
    EXPECT_EQ(errors_of("company: 绿城物业\nfees:\n  Property: {amount: 2, unit: 元}\n"),
              "site.yaml:3:3: error: fee id 'Property' must be lowercase letters, digits and "
              "'-', e.g. 'property'\n");
    EXPECT_EQ(errors_of("name: 桂花园\n"),
              "site.yaml:1:1: error: a site profile names at least the company: add 'company: "
              "<the company's name>'\n");
    EXPECT_EQ(errors_of("company: 绿城物业\nphone: 123\n"),
              "site.yaml:2:1: error: unknown key 'phone' in the site profile (allowed: name, "
              "company, extensions, fees)\n");
}

TEST(SiteProfile, OverridesTheScenarioSiteFieldByField) {
    Site own;
    own.company = "安居物业";
    own.name = "阳光花园";
    own.extensions["security"] = "6110";
    own.extensions["cleaning"] = "6300";
    own.fees.push_back({"property", "高层住宅物业服务费", "2.5", "元/平方米·月"});
    own.fees.push_back({"water", "二次供水费", "0.3", "元/吨"});
    const Site s = overlay_site(own, profile()->site);
    EXPECT_EQ(s.company, "绿城物业");
    EXPECT_EQ(s.name, "桂花园");
    EXPECT_EQ(s.extensions.at("security"), "8110");  // the profile's
    EXPECT_EQ(s.extensions.at("cleaning"), "6300");  // the scenario's, the profile has none
    EXPECT_EQ(s.fee("property")->amount, "3.2");
    EXPECT_EQ(s.fee("water")->amount, "0.3");
    EXPECT_EQ(s.fee("parking")->amount, "120");
    EXPECT_EQ(s.not_ours, (std::vector<std::string>{"安居物业", "阳光花园"}));
}

TEST(SiteProfile, FillsThePlaceholders) {
    auto sc = with_site_profile(scenario(kFeeScenario), profile());
    ASSERT_TRUE(sc.scenario);
    const Site& site = sc.scenario->site;
    EXPECT_EQ(fill_site_placeholders("您好，{site.company}{site.name}客服中心", site),
              "您好，绿城物业桂花园客服中心");
    EXPECT_EQ(fill_site_placeholders("安保分机{ext.security}，{ext.cleaning}", site),
              "安保分机8110，{ext.cleaning}");  // no number for cleaning: left for the author
    EXPECT_EQ(
        fill_site_placeholders("{fee.property.name}{fee.property}，{fee.parking.amount}元", site),
        "多层住宅物业服务费3.2元/平方米·月，120元");
    // The scenario's notice and hints as the desk shows them.
    const AttemptRecord r = play(sc, fee_answer("绿城物业", "3.2", "120"));
    bool notice = false;
    for (const auto& e : r.log.entries)
        if (e.kind == LogEntry::Kind::Inject && e.text.find("收费公示") != std::string::npos) {
            notice = true;
            EXPECT_NE(e.text.find("多层住宅物业服务费 3.2元/平方米·月；地下车位管理费 120元/月"),
                      std::string::npos)
                << e.text;
        }
    EXPECT_TRUE(notice);
    EXPECT_EQ(dialogue::fill_placeholders(sc.scenario->node("open")->hint, r.log.facts, site),
              "三声内接听，“您好，绿城物业客服中心，请问有什么可以帮您？”");
    EXPECT_EQ(dialogue::fill_placeholders(sc.scenario->node("waiting")->hint, r.log.facts, site),
              "答复前说“让您久等了”，按建筑面积×单价说明：89平方米×3.2元/平方米·月。");
    // Without a profile: the scenario's own, as before.
    const ScenarioFile plain = scenario(kFeeScenario);
    EXPECT_EQ(dialogue::fill_placeholders(plain.scenario->node("parking")->hint, r.log.facts,
                                          plain.scenario->site),
              "地下车位管理费80元/月；前台刷卡、业主App、银行代扣都可以。");
}

TEST(SiteProfile, SelfIdentificationIsByTheProfilesCompany) {
    const ScenarioFile plain = scenario(kFeeScenario);
    const ScenarioFile ours = with_site_profile(plain, profile());
    const std::string id = "courtesy.self-identify";
    // The profile's company passes; the library's company the scenario was written with fails.
    EXPECT_TRUE(criterion(*play(ours, fee_answer("绿城物业", "3.2", "120")).report, id).passed);
    const auto wrong = play(ours, fee_answer("安居物业", "3.2", "120"));
    EXPECT_FALSE(criterion(*wrong.report, id).passed);
    EXPECT_EQ(criterion(*wrong.report, id).points, 0);
    // Without a profile, the scenario's own company is the desk's.
    EXPECT_TRUE(criterion(*play(plain, fee_answer("安居物业", "2.5", "80")).report, id).passed);
}

TEST(SiteProfile, NamingTheDeskCountsAsSelfIdentification) {
    Diagnostics d;
    auto res = resources();
    const ActDetector& det = *res->detector;
    const std::vector<std::string> ours = {det.detect("绿城物业").normalized,
                                           det.detect("桂花园").normalized};
    const std::vector<std::string> theirs = {det.detect("安居物业").normalized};
    auto acts = [&](const std::string& text) {
        DetectedActs a = det.detect(text);
        dialogue::identify_by_name(a, ours, theirs);
        return a.acts;
    };
    auto has = [](const std::vector<std::string>& v, const char* a) {
        return std::find(v.begin(), v.end(), a) != v.end();
    };
    EXPECT_TRUE(has(acts("您好，桂花园，请讲。"), "self-identify"));
    EXPECT_TRUE(has(acts("您好，綠城物業。"), "self-identify")) << "traditional characters fold";
    EXPECT_FALSE(has(acts("您好，安居物业客服中心。"), "self-identify"));
    EXPECT_TRUE(has(acts("您好，客服中心。"), "self-identify")) << "no company named: the formula";
    // In the fixed order of the acts: greeting, self-identify, offer-help…
    EXPECT_EQ(acts("您好，桂花园，有什么可以帮您？"),
              (std::vector<std::string>{"greeting", "self-identify", "offer-help"}));
}

TEST(SiteProfile, TheFeeAnswerIsScoredAgainstTheProfilesFees) {
    const ScenarioFile plain = scenario(kFeeScenario);
    const ScenarioFile ours = with_site_profile(plain, profile());
    const std::string id = "expectation.correct-information";
    const auto right = play(ours, fee_answer("绿城物业", "3.2", "120"));
    EXPECT_TRUE(criterion(*right.report, id).passed);
    EXPECT_EQ(criterion(*right.report, id).points, criterion(*right.report, id).max);
    // The library's fees are wrong at this company's desk…
    const auto library = play(ours, fee_answer("绿城物业", "2.5", "80"));
    EXPECT_FALSE(criterion(*library.report, id).passed);
    EXPECT_EQ(criterion(*library.report, id).points, 0);
    // … and right without a profile.
    EXPECT_TRUE(criterion(*play(plain, fee_answer("安居物业", "2.5", "80")).report, id).passed);
    // A profile whose fee is a value the scenario lists as a careless answer (3元): saying it is
    // right, not cancelled as wrong.
    auto three = profile("company: 绿城物业\nfees:\n  property: {amount: 3, unit: 元/平方米·月}\n");
    const auto r3 = play(with_site_profile(plain, three), fee_answer("绿城物业", "3", "80"));
    EXPECT_TRUE(criterion(*r3.report, id).passed);
}

TEST(SiteProfile, TheRecordNamesTheProfile) {
    const auto p = profile();
    const auto r =
        play(with_site_profile(scenario(kFeeScenario), p), fee_answer("绿城物业", "3.2", "120"));
    EXPECT_EQ(r.site_profile.hash, p->snapshot.hash);
    ASSERT_TRUE(r.site_profile.text);
    EXPECT_EQ(*r.site_profile.text, *p->snapshot.text);
    // The scenario snapshot stays the file's own.
    EXPECT_EQ(r.scenario.hash, scenario(kFeeScenario).hash);
    EXPECT_TRUE(play(scenario(kFeeScenario), fee_answer("安居物业", "2.5", "80"))
                    .site_profile.hash.empty());
}

}  // namespace
