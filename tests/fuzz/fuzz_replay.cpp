// libFuzzer target: a mutated scenario and a mutated transcript, played by the engine and scored
// by the rubric (the real lexicon and catalogue). Whatever loads must replay and score without a
// crash, a hang (-timeout) or runaway memory (-rss_limit_mb, -malloc_limit_mb), and keep the
// invariants: the log in time order, every score within its maximum.
// Input: scenario YAML, a line `#---`, transcript YAML (without the line, the bytes are a
// transcript for the client's example scenario). Seeds: each golden scenario with its transcripts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "common/yaml/yaml_safe.h"
#include "scoring/rubric/catalogue.h"
#include "scoring/rubric/scorer.h"
#include "scoring/text/lexicon.h"
#include "sim/engine/engine.h"
#include "sim/load/scenario_loader.h"
#include "sim/load/transcript_loader.h"

namespace {

struct World {
    std::unique_ptr<dd::LoadedLexicon> lexicon;
    std::unique_ptr<dd::Catalogue> catalogue;
    std::string example;
};

const World& world() {
    static const World w = [] {
        World out;
        dd::Diagnostics d;
        auto lex = dd::load_lexicon(DESKDRILL_SCENARIOS_DIR "/lexicon.yaml", d);
        auto cat = dd::load_catalogue(DESKDRILL_SCENARIOS_DIR "/standards.yaml", d);
        auto ex = dd::yaml::read_file_text(
            DESKDRILL_SCENARIOS_DIR "/complaint/night-renovation-noise.yaml", d);
        if (!lex || !cat || !ex) std::abort();  // the fuzzer needs the real library
        out.lexicon = std::make_unique<dd::LoadedLexicon>(std::move(*lex));
        out.catalogue = std::make_unique<dd::Catalogue>(std::move(*cat));
        out.example = std::move(*ex);
        return out;
    }();
    return w;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const World& w = world();
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::string_view scenario_text = w.example, transcript_text = input;
    if (const auto cut = input.find("\n#---\n"); cut != std::string_view::npos) {
        scenario_text = input.substr(0, cut + 1);
        transcript_text = input.substr(cut + 6);
    }
    dd::Diagnostics d;
    auto scenario = dd::load_scenario_text(scenario_text, "fuzz-scenario.yaml", d);
    auto transcript = dd::load_transcript_text(transcript_text, "fuzz-transcript.yaml", d);
    if (!scenario || !transcript || d.has_errors()) return 0;
    const dd::AttemptLog log =
        dd::replay(*scenario, *transcript, *w.lexicon->detector, w.lexicon->mood);
    for (std::size_t i = 1; i < log.entries.size(); ++i)
        if (log.entries[i].t < log.entries[i - 1].t) std::abort();
    dd::ScoreOptions opt;
    opt.detector = w.lexicon->detector.get();
    const dd::ScoreReport r = dd::score_attempt(*scenario, log, *w.catalogue, opt);
    if (r.score < 0 || r.score > r.max) std::abort();
    for (const auto& c : r.criteria)
        if (c.points < 0 || c.points > c.max) std::abort();
    return 0;
}
