// Data folders (data_dirs.h).
#include "data_dirs.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace dd::session {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : std::string();
}

bool holds_library(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "scenarios" / "standards.yaml", ec);
}

std::string home_based(const char* xdg, const char* fallback) {
    if (std::string x = env(xdg); !x.empty() && x[0] == '/') return x + "/deskdrill";
    if (std::string home = env("HOME"); !home.empty()) return home + "/" + fallback + "/deskdrill";
    return "deskdrill-data";
}

}  // namespace

std::string program_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : exe.parent_path().string();
}

std::string shipped_data_dir() {
    if (std::string d = env("DESKDRILL_DATA"); !d.empty()) return d;
    if (const std::string bin = program_dir(); !bin.empty()) {
        for (const fs::path& cand : {fs::path(bin) / ".." / "share" / "deskdrill",
                                    fs::path(bin) / "share" / "deskdrill"}) {
            if (holds_library(cand)) return cand.lexically_normal().string();
        }
    }
    std::string dirs = env("XDG_DATA_DIRS");
    if (dirs.empty()) dirs = "/usr/local/share:/usr/share";
    for (std::size_t start = 0; start <= dirs.size();) {
        const auto colon = dirs.find(':', start);
        const std::string d = dirs.substr(start, colon == std::string::npos ? colon : colon - start);
        if (!d.empty() && holds_library(fs::path(d) / "deskdrill")) return d + "/deskdrill";
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    return {};
}

std::string scenarios_dir() {
    if (std::string d = env("DESKDRILL_SCENARIOS"); !d.empty()) return d;
    const std::string data = shipped_data_dir();
    return data.empty() ? std::string("scenarios") : data + "/scenarios";
}
std::string standards_path() { return scenarios_dir() + "/standards.yaml"; }
std::string lexicon_path() { return scenarios_dir() + "/lexicon.yaml"; }
std::string examples_dir() {
    const std::string data = shipped_data_dir();
    return data.empty() ? std::string("examples") : data + "/examples";
}
std::string assets_dir() {
    if (std::string d = env("DESKDRILL_ASSETS"); !d.empty()) return d;
    const std::string data = shipped_data_dir();
    return data.empty() ? std::string("assets") : data;
}

std::string user_data_dir() { return home_based("XDG_DATA_HOME", ".local/share"); }
std::string user_config_dir() { return home_based("XDG_CONFIG_HOME", ".config"); }
std::string transcripts_dir() { return user_data_dir() + "/transcripts"; }
std::string default_db_path() { return user_data_dir() + "/deskdrill.db"; }
std::string user_cache_dir() {
    const std::string d = home_based("XDG_CACHE_HOME", ".cache");
    return d.front() == '/' ? d : std::string();
}

}  // namespace dd::session
