// Internal to scoring/text: the compiled lexicon that lexicon.cpp builds and detect.cpp runs.
// One automaton over the characters that are not fillers (the meaning detection's adverbs and
// particles; the phrase detection has none): every key is its phrase with the fillers taken
// out, so 你自己也有问题 contains 你自己有问题, and the fillers a phrase itself holds are checked
// on each hit (Rule::lead/trail, Part::inner).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "aho_corasick.h"
#include "lexicon.h"

namespace dd {

enum class RuleKind : std::uint8_t { Strong, Weak, Except, Marker };

// What a marker says, for the reading in context (detect.cpp). Marker rules carry one of these
// as their entry, past the acts and families.
enum class MarkerKind : std::uint8_t {
    Negator,
    Speech,
    Reporter,
    Addressee,
    FirstPerson,
    Impatience,
    NotNegator,
    Count
};

struct Part {
    std::uint32_t key = 0;
    std::vector<std::uint32_t> pauses_ok;  // character offsets inside the key where a pause may be
    bool at_start = false;                 // `^`
    bool at_end = false;                   // `$`
    bool near = false;  // `{any}` before this part: 1..kAnyMax characters, same clause
    // A loose part whose phrase has fillers inside (我们也没办法): the characters as written
    // (numerals as '#'), which must all be in the match, extra fillers allowed between.
    std::u32string inner;
};

struct Rule {
    std::uint16_t entry = 0;
    RuleKind kind = RuleKind::Strong;
    bool loose = false;  // compiled with its fillers taken out (the meaning detection)
    // A last part of one filler (你问…吧): that filler after the other parts, in their clause
    // (within kAnyMax characters after {any}).
    char32_t tail = 0;
    bool tail_near = false;
    std::vector<Part> parts;
    std::uint32_t phrase = 0;  // index in Impl::phrase_text (the phrase as written)
    std::uint16_t family = 0;  // index in Impl::families (0: none)
    // Fillers at the very start / end of a loose phrase (都怪你 → 都): they must be there as
    // written, else 难怪你 would contain 都怪你.
    std::u32string lead, trail;
};

// One use of a key: part `part` of rule `rule`, with what the matcher checks copied in, so a
// hit reads one flat record.
struct alignas(32) Use {  // (a record per half cache line, never across two)
    std::uint32_t rule = 0;
    std::uint32_t slot = 0;          // if multi: this part's slot among all gapped rules' parts
    std::uint32_t pauses_begin = 0;  // Part::pauses_ok, in Impl::pauses
    std::uint32_t pauses_end = 0;
    std::uint32_t key_length = 0;  // in characters (of the automaton's sequence)
    std::uint16_t entry = 0;
    RuleKind kind = RuleKind::Strong;
    std::uint8_t part = 0;
    bool multi = false;  // the rule has several parts: its hits are chained afterwards
    bool at_start = false;
    bool at_end = false;
    bool plain = false;  // no anchors and no pause allowed inside
    bool edges = false;  // a loose rule with lead/trail fillers to check
    bool inner = false;  // a loose part with fillers of its own inside (Part::inner)
    bool last = false;   // the rule's last part (a gapped rule's hits wait for the next part)
};

// One automaton and the uses of the keys that end at each of its states.
struct Automaton {
    std::vector<std::string> keys;  // in the shadow's bytes (numeral runs as '#')
    std::vector<std::vector<std::pair<std::uint32_t, std::uint8_t>>> users;  // while building
    text::SymbolAhoCorasick ac;
    std::vector<std::uint32_t> list_use_begin;  // per list of keys found (Dfa::list_of_data, +1)
    std::vector<Use> list_uses;
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

struct LexiconDetector::Impl {
    int version = 0;
    Detection detection = Detection::Phrases;  // Meaning: read each match in context
    // Fixed slots: the acts in enums::kActs order, then the families in kForbidden order, so
    // results come out in the documented order; then the marker kinds.
    std::vector<std::string> names;
    std::vector<std::uint8_t> forbidden;  // (bytes, not vector<bool>: read per match)
    std::uint16_t first_marker = 0;       // names.size() before the markers
    std::vector<Rule> rules;
    std::vector<std::string> phrase_text;
    std::vector<std::string> families;      // [0] = ""
    std::vector<std::uint32_t> pauses;      // Use::pauses_begin/end index this
    std::uint32_t multi_slots = 0;          // parts of gapped rules, numbered rule by rule
    std::vector<std::uint32_t> first_slot;  // per rule: its first part's slot (if gapped)
    // Per rule, what its spans show (the phrase as written, the family): read for every match,
    // so kept in one dense array rather than read through the large, scattered rules.
    struct RuleText {
        std::string_view phrase, family;
    };
    std::vector<RuleText> rule_text;

    // Per act or family: which readings take it away, and whether impatience makes it
    // sarcastic, and whether a weak form only is vague (from `meaning:`).
    std::vector<std::uint8_t> negatable, own_voice, courtesy, vague;

    Automaton automaton;

    // The subjects of speech verbs (reporters, addressee, first person) are not in the automata
    // (您, 我 would hit in nearly every reply): a speech verb looks back for them. By last
    // character, each word with its kind.
    struct Subject {
        std::u32string word;  // normalised, numerals as '#'
        MarkerKind kind;
    };
    std::unordered_map<char32_t, std::vector<Subject>> subjects;

    // Per folded code point of the BMP: the automaton's symbol (1.. for the characters of the
    // keys, 0 for the others), kNumeral set for numerals (a run of them is one '#'), or
    // `filler` for the characters it reads past (the automaton stays where it is on it: no
    // branch per character). Past the BMP: the map (none in the shipped lexicon).
    static constexpr std::uint16_t kNumeral = 0x8000;
    std::uint16_t filler = 0xFFFF;       // never a symbol when there are no fillers
    std::vector<std::uint16_t> symbols;  // 0x10000 entries
    std::unordered_map<char32_t, std::uint16_t> symbols_astral;
    std::vector<bool> filler_bmp;  // the fillers (lead/trail checks read the code points)
    // Per code point of the BMP, the fold table's entry and the symbol in one read for the
    // common case, a character that folds to one character of the BMP: (symbols[f] << 16) | f.
    // kFoldSpecial for the others (pauses, drops, several characters, t2s): the fold table
    // says what to do.
    static constexpr std::uint32_t kFoldSpecial = 0xFFFFFFFFu;
    std::vector<std::uint32_t> fold_symbols;  // 0x10000 entries

    std::uint16_t symbol_of(char32_t cp) const {
        if (cp < 0x10000) return symbols[cp];
        const auto it = symbols_astral.find(cp);
        return it == symbols_astral.end() ? std::uint16_t{0} : it->second;
    }
    bool is_filler(char32_t cp) const { return cp < 0x10000 && filler_bmp[cp]; }
};

// The characters the shadow reads as numerals (a run of them is one '#').
inline bool is_numeral(char32_t cp) {
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

// `{any}`: one to this many characters, inside one clause.
inline constexpr std::uint32_t kAnyMax = 6;

}  // namespace dd
