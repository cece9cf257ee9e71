// Text normalisation: decode and validate → OpenCC t2s (only when the text holds a character
// t2s would change) → per character fold (utf8proc COMPAT|CASEFOLD, marks stripped) → keep
// letters and digits, turn punctuation/symbols/line breaks into pauses, drop spaces and
// invisible characters. Sections: [utf8] [t2s] [fold] [normalize].
#include "normalize.h"

#include <opencc/SimpleConverter.hpp>
#include <utf8proc.h>

#include <array>
#include <exception>
#include <memory>

namespace dd::text {

namespace {

// ---------------------------------------------------------------------------------- [utf8]

struct Unit {
    char32_t cp;
    std::uint32_t off;  // byte offset in the original input
    std::uint32_t len;  // byte length in the original input
};

// Decodes strict UTF-8. Returns false at the first malformed sequence.
bool decode(std::string_view s, std::vector<Unit>* out) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        char32_t cp = 0;
        std::size_t len = 0;
        if (c < 0x80) {
            cp = c;
            len = 1;
        } else if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned char cc = p[i + k];
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlongs, surrogates and values past U+10FFFF.
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        if (out)
            out->push_back(
                {cp, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(len)});
        i += len;
    }
    return true;
}

void append_utf8(std::string& s, char32_t cp) {
    if (cp < 0x80) {
        s += static_cast<char>(cp);
    } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// ----------------------------------------------------------------------------------- [t2s]

// OpenCC is phrase-based and slow (~8 MB/s) next to everything else here, so it runs only on
// texts holding at least one character whose single-character t2s conversion differs. That
// set is computed once, at start-up, by converting every CJK character on its own line.
// Any character outside the BMP counts as "may change" (rare; errs towards OpenCC).
class T2s {
public:
    static const T2s& instance() {
        static const T2s t2s;  // thread-safe lazy init; SimpleConverter::Convert is const
        return t2s;
    }

    bool available() const { return conv_ != nullptr; }

    bool may_change(char32_t cp) const {
        if (cp < kTableSize) return single_[cp] != 0;
        return cp >= 0x20000 && cp <= 0x3FFFF;
    }

    // Converts the units in place. OpenCC sees the whole text (phrases give context:
    // 乾淨 → 干净 but 乾隆 stays); when that keeps the character count, characters map
    // one-to-one and keep their original offsets. When it does not (a phrase of another
    // length), the single-character table is used instead so offsets stay exact.
    void convert(std::vector<Unit>& units) const {
        if (!conv_) return;
        std::string in;
        in.reserve(units.size() * 3);
        for (const auto& u : units) append_utf8(in, u.cp == 0 ? U' ' : u.cp);  // OpenCC stops at NUL
        std::string out;
        try {
            out = conv_->Convert(in);
        } catch (const std::exception&) {
            out.clear();
        }
        std::vector<Unit> conv;
        conv.reserve(units.size());
        if (decode(out, &conv) && conv.size() == units.size()) {
            for (std::size_t i = 0; i < units.size(); ++i)
                if (units[i].cp != 0) units[i].cp = conv[i].cp;
            return;
        }
        for (auto& u : units)
            if (u.cp < kTableSize && single_[u.cp] != 0) u.cp = single_[u.cp];
    }

private:
    static constexpr char32_t kTableSize = 0x10000;

    T2s() : single_(kTableSize, 0) {
        for (const char* name : {"t2s.json", "/usr/share/opencc/t2s.json"}) {
            try {
                conv_ = std::make_unique<opencc::SimpleConverter>(name);
                break;
            } catch (const std::exception&) {
                conv_.reset();
            }
        }
        if (!conv_) return;
        // CJK radicals, Extension A, Unified Ideographs, Compatibility Ideographs.
        static constexpr std::array<std::pair<char32_t, char32_t>, 4> kRanges = {
            {{0x2E80, 0x2FDF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}}};
        std::string in;
        std::vector<char32_t> cps;
        for (auto [lo, hi] : kRanges)
            for (char32_t cp = lo; cp <= hi; ++cp) {
                append_utf8(in, cp);
                in += '\n';
                cps.push_back(cp);
            }
        std::string out;
        try {
            out = conv_->Convert(in);
        } catch (const std::exception&) {
            return;
        }
        std::vector<Unit> res;
        if (!decode(out, &res)) return;
        std::size_t line = 0;
        std::vector<char32_t> cur;
        for (const auto& u : res) {
            if (u.cp != U'\n') {
                cur.push_back(u.cp);
                continue;
            }
            if (line < cps.size() && cur.size() == 1 && cur[0] != cps[line])
                single_[cps[line]] = cur[0];
            else if (line < cps.size() && cur.size() != 1)
                single_[cps[line]] = cps[line];  // odd result: let OpenCC decide in context
            cur.clear();
            ++line;
        }
    }

    std::unique_ptr<opencc::SimpleConverter> conv_;
    std::vector<char32_t> single_;  // 0 = unchanged; else the simplified character
};

// ---------------------------------------------------------------------------------- [fold]

enum class Kind : std::uint8_t { Keep, Pause, Drop };

Kind kind_of(char32_t cp) {
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_ND:
        case UTF8PROC_CATEGORY_NL:
        case UTF8PROC_CATEGORY_NO:
            return Kind::Keep;
        case UTF8PROC_CATEGORY_PC:
        case UTF8PROC_CATEGORY_PD:
        case UTF8PROC_CATEGORY_PS:
        case UTF8PROC_CATEGORY_PE:
        case UTF8PROC_CATEGORY_PI:
        case UTF8PROC_CATEGORY_PF:
        case UTF8PROC_CATEGORY_PO:
        case UTF8PROC_CATEGORY_SM:
        case UTF8PROC_CATEGORY_SC:
        case UTF8PROC_CATEGORY_SK:
        case UTF8PROC_CATEGORY_SO:
        case UTF8PROC_CATEGORY_ZL:
        case UTF8PROC_CATEGORY_ZP:
            return Kind::Pause;
        default:  // spaces, marks, format/control/unassigned/private characters
            return Kind::Drop;
    }
}

struct Builder {
    Normalized& n;
    bool pending_pause = false;

    void keep(char32_t cp, const Unit& u) {
        const std::size_t before = n.text.size();
        append_utf8(n.text, cp);
        for (std::size_t i = before; i < n.text.size(); ++i) {
            n.src_begin.push_back(u.off);
            n.src_end.push_back(u.off + u.len);
            n.pause.push_back(i == before && pending_pause ? 1 : 0);
        }
        pending_pause = false;
    }

    void fold(const Unit& u) {
        const char32_t cp = u.cp;
        // Fast paths: ASCII and the CJK ideographs (no decomposition, category Lo).
        if (cp < 0x80) {
            if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
                keep(cp, u);
            } else if (cp >= 'A' && cp <= 'Z') {
                keep(cp + ('a' - 'A'), u);
            } else if (cp == '\n' || cp == '\r') {
                pending_pause = true;  // a line break ends a clause
            } else if (cp > 0x20 && cp < 0x7F) {
                pending_pause = true;  // ASCII punctuation and symbols
            }
            // spaces, tabs and other control characters: dropped
            return;
        }
        if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) {
            keep(cp, u);
            return;
        }
        std::array<utf8proc_int32_t, 32> buf{};
        const auto opts = static_cast<utf8proc_option_t>(
            UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE |
            UTF8PROC_STRIPMARK);
        int boundclass = 0;
        const utf8proc_ssize_t m = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp),
                                                           buf.data(), buf.size(), opts,
                                                           &boundclass);
        if (m < 0 || m > static_cast<utf8proc_ssize_t>(buf.size())) {
            // Longer than any real decomposition; treat the character as it is.
            fold_one(cp, u);
            return;
        }
        for (utf8proc_ssize_t i = 0; i < m; ++i) fold_one(static_cast<char32_t>(buf[i]), u);
    }

    void fold_one(char32_t cp, const Unit& u) {
        if (cp == '\n' || cp == '\r' || cp == 0x85) {
            pending_pause = true;
            return;
        }
        switch (kind_of(cp)) {
            case Kind::Keep:
                keep(cp, u);
                break;
            case Kind::Pause:
                pending_pause = true;
                break;
            case Kind::Drop:
                break;
        }
    }
};

}  // namespace

// ----------------------------------------------------------------------------- [normalize]

bool is_valid_utf8(std::string_view input) { return decode(input, nullptr); }

bool t2s_available() { return T2s::instance().available(); }

Normalized normalize(std::string_view input) {
    Normalized n;
    // Offsets are 32-bit; anything this long is not an utterance.
    if (input.size() >= 0xFFFFFFFFu) return n;
    std::vector<Unit> units;
    units.reserve(input.size());
    if (!decode(input, &units)) return n;
    n.valid = true;

    const T2s& t2s = T2s::instance();
    for (const auto& u : units) {
        if (t2s.may_change(u.cp)) {
            t2s.convert(units);
            break;
        }
    }

    n.text.reserve(input.size());
    n.src_begin.reserve(input.size() + 1);
    n.src_end.reserve(input.size() + 1);
    n.pause.reserve(input.size() + 1);
    Builder b{n};
    for (const auto& u : units) b.fold(u);
    const auto end = static_cast<std::uint32_t>(input.size());
    n.src_begin.push_back(end);
    n.src_end.push_back(end);
    n.pause.push_back(b.pending_pause ? 1 : 0);
    return n;
}

std::string normalize_text(std::string_view input) { return normalize(input).text; }

}  // namespace dd::text
