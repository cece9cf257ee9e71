// The scenario library (library.h).
#include "library.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "common/yaml/yaml_safe.h"
#include "hash.h"
#include "sim/load/scenario_loader.h"
#include "sim/load/validate.h"
#include "sim/model/enums.h"

namespace dd::session {

namespace fs = std::filesystem;

namespace {

ScenarioFile entry_of(const std::string& path) {
    Diagnostics diags;
    if (auto f = load_scenario(path, diags)) return std::move(*f);
    ScenarioFile e;
    e.path = path;
    e.error = diags.to_string();
    if (e.error.empty()) e.error = path + ": error: could not be loaded\n";
    return e;
}

void sort_entries(Library& lib) {
    auto cat_rank = [](const ScenarioFile& e) -> size_t {
        if (!e.scenario) return enums::kCategories.size();
        auto it =
            std::find(enums::kCategories.begin(), enums::kCategories.end(), e.scenario->category);
        return static_cast<size_t>(it - enums::kCategories.begin());
    };
    std::stable_sort(lib.entries.begin(), lib.entries.end(),
                     [&](const ScenarioFile& a, const ScenarioFile& b) {
                         const size_t ca = cat_rank(a), cb = cat_rank(b);
                         if (ca != cb) return ca < cb;
                         if (!a.scenario || !b.scenario) return a.path < b.path;
                         if (a.scenario->difficulty != b.scenario->difficulty)
                             return a.scenario->difficulty < b.scenario->difficulty;
                         return a.scenario->title < b.scenario->title;
                     });
}

std::string folder_of(const std::string& path) {
    return fs::path(path).parent_path().filename().string();
}

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

bool looks_like_path(const std::string& s) {
    return s.find('/') != std::string::npos || s.ends_with(".yaml") || s.ends_with(".yml");
}

}  // namespace

std::optional<ScenarioFile> load_scenario_text(std::string text, const std::string& path,
                                               Diagnostics& diags) {
    auto sc = dd::load_scenario_text(text, path, diags);
    if (!sc || diags.has_errors()) return std::nullopt;
    ScenarioFile f;
    f.path = path;
    f.hash = sha256_hex(text);
    f.text = std::make_shared<const std::string>(std::move(text));
    f.scenario = std::make_shared<const Scenario>(std::move(*sc));
    return f;
}

std::optional<ScenarioFile> load_scenario(const std::string& path, Diagnostics& diags) {
    auto text = yaml::read_file_text(path, diags);
    if (!text) return std::nullopt;
    return load_scenario_text(std::move(*text), path, diags);
}

std::vector<std::string> Library::files(const std::string& dir) {
    Diagnostics ignored;  // a missing library folder is an empty library here
    return collect_yaml_files({dir}, ignored);
}

Library Library::scan(const std::string& dir) {
    const auto t0 = std::chrono::steady_clock::now();
    Library lib;
    lib.dir = dir;
    for (const auto& path : files(dir)) lib.entries.push_back(entry_of(path));
    sort_entries(lib);
    lib.load_ms = ms_since(t0);
    return lib;
}

Library Library::scan_first(const std::string& dir, const std::string& hint) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<std::string> all = files(dir);
    std::map<std::string, int, std::less<>> by_folder;
    for (const auto& f : all) ++by_folder[folder_of(f)];
    // The hint's category: a category name, the prefix of an id (<category>.<slug>), or the
    // folder of a path.
    std::string first;
    if (!hint.empty()) {
        std::string cat = hint;
        if (hint.find('/') != std::string::npos)
            cat = folder_of(hint);
        else if (auto dot = hint.find('.'); dot != std::string::npos)
            cat = hint.substr(0, dot);
        if (by_folder.count(cat)) first = cat;
    }
    for (auto c : enums::kCategories) {
        if (!first.empty()) break;
        if (by_folder.count(c)) first = std::string(c);
    }
    Library lib;
    lib.dir = dir;
    lib.complete = false;
    for (const auto& f : all) {
        if (folder_of(f) == first)
            lib.entries.push_back(entry_of(f));
        else
            ++lib.pending[folder_of(f)];
    }
    if (lib.pending.empty()) lib.complete = true;
    sort_entries(lib);
    lib.load_ms = ms_since(t0);
    return lib;
}

const ScenarioFile* Library::find(const std::string& key) const {
    for (const auto& e : entries)
        if (e.scenario && e.scenario->id == key) return &e;
    for (const auto& e : entries) {
        if (e.path == key) return &e;
        if (key.size() < e.path.size() &&
            e.path.compare(e.path.size() - key.size(), key.size(), key) == 0 &&
            e.path[e.path.size() - key.size() - 1] == '/')
            return &e;
    }
    return nullptr;
}

int Library::count_in(std::string_view category) const {
    int n = 0;
    for (const auto& e : entries)
        if (e.scenario && e.scenario->category == category) ++n;
    if (auto it = pending.find(category); it != pending.end()) n += it->second;
    return n;
}

bool Library::loaded(std::string_view category) const {
    return complete || pending.find(category) == pending.end();
}

std::optional<ScenarioFile> find_in_library(const std::string& dir, const std::string& id) {
    std::error_code ec;
    if (const auto dot = id.find('.'); dot != std::string::npos) {
        const fs::path guess = fs::path(dir) / id.substr(0, dot) / (id.substr(dot + 1) + ".yaml");
        if (fs::is_regular_file(guess, ec)) {
            Diagnostics d;
            if (auto f = load_scenario(guess.string(), d); f && f->scenario->id == id) return f;
        }
    }
    for (const auto& p : Library::files(dir)) {
        Diagnostics d;
        if (auto f = load_scenario(p, d); f && f->scenario->id == id) return f;
    }
    return std::nullopt;
}

std::optional<ScenarioFile> resolve_scenario(const std::string& arg, const std::string& dir,
                                             std::ostream& err) {
    std::error_code ec;
    if (fs::is_regular_file(arg, ec)) {
        Diagnostics diags;
        auto f = load_scenario(arg, diags);
        if (!diags.items().empty()) err << diags.to_string();
        return f;
    }
    if (looks_like_path(arg)) {
        err << arg << ": error: no such scenario file; check the path\n";
        return std::nullopt;
    }
    if (auto f = find_in_library(dir, arg)) return f;
    err << arg << ": error: no scenario file with this id in " << dir
        << "; give the path of a scenario file, or an id listed by the library\n";
    return std::nullopt;
}

std::string what_it_trains(const Scenario& s) {
    if (!s.summary.empty()) return s.summary;
    std::string d = s.debrief;
    const auto stop = d.find("。");
    if (stop != std::string::npos) d = d.substr(0, stop + std::string_view("。").size());
    while (!d.empty() && (d.back() == '\n' || d.back() == ' ')) d.pop_back();
    return d;
}

std::vector<std::string> scenario_texts(const Scenario& s) {
    std::vector<std::string> out = {s.title, s.summary, s.debrief, s.site.name, s.site.company};
    for (const auto& [dept, ext] : s.site.extensions) out.push_back(ext);
    for (const auto& f : s.site.fees) {
        out.push_back(f.name);
        out.push_back(f.amount + f.unit);
    }
    for (const auto& a : s.actors) {
        out.push_back(a.name);
        out.push_back(a.room);
        for (const auto& [k, v] : a.facts) out.push_back(v);
        for (const auto& var : a.vary)
            for (const auto& [k, v] : var.facts) out.push_back(v);
    }
    for (const auto& e : s.events) out.push_back(e.text);
    for (const auto& n : s.nodes) {
        for (const auto& line : n.says) out.push_back(line);
        for (const auto& c : n.choices) out.push_back(c.text);
        out.push_back(n.hint);
    }
    for (const auto& [k, v] : s.outcome.record) out.push_back(v);
    return out;
}

}  // namespace dd::session
