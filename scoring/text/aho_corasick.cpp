// Aho–Corasick construction: byte classes (or the caller's symbols), then a trie over them, then a
// breadth-first pass that sets failure links and fills every missing transition from the failure
// state (the DFA form), and merges each state's outputs with those of its failure state.
#include "aho_corasick.h"

#include <limits>

namespace dd::text {

AhoCorasick::AhoCorasick(const std::vector<std::string>& keys) {
    // Byte classes: one per distinct byte used by a key, class 0 for all the others. Chinese
    // UTF-8 shares few lead bytes, so this shrinks the table several times over.
    std::array<bool, 256> used{};
    for (const auto& k : keys)
        for (unsigned char c : k) used[c] = true;
    std::uint32_t nclass = 1;
    for (int b = 0; b < 256; ++b) cls_[b] = used[b] ? static_cast<std::uint16_t>(nclass++) : 0;
    std::vector<std::vector<std::uint32_t>> seqs(keys.size());
    key_len_.reserve(keys.size());
    for (std::size_t id = 0; id < keys.size(); ++id) {
        key_len_.push_back(static_cast<std::uint32_t>(keys[id].size()));
        for (unsigned char c : keys[id]) seqs[id].push_back(cls_[c]);
    }
    dfa_.build(seqs, nclass);
}

SymbolAhoCorasick::SymbolAhoCorasick(const std::vector<std::vector<std::uint16_t>>& keys,
                                     std::uint32_t alphabet, std::uint16_t skip) {
    std::vector<std::vector<std::uint32_t>> seqs(keys.size());
    key_len_.reserve(keys.size());
    for (std::size_t id = 0; id < keys.size(); ++id) {
        key_len_.push_back(static_cast<std::uint32_t>(keys[id].size()));
        seqs[id].assign(keys[id].begin(), keys[id].end());
    }
    dfa_.build(seqs, alphabet, skip);
}

namespace detail {

void Dfa::build(const std::vector<std::vector<std::uint32_t>>& keys, std::uint32_t nclass,
                std::uint32_t skip) {
    nclass_ = nclass;
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> delta_(nclass_, kNone);
    std::vector<std::vector<std::uint32_t>> own(1);
    for (std::uint32_t id = 0; id < keys.size(); ++id) {
        const auto& k = keys[id];
        if (k.empty()) continue;
        std::uint32_t s = 0;
        for (std::uint32_t c : k) {
            const std::size_t slot = static_cast<std::size_t>(s) * nclass_ + c;
            if (delta_[slot] == kNone) {
                const auto next = static_cast<std::uint32_t>(own.size());
                own.emplace_back();
                delta_.resize(delta_.size() + nclass_, kNone);
                delta_[slot] = next;
            }
            s = delta_[slot];
        }
        own[s].push_back(id);
    }

    const std::size_t nstates = own.size();
    std::vector<std::uint32_t> fail(nstates, 0);
    std::vector<std::vector<std::uint32_t>> outs(nstates);
    std::vector<std::uint32_t> queue;
    queue.reserve(nstates);
    for (std::uint32_t c = 0; c < nclass_; ++c) {
        std::uint32_t& t = delta_[c];
        if (t == kNone) {
            t = 0;
        } else {
            fail[t] = 0;
            queue.push_back(t);
        }
    }
    outs[0] = own[0];
    for (std::size_t qi = 0; qi < queue.size(); ++qi) {
        const std::uint32_t s = queue[qi];
        // Failure state's outputs are final: it is shallower, so dequeued earlier.
        outs[s] = own[s];
        outs[s].insert(outs[s].end(), outs[fail[s]].begin(), outs[fail[s]].end());
        for (std::uint32_t c = 0; c < nclass_; ++c) {
            const std::size_t slot = static_cast<std::size_t>(s) * nclass_ + c;
            const std::uint32_t via_fail = delta_[static_cast<std::size_t>(fail[s]) * nclass_ + c];
            if (delta_[slot] == kNone) {
                delta_[slot] = via_fail;
            } else {
                fail[delta_[slot]] = via_fail;
                queue.push_back(delta_[slot]);
            }
        }
    }

    // Renumber the states breadth-first (the queue's order): the shallow states, which nearly
    // every byte of text passes through, then sit together at the start of the table.
    {
        std::vector<std::uint32_t> order;  // new → old
        order.reserve(nstates);
        order.push_back(0);
        order.insert(order.end(), queue.begin(), queue.end());
        std::vector<std::uint32_t> rank(nstates);  // old → new
        for (std::uint32_t k = 0; k < order.size(); ++k) rank[order[k]] = k;
        std::vector<std::uint32_t> renumbered(delta_.size());
        std::vector<std::vector<std::uint32_t>> outs_renumbered(nstates);
        for (std::uint32_t k = 0; k < order.size(); ++k) {
            const std::size_t from = static_cast<std::size_t>(order[k]) * nclass_;
            for (std::uint32_t c = 0; c < nclass_; ++c)
                renumbered[static_cast<std::size_t>(k) * nclass_ + c] = rank[delta_[from + c]];
            outs_renumbered[k] = std::move(outs[order[k]]);
        }
        delta_ = std::move(renumbered);
        outs = std::move(outs_renumbered);
    }
    if (skip)
        for (std::size_t st = 0; st < nstates; ++st)
            delta_[st * nclass_ + skip] = static_cast<std::uint32_t>(st);

    out_begin_.reserve(nstates + 1);
    for (std::size_t s = 0; s < nstates; ++s) {
        out_begin_.push_back(static_cast<std::uint32_t>(out_.size()));
        out_.insert(out_.end(), outs[s].begin(), outs[s].end());
    }
    out_begin_.push_back(static_cast<std::uint32_t>(out_.size()));

    nstates_ = nstates;
    // (A skip never reports: the keys ending at the state were reported on entering it.)
    auto hit = [&](std::size_t i) {
        return !outs[delta_[i]].empty() && !(skip && i % nclass_ == skip);
    };
    // Rows of 2^shift_ entries (the padding is never read), aligned: see row_shift().
    shift_ = 0;
    while ((std::uint64_t{1} << shift_) < nclass_) ++shift_;
    auto lay_out = [&]<class T>(std::vector<T>& out, T flag) {
        out.assign((nstates << shift_) + kAlign / sizeof(T), 0);
        T* rows = const_cast<T*>(aligned(out));
        for (std::size_t i = 0; i < delta_.size(); ++i)
            rows[((i / nclass_) << shift_) + i % nclass_] =
                static_cast<T>(delta_[i] | (hit(i) ? flag : 0));
    };
    if (nstates < kOut16)
        lay_out(delta16_, kOut16);
    else if (nstates < kOut32)
        lay_out(delta32_, kOut32);
    // (2^31 states would be a lexicon of gigabytes: left empty, it finds nothing.)
}

}  // namespace detail

}  // namespace dd::text
