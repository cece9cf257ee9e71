// Aho–Corasick automata compiled to a full DFA (goto and failure links folded into one
// transition table), so a scan is one table lookup per input symbol plus the outputs of the
// states it passes. AhoCorasick works over bytes (byte classes); SymbolAhoCorasick over a small
// alphabet of 16-bit symbols (the detector maps each character to one, so a Chinese character
// is one step instead of three). Built once; scanning is const and thread-safe.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dd::text {

namespace detail {

// The DFA shared by both automata: states × classes, class 0 being "in no key".
//
// Stored compressed, as lexer generators store theirs (a "comb"): nearly every transition of
// nearly every state is the root's for the same class (the text goes on in no key), so only
// the transitions that differ are stored, each state's at its own offset into one array of
// slots, the slots of many states interleaved; a slot names the state it belongs to. A state
// *is* its offset (the root's is 0): a step reads the slot at state + class and takes it when
// it belongs to the state, else the root's transition for the class. The keys found are
// reported by the transition taken (its outputs: Next::out), not by the state reached, so a
// state with no transitions of its own (the end of a key nothing extends) is not kept: a
// transition into it goes to its failure state, reporting its keys. The shipped lexicon's
// meaning automaton is ~100 KB of slots this way (and as much of list numbers, read only on
// a hit) instead of a 3.8 MB full table, and it is built without ever making that table
// (BM_LoadLexicon: 80 ms -> 15 ms for the whole lexicon).
class Dfa {
  public:
    // `keys` as class sequences (classes 1..nclass-1; empty keys match nothing). A non-zero
    // `skip` class (in no key) is read past as if it were not there: scan() does; a caller
    // stepping in its own loop keeps its state on it — the table leads to the root and
    // reports nothing.
    void build(const std::vector<std::vector<std::uint32_t>>& keys, std::uint32_t nclass,
               std::uint32_t skip = 0);

    std::size_t state_count() const { return nstates_; }  // of the trie (before the merge)
    std::uint32_t class_count() const { return nclass_; }
    bool empty() const { return comb16_.empty() && comb32_.empty(); }
    // The keys found are reported in lists (one per state that reports some), numbered below
    // list_count(): a transition's list is list_of_data()[Next::out], its keys
    // outputs_begin/end(list).
    std::uint32_t list_count() const {
        return out_begin_.empty() ? 0 : static_cast<std::uint32_t>(out_begin_.size() - 1);
    }

    // A slot of the comb: the state it belongs to (all ones: none) and the transition, the
    // next state with the top bit set when keys end there.
    template <class T>
    struct Slot {
        T owner;
        T next;
    };
    template <class T>
    struct Next {
        T t;                // the next state | the top bit when keys end on the way
        std::uint32_t out;  // the transition taken (its list of keys: list_of_data()[out])
    };

    // The raw tables, for a caller that steps in its own loop and wants them and their width
    // in registers (Table::next); 16-bit entries while the states fit, else 32-bit. Start at
    // state 0.
    struct Table {
        const Slot<std::uint16_t>* comb16 = nullptr;
        const std::uint16_t* root16 = nullptr;
        const Slot<std::uint32_t>* comb32 = nullptr;
        const std::uint32_t* root32 = nullptr;
        std::uint32_t root_out = 0;  // the outputs of the root's transition on class c: root_out + c

        template <class T>
        [[gnu::always_inline]] static Next<T> next(const Slot<T>* comb, const T* root,
                                                    std::uint32_t root_out, T state,
                                                    std::uint32_t cls) {
            // Both reads at once (neither waits for the other), then a select, not a branch:
            // whether a character goes on in a key is as unpredictable as text.
            const std::uint32_t i = static_cast<std::uint32_t>(state) + cls;
            const Slot<T> s = comb[i];
            const T r = root[cls];
            const bool own = s.owner == state;
            return {own ? s.next : r, own ? i : root_out + cls};
        }
    };
    Table table() const {
        const auto root_out = static_cast<std::uint32_t>(slots_);
        if (!comb16_.empty())
            return {comb16_.data(), root16_.data(), nullptr, nullptr, root_out};
        if (!comb32_.empty())
            return {nullptr, nullptr, comb32_.data(), root32_.data(), root_out};
        return {};
    }
    // Per transition (Next::out): its list of keys.
    const std::uint32_t* list_of_data() const { return list_.data(); }
    const std::uint32_t* outputs_begin(std::uint32_t list) const {
        return out_.data() + out_begin_[list];
    }
    const std::uint32_t* outputs_end(std::uint32_t list) const {
        return out_.data() + out_begin_[list + 1];
    }

    // Calls on_hit(key, end) for every occurrence, `end` one past its last symbol, in order of
    // end position; class_of(p[i]) gives each symbol's class.
    template <class Sym, class ClassOf, class OnHit>
    void scan(const Sym* p, std::size_t n, ClassOf&& class_of, OnHit&& on_hit) const {
        if (!comb16_.empty())
            run(comb16_.data(), root16_.data(), p, n, class_of, on_hit);
        else if (!comb32_.empty())
            run(comb32_.data(), root32_.data(), p, n, class_of, on_hit);
    }

  private:
    template <class T, class Sym, class ClassOf, class OnHit>
    void run(const Slot<T>* comb, const T* root, const Sym* p, std::size_t n, ClassOf& class_of,
             OnHit& on_hit) const {
        constexpr T kFlag = static_cast<T>(T(1) << (sizeof(T) * 8 - 1));
        const auto root_out = static_cast<std::uint32_t>(slots_);
        T state = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint32_t cls = class_of(p[i]);
            if (skip_ && cls == skip_) continue;
            const Next<T> x = Table::next(comb, root, root_out, state, cls);
            state = x.t & static_cast<T>(~kFlag);
            if (x.t & kFlag) {
                const std::uint32_t list = list_[x.out];
                for (const std::uint32_t* k = outputs_begin(list); k != outputs_end(list); ++k)
                    on_hit(*k, i + 1);
            }
        }
    }

    std::uint32_t nclass_ = 0;
    std::uint32_t skip_ = 0;
    std::size_t nstates_ = 0;
    std::size_t slots_ = 0;  // the comb's length
    // The comb (slots [state + class]) and the root's transitions (per class); 16-bit while
    // every state and slot number fits in 15 bits, else 32-bit.
    std::vector<Slot<std::uint16_t>> comb16_;
    std::vector<std::uint16_t> root16_;
    std::vector<Slot<std::uint32_t>> comb32_;
    std::vector<std::uint32_t> root32_;
    // Per transition (comb slot i: i; the root's on class c: slots_ + c): its list.
    std::vector<std::uint32_t> list_;
    std::vector<std::uint32_t> out_begin_;  // per list (+1): range in out_
    std::vector<std::uint32_t> out_;        // the lists' keys: a state's own and by suffix links
};

}  // namespace detail

class AhoCorasick {
  public:
    AhoCorasick() = default;
    // `keys` must be non-empty byte strings; duplicates are allowed (each keeps its index).
    explicit AhoCorasick(const std::vector<std::string>& keys);

    std::size_t key_count() const { return key_len_.size(); }
    std::size_t state_count() const { return dfa_.state_count(); }
    std::size_t class_count() const { return dfa_.class_count(); }
    std::size_t key_length(std::uint32_t key) const { return key_len_[key]; }

    // Calls on_hit(key, end) for every occurrence of every key, `end` one past its last byte,
    // in order of end position.
    template <class OnHit>
    void scan(std::string_view text, OnHit&& on_hit) const {
        dfa_.scan(
            reinterpret_cast<const unsigned char*>(text.data()), text.size(),
            [this](unsigned char c) { return cls_[c]; }, on_hit);
    }

  private:
    std::array<std::uint16_t, 256> cls_{};  // byte → class (0: a byte in no key)
    detail::Dfa dfa_;
    std::vector<std::uint32_t> key_len_;
};

// Over symbols 0..alphabet-1, where 0 stands for anything in no key (keys must not use it).
class SymbolAhoCorasick {
  public:
    SymbolAhoCorasick() = default;
    // A non-zero `skip` symbol (in no key) is read past: it leaves the state as it is.
    SymbolAhoCorasick(const std::vector<std::vector<std::uint16_t>>& keys, std::uint32_t alphabet,
                      std::uint16_t skip = 0);

    std::size_t key_count() const { return key_len_.size(); }
    std::size_t state_count() const { return dfa_.state_count(); }
    std::size_t key_length(std::uint32_t key) const { return key_len_[key]; }

    // Calls on_hit(key, end) for every occurrence of every key in syms[0, n), `end` one past
    // its last symbol, in order of end position. Symbols must be < alphabet.
    template <class OnHit>
    void scan(const std::uint16_t* syms, std::size_t n, OnHit&& on_hit) const {
        dfa_.scan(
            syms, n, [](std::uint16_t s) { return s; }, on_hit);
    }

    // The tables, for a caller that produces the symbols as it goes and steps in its own loop
    // (Dfa::Table); the keys a transition reports: its list (list_of_data()), then
    // outputs_begin/end(list), lists numbered below list_count() (as scan() would report
    // them, in that order).
    bool empty() const { return dfa_.empty(); }
    detail::Dfa::Table table() const { return dfa_.table(); }
    const std::uint32_t* list_of_data() const { return dfa_.list_of_data(); }
    std::uint32_t list_count() const { return dfa_.list_count(); }
    const std::uint32_t* outputs_begin(std::uint32_t list) const { return dfa_.outputs_begin(list); }
    const std::uint32_t* outputs_end(std::uint32_t list) const { return dfa_.outputs_end(list); }

  private:
    detail::Dfa dfa_;
    std::vector<std::uint32_t> key_len_;
};

}  // namespace dd::text
