// Options shared by the loaders: the limits that keep hostile files harmless, and what the
// scenario loader checks criterion ids against. Light on purpose (no yaml-cpp).
#pragma once
#include <cstddef>
#include <optional>
#include <set>
#include <string>

namespace dd {

namespace yaml {
struct Limits {
    std::size_t max_bytes = 1u << 20;  // 1 MiB: the largest scenario is a few KiB
    int max_depth = 64;                // collection nesting
    std::size_t max_nodes = 200'000;   // node visits with aliases expanded (alias bombs)
    // Nodes as written, estimated before parsing: yaml-cpp takes most of a second on 500k, and
    // the largest DeskDrill file has a few thousand.
    std::size_t max_written_nodes = 50'000;
    int max_errors = 100;  // per file; past this a Reader reports once and stops
};
}  // namespace yaml

struct LoadOptions {
    // Criterion ids of scenarios/standards.yaml (see load_criteria_ids); when unset, criterion
    // ids are not checked.
    std::optional<std::set<std::string, std::less<>>> criteria_ids;
    // File name shown in "is not in <standards_name>" messages.
    std::string standards_name = "standards.yaml";
    yaml::Limits limits;
};

}  // namespace dd
