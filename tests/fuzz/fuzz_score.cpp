// libFuzzer target: a mutated standards catalogue scoring the client's example attempts (the
// gold and the poor transcript, replayed once). A catalogue that loads must score both without a
// crash or a hang, every criterion within its maximum and the total within 0..max.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <vector>

#include "scoring/rubric/catalogue.h"
#include "scoring/rubric/scorer.h"
#include "scoring/text/lexicon.h"
#include "sim/engine/engine.h"
#include "sim/load/scenario_loader.h"
#include "sim/load/transcript_loader.h"

namespace {

struct World {
    std::unique_ptr<dd::LoadedLexicon> lexicon;
    std::unique_ptr<dd::Scenario> scenario;
    std::vector<dd::AttemptLog> logs;
};

const World& world() {
    static const World w = [] {
        World out;
        dd::Diagnostics d;
        auto lex = dd::load_lexicon(DESKDRILL_SCENARIOS_DIR "/lexicon.yaml", d);
        auto sc = dd::load_scenario_file(
            DESKDRILL_SCENARIOS_DIR "/complaint/night-renovation-noise.yaml", d);
        if (!lex || !sc) std::abort();
        out.lexicon = std::make_unique<dd::LoadedLexicon>(std::move(*lex));
        out.scenario = std::make_unique<dd::Scenario>(std::move(*sc));
        for (const char* t : {"gold", "poor"}) {
            auto tr = dd::load_transcript_file(std::string(DESKDRILL_GOLDEN_DIR) +
                                                   "/complaint.night-renovation-noise/" + t +
                                                   ".yaml",
                                               d);
            if (!tr) std::abort();
            out.logs.push_back(dd::replay(*out.scenario, *tr, *out.lexicon->detector,
                                          out.lexicon->mood));
        }
        return out;
    }();
    return w;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const World& w = world();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    dd::Diagnostics d;
    auto cat = dd::parse_catalogue(text, "fuzz-standards.yaml", d);
    if (cat.has_value() == d.has_errors()) std::abort();
    if (!cat) return 0;
    dd::ScoreOptions opt;
    opt.detector = w.lexicon->detector.get();
    for (const auto& log : w.logs) {
        const dd::ScoreReport r = dd::score_attempt(*w.scenario, log, *cat, opt);
        if (r.score < 0 || r.score > r.max) std::abort();
        for (const auto& c : r.criteria)
            if (c.points < 0 || c.points > c.max) std::abort();
    }
    return 0;
}
