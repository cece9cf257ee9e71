// A trainee's attempt as a list of timed actions (DESIGN §3, fixed format). The GUI produces
// these; a transcript file replays them headless, so every attempt can be re-scored exactly.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "duration.h"
#include "scenario.h"

namespace dd {

enum class Verb {
    Answer,           // arg: phone|desk|<actor id>   — pick up / serve
    Hold,             // arg: thread (optional)        — put on hold
    Say,              // text: the reply
    Choose,           // choice: index into the node's choices (0-based), or text of the choice
    Record,           // fields: name, room, phone, issue, time, contact
    Classify,         // fields: type, level
    Dispatch,         // arg: department
    Escalate,         // arg: supervisor|manager
    Call,             // arg: 110|119|120
    Notify,           // arg: owner|host|residents
    RegisterVisitor,  // fields: name, visiting, id (optional, `register_visitor: true` → empty)
    Broadcast,        // arg: evacuation
    HandOver,         // arg: first-aid-kit|extinguisher|access-card|parcel|form
    HangUp,           // arg: thread (optional)
    Wait,             // duration: nothing done for this long (advances the clock)
    End,              // the trainee ends the attempt
    Focus,            // arg: thread — switch the focused thread without saying anything
};

std::string_view verb_name(Verb v);

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
