// The Aho–Corasick automaton against a brute-force search.
#include "scoring/text/aho_corasick.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <utility>

namespace dd::text {
namespace {

using Hits = std::multiset<std::pair<std::uint32_t, std::size_t>>;

Hits scan(const AhoCorasick& ac, std::string_view text) {
    Hits h;
    ac.scan(text, [&](std::uint32_t k, std::size_t end) { h.insert({k, end}); });
    return h;
}

Hits brute(const std::vector<std::string>& keys, std::string_view text) {
    Hits h;
    for (std::uint32_t k = 0; k < keys.size(); ++k)
        for (std::size_t p = text.find(keys[k]); p != std::string_view::npos;
             p = text.find(keys[k], p + 1))
            h.insert({k, p + keys[k].size()});
    return h;
}

TEST(AhoCorasick, ClassicExample) {
    const std::vector<std::string> keys = {"he", "she", "his", "hers"};
    AhoCorasick ac(keys);
    EXPECT_EQ(scan(ac, "ushers"), (Hits{{1, 4}, {0, 4}, {3, 6}}));
}

TEST(AhoCorasick, ChineseOverlaps) {
    const std::vector<std::string> keys = {"不知道", "知道", "我不是不知道", "道"};
    AhoCorasick ac(keys);
    const std::string text = "我不是不知道";
    EXPECT_EQ(scan(ac, text), brute(keys, text));
    EXPECT_EQ(scan(ac, text).size(), 4u);
}

TEST(AhoCorasick, MatchesBruteForceOnRandomInput) {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> ch(0, 3), klen(1, 5), tlen(0, 60), nkeys(1, 12);
    const char alphabet[] = {'a', 'b', '\xe4', '\xbd'};
    for (int round = 0; round < 500; ++round) {
        std::vector<std::string> keys;
        const int nk = nkeys(rng);
        for (int i = 0; i < nk; ++i) {
            std::string k;
            const int l = klen(rng);
            for (int j = 0; j < l; ++j) k += alphabet[ch(rng)];
            keys.push_back(k);
        }
        AhoCorasick ac(keys);
        std::string text;
        const int tl = tlen(rng);
        for (int j = 0; j < tl; ++j) text += alphabet[ch(rng)];
        ASSERT_EQ(scan(ac, text), brute(keys, text)) << "round " << round;
    }
}

TEST(AhoCorasick, EmptyAutomatonFindsNothing) {
    AhoCorasick none;
    EXPECT_TRUE(scan(none, "anything").empty());
    AhoCorasick empty_keys(std::vector<std::string>{});
    EXPECT_TRUE(scan(empty_keys, "anything").empty());
}

}  // namespace
}  // namespace dd::text
