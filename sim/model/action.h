// One trainee action (DESIGN §3, fixed format): what a transcript lists with its time and what a
// scenario's `guide:` lists without one (the steps a practice hint shows and a trainee follows).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "duration.h"
#include "source_pos.h"
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

}  // namespace dd
