// libFuzzer target: any bytes through speech-act detection (both detections of the shipped
// lexicon, both paths) and the fact finders, which must keep every promise of acts_checks.h —
// and finish fast: CTest runs it with -timeout, so a slow input is a finding (issue 15).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "acts_checks.h"

namespace {

const dd::LexiconDetector& detector() {
    static const auto lex = [] {
        dd::Diagnostics diags;
        auto l = dd::load_lexicon(DESKDRILL_SCENARIOS_DIR "/lexicon.yaml", diags);
        if (!l) {
            std::fputs(diags.to_string().c_str(), stderr);
            std::abort();
        }
        return std::make_unique<dd::LoadedLexicon>(std::move(*l));
    }();
    return *lex->detector;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string broken = dd::fuzz::check_detection(detector(), text);
    if (!broken.empty()) {
        std::fprintf(stderr, "%s\n", broken.c_str());
        std::abort();
    }
    return 0;
}
