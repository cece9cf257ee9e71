// Speech-act detection benchmarks: one 40-character utterance (detect, and normalise alone),
// and throughput in MB/s over a large corpus, one utterance per line (the same file that
// acts_vs_grep.sh gives `grep -c -F -f`), for both detections of the lexicon: the phrase one
// (what the engine uses until issue 12's phase 2) and the meaning-aware one (…Meaning).
// Extra flags, read before Google Benchmark's:
//   --corpus=FILE          the large text (default: the labelled set repeated in memory to ~10 MB)
//   --dump-patterns=FILE   write the automaton's keys, one per line, and exit (grep's -f file)
//   --dump-corpus=FILE     write the default corpus and exit
#include <benchmark/benchmark.h>

#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "scoring/text/lexicon.h"
#include "scoring/text/normalize.h"

namespace {

std::string g_corpus_path;

const dd::LexiconDetector& detector() {
    static const auto lex = [] {
        dd::Diagnostics diags;
        auto l = dd::load_lexicon(DESKDRILL_SCENARIOS_DIR "/lexicon.yaml", diags);
        if (!l) {
            std::cerr << diags.to_string();
            std::exit(2);
        }
        return l;
    }();
    return *lex->detector;
}

// Loading and compiling the shipped lexicon (its automata: phrase and meaning detection), as
// every start of deskdrill does once.
void BM_LoadLexicon(benchmark::State& state) {
    std::size_t states = 0;
    for (auto _ : state) {
        dd::Diagnostics diags;
        auto l = dd::load_lexicon(DESKDRILL_SCENARIOS_DIR "/lexicon.yaml", diags);
        if (!l) state.SkipWithError("lexicon did not load");
        states = l ? l->detector->state_count() : 0;
        benchmark::DoNotOptimize(l);
    }
    state.counters["states"] = static_cast<double>(states);
}
BENCHMARK(BM_LoadLexicon)->Unit(benchmark::kMillisecond);

// The labelled set's utterances (first column), repeated to about `target` bytes.
std::string default_corpus(std::size_t target = 10u << 20) {
    std::ifstream in(DESKDRILL_TESTS_DIR "/data/acts/labelled.tsv");
    std::string line, block;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        block += line.substr(0, line.find('\t')) + "\n";
    }
    std::string out;
    if (block.empty()) return out;
    out.reserve(target + block.size());
    while (out.size() < target) out += block;
    return out;
}

const std::vector<std::string>& corpus_lines(std::size_t* bytes) {
    static std::size_t total = 0;
    static const std::vector<std::string> lines = [] {
        std::string text;
        if (!g_corpus_path.empty()) {
            std::ifstream in(g_corpus_path, std::ios::binary);
            std::ostringstream ss;
            ss << in.rdbuf();
            text = ss.str();
        } else {
            text = default_corpus();
        }
        total = text.size();
        std::vector<std::string> v;
        std::size_t pos = 0;
        while (pos < text.size()) {
            const std::size_t nl = text.find('\n', pos);
            const std::size_t end = nl == std::string::npos ? text.size() : nl;
            v.push_back(text.substr(pos, end - pos));
            pos = end + 1;
        }
        return v;
    }();
    *bytes = total;
    return lines;
}

// 40 characters, the length of a typical reply: a confirmation with a time.
const std::string k40 = "王女士,跟您确认一下:3栋1202,楼上装修噪音,安保10分钟内到场。";

void BM_Detect40Chars(benchmark::State& state) {
    const auto& det = detector();
    for (auto _ : state) benchmark::DoNotOptimize(det.detect(k40));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * k40.size()));
    state.SetLabel(std::to_string(k40.size()) + " bytes");
}
BENCHMARK(BM_Detect40Chars);

void BM_Detect40CharsInto(benchmark::State& state) {
    const auto& det = detector();
    dd::DetectedActs d;
    for (auto _ : state) {
        det.detect_into(k40, d);
        benchmark::DoNotOptimize(d);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * k40.size()));
}
BENCHMARK(BM_Detect40CharsInto);

void BM_Detect40CharsTraditional(benchmark::State& state) {
    const auto& det = detector();
    const std::string t = "王女士,跟您確認一下:3棟1202,樓上裝修噪音,保安10分鐘內到場。";
    for (auto _ : state) benchmark::DoNotOptimize(det.detect(t));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}
BENCHMARK(BM_Detect40CharsTraditional);

// A short reply: what the per-utterance fixed cost amounts to.
void BM_DetectShort(benchmark::State& state) {
    const auto& det = detector();
    const std::string t = "好的,再见。";
    for (auto _ : state) benchmark::DoNotOptimize(det.detect(t));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}
BENCHMARK(BM_DetectShort);

void BM_Detect40CharsMeaning(benchmark::State& state) {
    const auto& det = detector().meaning();
    for (auto _ : state) benchmark::DoNotOptimize(det.detect(k40));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * k40.size()));
}
BENCHMARK(BM_Detect40CharsMeaning);

void BM_Normalize40Chars(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(dd::text::normalize(k40));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * k40.size()));
}
BENCHMARK(BM_Normalize40Chars);

void detect_corpus(benchmark::State& state, const dd::ActDetector& det) {
    std::size_t bytes = 0;
    const auto& lines = corpus_lines(&bytes);
    std::size_t with_acts = 0;
    dd::DetectedActs d;  // reused, as a batch caller (deskdrill acts) does
    for (auto _ : state) {
        with_acts = 0;
        for (const auto& l : lines) {
            det.detect_into(l, d);
            with_acts += !d.acts.empty() || !d.forbidden.empty();
        }
        benchmark::DoNotOptimize(with_acts);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
    state.counters["lines"] = static_cast<double>(lines.size());
    state.counters["lines_with_acts"] = static_cast<double>(with_acts);
}

void BM_DetectCorpus(benchmark::State& state) {
    detect_corpus(state, detector());
}
BENCHMARK(BM_DetectCorpus)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_DetectCorpusMeaning(benchmark::State& state) {
    detect_corpus(state, detector().meaning());
}
BENCHMARK(BM_DetectCorpusMeaning)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

int main(int argc, char** argv) {
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        if (!std::strncmp(argv[i], "--corpus=", 9)) {
            g_corpus_path = argv[i] + 9;
        } else if (!std::strncmp(argv[i], "--dump-patterns=", 16)) {
            std::ofstream out(argv[i] + 16);
            for (const auto& k : detector().pattern_keys()) out << k << "\n";
            return out ? 0 : 2;
        } else if (!std::strncmp(argv[i], "--dump-corpus=", 14)) {
            std::ofstream out(argv[i] + 14, std::ios::binary);
            out << default_corpus();
            return out ? 0 : 2;
        } else {
            rest.push_back(argv[i]);
        }
    }
    int n = static_cast<int>(rest.size());
    benchmark::Initialize(&n, rest.data());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
