// Aho–Corasick construction: byte classes (or the caller's symbols), then a trie over them, then a
// breadth-first pass that sets failure links and merges each state's outputs with those of its
// failure state; then the DFA's transitions that differ from the root's, packed into the comb
// (aho_corasick.h), the states with no children of their own replaced by their failure states.
#include "aho_corasick.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

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
    skip_ = skip;
    nstates_ = 0;
    slots_ = 0;
    comb16_.clear(), root16_.clear(), comb32_.clear(), root32_.clear();
    out_begin_.clear(), out_.clear(), list_.clear();
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

    // The trie: each state's children (class, child), and a map for the lookups. No dense
    // table is ever made (states × classes was megabytes to fill and page in).
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> kids(1);
    std::vector<std::vector<std::uint32_t>> own(1);
    std::unordered_map<std::uint64_t, std::uint32_t> go;
    auto edge = [](std::uint32_t s, std::uint32_t c) { return std::uint64_t{s} << 32 | c; };
    auto child = [&](std::uint32_t s, std::uint32_t c) {
        const auto it = go.find(edge(s, c));
        return it == go.end() ? kNone : it->second;
    };
    for (std::uint32_t id = 0; id < keys.size(); ++id) {
        const auto& k = keys[id];
        if (k.empty()) continue;
        std::uint32_t s = 0;
        for (std::uint32_t c : k) {
            auto [it, fresh] = go.emplace(edge(s, c), static_cast<std::uint32_t>(own.size()));
            if (fresh) {
                kids[s].emplace_back(c, it->second);
                kids.emplace_back();
                own.emplace_back();
            }
            s = it->second;
        }
        own[s].push_back(id);
    }
    const std::size_t nstates = own.size();
    nstates_ = nstates;

    // Failure links breadth-first, each state's outputs merged with its failure state's.
    // delta(s, c): the trie's child, else the failure state's transition, down to the root.
    std::vector<std::uint32_t> fail(nstates, 0);
    std::vector<std::vector<std::uint32_t>> outs(nstates);
    auto delta = [&](std::uint32_t s, std::uint32_t c) {
        for (;; s = fail[s]) {
            if (const std::uint32_t t = child(s, c); t != kNone) return t;
            if (s == 0) return 0u;
        }
    };
    std::vector<std::uint32_t> order{0};  // breadth-first
    order.reserve(nstates);
    outs[0] = own[0];
    for (std::size_t qi = 0; qi < order.size(); ++qi) {
        const std::uint32_t s = order[qi];
        if (s != 0) {
            // Failure state's outputs are final: it is shallower, so dequeued earlier.
            outs[s] = own[s];
            outs[s].insert(outs[s].end(), outs[fail[s]].begin(), outs[fail[s]].end());
        }
        std::sort(kids[s].begin(), kids[s].end());
        for (const auto& [c, t] : kids[s]) {
            fail[t] = s == 0 ? 0 : delta(fail[s], c);
            order.push_back(t);
        }
    }

    // A state with no children has its failure state's transitions: it is replaced by it (by
    // the state that replaces that one, shallower still), its keys reported on the way in.
    std::vector<std::uint32_t> kept(nstates, 0);  // the state standing for each
    for (const std::uint32_t s : order) kept[s] = s == 0 || !kids[s].empty() ? s : kept[fail[s]];

    // Each kept state's transitions that differ from the root's (the true target, whose keys
    // it reports, differs): only the classes of its children and of its failure states'
    // can. (class, target), by class.
    std::vector<std::uint32_t> root_to(nclass_, 0);
    for (const auto& [c, t] : kids[0]) root_to[c] = t;
    std::vector<std::uint32_t> rows;  // the kept states but the root, breadth-first
    for (const std::uint32_t s : order)
        if (s != 0 && kept[s] == s) rows.push_back(s);
    std::vector<std::uint32_t> diff_begin(nstates, 0), diff_end(nstates, 0);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> diffs;
    std::vector<std::uint32_t> classes;
    for (const std::uint32_t s : rows) {
        classes.clear();
        for (std::uint32_t f = s; f != 0; f = fail[f])
            for (const auto& kid : kids[f]) classes.push_back(kid.first);
        std::sort(classes.begin(), classes.end());
        classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
        diff_begin[s] = static_cast<std::uint32_t>(diffs.size());
        for (const std::uint32_t c : classes)
            if (const std::uint32_t t = delta(s, c); t != root_to[c]) diffs.emplace_back(c, t);
        diff_end[s] = static_cast<std::uint32_t>(diffs.size());
    }

    // The comb: each kept state's transitions at the first offset where they all find free
    // slots and no other state has that offset, breadth-first, so that the shallow states a
    // text keeps passing through sit together at the start. The root stores none (offset 0).
    std::vector<std::uint32_t> at(nstates, 0);  // kept state → its offset (its number)
    // Bit sets of the slots taken and the offsets used, searched 64 offsets at a time.
    std::vector<std::uint64_t> taken, used{1};  // (offset 0: the root's)
    auto window = [](const std::vector<std::uint64_t>& bits, std::size_t pos) {
        const std::size_t w = pos >> 6, shift = pos & 63;  // bits [pos, pos + 64); 0 past the end
        const std::uint64_t lo = w < bits.size() ? bits[w] : 0;
        const std::uint64_t hi = w + 1 < bits.size() ? bits[w + 1] : 0;
        return shift ? (lo >> shift) | (hi << (64 - shift)) : lo;
    };
    auto set = [](std::vector<std::uint64_t>& bits, std::size_t pos) {
        if ((pos >> 6) >= bits.size()) bits.resize((pos >> 6) + 1, 0);
        bits[pos >> 6] |= std::uint64_t{1} << (pos & 63);
    };
    std::size_t first_free = 2;  // (no state but the root has offset 0; class 0 is never stored)
    std::size_t limit = 1;
    for (const std::uint32_t s : rows) {
        const auto* o = diffs.data() + diff_begin[s];
        const auto* o_end = diffs.data() + diff_end[s];
        const std::uint32_t lowest = o == o_end ? 0 : o->first;
        std::size_t b = first_free > lowest ? first_free - lowest : 0;
        for (;; b += 64) {
            std::uint64_t clash = window(used, b);
            for (const auto* x = o; x != o_end && clash != ~std::uint64_t{0}; ++x)
                clash |= window(taken, b + x->first);
            if (clash != ~std::uint64_t{0}) {
                b += static_cast<std::size_t>(__builtin_ctzll(~clash));
                break;
            }
        }
        set(used, b);
        for (const auto* x = o; x != o_end; ++x) set(taken, b + x->first);
        while (window(taken, first_free) & 1) ++first_free;
        at[s] = static_cast<std::uint32_t>(b);
        limit = std::max(limit, b + 1);
    }
    slots_ = limit + nclass_;  // every state + class in range

    // The keys each state reports (the states with some, breadth-first: one list each), and
    // the list of every transition into such a state: the comb's slots, then the root's.
    std::vector<std::uint32_t> list_of(nstates, 0);
    out_begin_.push_back(0);
    for (const std::uint32_t s : order)
        if (!outs[s].empty()) {
            list_of[s] = static_cast<std::uint32_t>(out_begin_.size() - 1);
            out_.insert(out_.end(), outs[s].begin(), outs[s].end());
            out_begin_.push_back(static_cast<std::uint32_t>(out_.size()));
        }
    list_.assign(slots_ + nclass_, 0);
    for (const std::uint32_t s : rows)
        for (std::uint32_t k = diff_begin[s]; k < diff_end[s]; ++k)
            list_[at[s] + diffs[k].first] = list_of[diffs[k].second];
    for (std::uint32_t c = 0; c < nclass_; ++c) list_[slots_ + c] = list_of[root_to[c]];

    auto lay_out = [&]<class T>(std::vector<Slot<T>>& comb, std::vector<T>& root) {
        constexpr T kFlag = static_cast<T>(T(1) << (sizeof(T) * 8 - 1));
        const auto coded = [&](std::uint32_t t) {
            return static_cast<T>(at[kept[t]] | (outs[t].empty() ? 0 : kFlag));
        };
        comb.assign(slots_, Slot<T>{static_cast<T>(~T(0)), 0});  // owner all ones: free
        root.assign(nclass_, 0);
        for (std::uint32_t c = 0; c < nclass_; ++c)
            root[c] = coded(root_to[c]);  // (the skip class, in no key: the root, no report)
        for (const std::uint32_t s : rows)
            for (std::uint32_t k = diff_begin[s]; k < diff_end[s]; ++k)
                comb[at[s] + diffs[k].first] = {static_cast<T>(at[s]), coded(diffs[k].second)};
    };
    if (slots_ < 0x8000u)
        lay_out(comb16_, root16_);
    else if (slots_ < 0x80000000u)
        lay_out(comb32_, root32_);
    // (2^31 slots would be a lexicon of gigabytes: left empty, it finds nothing.)
}

}  // namespace detail

}  // namespace dd::text
