// Scenario YAML (DESIGN §2) → dd::Scenario, collecting every problem in the file as a
// `path:line:col: error: …` diagnostic: syntax, unknown keys (with "did you mean"), wrong types,
// values out of range, unknown enum values, references to nodes/actors/criteria that do not
// exist, duplicate keys, nodes with no way on, missing required keys. The key tables are
// exposed so a test can keep scenarios/schema/scenario.schema.json in step with the loader.
#pragma once
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>

#include "common/yaml/diagnostics.h"
#include "sim/load/load_options.h"
#include "sim/model/scenario.h"

namespace dd {

// nullopt when any error was found (all of them are in `diags`); warnings do not fail a load.
// Never throws.
std::optional<Scenario> load_scenario_file(const std::string& path, Diagnostics& diags,
                                           const LoadOptions& options = {});
std::optional<Scenario> load_scenario_text(std::string_view text, const std::string& path,
                                           Diagnostics& diags, const LoadOptions& options = {});

// The criterion ids of standards.yaml (`criteria: [{id: …}, …]`; other keys are the rubric's
// and are not read here). nullopt when the file cannot be read.
std::optional<std::set<std::string, std::less<>>> load_criteria_ids(const std::string& path,
                                                                    Diagnostics& diags);

// One table of accepted keys: `where` is the JSON pointer of the matching object schema in
// scenario.schema.json ("" = the root, "/definitions/actor", …) or transcript.schema.json.
struct KeyTable {
    std::string_view where;
    std::span<const std::string_view> keys;
};
std::span<const KeyTable> scenario_key_tables();

}  // namespace dd
