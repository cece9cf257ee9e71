// Loader benchmarks: the example scenario from memory and from its file (issue 2 asks for well
// under a millisecond), a transcript, and loading + validating every scenario in scenarios/.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/load/scenario_loader.h"
#include "sim/load/transcript_loader.h"
#include "sim/load/validate.h"

namespace {

const std::string kScenarios = DESKDRILL_SCENARIOS_DIR;
const std::string kExample = kScenarios + "/complaint/night-renovation-noise.yaml";
const std::string kGold =
    std::string(DESKDRILL_TESTS_DIR) + "/golden/complaint.night-renovation-noise/gold.yaml";

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void BM_ScenarioFromMemory(benchmark::State& state) {
    const std::string text = read_all(kExample);
    for (auto _ : state) {
        dd::Diagnostics d;
        auto sc = dd::load_scenario_text(text, kExample, d);
        if (!sc) state.SkipWithError("example did not load");
        benchmark::DoNotOptimize(sc);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ScenarioFromMemory)->Unit(benchmark::kMicrosecond);

void BM_ScenarioFromFile(benchmark::State& state) {
    for (auto _ : state) {
        dd::Diagnostics d;
        auto sc = dd::load_scenario_file(kExample, d);
        if (!sc) state.SkipWithError("example did not load");
        benchmark::DoNotOptimize(sc);
    }
}
BENCHMARK(BM_ScenarioFromFile)->Unit(benchmark::kMicrosecond);

void BM_ScenarioWithCriteriaCheck(benchmark::State& state) {
    dd::Diagnostics d;
    dd::LoadOptions o;
    o.criteria_ids = dd::load_criteria_ids(kScenarios + "/standards.yaml", d);
    const std::string text = read_all(kExample);
    for (auto _ : state) {
        dd::Diagnostics d2;
        auto sc = dd::load_scenario_text(text, kExample, d2, o);
        benchmark::DoNotOptimize(sc);
    }
}
BENCHMARK(BM_ScenarioWithCriteriaCheck)->Unit(benchmark::kMicrosecond);

void BM_TranscriptFromMemory(benchmark::State& state) {
    const std::string text = read_all(kGold);
    for (auto _ : state) {
        dd::Diagnostics d;
        auto t = dd::load_transcript_text(text, kGold, d);
        if (!t) state.SkipWithError("gold transcript did not load");
        benchmark::DoNotOptimize(t);
    }
}
BENCHMARK(BM_TranscriptFromMemory)->Unit(benchmark::kMicrosecond);

// What `deskdrill validate` does on the library: find the files, read standards.yaml, load and
// check every scenario.
void BM_ValidateLibrary(benchmark::State& state) {
    std::size_t files = 0;
    for (auto _ : state) {
        dd::Diagnostics d;
        dd::LoadOptions o;
        o.criteria_ids = dd::load_criteria_ids(kScenarios + "/standards.yaml", d);
        auto paths = dd::collect_yaml_files({kScenarios}, d);
        std::vector<dd::FileResult> results;
        for (const auto& p : paths) results.push_back(dd::validate_file(p, o));
        dd::check_across_files(results);
        files = results.size();
        benchmark::DoNotOptimize(results);
    }
    state.counters["files"] = static_cast<double>(files);
}
BENCHMARK(BM_ValidateLibrary)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
