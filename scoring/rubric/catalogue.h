// The standards catalogue (scenarios/standards.yaml, DESIGN §4): criteria with their check
// type and parameters, points, critical flag, source and Chinese feedback; the defaults of the
// check parameters and the scoring settings. Loaded once, with the scenario loader's strictness
// (common/yaml's Reader: unknown keys with "did you mean", YAML 1.2 booleans, enums, ranges,
// every problem with file:line:col); scoring reads it. A second catalogue (another version)
// re-scores the same attempt log.
#pragma once
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "check_types.h"
#include "common/yaml/diagnostics.h"
#include "sim/model/scenario.h"

namespace dd {

// Check parameters as strings: lists are comma-separated ("a,b|c"), durations "30s", numbers
// "0.5". Strings because a scenario's overrides (CriterionRef::params) are strings too.
using CheckParams = std::map<std::string, std::string>;

struct Criterion {
    std::string id;
    std::string title;     // Chinese
    std::string title_en;  // English (optional): the window's title with --lang en
    std::string category;  // one of kCriterionCategories
    std::string check;     // check type, a name of check_table()
    CheckParams params;
    int points = 0;  // default weight before scaling to 100
    bool critical = false;
    // The work of the case itself (record, classify, dispatch, escalate, notify): an attempt
    // that earns none of such a criterion cannot pass, however courteous (`case: true`).
    bool case_work = false;
    std::string source;  // "seed 001 §4.1.5"
    std::string rule;    // the standard's text
    std::string feedback_pass;
    std::string feedback_partial;  // may be empty: the fail text is used
    std::string feedback_fail;
    // The feedback in English (optional; `pass_en`, `partial_en`, `fail_en` under `feedback:`).
    std::string feedback_pass_en;
    std::string feedback_partial_en;
    std::string feedback_fail_en;
    SourcePos pos;

    // The title in a language of the tables: English where the catalogue gives one.
    const std::string& title_in(std::string_view lang) const {
        return lang != "zh" && !title_en.empty() ? title_en : title;
    }
};

struct Catalogue {
    std::string path;
    std::string version;  // e.g. "2026.1"
    std::string title;    // optional
    int pass_mark = 80;
    // `defaults:` check type → parameter → value, under the criteria's own parameters.
    std::map<std::string, CheckParams, std::less<>> defaults;
    ScoringSettings settings = ScoringSettings::builtin();
    std::vector<Criterion> criteria;

    const Criterion* find(std::string_view id) const {
        for (const auto& c : criteria)
            if (c.id == id) return &c;
        return nullptr;
    }
};

// Reads and checks a catalogue file. Every problem is reported with its place; returns nullopt
// when there is any error (never throws).
std::optional<Catalogue> load_catalogue(const std::string& path, Diagnostics& diags);
// The same from text already in memory (`path` is only used in diagnostics).
std::optional<Catalogue> parse_catalogue(std::string_view yaml, const std::string& path,
                                         Diagnostics& diags);

// The keys the reader accepts (tests/unit/load/schema_test.cpp holds the schema to them).
struct CatalogueKeys {
    std::span<const std::string_view> top, criterion, feedback;
};
CatalogueKeys catalogue_keys();

// The parameters a criterion is checked with in a scenario: the catalogue's, with the
// scenario's overrides, whose site placeholders ("{fee.property.amount}元") are filled from the
// site the scenario is played under (its own, or a site profile's).
CheckParams scenario_params(const Criterion& c, const CriterionRef& ref, const Site& site);

// Checks a scenario's `criteria:` against a catalogue: an unknown id ("unknown criterion 'x'
// (not in standards.yaml 2026.1); did you mean 'y'?"), parameter names and values against the
// check table, negative points. All are errors, pointing into the scenario file; a criterion
// listed twice is a warning.
void check_criteria_refs(const Scenario& scenario, const Catalogue& catalogue, Diagnostics& diags);

}  // namespace dd
