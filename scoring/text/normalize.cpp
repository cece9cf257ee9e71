// Text normalisation: decode and validate → t2s (OpenCC's tables; see [t2s]) → per character
// fold (utf8proc COMPAT|CASEFOLD, marks stripped) → keep letters and digits, turn
// punctuation/symbols/line breaks into pauses, drop spaces and invisible characters. The fold
// of every BMP character is computed once into a table (fold.h runs the per-character loop).
// Sections: [utf8] [t2s] [fold] [normalize].
#include "normalize.h"

#include <utf8proc.h>
#include <opencc/Config.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/DictGroup.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MaxMatchSegmentation.hpp>

#include <array>
#include <exception>
#include <list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "aho_corasick.h"
#include "fold.h"

namespace dd::text {

namespace {

// ---------------------------------------------------------------------------------- [utf8]

using detail::Unit;

// Decodes strict UTF-8 (detail::decode_one). Returns false at the first malformed sequence.
bool decode(std::string_view s, std::vector<Unit>* out) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    // Written by index into a buffer of the largest possible size, trimmed at the end.
    const std::size_t start = out ? out->size() : 0;
    if (out) out->resize(start + n);
    std::size_t w = start;
    while (i < n) {
        char32_t cp;
        std::uint32_t len;
        if (!detail::decode_one(p, i, n, cp, len)) return false;
        if (out) (*out)[w++] = {cp, static_cast<std::uint32_t>(i), len};
        i += len;
    }
    if (out) out->resize(w);
    return true;
}

void append_utf8(std::string& s, char32_t cp) {
    char buf[4];
    s.append(buf, detail::encode_utf8(cp, buf));
}

// ----------------------------------------------------------------------------------- [t2s]

// OpenCC's t2s is a phrase table (TSPhrases, ~300 entries) over a character table
// (TSCharacters, ~4000). OpenCC itself runs at ~8 MB/s, far slower than everything else here,
// yet it only ever differs from a character-by-character lookup where a phrase of TSPhrases
// occurs. So both tables are read out of OpenCC's own dictionaries once; a text with no
// character to convert is left alone, one with no phrase is converted character by character
// (the same result, exactly), and only the rest needs OpenCC's phrase algorithm, which runs
// here on OpenCC's own dictionaries (PrefixDict; OpenCC itself is called if its
// configuration ever has another shape).
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

    // Whether convert() would find a phrase in this (valid UTF-8) text: the same scan, straight
    // over the bytes when no phrase holds a space or NUL (convert() turns NUL into a space).
    bool phrase_in(std::string_view input) const {
        if (!conv_ || !may_start_phrase(input)) return false;
        bool phrase = false;
        if (!phrases_see_space_) {
            phrases_.scan(input, [&](std::uint32_t, std::size_t) { phrase = true; });
            return phrase;
        }
        std::string in(input);
        for (char& c : in)
            if (c == '\0') c = ' ';
        phrases_.scan(in, [&](std::uint32_t, std::size_t) { phrase = true; });
        return phrase;
    }

    void convert(std::vector<Unit>& units) const {
        if (!conv_) return;
        std::string in;
        in.reserve(units.size() * 3);
        for (const auto& u : units)
            append_utf8(in, u.cp == 0 ? U' ' : u.cp);  // OpenCC stops at NUL
        bool phrase = false;
        phrases_.scan(in, [&](std::uint32_t, std::size_t) { phrase = true; });
        if (phrase && (replica_ ? convert_like_opencc(units) : convert_with_opencc(in, units)))
            return;
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

    // Whether some character of the text begins a phrase (most texts have none: then the
    // automaton need not run). Tolerates invalid UTF-8 (the caller rejects it anyway).
    bool may_start_phrase(std::string_view input) const {
        const auto* p = reinterpret_cast<const unsigned char*>(input.data());
        const std::size_t n = input.size();
        for (std::size_t i = 0; i < n; ++i) {
            const unsigned c = p[i];
            char32_t cp;
            if (c < 0x80) {
                cp = c == 0 ? U' ' : c;  // as convert() passes it to OpenCC
            } else if (c >= 0xE0 && c < 0xF0 && i + 2 < n) {
                cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
            } else {
                return true;  // rare: let the automaton decide
            }
            if (phrase_first_[cp >> 6] >> (cp & 63) & 1) return true;
            if (c >= 0x80) i += 2;
        }
        return false;
    }

    // OpenCC's own algorithm on OpenCC's own tables, for the shape t2s.json has: max-match
    // segmentation over one dictionary, then one conversion of each segment through a group of
    // dictionaries (at each position the first dictionary with a key there, its longest key).
    // The same output as Convert() without its per-call cost (~100k instructions).
    class PrefixDict {
      public:
        PrefixDict(const PrefixDict&) = delete;  // index_ views keys_: moves only
        PrefixDict(PrefixDict&&) = default;
        PrefixDict& operator=(const PrefixDict&) = delete;
        PrefixDict& operator=(PrefixDict&&) = default;

        explicit PrefixDict(const opencc::DictPtr& dict) {
            const opencc::LexiconPtr lexicon = dict->GetLexicon();
            for (const auto& entry : *lexicon) {
                keys_.push_back(to_u32(entry->Key()));
                values_.push_back(to_u32(entry->GetDefault()));
                if (keys_.back().empty()) throw std::runtime_error("empty t2s key");
            }
            // Views into keys_, which no longer grows. A repeated key keeps its first entry.
            for (std::uint32_t k = 0; k < keys_.size(); ++k) {
                const std::u32string_view key = keys_[k];
                index_.emplace(key, k);
                auto& longest = max_len_[key[0]];
                longest = std::max(longest, static_cast<std::uint32_t>(key.size()));
            }
        }

        // Length of the longest key that is a prefix of t[0, n) (0: none), its value in *value.
        std::size_t longest(const char32_t* t, std::size_t n, const std::u32string** value) const {
            const auto it = max_len_.find(t[0]);
            if (it == max_len_.end()) return 0;
            for (std::size_t len = std::min<std::size_t>(it->second, n); len > 0; --len) {
                const auto f = index_.find(std::u32string_view(t, len));
                if (f != index_.end()) {
                    *value = &values_[f->second];
                    return len;
                }
            }
            return 0;
        }

      private:
        static std::u32string to_u32(const std::string& s) {
            std::vector<Unit> u;
            if (!decode(s, &u)) throw std::runtime_error("t2s entry is not UTF-8");
            std::u32string out;
            for (const auto& x : u) out.push_back(x.cp);
            return out;
        }

        std::vector<std::u32string> keys_;
        std::vector<std::u32string> values_;
        std::unordered_map<std::u32string_view, std::uint32_t> index_;
        std::unordered_map<char32_t, std::uint32_t> max_len_;  // by first character
    };

    // Only for the shape described above; anything else keeps calling OpenCC.
    void setup_replica() {
        const auto seg =
            std::dynamic_pointer_cast<opencc::MaxMatchSegmentation>(conv_->GetSegmentation());
        const auto conversions = conv_->GetConversionChain()->GetConversions();
        if (!seg || conversions.size() != 1) return;
        auto plain = [](const opencc::DictPtr& d) {
            return std::dynamic_pointer_cast<opencc::DictGroup>(d) == nullptr;
        };
        if (!plain(seg->GetDict())) return;
        std::vector<PrefixDict> group;
        const opencc::DictPtr dict = conversions.front()->GetDict();
        if (const auto g = std::dynamic_pointer_cast<opencc::DictGroup>(dict)) {
            for (const auto& d : g->GetDicts()) {
                if (!plain(d)) return;
                group.emplace_back(d);
            }
        } else {
            group.emplace_back(dict);
        }
        segment_dict_.emplace_back(seg->GetDict());
        group_ = std::move(group);
        replica_ = true;
    }

    void convert_segment(const char32_t* s, std::size_t n, std::u32string& out) const {
        std::size_t p = 0;
        while (p < n) {
            const std::u32string* value = nullptr;
            std::size_t m = 0;
            for (const auto& d : group_)
                if ((m = d.longest(s + p, n - p, &value)) > 0) break;
            if (m > 0) {
                out += *value;
                p += m;
            } else {
                out.push_back(s[p++]);
            }
        }
    }

    // As convert_with_opencc, on the replica.
    bool convert_like_opencc(std::vector<Unit>& units) const {
        thread_local std::u32string text, out;
        text.clear();
        out.clear();
        for (const auto& u : units) text.push_back(u.cp == 0 ? U' ' : u.cp);
        const std::size_t n = text.size();
        std::size_t i = 0, run = 0;  // [run, i): characters where no segment dictionary key starts
        while (i < n) {
            const std::u32string* value = nullptr;
            const std::size_t m = segment_dict_.front().longest(text.data() + i, n - i, &value);
            if (m == 0) {
                ++i;
                continue;
            }
            convert_segment(text.data() + run, i - run, out);
            convert_segment(text.data() + i, m, out);
            i += m;
            run = i;
        }
        convert_segment(text.data() + run, n - run, out);
        if (out.size() != units.size()) return false;
        for (std::size_t k = 0; k < units.size(); ++k)
            if (units[k].cp != 0) units[k].cp = out[k];
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
            return;
        }
        try {
            setup_replica();
        } catch (const std::exception&) {
            replica_ = false;  // OpenCC itself, then
            group_.clear();
            segment_dict_.clear();
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
        phrase_first_.assign(kBmp / 64, 0);
        for (const auto& k : phrase_keys) {
            std::vector<Unit> u;
            // A phrase starting past the BMP or with a NUL: no shortcut.
            if (!decode(k, &u) || u.empty() || u[0].cp >= kBmp || u[0].cp == 0)
                phrase_first_.assign(kBmp / 64, ~std::uint64_t{0});
            else
                phrase_first_[u[0].cp >> 6] |= std::uint64_t{1} << (u[0].cp & 63);
        }
        for (const auto& k : phrase_keys)
            if (k.find(' ') != std::string::npos || k.find('\0') != std::string::npos)
                phrases_see_space_ = true;
    }

    opencc::ConverterPtr conv_;
    std::vector<char32_t> bmp_;  // 0 = unchanged; else the simplified character
    std::unordered_map<char32_t, char32_t> astral_;
    AhoCorasick phrases_;
    // Per BMP character, one bit: some phrase begins with it. Bits rather than bytes: it is
    // read only for the few replies with a character t2s changes, so it is rarely in cache,
    // and 8 KB of it miss far less than 64 KB would.
    std::vector<std::uint64_t> phrase_first_;
    bool phrases_see_space_ = false;  // a phrase holds a space or NUL (none in OpenCC's data)
    bool replica_ = false;
    std::vector<PrefixDict> segment_dict_;  // one, when replica_
    std::vector<PrefixDict> group_;
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

// One character of a decomposition: kept, a pause, or nothing.
void fold_one(char32_t cp, std::array<std::uint32_t, detail::kMaxActions>& out, std::size_t& m) {
    if (cp == '\n' || cp == '\r' || cp == 0x85) {
        out[m++] = detail::kPause;
        return;
    }
    switch (kind_of(cp)) {
        case Kind::Keep:
            out[m++] = static_cast<std::uint32_t>(cp);
            break;
        case Kind::Pause:
            out[m++] = detail::kPause;
            break;
        case Kind::Drop:
            break;
    }
}

// The folding rules themselves; the table of the BMP is these, computed once.
std::size_t compute_fold(char32_t cp, std::array<std::uint32_t, detail::kMaxActions>& out) {
    std::size_t m = 0;
    if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            out[m++] = cp;
        } else if (cp >= 'A' && cp <= 'Z') {
            out[m++] = cp + ('a' - 'A');
        } else if (cp == '\n' || cp == '\r') {
            out[m++] = detail::kPause;  // a line break ends a clause
        } else if (cp > 0x20 && cp < 0x7F) {
            out[m++] = detail::kPause;  // ASCII punctuation and symbols
        }
        // spaces, tabs and other control characters: dropped
        return m;
    }
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) {
        out[m++] = cp;  // CJK ideographs: no decomposition, category Lo
        return m;
    }
    std::array<utf8proc_int32_t, detail::kMaxActions> buf{};
    const auto opts =
        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                       UTF8PROC_IGNORE | UTF8PROC_STRIPMARK);
    int boundclass = 0;
    const utf8proc_ssize_t k = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp),
                                                       buf.data(), buf.size(), opts, &boundclass);
    if (k < 0 || k > static_cast<utf8proc_ssize_t>(buf.size())) {
        // Longer than any real decomposition; treat the character as it is.
        fold_one(cp, out, m);
        return m;
    }
    for (utf8proc_ssize_t i = 0; i < k; ++i) fold_one(static_cast<char32_t>(buf[i]), out, m);
    return m;
}

detail::FoldTable build_fold_table() {
    const T2s& t2s = T2s::instance();
    detail::FoldTable t;
    t.bmp.resize(0x10000);
    t.simplified.resize(0x10000);
    t.pool.push_back(0);  // offset 0 unused: kMulti entries point past it
    std::array<std::uint32_t, detail::kMaxActions> a{};
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) {  // never decoded
            t.bmp[cp] = detail::kDrop;
            continue;
        }
        std::size_t m = compute_fold(cp, a);
        // Pauses only set a flag: a run of them is one.
        std::size_t w = 0;
        for (std::size_t k = 0; k < m; ++k)
            if (!(a[k] == detail::kPause && w > 0 && a[w - 1] == detail::kPause)) a[w++] = a[k];
        m = w;
        std::uint32_t e;
        if (m == 0) {
            e = detail::kDrop;
        } else if (m == 1) {
            e = a[0];
        } else {
            e = detail::kMulti | static_cast<std::uint32_t>(t.pool.size());
            t.pool.push_back(static_cast<std::uint32_t>(m));
            t.pool.insert(t.pool.end(), a.begin(), a.begin() + static_cast<std::ptrdiff_t>(m));
        }
        if (t2s.may_change(cp)) e |= detail::kT2s;
        t.bmp[cp] = e;
        t.simplified[cp] = t2s.single(cp);
    }
    return t;
}

// Writes into the Normalized buffers by index (sized ahead, trimmed by finish()).
struct NormalizedSink {
    Normalized& n;
    std::size_t o = 0;  // bytes written

    NormalizedSink(Normalized& out, std::size_t expected) : n(out) { reserve(expected + 8); }

    void reserve(std::size_t bytes) {
        n.text.resize(bytes);
        n.src_begin.resize(bytes + 1);
        n.src_end.resize(bytes + 1);
        n.pause.resize(bytes + 1);
    }

    void reset() { o = 0; }

    void keep(char32_t cp, std::uint32_t off, std::uint32_t len, std::uint8_t paused) {
        if (o + 4 > n.text.size()) reserve(2 * n.text.size() + 16);
        const std::size_t blen = detail::encode_utf8(cp, n.text.data() + o);
        for (std::size_t k = 0; k < blen; ++k) {
            n.src_begin[o + k] = off;
            n.src_end[o + k] = off + len;
            n.pause[o + k] = 0;
        }
        n.pause[o] = paused;
        o += blen;
    }

    void finish(std::uint8_t pending_pause) {
        n.text.resize(o);
        n.src_begin.resize(o + 1);
        n.src_end.resize(o + 1);
        n.pause.resize(o + 1);
        n.pause[o] = pending_pause;
    }
};

}  // namespace

// ----------------------------------------------------------------------------- [normalize]

namespace detail {

const FoldTable& fold_table() {
    static const FoldTable table = build_fold_table();  // thread-safe lazy init
    return table;
}

std::size_t fold_actions(char32_t cp, std::array<std::uint32_t, kMaxActions>& out) {
    return compute_fold(cp, out);
}

bool t2s_may_change_astral(char32_t cp) {
    return T2s::instance().may_change(cp);
}

char32_t t2s_single_astral(char32_t cp) {
    return T2s::instance().single(cp);
}

bool t2s_phrase_in(std::string_view input) {
    return T2s::instance().phrase_in(input);
}

bool decode_simplified(std::string_view input, std::vector<Unit>& units) {
    units.clear();
    if (!decode(input, &units)) return false;
    const T2s& t2s = T2s::instance();
    for (const auto& u : units) {
        if (t2s.may_change(u.cp)) {
            t2s.convert(units);
            break;
        }
    }
    return true;
}

}  // namespace detail

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
    NormalizedSink sink(n, input.size());
    if (!detail::normalize_chars(input, sink)) {
        n.text.clear();
        n.src_begin.clear();
        n.src_end.clear();
        n.pause.clear();
        return;
    }
    n.valid = true;
    n.src_begin[sink.o] = static_cast<std::uint32_t>(input.size());
    n.src_end[sink.o] = static_cast<std::uint32_t>(input.size());
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
    if (input.size() >= 0xFFFFFFFFu || !detail::decode_simplified(input, units)) return "";
    std::string out;
    out.reserve(input.size());
    for (const auto& u : units) append_utf8(out, u.cp);
    return out;
}

}  // namespace dd::text
