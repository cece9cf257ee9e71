// The limits that keep hostile YAML files harmless, for every loader (scenarios, transcripts,
// the lexicon, the standards catalogue), with their defaults from sim/model/limits.h (the one
// place every bound is written down). Light on purpose (no yaml-cpp).
#pragma once
#include <cstddef>

#include "sim/model/limits.h"

namespace dd::yaml {

struct Limits {
    std::size_t max_bytes = limits::kMaxFileBytes;
    int max_depth = limits::kMaxYamlDepth;
    std::size_t max_nodes = limits::kMaxYamlNodes;
    std::size_t max_written_nodes = limits::kMaxYamlWrittenNodes;
    int max_errors = limits::kMaxErrorsPerFile;
};

}  // namespace dd::yaml

namespace dd {

// The longest reply the trainee can give in one `say` (and the longest line `deskdrill acts`
// reads), in bytes of UTF-8: 8 KiB, about 2,700 Chinese characters — the longest reply in the
// library's transcripts is under 250 bytes, so this only ever stops pasted floods. Speech-act
// detection reads at most this much of a text (DetectedActs::truncated says when it stopped); the
// reply box and the transcript loader are to refuse longer replies with a message.
inline constexpr std::size_t kMaxReplyBytes = 8 * 1024;

}  // namespace dd
