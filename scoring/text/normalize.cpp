// Text normalisation: decode and validate → t2s (OpenCC's tables; see [t2s]) → per character
// fold (utf8proc COMPAT|CASEFOLD, marks stripped) → keep
// letters and digits, turn punctuation/symbols/line breaks into pauses, drop spaces and
// invisible characters. Sections: [utf8] [t2s] [fold] [normalize].
#include "normalize.h"

#include <utf8proc.h>
#include <opencc/Config.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/DictGroup.hpp>
#include <opencc/Lexicon.hpp>

#include <array>
#include <exception>
#include <list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "aho_corasick.h"

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
    // Written by index into a buffer of the largest possible size, trimmed at the end.
    const std::size_t start = out ? out->size() : 0;
    if (out) out->resize(start + n);
    std::size_t w = start;
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
        if (out) (*out)[w++] = {cp, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(len)};
        i += len;
    }
    if (out) out->resize(w);
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

// OpenCC's t2s is a phrase table (TSPhrases, ~300 entries) over a character table
// (TSCharacters, ~4000). OpenCC itself runs at ~8 MB/s, far slower than everything else here,
// yet it only ever differs from a character-by-character lookup where a phrase of TSPhrases
// occurs. So both tables are read out of OpenCC's own dictionaries once; a text with no
// character to convert is left alone, one with no phrase is converted character by character
// (the same result, exactly), and only the rest goes through OpenCC.
class T2s {
  public:
    static const T2s& instance() {
        static const T2s t2s;  // thread-safe lazy init; Converter::Convert is const
        return t2s;
    }

    bool available() const { return conv_ != nullptr; }

    bool may_change(char32_t cp) const {
        if (cp < kBmp) return bmp_[cp] != 0;
        return astral_.count(cp) > 0;
    }

    char32_t single(char32_t cp) const {
        if (cp < kBmp) return bmp_[cp] ? bmp_[cp] : cp;
        auto it = astral_.find(cp);
        return it == astral_.end() ? cp : it->second;
    }

    void convert(std::vector<Unit>& units) const {
        if (!conv_) return;
        std::string in;
        in.reserve(units.size() * 3);
        for (const auto& u : units)
            append_utf8(in, u.cp == 0 ? U' ' : u.cp);  // OpenCC stops at NUL
        bool phrase = false;
        phrases_.scan(in, [&](std::uint32_t, std::size_t) { phrase = true; });
        if (phrase && convert_with_opencc(in, units)) return;
        for (auto& u : units) u.cp = single(u.cp);
    }

  private:
    static constexpr char32_t kBmp = 0x10000;

    // Phrase context matters: 乾淨 → 干净 but 乾隆 stays. When OpenCC keeps the character
    // count, characters map one-to-one and keep their original offsets; otherwise (a phrase of
    // another length) the caller falls back to characters so offsets stay exact.
    bool convert_with_opencc(const std::string& in, std::vector<Unit>& units) const {
        std::string out;
        try {
            out = conv_->Convert(in);
        } catch (const std::exception&) {
            return false;
        }
        std::vector<Unit> conv;
        conv.reserve(units.size());
        if (!decode(out, &conv) || conv.size() != units.size()) return false;
        for (std::size_t i = 0; i < units.size(); ++i)
            if (units[i].cp != 0) units[i].cp = conv[i].cp;
        return true;
    }

    static std::optional<char32_t> only_char(const std::string& s) {
        std::vector<Unit> u;
        if (!decode(s, &u) || u.size() != 1) return std::nullopt;
        return u[0].cp;
    }

    T2s() : bmp_(kBmp, 0) {
        for (const char* name : {"t2s.json", "/usr/share/opencc/t2s.json"}) {
            try {
                opencc::Config config;
                conv_ = config.NewFromFile(name);
                break;
            } catch (const std::exception&) {
                conv_.reset();
            }
        }
        if (!conv_) return;
        try {
            read_tables();
        } catch (const std::exception&) {
            conv_.reset();  // not the dictionaries we know: better no t2s than a wrong one
        }
    }

    // t2s.json's chain is one group: [TSPhrases, TSCharacters]. Keys of one character go to
    // the character table, longer keys to the phrase automaton.
    void read_tables() {
        std::vector<std::string> phrase_keys;
        std::unordered_set<char32_t> seen;
        bool any = false;
        for (const auto& conversion : conv_->GetConversionChain()->GetConversions()) {
            auto group = std::dynamic_pointer_cast<opencc::DictGroup>(conversion->GetDict());
            std::list<opencc::DictPtr> dicts;
            if (group)
                dicts = group->GetDicts();
            else
                dicts.push_back(conversion->GetDict());
            for (const auto& dict : dicts) {
                const opencc::LexiconPtr lexicon = dict->GetLexicon();
                for (const auto& entry : *lexicon) {
                    any = true;
                    const std::string key = entry->Key();
                    const auto k = only_char(key);
                    if (!k) {
                        phrase_keys.push_back(key);
                        continue;
                    }
                    // The first dictionary holding a key wins, as in OpenCC's DictGroup.
                    if (!seen.insert(*k).second) continue;
                    const auto v = only_char(entry->GetDefault());
                    if (!v || *v == *k) continue;
                    if (*k < kBmp)
                        bmp_[*k] = *v;
                    else
                        astral_.emplace(*k, *v);
                }
            }
        }
        if (!any) throw std::runtime_error("t2s dictionaries are empty");
        phrases_ = AhoCorasick(phrase_keys);
    }

    opencc::ConverterPtr conv_;
    std::vector<char32_t> bmp_;  // 0 = unchanged; else the simplified character
    std::unordered_map<char32_t, char32_t> astral_;
    AhoCorasick phrases_;
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

// Writes into the Normalized buffers by index (sized ahead, trimmed by finish()): this is
// the per-character inner loop of every detection.
struct Builder {
    Normalized& n;
    bool pending_pause = false;
    std::size_t o = 0;  // bytes written

    Builder(Normalized& out, std::size_t expected) : n(out) { reserve(expected + 8); }

    void reserve(std::size_t bytes) {
        n.text.resize(bytes);
        n.src_begin.resize(bytes + 1);
        n.src_end.resize(bytes + 1);
        n.pause.resize(bytes + 1);
    }

    void keep(char32_t cp, const Unit& u) {
        if (o + 4 > n.text.size()) reserve(2 * n.text.size() + 16);
        char* t = n.text.data() + o;
        std::size_t len;
        if (cp < 0x80) {
            t[0] = static_cast<char>(cp);
            len = 1;
        } else if (cp < 0x800) {
            t[0] = static_cast<char>(0xC0 | (cp >> 6));
            t[1] = static_cast<char>(0x80 | (cp & 0x3F));
            len = 2;
        } else if (cp < 0x10000) {
            t[0] = static_cast<char>(0xE0 | (cp >> 12));
            t[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            t[2] = static_cast<char>(0x80 | (cp & 0x3F));
            len = 3;
        } else {
            t[0] = static_cast<char>(0xF0 | (cp >> 18));
            t[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            t[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            t[3] = static_cast<char>(0x80 | (cp & 0x3F));
            len = 4;
        }
        for (std::size_t k = 0; k < len; ++k) {
            n.src_begin[o + k] = u.off;
            n.src_end[o + k] = u.off + u.len;
            n.pause[o + k] = 0;
        }
        n.pause[o] = pending_pause ? 1 : 0;
        o += len;
        pending_pause = false;
    }

    void finish(std::uint32_t input_size) {
        n.text.resize(o);
        n.src_begin.resize(o + 1);
        n.src_end.resize(o + 1);
        n.pause.resize(o + 1);
        n.src_begin[o] = input_size;
        n.src_end[o] = input_size;
        n.pause[o] = pending_pause ? 1 : 0;
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
        const auto opts = static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                                                         UTF8PROC_CASEFOLD | UTF8PROC_IGNORE |
                                                         UTF8PROC_STRIPMARK);
        int boundclass = 0;
        const utf8proc_ssize_t m = utf8proc_decompose_char(
            static_cast<utf8proc_int32_t>(cp), buf.data(), buf.size(), opts, &boundclass);
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

bool is_valid_utf8(std::string_view input) {
    return decode(input, nullptr);
}

bool t2s_available() {
    return T2s::instance().available();
}

void normalize_into(std::string_view input, Normalized& n) {
    n.valid = false;
    n.text.clear();
    n.src_begin.clear();
    n.src_end.clear();
    n.pause.clear();
    // Offsets are 32-bit; anything this long is not an utterance.
    if (input.size() >= 0xFFFFFFFFu) return;
    thread_local std::vector<Unit> units;  // reused: no allocation per utterance in hot loops
    units.clear();
    if (!decode(input, &units)) return;
    n.valid = true;

    const T2s& t2s = T2s::instance();
    for (const auto& u : units) {
        if (t2s.may_change(u.cp)) {
            t2s.convert(units);
            break;
        }
    }

    Builder b(n, input.size());
    for (const auto& u : units) b.fold(u);
    b.finish(static_cast<std::uint32_t>(input.size()));
}

Normalized normalize(std::string_view input) {
    Normalized n;
    normalize_into(input, n);
    if (!n.valid) n = Normalized{};
    return n;
}

std::string normalize_text(std::string_view input) {
    return normalize(input).text;
}

std::string to_simplified(std::string_view input) {
    std::vector<Unit> units;
    if (input.size() >= 0xFFFFFFFFu || !decode(input, &units)) return "";
    const T2s& t2s = T2s::instance();
    for (const auto& u : units)
        if (t2s.may_change(u.cp)) {
            t2s.convert(units);
            break;
        }
    std::string out;
    out.reserve(input.size());
    for (const auto& u : units) append_utf8(out, u.cp);
    return out;
}

}  // namespace dd::text
