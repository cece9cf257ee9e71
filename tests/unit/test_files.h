// Small file helpers the tests share: a file's bytes, the regular files of a folder, and the
// generated part of a document between `<!-- name:begin -->` and `<!-- name:end -->` lines.
#pragma once
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace dd::test {

inline std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The regular files of `dir` (not .gitkeep), sorted; none when it is not a folder.
inline std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file() && it->path().filename() != ".gitkeep") out.push_back(it->path());
    std::sort(out.begin(), out.end());
    return out;
}

// The lines between `<!-- name:begin -->` and `<!-- name:end -->`, or "(no block)".
inline std::string marked_block(const std::string& text, const std::string& name) {
    const std::string begin = "<!-- " + name + ":begin -->\n", end = "<!-- " + name + ":end -->";
    const auto b = text.find(begin);
    const auto e = text.find(end);
    if (b == std::string::npos || e == std::string::npos || e < b) return "(no block)";
    return text.substr(b + begin.size(), e - b - begin.size());
}

}  // namespace dd::test
