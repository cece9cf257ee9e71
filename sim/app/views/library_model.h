// The supervisor's library screen as data (no ImGui): each scenario of the library with whether
// it loads (its diagnostics when not), the criteria it trains, and its item statistics from the
// records (facility and discrimination per criterion, item_report); `verify` run on one scenario
// (sim/session/verify.h) with the library's lexicon and catalogue.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/session/library.h"
#include "sim/session/resources.h"
#include "sim/session/verify.h"
#include "sim/store/reports.h"

namespace dd::app {

struct LibraryRow {
    std::string id;
    std::string title;
    std::string category;
    int difficulty = 0;
    std::string error;                          // diagnostics when the file does not load
    std::vector<std::string> criteria;          // ids, in the scenario's order
    std::optional<store::ScenarioItems> items;  // none: no attempts stored
};

// The library's scenarios (then its broken files) beside the item report's figures.
std::vector<LibraryRow> library_rows(const session::Library& library,
                                     const store::ItemReport* items);

struct VerifyOutcome {
    std::string scenario_id;
    VerifyResult result;
    std::vector<std::string> problems;  // file:line:col: error|warning: …
    bool ok = false;                    // no errors
};

// Explores one scenario as `deskdrill verify` does (seconds for the largest graphs: run it off
// the window's thread).
VerifyOutcome verify_one(const Scenario& scenario, const session::Resources& resources);

}  // namespace dd::app
