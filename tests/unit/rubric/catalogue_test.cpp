// The standards catalogue: the shipped file loads cleanly and holds the agreed ids with their
// titles, sources and feedback and every built-in default; then one test per class of error,
// each with the exact message and place (the scenario loader's strictness: unknown keys with
// "did you mean", YAML 1.2 booleans, closed lists, ranges, required keys), and every problem
// of a file collected.
#include <gtest/gtest.h>

#include <set>

#include "scoring/rubric/catalogue.h"

namespace dd {
namespace {

const std::string kStandards = std::string(DESKDRILL_SCENARIOS_DIR) + "/standards.yaml";

// A small valid catalogue; tests change one thing in it.
const std::string kBase = R"(version: "2030.1"
pass_mark: 80
criteria:
  - id: courtesy.greeting
    title: 以“您好”问候
    category: courtesy
    check: {type: acts, window: first-reply, acts: [greeting]}
    points: 6
    source: seed 001 §4.1.1
    feedback: {pass: 好, fail: 差}
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

struct Result {
    std::optional<Catalogue> cat;
    std::string diags;
};

Result parse(const std::string& text) {
    Diagnostics d;
    auto cat = parse_catalogue(text, "std.yaml", d);
    return {std::move(cat), d.to_string()};
}

// The text with one change must be refused with exactly this message.
void expect_error(const std::string& text, const std::string& message) {
    const Result r = parse(text);
    EXPECT_FALSE(r.cat) << text;
    EXPECT_EQ(r.diags, message) << text;
}

TEST(Catalogue, BaseIsValid) {
    const Result r = parse(kBase);
    ASSERT_TRUE(r.cat) << r.diags;
    EXPECT_EQ(r.diags, "");
    EXPECT_EQ(r.cat->version, "2030.1");
    ASSERT_EQ(r.cat->criteria.size(), 1u);
    EXPECT_EQ(r.cat->criteria[0].params.at("acts"), "greeting");
    EXPECT_EQ(r.cat->criteria[0].title_en, "");
    EXPECT_TRUE(r.cat->defaults.empty());
    EXPECT_EQ(r.cat->settings.phone_min_digits, ScoringSettings::builtin().phone_min_digits);
}

TEST(Catalogue, ShippedFileLoadsWithoutProblems) {
    Diagnostics d;
    auto cat = load_catalogue(kStandards, d);
    ASSERT_TRUE(cat) << d.to_string();
    EXPECT_TRUE(d.items().empty()) << d.to_string();
    EXPECT_EQ(cat->version, "2026.1");
    EXPECT_GE(cat->pass_mark, 50);
    EXPECT_GE(cat->criteria.size(), 36u);
}

TEST(Catalogue, ShippedFileStatesEveryBuiltInDefault) {
    // A supervisor reads and changes the scoring's limits, thresholds and partial credits in
    // standards.yaml: every built-in default of the check table and every setting is there.
    Diagnostics d;
    auto cat = load_catalogue(kStandards, d);
    ASSERT_TRUE(cat) << d.to_string();
    for (const auto& type : check_table()) {
        for (const auto& p : type.params) {
            if (p.def.empty()) continue;
            const auto it = cat->defaults.find(type.name);
            const bool stated = it != cat->defaults.end() && it->second.count(std::string(p.name));
            EXPECT_TRUE(stated) << "defaults." << type.name << "." << p.name;
        }
    }
    const ScoringSettings& builtin = ScoringSettings::builtin();
    EXPECT_EQ(cat->settings.phone_min_digits, builtin.phone_min_digits);
    EXPECT_EQ(cat->settings.room_gap, builtin.room_gap);
    EXPECT_EQ(cat->defaults.at("respond-within").at("limit"), "5m");
    EXPECT_EQ(cat->defaults.at("solve-within").at("limit"), "15m");
    EXPECT_EQ(cat->defaults.at("acts").at("long_wait"), "30s");
    EXPECT_EQ(cat->defaults.at("mood-end").at("default_below"), "50");
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

TEST(Catalogue, OptionalKeysAreRead) {
    const Result r = parse(replace(
        replace(replace(kBase, "pass_mark: 80", "pass_mark: 70\ntitle: 2030 修订"), "    points: 6",
                "    title_en: Greet with 您好\n    points: 6\n    critical: true"),
        "criteria:",
        "settings: {phone_min_digits: 7}\ndefaults:\n  rings: {max_rings: 4}\ncriteria:"));
    ASSERT_TRUE(r.cat) << r.diags;
    EXPECT_EQ(r.cat->pass_mark, 70);
    EXPECT_EQ(r.cat->title, "2030 修订");
    EXPECT_EQ(r.cat->criteria[0].title_en, "Greet with 您好");
    EXPECT_TRUE(r.cat->criteria[0].critical);
    EXPECT_EQ(r.cat->settings.phone_min_digits, 7);
    EXPECT_EQ(r.cat->settings.room_gap, ScoringSettings::builtin().room_gap);
    EXPECT_EQ(r.cat->defaults.at("rings").at("max_rings"), "4");
}

// ---- one test per class of error -----------------------------------------------------------

TEST(CatalogueErrors, UnknownTopLevelKey) {
    expect_error(replace(kBase, "pass_mark: 80", "pass_mrak: 80"),
                 "std.yaml:1:1: error: missing required key 'pass_mark' in the standards "
                 "catalogue\n"
                 "std.yaml:2:1: error: unknown key 'pass_mrak' in the standards catalogue; did "
                 "you mean 'pass_mark'?\n");
}

TEST(CatalogueErrors, UnknownCriterionKey) {
    expect_error(replace(kBase, "    source:", "    sorce: x\n    source:"),
                 "std.yaml:9:5: error: unknown key 'sorce' in criterion 'courtesy.greeting'; did "
                 "you mean 'source'?\n");
}

TEST(CatalogueErrors, BooleansAreYaml12) {
    expect_error(replace(kBase, "    points: 6", "    points: 6\n    critical: yes"),
                 "std.yaml:9:15: error: expected true or false for 'critical', got 'yes'\n");
}

TEST(CatalogueErrors, UnknownCategory) {
    expect_error(replace(kBase, "category: courtesy", "category: curtesy"),
                 "std.yaml:6:15: error: unknown category 'curtesy'; did you mean 'courtesy'? "
                 "(allowed: courtesy, language, phone, timing, record, classify, dispatch, "
                 "escalation, closure, privacy, emergency, mood, expectation, complaint, visitor, "
                 "notify, handover, dialogue)\n");
}

TEST(CatalogueErrors, UnknownCheckType) {
    expect_error(replace(kBase, "type: acts", "type: act"),
                 "std.yaml:7:19: error: unknown check type 'act'; did you mean 'acts'? (allowed: "
                 "acts, forbidden, rings, node-within, respond-within, solve-within, "
                 "record-fields, repeat-back, classify, actions, calls, sequence, "
                 "register-visitor, precedes, privacy, tells, caller-hangs-up, mood-end, node-expect)\n");
}

TEST(CatalogueErrors, UnknownCheckParameter) {
    expect_error(replace(kBase, "acts: [greeting]", "acts: [greeting], weak_credt: 0.5"),
                 "std.yaml:7:64: error: unknown key 'weak_credt' in the check of criterion "
                 "'courtesy.greeting'; did you mean 'weak_credit'?\n");
}

TEST(CatalogueErrors, ParameterValuesByKind) {
    const std::string at = "std.yaml:7:";
    const std::vector<std::pair<std::string, std::string>> cases = {
        // number: a credit within [0, 1]
        {"weak_credit: 1.5", "77: error: 'weak_credit' must be between 0 and 1, got 1.5"},
        {"weak_credit: lots", "77: error: expected a number for 'weak_credit', got 'lots'"},
        // flag: YAML 1.2 booleans only
        {"same_reply: yes", "76: error: expected true or false for 'same_reply', got 'yes'"},
        // string from a closed list
        {"thread_kind: phnoe",
         "77: error: unknown thread_kind 'phnoe'; did you mean 'phone'? (allowed: phone, desk, "
         "any)"},
        // duration
        {"long_wait: soon",
         "75: error: expected a duration like 30s, 2m or 1h30m for 'long_wait', got 'soon'"},
        // list with closed items
        {"roles: [owner, boss]",
         "79: error: unknown value 'boss' in 'roles' (allowed: owner, tenant, visitor, courier, "
         "contractor, elderly, child)"},
        // a map where a value is wanted
        {"if_none: {a: 1}", "73: error: expected a string for 'if_none', got a map"},
        {"weak_credit:", "64: error: expected a number for 'weak_credit', got nothing"},
    };
    for (const auto& [param, message] : cases)
        expect_error(replace(kBase, "acts: [greeting]", "acts: [greeting], " + param),
                     at + message + "\n");
    // groups: each alternative an act or forbidden family
    expect_error(replace(kBase, "acts: [greeting]", "acts: [greeting, empathy|apologie]"),
                 "std.yaml:7:63: error: unknown act 'apologie' in 'acts'; did you mean "
                 "'apology'? (allowed: greeting, self-identify, offer-help, please, thanks, "
                 "apology, empathy, ask-wait, thank-for-waiting, ask-name, ask-room, "
                 "ask-contact, repeat-back, time-commitment, reassurance, farewell, "
                 "refuse-knowledge, deflect, argue, rude)\n");
}

TEST(CatalogueErrors, RequiredCheckParameterAndType) {
    expect_error(
        replace(kBase, "{type: acts, window: first-reply, acts: [greeting]}", "{type: actions}"),
        "std.yaml:7:12: error: missing required key 'verb' in the check of criterion "
        "'courtesy.greeting'\n");
    expect_error(replace(kBase, "type: acts, ", ""),
                 "std.yaml:7:12: error: missing required key 'type' in the check of criterion "
                 "'courtesy.greeting' (one of acts, forbidden, rings, node-within, "
                 "respond-within, solve-within, record-fields, repeat-back, classify, actions, "
                 "calls, sequence, register-visitor, precedes, privacy, tells, caller-hangs-up, "
                 "mood-end, node-expect)\n");
}

TEST(CatalogueErrors, Ranges) {
    expect_error(replace(kBase, "points: 6", "points: -2"),
                 "std.yaml:8:13: error: 'points' must be between 0 and 1000, got -2\n");
    expect_error(replace(kBase, "pass_mark: 80", "pass_mark: 140"),
                 "std.yaml:2:12: error: 'pass_mark' must be between 0 and 100, got 140\n");
    expect_error(replace(kBase, "\"2030.1\"", "2030.x"),
                 "std.yaml:1:10: error: 'version' must be numbers joined by dots, e.g. "
                 "\"2026.1\", got '2030.x'\n");
}

TEST(CatalogueErrors, RequiredKeys) {
    expect_error(replace(kBase, "    title: 以“您好”问候\n", ""),
                 "std.yaml:4:5: error: missing required key 'title' in criterion "
                 "'courtesy.greeting'\n");
    expect_error(replace(kBase, "{pass: 好, fail: 差}", "{pass: 好}"),
                 "std.yaml:10:15: error: missing required key 'fail' in the feedback of criterion "
                 "'courtesy.greeting'\n");
    expect_error("pass_mark: 80\ncriteria: []\n",
                 "std.yaml:1:1: error: missing required key 'version' in the standards "
                 "catalogue\n"
                 "std.yaml:2:11: error: 'criteria' is empty; the catalogue needs at least one "
                 "criterion\n");
    expect_error(replace(kBase, "title: 以“您好”问候", "title: \" \""),
                 "std.yaml:5:12: error: 'title' is empty; write a value\n");
}

TEST(CatalogueErrors, IdsAreDottedAndUnique) {
    expect_error(replace(kBase, "id: courtesy.greeting", "id: Greeting"),
                 "std.yaml:4:9: error: criterion id 'Greeting' must be dotted lowercase words, "
                 "e.g. 'courtesy.greeting'\n");
    const std::string twice = kBase + R"(  - id: courtesy.greeting
    title: 再一次
    category: courtesy
    check: {type: privacy}
    points: 1
    source: seed 001
    feedback: {pass: 好, fail: 差}
)";
    expect_error(twice,
                 "std.yaml:11:9: error: criterion 'courtesy.greeting' is listed twice (first at "
                 "line 4); keep one\n");
}

TEST(CatalogueErrors, DefaultsAndSettings) {
    expect_error(replace(kBase, "criteria:", "defaults:\n  ring: {max_rings: 4}\ncriteria:"),
                 "std.yaml:4:3: error: unknown key 'ring' in 'defaults'; did you mean "
                 "'rings'?\n");
    expect_error(replace(kBase, "criteria:", "defaults:\n  mood-end: {below: 40}\ncriteria:"),
                 "std.yaml:4:14: error: 'below' of check 'mood-end' has no default to set (the "
                 "mood (0 calm … 100 furious) to end below (default: the outcome's "
                 "`mood_below`, else `default_below`)); set it on the criteria that need it\n");
    expect_error(replace(kBase, "criteria:", "defaults:\n  rings: {max_rings: 2.5}\ncriteria:"),
                 "std.yaml:4:22: error: expected a whole number for 'max_rings', got 2.5\n");
    expect_error(replace(kBase, "criteria:", "settings: {phone_digits: 5}\ncriteria:"),
                 "std.yaml:3:12: error: unknown key 'phone_digits' in 'settings' (allowed: "
                 "phone_min_digits, room_gap, split_reply_seconds)\n");
    expect_error(replace(kBase, "criteria:", "settings: {phone_min_digits: 0}\ncriteria:"),
                 "std.yaml:3:30: error: 'phone_min_digits' must be between 1 and 20, got 0\n");
}

TEST(CatalogueErrors, EveryProblemIsCollected) {
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
        "    critical: no\n"
        "    source: seed 001 §1\n"
        "    feedback: {pass: 好, fail: 差}\n";
    const Result r = parse(text);
    EXPECT_FALSE(r.cat);
    EXPECT_EQ(r.diags,
              "std.yaml:1:10: error: 'version' must be numbers joined by dots, e.g. \"2026.1\", "
              "got 'x'\n"
              "std.yaml:2:12: error: 'pass_mark' must be between 0 and 100, got 140\n"
              "std.yaml:7:19: error: unknown check type 'no-such-check' (allowed: acts, "
              "forbidden, rings, node-within, respond-within, solve-within, record-fields, "
              "repeat-back, classify, actions, calls, sequence, register-visitor, precedes, "
              "privacy, tells, caller-hangs-up, mood-end, node-expect)\n"
              "std.yaml:11:5: error: missing required key 'title' in criterion 'a.two'\n"
              "std.yaml:13:26: error: unknown key 'max_ringz' in the check of criterion "
              "'a.two'; did you mean 'max_rings'?\n"
              "std.yaml:13:56: error: expected a number for 'partial_credit', got 'lots'\n"
              "std.yaml:14:13: error: expected a whole number for 'points', got 'many'\n"
              "std.yaml:15:15: error: expected true or false for 'critical', got 'no'\n");
}

TEST(CatalogueErrors, SyntaxErrorsAndDuplicateKeysNeverThrow) {
    Diagnostics d;
    EXPECT_FALSE(parse_catalogue("criteria: [ {id: x", "bad.yaml", d));
    EXPECT_NE(d.to_string().find("bad.yaml:"), std::string::npos);
    EXPECT_NE(d.to_string().find("YAML syntax"), std::string::npos);

    expect_error(replace(kBase, "    points: 6", "    points: 6\n    points: 7"),
                 "std.yaml:9:5: error: duplicate key 'points' (first at line 8); keep only "
                 "one\n");
    expect_error("- just\n- a list\n",
                 "std.yaml:1:1: error: expected a map for the standards catalogue, got a list\n");
    Diagnostics d4;
    EXPECT_FALSE(parse_catalogue("", "empty.yaml", d4));
    EXPECT_EQ(d4.to_string(), "empty.yaml: error: file is empty; write the YAML content\n");
    Diagnostics d5;
    EXPECT_FALSE(load_catalogue("/nonexistent/standards.yaml", d5));
    EXPECT_EQ(d5.to_string(),
              "/nonexistent/standards.yaml: error: cannot open the file: no such file\n");
}

// ---- a scenario's references -----------------------------------------------------------------

TEST(CatalogueRefs, ScenarioReferencesAreChecked) {
    Diagnostics d;
    auto cat = load_catalogue(kStandards, d);
    ASSERT_TRUE(cat);
    Scenario s;
    s.path = "sc.yaml";
    CriterionRef good;
    good.id = "courtesy.greeting";
    good.params["weak_credit"] = "0.3";
    CriterionRef unknown;
    unknown.id = "courtesy.greting";
    unknown.pos = {12, 5};
    CriterionRef badparam;
    badparam.id = "phone.answer-within-3-rings";
    badparam.params["rings"] = "2";
    badparam.pos = {13, 5};
    CriterionRef badvalue;
    badvalue.id = "courtesy.greeting";
    badvalue.params["window"] = "sometimes";
    badvalue.params["same_reply"] = "yes";
    badvalue.params["weak_credit"] = "3";
    badvalue.pos = {14, 5};
    CriterionRef made_up;
    made_up.id = "made.up";
    made_up.pos = {15, 5};
    s.criteria = {good, unknown, badparam, badvalue, made_up};
    Diagnostics out;
    check_criteria_refs(s, *cat, out);
    EXPECT_EQ(out.to_string(),
              "sc.yaml:12:5: error: unknown criterion 'courtesy.greting' (not in standards.yaml "
              "2026.1); did you mean 'courtesy.greeting'?\n"
              "sc.yaml:13:5: error: criterion 'phone.answer-within-3-rings': unknown parameter "
              "'rings' of check 'rings' (allowed: max_rings, partial_rings, partial_credit)\n"
              "sc.yaml:14:5: warning: criterion 'courtesy.greeting' is listed twice; it is "
              "scored once\n"
              "sc.yaml:14:5: error: criterion 'courtesy.greeting': expected true or false for "
              "'same_reply', got 'yes'\n"
              "sc.yaml:14:5: error: criterion 'courtesy.greeting': 'weak_credit' must be "
              "between 0 and 1, got 3\n"
              "sc.yaml:14:5: error: criterion 'courtesy.greeting': unknown window 'sometimes' "
              "(allowed: first-reply, closing, anywhere, node, before-hold, after-hold)\n"
              "sc.yaml:15:5: error: unknown criterion 'made.up' (not in standards.yaml 2026.1); "
              "add it there or use one of its ids\n");
}

}  // namespace
}  // namespace dd
