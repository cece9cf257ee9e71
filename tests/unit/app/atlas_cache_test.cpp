// The glyph atlas disk cache (sim/app/atlas_cache.h): a hit gives the same atlas as a fresh build
// (pixels, glyph metrics, the lookup tables, and the vertices a frame draws with it); damaged
// files and changed keys are misses that rebuild; an unwritable folder changes nothing; the
// fontconfig face record is used only while its files are unchanged. No GL needed.
#include <gtest/gtest.h>
#include <imgui.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "sim/app/atlas_cache.h"
#include "sim/app/fonts.h"

namespace {

namespace fs = std::filesystem;
using dd::app::AtlasCache;
using dd::app::AtlasKey;
using dd::app::FontManager;

constexpr const char* kText = "您好,安居物业客服中心,请问有什么可以帮您?3-1202 王女士";

class AtlasCacheTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir = ::testing::TempDir() + "dd_atlas_cache_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name();
        fs::remove_all(dir);
        std::string why;
        face = dd::app::find_cjk_font("", &why);
        if (!face) GTEST_SKIP() << "no CJK font installed: " << why;
    }
    void TearDown() override { fs::remove_all(dir); }

    // A manager as the window makes it at start-up: the face, the icons, the text shown.
    std::unique_ptr<FontManager> manager(const std::string& cache_dir, int writes = 4) {
        auto fm = std::make_unique<FontManager>();
        std::string why;
        EXPECT_TRUE(fm->open(*face, &why)) << why;
        fm->set_cache(cache_dir, writes);
        fm->want(kText);
        return fm;
    }
    std::vector<fs::path> atlas_files() const {
        std::vector<fs::path> out;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(dir, ec))
            if (e.path().filename().string().rfind("atlas-", 0) == 0) out.push_back(e.path());
        return out;
    }

    std::string dir;
    std::optional<dd::app::FontFace> face;
};

void expect_same_atlas(const ImFontAtlas& a, const ImFontAtlas& b) {
    ASSERT_EQ(a.TexWidth, b.TexWidth);
    ASSERT_EQ(a.TexHeight, b.TexHeight);
    ASSERT_NE(a.TexPixelsAlpha8, nullptr);
    ASSERT_NE(b.TexPixelsAlpha8, nullptr);
    EXPECT_EQ(std::memcmp(a.TexPixelsAlpha8, b.TexPixelsAlpha8,
                          static_cast<size_t>(a.TexWidth) * a.TexHeight),
              0)
        << "pixels differ";
    EXPECT_TRUE(b.TexReady);
    EXPECT_TRUE(b.IsBuilt());
    EXPECT_EQ(a.TexUvScale.x, b.TexUvScale.x);
    EXPECT_EQ(a.TexUvScale.y, b.TexUvScale.y);
    EXPECT_EQ(a.TexUvWhitePixel.x, b.TexUvWhitePixel.x);
    EXPECT_EQ(a.TexUvWhitePixel.y, b.TexUvWhitePixel.y);
    EXPECT_EQ(std::memcmp(a.TexUvLines, b.TexUvLines, sizeof a.TexUvLines), 0);
    EXPECT_EQ(a.PackIdMouseCursors, b.PackIdMouseCursors);
    EXPECT_EQ(a.PackIdLines, b.PackIdLines);
    ASSERT_EQ(a.CustomRects.Size, b.CustomRects.Size);
    for (int i = 0; i < a.CustomRects.Size; ++i) {
        EXPECT_EQ(a.CustomRects[i].X, b.CustomRects[i].X);
        EXPECT_EQ(a.CustomRects[i].Y, b.CustomRects[i].Y);
        EXPECT_EQ(a.CustomRects[i].Width, b.CustomRects[i].Width);
        EXPECT_EQ(a.CustomRects[i].Height, b.CustomRects[i].Height);
    }
    ASSERT_EQ(a.Fonts.Size, b.Fonts.Size);
    for (int f = 0; f < a.Fonts.Size; ++f) {
        const ImFont& fa = *a.Fonts[f];
        const ImFont& fb = *b.Fonts[f];
        EXPECT_EQ(fb.ContainerAtlas, &b);
        EXPECT_EQ(fa.FontSize, fb.FontSize);
        EXPECT_EQ(fa.Scale, fb.Scale);
        EXPECT_EQ(fa.Ascent, fb.Ascent);
        EXPECT_EQ(fa.Descent, fb.Descent);
        EXPECT_EQ(fa.MetricsTotalSurface, fb.MetricsTotalSurface);
        EXPECT_EQ(fa.FallbackChar, fb.FallbackChar);
        EXPECT_EQ(fa.EllipsisChar, fb.EllipsisChar);
        EXPECT_EQ(fa.DotChar, fb.DotChar);
        EXPECT_EQ(fa.FallbackAdvanceX, fb.FallbackAdvanceX);
        ASSERT_NE(fb.FallbackGlyph, nullptr);
        EXPECT_EQ(fa.FallbackGlyph->Codepoint, fb.FallbackGlyph->Codepoint);
        EXPECT_EQ(std::memcmp(fa.Used4kPagesMap, fb.Used4kPagesMap, sizeof fa.Used4kPagesMap), 0);
        ASSERT_EQ(fa.Glyphs.Size, fb.Glyphs.Size);
        for (int i = 0; i < fa.Glyphs.Size; ++i) {
            const ImFontGlyph& ga = fa.Glyphs[i];
            const ImFontGlyph& gb = fb.Glyphs[i];
            ASSERT_EQ(ga.Codepoint, gb.Codepoint) << "glyph " << i;
            EXPECT_EQ(ga.Visible, gb.Visible) << "U+" << std::hex << ga.Codepoint;
            EXPECT_EQ(ga.Colored, gb.Colored);
            EXPECT_EQ(ga.AdvanceX, gb.AdvanceX);
            EXPECT_EQ(ga.X0, gb.X0);
            EXPECT_EQ(ga.Y0, gb.Y0);
            EXPECT_EQ(ga.X1, gb.X1);
            EXPECT_EQ(ga.Y1, gb.Y1);
            EXPECT_EQ(ga.U0, gb.U0);
            EXPECT_EQ(ga.V0, gb.V0);
            EXPECT_EQ(ga.U1, gb.U1);
            EXPECT_EQ(ga.V1, gb.V1);
        }
        ASSERT_EQ(fa.IndexAdvanceX.Size, fb.IndexAdvanceX.Size);
        EXPECT_EQ(std::memcmp(fa.IndexAdvanceX.Data, fb.IndexAdvanceX.Data,
                              sizeof(float) * fa.IndexAdvanceX.Size),
                  0);
        ASSERT_EQ(fa.IndexLookup.Size, fb.IndexLookup.Size);
        EXPECT_EQ(std::memcmp(fa.IndexLookup.Data, fb.IndexLookup.Data,
                              sizeof(ImWchar) * fa.IndexLookup.Size),
                  0);
    }
}

// The vertices one frame draws with this atlas: text, a wrapped paragraph, an elided line.
std::vector<ImDrawVert> frame_vertices(ImFontAtlas* atlas) {
    ImGuiContext* ctx = ImGui::CreateContext(atlas);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(640, 480);
    io.IniFilename = nullptr;
    io.DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(300, 400));
    ImGui::Begin("w");
    ImGui::TextUnformatted(kText);
    ImGui::TextWrapped("%s %s", kText, kText);
    ImGui::Button("物业\tOK");
    ImGui::End();
    ImGui::Render();
    std::vector<ImDrawVert> out;
    const ImDrawData* dd = ImGui::GetDrawData();
    for (int i = 0; i < dd->CmdListsCount; ++i)
        out.insert(out.end(), dd->CmdLists[i]->VtxBuffer.begin(), dd->CmdLists[i]->VtxBuffer.end());
    ImGui::DestroyContext(ctx);
    return out;
}

TEST_F(AtlasCacheTest, HitEqualsAFreshBuildAndDrawsTheSameVertices) {
    ImFontAtlas fresh;
    {
        auto plain = manager("");  // no cache at all
        ASSERT_TRUE(plain->build(&fresh, 18.0f));
        EXPECT_FALSE(plain->last_build_cached());
    }
    ImFontAtlas first;
    auto fm = manager(dir);
    ASSERT_TRUE(fm->build(&first, 18.0f));
    EXPECT_FALSE(fm->last_build_cached());  // empty cache: rasterised, then written
    ASSERT_EQ(atlas_files().size(), 1u);
    expect_same_atlas(fresh, first);

    // A new start: another manager, same fonts and characters.
    ImFontAtlas hit;
    auto again = manager(dir);
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(again->build(&hit, 18.0f));
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_TRUE(again->last_build_cached());
    EXPECT_FALSE(again->dirty());
    std::printf("atlas: rasterised %.1f ms, from the cache %.2f ms (%dx%d, %d glyphs)\n",
                fm->last_build_ms(), ms, hit.TexWidth, hit.TexHeight, hit.Fonts[0]->Glyphs.Size);
    expect_same_atlas(fresh, hit);
    EXPECT_NE(hit.Fonts[0]->FindGlyphNoFallback(0x60A8), nullptr);  // 您

    const auto va = frame_vertices(&fresh);
    const auto vb = frame_vertices(&hit);
    ASSERT_EQ(va.size(), vb.size());
    ASSERT_GT(va.size(), 100u);
    EXPECT_EQ(std::memcmp(va.data(), vb.data(), va.size() * sizeof(ImDrawVert)), 0);

    // The cached atlas is an ordinary one: it grows like any other when new text comes.
    again->want("龍");
    ASSERT_TRUE(again->build(&hit, 18.0f));
    EXPECT_FALSE(again->last_build_cached());
    EXPECT_NE(hit.Fonts[0]->FindGlyphNoFallback(0x9F8D), nullptr);
}

TEST_F(AtlasCacheTest, DamagedFilesAreRejectedAndRebuilt) {
    ImFontAtlas reference;
    {
        auto fm = manager(dir, 100);
        ASSERT_TRUE(fm->build(&reference, 18.0f));
    }
    const auto files = atlas_files();
    ASSERT_EQ(files.size(), 1u);
    std::string good;
    {
        std::ifstream in(files[0], std::ios::binary);
        good.assign(std::istreambuf_iterator<char>(in), {});
    }
    ASSERT_GT(good.size(), 1000u);
    auto damaged = [&](std::string bytes) {
        std::ofstream(files[0], std::ios::binary | std::ios::trunc) << bytes;
        return bytes;
    };
    struct Case {
        const char* what;
        std::string bytes;
    };
    std::vector<Case> cases;
    cases.push_back({"empty", ""});
    cases.push_back({"header only", good.substr(0, 40)});
    cases.push_back({"truncated", good.substr(0, good.size() / 2)});
    cases.push_back({"one byte short", good.substr(0, good.size() - 1)});
    std::string bad_magic = good;
    bad_magic[0] = 'X';
    cases.push_back({"bad magic", bad_magic});
    std::string flipped = good;
    flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 0x40);
    cases.push_back({"a pixel changed (checksum)", flipped});
    std::string version = good;
    version[8] = static_cast<char>(version[8] + 1);  // the format number
    cases.push_back({"another format", version});
    cases.push_back({"extra bytes", good + "x"});
    for (const Case& c : cases) {
        SCOPED_TRACE(c.what);
        damaged(c.bytes);
        ImFontAtlas atlas;
        auto fm = manager(dir, 100);
        ASSERT_TRUE(fm->build(&atlas, 18.0f));
        EXPECT_FALSE(fm->last_build_cached());
        expect_same_atlas(reference, atlas);  // rebuilt as without a cache
        // ... and written again whole: the next start hits.
        ImFontAtlas next;
        auto fm2 = manager(dir, 100);
        ASSERT_TRUE(fm2->build(&next, 18.0f));
        EXPECT_TRUE(fm2->last_build_cached());
        expect_same_atlas(reference, next);
    }
    // A miss leaves the atlas it was given alone until it is rebuilt.
    damaged("garbage");
    ImFontAtlas untouched;
    untouched.AddFontDefault();
    untouched.Build();
    const int glyphs = untouched.Fonts[0]->Glyphs.Size;
    auto fm = manager(dir);
    EXPECT_FALSE(fm->cache()->load(fm->cache_key(18.0f), &untouched));
    EXPECT_EQ(untouched.Fonts[0]->Glyphs.Size, glyphs);
    EXPECT_TRUE(untouched.IsBuilt());
}

TEST_F(AtlasCacheTest, EveryPartOfTheKeyMatters) {
    ImFontAtlas atlas;
    auto fm = manager(dir, 100);
    ASSERT_TRUE(fm->build(&atlas, 18.0f));
    const AtlasKey key = fm->cache_key(18.0f);
    const AtlasCache& cache = *fm->cache();
    {
        ImFontAtlas a;
        EXPECT_TRUE(cache.load(key, &a));
    }
    auto misses = [&](const char* what, AtlasKey k) {
        SCOPED_TRACE(what);
        EXPECT_NE(cache.path_for(k), cache.path_for(key));
        ImFontAtlas a;
        EXPECT_FALSE(cache.load(k, &a));
        // Even a file under the other key's name is refused: the key is stored and compared.
        fs::copy_file(cache.path_for(key), cache.path_for(k), fs::copy_options::overwrite_existing);
        EXPECT_FALSE(cache.load(k, &a));
        fs::remove(cache.path_for(k));
    };
    AtlasKey k = key;
    k.font.mtime_ns += 1;
    misses("font mtime", k);
    k = key;
    k.font.size += 1;
    misses("font size", k);
    k = key;
    k.font.index += 1;
    misses("face index", k);
    k = key;
    k.font.path += "x";
    misses("font path", k);
    k = key;
    k.icons.mtime_ns += 1;
    misses("icon font mtime", k);
    if (!key.icons.path.empty()) {
        k = key;
        k.icons = {};
        misses("no icon font", k);
    }
    k = key;
    k.size_px = 20.0f;
    misses("pixel size", k);
    k = key;
    k.rasterizer = 1;
    misses("rasterizer", k);

    // The glyph set: a new character is another key; the manager misses and rebuilds with it.
    fm->want("龍");
    EXPECT_NE(cache.path_for(fm->cache_key(18.0f)), cache.path_for(key));
    ASSERT_TRUE(fm->build(&atlas, 18.0f));
    EXPECT_FALSE(fm->last_build_cached());
    EXPECT_NE(atlas.Fonts[0]->FindGlyphNoFallback(0x9F8D), nullptr);
    // Another size: a miss too.
    ASSERT_TRUE(fm->build(&atlas, 24.0f));
    EXPECT_FALSE(fm->last_build_cached());
    EXPECT_EQ(atlas.Fonts[0]->FontSize, 24.0f);
    ASSERT_TRUE(fm->build(&atlas, 18.0f));
    EXPECT_TRUE(fm->last_build_cached());
}

TEST_F(AtlasCacheTest, ANewerFontFileIsAMiss) {
    // A copy of the face whose mtime we may change (the installed one is not ours to touch).
    const std::string copy = dir + "/font-copy.otf";
    fs::create_directories(dir);
    fs::copy_file(face->path, copy);
    face->path = copy;
    ImFontAtlas atlas;
    ASSERT_TRUE(manager(dir)->build(&atlas, 18.0f));
    auto fm = manager(dir);
    ASSERT_TRUE(fm->build(&atlas, 18.0f));
    EXPECT_TRUE(fm->last_build_cached());
    const timespec times[2] = {{0, UTIME_OMIT}, {1700000000, 0}};
    ASSERT_EQ(::utimensat(AT_FDCWD, copy.c_str(), times, 0), 0);
    auto after = manager(dir);
    ASSERT_TRUE(after->build(&atlas, 18.0f));
    EXPECT_FALSE(after->last_build_cached());
}

TEST_F(AtlasCacheTest, AnUnwritableCacheFolderIsHarmless) {
    // A folder that cannot be made (its parent is a file): even root cannot write there.
    fs::create_directories(dir);
    std::ofstream(dir + "/a-file") << "x";
    const std::string cache_dir = dir + "/a-file/deskdrill";
    ImFontAtlas reference;
    ASSERT_TRUE(manager("")->build(&reference, 18.0f));
    for (int start = 0; start < 2; ++start) {
        ImFontAtlas atlas;
        auto fm = manager(cache_dir);
        ASSERT_TRUE(fm->build(&atlas, 18.0f));
        EXPECT_FALSE(fm->last_build_cached());
        expect_same_atlas(reference, atlas);
    }
    EXPECT_FALSE(dd::app::save_face_record(cache_dir, {{"/f", 0, 1, 2}, "F", {}}));
    // Nothing left behind beside the file (no temporary files).
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST_F(AtlasCacheTest, OnlyTheFirstBuildsAreWrittenAndTheNewestAreKept) {
    ImFontAtlas atlas;
    auto fm = manager(dir, /*writes=*/2);
    ASSERT_TRUE(fm->build(&atlas, 18.0f));
    fm->want("一");
    ASSERT_TRUE(fm->build(&atlas, 18.0f));
    fm->want("二");
    ASSERT_TRUE(fm->build(&atlas, 18.0f));  // a typed character: not written
    EXPECT_EQ(atlas_files().size(), 2u);

    AtlasCache cache(dir);
    const char* more[] = {"三", "四", "五"};
    for (const char* m : more) {
        fm->want(m);
        ASSERT_TRUE(fm->build(&atlas, 18.0f));
        ASSERT_TRUE(cache.save(fm->cache_key(18.0f), atlas, /*keep=*/3));
    }
    const auto files = atlas_files();
    ASSERT_EQ(files.size(), 3u);
    // The newest survived.
    ImFontAtlas a;
    EXPECT_TRUE(cache.load(fm->cache_key(18.0f), &a));
}

TEST_F(AtlasCacheTest, TheFaceRecordSkipsFontconfigWhileItsFilesAreUnchanged) {
    fs::create_directories(dir);
    // First start: fontconfig, and the record for the next.
    const auto first = dd::app::resolve_start_faces("", dir);
    ASSERT_TRUE(first.face);
    EXPECT_FALSE(first.from_record);
    const auto rec = dd::app::load_face_record(dir);
    ASSERT_TRUE(rec);
    EXPECT_EQ(rec->cjk.path, first.face->path);
    EXPECT_EQ(rec->cjk.index, first.face->index);
    EXPECT_EQ(rec->icons.path, first.icons);
    EXPECT_TRUE(dd::app::face_record_current(*rec));

    // Next start: the record.
    const auto second = dd::app::resolve_start_faces("", dir);
    ASSERT_TRUE(second.face);
    EXPECT_TRUE(second.from_record);
    EXPECT_EQ(second.face->path, first.face->path);
    EXPECT_EQ(second.face->index, first.face->index);
    EXPECT_EQ(second.face->family, first.face->family);
    EXPECT_EQ(second.icons, first.icons);
    // Fontconfig agrees after the first frame: the cache stays.
    ImFontAtlas atlas;
    ASSERT_TRUE(manager(dir)->build(&atlas, 18.0f));
    EXPECT_FALSE(dd::app::recheck_start_faces(second, dir));
    EXPECT_EQ(atlas_files().size(), 1u);

    // A recorded file changed since: fontconfig again.
    auto stale = *rec;
    stale.cjk.mtime_ns += 1;
    ASSERT_TRUE(dd::app::save_face_record(dir, stale));
    EXPECT_FALSE(dd::app::face_record_current(stale));
    EXPECT_FALSE(dd::app::resolve_start_faces("", dir).from_record);

    // The record names a face fontconfig no longer resolves to (here a copy of it elsewhere):
    // the start uses it, the check after the first frame drops the cache.
    const std::string copy = dir + "/other-face.otf";
    fs::copy_file(first.face->path, copy);
    auto moved = *rec;
    moved.cjk = *dd::app::stamp_file(copy, first.face->index);
    ASSERT_TRUE(dd::app::save_face_record(dir, moved));
    const auto third = dd::app::resolve_start_faces("", dir);
    ASSERT_TRUE(third.from_record);
    EXPECT_EQ(third.face->path, copy);
    EXPECT_TRUE(dd::app::recheck_start_faces(third, dir));
    EXPECT_TRUE(atlas_files().empty());
    EXPECT_FALSE(dd::app::load_face_record(dir));
    EXPECT_FALSE(dd::app::resolve_start_faces("", dir).from_record);

    // --font: fontconfig is not asked for the face, the record is neither used nor written.
    fs::remove(dir + "/face.txt");
    const auto over = dd::app::resolve_start_faces(copy + ":" + std::to_string(first.face->index), dir);
    ASSERT_TRUE(over.face);
    EXPECT_EQ(over.face->path, copy);
    EXPECT_FALSE(over.from_record);
    EXPECT_FALSE(dd::app::load_face_record(dir));
}

TEST(FaceRecord, DamagedOrMissingRecordsAreIgnored) {
    const std::string dir = ::testing::TempDir() + "dd_face_record";
    fs::remove_all(dir);
    EXPECT_FALSE(dd::app::load_face_record(dir));
    EXPECT_FALSE(dd::app::load_face_record(""));
    fs::create_directories(dir);
    for (const char* text :
         {"", "deskdrill-faces 2\n", "deskdrill-faces 1\ncjk x y z /a\nfamily F\nicons -\n",
          "deskdrill-faces 1\ncjk 0 1 2 relative/path\nfamily F\nicons -\n",
          "deskdrill-faces 1\ncjk 0 1 2 /a\n"}) {
        std::ofstream(dir + "/face.txt", std::ios::trunc) << text;
        EXPECT_FALSE(dd::app::load_face_record(dir)) << text;
    }
    // A path with spaces survives the round trip.
    dd::app::FaceRecord rec{{"/fonts/My Font.ttc", 2, 123, 456}, "My Font SC", {}};
    ASSERT_TRUE(dd::app::save_face_record(dir, rec));
    const auto back = dd::app::load_face_record(dir);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->cjk, rec.cjk);
    EXPECT_EQ(back->family, rec.family);
    EXPECT_TRUE(back->icons.path.empty());
    EXPECT_FALSE(dd::app::face_record_current(*back));  // no such file
    fs::remove_all(dir);
}

}  // namespace
