// The remembered window size and language.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "sim/app/settings.h"

namespace {

std::string temp_dir() {
    auto d = std::filesystem::temp_directory_path() /
             ("dd_settings_" + std::to_string(::getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(d);
    return d.string();
}

TEST(Settings, RoundTrip) {
    const std::string path = temp_dir() + "/deskdrill/settings.json";
    dd::app::Settings s;
    s.width = 1500;
    s.height = 900;
    s.lang = "en";
    s.idle_logout_minutes = 2.5;
    s.font_scale = 1.3f;
    s.theme = "light";
    s.muted = true;
    ASSERT_TRUE(dd::app::save_settings(path, s));
    const auto r = dd::app::load_settings(path);
    EXPECT_EQ(r.idle_logout_minutes, 2.5);
    EXPECT_EQ(r.width, 1500);
    EXPECT_EQ(r.height, 900);
    EXPECT_EQ(r.lang, "en");
    EXPECT_FLOAT_EQ(r.font_scale, 1.3f);
    EXPECT_EQ(r.theme, "light");
    EXPECT_TRUE(r.muted);
}

TEST(Settings, MissingOrCorruptFilesGiveDefaults) {
    const auto d = dd::app::load_settings("/no/such/settings.json");
    EXPECT_EQ(d.width, 1280);
    EXPECT_EQ(d.height, 800);
    const std::string dir = temp_dir();
    std::filesystem::create_directories(dir);
    std::ofstream(dir + "/bad.json") << "{\"width\": \"wide\", \"height\": 3, \"lang\": \"xx\"";
    auto b = dd::app::load_settings(dir + "/bad.json");
    EXPECT_EQ(b.width, 1280);
    std::ofstream(dir + "/odd.json") << "{\"width\": 1, \"height\": 100000, \"lang\": \"xx\"}";
    b = dd::app::load_settings(dir + "/odd.json");
    EXPECT_EQ(b.width, 640);  // clamped: a corrupt file never opens a 1-pixel window
    EXPECT_EQ(b.height, 8192);
    EXPECT_EQ(b.lang, "");                 // unknown language ignored
    EXPECT_EQ(b.idle_logout_minutes, 10);  // the default
    std::ofstream(dir + "/idle.json") << "{\"idle_logout_minutes\": 1e9}";
    EXPECT_EQ(dd::app::load_settings(dir + "/idle.json").idle_logout_minutes, 1440);  // a day
    std::ofstream(dir + "/never.json") << "{\"idle_logout_minutes\": 0}";
    EXPECT_EQ(dd::app::load_settings(dir + "/never.json").idle_logout_minutes, 0);
    std::ofstream(dir + "/style.json") << "{\"font_scale\": 40, \"theme\": \"neon\", \"muted\": 1}";
    b = dd::app::load_settings(dir + "/style.json");
    EXPECT_FLOAT_EQ(b.font_scale, dd::app::kFontScaleMax);
    EXPECT_EQ(b.theme, "dark");
    EXPECT_FALSE(b.muted);
}

TEST(Settings, PathFollowsXdgConfigHome) {
    const char* old = std::getenv("XDG_CONFIG_HOME");
    const std::string saved = old ? old : "";
    setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
    EXPECT_EQ(dd::app::settings_path(), "/tmp/xdg-test/deskdrill/settings.json");
    if (old)
        setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
    else
        unsetenv("XDG_CONFIG_HOME");
}

}  // namespace
