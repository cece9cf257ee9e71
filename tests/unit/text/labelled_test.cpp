// The labelled set: coverage of the kinds of utterance it must hold, and every act's and
// family's precision and recall at least 0.9 (the misclassified utterances are listed on
// failure; run `acts_eval --misses` for the whole table).
#include <gtest/gtest.h>

#include "acts_eval_lib.h"
#include "scoring/text/lexicon.h"
#include "scoring/text/normalize.h"
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
    int traditional = 0, full_width = 0, none = 0;
    for (const auto& u : set) {
        // Traditional: normalisation changes a CJK character.
        const std::string n = normalize_text(u.text);
        std::string stripped;
        for (const auto& l : set) (void)l;
        if (u.text.find("請") != std::string::npos || u.text.find("們") != std::string::npos ||
            u.text.find("這") != std::string::npos || u.text.find("謝") != std::string::npos ||
            u.text.find("說") != std::string::npos || u.text.find("問") != std::string::npos ||
            u.text.find("對") != std::string::npos || u.text.find("師") != std::string::npos)
            ++traditional;
        if (u.text.find("\xef\xbc") != std::string::npos) ++full_width;  // U+FF00..FF3F
        if (u.acts.empty() && u.forbidden.empty()) ++none;
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
    const Result r = evaluate(*lex->detector, set);
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
