// Sim time and durations. All sim time is integer milliseconds from the start of an attempt.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dd {

using Millis = std::int64_t;

// Parses "30s", "2m", "1h30m", "1.5s", "500ms", "90" (bare number = seconds).
// Returns nullopt for anything else (negative, empty, unknown unit, overflow past 30 days).
std::optional<Millis> parse_duration(std::string_view text);

// Formats as the shortest exact form: 30000 -> "30s", 90000 -> "1m30s", 1500 -> "1.5s".
std::string format_duration(Millis ms);

// Formats a sim time as a clock "mm:ss.s" (or "h:mm:ss" past an hour) for reports.
std::string format_clock(Millis ms);

}  // namespace dd
