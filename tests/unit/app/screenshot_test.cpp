// The blankness measure the GUI tests rely on.
#include <gtest/gtest.h>

#include <vector>

#include "sim/app/screenshot.h"

namespace {

TEST(PixelStats, FlatImageIsBlank) {
    std::vector<unsigned char> px(64 * 32 * 4, 0);
    for (size_t i = 0; i < px.size(); i += 4) px[i] = px[i + 1] = px[i + 2] = 40;
    const auto s = dd::app::pixel_stats(px.data(), 64, 32);
    EXPECT_DOUBLE_EQ(s.background_share, 1.0);
    EXPECT_NEAR(s.luma_stddev, 0.0, 1e-6);
    EXPECT_EQ(s.colours, 1);
}

TEST(PixelStats, DrawnImageIsNot) {
    std::vector<unsigned char> px(64 * 32 * 4, 0);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 64; ++x) {
            unsigned char* p = &px[(y * 64 + x) * 4];
            const bool ink = (x / 4 + y / 4) % 3 == 0;
            p[0] = ink ? 230 : 30;
            p[1] = ink ? 220 : 30;
            p[2] = ink ? 200 : 35;
        }
    const auto s = dd::app::pixel_stats(px.data(), 64, 32);
    EXPECT_LT(s.background_share, 0.8);
    EXPECT_GT(s.luma_stddev, 50);
    EXPECT_EQ(s.colours, 2);
}

TEST(PixelStats, EmptyInputIsSafe) {
    const auto s = dd::app::pixel_stats(nullptr, 0, 0);
    EXPECT_EQ(s.colours, 0);
}

}  // namespace
