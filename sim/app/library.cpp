// Scanning and loading the scenario library for the picker.
#include "library.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "backend.h"
#include "sim/model/enums.h"

namespace dd::app {

namespace fs = std::filesystem;

std::vector<std::string> scenario_files(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
        end;
    for (; !ec && it != end; it.increment(ec)) {
        const auto& p = it->path();
        if (it->is_directory() && p.filename() == "schema") {
            it.disable_recursion_pending();
            continue;
        }
        if (p.extension() != ".yaml" && p.extension() != ".yml") continue;
        // Only the category folders hold scenarios; top-level files are the catalogues.
        if (p.parent_path() == fs::path(dir)) continue;
        out.push_back(p.string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

LibraryEntry load_entry(const std::string& path) {
    LibraryEntry e;
    e.path = path;
    Diagnostics diags;
    if (auto sc = load_scenario(path, diags); sc && !diags.has_errors()) {
        e.scenario = std::make_shared<const Scenario>(std::move(*sc));
    } else {
        e.error = diags.to_string();
        if (e.error.empty()) e.error = path + ": error: could not be loaded";
    }
    return e;
}

void sort_entries(Library& lib) {
    auto cat_rank = [](const LibraryEntry& e) -> size_t {
        if (!e.scenario) return enums::kCategories.size();
        auto it =
            std::find(enums::kCategories.begin(), enums::kCategories.end(), e.scenario->category);
        return static_cast<size_t>(it - enums::kCategories.begin());
    };
    std::stable_sort(lib.entries.begin(), lib.entries.end(),
                     [&](const LibraryEntry& a, const LibraryEntry& b) {
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

}  // namespace

Library scan_library(const std::string& dir) {
    const auto t0 = std::chrono::steady_clock::now();
    Library lib;
    for (const auto& path : scenario_files(dir)) lib.entries.push_back(load_entry(path));
    sort_entries(lib);
    lib.load_ms = ms_since(t0);
    return lib;
}

Library scan_library_first(const std::string& dir, const std::string& hint) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<std::string> files = scenario_files(dir);
    std::map<std::string, int, std::less<>> by_folder;
    for (const auto& f : files) ++by_folder[folder_of(f)];
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
    lib.complete = false;
    for (const auto& f : files) {
        if (folder_of(f) == first)
            lib.entries.push_back(load_entry(f));
        else
            ++lib.pending[folder_of(f)];
    }
    if (lib.pending.empty()) lib.complete = true;
    sort_entries(lib);
    lib.load_ms = ms_since(t0);
    return lib;
}

std::string what_it_trains(const Scenario& s) {
    if (!s.summary.empty()) return s.summary;
    std::string d = s.debrief;
    const auto stop = d.find("。");
    if (stop != std::string::npos) d = d.substr(0, stop + std::string_view("。").size());
    while (!d.empty() && (d.back() == '\n' || d.back() == ' ')) d.pop_back();
    return d;
}

const LibraryEntry* Library::find(const std::string& key) const {
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

}  // namespace dd::app
