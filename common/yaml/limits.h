// The limits that keep hostile YAML files harmless, for every loader (scenarios, transcripts,
// the lexicon, the standards catalogue). Light on purpose (no yaml-cpp).
#pragma once
#include <cstddef>

namespace dd::yaml {

struct Limits {
    std::size_t max_bytes = 1u << 20;  // 1 MiB: the largest scenario is a few KiB
    int max_depth = 64;                // collection nesting
    std::size_t max_nodes = 200'000;   // node visits with aliases expanded (alias bombs)
    // Nodes as written, estimated before parsing: yaml-cpp takes most of a second on 500k, and
    // the largest DeskDrill file has a few thousand.
    std::size_t max_written_nodes = 50'000;
    int max_errors = 100;  // per file; past this a Reader reports once and stops
};

}  // namespace dd::yaml
