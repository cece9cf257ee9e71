// The standards catalogue (scenarios/standards.yaml, DESIGN §4): criteria with their check
// type and parameters, points, critical flag, source and Chinese feedback. Loaded once; scoring
// reads it. A second catalogue (another version) re-scores the same attempt log.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/yaml/diagnostics.h"
#include "sim/model/scenario.h"

namespace dd {

// Check parameters as strings: lists are comma-separated ("a,b|c"), durations "30s", numbers
// "0.5". Strings because a scenario's overrides (CriterionRef::params) are strings too.
using CheckParams = std::map<std::string, std::string>;

struct Criterion {
    std::string id;
    std::string title;  // Chinese
    std::string category;
    std::string check;  // check type, one of check_types()
    CheckParams params;
    int points = 0;  // default weight before scaling to 100
    bool critical = false;
    std::string source;  // "seed 001 §4.1.5"
    std::string rule;    // the standard's text
    std::string feedback_pass;
    std::string feedback_partial;  // may be empty: the fail text is used
    std::string feedback_fail;
    SourcePos pos;
};

struct Catalogue {
    std::string path;
    std::string version;  // e.g. "2026.1"
    int pass_mark = 80;
    std::vector<Criterion> criteria;

    const Criterion* find(std::string_view id) const {
        for (const auto& c : criteria)
            if (c.id == id) return &c;
        return nullptr;
    }
};

// The check types the scorer knows, and the parameter names each accepts.
const std::vector<std::string>& check_types();
const std::vector<std::string>& check_param_names(std::string_view type);

// Reads and checks a catalogue file. Every problem is reported with its place; returns nullopt
// when there is any error (never throws).
std::optional<Catalogue> load_catalogue(const std::string& path, Diagnostics& diags);
// The same from text already in memory (`path` is only used in diagnostics).
std::optional<Catalogue> parse_catalogue(std::string_view yaml, const std::string& path,
                                         Diagnostics& diags);

// Checks a scenario's `criteria:` against a catalogue: unknown ids, unknown parameter names,
// negative points. Errors point into the scenario file.
void check_criteria_refs(const Scenario& scenario, const Catalogue& catalogue, Diagnostics& diags);

}  // namespace dd
