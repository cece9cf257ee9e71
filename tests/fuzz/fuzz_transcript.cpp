// libFuzzer target: any bytes through the transcript loader, which must return a result or
// diagnostics — never crash, hang, leak or throw.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sim/load/transcript_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    dd::Diagnostics diags;
    const auto t = dd::load_transcript_text(text, "fuzz.yaml", diags);
    if (t.has_value() == diags.has_errors()) std::abort();
    if (t) {
        // `at` never decreases in a loaded transcript.
        for (std::size_t i = 1; i < t->actions.size(); ++i)
            if (t->actions[i].at < t->actions[i - 1].at) std::abort();
    }
    (void)dd::looks_like_transcript(text);
    return 0;
}
