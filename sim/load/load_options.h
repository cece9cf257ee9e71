// Options of the scenario and transcript loaders: the limits that keep hostile files harmless
// (common/yaml/limits.h), and what the scenario loader checks criterion ids against. Light on
// purpose (no yaml-cpp).
#pragma once
#include <cstddef>
#include <optional>
#include <set>
#include <string>

#include "common/yaml/limits.h"

namespace dd {

struct LoadOptions {
    // Criterion ids of scenarios/standards.yaml (see load_criteria_ids); when unset, criterion
    // ids are not checked.
    std::optional<std::set<std::string, std::less<>>> criteria_ids;
    // File name shown in "is not in <standards_name>" messages.
    std::string standards_name = "standards.yaml";
    yaml::Limits limits;
};

}  // namespace dd
