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
    EXPECT_THAT(diags.to_string(), HasSubstr("act 'empathy' is missing"));
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

}  // namespace
}  // namespace dd
