// Normalisation: traditional → simplified, width and case folding, punctuation/space removal,
// pauses, offsets back into the original, and invalid UTF-8.
#include "scoring/text/normalize.h"

#include <gtest/gtest.h>
#include <opencc/SimpleConverter.hpp>

#include <fstream>
#include <random>

namespace dd::text {
namespace {

int pause_count(const Normalized& n) {
    int c = 0;
    for (auto p : n.pause) c += p != 0;
    return c;
}

TEST(Normalize, GreetingVariantsReadAlike) {
    for (const char* s :
         {"您好!", "您 好 !", "您好！！", "您好", "  您好。\n", "「您好」", "您\t好～～", "您好…"})
        EXPECT_EQ(normalize_text(s), "您好") << s;
}

TEST(Normalize, TraditionalBecomesSimplified) {
    ASSERT_TRUE(t2s_available())
        << "OpenCC t2s.json missing: install libopencc-dev (scripts/deps.sh)";
    EXPECT_EQ(normalize_text("您好,請問有什麼可以幫您?"), "您好请问有什么可以帮您");
    EXPECT_EQ(normalize_text("這不是我們物業的事情"), "这不是我们物业的事情");
    // Phrase context from OpenCC: 乾 becomes 干 in 乾淨 but not in 乾隆.
    EXPECT_EQ(normalize_text("乾淨"), "干净");
    EXPECT_EQ(normalize_text("乾隆"), "乾隆");
    // Simplified text is left alone.
    EXPECT_EQ(normalize_text("显著的进步"), "显著的进步");
}

// The fast path (character table, OpenCC only where one of its phrases occurs) must give
// exactly what OpenCC gives on the whole text.
TEST(Normalize, SimplifiedExactlyAsOpenCC) {
    ASSERT_TRUE(t2s_available());
    const opencc::SimpleConverter opencc("t2s.json");
    std::vector<std::string> texts = {
        "乾淨", "乾隆皇帝",           "頭髮",        "麵包", "著作", "於是", "後來", "裡面",
        "一隻", "請問有什麼可以幫您", "這不歸我們管"};
    std::ifstream in(DESKDRILL_TESTS_DIR "/data/acts/labelled.tsv");
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') texts.push_back(line.substr(0, line.find('\t')));
    // Random runs of common traditional and simplified characters.
    const std::vector<std::string> pool = {"乾", "淨", "隆", "髮", "頭", "發", "著", "作", "於",
                                           "後", "裡", "隻", "麵", "請", "問", "您", "好", "的",
                                           "一", "里", "干", "面", "台", "臺", "餘", "系", "係"};
    std::mt19937 rng(11);
    std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1), len(1, 12);
    for (int i = 0; i < 3000; ++i) {
        std::string t;
        for (std::size_t k = len(rng); k > 0; --k) t += pool[pick(rng)];
        texts.push_back(t);
    }
    for (const auto& t : texts) EXPECT_EQ(to_simplified(t), opencc.Convert(t)) << t;
}

TEST(Normalize, WidthAndCaseFold) {
    EXPECT_EQ(normalize_text("ＨＥＬＬＯ１２３"), "hello123");
    EXPECT_EQ(normalize_text("Sorry,ＯＫ"), "sorryok");
    EXPECT_EQ(normalize_text("Café"), "cafe");  // marks stripped
    EXPECT_EQ(normalize_text("①号楼"), "1号楼");
}

TEST(Normalize, ChinesePunctuationAndSymbolsRemoved) {
    EXPECT_EQ(normalize_text("「您好」、谢谢。《通知》——请看!?"), "您好谢谢通知请看");
    EXPECT_EQ(normalize_text("好的😊,再见~"), "好的再见");
    EXPECT_EQ(normalize_text("3-1202 #5"), "312025");
}

TEST(Normalize, PausesMarkClauseBreaksButNotSpaces) {
    const Normalized a = normalize("您好,请问");
    ASSERT_EQ(a.text, "您好请问");
    ASSERT_EQ(a.pause.size(), a.text.size() + 1);
    EXPECT_EQ(pause_count(a), 1);
    EXPECT_TRUE(a.pause[6]);  // before 请
    const Normalized b = normalize("您 好");
    EXPECT_EQ(pause_count(b), 0);
    // Repeated marks fold into one pause.
    const Normalized c = normalize("好!!!?的");
    EXPECT_EQ(pause_count(c), 1);
    EXPECT_TRUE(c.pause[3]);
    // A line break is a pause; a trailing mark pauses the end.
    const Normalized d = normalize("好\n的。");
    EXPECT_TRUE(d.pause[3]);
    EXPECT_TRUE(d.pause[6]);
}

TEST(Normalize, OffsetsPointIntoTheOriginal) {
    const std::string in = "您好,請問";
    const Normalized n = normalize(in);
    ASSERT_EQ(n.text, "您好请问");
    ASSERT_EQ(n.src_begin.size(), n.text.size() + 1);
    // 请 is normalised bytes [6,9); it came from 請 at original bytes [7,10).
    EXPECT_EQ(n.src_begin[6], 7u);
    EXPECT_EQ(n.src_end[6], 10u);
    EXPECT_EQ(in.substr(n.src_begin[6], n.src_end[6] - n.src_begin[6]), "請");
    // Full-width Ｈ (3 bytes) became h (1 byte).
    const Normalized w = normalize("Ｈi");
    ASSERT_EQ(w.text, "hi");
    EXPECT_EQ(w.src_begin[0], 0u);
    EXPECT_EQ(w.src_end[0], 3u);
    EXPECT_EQ(w.src_begin[1], 3u);
    EXPECT_EQ(w.src_begin.back(), 4u);
}

TEST(Normalize, InvisibleAndControlCharactersDropped) {
    const std::string with_nul("您\0好", 7);
    EXPECT_EQ(normalize_text(with_nul), "您好");
    const Normalized zw = normalize("您\u200b好\ufeff");
    EXPECT_EQ(zw.text, "您好");
    EXPECT_EQ(pause_count(zw), 0);
    // NUL inside traditional text must not cut OpenCC's input short.
    const std::string trad_nul("請\0問", 7);
    EXPECT_EQ(normalize_text(trad_nul), "请问");
}

TEST(Normalize, InvalidUtf8IsRejectedNotPassedOn) {
    for (const std::string& bad :
         {std::string("\xff\xfe"), std::string("\xe4\xbd"), std::string("\xc0\xaf"),
          std::string("\xed\xa0\x80"), std::string("\xf4\x90\x80\x80"), std::string("請問\x80")}) {
        const Normalized n = normalize(bad);
        EXPECT_FALSE(n.valid);
        EXPECT_TRUE(n.text.empty());
        EXPECT_FALSE(is_valid_utf8(bad));
    }
    EXPECT_TRUE(is_valid_utf8("您好"));
    EXPECT_TRUE(normalize("").valid);
    EXPECT_TRUE(normalize("").text.empty());
}

TEST(Normalize, RandomBytesNeverCrash) {
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> byte(0, 255), len(0, 64);
    const std::string pool = "請問您好谢謝，。！ＡＢ１２";
    for (int i = 0; i < 5000; ++i) {
        std::string s;
        const int n = len(rng);
        for (int k = 0; k < n; ++k)
            s += (k % 3 == 0) ? static_cast<char>(byte(rng))
                              : pool[static_cast<std::size_t>(byte(rng)) % pool.size()];
        const Normalized r = normalize(s);
        if (r.valid) {
            EXPECT_EQ(r.src_begin.size(), r.text.size() + 1);
            EXPECT_TRUE(is_valid_utf8(r.text));
        }
    }
}

}  // namespace
}  // namespace dd::text
