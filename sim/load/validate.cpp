// `deskdrill validate` as a library: file discovery, scenario/transcript recognition, per-file
// loading, and the checks across files.
#include "sim/load/validate.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

#include "sim/load/scenario_loader.h"
#include "sim/load/transcript_loader.h"
#include "common/yaml/yaml_safe.h"

namespace dd {

namespace fs = std::filesystem;

namespace {

bool is_yaml(const fs::path& p) {
    const auto ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml";
}

bool skipped_name(const fs::path& p) {
    const auto name = p.filename().string();
    // sources.yaml: the cited manuals' titles (the desk's citations), not a scenario.
    return name == "standards.yaml" || name == "lexicon.yaml" || name == "sources.yaml";
}

// Where a top-level `key: value` line's value starts (block style, as scenarios are written).
SourcePos find_top_key(std::string_view text, std::string_view key) {
    int line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t eol = text.find('\n', i);
        if (eol == std::string_view::npos) eol = text.size();
        const auto l = text.substr(i, eol - i);
        if (l.size() > key.size() && l.substr(0, key.size()) == key && l[key.size()] == ':') {
            std::size_t c = key.size() + 1;
            while (c < l.size() && l[c] == ' ') ++c;
            return {line, static_cast<int>(c + 1)};
        }
        i = eol + 1;
        ++line;
    }
    return {};
}

}  // namespace

namespace {

// Every YAML file under `dir` (recursively, `schema/` folders skipped). A folder that cannot be
// read is an error at its path, and the walk goes on with the others.
void walk(const fs::path& dir, std::vector<std::string>& found, Diagnostics& diags) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
        diags.error(dir.string(), {}, "cannot read the folder: " + ec.message());
        return;
    }
    std::vector<fs::path> subfolders;
    for (; !ec && it != end; it.increment(ec)) {
        const auto& entry = *it;
        std::error_code e2;
        if (entry.is_directory(e2)) {
            if (entry.path().filename() != "schema") subfolders.push_back(entry.path());
            continue;
        }
        // Only regular files: a pipe or a device named *.yaml is not read (it could hang).
        if (entry.is_regular_file(e2) && is_yaml(entry.path()))
            found.push_back(entry.path().string());
    }
    if (ec) diags.error(dir.string(), {}, "cannot read the folder: " + ec.message());
    for (const auto& sub : subfolders) walk(sub, found, diags);
}

// Every YAML file under `paths` — a file given as itself, a folder walked — sorted per path.
// A path that does not exist, or a folder with no YAML file at all, is an error.
std::vector<std::string> all_yaml_files(const std::vector<std::string>& paths, Diagnostics& diags) {
    std::vector<std::string> out;
    for (const auto& p : paths) {
        std::error_code ec;
        const auto st = fs::status(p, ec);
        if (ec || !fs::exists(st)) {
            diags.error(p, {}, "no such file or folder");
            continue;
        }
        if (!fs::is_directory(st)) {
            out.push_back(p);
            continue;
        }
        std::vector<std::string> found;
        const std::size_t errors_before = diags.error_count();
        walk(p, found, diags);
        if (found.empty() && diags.error_count() == errors_before)
            diags.error(p, {},
                        "no scenario or transcript files (*.yaml, *.yml) in this folder; check "
                        "the path");
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

}  // namespace

std::vector<std::string> collect_yaml_files(const std::vector<std::string>& paths,
                                            Diagnostics& diags) {
    std::vector<std::string> out;
    for (auto& f : all_yaml_files(paths, diags))
        if (!skipped_name(f)) out.push_back(std::move(f));
    return out;
}

ResourceFiles collect_resource_files(const std::vector<std::string>& paths) {
    ResourceFiles out;
    Diagnostics ignored;  // collect_yaml_files reports them
    for (auto& f : all_yaml_files(paths, ignored)) {
        const auto name = fs::path(f).filename();
        if (name == "standards.yaml") out.standards.push_back(f);
        if (name == "lexicon.yaml") out.lexicons.push_back(f);
    }
    return out;
}

FileKind classify_file(const std::string& path, std::string_view text) {
    if (looks_like_transcript(text)) return FileKind::Transcript;
    for (const auto& part : fs::path(path))
        if (part == "golden") return FileKind::Transcript;
    return FileKind::Scenario;
}

FileResult validate_file(const std::string& path, const LoadOptions& options) {
    FileResult res;
    res.path = path;
    auto text = yaml::read_file_text(path, res.diags, options.limits.max_bytes);
    if (!text) return res;
    res.kind = classify_file(path, *text);
    if (res.kind == FileKind::Transcript) {
        if (auto t = load_transcript_text(*text, path, res.diags, options)) {
            res.valid = true;
            res.id = t->scenario;
        }
    } else {
        if (auto sc = load_scenario_text(*text, path, res.diags, options)) {
            res.valid = true;
            res.id = sc->id;
            res.id_pos = find_top_key(*text, "id");
            res.scenario = std::move(sc);
        }
    }
    return res;
}

void check_across_files(std::vector<FileResult>& results) {
    std::map<std::string, const FileResult*> first;
    for (auto& r : results) {
        if (r.kind != FileKind::Scenario || !r.valid || r.id.empty()) continue;
        auto [it, fresh] = first.emplace(r.id, &r);
        if (fresh) continue;
        r.diags.error(r.path, r.id_pos,
                      "scenario id '" + r.id + "' is already used by " + it->second->path +
                          "; ids must be unique — rename one");
        r.valid = false;
    }
}

}  // namespace dd
