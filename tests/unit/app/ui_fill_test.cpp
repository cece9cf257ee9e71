// The window's background painted once (ui::uncovered, ui::fill_around): what no panel covers is
// filled, nothing twice, nothing a panel covers.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "sim/app/ui.h"

namespace {

using dd::app::ui::Box;
using dd::app::ui::uncovered;

// Counts, per cell of a unit grid, how many of `boxes` cover it (boxes on integer coordinates).
std::vector<int> coverage(const std::vector<Box>& boxes, int w, int h) {
    std::vector<int> n(static_cast<size_t>(w * h), 0);
    for (const Box& b : boxes)
        for (int y = static_cast<int>(b.min.y); y < static_cast<int>(b.max.y); ++y)
            for (int x = static_cast<int>(b.min.x); x < static_cast<int>(b.max.x); ++x)
                if (x >= 0 && y >= 0 && x < w && y < h) ++n[static_cast<size_t>(y * w + x)];
    return n;
}

TEST(FillAround, ThreePanelsLeaveTheGapsAndTheTopBar) {
    const Box outer{ImVec2(0, 0), ImVec2(100, 50)};
    const std::vector<Box> panels = {{ImVec2(2, 10), ImVec2(30, 48)},
                                     {ImVec2(32, 10), ImVec2(70, 48)},
                                     {ImVec2(72, 10), ImVec2(98, 48)}};
    const std::vector<Box> gaps = uncovered(outer, panels);
    const std::vector<int> g = coverage(gaps, 100, 50), p = coverage(panels, 100, 50);
    for (int i = 0; i < 100 * 50; ++i)
        ASSERT_EQ(g[i] + p[i], 1) << "cell " << i % 100 << "," << i / 100;
    // A strip per run between x edges, gaps of a strip one box each: ten boxes, not a box per cell.
    EXPECT_LE(gaps.size(), 10u);
}

TEST(FillAround, RandomOverlappingBoxesEveryCellFilledExactlyWhenUncovered) {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> coord(-10, 70);
    for (int round = 0; round < 300; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        const Box outer{ImVec2(0, 0), ImVec2(60, 40)};
        std::vector<Box> boxes;
        const int n = round % 7;
        for (int i = 0; i < n; ++i) {
            int x0 = coord(rng), x1 = coord(rng), y0 = coord(rng), y1 = coord(rng);
            if (x0 > x1) std::swap(x0, x1);
            if (y0 > y1) std::swap(y0, y1);
            boxes.push_back({ImVec2(static_cast<float>(x0), static_cast<float>(y0)),
                             ImVec2(static_cast<float>(x1), static_cast<float>(y1))});
        }
        const std::vector<Box> gaps = uncovered(outer, boxes);
        for (const Box& b : gaps) {
            EXPECT_GE(b.min.x, 0);
            EXPECT_GE(b.min.y, 0);
            EXPECT_LE(b.max.x, 60);
            EXPECT_LE(b.max.y, 40);
            EXPECT_LT(b.min.x, b.max.x);
            EXPECT_LT(b.min.y, b.max.y);
        }
        const std::vector<int> g = coverage(gaps, 60, 40), c = coverage(boxes, 60, 40);
        for (int i = 0; i < 60 * 40; ++i)
            ASSERT_EQ(g[i], c[i] == 0 ? 1 : 0) << "cell " << i % 60 << "," << i / 60;
    }
}

TEST(FillAround, NothingCoveredIsOneBoxAndEverythingCoveredIsNone) {
    const Box outer{ImVec2(5, 5), ImVec2(25, 15)};
    const std::vector<Box> all = uncovered(outer, {});
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].min.x, 5);
    EXPECT_EQ(all[0].max.y, 15);
    EXPECT_TRUE(uncovered(outer, {{ImVec2(0, 0), ImVec2(30, 30)}}).empty());
}

}  // namespace
