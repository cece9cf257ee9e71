// Transcript YAML (DESIGN §3) → dd::Transcript, with the same positioned diagnostics as the
// scenario loader: each action is a map with `at` and exactly one verb key (plus optional `to:`),
// `at` never goes back in time, and every verb's value is checked against its vocabulary.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/yaml/diagnostics.h"
#include "sim/load/load_options.h"
#include "sim/load/scenario_loader.h"
#include "sim/model/transcript.h"

namespace YAML {
class Node;
}

namespace dd {

namespace yaml {
class Reader;
}

// nullopt when any error was found (all of them are in `diags`). Never throws.
// `choose: 1` in the file is the first offered reply (as numbered for the trainee); it is stored
// 0-based in Action::choice. `choose: "text"` keeps the text with choice = -1.
// A `wait` without `at` happens right after the previous action (at its time, or when the
// previous wait ends).
std::optional<Transcript> load_transcript_file(const std::string& path, Diagnostics& diags,
                                               const LoadOptions& options = {});
std::optional<Transcript> load_transcript_text(std::string_view text, const std::string& path,
                                               Diagnostics& diags, const LoadOptions& options = {});

// The fixed examples write replies unquoted inside flow maps — `{at: 7, say: 您好,安居物业…}` —
// where YAML ends the text at the first ','. This quotes such `say:`/`choose:` values (up to a
// following `, to:`/`, at:`/`, <verb>:` or the closing brace) so the reply is read whole; the
// loader does this before parsing and warns on each reply it quoted; `changed` gets where each
// quoted reply starts.
std::string quote_flow_replies(std::string_view text, std::vector<SourcePos>* changed = nullptr);

// One step of a scenario's `guide:` (scenario.h GuideStep), read by the transcript's rules and
// messages: a map with exactly one verb and an optional `to:` but no `at` (the trainee's pace
// decides when), or `{wait_for: phone|desk|alarm|<actor>}` alone. `choose` is refused (a guide
// gives the words to type). nullopt after reporting any problem.
std::optional<GuideStep> read_guide_step(yaml::Reader& r, const YAML::Node& item,
                                        const std::string& what);

// True when the text looks like a transcript rather than a scenario: a top-level `scenario:` key.
bool looks_like_transcript(std::string_view text);

// Accepted keys, with JSON pointers into transcript.schema.json (see KeyTable).
std::span<const KeyTable> transcript_key_tables();

}  // namespace dd
