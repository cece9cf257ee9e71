// The closed vocabularies as the loaders use them: speech act names (acts and forbidden
// families together), and for each trainee verb the values its argument may take.
#pragma once
#include <array>
#include <span>
#include <string_view>

#include "sim/model/enums.h"
#include "sim/model/verbs.h"

namespace dd::vocab {

// Speech acts then forbidden families: the names allowed in `acts:` and `said:`.
inline constexpr auto& kActNames = enums::kActNames;

// The keys of a scenario's guide step: `to`, `wait_for` and the verbs (a transcript's action
// without `at`).
inline constexpr auto kGuideStepKeys = [] {
    std::array<std::string_view, enums::kVerbs.size() + 2> all{};
    all[0] = "to";
    all[1] = "wait_for";
    for (std::size_t i = 0; i < enums::kVerbs.size(); ++i) all[i + 2] = enums::kVerbs[i];
    return all;
}();

// Values of `type` and `level` for classify, and the record fields, as "verb:arg" arguments.
inline constexpr auto kClassifyArgs = [] {
    std::array<std::string_view, enums::kRequestTypes.size() + enums::kLevels.size()> all{};
    std::size_t i = 0;
    for (auto a : enums::kRequestTypes) all[i++] = a;
    for (auto l : enums::kLevels) all[i++] = l;
    return all;
}();

// The allowed arguments of `verb` in a `did:` entry ("dispatch:security", "record:name",
// "classify:urgent"), or an empty span when the argument is free (a thread name for
// answer/hold/hang_up/focus) or takes none.
inline std::span<const std::string_view> verb_args(std::string_view verb) {
    const VerbSpec* spec = find_verb(verb);
    if (!spec) return {};
    switch (spec->arg) {
        case VerbArg::Value:
        case VerbArg::Fields:
            return spec->values;
        case VerbArg::Classify:
            return kClassifyArgs;
        default:
            return {};
    }
}

// Verbs whose argument names a thread (free text: phone, desk or an actor id).
inline bool verb_takes_thread(std::string_view verb) {
    const VerbSpec* spec = find_verb(verb);
    return spec && (spec->arg == VerbArg::Thread || spec->arg == VerbArg::ThreadOrTrue);
}

}  // namespace dd::vocab
