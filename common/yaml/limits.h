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
