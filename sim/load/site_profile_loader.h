// A site profile file (the company's own desk, issue 13): the keys of a scenario's `site:` at
// the top level —
//   company: 绿城物业
//   name: 桂花园
//   extensions: {engineering: "8201", security: "8110"}
//   fees:
//     property: {name: 高层住宅物业服务费, amount: 3.2, unit: 元/平方米·月}
// read with `file:line:col` diagnostics, and written back in one canonical form (what the
// records store keeps and hashes, so one profile has one hash).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "common/yaml/diagnostics.h"
#include "sim/model/scenario.h"

namespace dd {

// nullopt when any error was found (all of them are in `diags`). A profile names at least the
// company. Never throws.
std::optional<Site> load_site_profile_text(std::string_view text, const std::string& path,
                                           Diagnostics& diags);
std::optional<Site> load_site_profile_file(const std::string& path, Diagnostics& diags);

// The canonical text: keys in a fixed order, extensions in the order of the departments, fees
// by id, every string double-quoted. Loading it gives the same Site.
std::string site_profile_to_yaml(const Site& site);

}  // namespace dd
