// rubric::clock writes format_clock's text by integer arithmetic (the scorer calls it for every
// evidence span): the two must agree on every millisecond of a minute, across the hour mark
// and on long attempts, including the halves of a tenth (left to format_clock).
#include <gtest/gtest.h>

#include "scoring/rubric/view.h"
#include "sim/model/duration.h"

namespace dd::rubric {
namespace {

TEST(Clock, AgreesWithFormatClockOnEveryMillisecondOfTwoMinutes) {
    int checked = 0;
    for (Millis t = 0; t < 120'000; ++t, ++checked) ASSERT_EQ(clock(t), format_clock(t)) << t;
    EXPECT_EQ(checked, 120'000);
}

TEST(Clock, AgreesWithFormatClockPastTheHourAndOnLongAttempts) {
    for (Millis t = 3'590'000; t < 3'610'000; ++t) ASSERT_EQ(clock(t), format_clock(t)) << t;
    for (Millis t = 0; t < 30LL * 3'600'000; t += 997) ASSERT_EQ(clock(t), format_clock(t)) << t;
    EXPECT_EQ(clock(3'599'960), "59:60.0");  // 59.96 s rounds up to 60.0, as printf does
    EXPECT_EQ(clock(-5), "00:00.0");
    EXPECT_EQ(clock(36'000'000), "10:00:00.0");
}

}  // namespace
}  // namespace dd::rubric
