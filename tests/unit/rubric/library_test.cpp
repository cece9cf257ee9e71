// The scenario library against the catalogue: every criterion a scenario lists exists, its
// overrides name real parameters with valid values, and scoring any scenario (even an empty
// attempt) gives maxima that sum to 100 without crashing.
#include <gtest/gtest.h>

#include <filesystem>

#include "scoring/rubric/scorer.h"
#include "sim/load/scenario_loader.h"

namespace dd {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> scenario_files() {
    std::vector<fs::path> out;
    const fs::path dir = DESKDRILL_SCENARIOS_DIR;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file() || e.path().extension() != ".yaml") continue;
        if (e.path().parent_path() == dir) continue;  // standards.yaml, lexicon.yaml
        if (e.path().parent_path().filename() == "schema") continue;
        out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

TEST(Library, EveryScenarioCriterionIsInTheCatalogueWithValidOverrides) {
    Diagnostics cd;
    auto cat = load_catalogue(std::string(DESKDRILL_SCENARIOS_DIR) + "/standards.yaml", cd);
    ASSERT_TRUE(cat) << cd.to_string();
    int checked = 0;
    for (const auto& path : scenario_files()) {
        Diagnostics d;
        auto s = load_scenario_file(path.string(), d);
        if (!s) continue;  // the loader's own tests report files that do not load
        ++checked;
        Diagnostics refs;
        check_criteria_refs(*s, *cat, refs);
        EXPECT_FALSE(refs.has_errors()) << refs.to_string();
        const ScoreReport r = score_attempt(*s, AttemptLog{}, *cat);
        if (!s->criteria.empty()) {
            EXPECT_EQ(r.max, 100) << path;
        }
        EXPECT_FALSE(r.passed) << path << ": an empty attempt must not pass";
        EXPECT_TRUE(r.warnings.empty()) << path;
    }
    EXPECT_GE(checked, 1);
}

}  // namespace
}  // namespace dd
