// A trainee's attempt as a list of timed actions (DESIGN §3, fixed format). The GUI produces
// these; a transcript file replays them headless, so every attempt can be re-scored exactly.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "action.h"
#include "duration.h"
#include "scenario.h"

namespace dd {

struct Transcript {
    std::string path;
    std::string scenario;   // scenario id
    std::uint64_t seed = 0;
    std::string mode;       // practice|assessment|"" (informational)
    std::string trainee;    // optional
    std::vector<Action> actions;  // in file order; `at` must not decrease
};

}  // namespace dd
