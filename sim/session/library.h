// The scenario library: every scenario file under the library folder, found by the one rule of
// sim/load (collect_yaml_files: *.yaml/*.yml, standards.yaml/lexicon.yaml and schema/ skipped),
// loaded with its text and SHA-256, grouped by category. `validate`, `verify`, `play` and the
// picker all enumerate and find scenarios through it.
//
// The picker needs only one category for its first frame: scan_first() parses that one and
// counts the rest, and the full scan follows in the background.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/yaml/diagnostics.h"
#include "sim/model/scenario.h"

namespace dd::session {

struct SiteProfile;

// A scenario as loaded from its file: what a record needs to replay it years later.
struct ScenarioFile {
    std::string path;
    std::shared_ptr<const Scenario> scenario;  // null when the file failed to load
    std::shared_ptr<const std::string> text;   // the file's bytes as read
    std::string hash;                          // SHA-256 of text
    std::string error;                         // its diagnostics, when it failed
    // The site profile it is played under (with_site_profile, site_profile.h); null: none.
    std::shared_ptr<const SiteProfile> profile;
};

// Loads one scenario file (text, hash, model). Problems in `diags`; nullopt on any error.
std::optional<ScenarioFile> load_scenario(const std::string& path, Diagnostics& diags);
// The same from text already in memory (a stored snapshot).
std::optional<ScenarioFile> load_scenario_text(std::string text, const std::string& path,
                                               Diagnostics& diags);

struct Library {
    std::string dir;
    std::vector<ScenarioFile> entries;  // sorted by category order, difficulty, title
    // Files not parsed yet, by category folder (a partial library from scan_first).
    std::map<std::string, int, std::less<>> pending;
    bool complete = true;
    double load_ms = 0;

    // Every scenario file of the library folder (sorted), by the one rule.
    static std::vector<std::string> files(const std::string& dir);
    // Loads every scenario file.
    static Library scan(const std::string& dir);
    // Parses only the category to show first — `hint` (a category, a scenario id or a path) if
    // it has files, else the first category of enums::kCategories that has — and counts the rest.
    static Library scan_first(const std::string& dir, const std::string& hint);

    // The entry with this scenario id, or whose path ends with `key`.
    const ScenarioFile* find(const std::string& key) const;
    // Scenarios of the category (loaded, plus files still pending).
    int count_in(std::string_view category) const;
    bool loaded(std::string_view category) const;
};

// Finds one scenario of the library folder `dir` by id without loading the whole library:
// `<dir>/<category>/<slug>.yaml` first, then every file in order. nullopt when none has the id.
std::optional<ScenarioFile> find_in_library(const std::string& dir, const std::string& id);

// A scenario named on a command line: a file path, or an id of the library at `dir`. Problems
// go to `err` as `path:line:col: error: …`; nullopt means bad input (exit 2).
std::optional<ScenarioFile> resolve_scenario(const std::string& arg, const std::string& dir,
                                             std::ostream& err);

// "What it trains" for the picker: the summary, or the first sentence of the debrief.
std::string what_it_trains(const Scenario& s);

// Every text the scenario's author wrote that a screen may show (title, summary, debrief, names,
// facts, event texts, lines, offered replies, hints, the outcome's record): what the glyph atlas
// needs, and what is content rather than the window's own words.
std::vector<std::string> scenario_texts(const Scenario& s);

}  // namespace dd::session
