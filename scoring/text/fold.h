// Internal to scoring/text (not a public interface): the per-character core of normalisation,
// shared by normalize() and the detector's fused pass. normalize_chars() decodes the input and
// hands each normalised character to a sink, with its byte range in the input and whether a
// pause came before it. Characters are folded by a table over the BMP built once from the rules
// of normalize.cpp, so the common case costs a table lookup per character and no utf8proc call.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace dd::text::detail {

// A fold action is a code point to keep (< 0x110000), or one of these. A table entry is one
// action, kDrop, kMulti (low bits: offset in FoldTable::pool, which holds the count and then
// the actions), possibly with kT2s set: t2s may change the character. Repeated pauses are
// stored once (a pause is a flag), so 「…」 is one kPause like 「,」.
inline constexpr std::uint32_t kPause = 0x80000000u;
inline constexpr std::uint32_t kDrop = 0x40000000u;
inline constexpr std::uint32_t kMulti = 0x20000000u;
inline constexpr std::uint32_t kT2s = 0x10000000u;
inline constexpr std::uint32_t kMultiMask = 0x00FFFFFFu;
inline constexpr std::size_t kMaxActions = 32;  // utf8proc's longest fold is 18

// What a removed mark says, as bits of a pause (Normalized::pause, the detector's pauses): any
// pause; the end of a sentence (。！？；, a line break); an opening or closing quotation mark
// (「『“‘ and 」』”’), or the straight marks (" ＂) that open or close by turn. A run of marks
// keeps the bits of all of them.
inline constexpr std::uint8_t kPauseAny = 1;
inline constexpr std::uint8_t kPauseStrong = 2;
inline constexpr std::uint8_t kQuoteOpen = 4;
inline constexpr std::uint8_t kQuoteClose = 8;
inline constexpr std::uint8_t kQuoteStraight = 16;

// The pause bits of a character that folds to a pause (kPauseAny at least).
constexpr std::uint8_t pause_bits(char32_t cp) {
    switch (cp) {
        case U'。':
        case U'！':
        case U'？':
        case U'；':
        case U'!':
        case U'?':
        case U';':
        case U'\n':
        case U'\r':
        case 0x85:
        case 0x2028:
        case 0x2029:
        case U'｡':
            return kPauseAny | kPauseStrong;
        case U'「':
        case U'『':
        case U'“':
        case U'‘':
        case U'﹁':
        case U'﹃':
        case U'｢':
            return kPauseAny | kQuoteOpen;
        case U'」':
        case U'』':
        case U'”':
        case U'’':
        case U'﹂':
        case U'﹄':
        case U'｣':
            return kPauseAny | kQuoteClose;
        case U'"':
        case U'＂':
            return kPauseAny | kQuoteStraight;
        default:
            return kPauseAny;
    }
}

struct FoldTable {
    std::vector<std::uint32_t> bmp;    // 0x10000 entries
    std::vector<std::uint32_t> pool;   // for kMulti entries
    std::vector<char32_t> simplified;  // 0x10000 entries: t2s of the character on its own
};

// Built on first use (thread-safe), after OpenCC's tables.
const FoldTable& fold_table();

// The fold actions of one character (as a table entry would hold them), for characters past the
// BMP; returns how many were written to `out`.
std::size_t fold_actions(char32_t cp, std::array<std::uint32_t, kMaxActions>& out);

// Whether t2s may change a character past the BMP, and into what on its own.
bool t2s_may_change_astral(char32_t cp);
char32_t t2s_single_astral(char32_t cp);

// Whether one of t2s's phrases occurs in `input` (valid UTF-8): only then does t2s depend on
// context; otherwise it is the character-by-character mapping.
bool t2s_phrase_in(std::string_view input);

struct Unit {
    char32_t cp;
    std::uint32_t off;  // byte offset in the input
    std::uint32_t len;  // byte length in the input
};

// The slow path: strict decode, then traditional → simplified over the whole text (phrase
// context matters). False for invalid UTF-8.
bool decode_simplified(std::string_view input, std::vector<Unit>& units);

// Decodes the character at p[i] (strict UTF-8: no overlongs, surrogates or values past
// U+10FFFF); false if malformed.
[[gnu::always_inline]] inline bool decode_one(const unsigned char* p, std::size_t i, std::size_t n,
                                              char32_t& cp, std::uint32_t& len) {
    const unsigned c = p[i];
    if (c < 0x80) {
        cp = c;
        len = 1;
    } else if (c - 0xE0 < 0x10) {  // (unsigned: c in E0..EF)
        if (i + 3 > n) return false;
        // A continuation byte is 10xxxxxx: xor 0x80 leaves its payload, below 0x40.
        const unsigned x1 = p[i + 1] ^ 0x80u, x2 = p[i + 2] ^ 0x80u;
        if ((x1 | x2) >= 0x40) return false;
        cp = ((c & 0x0Fu) << 12) | (x1 << 6) | x2;
        if (cp < 0x800 || cp - 0xD800 < 0x800) return false;  // overlong; surrogate
        len = 3;
    } else if (c >= 0xC2 && c <= 0xDF) {
        if (i + 2 > n) return false;
        const unsigned c1 = p[i + 1];
        if ((c1 & 0xC0) != 0x80) return false;
        cp = ((c & 0x1Fu) << 6) | (c1 & 0x3Fu);
        len = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
        if (i + 4 > n) return false;
        const unsigned c1 = p[i + 1], c2 = p[i + 2], c3 = p[i + 3];
        if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80 || (c3 & 0xC0) != 0x80) return false;
        cp = ((c & 0x07u) << 18) | ((c1 & 0x3Fu) << 12) | ((c2 & 0x3Fu) << 6) | (c3 & 0x3Fu);
        if (cp < 0x10000 || cp > 0x10FFFF) return false;
        len = 4;
    } else {
        return false;
    }
    return true;
}

// Writes the UTF-8 form of cp (< U+110000) at t, which has room for 4 bytes; returns its length.
[[gnu::always_inline]] inline std::size_t encode_utf8(char32_t cp, char* t) {
    if (cp < 0x80) {
        t[0] = static_cast<char>(cp);
        return 1;
    }
    if (cp < 0x800) {
        t[0] = static_cast<char>(0xC0 | (cp >> 6));
        t[1] = static_cast<char>(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        t[0] = static_cast<char>(0xE0 | (cp >> 12));
        t[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        t[2] = static_cast<char>(0x80 | (cp & 0x3F));
        return 3;
    }
    t[0] = static_cast<char>(0xF0 | (cp >> 18));
    t[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    t[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    t[3] = static_cast<char>(0x80 | (cp & 0x3F));
    return 4;
}

// The fold of one character that is not simply kept: a pause, a drop, several actions, a
// character past the BMP. Out of line, so the one-character keep stays inline in the loop.
template <class Sink>
[[gnu::noinline]] void apply_actions(Sink& sink, const FoldTable& table, std::uint32_t e,
                                     char32_t cp, std::uint32_t off, std::uint32_t len,
                                     std::uint8_t& pending) {
    auto emit = [&](std::uint32_t action) {
        if (action < 0x110000u) {
            sink.keep(static_cast<char32_t>(action), off, len, pending);
            pending = 0;
        } else if (action & kPause) {
            pending |= pause_bits(cp);
        }
    };
    if (cp >= 0x10000) {
        std::array<std::uint32_t, kMaxActions> buf;
        const std::size_t m = fold_actions(cp, buf);
        for (std::size_t k = 0; k < m; ++k) emit(buf[k]);
    } else if (e & kMulti) {
        const std::uint32_t* a = table.pool.data() + (e & kMultiMask);
        for (std::uint32_t k = 1; k <= a[0]; ++k) emit(a[k]);
    } else {
        emit(e);
    }
}

// Feeds `sink` the normalised characters of `input`:
//   sink.keep(char32_t cp, std::uint32_t src_off, std::uint32_t src_len, uint8_t pause_before)
//   sink.finish(std::uint8_t pause_at_end)        (pause bits: 0 for none)
//   sink.reset()  — forget everything kept so far (the fast pass gave up; it starts over)
// Returns false, leaving the sink in an unspecified state, for invalid UTF-8. The caller has
// checked input.size() < 2^32.
template <class Sink>
bool normalize_chars(std::string_view input, Sink& sink) {
    const FoldTable& table = fold_table();
    const std::uint32_t* bmp = table.bmp.data();
    std::uint8_t pending = 0;
    auto apply = [&](std::uint32_t e, char32_t cp, std::uint32_t off, std::uint32_t len) {
        apply_actions(sink, table, e, cp, off, len, pending);
    };

    // Fast pass: decode strictly, fold by table, emit. At the first character that t2s may
    // change, looks for t2s's phrases in the whole text: without one, t2s maps characters one
    // by one and the pass goes on; with one, OpenCC needs the whole text (the slow pass).
    const auto* p = reinterpret_cast<const unsigned char*>(input.data());
    const std::size_t n = input.size();
    std::size_t i = 0;
    bool slow = false;
    bool phrases_checked = false;
    while (i < n) {
        char32_t cp;
        std::uint32_t len;
        if (!decode_one(p, i, n, cp, len)) return false;
        const auto off = static_cast<std::uint32_t>(i);
        i += len;
        const std::uint32_t e = cp < 0x10000 ? bmp[cp] : 0;
        if (e < 0x110000u && cp < 0x10000) {  // the common case: one character kept as it folds
            sink.keep(static_cast<char32_t>(e), off, len, pending);
            pending = 0;
            continue;
        }
        if (cp < 0x10000 ? (e & kT2s) != 0 : t2s_may_change_astral(cp)) {
            if (!phrases_checked) {
                // (Invalid bytes further on make the whole result invalid either way.)
                phrases_checked = true;
                if (t2s_phrase_in(input)) {
                    slow = true;
                    break;
                }
            }
            const char32_t simple = cp < 0x10000 ? table.simplified[cp] : t2s_single_astral(cp);
            apply(simple < 0x10000 ? (bmp[simple] & ~kT2s) : 0, simple, off, len);
            continue;
        }
        apply(e, cp, off, len);
    }
    if (!slow) {
        sink.finish(pending);
        return true;
    }

    // Slow pass, for text t2s may change: the whole text through t2s first, then the same fold.
    thread_local std::vector<Unit> units;  // reused: no allocation per utterance
    if (!decode_simplified(input, units)) return false;
    sink.reset();
    pending = 0;
    for (const Unit& u : units) {
        const std::uint32_t e = u.cp < 0x10000 ? (bmp[u.cp] & ~kT2s) : 0;
        apply(e, u.cp, u.off, u.len);
    }
    sink.finish(pending);
    return true;
}

}  // namespace dd::text::detail
