// UI string tables: both languages complete, every key the views use present, lookup rules.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "sim/app/i18n.h"

namespace {

const std::string kI18n = std::string(DESKDRILL_ASSETS_DIR) + "/i18n";

std::map<std::string, std::string, std::less<>> table(const std::string& lang) {
    std::ifstream in(kI18n + "/" + lang + ".json");
    std::stringstream ss;
    ss << in.rdbuf();
    std::map<std::string, std::string, std::less<>> t;
    std::string err;
    EXPECT_TRUE(dd::app::Strings::parse_table(ss.str(), t, &err)) << lang << ": " << err;
    return t;
}

TEST(I18n, ZhAndEnHaveTheSameKeys) {
    const auto zh = table("zh"), en = table("en");
    ASSERT_GT(zh.size(), 100u);
    for (const auto& [k, v] : zh) EXPECT_TRUE(en.count(k)) << "en.json lacks " << k;
    for (const auto& [k, v] : en) EXPECT_TRUE(zh.count(k)) << "zh.json lacks " << k;
}

TEST(I18n, EveryKeyTheViewsUseExists) {
    // Literal keys passed to tr()/fmt() in sim/app sources must be in zh.json.
    const auto zh = table("zh");
    const std::filesystem::path app_dir =
        std::filesystem::path(DESKDRILL_ASSETS_DIR).parent_path() / "sim" / "app";
    const std::regex call(R"re(\b(?:tr|fmt)\("([a-z_]+\.[a-z_.]+)")re");
    int seen = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(app_dir)) {
        if (e.path().extension() != ".cpp") continue;
        std::ifstream in(e.path());
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string src = ss.str();
        for (std::sregex_iterator it(src.begin(), src.end(), call), end; it != end; ++it) {
            ++seen;
            EXPECT_TRUE(zh.count((*it)[1].str()))
                << e.path().filename() << " uses missing key " << (*it)[1];
        }
    }
    EXPECT_GT(seen, 50);
}

TEST(I18n, ChineseIsTheDefaultAndEnglishSwitches) {
    dd::app::Strings s;
    std::string err;
    ASSERT_TRUE(s.load(kI18n, "zh", &err)) << err;
    EXPECT_STREQ(s.tr("picker.start"), "开始演练");
    EXPECT_STREQ(s.name("category.", "complaint"), "投诉");
    ASSERT_TRUE(s.load(kI18n, "en", &err)) << err;
    EXPECT_STREQ(s.tr("picker.start"), "Start drill");
    EXPECT_EQ(s.lang(), "en");
}

TEST(I18n, MissingKeysFallBackNeverCrash) {
    dd::app::Strings s;
    std::string err;
    ASSERT_TRUE(s.load(kI18n, "en", &err));
    EXPECT_STREQ(s.tr("no.such.key"), "no.such.key");
    const char* a = s.tr("no.such.key");
    EXPECT_EQ(a, s.tr("no.such.key"));  // stable pointer
    // Unknown vocabulary shows the value itself.
    EXPECT_STREQ(s.name("dept.", "plumbing"), "plumbing");
}

TEST(I18n, FormatReplacesEveryPlaceholder) {
    dd::app::Strings s;
    std::string err;
    ASSERT_TRUE(s.load(kI18n, "zh", &err));
    EXPECT_EQ(s.fmt("desk.ringing", {{"n", "3"}}), "来电 — 已响 3 声");
    EXPECT_EQ(s.fmt("log.mood", {{"who", "王女士"}, {"value", "80"}, {"delta", "+10"}}),
              "王女士 情绪 80(+10)");
}

TEST(I18n, BadFilesAreReportedNotThrown) {
    std::map<std::string, std::string, std::less<>> t;
    std::string err;
    EXPECT_FALSE(dd::app::Strings::parse_table("{\"a\": 1}", t, &err));
    EXPECT_NE(err.find("\"a\""), std::string::npos);
    EXPECT_FALSE(dd::app::Strings::parse_table("[1,2", t, &err));
    EXPECT_FALSE(dd::app::Strings::parse_table("[\"x\"]", t, &err));
    dd::app::Strings s;
    EXPECT_FALSE(s.load(kI18n, "fr", &err));
    EXPECT_NE(err.find("--lang"), std::string::npos);
}

TEST(I18n, AvailableLanguages) {
    const auto langs = dd::app::available_languages(kI18n);
    EXPECT_NE(std::find(langs.begin(), langs.end(), "zh"), langs.end());
    EXPECT_NE(std::find(langs.begin(), langs.end(), "en"), langs.end());
}

}  // namespace
