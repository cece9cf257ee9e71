// Benchmarks of the scorer: the example attempt (complaint.night-renovation-noise, gold and
// poor logs as the engine records them) scored against the shipped catalogue, the report
// serialisations, and loading the catalogue itself.
#include <benchmark/benchmark.h>

#include "scoring/rubric/scorer.h"
#include "scoring/text/lexicon.h"
#include "tests/unit/rubric/log_builder.h"

namespace {

const dd::Catalogue& catalogue() {
    static const dd::Catalogue cat = [] {
        dd::Diagnostics d;
        auto c = dd::load_catalogue(std::string(DESKDRILL_SCENARIOS_DIR) + "/standards.yaml", d);
        return c ? *c : dd::Catalogue{};
    }();
    return cat;
}

void BM_ScoreExampleGold(benchmark::State& state) {
    const dd::Scenario s = dd::test::example_scenario();
    const dd::AttemptLog log = dd::test::example_gold_log();
    for (auto _ : state) benchmark::DoNotOptimize(dd::score_attempt(s, log, catalogue()));
}
BENCHMARK(BM_ScoreExampleGold);

void BM_ScoreExamplePoor(benchmark::State& state) {
    const dd::Scenario s = dd::test::example_scenario();
    const dd::AttemptLog log = dd::test::example_poor_log();
    for (auto _ : state) benchmark::DoNotOptimize(dd::score_attempt(s, log, catalogue()));
}
BENCHMARK(BM_ScoreExamplePoor);

// As `deskdrill play` does it: with the lexicon detector locating the evidence highlights.
void score_with_highlights(benchmark::State& state, const dd::AttemptLog& log) {
    dd::Diagnostics d;
    auto lex = dd::load_lexicon(std::string(DESKDRILL_SCENARIOS_DIR) + "/lexicon.yaml", d);
    if (!lex) {
        state.SkipWithError("lexicon.yaml did not load");
        return;
    }
    const dd::Scenario s = dd::test::example_scenario();
    dd::ScoreOptions opt;
    opt.detector = lex->detector.get();
    for (auto _ : state) benchmark::DoNotOptimize(dd::score_attempt(s, log, catalogue(), opt));
}

void BM_ScoreExamplePoorWithHighlights(benchmark::State& state) {
    score_with_highlights(state, dd::test::example_poor_log());
}
BENCHMARK(BM_ScoreExamplePoorWithHighlights);

void BM_ScoreExampleGoldWithHighlights(benchmark::State& state) {
    score_with_highlights(state, dd::test::example_gold_log());
}
BENCHMARK(BM_ScoreExampleGoldWithHighlights);

void BM_ScoreAndReportJson(benchmark::State& state) {
    const dd::Scenario s = dd::test::example_scenario();
    const dd::AttemptLog log = dd::test::example_poor_log();
    for (auto _ : state)
        benchmark::DoNotOptimize(dd::report_to_json(dd::score_attempt(s, log, catalogue())));
}
BENCHMARK(BM_ScoreAndReportJson);

void BM_ReportText(benchmark::State& state) {
    const auto r =
        dd::score_attempt(dd::test::example_scenario(), dd::test::example_poor_log(), catalogue());
    for (auto _ : state) benchmark::DoNotOptimize(dd::report_to_text(r));
}
BENCHMARK(BM_ReportText);

void BM_LoadCatalogue(benchmark::State& state) {
    const std::string path = std::string(DESKDRILL_SCENARIOS_DIR) + "/standards.yaml";
    for (auto _ : state) {
        dd::Diagnostics d;
        benchmark::DoNotOptimize(dd::load_catalogue(path, d));
    }
}
BENCHMARK(BM_LoadCatalogue);

}  // namespace

BENCHMARK_MAIN();
