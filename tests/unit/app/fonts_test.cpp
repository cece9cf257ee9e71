// Fonts: UTF-8 decoding, the glyph set and its ranges, finding a CJK face with fontconfig, and a
// real atlas built from the strings shown (no GL needed).
#include <gtest/gtest.h>
#include <imgui.h>

#include <fstream>

#include "sim/app/fonts.h"

namespace {

using dd::app::decode_utf8;
using dd::app::FontManager;
using dd::app::GlyphSet;

TEST(Utf8, DecodesValidText) {
    const auto cps = decode_utf8("a您好\xEF\xBC\x81");
    ASSERT_EQ(cps.size(), 4u);
    EXPECT_EQ(cps[0], 'a');
    EXPECT_EQ(cps[1], 0x60A8u);
    EXPECT_EQ(cps[2], 0x597Du);
    EXPECT_EQ(cps[3], 0xFF01u);
}

TEST(Utf8, InvalidBytesBecomeReplacementNotCrash) {
    EXPECT_EQ(decode_utf8("\xFF"), std::vector<unsigned>{0xFFFD});
    EXPECT_EQ(decode_utf8("\xE6\x82"), (std::vector<unsigned>{0xFFFD, 0xFFFD}));  // truncated
    EXPECT_EQ(decode_utf8("\xC0\xAF"), std::vector<unsigned>{0xFFFD});            // overlong '/'
    EXPECT_EQ(decode_utf8("\xED\xA0\x80"), std::vector<unsigned>{0xFFFD});        // surrogate
    EXPECT_EQ(decode_utf8("\xF0\x9F\x98\x80"), std::vector<unsigned>{0x1F600});   // beyond BMP
    EXPECT_TRUE(decode_utf8("").empty());
}

TEST(GlyphSet, StartsWithAsciiAndPunctuationOnly) {
    GlyphSet g;
    EXPECT_TRUE(g.contains('A'));
    EXPECT_TRUE(g.contains(0x3002));   // 。
    EXPECT_TRUE(g.contains(0xFF0C));   // ,
    EXPECT_TRUE(g.contains(0x221A));   // √
    EXPECT_FALSE(g.contains(0x60A8));  // 您 comes only when shown
    EXPECT_LT(g.size(), 600u);
}

TEST(GlyphSet, AddsOnlyNewCharacters) {
    GlyphSet g;
    const auto before = g.size();
    EXPECT_FALSE(g.add("plain ascii"));
    EXPECT_TRUE(g.add("您好您好"));
    EXPECT_EQ(g.size(), before + 2);
    EXPECT_FALSE(g.add("好您"));
    EXPECT_TRUE(g.contains(0x60A8));
    // Traditional characters are kept apart from simplified ones (請 ≠ 请).
    EXPECT_TRUE(g.add("請"));
    EXPECT_FALSE(g.contains(0x8BF7));
    // Beyond the BMP cannot be drawn with 16-bit ImWchar: ignored, not wrapped into the BMP.
    EXPECT_FALSE(g.add("\xF0\x9F\x98\x80"));
}

TEST(GlyphSet, RangesAreSortedPairsEndingInZero) {
    GlyphSet g;
    g.add("物业前台");
    const auto r = g.ranges();
    ASSERT_GE(r.size(), 3u);
    EXPECT_EQ(r.back(), 0);
    ASSERT_EQ(r.size() % 2, 1u);
    size_t covered = 0;
    for (size_t i = 0; i + 1 < r.size(); i += 2) {
        EXPECT_LE(r[i], r[i + 1]);
        if (i >= 2) {
            EXPECT_GT(r[i], r[i - 1] + 1);  // merged: never adjacent
        }
        covered += static_cast<size_t>(r[i + 1] - r[i] + 1);
    }
    EXPECT_EQ(covered, g.size());
}

TEST(FindFont, OverrideThatDoesNotExistSaysWhatToDo) {
    std::string why;
    EXPECT_FALSE(dd::app::find_cjk_font("/no/such/font.ttc:2", &why));
    EXPECT_NE(why.find("/no/such/font.ttc"), std::string::npos);
    EXPECT_NE(why.find("--font"), std::string::npos);
}

TEST(FindFont, OverrideWithFaceIndex) {
    const std::string file = ::testing::TempDir() + "dd_font_override.ttc";
    std::ofstream(file) << "not really a font";
    std::string why;
    auto f = dd::app::find_cjk_font(file + ":3", &why);
    ASSERT_TRUE(f) << why;
    EXPECT_EQ(f->path, file);
    EXPECT_EQ(f->index, 3);
}

// The machine running the tests has a CJK font (scripts/deps.sh installs fonts-noto-cjk).
TEST(FindFont, FindsAnInstalledCjkFaceAndBuildsASmallAtlas) {
    std::string why;
    auto face = dd::app::find_cjk_font("", &why);
    if (!face) GTEST_SKIP() << "no CJK font installed: " << why;
    EXPECT_FALSE(face->path.empty());
    FontManager fm;
    ASSERT_TRUE(fm.open(*face, &why)) << why;
    fm.want("您好,安居物业客服中心,请问有什么可以帮您?");
    ASSERT_TRUE(fm.dirty());
    ImFontAtlas atlas;
    ASSERT_TRUE(fm.build(&atlas, 18.0f));
    EXPECT_FALSE(fm.dirty());
    ASSERT_EQ(atlas.Fonts.Size, 1);
    ImFont* font = atlas.Fonts[0];
    EXPECT_NE(font->FindGlyphNoFallback(0x60A8), nullptr);  // 您
    EXPECT_NE(font->FindGlyphNoFallback('A'), nullptr);
    EXPECT_EQ(font->FindGlyphNoFallback(0x9F8D), nullptr);  // 龍: never shown, not in the atlas
    // A few hundred glyphs at oversampling 1: a small texture, not the 4096² of a full CJK set.
    EXPECT_LE(atlas.TexWidth * atlas.TexHeight, 1024 * 1024);
    // Growing on demand.
    fm.want("龍");
    EXPECT_TRUE(fm.dirty());
    ASSERT_TRUE(fm.build(&atlas, 18.0f));
    EXPECT_NE(atlas.Fonts[0]->FindGlyphNoFallback(0x9F8D), nullptr);
}

TEST(FontManager, WithoutAFaceFallsBackToTheBuiltInFont) {
    FontManager fm;
    ImFontAtlas atlas;
    EXPECT_FALSE(fm.build(&atlas, 18.0f));  // false: no CJK, but a usable ASCII atlas
    ASSERT_EQ(atlas.Fonts.Size, 1);
    EXPECT_NE(atlas.Fonts[0]->FindGlyphNoFallback('A'), nullptr);
}

}  // namespace
