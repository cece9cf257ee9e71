// The lexicon and its detector. Sections: [parse] reading lexicon.yaml through the safe YAML
// reader, [shadow] the matcher's view of a normalised text (numeral runs → '#'), [compile]
// phrases → automaton keys and rules, [detect] one pass that normalises, builds the shadow and
// runs the automaton together (over characters, not bytes), then vetoes and the result,
// [load] lexicon.yaml → Lexicon → detector.
#include "lexicon.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <unordered_map>

#include "aho_corasick.h"
#include "fold.h"
#include "normalize.h"
#include "common/yaml/yaml_safe.h"
#include "sim/model/enums.h"
#include "sim/model/verbs.h"

namespace dd {

namespace {

// --------------------------------------------------------------------------------- [parse]

constexpr std::array<std::string_view, 4> kTopKeys = {"version", "acts", "forbidden", "mood"};
constexpr std::array<std::string_view, 3> kEntryKeys = {"phrases", "weak", "except"};
constexpr std::array<std::string_view, 7> kMoodKeys = {
    "act_effect", "action_effect",   "wait_step",   "wait_every",
    "ring_step",  "rings_tolerated", "temper_scale"};

std::vector<LexPhrase> read_phrases(yaml::Reader& r, const yaml::Fields& f, std::string_view key,
                                    const std::string& owner) {
    std::vector<LexPhrase> out;
    const YAML::Node* n = f.get(key);
    if (!n) return out;
    const std::string what = owner + " " + std::string(key);
    if (n->IsNull()) return out;  // `except:` left empty
    if (!r.expect_list(*n, what)) return out;
    for (const auto& item : *n) {
        auto s = r.string(item, what);
        if (!s) continue;
        if (s->empty()) {
            r.error(item, "empty phrase in " + what + "; remove it or write the words");
            continue;
        }
        out.push_back({std::move(*s), r.pos(item)});
    }
    return out;
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

bool is_numeral(char32_t cp) {
    if (cp >= '0' && cp <= '9') return true;
    switch (cp) {
        case U'零':
        case U'〇':
        case U'一':
        case U'二':
        case U'三':
        case U'四':
        case U'五':
        case U'六':
        case U'七':
        case U'八':
        case U'九':
        case U'十':
        case U'两':
        case U'半':
        case U'百':
        case U'千':
            return true;
        default:
            return false;
    }
}

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

enum class RuleKind : std::uint8_t { Strong, Weak, Except };

struct Part {
    std::uint32_t key = 0;
    std::vector<std::uint32_t> pauses_ok;  // character offsets inside the key where a pause may be
    bool at_start = false;                 // `^`
    bool at_end = false;                   // `$`
};

struct Rule {
    std::uint16_t entry = 0;
    RuleKind kind = RuleKind::Strong;
    std::vector<Part> parts;
};

// One use of a key: part `part` of rule `rule`, with what the matcher checks copied in, so a
// hit reads one flat record (28 bytes).
struct Use {
    std::uint32_t rule = 0;
    std::uint32_t slot = 0;  // if multi: this part's slot in the per-utterance earliest ends
    std::uint32_t pauses_begin = 0;  // Part::pauses_ok, in LexiconDetector::Impl::pauses
    std::uint32_t pauses_end = 0;
    std::uint32_t key_length = 0;  // in characters
    std::uint16_t entry = 0;
    RuleKind kind = RuleKind::Strong;
    std::uint8_t part = 0;
    bool multi = false;  // the rule has several parts (…): its hits are chained afterwards
    bool at_start = false;
    bool at_end = false;
    bool plain = false;  // no anchors and no pause allowed inside
};

struct LexiconDetector::Impl {
    int version = 0;
    // Fixed slots: the acts in enums::kActs order, then the families in kForbidden order, so
    // results come out in the documented order.
    std::vector<std::string> names;
    std::vector<bool> forbidden;
    std::vector<Rule> rules;
    std::vector<std::string> keys;  // in the shadow's bytes (what pattern_keys() gives)
    // While building: key → (rule, part), then the same as flat records (per key +1).
    std::vector<std::vector<std::pair<std::uint32_t, std::uint8_t>>> users;
    std::vector<std::uint32_t> use_begin;
    std::vector<Use> uses;
    std::vector<std::uint32_t> pauses;  // Use::pauses_begin/end index this
    std::uint32_t multi_slots = 0;      // parts of gapped rules, numbered rule by rule
    // Per automaton state (+1): the uses of every key ending there, in the order of the
    // automaton's outputs, so a hit reads one run of records.
    std::vector<std::uint32_t> state_use_begin;
    std::vector<Use> state_uses;

    // The automaton runs over characters, each mapped to a symbol: 1.. for the characters the
    // keys use, 0 for all the others. Indexed by the folded code point; kNumeral marks the
    // numerals, which the shadow turns into runs of '#' (their symbol is that of '#').
    static constexpr std::uint16_t kNumeral = 0x8000;
    std::vector<std::uint16_t> symbol_bmp;                      // 0x10000 entries
    std::unordered_map<char32_t, std::uint16_t> symbol_astral;  // none in the shipped lexicon
    text::SymbolAhoCorasick ac;

    std::uint16_t symbol_of(char32_t cp) const {
        if (cp < 0x10000) return symbol_bmp[cp];
        const auto it = symbol_astral.find(cp);
        return it == symbol_astral.end() ? 0 : it->second;
    }

    std::unordered_map<std::string, std::uint32_t> key_index;  // while building

    std::uint32_t key_id(const std::string& k) {
        auto [it, fresh] = key_index.emplace(k, static_cast<std::uint32_t>(keys.size()));
        if (fresh) {
            keys.push_back(k);
            users.emplace_back();
        }
        return it->second;
    }
};

namespace {

std::string trim(std::string_view s) {
    auto issp = [](char c) { return c == ' ' || c == '\t'; };
    while (!s.empty() && issp(s.front())) s.remove_prefix(1);
    while (!s.empty() && issp(s.back())) s.remove_suffix(1);
    return std::string(s);
}

// Compiles one phrase into `rule.parts`; returns an error message or "".
std::string compile_phrase(const std::string& phrase, LexiconDetector::Impl& impl, Rule& rule) {
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
    // Split at runs of U+2026 (… or ……).
    static const std::string kGap = "\xE2\x80\xA6";
    std::vector<std::string> pieces;
    std::size_t pos = 0;
    while (true) {
        const std::size_t g = s.find(kGap, pos);
        pieces.push_back(s.substr(pos, g == std::string::npos ? std::string::npos : g - pos));
        if (g == std::string::npos) break;
        pos = g + kGap.size();
        while (s.compare(pos, kGap.size(), kGap) == 0) pos += kGap.size();
    }
    if (pieces.size() > 8) return "too many '…' parts (at most 8)";
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        std::string piece = pieces[i];
        for (char& c : piece)
            if (c == '#') c = '0';  // a numeral: the shadow turns it back into '#'
        const text::Normalized n = text::normalize(piece);
        if (n.text.empty())
            return pieces.size() > 1 ? "a part around '…' has no words; write text on both sides"
                                     : "phrase has no words once punctuation and spaces are "
                                       "removed; write the words to match";
        const Shadow sh = make_shadow(n);
        Part part;
        part.key = impl.key_id(sh.text);
        std::uint32_t chars = 0;  // the matcher counts in characters of the shadow
        for (std::size_t p = 0; p < sh.text.size(); p += utf8_length(sh.text[p]), ++chars)
            if (p > 0 && sh.pause[p]) part.pauses_ok.push_back(chars);
        part.at_start = at_start && i == 0;
        part.at_end = at_end && i + 1 == pieces.size();
        rule.parts.push_back(std::move(part));
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

// An except phrase vetoes only matches lying inside it, so one that contains no phrase of its
// entry vetoes nothing: almost certainly a mistake in the file.
void warn_dead_excepts(const Lexicon& lexicon, const LexiconDetector::Impl& impl,
                       Diagnostics& diags) {
    std::size_t r = 0;  // rules were added entry by entry, phrases in file order
    for (const auto& entry : lexicon.entries) {
        if (slot_of(entry.name, entry.forbidden) < 0) continue;
        const std::size_t first = r;
        const std::size_t count = entry.phrases.size() + entry.weak.size();
        r += count;
        for (const auto& ph : entry.except) {
            const Rule& ex = impl.rules[r++];
            if (ex.parts.size() > 1) continue;  // a gapped veto spans whatever lies between
            bool live = false;
            for (std::size_t k = first; k < first + count && !live; ++k)
                for (const auto& pp : impl.rules[k].parts)
                    for (const auto& ep : ex.parts)
                        if (impl.keys[ep.key].find(impl.keys[pp.key]) != std::string::npos)
                            live = true;
            if (!live)
                diags.warning(lexicon.file, ph.pos,
                              "except '" + ph.text + "' contains no phrase of '" + entry.name +
                                  "', so it vetoes nothing; make it a longer form of one");
        }
    }
}

// users → use_begin/uses/pauses (flat arrays for the hot path).
void flatten_uses(LexiconDetector::Impl& impl) {
    impl.use_begin.clear();
    impl.uses.clear();
    impl.pauses.clear();
    std::vector<std::uint32_t> first_slot(impl.rules.size(), 0);
    impl.multi_slots = 0;
    for (std::size_t r = 0; r < impl.rules.size(); ++r) {
        if (impl.rules[r].parts.size() < 2) continue;
        first_slot[r] = impl.multi_slots;
        impl.multi_slots += static_cast<std::uint32_t>(impl.rules[r].parts.size());
    }
    for (const auto& list : impl.users) {
        impl.use_begin.push_back(static_cast<std::uint32_t>(impl.uses.size()));
        for (const auto& [r, p] : list) {
            const Rule& rule = impl.rules[r];
            const Part& part = rule.parts[p];
            Use u;
            u.rule = r;
            u.entry = rule.entry;
            u.kind = rule.kind;
            u.part = p;
            u.multi = rule.parts.size() > 1;
            u.slot = first_slot[r] + p;
            u.at_start = part.at_start;
            u.at_end = part.at_end;
            u.pauses_begin = static_cast<std::uint32_t>(impl.pauses.size());
            impl.pauses.insert(impl.pauses.end(), part.pauses_ok.begin(), part.pauses_ok.end());
            u.pauses_end = static_cast<std::uint32_t>(impl.pauses.size());
            u.plain = !u.at_start && !u.at_end && u.pauses_begin == u.pauses_end;
            impl.uses.push_back(u);
        }
    }
    impl.use_begin.push_back(static_cast<std::uint32_t>(impl.uses.size()));
}

// Symbols for the characters of the keys (in order of first use), the keys as symbol
// sequences, and the automaton over them. False if the keys use more distinct characters
// than 16-bit symbols allow.
bool build_automaton(LexiconDetector::Impl& impl) {
    using Impl = LexiconDetector::Impl;
    impl.symbol_bmp.assign(0x10000, 0);
    std::uint32_t next = 1;
    auto symbol = [&](char32_t cp) -> std::uint16_t {
        std::uint16_t& slot = cp < 0x10000 ? impl.symbol_bmp[cp] : impl.symbol_astral[cp];
        if (slot == 0) slot = static_cast<std::uint16_t>(next++);
        return slot;
    };
    std::vector<std::vector<std::uint16_t>> seqs(impl.keys.size());
    for (std::size_t k = 0; k < impl.keys.size(); ++k) {
        const std::string& key = impl.keys[k];
        for (std::size_t i = 0; i < key.size();) {
            const std::size_t len = utf8_length(key[i]);
            seqs[k].push_back(symbol(utf8_at(key, i, len)));
            i += len;
        }
        if (next >= Impl::kNumeral) return false;  // 32767 distinct characters
    }
    // Numerals read as '#' (whose symbol is 0 when no key uses one).
    const std::uint16_t hash = impl.symbol_bmp['#'];
    for (char32_t cp = 0; cp < 0x10000; ++cp)
        if (is_numeral(cp)) impl.symbol_bmp[cp] = Impl::kNumeral | hash;
    impl.ac = text::SymbolAhoCorasick(seqs, next);

    impl.state_use_begin.clear();
    impl.state_uses.clear();
    for (std::uint32_t st = 0; st < impl.ac.state_count(); ++st) {
        impl.state_use_begin.push_back(static_cast<std::uint32_t>(impl.state_uses.size()));
        for (const std::uint32_t* k = impl.ac.outputs_begin(st); k != impl.ac.outputs_end(st);
             ++k) {
            for (std::uint32_t x = impl.use_begin[*k]; x < impl.use_begin[*k + 1]; ++x) {
                Use u = impl.uses[x];
                u.key_length = static_cast<std::uint32_t>(impl.ac.key_length(*k));
                impl.state_uses.push_back(u);
            }
        }
    }
    impl.state_use_begin.push_back(static_cast<std::uint32_t>(impl.state_uses.size()));
    impl.users.clear();
    impl.use_begin.clear();
    impl.uses.clear();
    return true;
}

}  // namespace

LexiconDetector::LexiconDetector(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LexiconDetector::~LexiconDetector() = default;

std::unique_ptr<LexiconDetector> LexiconDetector::build(const Lexicon& lexicon,
                                                        Diagnostics& diags) {
    auto impl = std::make_unique<Impl>();
    impl->version = lexicon.version;
    for (auto a : enums::kActs) {
        impl->names.emplace_back(a);
        impl->forbidden.push_back(false);
    }
    for (auto f : enums::kForbidden) {
        impl->names.emplace_back(f);
        impl->forbidden.push_back(true);
    }
    const std::size_t errors_before = diags.error_count();
    for (const auto& entry : lexicon.entries) {
        const int slot = slot_of(entry.name, entry.forbidden);
        if (slot < 0) {
            diags.error(lexicon.file, {},
                        "unknown " + std::string(entry.forbidden ? "forbidden family" : "act") +
                            " '" + entry.name + "'; use one of the fixed names (DESIGN §4)");
            continue;
        }
        auto add = [&](const std::vector<LexPhrase>& list, RuleKind kind) {
            for (const auto& ph : list) {
                Rule rule;
                rule.entry = static_cast<std::uint16_t>(slot);
                rule.kind = kind;
                const std::string err = compile_phrase(ph.text, *impl, rule);
                if (!err.empty()) {
                    diags.error(lexicon.file, ph.pos, "'" + ph.text + "': " + err);
                    continue;
                }
                impl->rules.push_back(std::move(rule));
            }
        };
        add(entry.phrases, RuleKind::Strong);
        add(entry.weak, RuleKind::Weak);
        add(entry.except, RuleKind::Except);
    }
    if (diags.error_count() > errors_before) return nullptr;
    warn_dead_excepts(lexicon, *impl, diags);
    for (std::uint32_t r = 0; r < impl->rules.size(); ++r)
        for (std::uint8_t p = 0; p < impl->rules[r].parts.size(); ++p)
            impl->users[impl->rules[r].parts[p].key].emplace_back(r, p);
    flatten_uses(*impl);
    if (!build_automaton(*impl)) {
        diags.error(lexicon.file, {},
                    "the phrases use more than 32766 distinct characters; split the lexicon");
        return nullptr;
    }
    impl->key_index.clear();
    return std::unique_ptr<LexiconDetector>(new LexiconDetector(std::move(impl)));
}

int LexiconDetector::version() const {
    return impl_->version;
}
std::vector<std::string> LexiconDetector::pattern_keys() const {
    return impl_->keys;
}
std::size_t LexiconDetector::state_count() const {
    return impl_->ac.state_count();
}

// -------------------------------------------------------------------------------- [detect]

namespace {

struct Hit {
    std::uint32_t rule;
    std::uint8_t part;
    std::uint32_t begin;
    std::uint32_t end;
};

struct Found {
    std::uint16_t entry;
    RuleKind kind;
    std::uint32_t begin;
    std::uint32_t end;
};

// The utterance as the matcher reads it, in characters of the shadow (a numeral run is one
// '#'): per character the pause before it and where it lies in the normalised text and in the
// input, one more entry at the end (text size, final pause); the normalised text; and where
// the automaton passed states at which keys end.
struct Chars {
    struct KeysEnd {
        std::uint32_t state;  // of the automaton
        std::uint32_t end;    // one past the character where the keys end
    };
    std::string text;  // the normalised text (bytes [0, bytes))
    std::vector<std::uint8_t> pause;
    std::vector<std::uint32_t> pauses_upto;  // pauses before characters 0..i (a prefix count)
    std::vector<std::uint32_t> norm;         // byte offset in the normalised text
    std::vector<std::uint32_t> src_begin;    // input range: of its first normalised character
    std::vector<std::uint32_t> src_end;      // ... and of its last
    std::vector<KeysEnd> hits;               // [0, nhits), in order of end
    std::size_t bytes = 0;
    std::size_t count = 0;
    std::size_t nhits = 0;

    // Grows (never shrinks) the buffers to hold `bytes` bytes of text, as many characters
    // (+1 for the end entry) and hits.
    void ensure(std::size_t n) {
        if (text.size() >= n) return;
        text.resize(n);
        pause.resize(n + 1);
        pauses_upto.resize(n + 1);
        norm.resize(n + 1);
        src_begin.resize(n + 1);
        src_end.resize(n + 1);
        hits.resize(n + 1);
    }
};

// Builds Chars from the normalised characters as text::detail::normalize_chars hands them
// over: normalisation, the shadow, the symbol mapping and the automaton in one pass (its chain
// of table lookups then overlaps the decoding), into buffers that only ever grow (a thread's
// scratch), so a detection allocates nothing once warm.
class CharsSink {
  public:
    CharsSink(Chars& c, const LexiconDetector::Impl& im, std::size_t expected)
        : c_(c), im_(im), bmp_(im.symbol_bmp.data()), ac_(im.ac) {
        ensure(expected + 8);
    }

    void reset() {
        c_.bytes = 0;
        c_.count = 0;
        c_.nhits = 0;
        in_run_ = false;
        state_ = 0;
        pauses_ = 0;
    }

    void keep(char32_t cp, std::uint32_t off, std::uint32_t len, bool paused) {
        std::size_t o = c_.bytes;
        if (o + 4 > cap_) ensure(2 * cap_ + 16);
        c_.bytes = o + text::detail::encode_utf8(cp, text_ + o);
        const std::uint16_t sym = cp < 0x10000 ? bmp_[cp] : im_.symbol_of(cp);
        const bool numeral = (sym & LexiconDetector::Impl::kNumeral) != 0;
        if (numeral && in_run_ && !paused) {
            src_end_[c_.count - 1] = off + len;  // the run goes on
            return;
        }
        const std::size_t u = c_.count++;
        state_ =
            ac_.step(state_, static_cast<std::uint16_t>(sym & ~LexiconDetector::Impl::kNumeral));
        if (state_ & text::SymbolAhoCorasick::kHit) {
            state_ &= ~text::SymbolAhoCorasick::kHit;
            c_.hits[c_.nhits++] = {state_, static_cast<std::uint32_t>(u + 1)};
        }
        pause_[u] = paused ? 1 : 0;
        pauses_ += paused ? 1 : 0;
        pauses_upto_[u] = pauses_;
        norm_[u] = static_cast<std::uint32_t>(o);
        src_begin_[u] = off;
        src_end_[u] = off + len;
        in_run_ = numeral;
    }

    void finish(bool pending_pause) {
        norm_[c_.count] = static_cast<std::uint32_t>(c_.bytes);
        pause_[c_.count] = pending_pause ? 1 : 0;
    }

  private:
    // Characters (and hits) never outnumber bytes, so one capacity serves all.
    void ensure(std::size_t bytes) {
        c_.ensure(bytes);
        cap_ = c_.text.size();
        text_ = c_.text.data();
        pause_ = c_.pause.data();
        pauses_upto_ = c_.pauses_upto.data();
        norm_ = c_.norm.data();
        src_begin_ = c_.src_begin.data();
        src_end_ = c_.src_end.data();
    }

    Chars& c_;
    const LexiconDetector::Impl& im_;
    const std::uint16_t* bmp_;
    const text::SymbolAhoCorasick& ac_;
    std::uint32_t state_ = 0;
    bool in_run_ = false;
    std::size_t cap_ = 0;
    char* text_ = nullptr;
    std::uint8_t* pause_ = nullptr;
    std::uint32_t* pauses_upto_ = nullptr;
    std::uint32_t pauses_ = 0;
    std::uint32_t* norm_ = nullptr;
    std::uint32_t* src_begin_ = nullptr;
    std::uint32_t* src_end_ = nullptr;
};

// The common case of CharsSink's work in one loop that keeps its state in registers: every
// character folds to one character, to a pause or to nothing, and t2s (if the text needs it)
// maps characters one by one. Returns 1 when done, 0 for invalid UTF-8, and -1 when the text
// needs the general path (a character that folds to several, one past the BMP, a t2s phrase).
int fast_chars(std::string_view input, const LexiconDetector::Impl& im, Chars& c) {
    namespace td = text::detail;
    const td::FoldTable& table = td::fold_table();
    const std::uint32_t* fold = table.bmp.data();
    const char32_t* simplified = table.simplified.data();
    const std::uint16_t* symbols = im.symbol_bmp.data();
    const text::SymbolAhoCorasick& ac = im.ac;
    constexpr std::uint16_t kNumeral = LexiconDetector::Impl::kNumeral;

    const auto* p = reinterpret_cast<const unsigned char*>(input.data());
    const std::size_t n = input.size();
    // One BMP character per input character, 1-3 bytes each way: 3n bytes at most.
    c.ensure(3 * n + 8);
    char* text = c.text.data();
    std::uint8_t* pause = c.pause.data();
    std::uint32_t* pauses_upto = c.pauses_upto.data();
    std::uint32_t pauses = 0;
    std::uint32_t* norm = c.norm.data();
    std::uint32_t* src_begin = c.src_begin.data();
    std::uint32_t* src_end = c.src_end.data();
    Chars::KeysEnd* hits = c.hits.data();

    std::size_t i = 0, o = 0, u = 0, h = 0;
    std::uint32_t state = 0;
    bool pending = false, in_run = false, phrases_checked = false;
    while (i < n) {
        char32_t cp;
        std::uint32_t len;
        if (!td::decode_one(p, i, n, cp, len)) return 0;
        const auto off = static_cast<std::uint32_t>(i);
        i += len;
        if (cp >= 0x10000) return -1;
        std::uint32_t e = fold[cp];
        if (e >= 0x110000u) {
            if (e & td::kT2s) {
                if (!phrases_checked) {
                    phrases_checked = true;
                    if (td::t2s_phrase_in(input)) return -1;
                }
                const char32_t simple = simplified[cp];
                if (simple >= 0x10000) return -1;
                e = fold[simple] & ~td::kT2s;
            }
            if (e >= 0x110000u) {
                if (e == td::kPause)
                    pending = true;
                else if (e != td::kDrop)
                    return -1;
                continue;
            }
        }
        // Keep one character.
        if (e >= 0x10000) return -1;
        char* t = text + o;
        const auto at = static_cast<std::uint32_t>(o);
        if (e < 0x80) {
            t[0] = static_cast<char>(e);
            o += 1;
        } else if (e < 0x800) {
            t[0] = static_cast<char>(0xC0 | (e >> 6));
            t[1] = static_cast<char>(0x80 | (e & 0x3F));
            o += 2;
        } else {
            t[0] = static_cast<char>(0xE0 | (e >> 12));
            t[1] = static_cast<char>(0x80 | ((e >> 6) & 0x3F));
            t[2] = static_cast<char>(0x80 | (e & 0x3F));
            o += 3;
        }
        const std::uint16_t sym = symbols[e];
        const bool numeral = (sym & kNumeral) != 0;
        if (numeral && in_run && !pending) {
            src_end[u - 1] = off + len;  // the run goes on
            continue;
        }
        state = ac.step(state, static_cast<std::uint16_t>(sym & ~kNumeral));
        if (state & text::SymbolAhoCorasick::kHit) {
            state &= ~text::SymbolAhoCorasick::kHit;
            hits[h++] = {state, static_cast<std::uint32_t>(u + 1)};
        }
        pause[u] = pending ? 1 : 0;
        pauses += pending ? 1 : 0;
        pauses_upto[u] = pauses;
        norm[u] = at;
        src_begin[u] = off;
        src_end[u] = off + len;
        ++u;
        in_run = numeral;
        pending = false;
    }
    norm[u] = static_cast<std::uint32_t>(o);
    pause[u] = pending ? 1 : 0;
    c.bytes = o;
    c.count = u;
    c.nhits = h;
    return 1;
}

// Whether a key found at characters [b, e) may count for `part`: anchors, and no pause inside
// but those the phrase itself wrote.
bool part_fits(const Use& use, const std::uint32_t* pauses_ok, const Chars& c, std::size_t b,
               std::size_t e) {
    const std::uint8_t* pause = c.pause.data();
    if (use.at_start && b != 0 && !pause[b]) return false;
    if (use.at_end && e != c.count && !pause[e]) return false;
    for (std::size_t p = b + 1; p < e; ++p) {
        if (!pause[p]) continue;
        const auto off = static_cast<std::uint32_t>(p - b);
        const std::uint32_t* ok_end = pauses_ok + use.pauses_end;
        if (std::find(pauses_ok + use.pauses_begin, ok_end, off) == ok_end)
            return false;  // the phrase would straddle two clauses
    }
    return true;
}

// Spans of one multi-part rule: for each hit of the first part, the earliest-ending chain of
// the following parts, each starting at or after the previous one's end.
void chain_parts(const Rule& rule, const Hit* hits, const Hit* hits_end,
                 std::vector<Found>& found) {
    for (const Hit* first = hits; first != hits_end; ++first) {
        if (first->part != 0) continue;
        std::uint32_t end = first->end;
        bool ok = true;
        for (std::uint8_t p = 1; p < rule.parts.size() && ok; ++p) {
            std::uint32_t best = UINT32_MAX;
            for (const Hit* h = hits; h != hits_end; ++h)
                if (h->part == p && h->begin >= end && h->end < best) best = h->end;
            ok = best != UINT32_MAX;
            end = best;
        }
        if (ok) found.push_back({rule.entry, rule.kind, first->begin, end});
    }
}

struct SpanOut {
    std::uint16_t entry;
    bool weak;
    std::uint32_t begin, end;  // characters of the shadow
};

// Assigns into existing strings where there are some, so a reused result allocates nothing.
void assign_names(std::vector<std::string>& v, const std::vector<std::uint16_t>& ids,
                  const std::vector<std::string>& names) {
    v.resize(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) v[i].assign(names[ids[i]]);
}

}  // namespace

DetectedActs LexiconDetector::detect(std::string_view input) const {
    DetectedActs out;
    detect_into(input, out);
    return out;
}

void LexiconDetector::detect_into(std::string_view input, DetectedActs& out) const {
    // Per-thread working storage: detection allocates nothing but what its result needs.
    thread_local struct Scratch {
        Chars chars;
        std::vector<Hit> hits;
        std::vector<Found> found;
        std::vector<std::uint32_t> earliest_end;  // per slot of a gapped rule's part
        std::vector<SpanOut> spans;
        std::vector<std::uint16_t> acts, weak, forbidden;
    } scratch;
    const Impl& im = *impl_;
    Chars& c = scratch.chars;
    bool valid = false;
    if (input.size() < 0xFFFFFFFFu) {  // offsets are 32-bit
        const int fast = fast_chars(input, im, c);
        if (fast < 0) {
            CharsSink sink(c, im, input.size());
            sink.reset();
            valid = text::detail::normalize_chars(input, sink);
        } else {
            valid = fast > 0;
        }
    }
    if (!valid) {
        c.bytes = 0;
        c.count = 0;
        c.nhits = 0;
    }
    out.normalized.assign(c.text.data(), c.bytes);
    scratch.acts.clear();
    scratch.weak.clear();
    scratch.forbidden.clear();
    scratch.spans.clear();
    std::vector<Hit>& hits = scratch.hits;
    hits.clear();
    std::vector<Found>& found = scratch.found;
    found.clear();

    // The keys the automaton found, in order of end, checked against each phrase using them.
    const Use* uses = im.state_uses.data();
    const std::uint32_t* use_begin = im.state_use_begin.data();
    const std::uint32_t* pauses = im.pauses.data();
    const std::uint32_t* pauses_upto = c.pauses_upto.data();
    scratch.earliest_end.assign(im.multi_slots, UINT32_MAX);
    std::uint32_t* earliest = scratch.earliest_end.data();
    for (const Chars::KeysEnd& h : std::span(c.hits.data(), c.nhits)) {
        const auto e = h.end;
        for (const Use* u = uses + use_begin[h.state]; u != uses + use_begin[h.state + 1]; ++u) {
            const std::uint32_t b = e - u->key_length;
            // No pause strictly inside [b, e) unless the phrase allows it there (the prefix
            // count answers the common case, a phrase that allows none, at once).
            if (u->plain ? pauses_upto[e - 1] != pauses_upto[b] : !part_fits(*u, pauses, c, b, e))
                continue;
            // A phrase of one part is found as it is; the parts of a gapped one wait to be
            // chained.
            if (!u->multi) {
                found.push_back({u->entry, u->kind, b, e});
                continue;
            }
            // A later part only counts after an earlier one: hits come in order of end, so the
            // previous part's earliest end so far says whether one can precede it.
            if (u->part > 0 && earliest[u->slot - 1] > b) continue;
            hits.push_back({u->rule, u->part, b, e});
            earliest[u->slot] = std::min(earliest[u->slot], e);
        }
    }
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        if (a.rule != b.rule) return a.rule < b.rule;
        if (a.part != b.part) return a.part < b.part;
        return a.begin < b.begin;
    });
    for (std::size_t i = 0; i < hits.size();) {
        std::size_t j = i;
        while (j < hits.size() && hits[j].rule == hits[i].rule) ++j;
        chain_parts(im.rules[hits[i].rule], hits.data() + i, hits.data() + j, found);
        i = j;
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        if (a.entry != b.entry) return a.entry < b.entry;
        if (a.begin != b.begin) return a.begin < b.begin;
        if (a.end != b.end) return a.end < b.end;
        return a.kind < b.kind;
    });

    // Per entry (in the fixed order): drop vetoed matches; strong beats weak.
    for (std::size_t i = 0; i < found.size();) {
        std::size_t j = i;
        bool excepts = false;
        for (; j < found.size() && found[j].entry == found[i].entry; ++j)
            excepts |= found[j].kind == RuleKind::Except;
        const std::uint16_t entry = found[i].entry;
        bool strong = false, weak = false;
        std::uint32_t last_b = UINT32_MAX, last_e = UINT32_MAX;
        const std::size_t first_span = scratch.spans.size();
        for (std::size_t k = i; k < j; ++k) {
            const Found& f = found[k];
            if (f.kind == RuleKind::Except) continue;
            const bool vetoed =
                excepts &&
                std::any_of(found.begin() + static_cast<std::ptrdiff_t>(i),
                            found.begin() + static_cast<std::ptrdiff_t>(j), [&](const Found& x) {
                                return x.kind == RuleKind::Except && x.begin <= f.begin &&
                                       f.end <= x.end;
                            });
            if (vetoed) continue;
            (f.kind == RuleKind::Weak ? weak : strong) = true;
            if (f.begin == last_b && f.end == last_e) continue;  // same words, two phrases
            last_b = f.begin;
            last_e = f.end;
            scratch.spans.push_back({entry, f.kind == RuleKind::Weak, f.begin, f.end});
        }
        if (strong || weak) {
            if (im.forbidden[entry]) {
                scratch.forbidden.push_back(entry);
            } else {
                scratch.acts.push_back(entry);
                if (!strong) scratch.weak.push_back(entry);
            }
            // A strong form makes the weak spans of the same act mere extra evidence.
            if (strong)
                for (std::size_t k = first_span; k < scratch.spans.size(); ++k)
                    scratch.spans[k].weak = false;
        }
        i = j;
    }

    assign_names(out.acts, scratch.acts, im.names);
    assign_names(out.weak_acts, scratch.weak, im.names);
    assign_names(out.forbidden, scratch.forbidden, im.names);
    out.spans.resize(scratch.spans.size());
    for (std::size_t k = 0; k < scratch.spans.size(); ++k) {
        const SpanOut& s = scratch.spans[k];
        ActSpan& span = out.spans[k];
        span.name.assign(im.names[s.entry]);
        span.forbidden = im.forbidden[s.entry];
        span.weak = s.weak;
        span.begin = c.norm[s.begin];
        span.end = c.norm[s.end];
        span.src_begin = c.src_begin[s.begin];
        span.src_end = c.src_end[s.end - 1];
    }
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

std::optional<LoadedLexicon> load_lexicon(const std::string& path, Diagnostics& diags) {
    auto lex = read_lexicon(path, diags);
    if (!lex) return std::nullopt;
    auto det = LexiconDetector::build(*lex, diags);
    if (!det) return std::nullopt;
    LoadedLexicon out;
    out.version = lex->version;
    out.mood = lex->mood;
    out.detector = std::move(det);
    return out;
}

}  // namespace dd
