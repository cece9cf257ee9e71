// libFuzzer target: any bytes through the scenario loader (and the criterion-id check), which
// must return a result or diagnostics — never crash, hang, leak or throw.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sim/load/scenario_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const dd::LoadOptions options = [] {
        dd::LoadOptions o;
        o.criteria_ids = std::set<std::string, std::less<>>{"courtesy.greeting", "record.complete"};
        return o;
    }();
    dd::Diagnostics diags;
    const auto sc = dd::load_scenario_text(text, "fuzz.yaml", diags, options);
    // The loader's promise: a scenario exactly when no error was reported.
    if (sc.has_value() == diags.has_errors()) std::abort();
    if (sc) {
        for (const auto& n : sc->nodes)
            for (const auto& nx : n.next)
                if (!sc->node(nx.go)) std::abort();  // every goto resolved
        for (const auto& e : sc->events)
            if (!e.start.empty() && !sc->node(e.start)) std::abort();
    }
    return 0;
}
