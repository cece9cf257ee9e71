// The lexicon and its detector. Sections: [parse] reading lexicon.yaml through the safe YAML
// reader, [shadow] the matcher's view of a normalised text (numeral runs → '#'), [compile]
// phrases → automaton keys and rules, [detect] one scan, then vetoes and the result, [load]
// lexicon.yaml → Lexicon → detector.
#include "lexicon.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>

#include "aho_corasick.h"
#include "normalize.h"
#include "sim/load/yaml_safe.h"
#include "sim/model/enums.h"

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
    for (auto name : names) {
        const bool present = std::any_of(lex.entries.begin(), lex.entries.end(),
                                         [&](const LexEntry& x) { return x.name == name; });
        if (!present)
            r.warning(r.pos(node), std::string(forbidden ? "forbidden family '" : "act '") +
                                       std::string(name) +
                                       "' is missing: it can never be detected");
    }
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

}  // namespace

// ------------------------------------------------------------------------------- [compile]

enum class RuleKind : std::uint8_t { Strong, Weak, Except };

struct Part {
    std::uint32_t key = 0;
    std::vector<std::uint32_t> pauses_ok;  // byte offsets inside the key where a pause may be
    bool at_start = false;                 // `^`
    bool at_end = false;                   // `$`
};

struct Rule {
    std::uint16_t entry = 0;
    RuleKind kind = RuleKind::Strong;
    std::vector<Part> parts;
};

struct LexiconDetector::Impl {
    int version = 0;
    // Fixed slots: the acts in enums::kActs order, then the families in kForbidden order, so
    // results come out in the documented order.
    std::vector<std::string> names;
    std::vector<bool> forbidden;
    std::vector<Rule> rules;
    std::vector<std::string> keys;
    std::vector<std::vector<std::pair<std::uint32_t, std::uint8_t>>> users;  // key → (rule, part)
    text::AhoCorasick ac;

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
        for (std::size_t p = 1; p < sh.text.size(); ++p)
            if (sh.pause[p]) part.pauses_ok.push_back(static_cast<std::uint32_t>(p));
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
    impl->ac = text::AhoCorasick(impl->keys);
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

bool part_fits(const Part& part, const Shadow& sh, std::size_t b, std::size_t e) {
    if (part.at_start && b != 0 && !sh.pause[b]) return false;
    if (part.at_end && e != sh.text.size() && !sh.pause[e]) return false;
    for (std::size_t p = b + 1; p < e; ++p) {
        if (!sh.pause[p]) continue;
        const auto off = static_cast<std::uint32_t>(p - b);
        if (std::find(part.pauses_ok.begin(), part.pauses_ok.end(), off) == part.pauses_ok.end())
            return false;  // the phrase would straddle two clauses
    }
    return true;
}

// Spans of one multi-part rule: for each hit of the first part, the earliest-ending chain of
// the following parts, each starting at or after the previous one's end.
void chain_parts(const Rule& rule, std::uint32_t rule_id, const std::vector<Hit>& hits,
                 std::vector<Found>& found) {
    for (const auto& first : hits) {
        if (first.part != 0) continue;
        std::uint32_t end = first.end;
        bool ok = true;
        for (std::uint8_t p = 1; p < rule.parts.size() && ok; ++p) {
            std::uint32_t best = UINT32_MAX;
            for (const auto& h : hits)
                if (h.rule == rule_id && h.part == p && h.begin >= end && h.end < best)
                    best = h.end;
            ok = best != UINT32_MAX;
            end = best;
        }
        if (ok) found.push_back({rule.entry, rule.kind, first.begin, end});
    }
}

}  // namespace

namespace {

struct SpanOut {
    std::uint16_t entry;
    bool weak;
    std::uint32_t begin, end;  // shadow bytes
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
        text::Normalized n;
        Shadow sh;
        std::vector<Hit> hits;
        std::vector<Found> found;
        std::vector<SpanOut> spans;
        std::vector<std::uint16_t> acts, weak, forbidden;
    } scratch;
    text::Normalized& n = scratch.n;
    text::normalize_into(input, n);
    out.normalized.assign(n.valid ? n.text : std::string());
    scratch.acts.clear();
    scratch.weak.clear();
    scratch.forbidden.clear();
    scratch.spans.clear();
    const Impl& im = *impl_;
    Shadow& sh = scratch.sh;
    std::vector<Hit>& hits = scratch.hits;
    hits.clear();
    std::vector<Found>& found = scratch.found;
    found.clear();

    if (n.valid && !n.text.empty()) {
        make_shadow_into(n, sh);
        im.ac.scan(sh.text, [&](std::uint32_t key, std::size_t end) {
            const std::size_t begin = end - im.ac.key_length(key);
            for (const auto& [rule, part] : im.users[key])
                if (part_fits(im.rules[rule].parts[part], sh, begin, end))
                    hits.push_back({rule, part, static_cast<std::uint32_t>(begin),
                                    static_cast<std::uint32_t>(end)});
        });
    }
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        if (a.rule != b.rule) return a.rule < b.rule;
        if (a.part != b.part) return a.part < b.part;
        return a.begin < b.begin;
    });
    for (std::size_t i = 0; i < hits.size();) {
        std::size_t j = i;
        while (j < hits.size() && hits[j].rule == hits[i].rule) ++j;
        const Rule& rule = im.rules[hits[i].rule];
        if (rule.parts.size() == 1) {
            for (std::size_t k = i; k < j; ++k)
                found.push_back({rule.entry, rule.kind, hits[k].begin, hits[k].end});
        } else {
            const std::vector<Hit> group(hits.begin() + static_cast<std::ptrdiff_t>(i),
                                         hits.begin() + static_cast<std::ptrdiff_t>(j));
            chain_parts(rule, hits[i].rule, group, found);
        }
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
        while (j < found.size() && found[j].entry == found[i].entry) ++j;
        const std::uint16_t entry = found[i].entry;
        bool strong = false, weak = false;
        std::uint32_t last_b = UINT32_MAX, last_e = UINT32_MAX;
        const std::size_t first_span = scratch.spans.size();
        for (std::size_t k = i; k < j; ++k) {
            const Found& f = found[k];
            if (f.kind == RuleKind::Except) continue;
            const bool vetoed = std::any_of(
                found.begin() + static_cast<std::ptrdiff_t>(i),
                found.begin() + static_cast<std::ptrdiff_t>(j), [&](const Found& x) {
                    return x.kind == RuleKind::Except && x.begin <= f.begin && f.end <= x.end;
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
        span.begin = sh.to_norm[s.begin];
        span.end = sh.to_norm[s.end];
        span.src_begin = n.src_begin[span.begin];
        span.src_end = n.src_end[span.end - 1];
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
