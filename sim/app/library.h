// The scenario library as the picker shows it: every scenario file under the scenarios folder,
// loaded once, grouped by category.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "sim/model/scenario.h"

namespace dd::app {

struct LibraryEntry {
    std::string path;
    std::shared_ptr<const Scenario> scenario;  // null when the file failed to load
    std::string error;                         // its diagnostics, when it failed
};

struct Library {
    std::vector<LibraryEntry> entries;  // sorted by category order, difficulty, title
    double load_ms = 0;

    // Finds the entry with this scenario id, or whose path ends with `key`.
    const LibraryEntry* find(const std::string& key) const;
    int count_in(std::string_view category) const;
};

// "What it trains" for the picker: the summary, or the first sentence of the debrief.
std::string what_it_trains(const Scenario& s);

// Loads every *.yaml under dir except standards.yaml, lexicon.yaml and schema/.
Library scan_library(const std::string& dir);

// The scenario file paths scan_library would load (sorted).
std::vector<std::string> scenario_files(const std::string& dir);

}  // namespace dd::app
