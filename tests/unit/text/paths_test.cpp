// The detector's two paths must agree (issue 9 §6): the fast per-character pass (fold table,
// both automata in one loop) and the general one (text::detail::normalize_chars: any fold, t2s
// phrases, characters past the BMP) on every utterance of the labelled sets and on random text
// drawn from the characters that matter (the lexicon's, numerals, every kind of mark and quote,
// traditional and full-width forms, characters past the BMP). And bounded work (issue 15): every
// step linear in the text, at the documented limit and far past it.
#include <gtest/gtest.h>

#include <ctime>
#include <fstream>
#include <random>
#include <string>

#include "acts_checks.h"
#include "common/yaml/limits.h"
#include "scoring/text/acts_io.h"
#include "scoring/text/lexicon.h"
#include "shipped_lexicon.h"

namespace dd {
namespace {

const LexiconDetector& shipped() {
    return shipped_lexicon();
}

using fuzz::describe;

void expect_paths_agree(const LexiconDetector& det, const std::string& text) {
    DetectedActs fast, general;
    det.detect_into(text, fast, LexiconDetector::Path::Fast, limits::kMaxReplyBytes);
    det.detect_into(text, general, LexiconDetector::Path::General, limits::kMaxReplyBytes);
    EXPECT_EQ(describe(fast), describe(general)) << text;
}

std::vector<std::string> labelled_texts() {
    std::vector<std::string> out;
    for (const char* f : {"labelled.tsv", "heldout.tsv", "heldout2.tsv"}) {
        std::ifstream in(std::string(DESKDRILL_TESTS_DIR "/data/acts/") + f);
        std::string line;
        while (std::getline(in, line))
            if (!line.empty() && line[0] != '#') out.push_back(line.substr(0, line.find('\t')));
    }
    return out;
}

TEST(DetectorPaths, AgreeOnTheLabelledSets) {
    const auto texts = labelled_texts();
    ASSERT_GT(texts.size(), 600u);
    for (const auto& t : texts) {
        expect_paths_agree(shipped(), t);
        expect_paths_agree(shipped().meaning(), t);
    }
}

TEST(DetectorPaths, AgreeOnRandomText) {
    // Pieces: the lexicon's words and markers, numerals, marks and quotes, traditional and
    // full-width forms, a t2s phrase (乾淨), characters past the BMP and ones that fold to several.
    const std::vector<std::string> pieces = {
        "您好",   "你好",   "请",     "谢谢",   "对不起",   "不知道", "不清楚",   "不归我们管",
        "你自己", "的问题", "也",     "都",     "就",       "还",     "真",       "啊",
        "吧",     "呢",     "不",     "不是",   "不会",     "没有",   "别",       "说",
        "他说",   "业主说", "我说",   "您说得", "行了行了", "好好好", "满意了吧", "等着",
        "快说",   "打",     "没用",   "跟我说", "那是",     "开发商", "的事",     "马上",
        "一刻钟", "分钟内", "三十",   "１２",   "3",        "栋",     "1202",     ",",
        "，",     "。",     "!",      "？",     "「",       "」",     "“",        "”",
        "\"",     "‘",      "’",      "『",     "』",       " ",      "\n",       "…",
        "請",     "謝謝",   "對不起", "乾淨",   "後",       "ＡＢ",   "ﬁ",        "😀",
        "𠀀",     "①",      "㍿",     "é",      "\t"};
    std::mt19937 rng(12);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), len(1, 30);
    for (int n = 0; n < 3000; ++n) {
        std::string t;
        for (std::size_t k = len(rng); k > 0; --k) t += pieces[pick(rng)];
        expect_paths_agree(shipped(), t);
        expect_paths_agree(shipped().meaning(), t);
    }
}

// Every character of the BMP, alone and inside phrases it may break or join (before and after
// a key's characters, between a numeral run's): the fast pass reads a character's fold and
// symbol from one table (Impl::fold_symbols), the general path from the fold table and then
// the symbol table; the two must agree on each of them.
TEST(DetectorPaths, AgreeOnEveryCharacterOfTheBmp) {
    int checked = 0;
    for (char32_t cp = 1; cp < 0x10000; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates: not characters
        std::string ch;
        if (cp < 0x80) {
            ch += static_cast<char>(cp);
        } else if (cp < 0x800) {
            ch += static_cast<char>(0xC0 | (cp >> 6));
            ch += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            ch += static_cast<char>(0xE0 | (cp >> 12));
            ch += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            ch += static_cast<char>(0x80 | (cp & 0x3F));
        }
        const std::string text = "您" + ch + "好,谢" + ch + "谢,不" + ch + "知道,3" + ch + "12";
        for (const LexiconDetector* det : {&shipped(), &shipped().meaning()}) {
            DetectedActs fast, general;
            det->detect_into(text, fast, LexiconDetector::Path::Fast, limits::kMaxReplyBytes);
            det->detect_into(text, general, LexiconDetector::Path::General, limits::kMaxReplyBytes);
            ASSERT_EQ(describe(fast), describe(general))
                << "U+" << std::hex << static_cast<std::uint32_t>(cp) << ": " << text;
        }
        ++checked;
    }
    EXPECT_EQ(checked, 0xFFFF - 0x800);
}

// ------------------------------------------------------------------------------- bounded

// CPU seconds, not wall time: the machine running the tests is shared.
double seconds_for(const LexiconDetector& det, const std::string& text, std::size_t limit,
                   LexiconDetector::Path path, DetectedActs& out) {
    const std::clock_t t0 = std::clock();
    det.detect_into(text, out, path, limit);
    return static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC;
}

std::string repeat(const std::string& unit, std::size_t bytes) {
    std::string s;
    while (s.size() + unit.size() <= bytes) s += unit;
    return s;
}

// Inputs that made the old detector compare all pairs of hits (a gapped phrase's first part
// everywhere: 您…再来吧; vetoes: 您好像, 申请; chains: 需要帮您…吗) and ones that exercise the
// reading in context (quotes, frames, negators, impatience) at every character.
const std::vector<std::string> kFloods = {
    "您",       "申请",       "您好像",     "需要帮您吗", "不是不知道",     "您说的是对吗",
    "你问吧",   "「不知道」", "他说不知道", "不不不",     "行了行了对不起", "你自己也有问题",
    "打也没用", "\"",         "“",          "说",         "那是开发商的事", "3栋1202",
    "也都就还"};

TEST(DetectorBounds, FloodsFarPastTheLimitStayLinear) {
    // 512 KiB of each, read whole (the limit lifted), on both paths: the old detector took
    // minutes on several (900 KB of 您: two minutes). Debug builds are slow; the bound is loose
    // for them and still orders of magnitude under quadratic work.
    constexpr std::size_t kBytes = 512u << 10;
    for (const auto& unit : kFloods) {
        const std::string text = repeat(unit, kBytes);
        for (const LexiconDetector* det : {&shipped(), &shipped().meaning()}) {
            for (auto path : {LexiconDetector::Path::Fast, LexiconDetector::Path::General}) {
                DetectedActs d;
                const double s = seconds_for(*det, text, kBytes * 2, path, d);
                EXPECT_LT(s, 3.0) << unit << ": " << s << " s";
                EXPECT_FALSE(d.truncated);
            }
        }
    }
}

TEST(DetectorBounds, AtTheLimitAndPastIt) {
    const LexiconDetector& det = shipped().meaning();
    const std::string at = repeat("对不起", limits::kMaxReplyBytes);  // 3-byte characters: ≤ the limit
    ASSERT_LE(at.size(), limits::kMaxReplyBytes);
    DetectedActs d = det.detect(at);
    EXPECT_FALSE(d.truncated);
    EXPECT_EQ(d.normalized, at);
    EXPECT_EQ(d.acts, std::vector<std::string>{"apology"});
    // Past it: only the first kMaxReplyBytes are read, cut at a character.
    const std::string past = at + "不知道" + repeat("您", 3 * limits::kMaxReplyBytes);
    d = det.detect(past);
    EXPECT_TRUE(d.truncated);
    EXPECT_LE(d.normalized.size(), limits::kMaxReplyBytes);
    EXPECT_EQ(d.normalized.size() % 3, 0u);
    EXPECT_TRUE(d.forbidden.empty());  // 不知道 lies past the limit
    // A character cut by the limit is not read at all (no half character, no invalid text).
    const std::string odd = std::string(limits::kMaxReplyBytes - 1, 'a') + "您";
    d = det.detect(odd);
    EXPECT_TRUE(d.truncated);
    EXPECT_EQ(d.normalized, std::string(limits::kMaxReplyBytes - 1, 'a'));
}

TEST(DetectorBounds, ActsRefusesLinesPastTheLimit) {
    std::istringstream in("您好\n" + std::string(limits::kMaxReplyBytes + 1, 'a') + "\n" +
                          std::string(limits::kMaxReplyBytes, 'b') + "\n再见\n");
    std::ostringstream out, err;
    EXPECT_EQ(text::run_acts(in, out, err, shipped(), true), 2);
    EXPECT_EQ(err.str(),
              "<stdin>:2: error: line longer than 8192 bytes, the longest reply there can be; "
              "line skipped (one reply per line)\n");
    const std::string o = out.str();
    EXPECT_EQ(std::count(o.begin(), o.end(), '\n'), 3);  // lines 1, 3 (at the limit) and 4
}

}  // namespace
}  // namespace dd
