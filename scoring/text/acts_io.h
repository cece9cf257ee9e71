// The line protocol of `deskdrill acts`: one utterance per input line → one output line, JSON
// (`{"text", "normalized", "acts": [...], "forbidden": [...]}` plus "weak", "sarcastic",
// "uncertain" when non-empty, and "decisions") or
// a readable summary. Kept here, not in the CLI, so it is tested without the whole program.
#pragma once
#include <iosfwd>
#include <string>
#include <string_view>

#include "act_detector.h"

namespace dd::text {

// One JSON object, keys in the fixed order text, normalized, acts, forbidden[, weak][, sarcastic]
// [, uncertain][, truncated], decisions (how each match was read: counted or set aside).
// `text` must be valid UTF-8.
// With `meaning`, the meaning-aware detection follows under "meaning" (same keys from acts on).
std::string acts_json_line(std::string_view text, const DetectedActs& d,
                           const DetectedActs* meaning = nullptr);
// "您好! → 您好 | acts: greeting | forbidden: -" (weak acts marked "(weak)").
std::string acts_text_line(std::string_view text, const DetectedActs& d,
                           const DetectedActs* meaning = nullptr);

// Reads `in` line by line (a trailing \r is dropped), writes one line per utterance to `out`
// (for a LexiconDetector of the phrase kind, with its meaning-aware twin's findings too).
// A line that is not UTF-8, or longer than kMaxReplyBytes (sim/model/limits.h; never held in
// memory whole), is reported on `err` as "<source>:<line>: error: …" and skipped.
// Returns the exit code: 0, or 2 when any line was skipped.
int run_acts(std::istream& in, std::ostream& out, std::ostream& err, const ActDetector& detector,
             bool json, const std::string& source = "<stdin>");

}  // namespace dd::text
