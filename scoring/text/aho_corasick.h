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
class Dfa {
  public:
    // `keys` as class sequences (classes 1..nclass-1; empty keys match nothing). A non-zero
    // `skip` class (in no key) leaves every state as it is: the automaton reads past it as if
    // it were not there.
    void build(const std::vector<std::vector<std::uint32_t>>& keys, std::uint32_t nclass,
               std::uint32_t skip = 0);

    std::size_t state_count() const { return nstates_; }
    std::uint32_t class_count() const { return nclass_; }
    // A row of the table holds 2^row_shift() entries (the classes rounded up to a power of two):
    // a state's row starts at state << row_shift(), at a cache line's start, so finding it is a
    // shift, not a multiplication on the loop's critical path, and the classes a text reads
    // most (the smallest) share the row's first line.
    std::uint32_t row_shift() const { return shift_; }
    bool empty() const { return delta16_.empty() && delta32_.empty(); }

    // One transition (the automaton must not be empty()): the next state, with kHit set when
    // keys end there (outputs() lists them).
    static constexpr std::uint32_t kHit = 0x80000000u;
    std::uint32_t step(std::uint32_t state, std::uint32_t cls) const { return table().step(state, cls); }
    // The raw transition table, for a caller that steps in its own loop and wants the table
    // and its width in registers (Table::step); one of the two pointers is null.
    struct Table {
        const std::uint16_t* delta16 = nullptr;
        const std::uint32_t* delta32 = nullptr;
        std::uint32_t shift = 0;  // row_shift()

        [[gnu::always_inline]] std::uint32_t step(std::uint32_t state, std::uint32_t cls) const {
            const std::size_t i = (static_cast<std::size_t>(state) << shift) + cls;
            if (delta16) {
                const std::uint32_t t = delta16[i];
                return (t & 0x7FFFu) | ((t & kOut16) << 16);
            }
            return delta32[i];
        }
    };
    Table table() const {
        return {delta16_.empty() ? nullptr : aligned(delta16_),
                delta32_.empty() ? nullptr : aligned(delta32_), shift_};
    }
    const std::uint32_t* outputs_begin(std::uint32_t state) const {
        return out_.data() + out_begin_[state];
    }
    const std::uint32_t* outputs_end(std::uint32_t state) const {
        return out_.data() + out_begin_[state + 1];
    }

    // Calls on_hit(key, end) for every occurrence, `end` one past its last symbol, in order of
    // end position; class_of(p[i]) gives each symbol's class.
    template <class Sym, class ClassOf, class OnHit>
    void scan(const Sym* p, std::size_t n, ClassOf&& class_of, OnHit&& on_hit) const {
        if (!delta16_.empty())
            run(aligned(delta16_), p, n, class_of, on_hit);
        else if (!delta32_.empty())
            run(aligned(delta32_), p, n, class_of, on_hit);
    }

    // A transition's top bit says "the next state has outputs", so the output table is only
    // read on a hit; the rest is the state number. 16-bit entries while the states fit (the
    // shipped lexicon's do), which halves the table and keeps more of it in cache.
    static constexpr std::uint16_t kOut16 = 0x8000;

  private:
    static constexpr std::uint32_t kOut32 = 0x80000000u;
    // The tables hold kAlign bytes more than their rows: the rows start at the first multiple
    // of kAlign in them (a copy of the vector may sit elsewhere, so it is found on each use).
    static constexpr std::size_t kAlign = 64;
    template <class T>
    static const T* aligned(const std::vector<T>& v) {
        const auto a = reinterpret_cast<std::uintptr_t>(v.data());
        return v.data() + ((kAlign - a % kAlign) % kAlign) / sizeof(T);
    }

    template <class T, class Sym, class ClassOf, class OnHit>
    void run(const T* d, const Sym* p, std::size_t n, ClassOf& class_of, OnHit& on_hit) const {
        constexpr T kFlag = static_cast<T>(T(1) << (sizeof(T) * 8 - 1));
        const std::uint32_t shift = shift_;
        std::size_t state = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const T t = d[(state << shift) + class_of(p[i])];
            state = t & static_cast<T>(~kFlag);
            if (t & kFlag) {
                const std::uint32_t e = out_begin_[state + 1];
                for (std::uint32_t k = out_begin_[state]; k < e; ++k) on_hit(out_[k], i + 1);
            }
        }
    }

    std::uint32_t nclass_ = 0;
    std::uint32_t shift_ = 0;
    std::size_t nstates_ = 0;
    std::vector<std::uint16_t> delta16_;    // (state << shift_) + class → next state | flag
    std::vector<std::uint32_t> delta32_;    // the same when there are too many states for 16 bits
    std::vector<std::uint32_t> out_begin_;  // per state (+1): range in out_
    std::vector<std::uint32_t> out_;        // keys ending at a state, own and by suffix links
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

    // The same one symbol at a time, for a caller that produces the symbols as it goes: start
    // at state 0; step() gives the next state, with kHit set when keys end there, and
    // outputs_begin/end() list them (as scan() would report them, in that order).
    static constexpr std::uint32_t kHit = detail::Dfa::kHit;
    bool empty() const { return dfa_.empty(); }
    std::uint32_t step(std::uint32_t state, std::uint16_t sym) const {
        return dfa_.step(state, sym);
    }
    detail::Dfa::Table table() const { return dfa_.table(); }
    const std::uint32_t* outputs_begin(std::uint32_t state) const {
        return dfa_.outputs_begin(state);
    }
    const std::uint32_t* outputs_end(std::uint32_t state) const { return dfa_.outputs_end(state); }

  private:
    detail::Dfa dfa_;
    std::vector<std::uint32_t> key_len_;
};

}  // namespace dd::text
