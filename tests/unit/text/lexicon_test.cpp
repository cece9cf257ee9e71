// Loading lexicon.yaml: the shipped file, the mood section, and positioned diagnostics for
// every kind of mistake an author can make.
#include "scoring/text/lexicon.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sim/model/enums.h"

namespace dd {
namespace {

using ::testing::HasSubstr;

const std::string kShipped = DESKDRILL_SCENARIOS_DIR "/lexicon.yaml";

// A minimal valid file; tests splice mistakes into it.
std::string minimal(const std::string& acts_extra = "", const std::string& tail = "") {
    return "version: 2\n"
           "acts:\n"
           "  greeting:\n"
           "    phrases: [您好]\n"
           "    weak: [你好]\n" +
           acts_extra +
           "forbidden:\n"
           "  rude:\n"
           "    phrases: [烦不烦]\n" +
           tail;
}

TEST(Lexicon, ShippedFileLoadsCleanly) {
    Diagnostics diags;
    auto lex = read_lexicon(kShipped, diags);
    ASSERT_TRUE(lex) << diags.to_string();
    EXPECT_TRUE(diags.items().empty()) << diags.to_string();  // no warnings either
    EXPECT_GE(lex->version, 1);
    for (auto a : enums::kActs) {
        auto it = std::find_if(lex->entries.begin(), lex->entries.end(),
                               [&](const LexEntry& e) { return e.name == a && !e.forbidden; });
        ASSERT_NE(it, lex->entries.end()) << a;
        EXPECT_FALSE(it->phrases.empty()) << a;
    }
    for (auto f : enums::kForbidden) {
        auto it = std::find_if(lex->entries.begin(), lex->entries.end(),
                               [&](const LexEntry& e) { return e.name == f && e.forbidden; });
        ASSERT_NE(it, lex->entries.end()) << f;
    }
    auto det = LexiconDetector::build(*lex, diags);
    ASSERT_TRUE(det) << diags.to_string();
    EXPECT_TRUE(diags.items().empty()) << diags.to_string();  // no dead excepts
    EXPECT_GT(det->pattern_keys().size(), 300u);
}

TEST(Lexicon, MoodSectionFillsMoodParams) {
    Diagnostics diags;
    auto lex = load_lexicon(kShipped, diags);
    ASSERT_TRUE(lex) << diags.to_string();
    EXPECT_EQ(lex->mood.act_effect.at("rude"), 25);
    EXPECT_EQ(lex->mood.act_effect.at("apology"), -10);
    EXPECT_EQ(lex->mood.action_effect.at("hang_up"), 30);
    EXPECT_EQ(lex->mood.wait_every, 10'000);
    EXPECT_EQ(lex->mood.rings_tolerated, 3);
    EXPECT_DOUBLE_EQ(lex->mood.temper_scale.at("hot"), 1.5);
    ASSERT_TRUE(lex->detector);
    EXPECT_EQ(lex->detector->version(), lex->version);

    // The file's values, not the built-in ones: a table given replaces the default entirely.
    auto custom = parse_lexicon(minimal("",
                                        "mood:\n  act_effect: {rude: 40}\n  wait_every: 5s\n"
                                        "  action_effect: {'dispatch:security': -9}\n"),
                                "x.yaml", diags);
    ASSERT_TRUE(custom) << diags.to_string();
    EXPECT_EQ(custom->mood.act_effect.size(), 1u);
    EXPECT_EQ(custom->mood.act_effect.at("rude"), 40);
    EXPECT_EQ(custom->mood.wait_every, 5'000);
    EXPECT_EQ(custom->mood.action_effect.at("dispatch:security"), -9);
    EXPECT_EQ(custom->version, 2);
}

struct BadCase {
    std::string yaml;
    std::string message;  // substring of the expected error
    int line;             // expected line of the first error (0: any)
};

TEST(Lexicon, MistakesAreReportedWithTheirPlace) {
    const std::vector<BadCase> cases = {
        {minimal("  greting:\n    phrases: [早]\n"), "did you mean 'greeting'", 6},
        {minimal("  thanks:\n    phrases: [谢谢, 1]\n    wek: [谢了]\n"), "wek", 8},
        {minimal("", "mood:\n  act_effect: {rudeness: 5}\n"), "rudeness", 10},
        {minimal("", "mood:\n  wait_every: soon\n"), "duration", 10},
        {minimal("", "mood:\n  temper_scale: {fiery: 2}\n"), "fiery", 10},
        {minimal("", "mood:\n  action_effect: {shout: 5}\n"), "shout", 10},
        {minimal("", "colour: red\n"), "colour", 9},
        {"acts: {}\nforbidden: {}\n", "version", 0},
        {"version: 1\nacts: [a, b]\nforbidden: {}\n", "expected a map", 2},
        {minimal("  thanks:\n    phrases: [\"\"]\n"), "empty phrase", 7},
        {minimal("  thanks: {}\n"), "has no phrases", 6},
        {"version: 1\nacts:\n  greeting: {phrases: [您好\n", "", 0},  // YAML syntax
        {"\xff\xfe garbage", "", 0},
    };
    for (const auto& c : cases) {
        Diagnostics diags;
        auto lex = parse_lexicon(c.yaml, "bad.yaml", diags);
        EXPECT_FALSE(lex) << c.yaml;
        ASSERT_TRUE(diags.has_errors()) << c.yaml;
        const std::string all = diags.to_string();
        EXPECT_THAT(all, HasSubstr(c.message)) << c.yaml;
        EXPECT_THAT(all, HasSubstr("bad.yaml:")) << all;
        if (c.line) {
            EXPECT_THAT(all, HasSubstr("bad.yaml:" + std::to_string(c.line) + ":")) << all;
        }
    }
}

TEST(Lexicon, BadPhrasesAreReportedWhenCompiled) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"!!!", "no words"},
        {"您说的是…", "both sides"},
        {"请^问", "'^' may only start"},
        {"。。", "no words"},
    };
    for (const auto& [phrase, message] : cases) {
        Diagnostics diags;
        auto lex = parse_lexicon(minimal("  thanks:\n    phrases: [谢谢, \"" + phrase + "\"]\n"),
                                 "p.yaml", diags);
        ASSERT_TRUE(lex) << diags.to_string();
        auto det = LexiconDetector::build(*lex, diags);
        EXPECT_FALSE(det) << phrase;
        EXPECT_THAT(diags.to_string(), HasSubstr(message)) << phrase;
        EXPECT_THAT(diags.to_string(), HasSubstr("p.yaml:7:")) << diags.to_string();
    }
}

TEST(Lexicon, WarnsAboutExceptsThatVetoNothingAndMissingActs) {
    Diagnostics diags;
    auto lex =
        parse_lexicon(minimal("  thanks:\n    phrases: [谢谢]\n    except: [不用谢谢, 别客气]\n"),
                      "w.yaml", diags);
    ASSERT_TRUE(lex) << diags.to_string();
    EXPECT_EQ(diags.to_string(),
              "w.yaml:1:1: warning: no `mood:` section: the built-in mood parameters are used\n"
              "w.yaml:3:3: warning: 14 acts are missing and can never be detected: "
              "self-identify, offer-help, please, apology, empathy, ask-wait, thank-for-waiting, "
              "ask-name, ask-room, ask-contact, repeat-back, time-commitment, reassurance, "
              "farewell\n"
              "w.yaml:10:3: warning: 3 forbidden families are missing and can never be detected: "
              "refuse-knowledge, deflect, argue\n");
    diags.clear();
    auto det = LexiconDetector::build(*lex, diags);
    ASSERT_TRUE(det);
    EXPECT_FALSE(diags.has_errors());
    const std::string all = diags.to_string();
    EXPECT_THAT(all, HasSubstr("except '别客气'"));
    EXPECT_THAT(all, Not(HasSubstr("except '不用谢谢'")));
    EXPECT_THAT(all, HasSubstr("w.yaml:8:"));
}

TEST(Lexicon, MissingFileIsAnErrorNotACrash) {
    Diagnostics diags;
    EXPECT_FALSE(load_lexicon("/nonexistent/lexicon.yaml", diags));
    EXPECT_TRUE(diags.has_errors());
}

// ---- one test per class of error, exact message and place ------------------------------------
// The lexicon is read with the scenario loader's strictness (common/yaml's Reader): unknown keys
// and names with "did you mean", types, closed lists, ranges, required keys.

// The errors only (a minimal file also draws warnings about the acts it leaves out).
std::string problems(const std::string& yaml) {
    Diagnostics diags;
    auto lex = parse_lexicon(yaml, "lex.yaml", diags);
    EXPECT_FALSE(lex) << yaml;
    Diagnostics errors;
    for (const auto& d : diags.items())
        if (d.severity == Diagnostic::Severity::Error)
            errors.error(d.file, {d.line, d.col}, d.message);
    return errors.to_string();
}

TEST(LexiconErrors, UnknownActOrFamilyWithDidYouMean) {
    EXPECT_EQ(problems(minimal("  greting:\n    phrases: [早]\n")),
              "lex.yaml:6:3: error: unknown key 'greting' in acts; did you mean 'greeting'?\n");
    EXPECT_EQ(problems(minimal() + "  rudee:\n    phrases: [滚]\n"),
              "lex.yaml:9:3: error: unknown key 'rudee' in forbidden; did you mean 'rude'?\n");
}

TEST(LexiconErrors, UnknownKeys) {
    EXPECT_EQ(problems(minimal("  thanks:\n    phrases: [谢谢]\n    wek: [谢了]\n")),
              "lex.yaml:8:5: error: unknown key 'wek' in act 'thanks'; did you mean 'weak'?\n");
    EXPECT_EQ(problems(minimal("", "colour: red\n")),
              "lex.yaml:9:1: error: unknown key 'colour' in lexicon (allowed: version, acts, "
              "forbidden, slots, meaning, mood)\n");
    EXPECT_EQ(problems(minimal("", "mood:\n  wait_stepp: 5\n")),
              "lex.yaml:10:3: error: unknown key 'wait_stepp' in mood; did you mean "
              "'wait_step'?\n");
}

TEST(LexiconErrors, UnknownNamesInTheMoodTables) {
    EXPECT_EQ(problems(minimal("", "mood:\n  act_effect: {apologie: -5}\n")),
              "lex.yaml:10:16: error: unknown name 'apologie' in mood.act_effect; did you mean "
              "'apology'? (use an act or forbidden family name)\n");
    EXPECT_EQ(problems(minimal("", "mood:\n  action_effect: {dispach: -5}\n")),
              "lex.yaml:10:19: error: unknown name 'dispach' in mood.action_effect; did you "
              "mean 'dispatch'? (use a desk action verb, or verb:argument)\n");
    EXPECT_EQ(problems(minimal("", "mood:\n  temper_scale: {fiery: 2}\n")),
              "lex.yaml:10:18: error: unknown temper 'fiery' (allowed: calm, normal, hot)\n");
}

TEST(LexiconErrors, Types) {
    EXPECT_EQ(problems("version: 1\nacts: [a, b]\nforbidden: {}\n"),
              "lex.yaml:2:7: error: expected a map for 'acts', got a list\n");
    EXPECT_EQ(problems(minimal("  thanks:\n    phrases: 谢谢\n")),
              "lex.yaml:6:3: error: act 'thanks' has no phrases; add a `phrases:` list\n"
              "lex.yaml:7:14: error: expected a list for 'act 'thanks' phrases', got '谢谢'\n");
    EXPECT_EQ(problems(minimal("", "mood:\n  wait_every: soon\n")),
              "lex.yaml:10:15: error: expected a duration like 30s, 2m or 1h30m for "
              "'wait_every', got 'soon'\n");
    EXPECT_EQ(problems(minimal("", "mood:\n  ring_step: lots\n")),
              "lex.yaml:10:14: error: expected a whole number for 'ring_step', got 'lots'\n");
}

TEST(LexiconErrors, Ranges) {
    EXPECT_EQ(problems("version: 0\n" + minimal().substr(11)),
              "lex.yaml:1:10: error: 'version' must be between 1 and 1000000, got 0\n");
    EXPECT_EQ(problems(minimal("", "mood:\n  act_effect: {apology: -150}\n")),
              "lex.yaml:10:25: error: 'mood.act_effect.apology' must be between -100 and 100, "
              "got -150\n");
    EXPECT_EQ(problems(minimal("", "mood:\n  temper_scale: {hot: 12}\n")),
              "lex.yaml:10:23: error: temper scale must be between 0 and 10\n");
    EXPECT_EQ(problems(minimal("", "mood:\n  wait_every: 0s\n")),
              "lex.yaml:10:15: error: 'wait_every' must be longer than 0s\n");
}

TEST(LexiconErrors, RequiredKeysAndEmptyPhrases) {
    EXPECT_EQ(problems("acts: {}\nforbidden: {}\n"),
              "lex.yaml:1:1: error: missing required key 'version' in lexicon\n");
    EXPECT_EQ(problems(minimal("  thanks:\n    phrases: [\"\"]\n")),
              "lex.yaml:6:3: error: act 'thanks' has no phrases; add a `phrases:` list\n"
              "lex.yaml:7:15: error: empty phrase in act 'thanks' phrases; remove it or write "
              "the words\n");
    EXPECT_EQ(problems(minimal("  thanks: {}\n")),
              "lex.yaml:6:3: error: act 'thanks' has no phrases; add a `phrases:` list\n");
}

TEST(LexiconErrors, DuplicateKeysAndEveryProblemCollected) {
    EXPECT_EQ(problems(minimal("  greeting:\n    phrases: [早]\n")),
              "lex.yaml:6:3: error: duplicate key 'greeting' (first at line 3); keep only one\n");
    EXPECT_EQ(problems("version: x\nacts:\n  greting: {phrases: [早]}\n  thanks: {wek: [谢]}\n"
                       "forbidden: []\nmood: {ring_step: 200}\n"),
              "lex.yaml:1:10: error: expected a whole number for 'version', got 'x'\n"
              "lex.yaml:3:3: error: unknown key 'greting' in acts; did you mean 'greeting'?\n"
              "lex.yaml:4:3: error: act 'thanks' has no phrases; add a `phrases:` list\n"
              "lex.yaml:4:12: error: unknown key 'wek' in act 'thanks'; did you mean 'weak'?\n"
              "lex.yaml:5:12: error: expected a map for 'forbidden', got a list\n"
              "lex.yaml:6:19: error: 'ring_step' must be between -100 and 100, got 200\n");
}

}  // namespace
}  // namespace dd
