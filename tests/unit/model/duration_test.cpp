#include "sim/model/duration.h"

#include <gtest/gtest.h>

namespace dd {
namespace {

TEST(Duration, ParsesUnitsAndCombinations) {
    EXPECT_EQ(parse_duration("30s"), 30'000);
    EXPECT_EQ(parse_duration("2m"), 120'000);
    EXPECT_EQ(parse_duration("1h30m"), 5'400'000);
    EXPECT_EQ(parse_duration("1.5s"), 1'500);
    EXPECT_EQ(parse_duration("500ms"), 500);
    EXPECT_EQ(parse_duration("90"), 90'000);
    EXPECT_EQ(parse_duration("1m30s"), 90'000);
}

TEST(Duration, RefusesMalformed) {
    for (const char* bad : {"", "s", "-5s", "3x", "1m30", "1..5s", ".s", "99999999999999h", "5 s"})
        EXPECT_FALSE(parse_duration(bad).has_value()) << bad;
}

TEST(Duration, FormatsShortestExactForm) {
    EXPECT_EQ(format_duration(30'000), "30s");
    EXPECT_EQ(format_duration(90'000), "1m30s");
    EXPECT_EQ(format_duration(1'500), "1.5s");
    EXPECT_EQ(format_duration(0), "0s");
    EXPECT_EQ(format_clock(95'500), "01:35.5");
}

}  // namespace
}  // namespace dd
