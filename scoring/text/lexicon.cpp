// The lexicon and its compilation. Sections: [parse] reading lexicon.yaml through the safe YAML
// reader, [shadow] the matcher's view of a normalised text (numeral runs → '#'), [compile]
// phrases → automaton keys and rules (slots expanded, fillers taken out of loose phrases),
// [build] the two automata, [load] lexicon.yaml → Lexicon → detector. The detection itself is
// detect.cpp.
#include "lexicon.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <unordered_map>

#include "aho_corasick.h"
#include "common/yaml/yaml_safe.h"
#include "fold.h"
#include "lexicon_impl.h"
#include "normalize.h"
#include "sim/model/enums.h"
#include "sim/model/limits.h"
#include "sim/model/verbs.h"

namespace dd {

namespace {

// --------------------------------------------------------------------------------- [parse]

constexpr std::array<std::string_view, 6> kTopKeys = {"version", "acts",    "forbidden",
                                                      "slots",   "meaning", "mood"};
constexpr std::array<std::string_view, 4> kEntryKeys = {"phrases", "patterns", "weak", "except"};
constexpr std::array<std::string_view, 12> kMeaningKeys = {
    "fillers",      "negators",   "speech",    "reporters", "addressee", "first_person",
    "not_negators", "impatience", "negatable", "own_voice", "courtesy",  "vague"};
constexpr std::array<std::string_view, 7> kMoodKeys = {
    "act_effect", "action_effect",   "wait_step",   "wait_every",
    "ring_step",  "rings_tolerated", "temper_scale"};

std::vector<LexPhrase> read_phrase_list(yaml::Reader& r, const YAML::Node* n,
                                        const std::string& what) {
    std::vector<LexPhrase> out;
    if (!n) return out;
    if (n->IsNull()) return out;  // `except:` left empty
    if (!r.expect_list(*n, what)) return out;
    for (const auto& item : *n) {
        auto s = r.string(item, what);
        if (!s) continue;
        if (s->empty()) {
            r.error(item, "empty phrase in " + what + "; remove it or write the words");
            continue;
        }
        out.push_back({std::move(*s), r.pos(item), {}});
    }
    return out;
}

std::vector<LexPhrase> read_phrases(yaml::Reader& r, const yaml::Fields& f, std::string_view key,
                                    const std::string& owner) {
    return read_phrase_list(r, f.get(key), owner + " " + std::string(key));
}

// `patterns:` groups phrases by family (blame, dismissal, …), which an explanation names.
void read_patterns(yaml::Reader& r, const yaml::Fields& f, const std::string& owner,
                   std::vector<LexPhrase>& out) {
    const YAML::Node* n = f.get("patterns");
    if (!n || n->IsNull()) return;
    const std::string what = owner + " patterns";
    if (!r.expect_map(*n, what)) return;
    for (const auto& kv : *n) {
        auto family = r.string(kv.first, what + " family");
        if (!family) continue;
        if (family->empty()) {
            r.error(kv.first, "empty family name in " + what);
            continue;
        }
        for (auto& ph : read_phrase_list(r, &kv.second, what + " '" + *family + "'")) {
            ph.family = *family;
            out.push_back(std::move(ph));
        }
    }
}

template <std::size_t N>
void read_entries(yaml::Reader& r, const YAML::Node& node, bool forbidden,
                  const std::array<std::string_view, N>& names, Lexicon& lex) {
    const char* section = forbidden ? "forbidden" : "acts";
    if (!r.expect_map(node, section)) return;
    yaml::Fields f(r, node, section, names);
    for (const auto& e : f.entries()) {
        if (!e.known) continue;  // reported by Fields, with "did you mean"
        LexEntry entry;
        entry.name = e.key;
        entry.forbidden = forbidden;
        const std::string owner =
            std::string(forbidden ? "forbidden family '" : "act '") + e.key + "'";
        if (!r.expect_map(e.value, owner)) continue;
        yaml::Fields ef(r, e.value, owner, kEntryKeys);
        entry.phrases = read_phrases(r, ef, "phrases", owner);
        read_patterns(r, ef, owner, entry.phrases);
        entry.weak = read_phrases(r, ef, "weak", owner);
        entry.except = read_phrases(r, ef, "except", owner);
        if (entry.phrases.empty() && entry.weak.empty())
            r.error(e.key_node, owner + " has no phrases; add a `phrases:` list");
        lex.entries.push_back(std::move(entry));
    }
    std::vector<std::string_view> missing;
    for (auto name : names)
        if (std::none_of(lex.entries.begin(), lex.entries.end(),
                         [&](const LexEntry& x) { return x.name == name; }))
            missing.push_back(name);
    if (missing.size() == 1)
        r.warning(r.pos(node), std::string(forbidden ? "forbidden family '" : "act '") +
                                   std::string(missing[0]) +
                                   "' is missing: it can never be detected");
    else if (!missing.empty())
        r.warning(r.pos(node),
                  std::to_string(missing.size()) + (forbidden ? " forbidden families" : " acts") +
                      " are missing and can never be detected: " + yaml::join(missing));
}

void read_slots(yaml::Reader& r, const YAML::Node& node, Lexicon& lex) {
    if (!r.expect_map(node, "slots")) return;
    for (const auto& kv : node) {
        auto name = r.string(kv.first, "slot name");
        if (!name) continue;
        const bool word = !name->empty() && std::all_of(name->begin(), name->end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        });
        if (!word || *name == "any") {
            r.error(kv.first, "slot name '" + *name +
                                  "' must be lowercase letters, digits, '-' or '_' (and not "
                                  "'any', which is the short gap)");
            continue;
        }
        auto words = read_phrase_list(r, &kv.second, "slot '" + *name + "'");
        if (words.empty()) {
            r.error(kv.first,
                    "slot '" + *name + "' has no words; list them: " + *name + ": [你, 您]");
            continue;
        }
        lex.slots.emplace_back(std::move(*name), std::move(words));
    }
}

void read_meaning(yaml::Reader& r, const YAML::Node& node, LexMeaning& m) {
    if (!r.expect_map(node, "meaning")) return;
    yaml::Fields f(r, node, "meaning", kMeaningKeys);
    m.fillers = read_phrases(r, f, "fillers", "meaning");
    m.negators = read_phrases(r, f, "negators", "meaning");
    m.speech = read_phrases(r, f, "speech", "meaning");
    m.reporters = read_phrases(r, f, "reporters", "meaning");
    m.addressee = read_phrases(r, f, "addressee", "meaning");
    m.first_person = read_phrases(r, f, "first_person", "meaning");
    m.impatience = read_phrases(r, f, "impatience", "meaning");
    m.not_negators = read_phrases(r, f, "not_negators", "meaning");
    for (const auto& ph : m.fillers)
        if (text::normalize(ph.text).text.size() != 3 ||
            !std::all_of(ph.text.begin(), ph.text.end(), [](char c) { return c & 0x80; }))
            r.error(ph.pos, "filler '" + ph.text +
                                "' must be one Chinese character (an adverb or a particle)");
    const std::array<std::string_view, 4> lists = {"negatable", "own_voice", "courtesy", "vague"};
    std::array<std::vector<std::string>*, 4> outs = {&m.negatable, &m.own_voice, &m.courtesy,
                                                     &m.vague};
    for (std::size_t i = 0; i < lists.size(); ++i)
        if (const auto* v = f.get(lists[i]))
            *outs[i] = r.enum_list(*v, "meaning." + std::string(lists[i]), enums::kActs);
}

void read_int_map(yaml::Reader& r, const YAML::Node& n, const std::string& what,
                  const std::vector<std::string_view>& allowed_keys, bool verb_keys,
                  std::map<std::string, int>& out) {
    if (!r.expect_map(n, what)) return;
    std::map<std::string, int> result;
    for (const auto& kv : n) {
        auto key = r.string(kv.first, what + " key");
        if (!key) continue;
        std::string_view name = *key;
        if (verb_keys) name = name.substr(0, name.find(':'));  // "dispatch:security"
        if (std::find(allowed_keys.begin(), allowed_keys.end(), name) == allowed_keys.end()) {
            r.error(kv.first, "unknown name '" + std::string(name) + "' in " + what +
                                  yaml::did_you_mean(name, allowed_keys) +
                                  (verb_keys ? " (use a desk action verb, or verb:argument)"
                                             : " (use an act or forbidden family name)"));
            continue;
        }
        if (auto v = r.integer(kv.second, what + "." + *key, -100, 100))
            result[*key] = static_cast<int>(*v);
    }
    out = std::move(result);  // the file's table replaces the built-in one entirely
}

void read_mood(yaml::Reader& r, const YAML::Node& n, MoodParams& mood) {
    if (!r.expect_map(n, "mood")) return;
    yaml::Fields f(r, n, "mood", kMoodKeys);
    if (const auto* v = f.get("act_effect")) {
        std::vector<std::string_view> names(enums::kActs.begin(), enums::kActs.end());
        names.insert(names.end(), enums::kForbidden.begin(), enums::kForbidden.end());
        read_int_map(r, *v, "mood.act_effect", names, false, mood.act_effect);
    }
    if (const auto* v = f.get("action_effect")) {
        std::vector<std::string_view> verbs(enums::kVerbs.begin(), enums::kVerbs.end());
        read_int_map(r, *v, "mood.action_effect", verbs, true, mood.action_effect);
    }
    if (auto v = r.integer(f, "wait_step", -100, 100)) mood.wait_step = static_cast<int>(*v);
    if (auto v = r.duration(f, "wait_every")) {
        if (*v <= 0)
            r.error(*f.get("wait_every"), "'wait_every' must be longer than 0s");
        else
            mood.wait_every = *v;
    }
    if (auto v = r.integer(f, "ring_step", -100, 100)) mood.ring_step = static_cast<int>(*v);
    if (auto v = r.integer(f, "rings_tolerated", 0, 100))
        mood.rings_tolerated = static_cast<int>(*v);
    if (const auto* v = f.get("temper_scale")) {
        if (r.expect_map(*v, "mood.temper_scale")) {
            std::map<std::string, double> scale;
            for (const auto& kv : *v) {
                auto key = r.one_of(kv.first, "temper", enums::kTempers);
                auto x = r.number(kv.second, "mood.temper_scale");
                if (!key || !x) continue;
                if (*x < 0 || *x > 10) {
                    r.error(kv.second, "temper scale must be between 0 and 10");
                    continue;
                }
                scale[*key] = *x;
            }
            mood.temper_scale = std::move(scale);
        }
    }
}

// -------------------------------------------------------------------------------- [shadow]

// The matcher reads a normalised text with every run of numerals replaced by one '#', so the
// lexicon's 「#分钟内」 covers 5分钟内, 30分钟内 and 三十分钟内 alike. Phrases go through the
// same function, so a phrase holding a numeral (确认一下 → 确认#下) still matches itself.
// ('#' itself never survives normalisation: it is punctuation.)
struct Shadow {
    std::string text;
    std::vector<std::uint32_t> to_norm;  // per byte (+1): byte offset in the normalised text
    std::vector<std::uint8_t> pause;     // per byte (+1): a pause before this byte
};

void make_shadow_into(const text::Normalized& n, Shadow& sh) {
    // Written by index into buffers sized for the worst case (no numeral run), then trimmed:
    // this runs once per utterance and per byte.
    const std::string& t = n.text;
    const std::size_t size = t.size();
    sh.text.resize(size);
    sh.to_norm.resize(size + 1);
    sh.pause.resize(size + 1);
    char* out = sh.text.data();
    std::uint32_t* to = sh.to_norm.data();
    std::uint8_t* pz = sh.pause.data();
    std::size_t o = 0;
    bool in_run = false;
    std::size_t i = 0;
    while (i < size) {
        const auto c = static_cast<unsigned char>(t[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = c;
        if (len == 3)
            cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(t[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(t[i + 2]) & 0x3Fu);
        const std::uint8_t paused = n.pause[i];
        if (is_numeral(cp)) {
            if (!in_run || paused) {
                out[o] = '#';
                to[o] = static_cast<std::uint32_t>(i);
                pz[o] = paused;
                ++o;
            }
            in_run = true;
        } else {
            for (std::size_t k = 0; k < len; ++k) {
                out[o] = t[i + k];
                to[o] = static_cast<std::uint32_t>(i + k);
                pz[o] = k == 0 ? paused : 0;
                ++o;
            }
            in_run = false;
        }
        i += len;
    }
    to[o] = static_cast<std::uint32_t>(size);
    pz[o] = n.pause[size];
    sh.text.resize(o);
    sh.to_norm.resize(o + 1);
    sh.pause.resize(o + 1);
}

Shadow make_shadow(const text::Normalized& n) {
    Shadow sh;
    make_shadow_into(n, sh);
    return sh;
}

// Byte length of the UTF-8 character starting with `lead` (valid text only).
std::size_t utf8_length(char lead) {
    const auto c = static_cast<unsigned char>(lead);
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

char32_t utf8_at(const std::string& s, std::size_t i, std::size_t len) {
    const auto b = [&](std::size_t k) {
        return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]));
    };
    switch (len) {
        case 1:
            return b(0);
        case 2:
            return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
        case 3:
            return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
        default:
            return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) |
                   (b(3) & 0x3F);
    }
}

}  // namespace

// ------------------------------------------------------------------------------- [compile]

namespace {

std::string trim(std::string_view s) {
    auto issp = [](char c) { return c == ' ' || c == '\t'; };
    while (!s.empty() && issp(s.front())) s.remove_prefix(1);
    while (!s.empty() && issp(s.back())) s.remove_suffix(1);
    return std::string(s);
}

// A phrase as written, cut at its gaps and slots: text, `…` (any distance), `{any}` (a short
// stretch in the clause), or `{name}` (one of the slot's words).
struct Token {
    enum Kind : std::uint8_t { Text, Far, Near, Slot } kind = Text;
    std::string text;                               // Text
    const std::vector<LexPhrase>* words = nullptr;  // Slot
};

constexpr std::size_t kMaxExpansions = limits::kMaxPatternExpansions;

// Splits `s` into tokens; an error message or "".
std::string tokenize(const std::string& s, const Lexicon& lex, std::vector<Token>& out) {
    static const std::string kGap = "\xE2\x80\xA6";  // …
    std::string text;
    auto flush = [&] {
        if (!text.empty()) out.push_back({Token::Text, std::move(text), nullptr});
        text.clear();
    };
    for (std::size_t i = 0; i < s.size();) {
        if (s.compare(i, kGap.size(), kGap) == 0) {
            flush();
            while (s.compare(i, kGap.size(), kGap) == 0) i += kGap.size();
            out.push_back({Token::Far, {}, nullptr});
            continue;
        }
        if (s[i] == '}') return "'}' without '{'; write a slot as {name}";
        if (s[i] != '{') {
            text += s[i++];
            continue;
        }
        const std::size_t close = s.find('}', i);
        if (close == std::string::npos) return "'{' without '}'; write a slot as {name}";
        const std::string name = s.substr(i + 1, close - i - 1);
        i = close + 1;
        flush();
        if (name == "any") {
            out.push_back({Token::Near, {}, nullptr});
            continue;
        }
        const auto it = std::find_if(lex.slots.begin(), lex.slots.end(),
                                     [&](const auto& kv) { return kv.first == name; });
        if (it == lex.slots.end()) {
            std::vector<std::string> known = {"any"};
            for (const auto& kv : lex.slots) known.push_back(kv.first);
            return "unknown slot {" + name + "}" + yaml::did_you_mean(name, known) +
                   " (define it under `slots:`)";
        }
        out.push_back({Token::Slot, {}, &it->second});
    }
    flush();
    return "";
}

// Fillers taken out of a loose key: the key's characters with their pause flags, and what was
// at the very start and end (they must be present as written).
struct Stripped {
    std::u32string chars;
    std::vector<bool> pause;  // before each kept character
    std::u32string lead, trail;
    std::u32string inner;  // between lead and trail, fillers included
};

Stripped strip_fillers(const Shadow& sh, const LexiconDetector::Impl& impl, bool first, bool last) {
    std::u32string all;
    std::vector<bool> pz;
    for (std::size_t p = 0; p < sh.text.size();) {
        const std::size_t len = utf8_length(sh.text[p]);
        all.push_back(utf8_at(sh.text, p, len));
        pz.push_back(p > 0 && sh.pause[p]);
        p += len;
    }
    Stripped out;
    std::size_t b = 0, e = all.size();
    if (first)
        while (b < e && impl.is_filler(all[b])) out.lead.push_back(all[b++]);
    if (last)
        while (e > b && impl.is_filler(all[e - 1])) out.trail.insert(out.trail.begin(), all[--e]);
    bool pending = false;
    out.inner.assign(all.begin() + static_cast<std::ptrdiff_t>(b),
                     all.begin() + static_cast<std::ptrdiff_t>(e));
    for (std::size_t k = b; k < e; ++k) {
        pending = pending || pz[k];
        if (impl.is_filler(all[k])) continue;
        out.chars.push_back(all[k]);
        out.pause.push_back(!out.chars.empty() && out.chars.size() > 1 && pending);
        pending = false;
    }
    return out;
}

std::string to_utf8(const std::u32string& s) {
    std::string out;
    char buf[4];
    for (char32_t c : s) out.append(buf, text::detail::encode_utf8(c, buf));
    return out;
}

struct Piece {
    std::string text;
    bool near = false;  // `{any}` before it (else `…`, or nothing for the first)
};

// One expansion (slots filled) into a rule's parts; an error message or "".
std::string compile_pieces(const std::vector<Piece>& pieces, bool at_start, bool at_end,
                           LexiconDetector::Impl& impl, Rule& rule) {
    if (pieces.size() > 8) return "too many '…'/{any} parts (at most 8)";
    std::vector<Shadow> shadows;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        std::string piece = pieces[i].text;
        for (char& c : piece)
            if (c == '#') c = '0';  // a numeral: the shadow turns it back into '#'
        const text::Normalized n = text::normalize(piece);
        if (n.text.empty())
            return pieces.size() > 1 ? "a part around '…' or {any} has no words; write text on "
                                       "both sides"
                                     : "phrase has no words once punctuation and spaces are "
                                       "removed; write the words to match";
        shadows.push_back(make_shadow(n));
    }
    // Loose (the meaning detection): every part without its fillers; a last part of one filler
    // becomes the rule's tail.
    std::vector<Stripped> stripped;
    std::size_t keyed = pieces.size();
    if (rule.loose) {
        for (std::size_t i = 0; i < shadows.size(); ++i) {
            const bool last = i + 1 == shadows.size();
            stripped.push_back(strip_fillers(shadows[i], impl, i == 0, last));
            if (!stripped.back().chars.empty()) continue;
            const Stripped& st = stripped.back();
            const std::u32string only = st.lead + st.inner + st.trail;
            if (!last || i == 0 || only.size() != 1)
                return "a part of only adverbs or particles can only be one character ending "
                       "the phrase after '…' or {any} (你问…吧); write words in it";
            rule.tail = only[0];
            rule.tail_near = pieces[i].near;
            keyed = i;
        }
    }
    for (std::size_t i = 0; i < keyed; ++i) {
        Part part;
        part.near = pieces[i].near;
        part.at_start = at_start && i == 0;
        part.at_end = at_end && i + 1 == pieces.size();
        if (rule.loose) {
            const Stripped& st = stripped[i];
            part.key = impl.automaton.key_id(to_utf8(st.chars));
            if (st.inner.size() != st.chars.size()) part.inner = st.inner;
            for (std::uint32_t k = 1; k < st.pause.size(); ++k)
                if (st.pause[k]) part.pauses_ok.push_back(k);
            if (i == 0) rule.lead = st.lead;
            if (i + 1 == keyed && !rule.tail) rule.trail = st.trail;
        } else {
            const Shadow& sh = shadows[i];
            part.key = impl.automaton.key_id(sh.text);
            std::uint32_t chars = 0;  // the matcher counts in characters of the shadow
            for (std::size_t p = 0; p < sh.text.size(); p += utf8_length(sh.text[p]), ++chars)
                if (p > 0 && sh.pause[p]) part.pauses_ok.push_back(chars);
        }
        rule.parts.push_back(std::move(part));
    }
    return "";
}

// Compiles one phrase (every expansion of its slots) into rules like `proto`; returns an error
// message or "".
std::string compile_phrase(const std::string& phrase, const Lexicon& lex, const Rule& proto,
                           LexiconDetector::Impl& impl) {
    if (!text::is_valid_utf8(phrase)) return "phrase is not valid UTF-8";
    std::string s = trim(phrase);
    bool at_start = false, at_end = false;
    if (!s.empty() && s.front() == '^') {
        at_start = true;
        s.erase(0, 1);
    }
    if (!s.empty() && s.back() == '$') {
        at_end = true;
        s.pop_back();
    }
    if (s.find('^') != std::string::npos || s.find('$') != std::string::npos)
        return "'^' may only start a phrase and '$' only end it";
    std::vector<Token> tokens;
    if (std::string err = tokenize(s, lex, tokens); !err.empty()) return err;
    std::size_t expansions = 1;
    for (const auto& t : tokens)
        if (t.kind == Token::Slot) {
            expansions *= t.words->size();
            if (expansions > kMaxExpansions)
                return "its slots make more than " + std::to_string(kMaxExpansions) +
                       " phrases; split it";
        }
    std::vector<std::size_t> pick(tokens.size(), 0);
    for (std::size_t x = 0; x < expansions; ++x) {
        std::vector<Piece> pieces(1);
        bool gap_first = false, gap_last = false;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const Token& t = tokens[i];
            if (t.kind == Token::Far || t.kind == Token::Near) {
                if (pieces.back().text.empty()) {
                    gap_first = gap_first || pieces.size() == 1;
                    if (pieces.size() > 1) return "two gaps in a row; write words between them";
                    continue;
                }
                pieces.push_back({{}, t.kind == Token::Near});
                gap_last = i + 1 == tokens.size();
                continue;
            }
            pieces.back().text += t.kind == Token::Text ? t.text : (*t.words)[pick[i]].text;
        }
        if (gap_first || gap_last) return "'…' and {any} join two parts; write words on both sides";
        Rule rule = proto;
        if (std::string err = compile_pieces(pieces, at_start, at_end, impl, rule); !err.empty())
            return err;
        impl.rules.push_back(std::move(rule));
        // Next combination of slot words (an odometer over the slot tokens).
        for (std::size_t i = tokens.size(); i-- > 0;) {
            if (tokens[i].kind != Token::Slot) continue;
            if (++pick[i] < tokens[i].words->size()) break;
            pick[i] = 0;
        }
    }
    return "";
}

int slot_of(const std::string& name, bool forbidden) {
    if (!forbidden) {
        for (std::size_t i = 0; i < enums::kActs.size(); ++i)
            if (enums::kActs[i] == name) return static_cast<int>(i);
    } else {
        for (std::size_t i = 0; i < enums::kForbidden.size(); ++i)
            if (enums::kForbidden[i] == name) return static_cast<int>(enums::kActs.size() + i);
    }
    return -1;
}

const std::string& key_text(const LexiconDetector::Impl& impl, const Part& part) {
    return impl.automaton.keys[part.key];
}

// An except phrase vetoes only matches lying inside it, so one that contains no phrase of its
// entry vetoes nothing: almost certainly a mistake in the file.
void warn_dead_excepts(const Lexicon& lexicon, const LexiconDetector::Impl& impl,
                       const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                       Diagnostics& diags) {
    std::size_t idx = 0;
    for (const auto& entry : lexicon.entries) {
        if (slot_of(entry.name, entry.forbidden) < 0) continue;
        const auto [first, end_phrases] = ranges[idx++];
        const auto [ex_first, ex_end] = ranges[idx++];
        for (std::size_t r = ex_first; r < ex_end; ++r) {
            const Rule& ex = impl.rules[r];
            if (ex.parts.size() != 1 || ex.tail) continue;  // a gapped veto spans what is between
            bool live = false;
            for (std::size_t k = first; k < end_phrases && !live; ++k) {
                const Rule& pr = impl.rules[k];
                for (const auto& pp : pr.parts)
                    if (key_text(impl, ex.parts[0]).find(key_text(impl, pp)) != std::string::npos)
                        live = true;
            }
            if (!live) {
                const LexPhrase* ph = nullptr;
                for (const auto& e : entry.except)
                    if (e.text == impl.phrase_text[ex.phrase]) ph = &e;
                if (ph)
                    diags.warning(lexicon.file, ph->pos,
                                  "except '" + ph->text + "' contains no phrase of '" + entry.name +
                                      "', so it vetoes nothing; make it a longer "
                                      "form of one");
                // One warning per except phrase, not per expansion.
                while (r + 1 < ex_end && impl.rules[r + 1].phrase == ex.phrase) ++r;
            }
        }
    }
}

// ---------------------------------------------------------------------------------- [build]

// users → per state, the uses of every key ending there (flat records for the hot path).
void flatten_uses(LexiconDetector::Impl& impl, Automaton& a) {
    std::vector<std::uint32_t> use_begin;
    std::vector<Use> uses;
    for (const auto& list : a.users) {
        use_begin.push_back(static_cast<std::uint32_t>(uses.size()));
        for (const auto& [r, p] : list) {
            const Rule& rule = impl.rules[r];
            const Part& part = rule.parts[p];
            Use u;
            u.rule = r;
            u.entry = rule.entry;
            u.kind = rule.kind;
            u.part = p;
            u.multi = rule.parts.size() > 1 || rule.tail;
            u.slot = impl.first_slot[r] + p;
            u.at_start = part.at_start;
            u.at_end = part.at_end;
            u.pauses_begin = static_cast<std::uint32_t>(impl.pauses.size());
            impl.pauses.insert(impl.pauses.end(), part.pauses_ok.begin(), part.pauses_ok.end());
            u.pauses_end = static_cast<std::uint32_t>(impl.pauses.size());
            u.plain = !u.at_start && !u.at_end && u.pauses_begin == u.pauses_end;
            u.edges = !rule.lead.empty() || !rule.trail.empty();
            u.inner = !part.inner.empty();
            u.last = p + 1u == rule.parts.size();
            uses.push_back(u);
        }
    }
    use_begin.push_back(static_cast<std::uint32_t>(uses.size()));
    a.list_use_begin.clear();
    a.list_uses.clear();
    for (std::uint32_t st = 0; st < a.ac.list_count(); ++st) {  // per list of keys found
        a.list_use_begin.push_back(static_cast<std::uint32_t>(a.list_uses.size()));
        for (const std::uint32_t* k = a.ac.outputs_begin(st); k != a.ac.outputs_end(st); ++k) {
            for (std::uint32_t x = use_begin[*k]; x < use_begin[*k + 1]; ++x) {
                Use u = uses[x];
                u.key_length = static_cast<std::uint32_t>(a.ac.key_length(*k));
                a.list_uses.push_back(u);
            }
        }
    }
    a.list_use_begin.push_back(static_cast<std::uint32_t>(a.list_uses.size()));
    a.users.clear();
    a.key_index.clear();
}

// Symbols for the characters of the keys, the keys as symbol sequences, and the automaton.
// False if the keys use more distinct characters than the symbols allow. The characters the
// keys use most get the smallest symbols (ties: in order of first use).
bool build_automaton(LexiconDetector::Impl& impl) {
    using Impl = LexiconDetector::Impl;
    Automaton& a = impl.automaton;
    std::vector<char32_t> chars;  // in order of first use
    std::unordered_map<char32_t, std::uint32_t> uses;
    for (const std::string& key : a.keys) {
        for (std::size_t i = 0; i < key.size();) {
            const std::size_t len = utf8_length(key[i]);
            const char32_t cp = utf8_at(key, i, len);
            if (uses[cp]++ == 0) chars.push_back(cp);
            i += len;
        }
    }
    if (chars.size() >= Impl::kNumeral - 2) return false;  // 32766 distinct characters
    std::stable_sort(chars.begin(), chars.end(),
                     [&](char32_t x, char32_t y) { return uses[x] > uses[y]; });
    // The fillers share one symbol, which the automaton reads past (the first).
    const bool fillers =
        std::find(impl.filler_bmp.begin(), impl.filler_bmp.end(), true) != impl.filler_bmp.end();
    std::uint16_t next = 1;
    if (fillers) impl.filler = next++;
    for (char32_t cp : chars)
        (cp < 0x10000 ? impl.symbols[cp] : impl.symbols_astral[cp]) = next++;
    std::vector<std::vector<std::uint16_t>> seqs(a.keys.size());
    for (std::size_t k = 0; k < a.keys.size(); ++k) {
        const std::string& key = a.keys[k];
        for (std::size_t i = 0; i < key.size();) {
            const std::size_t len = utf8_length(key[i]);
            seqs[k].push_back(impl.symbol_of(utf8_at(key, i, len)));
            i += len;
        }
    }
    a.ac = text::SymbolAhoCorasick(seqs, next, fillers ? impl.filler : 0);
    for (std::uint32_t r = 0; r < impl.rules.size(); ++r) {
        const Rule& rule = impl.rules[r];
        for (std::uint8_t p = 0; p < rule.parts.size(); ++p)
            a.users[rule.parts[p].key].emplace_back(r, p);
    }
    flatten_uses(impl, a);
    return true;
}

// Numerals read as '#' (symbol 0 when no key uses one); the fillers are skipped.
void finish_symbols(LexiconDetector::Impl& impl) {
    using Impl = LexiconDetector::Impl;
    const std::uint16_t hash = impl.symbols['#'];
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
        std::uint16_t& s = impl.symbols[cp];
        if (is_numeral(cp)) s = static_cast<std::uint16_t>(Impl::kNumeral | hash);
        if (impl.filler_bmp[cp]) s = impl.filler;
    }
    const std::vector<std::uint32_t>& fold = text::detail::fold_table().bmp;
    impl.fold_symbols.assign(0x10000, Impl::kFoldSpecial);
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
        const std::uint32_t f = fold[cp];
        if (f >= 0x10000) continue;  // flags or past the BMP: the fold table's path
        const std::uint32_t fs = (std::uint32_t{impl.symbols[f]} << 16) | f;
        if (fs != Impl::kFoldSpecial) impl.fold_symbols[cp] = fs;
    }
}

}  // namespace

std::string_view reading_name(Reading r) {
    switch (r) {
        case Reading::Own:
            return "own";
        case Reading::Negated:
            return "negated";
        case Reading::Quoted:
            return "quoted";
        case Reading::Reported:
            return "reported";
    }
    return "own";
}

LexiconDetector::LexiconDetector(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LexiconDetector::~LexiconDetector() = default;

std::unique_ptr<LexiconDetector> LexiconDetector::build(const Lexicon& lexicon, Diagnostics& diags,
                                                        Detection detection) {
    auto impl = std::make_unique<Impl>();
    impl->version = lexicon.version;
    impl->detection = detection;
    const bool meaning = detection == Detection::Meaning;
    for (auto a : enums::kActs) {
        impl->names.emplace_back(a);
        impl->forbidden.push_back(false);
    }
    for (auto f : enums::kForbidden) {
        impl->names.emplace_back(f);
        impl->forbidden.push_back(true);
    }
    impl->first_marker = static_cast<std::uint16_t>(impl->names.size());
    for (const char* m : {"negator", "speech", "reporter", "addressee", "first-person",
                          "impatience", "not-negator"}) {
        impl->names.emplace_back(m);
        impl->forbidden.push_back(false);
    }
    const std::size_t entries = impl->first_marker;
    auto flags = [&](const std::vector<std::string>& acts, bool families) {
        std::vector<std::uint8_t> v(entries, 0);
        for (std::size_t i = 0; i < entries; ++i)
            v[i] = (families && impl->forbidden[i]) ||
                   std::find(acts.begin(), acts.end(), impl->names[i]) != acts.end();
        return v;
    };
    impl->negatable = flags(lexicon.meaning.negatable, true);
    impl->own_voice = flags(lexicon.meaning.own_voice, true);
    impl->courtesy = flags(lexicon.meaning.courtesy, false);
    impl->vague = flags(lexicon.meaning.vague, false);
    // The phrase detection reads the lists literally: no fillers, no patterns, no {…}.
    static const LexMeaning kNone;
    const LexMeaning& m = meaning ? lexicon.meaning : kNone;
    impl->families.emplace_back();
    impl->symbols.assign(0x10000, 0);
    impl->filler_bmp.assign(0x10000, false);
    for (const auto& f : m.fillers) {
        const std::string n = text::normalize(f.text).text;
        if (n.size() == 3) impl->filler_bmp[utf8_at(n, 0, 3)] = true;
    }

    const std::size_t errors_before = diags.error_count();
    std::vector<std::pair<std::size_t, std::size_t>> ranges;  // per entry: phrases, excepts
    auto add = [&](const std::vector<LexPhrase>& list, std::uint16_t entry, RuleKind kind,
                   bool loose) {
        for (const auto& ph : list) {
            if (!meaning && (!ph.family.empty() || ph.text.find('{') != std::string::npos))
                continue;
            Rule proto;
            proto.entry = entry;
            proto.kind = kind;
            proto.loose = loose;
            proto.phrase = static_cast<std::uint32_t>(impl->phrase_text.size());
            impl->phrase_text.push_back(ph.text);
            if (!ph.family.empty()) {
                auto it = std::find(impl->families.begin(), impl->families.end(), ph.family);
                proto.family = static_cast<std::uint16_t>(it - impl->families.begin());
                if (it == impl->families.end()) impl->families.push_back(ph.family);
            }
            const std::string err = compile_phrase(ph.text, lexicon, proto, *impl);
            if (!err.empty()) diags.error(lexicon.file, ph.pos, "'" + ph.text + "': " + err);
        }
    };
    for (const auto& entry : lexicon.entries) {
        const int slot = slot_of(entry.name, entry.forbidden);
        if (slot < 0) {
            diags.error(lexicon.file, {},
                        "unknown " + std::string(entry.forbidden ? "forbidden family" : "act") +
                            " '" + entry.name + "'; use one of the fixed names (DESIGN §4)");
            continue;
        }
        const auto id = static_cast<std::uint16_t>(slot);
        const std::size_t first = impl->rules.size();
        add(entry.phrases, id, RuleKind::Strong, meaning);
        add(entry.weak, id, RuleKind::Weak, meaning);
        const std::size_t excepts = impl->rules.size();
        add(entry.except, id, RuleKind::Except, meaning);
        ranges.emplace_back(first, excepts);
        ranges.emplace_back(excepts, impl->rules.size());
    }
    // In the order of MarkerKind.
    const std::array<const std::vector<LexPhrase>*, 7> markers = {
        &m.negators,     &m.speech,     &m.reporters,   &m.addressee,
        &m.first_person, &m.impatience, &m.not_negators};
    static_assert(markers.size() == static_cast<std::size_t>(MarkerKind::Count));
    for (std::size_t k = 0; k < markers.size(); ++k) {
        const auto kind = static_cast<MarkerKind>(k);
        if (kind == MarkerKind::Reporter || kind == MarkerKind::Addressee ||
            kind == MarkerKind::FirstPerson) {
            for (const auto& ph : *markers[k]) {
                const std::string n = make_shadow(text::normalize(ph.text)).text;
                std::u32string w;
                for (std::size_t i = 0; i < n.size(); i += utf8_length(n[i]))
                    w.push_back(utf8_at(n, i, utf8_length(n[i])));
                if (w.empty()) {
                    diags.error(lexicon.file, ph.pos,
                                "'" + ph.text + "': a meaning word needs words, not marks");
                    continue;
                }
                impl->subjects[w.back()].push_back({std::move(w), kind});
            }
            continue;
        }
        add(*markers[k], static_cast<std::uint16_t>(impl->first_marker + k), RuleKind::Marker,
            meaning);
    }
    for (std::size_t r = 0; r < impl->rules.size(); ++r) {
        const Rule& rule = impl->rules[r];
        if (rule.kind == RuleKind::Marker && (rule.parts.size() > 1 || rule.tail))
            diags.error(lexicon.file, {},
                        "'" + impl->phrase_text[rule.phrase] +
                            "': a meaning word is plain text, without '…' or {any}");
    }
    if (diags.error_count() > errors_before) return nullptr;
    if (meaning) warn_dead_excepts(lexicon, *impl, ranges, diags);  // once: it sees every phrase
    impl->first_slot.assign(impl->rules.size(), 0);
    for (std::size_t r = 0; r < impl->rules.size(); ++r) {
        if (impl->rules[r].parts.size() < 2 && !impl->rules[r].tail) continue;
        impl->first_slot[r] = impl->multi_slots;
        impl->multi_slots += static_cast<std::uint32_t>(impl->rules[r].parts.size());
    }
    if (!build_automaton(*impl)) {
        diags.error(lexicon.file, {},
                    "the phrases use more than 32766 distinct characters; split the lexicon");
        return nullptr;
    }
    finish_symbols(*impl);
    impl->rule_text.reserve(impl->rules.size());
    for (const Rule& rule : impl->rules)
        impl->rule_text.push_back({impl->phrase_text[rule.phrase], impl->families[rule.family]});
    std::unique_ptr<LexiconDetector> det(new LexiconDetector(std::move(impl)));
    if (!meaning) {
        det->meaning_ = build(lexicon, diags, Detection::Meaning);
        if (!det->meaning_) return nullptr;
    }
    return det;
}

Detection LexiconDetector::detection() const {
    return impl_->detection;
}
const LexiconDetector& LexiconDetector::meaning() const {
    return meaning_ ? *meaning_ : *this;
}

int LexiconDetector::version() const {
    return impl_->version;
}
std::string LexiconDetector::identity() const {
    return std::string(detection_name(impl_->detection)) + "/v" + std::to_string(impl_->version);
}

std::string_view detection_name(Detection d) {
    return d == Detection::Meaning ? "meaning" : "phrases";
}

std::optional<Detection> detection_of_identity(std::string_view identity) {
    const std::string_view name = identity.substr(0, identity.find('/'));
    for (const Detection d : {Detection::Phrases, Detection::Meaning})
        if (name == detection_name(d)) return d;
    return std::nullopt;
}
std::vector<std::string> LexiconDetector::pattern_keys() const {
    return impl_->automaton.keys;
}
std::size_t LexiconDetector::state_count() const {
    return impl_->automaton.ac.state_count();
}

// --------------------------------------------------------------------------------- [load]

std::optional<Lexicon> parse_lexicon(std::string_view yaml_text, const std::string& file,
                                     Diagnostics& diags) {
    const std::size_t errors_before = diags.error_count();
    auto doc = yaml::parse_text(yaml_text, file, diags);
    if (!doc) return std::nullopt;
    yaml::Reader r(*doc, diags);
    Lexicon lex;
    lex.file = file;
    const YAML::Node& root = doc->root();
    if (!r.expect_map(root, "lexicon")) return std::nullopt;
    yaml::Fields top(r, root, "lexicon", kTopKeys);
    if (top.require("version"))
        if (auto v = r.integer(top, "version", 1, 1'000'000)) lex.version = static_cast<int>(*v);
    if (top.require("acts")) read_entries(r, *top.get("acts"), false, enums::kActs, lex);
    if (top.require("forbidden"))
        read_entries(r, *top.get("forbidden"), true, enums::kForbidden, lex);
    if (const auto* s = top.get("slots")) read_slots(r, *s, lex);
    if (const auto* m = top.get("meaning")) read_meaning(r, *m, lex.meaning);
    if (const auto* m = top.get("mood"))
        read_mood(r, *m, lex.mood);
    else
        r.warning(top.pos(), "no `mood:` section: the built-in mood parameters are used");
    if (r.failed() || diags.error_count() > errors_before) return std::nullopt;
    return lex;
}

std::optional<Lexicon> read_lexicon(const std::string& path, Diagnostics& diags) {
    auto text = yaml::read_file_text(path, diags);
    if (!text) return std::nullopt;
    return parse_lexicon(*text, path, diags);
}

std::optional<LoadedLexicon> load_lexicon(const std::string& path, Diagnostics& diags,
                                          Detection detection) {
    auto lex = read_lexicon(path, diags);
    if (!lex) return std::nullopt;
    auto det = LexiconDetector::build(*lex, diags, detection);
    if (!det) return std::nullopt;
    LoadedLexicon out;
    out.version = lex->version;
    out.mood = lex->mood;
    out.detector = std::move(det);
    return out;
}

}  // namespace dd
