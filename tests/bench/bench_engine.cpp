// Replay of the example scenario (complaint.night-renovation-noise) with its gold and poor
// transcripts, the scenario, transcripts and lexicon loaded once up front. Files are used when
// they load; otherwise the same inputs built in code (engine_test_support.h) — the label says
// which. The _Lexicon runs detect as `deskdrill play` and the session's replay do
// (kPlayDetection: the meaning reading); the _Phrases runs with the lexicon's phrases alone; the
// keyword-detector runs isolate the engine from speech-act detection.
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
    std::optional<LoadedLexicon> lexicon;  // as play detects (kPlayDetection)
    std::optional<LoadedLexicon> phrases;  // Detection::Phrases
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
        const std::string lexicon = std::string(DESKDRILL_SCENARIOS_DIR) + "/lexicon.yaml";
        i.lexicon = load_lexicon(lexicon, d, kPlayDetection);
        i.phrases = load_lexicon(lexicon, d, Detection::Phrases);
        return i;
    }();
    return in;
}

enum class Detect { Play, Phrases, Keywords };

void replay_bench(benchmark::State& state, bool gold, Detect how) {
    const Inputs& in = inputs();
    const std::optional<LoadedLexicon>& lex = how == Detect::Phrases ? in.phrases : in.lexicon;
    if (how != Detect::Keywords && !lex) {
        state.SkipWithError("scenarios/lexicon.yaml did not load");
        return;
    }
    const ActDetector& det = how != Detect::Keywords
                                 ? static_cast<const ActDetector&>(*lex->detector)
                                 : static_cast<const ActDetector&>(in.keywords);
    const MoodParams mood = how != Detect::Keywords ? lex->mood : MoodParams{};
    const Transcript& t = gold ? in.gold : in.poor;
    std::size_t entries = 0;
    for (auto _ : state) {
        AttemptLog log = replay(in.scenario, t, det, mood);
        entries = log.entries.size();
        benchmark::DoNotOptimize(log);
    }
    state.counters["entries"] = static_cast<double>(entries);
    state.SetLabel(in.label + (how == Detect::Keywords ? "" : " detection:" + det.identity()));
}

void BM_ReplayGold_Lexicon(benchmark::State& s) {
    replay_bench(s, true, Detect::Play);
}
void BM_ReplayPoor_Lexicon(benchmark::State& s) {
    replay_bench(s, false, Detect::Play);
}
void BM_ReplayGold_Phrases(benchmark::State& s) {
    replay_bench(s, true, Detect::Phrases);
}
void BM_ReplayPoor_Phrases(benchmark::State& s) {
    replay_bench(s, false, Detect::Phrases);
}
void BM_ReplayGold_Keywords(benchmark::State& s) {
    replay_bench(s, true, Detect::Keywords);
}
void BM_ReplayPoor_Keywords(benchmark::State& s) {
    replay_bench(s, false, Detect::Keywords);
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
BENCHMARK(BM_ReplayGold_Phrases)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReplayPoor_Phrases)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReplayGold_Keywords)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReplayPoor_Keywords)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReplayGoldToJson_Lexicon)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
