// Replay of the example scenario (complaint.night-renovation-noise) with its gold and poor
// transcripts, the scenario, transcripts and lexicon loaded once up front. Files are used when
// they load; otherwise the same inputs built in code (engine_test_support.h) — the label says
// which. The keyword-detector runs isolate the engine from speech-act detection.
#include <benchmark/benchmark.h>

#include <optional>
#include <string>

#include "engine_test_support.h"
#include "scoring/text/lexicon.h"
#include "sim/engine/log_format.h"
#include "sim/load/scenario_loader.h"
#include "sim/load/transcript_loader.h"

namespace {

using namespace dd;

struct Inputs {
    Scenario scenario;
    Transcript gold, poor;
    std::optional<LoadedLexicon> lexicon;
    test::KeywordDetector keywords;
    std::string label;
};

const Inputs& inputs() {
    static const Inputs in = [] {
        Inputs i;
        Diagnostics d;
        const std::string dir =
            std::string(DESKDRILL_TESTS_DIR) + "/golden/complaint.night-renovation-noise/";
        auto s = load_scenario_file(
            std::string(DESKDRILL_SCENARIOS_DIR) + "/complaint/night-renovation-noise.yaml", d);
        auto g = load_transcript_file(dir + "gold.yaml", d);
        auto p = load_transcript_file(dir + "poor.yaml", d);
        i.scenario = s ? *s : test::example_scenario();
        i.gold = g ? *g : test::example_gold();
        i.poor = p ? *p : test::example_poor();
        i.label = std::string(s ? "scenario:file" : "scenario:code") +
                  (g && p ? " transcripts:file" : " transcripts:code");
        i.lexicon = load_lexicon(std::string(DESKDRILL_SCENARIOS_DIR) + "/lexicon.yaml", d);
        return i;
    }();
    return in;
}

void replay_bench(benchmark::State& state, bool gold, bool lexicon) {
    const Inputs& in = inputs();
    if (lexicon && !in.lexicon) {
        state.SkipWithError("scenarios/lexicon.yaml did not load");
        return;
    }
    const ActDetector& det = lexicon ? static_cast<const ActDetector&>(*in.lexicon->detector)
                                     : static_cast<const ActDetector&>(in.keywords);
    const MoodParams mood = lexicon ? in.lexicon->mood : MoodParams{};
    const Transcript& t = gold ? in.gold : in.poor;
    std::size_t entries = 0;
    for (auto _ : state) {
        AttemptLog log = replay(in.scenario, t, det, mood);
        entries = log.entries.size();
        benchmark::DoNotOptimize(log);
    }
    state.counters["entries"] = static_cast<double>(entries);
    state.SetLabel(in.label);
}

void BM_ReplayGold_Lexicon(benchmark::State& s) {
    replay_bench(s, true, true);
}
void BM_ReplayPoor_Lexicon(benchmark::State& s) {
    replay_bench(s, false, true);
}
void BM_ReplayGold_Keywords(benchmark::State& s) {
    replay_bench(s, true, false);
}
void BM_ReplayPoor_Keywords(benchmark::State& s) {
    replay_bench(s, false, false);
}

// Replay plus the JSON of the log: what `deskdrill play --json` does after loading.
void BM_ReplayGoldToJson_Lexicon(benchmark::State& state) {
    const Inputs& in = inputs();
    if (!in.lexicon) {
        state.SkipWithError("scenarios/lexicon.yaml did not load");
        return;
    }
    for (auto _ : state) {
        std::string json =
            log_to_json(replay(in.scenario, in.gold, *in.lexicon->detector, in.lexicon->mood));
        benchmark::DoNotOptimize(json);
    }
}

BENCHMARK(BM_ReplayGold_Lexicon)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReplayPoor_Lexicon)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReplayGold_Keywords)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReplayPoor_Keywords)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReplayGoldToJson_Lexicon)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
