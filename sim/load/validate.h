// What `deskdrill validate` does, as a library: find the YAML files under the given paths, tell
// scenarios from transcripts, load each with every problem reported, and check what only a set
// of files can show (two scenarios with the same id).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/yaml/diagnostics.h"
#include "sim/load/load_options.h"
#include "sim/model/scenario.h"

namespace dd {

enum class FileKind { Scenario, Transcript };

// Scenario and transcript files to check under `paths`: a file is taken as given; a folder is
// searched recursively for *.yaml / *.yml, skipping any folder named `schema`; files named
// standards.yaml and lexicon.yaml are left to collect_resource_files; only regular files are
// read. Sorted per path. A path that does not exist, a folder that cannot be read and a folder
// with no YAML file at all are reported to `diags`.
std::vector<std::string> collect_yaml_files(const std::vector<std::string>& paths,
                                            Diagnostics& diags);

// The standards catalogues (standards.yaml) and lexicons (lexicon.yaml) under `paths`, found
// as collect_yaml_files finds files. They are read by scoring/rubric and scoring/text, which
// this library does not link: `deskdrill validate` checks them.
struct ResourceFiles {
    std::vector<std::string> standards;
    std::vector<std::string> lexicons;
};
ResourceFiles collect_resource_files(const std::vector<std::string>& paths);

// A transcript has a top-level `scenario:` key or lives under a `golden` folder (tests/golden).
FileKind classify_file(const std::string& path, std::string_view text);

struct FileResult {
    std::string path;
    FileKind kind = FileKind::Scenario;
    std::string id;    // scenario id, or the scenario a transcript is for
    SourcePos id_pos;  // where a scenario's `id:` value is
    bool valid = false;
    Diagnostics diags;
    std::optional<Scenario> scenario;  // the scenario, when it loaded without errors
};

// Loads one file as its kind. Never throws.
FileResult validate_file(const std::string& path, const LoadOptions& options);

// Problems across files: the same scenario id in two files (reported on the later one, which
// is marked invalid).
void check_across_files(std::vector<FileResult>& results);

}  // namespace dd
