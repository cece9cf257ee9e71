// The check types of the standards catalogue and the scoring settings, defined once
// (check_types.cpp): for each type its function and its parameters, each with a kind, the values
// or range it may take, its built-in default and what it means. The scorer dispatches on this
// table, the catalogue reader and a scenario's criterion overrides are validated against it,
// and tests hold scenarios/schema/standards.schema.json and scenarios/README.md §5 to it.
//
// A parameter's value, in order: the scenario's override (criteria: [{id, params}]), the
// criterion's `check:`, the catalogue's `defaults:` for the type, the built-in default here.
// The shipped standards.yaml states every built-in number and duration in its `defaults:` and
// `settings:`, so a supervisor reads and changes them there.
#pragma once
#include <array>
#include <span>
#include <string>
#include <string_view>

namespace dd {

namespace rubric {
class AttemptView;
class Params;
struct CheckResult;
}  // namespace rubric

enum class ParamKind {
    String,    // one value; from `allowed` when it is not empty
    List,      // a YAML list or a comma-separated string; items from `allowed` when not empty
    Groups,    // a list of acts, each item `a|b` (either will do); acts and forbidden families
    Duration,  // 30s, 5m, 1h30m
    Number,    // within [min, max]; a whole number when `whole`
    Flag,      // true or false
};

std::string_view param_kind_name(ParamKind k);  // "string", "list", …

struct ParamSpec {
    std::string_view name{};
    ParamKind kind = ParamKind::String;
    // The built-in default as it would be written in standards.yaml; "" = none (the check works
    // it out from the scenario, as `doc` says).
    std::string_view def{};
    std::span<const std::string_view> allowed{};  // String, List, Groups: the closed values
    double min = 0;                               // Number
    double max = 0;
    bool whole = false;     // Number: a whole number
    bool required = false;  // the criterion must set it
    std::string_view doc{};
};

using CheckFn = rubric::CheckResult (*)(const rubric::AttemptView&, const rubric::Params&);

struct CheckType {
    std::string_view name;
    CheckFn fn;
    std::span<const ParamSpec> params;
    std::string_view doc;  // what the check scores

    const ParamSpec* param(std::string_view name) const;
};

// Every check type, in the order of the documentation.
std::span<const CheckType> check_table();
const CheckType* find_check_type(std::string_view name);

// Criterion categories (DESIGN §4's twelve, and the six the catalogue has grouped its criteria
// by since 2026.1: expectation, complaint, visitor, notify, handover, dialogue).
inline constexpr std::array<std::string_view, 18> kCriterionCategories = {
    "courtesy",    "language",   "phone",   "timing",  "record",    "classify",
    "dispatch",    "escalation", "closure", "privacy", "emergency", "mood",
    "expectation", "complaint",  "visitor", "notify",  "handover",  "dialogue"};

// The scoring settings: fact matching in free text, used by every check that looks for a
// phone number or a room in a reply. All whole numbers.
std::span<const ParamSpec> setting_table();

struct ScoringSettings {
    // A phone number (or id) is found by its digits, whatever the separators, when it has at
    // least this many digits; a shorter one must appear as written.
    int phone_min_digits;
    // No longer read: rooms are found by their words in any notation (scoring/text/facts.h).
    // Kept so that a catalogue that sets it still loads.
    int room_gap;
    // Replies to the same conversation at most this many seconds apart, with no reply to
    // another between, are one turn said in several messages (0: every message stands alone).
    int split_reply_seconds;

    static const ScoringSettings& builtin();  // the defaults of setting_table()
};

// What is wrong with `value` (the string form of CheckParams: lists comma-separated) for the
// parameter; "" when it is fine. Messages read like the loaders' ("unknown window 'x'; did you
// mean …? (allowed: …)", "'weak_credit' must be between 0 and 1, got 2").
std::string param_problem(const ParamSpec& spec, std::string_view value);

}  // namespace dd
