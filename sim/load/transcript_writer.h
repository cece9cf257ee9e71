// Writes a Transcript as the YAML of DESIGN §3 (the reverse of transcript_loader.h), so an
// attempt played in the window replays with `deskdrill play` exactly: `at` in seconds with
// millisecond precision (the engine's unit), every string double-quoted (phone numbers stay
// strings; commas and colons in replies are safe).
#pragma once
#include <string>

#include "sim/model/transcript.h"

namespace dd {

std::string transcript_to_yaml(const Transcript& t, const std::string& comment = {});

// "12.345" — seconds with up to three decimals, no trailing zeros ("5", "7.5").
std::string format_seconds(Millis ms);

// A YAML double-quoted scalar.
std::string yaml_quote(const std::string& s);

}  // namespace dd
