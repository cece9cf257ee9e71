// The score report: what a trainee learns from and a supervisor can defend (DESIGN §4, §5).
// Built by score_attempt (scorer.h); serialised here as the stable JSON of DESIGN §5 and as a
// debrief for the terminal. The report carries data and codes (notes.h); words come from the
// i18n tables when it is rendered: the JSON in Chinese (byte-stable), the text in either language.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/i18n/strings.h"
#include "sim/model/duration.h"

namespace dd {

// What a piece of evidence is (Evidence::what, the JSON's "what"): the trainee verb of an action
// or a reply ("say", "dispatch"… — sim/model/enums.h kVerbs), or one of these kinds.
namespace evidence_kind {
inline constexpr std::string_view kMissing = "missing";       // something that did not happen
inline constexpr std::string_view kNotApplicable = "n/a";     // nothing to judge
inline constexpr std::string_view kSummary = "summary";       // all fine, in one line
inline constexpr std::string_view kConfig = "config";         // the criterion is misconfigured
inline constexpr std::string_view kError = "error";           // the check failed
inline constexpr std::string_view kThreadEnd = "thread-end";  // how a conversation ended
inline constexpr std::string_view kMood = "mood";             // a party's mood at the end
inline constexpr std::string_view kLog = "log";               // a log entry of no action
inline constexpr std::array kAll = {kMissing, kNotApplicable, kSummary, kConfig,
                                    kError,   kThreadEnd,     kMood,    kLog};
}  // namespace evidence_kind

struct Evidence {
    Millis t = 0;      // sim time of the action or happening
    std::string what;  // a verb ("say", "record"…) or an evidence_kind
    std::string thread;
    std::string text;  // the words quoted as said or typed (a reply); "" when `shows` tells it
    i18n::Message
        shows;  // what happened when it is not a quote: an action, a span of time, a state
    int highlight_begin = -1;  // byte range of `text` that matched (or -1)
    int highlight_end = -1;
    i18n::Message note;  // why this is evidence
    // The decision behind it sat near a rule's edge (a negation just out of reach, a surname
    // alone, a room without its door): a supervisor should look (the console's review queue).
    bool review = false;
};

struct CriterionResult {
    std::string id;
    std::string title;     // Chinese, the catalogue's
    std::string title_en;  // English, the catalogue's ("" = none)
    std::string category;
    int points = 0;
    int max = 0;
    bool passed = false;
    bool critical = false;
    bool applicable = true;  // false: nothing in this attempt to judge (full marks, 不适用)
    std::vector<Evidence> evidence;
    std::string feedback;     // the catalogue's feedback for the result ("" when `verdict` says)
    std::string feedback_en;  // its English words, where the catalogue gives them
    i18n::Message verdict;    // the scorer's own feedback instead (not involved, cannot score)
    std::string source;       // "seed 001 §4.1.5"
    std::string rule;         // the standard's text
    // Some evidence of this criterion is marked for review: the JSON's "review": true, which
    // the console's review queue lists.
    bool review = false;
};

// An action the engine refused (a reply to a thread that was not open, an unknown target…),
// with the engine's reason: a report that says "said nothing" must also say what was refused.
struct RejectedAction {
    Millis t = 0;
    std::string thread;
    i18n::Message shows;   // the action, in words
    i18n::Message reason;  // the engine's refusal (sim/model/log_codes.h)
};

struct ScoreReport {
    std::string scenario;
    int scenario_version = 0;
    std::string title;
    std::string catalogue_version;
    // The speech-act detection the attempt was played and scored with ("meaning/v3":
    // ActDetector::identity), "" when unnamed.
    std::string detection;
    std::uint64_t seed = 0;
    int score = 0;  // sum of criterion points (criteria maxima are scaled to 100)
    int max = 0;
    int pass_mark = 0;
    bool passed = false;  // score >= pass_mark, no critical failure, no case work left undone
    std::vector<std::string> critical_failed;
    // Case criteria (`case: true`) that earned nothing: the attempt cannot pass.
    std::vector<std::string> case_failed;
    std::vector<CriterionResult> criteria;
    std::string debrief;  // the scenario's debrief text
    // Problems met while scoring (an unknown criterion id, a log of another scenario…). An
    // unknown criterion also fails the report (see score_attempt).
    std::vector<i18n::Message> warnings;
    std::vector<RejectedAction> rejected;  // in time order
};

// The stable JSON of DESIGN §5 (plus extra keys that do not disturb it). Deterministic; its words
// are Chinese, with the ids a script can look up beside them (i18n::Detail::Ids).
std::string report_to_json(const ScoreReport& r);
// A readable debrief for the terminal, in the table's language.
std::string report_to_text(const ScoreReport& r,
                           const i18n::Strings& strings = i18n::builtin("zh"));

// What a reader sees of a report, in the table's language: the criterion's title, its feedback,
// the evidence's words (the quote, else what happened). Shared by the text report and the window.
std::string criterion_title(const CriterionResult& c, const i18n::Strings& strings);
std::string criterion_feedback(const CriterionResult& c, const i18n::Strings& strings);
std::string evidence_text(const Evidence& e, const i18n::Strings& strings,
                          i18n::Detail detail = i18n::Detail::Plain);

}  // namespace dd
