// Replays a fuzz target's finds in the normal build: the target's own LLVMFuzzerTestOneInput
// (tests/fuzz/<target>.cpp, whose properties abort when violated) over every input of the
// folders given — first tests/fuzz/regressions/<target>/, which must hold at least one input
// (a replay of an empty folder proves nothing), then any seed corpora.
//   <target>_finds REGRESSIONS_DIR [CORPUS_DIR…]     exit 0, or 1 when REGRESSIONS_DIR is empty
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file() && it->path().filename() != ".gitkeep") out.push_back(it->path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " REGRESSIONS_DIR [CORPUS_DIR…]\n";
        return 2;
    }
    int total = 0;
    for (int a = 1; a < argc; ++a) {
        const auto files = inputs(argv[a]);
        if (a == 1 && files.empty()) {
            std::cerr << argv[1]
                      << ": no input; check in at least one (a fuzzer's find, or a hand-made "
                         "input of a known hazard) so the replay tests something\n";
            return 1;
        }
        for (const auto& f : files) {
            std::ifstream in(f, std::ios::binary);
            std::ostringstream ss;
            ss << in.rdbuf();
            const std::string bytes = ss.str();
            std::cout << f.string() << "\n" << std::flush;  // the culprit, if the next aborts
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                   bytes.size());
            ++total;
        }
    }
    std::cout << total << " inputs replayed\n";
    return 0;
}
