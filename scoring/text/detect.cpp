// Speech-act detection over a compiled lexicon (lexicon_impl.h). Sections:
//   [pass]     one pass that normalises, builds the shadow (numeral runs as '#') and runs both
//              automata together, over characters rather than bytes;
//   [matches]  automaton hits → matches: anchors and pauses, the edges of loose phrases, the
//              parts of gapped phrases chained, vetoes;
//   [reading]  each match read in context: negation, quotation, someone else's words, sarcasm;
//   [result]   DetectedActs.
// Every step is linear in the text (or n log n where it sorts), whatever the text and the
// phrases: no step looks at all pairs of hits (issue 15: chaining used to, and a reply of one
// repeated character took minutes).
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>

#include "common/yaml/limits.h"
#include "fold.h"
#include "lexicon_impl.h"
#include "normalize.h"

namespace dd {

namespace {

namespace td = text::detail;
using Impl = LexiconDetector::Impl;

// ----------------------------------------------------------------------------------- [pass]

// A pause that says more than "a pause": a sentence end or a quotation mark, at the character
// it comes before.
struct PauseEvent {
    std::uint32_t at;
    std::uint8_t bits;
};

// The utterance as the matcher reads it, in characters of the shadow (a numeral run is one
// '#'): per character the pause before it and where it lies in the normalised text and in the
// input, one more entry at the end (text size, final pause); the normalised text; where the
// automaton passed states at which keys end, in its own steps — it skips the fillers, so step
// k reads character k plus the fillers before it (at()).
struct Chars {
    struct KeysEnd {
        std::uint32_t out;  // the automaton's transition that found them (Dfa::Next::out)
        std::uint32_t end;  // one past the character (or loose step) where the keys end
    };
    // Per character (one more entry at the end: text size, final pause), in one record so the
    // per-character loop writes through one pointer.
    struct Ch {
        std::uint32_t norm;         // byte offset in the normalised text
        std::uint32_t src_begin;    // input range: of its first normalised character
        std::uint32_t src_end;      // ... and of its last
        std::uint32_t pauses_upto;  // pauses before characters 0..i (a prefix count)
        std::uint8_t pause;         // pause bits (fold.h) before it
    };
    std::string text;  // the normalised text (bytes [0, bytes))
    std::vector<Ch> ch;
    std::vector<KeysEnd> hits;             // [0, nhits), in order of end (steps)
    std::vector<std::uint32_t> step_char;  // the character each step read, [0, steps)
    // step_char is filled: the detection reads past fillers (then it is written at every step,
    // and where no filler was skipped it holds k at k, so it is right whether or not one was).
    bool step_chars = false;
    // [0, nevents): written through a pointer by the per-character loop (a push_back there was
    // a call in the loop, and the registers it clobbers made the loop keep its state on the
    // stack); ensure() gives it an entry per character and one for the end, the most there are.
    std::vector<PauseEvent> events;
    std::size_t nevents = 0;
    std::size_t bytes = 0;
    std::size_t count = 0;
    std::size_t nhits = 0;
    std::size_t steps = 0;

    // The character the automaton read at step k.
    std::uint32_t at(std::size_t k) const {
        // (Per detection, not per text: a branch on whether this text had a filler was
        // mispredicted from one reply to the next.)
        return step_chars ? step_char[k] : static_cast<std::uint32_t>(k);
    }

    // Grows (never shrinks) the buffers to hold `n` bytes of text, as many characters (+1 for
    // the end entry) and hits: characters never outnumber bytes.
    void ensure(std::size_t n) {
        if (text.size() >= n) return;
        text.resize(n);
        ch.resize(n + 1);
        hits.resize(n + 1);
        step_char.resize(n + 1);
        events.resize(n + 1);
    }
};

// The work per normalised character, shared by the fast pass and the general one so the two
// cannot drift apart: the shadow, the automaton, the offsets. Holds the buffers' pointers and
// the counters in members that the fast pass keeps in registers (it is a local there).
// `Fillers`: the detection skips fillers (the meaning one); the phrase one has none and does
// no work for them.
// `T`: the transition table's entries (Dfa: 16 bits while the states fit, else 32), the top
// bit saying "keys end at the next state".
using Dfa = text::detail::Dfa;
template <class T>
const Dfa::Slot<T>* comb_of(const Impl& im) {
    const Dfa::Table t = im.automaton.ac.table();
    if constexpr (sizeof(T) == 2)
        return t.comb16;
    else
        return t.comb32;
}
template <class T>
const T* root_of(const Impl& im) {
    const Dfa::Table t = im.automaton.ac.table();
    if constexpr (sizeof(T) == 2)
        return t.root16;
    else
        return t.root32;
}

template <bool Fillers, class T>
class Stepper {
  public:
    Stepper(Chars& c, const Impl& im)
        : c_(c),
          im_(im),
          symbols_(im.symbols.data()),
          comb_(comb_of<T>(im)),
          root_(root_of<T>(im)),
          root_out_(im.automaton.ac.table().root_out),
          filler_(im.filler) {
        rebind();
    }

    // After Chars::ensure() moved the buffers.
    void rebind() {
        text_ = c_.text.data();
        ch_ = c_.ch.data();
        hits_ = c_.hits.data();
        step_char_ = c_.step_char.data();
        events_ = c_.events.data();
    }
    std::size_t bytes() const { return o_; }

    [[gnu::always_inline]] void keep(char32_t cp, std::uint32_t off, std::uint32_t len,
                                     std::uint8_t pending) {
        keep(cp, cp < 0x10000 ? symbols_[cp] : im_.symbol_of(cp), off, len, pending);
    }

    // The same with the character's symbol known (Impl::fold_symbols). `same`: the input's
    // three bytes of the character when it folds to itself (the common case, a Chinese
    // character), copied rather than encoded again; null to encode `cp`.
    [[gnu::always_inline]] void keep(char32_t cp, std::uint16_t sym, std::uint32_t off,
                                     std::uint32_t len, std::uint8_t pending,
                                     const unsigned char* same = nullptr) {
        const auto at = static_cast<std::uint32_t>(o_);
        if (same) {
            std::memcpy(text_ + o_, same, 2);
            text_[o_ + 2] = static_cast<char>(same[2]);
            o_ += 3;
        } else {
            o_ += td::encode_utf8(cp, text_ + o_);
        }
        const bool numeral = (sym & Impl::kNumeral) != 0;
        if (numeral && in_run_ && !pending) {
            ch_[u_ - 1].src_end = off + len;  // the run goes on
            return;
        }
        // A filler leaves the automaton where it is (and reports nothing); it is noted, and
        // the steps count the other characters: no branch on either.
        constexpr T kFlag = static_cast<T>(T(1) << (sizeof(T) * 8 - 1));
        // (The table leads a filler to the root, reporting nothing: the state is kept instead,
        // by a mask, not a branch — fillers are common and unpredictable.)
        const Dfa::Next<T> x = Dfa::Table::next(comb_, root_, root_out_, state_,
                                                static_cast<std::uint16_t>(sym & ~Impl::kNumeral));
        const T t = x.t;
        if constexpr (Fillers) {
            const bool filler = sym == filler_;
            const T keep = static_cast<T>(-static_cast<T>(filler));
            state_ = static_cast<T>((state_ & keep) | (t & static_cast<T>(~kFlag) & ~keep));
            step_char_[k_] = u_;
            if (t & kFlag) hits_[h_++] = {x.out, k_ + 1};
            k_ += !filler;
        } else {
            state_ = static_cast<T>(t & static_cast<T>(~kFlag));
            if (t & kFlag) hits_[h_++] = {x.out, k_ + 1};
            ++k_;
        }
        pauses_ += pending != 0;
        // Field by field: an aggregate store of the record costs several times more.
        Chars::Ch& r = ch_[u_];
        r.norm = at;
        r.src_begin = off;
        r.src_end = off + len;
        r.pauses_upto = pauses_;
        r.pause = pending;
        if (pending > td::kPauseAny) events_[e_++] = {u_, pending};
        ++u_;
        in_run_ = numeral;
    }

    void finish(std::uint8_t pending) {
        if (pending > td::kPauseAny) events_[e_++] = {u_, pending};  // a closing mark
        ch_[u_] = {static_cast<std::uint32_t>(o_), 0, 0, pauses_ + (pending != 0), pending};
        c_.bytes = o_;
        c_.count = u_;
        c_.nevents = e_;
        c_.nhits = h_;
        c_.steps = k_;
        c_.step_chars = Fillers;
    }

  private:
    Chars& c_;
    const Impl& im_;
    const std::uint16_t* symbols_;
    // The automaton's tables and their width, held here so the loop keeps them in registers.
    const Dfa::Slot<T>* comb_;
    const T* root_;
    const std::uint32_t root_out_;
    const std::uint16_t filler_;
    std::uint32_t* step_char_ = nullptr;
    char* text_ = nullptr;
    Chars::Ch* ch_ = nullptr;
    Chars::KeysEnd* hits_ = nullptr;
    PauseEvent* events_ = nullptr;
    std::size_t o_ = 0;
    std::uint32_t u_ = 0, h_ = 0, k_ = 0, pauses_ = 0, e_ = 0;
    T state_ = 0;
    bool in_run_ = false;
};

// The general path's sink (text::detail::normalize_chars): any fold, t2s phrases, characters
// past the BMP. Grows the buffers as it goes.
template <bool Fillers, class T>
class CharsSink {
  public:
    CharsSink(Chars& c, const Impl& im, std::size_t expected) : c_(c), im_(im) {
        c_.ensure(expected + 8);
        step_.emplace(c_, im_);
    }

    void reset() { step_.emplace(c_, im_); }

    void keep(char32_t cp, std::uint32_t off, std::uint32_t len, std::uint8_t paused) {
        if (step_->bytes() + 4 > c_.text.size()) {
            c_.ensure(2 * c_.text.size() + 16);
            step_->rebind();
        }
        step_->keep(cp, off, len, paused);
    }

    void finish(std::uint8_t pending) { step_->finish(pending); }

  private:
    Chars& c_;
    const Impl& im_;
    std::optional<Stepper<Fillers, T>> step_;
};

// The common case in one loop: every character folds to one character of the BMP, to a pause
// or to nothing, and t2s (if the text needs it) maps characters one by one. Returns 1 when
// done, 0 for invalid UTF-8, and -1 when the text needs the general path (a character that
// folds to several, one past the BMP, a t2s phrase).
template <bool Fillers, class T>
int fast_chars(std::string_view input, const Impl& im, Chars& c) {
    const td::FoldTable& table = td::fold_table();
    const std::uint32_t* fold = table.bmp.data();
    const std::uint32_t* fold_symbols = im.fold_symbols.data();
    const char32_t* simplified = table.simplified.data();
    const auto* p = reinterpret_cast<const unsigned char*>(input.data());
    const std::size_t n = input.size();
    // One BMP character per input character, 1-3 bytes each way: 3n bytes at most.
    c.ensure(3 * n + 8);
    Stepper<Fillers, T> step(c, im);
    std::size_t i = 0;
    std::uint8_t pending = 0;
    bool phrases_checked = false;
    while (i < n) {
        char32_t cp;
        std::uint32_t len;
        if (!td::decode_one(p, i, n, cp, len)) return 0;
        const auto off = static_cast<std::uint32_t>(i);
        i += len;
        if (cp >= 0x10000) return -1;
        // Most characters fold to one character, with its symbol: one table read.
        if (const std::uint32_t fs = fold_symbols[cp]; fs != Impl::kFoldSpecial) {
            const char32_t e = fs & 0xFFFFu;
            step.keep(e, static_cast<std::uint16_t>(fs >> 16), off, len, pending,
                      e == cp && len == 3 ? p + off : nullptr);
            pending = 0;
            continue;
        }
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
                    pending |= td::pause_bits(cp);
                else if (e != td::kDrop)
                    return -1;
                continue;
            }
        }
        if (e >= 0x10000) return -1;
        step.keep(e, off, len, pending);
        pending = 0;
    }
    step.finish(pending);
    return 1;
}

// ---------------------------------------------------------------------------------- [matches]

struct Hit {
    std::uint32_t rule;
    std::uint8_t part;
    std::uint32_t begin;  // characters
    std::uint32_t end;
};

struct Found {
    std::uint16_t entry;
    RuleKind kind;
    bool loose;                // fillers were inserted inside
    std::uint32_t begin, end;  // characters
    std::uint32_t rule;
};

struct Mark {
    MarkerKind kind;
    std::uint32_t begin, end;  // characters
};

// The code point of character i (valid text only).
char32_t char_at(const Chars& c, std::size_t i) {
    const char* s = c.text.data() + c.ch[i].norm;
    const auto b0 = static_cast<unsigned char>(s[0]);
    if (b0 < 0x80) return b0;
    const auto b = [&](int k) { return static_cast<char32_t>(static_cast<unsigned char>(s[k])); };
    if (b0 < 0xE0) return ((b0 & 0x1Fu) << 6) | (b(1) & 0x3F);
    if (b0 < 0xF0) return ((b0 & 0x0Fu) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    return ((b0 & 0x07u) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
}

// Whether characters i and j lie in one clause (no pause between them).
bool same_clause(const Chars& c, std::size_t i, std::size_t j) {
    return c.ch[i].pauses_upto == c.ch[j].pauses_upto;
}

// Whether a key found at characters [b, e) of `seq` may count for `use`: anchors, and no pause
// inside but those the phrase itself wrote. `at(k)` maps a position of the sequence to its
// character (identity for the exact automaton, the loose steps for the loose one).
template <class At>
bool part_fits(const Use& use, const std::uint32_t* pauses_ok, const Chars& c, std::size_t b,
               std::size_t e, std::size_t seq_len, At at) {
    auto pause_before = [&](std::size_t k) {  // between positions k-1 and k of the sequence
        return k == 0 || k == seq_len || c.ch[at(k)].pauses_upto != c.ch[at(k - 1)].pauses_upto;
    };
    if (use.at_start && !pause_before(b)) return false;
    if (use.at_end && !pause_before(e)) return false;
    for (std::size_t p = b + 1; p < e; ++p) {
        if (!pause_before(p)) continue;
        const auto off = static_cast<std::uint32_t>(p - b);
        const std::uint32_t* ok_end = pauses_ok + use.pauses_end;
        if (std::find(pauses_ok + use.pauses_begin, ok_end, off) == ok_end)
            return false;  // the phrase would straddle two clauses
    }
    return true;
}

// A loose phrase's own fillers at its edges (都怪你: 都) must stand right before / after the
// match, other fillers may sit between; returns false if they do not, else widens [b, e).
bool edges_fit(const Impl& im, const Rule& rule, const Chars& c, std::uint32_t& b,
               std::uint32_t& e) {
    constexpr int kSlack = 3;  // other fillers passed over, per edge
    std::uint32_t i = b;
    for (std::size_t k = rule.lead.size(); k-- > 0;) {
        int slack = kSlack;
        while (true) {
            if (i == 0 || c.ch[i].pause) return false;
            const char32_t cp = char_at(c, i - 1);
            --i;
            if (cp == rule.lead[k]) break;
            if (!im.is_filler(cp) || --slack < 0) return false;
        }
    }
    std::uint32_t j = e;
    for (std::size_t k = 0; k < rule.trail.size(); ++k) {
        int slack = kSlack;
        while (true) {
            if (j >= c.count || c.ch[j].pause) return false;
            const char32_t cp = char_at(c, j);
            ++j;
            if (cp == rule.trail[k]) break;
            if (!im.is_filler(cp) || --slack < 0) return false;
        }
    }
    b = i;
    e = j;
    return true;
}

// A loose part whose phrase has fillers of its own (我们也没办法) matches only with them: the
// phrase's characters in order, extra fillers allowed between.
bool inner_fits(const Impl& im, const std::u32string& inner, const Chars& c, std::uint32_t b,
                std::uint32_t e) {
    std::size_t k = 0;
    for (std::uint32_t i = b; i < e; ++i) {
        const char32_t cp = char_at(c, i);
        if (k < inner.size() && (cp == inner[k] || (inner[k] == U'#' && is_numeral(cp))))
            ++k;
        else if (!im.is_filler(cp))
            return false;
    }
    return k == inner.size();
}

// A rule's tail (the 吧 of 你问…吧): that filler after `end`, in the clause of the character
// before it (within kAnyMax characters after {any}); widens `end` to it. At most kTailLook
// characters are looked at.
bool tail_fits(const Rule& rule, const Chars& c, std::uint32_t& end) {
    constexpr std::uint32_t kTailLook = 32;
    const auto last = static_cast<std::uint32_t>(std::min<std::size_t>(
        c.count, std::size_t{end} + (rule.tail_near ? kAnyMax + 1 : kTailLook)));
    for (std::uint32_t i = end; i < last; ++i) {
        if (!same_clause(c, end - 1, i)) return false;
        if (char_at(c, i) == rule.tail) {
            end = i + 1;
            return true;
        }
    }
    return false;
}

// Spans of the gapped rules: for each hit of a rule's first part, the earliest-ending chain of
// the following parts, each starting at or after the previous one's end (`…`), or one to
// kAnyMax characters after it in the same clause ({any}). Hits sorted by (rule, part, begin);
// the suffix minimum of the ends answers `…` by one binary search, and {any} looks at a window
// of at most kAnyMax positions: n log n overall, never hits × hits.
void chain_parts(const Impl& im, const Chars& c, std::vector<Hit>& hits,
                 std::vector<std::uint32_t>& sufmin, std::vector<Found>& found) {
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        if (a.rule != b.rule) return a.rule < b.rule;
        if (a.part != b.part) return a.part < b.part;
        if (a.begin != b.begin) return a.begin < b.begin;
        return a.end < b.end;
    });
    sufmin.resize(hits.size());
    for (std::size_t i = hits.size(); i-- > 0;) {
        const bool last = i + 1 == hits.size() || hits[i + 1].rule != hits[i].rule ||
                          hits[i + 1].part != hits[i].part;
        sufmin[i] = last ? hits[i].end : std::min(hits[i].end, sufmin[i + 1]);
    }
    for (std::size_t i = 0; i < hits.size();) {
        std::size_t j = i;
        while (j < hits.size() && hits[j].rule == hits[i].rule) ++j;
        // No hit of the first part (the hits are sorted by part): nothing to chain. Most rules
        // are so: their first parts were dropped unless a later part followed (detect_into).
        if (hits[i].part != 0) {
            i = j;
            continue;
        }
        const Rule& rule = im.rules[hits[i].rule];
        // Per part: its range of hits.
        std::array<std::pair<std::size_t, std::size_t>, 8> range{};
        for (std::size_t k = i; k < j;) {
            std::size_t l = k;
            while (l < j && hits[l].part == hits[k].part) ++l;
            range[hits[k].part] = {k, l};
            k = l;
        }
        for (std::size_t f = range[0].first; f < range[0].second; ++f) {
            std::uint32_t end = hits[f].end;
            bool ok = true;
            for (std::size_t p = 1; p < rule.parts.size() && ok; ++p) {
                const auto [pb, pe] = range[p];
                const bool near = rule.parts[p].near;
                const std::uint32_t from = near ? end + 1 : end;
                auto it =
                    std::lower_bound(hits.begin() + static_cast<std::ptrdiff_t>(pb),
                                     hits.begin() + static_cast<std::ptrdiff_t>(pe), from,
                                     [](const Hit& h, std::uint32_t v) { return h.begin < v; });
                std::size_t k = static_cast<std::size_t>(it - hits.begin());
                std::uint32_t best = UINT32_MAX;
                if (!near) {
                    if (k < pe) best = sufmin[k];
                } else {
                    for (; k < pe && hits[k].begin <= end + kAnyMax; ++k)
                        if (same_clause(c, end - 1, hits[k].begin))
                            best = std::min(best, hits[k].end);
                }
                ok = best != UINT32_MAX;
                end = best;
            }
            if (!ok) continue;
            std::uint32_t b = hits[f].begin, e = end;
            if (rule.tail && !tail_fits(rule, c, e)) continue;
            if (rule.loose && !edges_fit(im, rule, c, b, e)) continue;
            found.push_back({rule.entry, rule.kind, false, b, e, hits[f].rule});
        }
        i = j;
    }
}

// Per entry, drops the matches lying inside one of its except matches: with both sorted by
// begin, one sweep (the widest reach of the excepts begun so far).
void apply_vetoes(std::vector<Found>& found, std::vector<std::uint8_t>& vetoed) {
    vetoed.assign(found.size(), 0);
    for (std::size_t i = 0; i < found.size();) {
        std::size_t j = i;
        while (j < found.size() && found[j].entry == found[i].entry) ++j;
        std::uint32_t reach = 0;
        bool any = false;
        std::size_t x = i;  // the next except not yet begun
        for (std::size_t k = i; k < j; ++k) {
            if (found[k].kind == RuleKind::Except) continue;
            for (; x < j && found[x].begin <= found[k].begin; ++x)
                if (found[x].kind == RuleKind::Except) {
                    reach = any ? std::max(reach, found[x].end) : found[x].end;
                    any = true;
                }
            vetoed[k] = any && reach >= found[k].end;
        }
        i = j;
    }
}

// ---------------------------------------------------------------------------------- [reading]

// A negator inside a word that negates nothing (要不, 不好意思, 特别) is no negator. Marks are in
// order of end and short, so each not-negator looks at a few neighbours only.
void drop_false_negators(std::vector<Mark>& marks) {
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const Mark& nn = marks[i];
        if (nn.kind != MarkerKind::NotNegator) continue;
        auto drop = [&](Mark& m) {
            if (m.kind == MarkerKind::Negator && m.begin >= nn.begin && m.end <= nn.end)
                m.kind = MarkerKind::Count;
        };
        for (std::size_t j = i; j-- > 0 && marks[j].end > nn.begin;) drop(marks[j]);
        for (std::size_t j = i + 1; j < marks.size() && marks[j].end == nn.end; ++j) drop(marks[j]);
    }
}

// Who speaks the words after a speech verb (说, 讲…): from the word just before it.
enum class Frame : std::uint8_t { None, Negated, Reported, Own };

// A stretch of the text in someone's voice: inside quotation marks, or after 他说 / 不会说….
struct Region {
    std::uint32_t begin, end;  // characters
    Frame frame = Frame::None;
    bool uncertain = false;              // an unclosed quotation, a clause cut short
    std::uint32_t cue_b = 0, cue_e = 0;  // the frame's words
};

constexpr std::uint32_t kFrameReach = 4;     // subject or negator → speech verb, characters
constexpr std::uint32_t kFrameSpan = 24;     // the longest clause a frame covers
constexpr std::uint32_t kNegReachLong = 3;   // a negation of two or more characters
constexpr std::uint32_t kNegReachShort = 0;  // 不, 没, 别: right before the phrase
constexpr std::uint32_t kSarcasmReach = 10;  // impatience ↔ the formula, same sentence

struct Reader {
    const Impl& im;
    const Chars& c;
    std::span<const Mark> marks;            // in order of end
    std::span<const std::uint32_t> strong;  // sentence starts (a strong pause before)
    std::vector<Region>& quotes;            // outermost quotations, by begin
    std::vector<Region>& frames;            // frame clauses, by begin
    // Which kinds of marks there are at all (most replies have none of several).
    bool negators = false, speaking = false, impatience = false;

    std::size_t sentence_of(std::uint32_t i) const {
        return static_cast<std::size_t>(std::upper_bound(strong.begin(), strong.end(), i) -
                                        strong.begin());
    }

    // The first mark (index) whose end is > `end`.
    std::size_t marks_after(std::uint32_t end) const {
        return static_cast<std::size_t>(
            std::upper_bound(marks.begin(), marks.end(), end,
                             [](std::uint32_t v, const Mark& m) { return v < m.end; }) -
            marks.begin());
    }

    void build_quotes(std::span<const PauseEvent> events) {
        quotes.clear();
        int depth = 0;
        bool straight = false;  // inside "…" (straight marks open and close by turn)
        std::uint32_t open_at = 0;
        auto close = [&](std::uint32_t at) {
            if (at > open_at) quotes.push_back({open_at, at, Frame::None, false, 0, 0});
        };
        for (const PauseEvent& ev : events) {
            if (ev.bits & td::kQuoteClose) {
                if (depth > 0 && --depth == 0 && !straight) close(ev.at);
            }
            if (ev.bits & td::kQuoteStraight) {
                if (straight) {
                    straight = false;
                    if (depth == 0) close(ev.at);
                } else {
                    straight = true;
                    if (depth == 0) open_at = ev.at;
                }
            }
            if (ev.bits & td::kQuoteOpen) {
                if (depth++ == 0 && !straight) open_at = ev.at;
            }
        }
        if (depth > 0 || straight) {  // never closed: to the end of its sentence, unsure
            const std::size_t s = sentence_of(open_at);
            const std::uint32_t end =
                s < strong.size() ? strong[s] : static_cast<std::uint32_t>(c.count);
            if (end > open_at) quotes.push_back({open_at, end, Frame::None, true, 0, 0});
        }
    }

    // The outermost region of `v` (sorted by begin, not overlapping) holding [b, e), or null.
    static Region* holding(std::vector<Region>& v, std::uint32_t b, std::uint32_t e) {
        auto it = std::upper_bound(v.begin(), v.end(), b,
                                   [](std::uint32_t x, const Region& r) { return x < r.begin; });
        if (it == v.begin()) return nullptr;
        --it;
        return it->begin <= b && e <= it->end ? &*it : nullptr;
    }

    // Speech verbs with a subject or a negation just before them: the clause after the verb,
    // or the quotation that opens right there, is in that voice.
    void build_frames(std::vector<std::uint32_t>& speech) {
        frames.clear();
        // The speech verbs, leftmost-longest (跟我说了: 跟我说, not 说 nor 说了).
        speech.clear();
        for (std::size_t s = 0; s < marks.size(); ++s)
            if (marks[s].kind == MarkerKind::Speech)
                speech.push_back(static_cast<std::uint32_t>(s));
        std::sort(speech.begin(), speech.end(), [&](std::uint32_t a, std::uint32_t b) {
            if (marks[a].begin != marks[b].begin) return marks[a].begin < marks[b].begin;
            return marks[a].end > marks[b].end;
        });
        std::uint32_t taken = 0;
        for (const std::uint32_t s : speech) {
            const Mark& sp = marks[s];
            if (sp.begin < taken) continue;
            taken = sp.end;
            // 说的 / 说得 / 说话 / 说明 …: not reporting anyone's words.
            if (sp.end < c.count && !c.ch[sp.end].pause) {
                const char32_t next = char_at(c, sp.end);
                if (next == U'的' || next == U'得' || next == U'话' || next == U'明' ||
                    next == U'法' || next == U'服' || next == U'什' || next == U'啥' ||
                    next == U'谎' || next == U'完' || next == U'清')
                    continue;
            }
            // The nearest subject or negation ending within kFrameReach before the verb, or a
            // negation holding the verb itself (没说, 别讲).
            Mark who_buf{MarkerKind::Count, 0, 0};
            const Mark* who = last_before(MarkerKind::Negator, sp.begin, kFrameReach);
            for (std::size_t k = marks_after(sp.end); k-- > 0 && marks[k].end == sp.end;)
                if (marks[k].kind == MarkerKind::Negator && marks[k].begin < sp.begin) {
                    who_buf = marks[k];
                    who = &who_buf;
                }
            const bool held = who == &who_buf;
            if (who && (who->end > sp.begin || !same_clause(c, who->end - 1, sp.begin)))
                who = nullptr;
            Mark subject{MarkerKind::Count, 0, 0};
            if (!held && subject_before(sp.begin, subject) &&
                (!who || subject.end > who->end ||
                 (subject.end == who->end &&
                  subject.end - subject.begin > who->end - who->begin))) {
                who_buf = subject;
                who = &who_buf;
            }
            if (!who) continue;
            // 您慢慢说，… invites the caller to speak; the caller's own words follow the verb in
            // its clause (您刚才说不清楚位置) or in quotation marks.
            if (who->kind == MarkerKind::Addressee && sp.end < c.count && c.ch[sp.end].pause &&
                !quote_at(sp.end))
                continue;
            Region r{};
            r.frame = who->kind == MarkerKind::Negator       ? Frame::Negated
                      : who->kind == MarkerKind::FirstPerson ? Frame::Own
                                                             : Frame::Reported;
            r.cue_b = who->begin;
            r.cue_e = sp.end;
            // A quotation opening right after the verb is what was said.
            if (Region* q = quote_at(sp.end)) {
                if (q->frame == Frame::None) {
                    q->frame = r.frame;
                    q->cue_b = r.cue_b;
                    q->cue_e = r.cue_e;
                }
                continue;
            }
            // Else the clause after the verb (the next one when a pause follows it).
            r.begin = sp.end;
            std::uint32_t e = sp.end + 1;
            const auto cap = static_cast<std::uint32_t>(
                std::min<std::size_t>(c.count, std::size_t{sp.end} + kFrameSpan));
            while (e < cap && !c.ch[e].pause) ++e;
            if (e >= cap && cap < c.count && !c.ch[cap].pause) r.uncertain = true;
            r.end = std::min<std::uint32_t>(e, static_cast<std::uint32_t>(c.count));
            if (r.end <= r.begin) continue;
            // Frames follow one another; a later one inside an earlier one's clause cuts it.
            if (!frames.empty() && frames.back().end > r.begin) frames.back().end = r.begin;
            frames.push_back(r);
        }
    }

    // The subject word (业主, 您, 我们…) ending nearest before `at`, within kFrameReach in its
    // clause, longest on ties: looked up by its last character.
    bool subject_before(std::uint32_t at, Mark& out) const {
        for (std::uint32_t p = at; p > 0 && p + kFrameReach >= at; --p) {
            if (p < at && c.ch[p].pause) break;  // the clause starts at p
            const auto it = im.subjects.find(char_at(c, p - 1));
            if (it == im.subjects.end()) continue;
            std::size_t best = 0;
            MarkerKind kind = MarkerKind::Count;
            for (const auto& s : it->second) {
                const std::size_t n = s.word.size();
                if (n > p || n <= best) continue;
                bool ok = true;
                for (std::size_t k = 0; k < n && ok; ++k) {
                    const std::size_t i = p - n + k;
                    const char32_t cp = char_at(c, i);
                    ok = (cp == s.word[k] || (s.word[k] == U'#' && is_numeral(cp))) &&
                         (k == 0 || !c.ch[i].pause);
                }
                if (ok) {
                    best = n;
                    kind = s.kind;
                }
            }
            if (best) {
                out = {kind, static_cast<std::uint32_t>(p - best), p};
                return true;
            }
        }
        return false;
    }

    Region* quote_at(std::uint32_t at) {
        auto it = std::lower_bound(quotes.begin(), quotes.end(), at,
                                   [](const Region& r, std::uint32_t x) { return r.begin < x; });
        return it != quotes.end() && it->begin == at ? &*it : nullptr;
    }

    // The nearest mark of `kind` ending at or before `b` (longest on ties), or null.
    const Mark* last_before(MarkerKind kind, std::uint32_t b, std::uint32_t reach) const {
        const Mark* best = nullptr;
        for (std::size_t k = marks_after(b); k-- > 0;) {
            const Mark& m = marks[k];
            if (m.end + reach < b) break;
            if (m.kind != kind) continue;
            if (!best || m.end > best->end ||
                (m.end == best->end && m.end - m.begin > best->end - best->begin))
                best = &m;
        }
        return best;
    }
};

struct Decision {
    Reading reading = Reading::Own;
    bool counted = true;
    bool sarcastic = false;
    bool uncertain = false;
    std::uint32_t cue_b = 0, cue_e = 0;
};

void set_cue(Decision& d, std::uint32_t b, std::uint32_t e) {
    d.cue_b = b;
    d.cue_e = e;
}

// Whose words [b, e) of `entry` are, and whether they are said in impatience.
Decision read_in_context(Reader& rd, std::uint16_t entry, std::uint32_t b, std::uint32_t e) {
    const Impl& im = rd.im;
    const Chars& c = rd.c;
    Decision d;
    auto take = [&](Reading r, const Region& reg) {
        d.reading = r;
        d.uncertain = d.uncertain || reg.uncertain;
        set_cue(d, reg.cue_b, reg.cue_e);
    };
    const Region* q = rd.quotes.empty() ? nullptr : Reader::holding(rd.quotes, b, e);
    const Region* f = q || rd.frames.empty() ? nullptr : Reader::holding(rd.frames, b, e);
    if (const Region* r = q ? q : f) {
        switch (r->frame) {
            case Frame::Negated:
                take(Reading::Negated, *r);
                break;
            case Frame::Reported:
                take(Reading::Reported, *r);
                break;
            case Frame::Own:
                d.uncertain = r->uncertain;
                set_cue(d, r->cue_b, r->cue_e);
                break;
            case Frame::None:
                take(Reading::Quoted, *r);
                break;
        }
        // Far into a long clause the frame may no longer govern.
        if (f && b > f->begin + 12) d.uncertain = true;
    } else {
        // A negation right before the phrase, in its clause.
        const std::uint32_t reach_any = kNegReachLong + 2;
        // A negation that ends on the phrase's first character covers it (不是 in 这不是你们
        // 自己的事, whose phrase starts at 是).
        const Mark* over = rd.negators ? rd.last_before(MarkerKind::Negator, b + 1, 0) : nullptr;
        if (over && over->end == b + 1 && over->begin < b) {
            d.reading = Reading::Negated;
            set_cue(d, over->begin, over->end);
        } else if (const Mark* n =
                       rd.negators ? rd.last_before(MarkerKind::Negator, b, reach_any) : nullptr) {
            if (n->end <= b && same_clause(c, n->end - 1, b)) {
                const std::uint32_t gap = b - n->end;
                const std::uint32_t reach = n->end - n->begin >= 2 ? kNegReachLong : kNegReachShort;
                if (gap <= reach) {
                    // 不是不知道 is a negation of a negation: not negated, but worth a look.
                    const Mark* n2 = rd.last_before(MarkerKind::Negator, n->begin, 1);
                    if (n2 && n2->end <= n->begin && same_clause(c, n2->end - 1, n->begin)) {
                        d.uncertain = true;
                        set_cue(d, n2->begin, n->end);
                    } else {
                        d.reading = Reading::Negated;
                        set_cue(d, n->begin, n->end);
                        d.uncertain = (reach > 0 && gap == reach);
                    }
                } else if (gap <= reach + (reach > 0 ? 2 : 1)) {
                    d.uncertain = true;  // a negation just out of reach
                    set_cue(d, n->begin, n->end);
                }
            }
        }
    }
    switch (d.reading) {
        case Reading::Own:
            break;
        case Reading::Negated:
            d.counted = !im.negatable[entry];
            break;
        case Reading::Reported:
            d.counted = !im.own_voice[entry];
            break;
        case Reading::Quoted:
            // A quotation without a speaker takes forbidden words from the trainee; a courtesy
            // formula in quotation marks is most likely still the trainee's (unsure).
            d.counted = !im.forbidden[entry];
            if (d.counted) d.uncertain = true;
            break;
    }
    if (d.counted) d.reading = Reading::Own;
    if (!d.counted || !im.courtesy[entry] || !rd.impatience) return d;
    // A courtesy formula wrapped in impatience (行了行了,对不起 / 对不起行了吧) in one sentence.
    const std::size_t sentence = rd.sentence_of(b);
    const Mark* best = nullptr;
    std::uint32_t best_dist = kSarcasmReach + 1;
    auto consider = [&](const Mark& m) {
        if (m.kind != MarkerKind::Impatience) return;
        if (rd.sentence_of(m.begin) != sentence) return;
        std::uint32_t dist;
        if (m.end <= b)
            dist = b - m.end;
        else if (m.begin >= e)
            dist = m.begin - e;
        else
            return;  // overlapping the formula itself
        if (dist < best_dist) {
            best_dist = dist;
            best = &m;
        }
    };
    for (std::size_t k = rd.marks_after(b); k-- > 0;) {
        if (rd.marks[k].end + kSarcasmReach < b) break;
        consider(rd.marks[k]);
    }
    for (std::size_t k = rd.marks_after(e); k < rd.marks.size(); ++k) {
        if (rd.marks[k].begin > e + kSarcasmReach + 8) break;  // marks are by end; keys are short
        consider(rd.marks[k]);
    }
    if (best) {
        d.sarcastic = true;
        set_cue(d, best->begin, best->end);
        d.uncertain = d.uncertain || best_dist > 4;
    }
    return d;
}

// ----------------------------------------------------------------------------------- [result]

// Assigns into existing strings where there are some, so a reused result allocates nothing.
[[gnu::noinline]] void assign_names_slow(std::vector<std::string>& v,
                                         const std::vector<std::uint16_t>& ids,
                                         const std::vector<std::string>& names) {
    if (ids.empty()) {
        v.clear();
        return;
    }
    v.resize(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (v[i] != names[ids[i]]) v[i].assign(names[ids[i]]);
}

// Most lists are empty before and after (no sarcasm, nothing forbidden): that case inline.
[[gnu::always_inline]] inline void assign_names(std::vector<std::string>& v,
                                                const std::vector<std::uint16_t>& ids,
                                                const std::vector<std::string>& names) {
    if (ids.empty() && v.empty()) return;
    assign_names_slow(v, ids, names);
}

struct SpanOut {
    std::uint16_t entry;
    bool weak;
    std::uint32_t begin, end;  // characters
    std::uint32_t rule;
    bool loose;
    Decision d;
};

// Every field of a span but its strings (name, cue).
void set_span_fields(const Impl& im, const Chars& c, const SpanOut& s, ActSpan& span) {
    span.forbidden = im.forbidden[s.entry];
    span.weak = s.weak;
    span.begin = c.ch[s.begin].norm;
    span.end = c.ch[s.end].norm;
    span.src_begin = c.ch[s.begin].src_begin;
    span.src_end = c.ch[s.end - 1].src_end;
    const Impl::RuleText& text = im.rule_text[s.rule];
    span.phrase = text.phrase;
    span.family = text.family;
    span.loose = s.loose;
    span.reading = s.d.reading;
    span.sarcastic = s.d.sarcastic;
    span.uncertain = s.d.uncertain;
}

// The words that decided the reading ("" when none).
std::string_view cue_of(const Chars& c, const SpanOut& s) {
    if (s.d.cue_e <= s.d.cue_b) return {};
    return std::string_view(c.text).substr(c.ch[s.d.cue_b].norm,
                                           c.ch[s.d.cue_e].norm - c.ch[s.d.cue_b].norm);
}

// The spans of a result, into the ones a reused result has (their strings assigned, their
// room kept); new ones are built and moved in (a resize would zero each new span first: that
// zeroing was a tenth of the per-text work after the automaton).
void fill_spans(const Impl& im, const Chars& c, const std::vector<SpanOut>& from,
                std::vector<ActSpan>& to) {
    if (to.size() > from.size())
        to.erase(to.begin() + static_cast<std::ptrdiff_t>(from.size()), to.end());
    const std::size_t reused = to.size();
    for (std::size_t k = 0; k < reused; ++k) {
        ActSpan& span = to[k];
        if (span.name != im.names[from[k].entry]) span.name.assign(im.names[from[k].entry]);
        span.cue.assign(cue_of(c, from[k]));
        set_span_fields(im, c, from[k], span);
    }
    for (std::size_t k = reused; k < from.size(); ++k) {
        ActSpan span{.name = im.names[from[k].entry], .cue = std::string(cue_of(c, from[k]))};
        set_span_fields(im, c, from[k], span);
        to.push_back(std::move(span));
    }
}

}  // namespace

DetectedActs LexiconDetector::detect(std::string_view input) const {
    DetectedActs out;
    detect_into(input, out, Path::Fast, limits::kMaxReplyBytes);
    return out;
}

void LexiconDetector::detect_into(std::string_view input, DetectedActs& out) const {
    detect_into(input, out, Path::Fast, limits::kMaxReplyBytes);
}

void LexiconDetector::detect_into(std::string_view input, DetectedActs& out, Path path,
                                  std::size_t max_bytes) const {
    // Per-thread working storage: detection allocates nothing but what its result needs.
    thread_local struct Scratch {
        Chars chars;
        std::vector<Hit> hits;
        std::vector<std::uint32_t> sufmin, latest;
        std::vector<Found> found;
        std::vector<std::uint8_t> vetoed;
        std::vector<Mark> marks;
        std::vector<std::uint32_t> strong;
        std::vector<Region> quotes, frames;
        std::vector<std::uint32_t> speech;
        std::vector<SpanOut> spans, aside;
        std::vector<std::uint16_t> acts, weak, sarcastic, forbidden, uncertain;
    } scratch;
    const Impl& im = *impl_;
    Chars& c = scratch.chars;

    // Read at most max_bytes, cut at a character boundary (offsets are 32-bit besides).
    max_bytes = std::min<std::size_t>(max_bytes, 0xFFFFFFF0u);
    out.truncated = input.size() > max_bytes;
    if (out.truncated) {
        std::size_t cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(input[cut]) & 0xC0) == 0x80) --cut;
        input = input.substr(0, cut);
    }
    bool valid = false;
    const bool fillers = im.filler != 0xFFFF;
    // (An empty automaton has neither table: the 32-bit path, as before.)
    const bool narrow = im.automaton.ac.table().comb16 != nullptr;
    auto run = [&]<bool F, class T>() {
        const int fast = path != Path::Fast ? -1 : fast_chars<F, T>(input, im, c);
        if (fast >= 0) return fast > 0;
        CharsSink<F, T> sink(c, im, input.size());
        return td::normalize_chars(input, sink);
    };
    if (fillers)
        valid = narrow ? run.template operator()<true, std::uint16_t>()
                       : run.template operator()<true, std::uint32_t>();
    else
        valid = narrow ? run.template operator()<false, std::uint16_t>()
                       : run.template operator()<false, std::uint32_t>();
    if (!valid) {
        c.bytes = c.count = c.nhits = c.steps = 0;
        c.nevents = 0;
        c.step_chars = false;
        c.ensure(1);
        c.ch[0] = {0, 0, 0, 0, 0};
    }
    out.normalized.assign(c.text.data(), c.bytes);

    std::vector<Hit>& hits = scratch.hits;
    std::vector<Found>& found = scratch.found;
    std::vector<Mark>& marks = scratch.marks;
    hits.clear();
    found.clear();
    marks.clear();
    // The hits are read from the last to the first, so that a part of a gapped rule is kept
    // only when a later part begins after it: the first parts of 「您…再来吧」 (every 您) are
    // dropped at once unless 再来吧 follows. Per part, the latest begin of its kept hits so far
    // (0: none; left all 0 between calls — only the slots touched are reset, below).
    if (scratch.latest.size() < im.multi_slots) scratch.latest.resize(im.multi_slots, 0);
    std::uint32_t* latest = scratch.latest.data();
    // (A part with no later part after it never gets here: the loop below drops it first.)
    auto gapped = [&](const Use& u, std::uint32_t b, std::uint32_t e) {
        hits.push_back({u.rule, u.part, b, e});
        latest[u.slot] = std::max(latest[u.slot], b);
    };

    // The keys found, checked against each phrase using them. Positions are the automaton's
    // steps (characters less the fillers); at() maps them back to characters.
    const std::uint32_t* pauses = im.pauses.data();
    const Chars::Ch* chs = c.ch.data();
    {
        const Use* uses = im.automaton.list_uses.data();
        const std::uint32_t* use_begin = im.automaton.list_use_begin.data();
        const std::uint32_t* lists = im.automaton.ac.list_of_data();
        auto at = [&c](std::size_t k) { return c.at(k); };
        for (std::size_t hi = c.nhits; hi-- > 0;) {
            const Chars::KeysEnd& h = c.hits[hi];
            const std::uint32_t se = h.end;
            const std::uint32_t e = c.at(se - 1) + 1;
            const std::uint32_t list = lists[h.out];
            for (const Use* u = uses + use_begin[list]; u != uses + use_begin[list + 1];
                 ++u) {
                // A gapped rule's earlier part with no later part after it (most of them): out
                // before anything else is read.
                if (u->multi && !u->last && latest[u->slot + 1] < e) continue;
                const std::uint32_t sb = se - u->key_length;
                std::uint32_t b = c.at(sb), ee = e;
                // No pause strictly inside unless the phrase allows it there (the prefix count
                // answers the common case, a phrase that allows none, at once).
                if (u->plain ? chs[e - 1].pauses_upto != chs[b].pauses_upto
                             : !part_fits(*u, pauses, c, sb, se, c.steps, at))
                    continue;
                if (u->inner && !inner_fits(im, im.rules[u->rule].parts[u->part].inner, c, b, e))
                    continue;
                if (u->kind == RuleKind::Marker) {
                    if (u->edges && !edges_fit(im, im.rules[u->rule], c, b, ee)) continue;
                    marks.push_back({static_cast<MarkerKind>(u->entry - im.first_marker), b, ee});
                } else if (u->multi) {
                    gapped(*u, b, e);
                } else {
                    if (u->edges && !edges_fit(im, im.rules[u->rule], c, b, ee)) continue;
                    found.push_back({u->entry, u->kind, e - b != u->key_length, b, ee, u->rule});
                }
            }
        }
    }
    std::reverse(marks.begin(), marks.end());  // back in order of end
    if (!hits.empty()) {
        // Every slot this text set has a hit: unset them for the next text.
        for (const Hit& h : hits) latest[im.first_slot[h.rule] + h.part] = 0;
        chain_parts(im, c, hits, scratch.sufmin, found);
    }
    drop_false_negators(marks);
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        if (a.entry != b.entry) return a.entry < b.entry;
        if (a.begin != b.begin) return a.begin < b.begin;
        if (a.end != b.end) return a.end < b.end;
        if (a.kind != b.kind) return a.kind < b.kind;
        return a.rule < b.rule;
    });
    const bool excepts = std::any_of(found.begin(), found.end(),
                                     [](const Found& f) { return f.kind == RuleKind::Except; });
    if (excepts) apply_vetoes(found, scratch.vetoed);

    // The context: sentence starts, quotations, frames.
    scratch.strong.clear();
    const std::span<const PauseEvent> events(c.events.data(), c.nevents);
    for (const PauseEvent& ev : events)
        if (ev.bits & td::kPauseStrong) scratch.strong.push_back(ev.at);
    scratch.quotes.clear();
    scratch.frames.clear();
    Reader rd{im, c, marks, scratch.strong, scratch.quotes, scratch.frames};
    // Nothing to read in context without a marker or a quotation mark (most replies): every
    // match is then the trainee's own.
    bool quoting = false;
    for (const PauseEvent& ev : events)
        quoting = quoting || (ev.bits & (td::kQuoteOpen | td::kQuoteClose | td::kQuoteStraight));
    const bool in_context =
        im.detection == Detection::Meaning && !found.empty() && (!marks.empty() || quoting);
    if (in_context) {
        for (const Mark& m : marks) {
            rd.negators = rd.negators || m.kind == MarkerKind::Negator;
            rd.speaking = rd.speaking || m.kind == MarkerKind::Speech;
            rd.impatience = rd.impatience || m.kind == MarkerKind::Impatience;
        }
        if (quoting) rd.build_quotes(events);
        if (rd.speaking) rd.build_frames(scratch.speech);
    }

    // Per entry (in the fixed order): the reading of each match; strong beats weak.
    scratch.acts.clear();
    scratch.weak.clear();
    scratch.sarcastic.clear();
    scratch.forbidden.clear();
    scratch.uncertain.clear();
    scratch.spans.clear();
    scratch.aside.clear();
    for (std::size_t i = 0; i < found.size();) {
        std::size_t j = i;
        while (j < found.size() && found[j].entry == found[i].entry) ++j;
        const std::uint16_t entry = found[i].entry;
        bool strong = false, weak = false, plain = false, unsure = false;
        const std::size_t first_span = scratch.spans.size();
        for (std::size_t k = i; k < j; ++k) {
            const Found& f = found[k];
            if (f.kind == RuleKind::Except || (excepts && scratch.vetoed[k])) continue;
            const bool readable = in_context && (im.forbidden[entry] || im.negatable[entry] ||
                                                 im.own_voice[entry] || im.courtesy[entry]);
            const Decision d = readable ? read_in_context(rd, entry, f.begin, f.end) : Decision{};
            unsure = unsure || d.uncertain;
            std::vector<SpanOut>& list = d.counted ? scratch.spans : scratch.aside;
            // The same words through two phrases: one span (the first phrase's).
            const std::size_t from = d.counted ? first_span : 0;
            const bool dup = list.size() > from && list.back().entry == entry &&
                             list.back().begin == f.begin && list.back().end == f.end;
            if (d.counted) {
                (f.kind == RuleKind::Weak ? weak : strong) = true;
                plain = plain || !d.sarcastic;
            }
            if (dup) {
                list.back().loose = list.back().loose && f.loose;
                continue;
            }
            list.push_back({entry, f.kind == RuleKind::Weak, f.begin, f.end, f.rule, f.loose, d});
        }
        // A vague form only (马上 for a time) is a judgement call: partial credit, for review.
        if (unsure || (weak && !strong && im.vague[entry])) scratch.uncertain.push_back(entry);
        if (strong || weak) {
            if (im.forbidden[entry]) {
                scratch.forbidden.push_back(entry);
            } else {
                scratch.acts.push_back(entry);
                if (!strong) scratch.weak.push_back(entry);
                if (!plain) scratch.sarcastic.push_back(entry);
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
    assign_names(out.sarcastic_acts, scratch.sarcastic, im.names);
    assign_names(out.forbidden, scratch.forbidden, im.names);
    assign_names(out.uncertain, scratch.uncertain, im.names);
    fill_spans(im, c, scratch.spans, out.spans);
    fill_spans(im, c, scratch.aside, out.set_aside);
}

}  // namespace dd
