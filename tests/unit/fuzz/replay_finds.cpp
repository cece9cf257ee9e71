// Replays a fuzz target's finds in the normal build: the target's own LLVMFuzzerTestOneInput
// (tests/fuzz/<target>.cpp, whose properties abort when violated) over every input of the
// folders given — first tests/fuzz/regressions/<target>/, which must hold at least one input
// (a replay of an empty folder proves nothing), then any seed corpora.
//   <target>_finds REGRESSIONS_DIR [CORPUS_DIR…]     exit 0, or 1 when REGRESSIONS_DIR is empty
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <string>

#include "tests/unit/test_files.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " REGRESSIONS_DIR [CORPUS_DIR…]\n";
        return 2;
    }
    int total = 0;
    for (int a = 1; a < argc; ++a) {
        const auto files = dd::test::files_in(argv[a]);
        if (a == 1 && files.empty()) {
            std::cerr << argv[1]
                      << ": no input; check in at least one (a fuzzer's find, or a hand-made "
                         "input of a known hazard) so the replay tests something\n";
            return 1;
        }
        for (const auto& f : files) {
            const std::string bytes = dd::test::read_all(f);
            std::cout << f.string() << "\n" << std::flush;  // the culprit, if the next aborts
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                   bytes.size());
            ++total;
        }
    }
    std::cout << total << " inputs replayed\n";
    return 0;
}
