// The attempt log as readable text and as deterministic JSON (what `deskdrill play --log`
// prints). Same log → byte-identical output. The words come from the i18n tables: the engine's
// messages (codes with arguments) are rendered here, with the ids an author needs beside them.
#pragma once
#include <string>
#include <string_view>

#include "common/i18n/strings.h"
#include "sim/model/attempt_log.h"

namespace dd {

// One line per log entry with its sim clock, then the threads and node visits.
std::string log_to_text(const AttemptLog& log, const i18n::Strings& strings = i18n::builtin("zh"));
// Stable key order, times in integer milliseconds, UTF-8 (invalid bytes replaced), 2-space indent.
// Messages as {"code", "args"}.
std::string log_to_json(const AttemptLog& log);

// An actor's name as played (facts "name"), else the actor id itself ("" stays "").
std::string played_name(const AttemptLog& log, const std::string& actor);

}  // namespace dd
