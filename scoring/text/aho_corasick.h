// A byte-level Aho–Corasick automaton compiled to a full DFA (goto and failure links folded
// into one transition table over byte classes), so a scan is one table lookup per input byte
// plus the outputs of the states it passes. Built once from the lexicon's patterns; scanning
// is const and thread-safe.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dd::text {

class AhoCorasick {
  public:
    AhoCorasick() = default;
    // `keys` must be non-empty byte strings; duplicates are allowed (each keeps its index).
    explicit AhoCorasick(const std::vector<std::string>& keys);

    std::size_t key_count() const { return key_len_.size(); }
    std::size_t state_count() const { return nstates_; }
    std::size_t class_count() const { return nclass_; }
    std::size_t key_length(std::uint32_t key) const { return key_len_[key]; }

    // Calls on_hit(key, end) for every occurrence of every key, `end` one past its last byte,
    // in order of end position.
    template <class OnHit>
    void scan(std::string_view text, OnHit&& on_hit) const {
        if (!delta16_.empty())
            run(delta16_, text, on_hit);
        else if (!delta32_.empty())
            run(delta32_, text, on_hit);
    }

  private:
    // A transition's top bit says "the next state has outputs", so the output table is only
    // read on a hit; the rest is the state number. 16-bit entries while the states fit (the
    // shipped lexicon's ~7000 do), which halves the table and keeps more of it in cache.
    static constexpr std::uint16_t kOut16 = 0x8000;
    static constexpr std::uint32_t kOut32 = 0x80000000u;

    template <class T, class OnHit>
    void run(const std::vector<T>& delta, std::string_view text, OnHit& on_hit) const {
        constexpr T kFlag = static_cast<T>(T(1) << (sizeof(T) * 8 - 1));
        std::size_t state = 0;
        const auto* p = reinterpret_cast<const unsigned char*>(text.data());
        const std::size_t n = text.size();
        for (std::size_t i = 0; i < n; ++i) {
            const T t = delta[state * nclass_ + cls_[p[i]]];
            state = t & static_cast<T>(~kFlag);
            if (t & kFlag) {
                const std::uint32_t e = out_begin_[state + 1];
                for (std::uint32_t k = out_begin_[state]; k < e; ++k) on_hit(out_[k], i + 1);
            }
        }
    }

    std::array<std::uint16_t, 256> cls_{};  // byte → class (0: a byte in no key)
    std::uint32_t nclass_ = 0;
    std::size_t nstates_ = 0;
    std::vector<std::uint16_t> delta16_;    // state * nclass_ + class → next state | flag
    std::vector<std::uint32_t> delta32_;    // the same when there are too many states for 16 bits
    std::vector<std::uint32_t> out_begin_;  // per state (+1): range in out_
    std::vector<std::uint32_t> out_;        // keys ending at a state, own and by suffix links
    std::vector<std::uint32_t> key_len_;
};

}  // namespace dd::text
