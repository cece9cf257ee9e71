// The labelled set: coverage of the kinds of utterance it must hold, and every act's and
// family's precision and recall at least 0.9 (the misclassified utterances are listed on
// failure; run `acts_eval --misses` for the whole table).
#include <gtest/gtest.h>

#include <algorithm>

#include "acts_eval_lib.h"
#include "scoring/text/lexicon.h"
#include "sim/model/enums.h"

namespace dd::text::eval {
namespace {

const std::string kSet = DESKDRILL_TESTS_DIR "/data/acts/labelled.tsv";

std::vector<Labelled> load_set() {
    std::vector<std::string> errors;
    auto set = read_labelled(kSet, errors);
    for (const auto& e : errors) ADD_FAILURE() << e;
    return set;
}

TEST(LabelledSet, CoversEnoughAndEveryKind) {
    const auto set = load_set();
    EXPECT_GE(set.size(), 150u);
    // Traditional: holds a character that only traditional writing uses (the usual ones).
    const std::vector<std::string> trad = {"請", "們", "這", "謝", "說", "問", "對", "師",
                                           "聯", "話", "電", "歡", "會", "處", "讓", "鐘"};
    int traditional = 0, full_width = 0, none = 0;
    for (const auto& u : set) {
        traditional += std::any_of(trad.begin(), trad.end(), [&](const std::string& c) {
            return u.text.find(c) != std::string::npos;
        });
        full_width += u.text.find("\xef\xbc") != std::string::npos;  // U+FF00..FF3F
        none += u.acts.empty() && u.forbidden.empty();
    }
    EXPECT_GE(traditional, 20);
    EXPECT_GE(full_width, 10);
    EXPECT_GE(none, 20);  // near misses and traps that must detect nothing
    for (auto a : enums::kActs) {
        int support = 0;
        for (const auto& u : set) support += u.acts.count(std::string(a)) > 0;
        EXPECT_GE(support, 4) << a;
    }
    for (auto f : enums::kForbidden) {
        int support = 0;
        for (const auto& u : set) support += u.forbidden.count(std::string(f)) > 0;
        EXPECT_GE(support, 4) << f;
    }
}

TEST(LabelledSet, PrecisionAndRecallAtLeast90Percent) {
    Diagnostics diags;
    auto lex = load_lexicon(DESKDRILL_SCENARIOS_DIR "/lexicon.yaml", diags);
    ASSERT_TRUE(lex) << diags.to_string();
    const auto set = load_set();
    ASSERT_FALSE(set.empty());
    const Result r = evaluate(lex->detector->meaning(), set);
    bool ok = true;
    for (const auto& c : r.classes) {
        EXPECT_GE(c.precision(), 0.9) << c.name;
        EXPECT_GE(c.recall(), 0.9) << c.name;
        ok = ok && c.precision() >= 0.9 && c.recall() >= 0.9;
    }
    if (!ok) ADD_FAILURE() << format_table(r) << "\n" << format_misses(r);
}

}  // namespace
}  // namespace dd::text::eval
