// A trainee's attempt as a list of timed actions (DESIGN §3, fixed format). The GUI produces
// these; a transcript file replays them headless, so every attempt can be re-scored exactly.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "duration.h"
#include "scenario.h"
#include "verbs.h"

namespace dd {

// One timed action; the verbs and their values are in verbs.h.
struct Action {
    Millis at = 0;
    Verb verb = Verb::Wait;
    std::string arg;     // the scalar argument (thread, department, number…)
    std::string text;    // say: the text; choose: the choice's text once resolved
    int choice = -1;     // choose: the index
    Millis duration = 0; // wait
    std::vector<std::pair<std::string, std::string>> fields;  // record/classify/register_visitor
    std::string to;      // `to:` thread this action is for ("" = the focused one)
    SourcePos pos;

    const std::string* field(const std::string& k) const {
        for (const auto& [key, v] : fields)
            if (key == k) return &v;
        return nullptr;
    }
};

struct Transcript {
    std::string path;
    std::string scenario;   // scenario id
    std::uint64_t seed = 0;
    std::string mode;       // practice|assessment|"" (informational)
    std::string trainee;    // optional
    std::vector<Action> actions;  // in file order; `at` must not decrease
};

}  // namespace dd
