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
    std::size_t state_count() const { return nclass_ ? delta_.size() / nclass_ : 0; }
    std::size_t key_length(std::uint32_t key) const { return key_len_[key]; }

    // Calls on_hit(key, end) for every occurrence of every key, `end` one past its last byte,
    // in order of end position.
    template <class OnHit>
    void scan(std::string_view text, OnHit&& on_hit) const {
        if (delta_.empty()) return;
        std::uint32_t state = 0;
        const auto* p = reinterpret_cast<const unsigned char*>(text.data());
        const std::size_t n = text.size();
        for (std::size_t i = 0; i < n; ++i) {
            state = delta_[static_cast<std::size_t>(state) * nclass_ + cls_[p[i]]];
            const std::uint32_t b = out_begin_[state];
            const std::uint32_t e = out_begin_[state + 1];
            for (std::uint32_t k = b; k < e; ++k) on_hit(out_[k], i + 1);
        }
    }

private:
    std::array<std::uint16_t, 256> cls_{};  // byte → class (0: a byte in no key)
    std::uint32_t nclass_ = 0;
    std::vector<std::uint32_t> delta_;      // state * nclass_ + class → next state
    std::vector<std::uint32_t> out_begin_;  // per state (+1): range in out_
    std::vector<std::uint32_t> out_;        // keys ending at a state, own and by suffix links
    std::vector<std::uint32_t> key_len_;
};

}  // namespace dd::text
