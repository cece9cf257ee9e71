// Replays what the fuzzers found (tests/fuzz/regressions/<target>/) and their seed corpora
// through both loaders in the normal build: no crash, no exception, and the loaders' promise —
// a result exactly when no error was reported, every error with a message. Each target's folder
// must hold at least one input (a loop over an empty folder proves nothing), and every folder
// there must be a target replayed here.
#include <gtest/gtest.h>

#include <filesystem>

#include "sim/load/scenario_loader.h"
#include "sim/load/transcript_loader.h"
#include "tests/unit/test_files.h"

namespace dd {
namespace {

namespace fs = std::filesystem;

using test::files_in;
using test::read_all;

void replay(const fs::path& file) {
    SCOPED_TRACE(file.string());
    const std::string text = read_all(file);
    for (int which = 0; which < 2; ++which) {
        Diagnostics d;
        bool loaded = false;
        ASSERT_NO_THROW({
            loaded = which == 0 ? load_scenario_text(text, "f.yaml", d).has_value()
                                : load_transcript_text(text, "f.yaml", d).has_value();
        });
        EXPECT_EQ(loaded, !d.has_errors()) << d.to_string();
        for (const auto& item : d.items()) EXPECT_FALSE(item.message.empty());
    }
}

const fs::path kFuzzDir = fs::path(DESKDRILL_TESTS_DIR) / "fuzz";

// Every fuzz target of tests/fuzz/CMakeLists.txt: the loaders' finds are replayed here, those
// of replay, scoring and speech-act detection by tests/unit/fuzz (fuzz_finds.*).
const std::vector<std::string> kTargets = {"fuzz_acts", "fuzz_replay", "fuzz_scenario",
                                           "fuzz_score", "fuzz_transcript"};

// The finds of one target; fails the test when there are none.
std::vector<fs::path> finds(const std::string& target) {
    const fs::path dir = kFuzzDir / "regressions" / target;
    auto files = files_in(dir);
    EXPECT_FALSE(files.empty())
        << dir.string()
        << " holds no input: check in at least one (a fuzzer's find, or a "
           "hand-made input of a known hazard) so the replay tests something";
    return files;
}

TEST(FuzzRegressions, ScenarioFindsDoNotCrash) {
    for (const auto& f : finds("fuzz_scenario")) replay(f);
}

TEST(FuzzRegressions, TranscriptFindsDoNotCrash) {
    for (const auto& f : finds("fuzz_transcript")) replay(f);
}

TEST(FuzzRegressions, EveryTargetHasItsFindsAndNoFolderIsForgotten) {
    std::vector<std::string> folders;
    for (const auto& e : fs::directory_iterator(kFuzzDir / "regressions"))
        if (e.is_directory()) folders.push_back(e.path().filename().string());
    std::sort(folders.begin(), folders.end());
    EXPECT_EQ(folders, kTargets) << "a regressions/ folder nobody replays, or a target without "
                                    "its folder";
    for (const auto& t : kTargets) finds(t);
}

TEST(FuzzRegressions, SeedCorporaLoadCleanly) {
    const auto scenarios = files_in(kFuzzDir / "corpus" / "fuzz_scenario");
    const auto transcripts = files_in(kFuzzDir / "corpus" / "fuzz_transcript");
    ASSERT_FALSE(scenarios.empty()) << "the fuzzers need a seed corpus";
    ASSERT_FALSE(transcripts.empty());
    for (const auto& f : scenarios) replay(f);
    for (const auto& f : transcripts) replay(f);
}

}  // namespace
}  // namespace dd
