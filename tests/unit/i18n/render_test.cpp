// Rendering messages: placeholders, nesting, lists, labels, durations, the ids variant, fallbacks,
// and tables read from files that are broken.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/i18n/strings.h"

namespace {

using dd::i18n::builtin;
using dd::i18n::Detail;
using dd::i18n::Message;
using dd::i18n::Strings;

TEST(I18nRender, ChineseIsTheDefaultAndEnglishSwitches) {
    Strings s;
    std::string err;
    ASSERT_TRUE(s.load_builtin("zh", &err)) << err;
    EXPECT_STREQ(s.tr("picker.start"), "开始演练");
    EXPECT_STREQ(s.name("category.", "complaint"), "投诉");
    ASSERT_TRUE(s.load_builtin("en", &err)) << err;
    EXPECT_STREQ(s.tr("picker.start"), "Start drill");
    EXPECT_EQ(s.lang(), "en");
    EXPECT_FALSE(s.load_builtin("fr", &err));
    EXPECT_EQ(err, "error: no UI strings for language \"fr\"; check --lang (en|zh)");
    EXPECT_EQ(s.lang(), "en") << "a failed load keeps the table";
}

TEST(I18nRender, PlaceholdersNestingListsAndLabels) {
    const Message act =
        Message("ref.act").label("label", "act.", "apology").text("code", "apology");
    const Message m = Message("note.contains").msg("act", act);
    EXPECT_EQ(builtin("zh").render(m), "包含「致歉」");
    EXPECT_EQ(builtin("zh").render(m, Detail::Ids), "包含「致歉」(apology)");
    EXPECT_EQ(builtin("en").render(m), "contains “apology”");
    const Message list = Message("word.list")
                             .list("items",
                                   {dd::i18n::label_msg("dept.", "security"),
                                    dd::i18n::label_msg("dept.", "engineering")},
                                   "join.or");
    EXPECT_EQ(builtin("zh").render(list), "安保部或工程部");
    EXPECT_EQ(builtin("en").render(list), "Security or Engineering");
    EXPECT_EQ(builtin("zh").render(Message("word.list").list("items", {}, "join.and")), "");
    // A vocabulary value without a word shows as itself; a key no table has shows as the key.
    EXPECT_EQ(builtin("en").render(dd::i18n::label_msg("dept.", "plumbing")), "plumbing");
    EXPECT_EQ(builtin("en").render(Message("no.such.key")), "no.such.key");
    // A placeholder without its argument stays visible; an argument without a place is ignored.
    EXPECT_EQ(builtin("zh").render(Message("note.contains").text("other", "x")), "包含{act}");
    // A key with no `.ids` variant renders the same in both details.
    const Message ring = Message("mood.ring").num("n", 4);
    EXPECT_EQ(builtin("zh").render(ring, Detail::Ids), builtin("zh").render(ring));
}

TEST(I18nRender, DurationsInWords) {
    const Strings& zh = builtin("zh");
    const Strings& en = builtin("en");
    EXPECT_EQ(zh.duration(25'000), "25秒");
    EXPECT_EQ(zh.duration(90'000), "1分30秒");
    EXPECT_EQ(zh.duration(300'000), "5分");
    EXPECT_EQ(zh.duration(2'500), "2.5秒");
    EXPECT_EQ(zh.duration(0), "0秒");
    EXPECT_EQ(zh.duration(-5), "0秒");
    EXPECT_EQ(en.duration(20'000), "20 s");
    EXPECT_EQ(en.duration(180'000), "3 min");
    EXPECT_EQ(en.duration(152'000), "2 min 32 s");
    EXPECT_EQ(en.render(Message("action.wait").duration("duration", 10'000)), "wait 10 s");
    EXPECT_EQ(zh.render(Message("action.wait").duration("duration", 10'000)), "等待 10秒");
}

TEST(I18nRender, MissingKeysFallBackNeverCrash) {
    Strings s;
    std::string err;
    ASSERT_TRUE(s.load_builtin("en", &err));
    EXPECT_STREQ(s.tr("no.such.key"), "no.such.key");
    const char* a = s.tr("no.such.key");
    EXPECT_EQ(a, s.tr("no.such.key"));  // stable pointer
    EXPECT_STREQ(s.name("dept.", "plumbing"), "plumbing");
    EXPECT_EQ(s.missing(), (std::vector<std::string>{"no.such.key", "plumbing"}));
    // Nesting deeper than any real message renders "…" instead of recursing without end.
    Message deep("word.text");
    deep.text("text", "x");
    for (int i = 0; i < 40; ++i) deep = Message("mood.act").msg("act", deep);
    EXPECT_NE(s.render(deep).find("…"), std::string::npos);
}

TEST(I18nRender, FormatReplacesEveryPlaceholder) {
    const Strings& s = builtin("zh");
    EXPECT_EQ(s.fmt("desk.ringing", {{"n", "3"}}), "来电 — 已响 3 声");
    EXPECT_EQ(s.fmt("log.mood", {{"who", "王女士"}, {"value", "80"}, {"delta", "+10"}}),
              "王女士 情绪 80(+10)");
}

TEST(I18nRender, BadFilesAreReportedNotThrown) {
    dd::i18n::Table t;
    std::string err;
    EXPECT_FALSE(Strings::parse_table("{\"a\": 1}", t, &err));
    EXPECT_EQ(err, "key \"a\" must map to a string");
    EXPECT_FALSE(Strings::parse_table("[1,2", t, &err));
    EXPECT_EQ(err, "not valid JSON");
    EXPECT_FALSE(Strings::parse_table("[\"x\"]", t, &err));
    Strings s;
    const std::string dir = std::string(DESKDRILL_ASSETS_DIR) + "/i18n";
    EXPECT_FALSE(s.load(dir, "fr", &err));
    EXPECT_EQ(err, dir + "/fr.json: error: cannot read the UI strings; check --lang (zh|en)");
    ASSERT_TRUE(s.load(dir, "en", &err))
        << err;  // a table read from its file, as a translator would
    EXPECT_STREQ(s.tr("picker.start"), "Start drill");
}

}  // namespace
