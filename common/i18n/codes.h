// A table of message codes: an enum and, for each of its values in order, the i18n key of its
// words. Each producer of messages keeps one (the engine's log: sim/model/log_codes.h; the
// checks' evidence: scoring/rubric/notes.h); tests enumerate them to check every code is worded.
#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "message.h"

namespace dd::i18n {

template <class Code>
struct CodeKey {
    Code code;
    std::string_view key;
};

// Every value of the enum is listed once, in the enum's order, up to `last`: a key is an index.
template <class Code, std::size_t N>
constexpr bool lists_every_code(const std::array<CodeKey<Code>, N>& table, Code last) {
    for (std::size_t i = 0; i < N; ++i)
        if (static_cast<std::size_t>(table[i].code) != i) return false;
    return static_cast<std::size_t>(last) + 1 == N;
}

template <class Code, std::size_t N>
constexpr std::string_view key_of(const std::array<CodeKey<Code>, N>& table, Code c) {
    return table[static_cast<std::size_t>(c)].key;
}

template <class Code, std::size_t N>
Message message_of(const std::array<CodeKey<Code>, N>& table, Code c) {
    return Message(key_of(table, c));
}

}  // namespace dd::i18n
