// The scenario library as the picker shows it: every scenario file under the scenarios folder,
// loaded once, grouped by category. At start-up only the category shown first is parsed (the
// others are counted by folder) so the first frame is not held up by ~40 YAML files; the full
// library follows from a background scan.
#pragma once
#include <map>
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
    // Files not parsed yet, by category folder (a partial library from scan_library_first).
    std::map<std::string, int, std::less<>> pending;
    bool complete = true;
    double load_ms = 0;

    // Finds the entry with this scenario id, or whose path ends with `key`.
    const LibraryEntry* find(const std::string& key) const;
    // Scenarios of the category (loaded, plus files still pending).
    int count_in(std::string_view category) const;
    bool loaded(std::string_view category) const;
};

// "What it trains" for the picker: the summary, or the first sentence of the debrief.
std::string what_it_trains(const Scenario& s);

// Loads every *.yaml under dir except standards.yaml, lexicon.yaml and schema/.
Library scan_library(const std::string& dir);

// Parses only the category to show first — `hint` (a category, a scenario id or a path) if it
// has files, else the first category of enums::kCategories that has — and counts the rest.
Library scan_library_first(const std::string& dir, const std::string& hint);

// The scenario file paths scan_library would load (sorted).
std::vector<std::string> scenario_files(const std::string& dir);

}  // namespace dd::app
