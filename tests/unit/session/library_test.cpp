// The scenario library's partial first scan (the picker's first frame) and its full scan agree.
#include <gtest/gtest.h>

#include "session_test_support.h"
#include "sim/model/enums.h"

namespace {

using namespace dd;
using namespace dd::session;
using namespace dd::session::test;

TEST(Library, FirstCategoryAloneThenTheRestCountsAgree) {
    const Library full = Library::scan(kScenarioDir);
    ASSERT_TRUE(full.complete);
    ASSERT_GT(full.entries.size(), 5u);
    const Library part = Library::scan_first(kScenarioDir, "");
    EXPECT_FALSE(part.complete);
    // The first category of enums::kCategories that has scenarios is the one parsed.
    std::string first;
    for (auto c : dd::enums::kCategories)
        if (full.count_in(c) > 0) {
            first = std::string(c);
            break;
        }
    EXPECT_TRUE(part.loaded(first));
    for (const auto& e : part.entries) {
        ASSERT_TRUE(e.scenario) << e.error;
        EXPECT_EQ(e.scenario->category, first);
    }
    // Counts by folder match the parsed library's (folder = category).
    for (auto c : dd::enums::kCategories) EXPECT_EQ(part.count_in(c), full.count_in(c)) << c;
    EXPECT_LT(part.entries.size(), full.entries.size());
}

TEST(Library, HintPicksTheCategoryByIdPathOrName) {
    auto first_category = [](const Library& l) {
        return l.entries.empty() || !l.entries[0].scenario ? std::string()
                                                           : l.entries[0].scenario->category;
    };
    EXPECT_EQ(first_category(Library::scan_first(kScenarioDir, "complaint.night-renovation-noise")),
              "complaint");
    EXPECT_EQ(first_category(Library::scan_first(kScenarioDir, kExampleFile)), "complaint");
    EXPECT_EQ(first_category(Library::scan_first(kScenarioDir, "inquiry")), "inquiry");
    const Library l = Library::scan_first(kScenarioDir, "complaint");
    ASSERT_TRUE(l.find("complaint.night-renovation-noise"));
    EXPECT_FALSE(l.find("inquiry.nearby-transport"));  // not parsed yet
}

}  // namespace
