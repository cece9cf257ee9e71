// The site block: a scenario's `site:` and a site profile file (sim/session/site_profile.h)
// have the same keys — name, company, extensions (department → 分机号), fees (id → name, amount,
// unit) — and are read by this one reader, with the loader's `file:line:col` diagnostics.
#pragma once
#include <array>
#include <string>
#include <string_view>

#include "common/yaml/yaml_safe.h"
#include "sim/model/scenario.h"

namespace dd {

inline constexpr std::array<std::string_view, 4> kSiteKeys = {"name", "company", "extensions",
                                                              "fees"};
inline constexpr std::array<std::string_view, 3> kFeeKeys = {"name", "amount", "unit"};

// Reads the map `n` (named `what` in messages) into `out`; every problem is reported through
// `r`. Extensions are keyed by the engine's dispatch codes (enums::kDepartments); a fee's amount
// is a number more than 0, kept as written.
void read_site(yaml::Reader& r, const YAML::Node& n, const std::string& what, Site& out);

}  // namespace dd
