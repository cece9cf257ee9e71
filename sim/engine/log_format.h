// The attempt log as readable Chinese text and as deterministic JSON (what `deskdrill play --log`
// prints; the GUI's timeline and debrief reuse the labels). Same log → byte-identical output.
#pragma once
#include <string>
#include <string_view>

#include "sim/model/attempt_log.h"

namespace dd {

// One line per log entry with its sim clock, then the threads and node visits.
std::string log_to_text(const AttemptLog& log);
// Stable key order, times in integer milliseconds, UTF-8 (invalid bytes replaced), 2-space indent.
std::string log_to_json(const AttemptLog& log);

// Chinese label of a speech act or forbidden family ("apology" → "道歉"); the name itself
// when unknown.
std::string_view act_label(std::string_view name);
// Chinese label of a trainee verb ("dispatch" → "派单").
std::string_view verb_label(Verb v);
// An actor's name as played (facts "name"), else the actor id itself ("" stays "").
std::string played_name(const AttemptLog& log, const std::string& actor);
// A one-line Chinese description of an action: "派单 security", "登记 name=王女士 room=3-1202".
std::string describe_action(const Action& a);

}  // namespace dd
