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

// Files to check under `paths`: a file is taken as given; a folder is searched recursively for
// *.yaml / *.yml, skipping standards.yaml, lexicon.yaml and any folder named `schema`. Sorted.
// A path that does not exist is reported to `diags`.
std::vector<std::string> collect_yaml_files(const std::vector<std::string>& paths,
                                            Diagnostics& diags);

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
