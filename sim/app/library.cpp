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

Library scan_library(const std::string& dir) {
    const auto t0 = std::chrono::steady_clock::now();
    Library lib;
    for (const auto& path : scenario_files(dir)) {
        LibraryEntry e;
        e.path = path;
        Diagnostics diags;
        if (auto sc = load_scenario(path, diags); sc && !diags.has_errors()) {
            e.scenario = std::make_shared<const Scenario>(std::move(*sc));
        } else {
            e.error = diags.to_string();
            if (e.error.empty()) e.error = path + ": error: could not be loaded";
        }
        lib.entries.push_back(std::move(e));
    }
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
    lib.load_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
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
    return n;
}

}  // namespace dd::app
