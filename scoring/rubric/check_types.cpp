// The table of check types and scoring settings (see check_types.h), and the validation of a
// parameter's value against its row.
#include "check_types.h"

#include <cmath>
#include <cstdlib>

#include "checks.h"
#include "common/yaml/text_util.h"
#include "common/yaml/yaml_safe.h"
#include "sim/model/enums.h"
#include "sim/model/verbs.h"

namespace dd {

namespace {

using SV = std::string_view;
using K = ParamKind;

constexpr std::array<SV, 6> kWindows = {"first-reply", "closing",     "anywhere",
                                        "node",        "before-hold", "after-hold"};
constexpr std::array<SV, 3> kThreadKinds = {"phone", "desk", "any"};
constexpr std::array<SV, 2> kIfNone = {"pass", "fail"};
// The verbs whose value is one item of a closed list: what `actions` can count.
constexpr auto kItemVerbs = [] {
    std::array<SV, 6> out{};
    std::size_t n = 0;
    for (const auto& v : kVerbTable)
        if (v.arg == VerbArg::Value) out[n++] = v.name;
    return out;
}();
static_assert(kItemVerbs.back() != SV(), "kItemVerbs holds every verb with a closed value");

constexpr ParamSpec kThreadKind{.name = "thread_kind",
                                .kind = K::String,
                                .def = "any",
                                .allowed = kThreadKinds,
                                .doc = "only conversations of this kind count"};
constexpr ParamSpec kRoles{
    .name = "roles",
    .kind = K::List,
    .allowed = enums::kRoles,
    .doc = "only conversations with actors of these roles count (default: all)"};

constexpr ParamSpec credit(SV name, SV def, SV doc) {
    return {.name = name, .kind = K::Number, .def = def, .min = 0, .max = 1, .doc = doc};
}

constexpr std::array<ParamSpec, 10> kActs = {{
    {.name = "acts",
     .kind = K::Groups,
     .allowed = enums::kActNames,
     .required = true,
     .doc = "the acts that must be said, each `a|b` = either"},
    {.name = "window",
     .kind = K::String,
     .def = "anywhere",
     .allowed = kWindows,
     .doc = "which replies count: the first, the closing ones, any, those at `node`, those "
            "before a hold, the first after a hold or a long wait"},
    {.name = "node", .kind = K::String, .doc = "the dialogue node of `window: node`"},
    credit("weak_credit", "0.5", "credit for a weak form only (你好 for 您好)"),
    {.name = "same_reply",
     .kind = K::Flag,
     .def = "false",
     .doc = "every group in one and the same reply"},
    kThreadKind,
    kRoles,
    {.name = "if_none",
     .kind = K::String,
     .def = "pass",
     .allowed = kIfNone,
     .doc = "the verdict when no conversation or node applies"},
    {.name = "long_wait",
     .kind = K::Duration,
     .def = "30s",
     .doc = "`window: after-hold`: waiting longer than this before being served counts as a "
            "wait to acknowledge"},
    {.name = "expecting",
     .kind = K::Flag,
     .def = "false",
     .doc = "`window: anywhere`: only replies to the conversations whose dialogue expects these "
            "acts (a time promised to another caller does not count)"},
}};

constexpr std::array<ParamSpec, 4> kForbidden = {{
    {.name = "families",
     .kind = K::List,
     .allowed = enums::kForbidden,
     .doc = "the forbidden families that count (default: all)"},
    credit("per_offence", "1", "credit lost per reply with forbidden words"),
    kThreadKind,
    kRoles,
}};

constexpr std::array<ParamSpec, 3> kRings = {{
    {.name = "max_rings",
     .kind = K::Number,
     .def = "3",
     .min = 0,
     .max = 100,
     .whole = true,
     .doc = "full credit when answered within this many rings"},
    {.name = "partial_rings",
     .kind = K::Number,
     .min = 0,
     .max = 100,
     .whole = true,
     .doc = "`partial_credit` up to this many rings (default: `max_rings`)"},
    credit("partial_credit", "0.5",
           "credit for an answer after `max_rings`, within `partial_rings`"),
}};

constexpr std::array<ParamSpec, 1> kNodeWithin = {{
    credit("late_credit", "0", "credit for a reply later than the node's `expect.within`"),
}};

constexpr std::array<ParamSpec, 3> kRespondWithin = {{
    {.name = "limit",
     .kind = K::Duration,
     .def = "5m",
     .doc = "the first reply or desk action for a conversation within this time of its start"},
    kThreadKind,
    kRoles,
}};

constexpr std::array<ParamSpec, 3> kSolveWithin = {{
    {.name = "limit",
     .kind = K::Duration,
     .def = "15m",
     .doc = "the conversation closed within this time of its start"},
    kThreadKind,
    kRoles,
}};

constexpr std::array<ParamSpec, 2> kRecordFields = {{
    {.name = "fields",
     .kind = K::List,
     .allowed = enums::kRecordFields,
     .doc = "the register fields checked (default: the outcome's `record:`, else name, room, "
            "phone of the first caller or visitor)"},
    {.name = "presence_only",
     .kind = K::List,
     .def = "issue, time",
     .allowed = enums::kRecordFields,
     .doc = "free-text fields: filled in is enough"},
}};

constexpr std::array<ParamSpec, 3> kRepeatBack = {{
    {.name = "facts",
     .kind = K::List,
     .doc = "the facts to repeat back, as fields (default: name, room, phone of the outcome's "
            "`record:`; none without one)"},
    {.name = "phrases", .kind = K::List, .doc = "further key facts as literal text (490元, 周六)"},
    credit("act_share", "0.5", "the part of the credit for the repeat-back act itself"),
}};

constexpr std::array<ParamSpec, 2> kClassify = {{
    {.name = "field",
     .kind = K::String,
     .def = "level",
     .allowed = kClassifyKeys,
     .doc = "compared with the outcome's `request_type` (type) or `level`"},
    {.name = "expected", .kind = K::String, .doc = "the value expected (default: the outcome's)"},
}};

constexpr std::array<ParamSpec, 5> kActions = {{
    {.name = "verb",
     .kind = K::String,
     .allowed = kItemVerbs,
     .required = true,
     .doc = "the desk action counted"},
    {.name = "items",
     .kind = K::List,
     .doc = "the items required (default: the outcome's list for `verb`)"},
    {.name = "any",
     .kind = K::Flag,
     .def = "false",
     .doc = "when the outcome lists none: any one item will do"},
    credit("unnecessary_penalty", "0.5", "credit lost per item done that was not required"),
    {.name = "only", .kind = K::List, .doc = "only these items count (default: all)"},
}};

constexpr std::array<ParamSpec, 2> kCalls = {{
    credit("late_credit", "0.5", "credit for a call after its deadline"),
    credit("unnecessary_penalty", "0", "credit lost per number called that was not required"),
}};

constexpr std::array<ParamSpec, 2> kSequence = {{
    {.name = "steps",
     .kind = K::List,
     .doc = "ordered `verb:arg<=deadline` steps from the emergency's start (default: the "
            "outcome's calls, broadcast, first aid, escalation)"},
    credit("late_credit", "0.5", "credit for a step late or out of order"),
}};

constexpr std::array<ParamSpec, 2> kRegisterVisitor = {{
    {.name = "fields",
     .kind = K::List,
     .def = "name, visiting",
     .allowed = kVisitorKeys,
     .doc = "the visitor register fields that must be filled in"},
    credit("base_credit", "0.5",
           "credit for a registration whatever its fields; the rest is shared by `fields`"),
}};

constexpr std::array<ParamSpec, 4> kPrecedes = {{
    {.name = "first",
     .kind = K::String,
     .def = "notify:host",
     .doc = "the `verb:arg` that must come first"},
    {.name = "before",
     .kind = K::String,
     .def = "thread-end",
     .doc = "the `verb:arg` it must precede, or `thread-end` (the party leaves)"},
    {.name = "roles",
     .kind = K::List,
     .def = "visitor, contractor, courier",
     .allowed = enums::kRoles,
     .doc = "`thread-end`: the parties whose leaving counts"},
    credit("late_credit", "0.5", "credit when it came after"),
}};

constexpr std::array<ParamSpec, 1> kPrivacy = {{
    {.name = "fields",
     .kind = K::List,
     .doc = "only these private facts count (default: every `private:` fact)"},
}};

constexpr std::array<ParamSpec, 3> kTells = {{
    {.name = "facts",
     .kind = K::List,
     .doc = "what a right answer tells, each item `a|b` (either will do): amounts in any "
            "notation (2.5元 = 2块5 = 两块五), other words as written"},
    {.name = "wrong",
     .kind = K::List,
     .doc = "wrong values a careless answer gives (3元): each said undoes a right one"},
    kRoles,
}};

constexpr std::array<ParamSpec, 1> kCallerHangsUp = {{
    {.name = "thread_kind",
     .kind = K::String,
     .def = "phone",
     .allowed = kThreadKinds,
     .doc = "the conversations checked"},
}};

constexpr std::array<ParamSpec, 6> kMoodEnd = {{
    {.name = "below",
     .kind = K::Number,
     .min = 0,
     .max = 100,
     .doc = "the mood (0 calm … 100 furious) to end below (default: the outcome's "
            "`mood_below`, else `default_below`)"},
    {.name = "default_below",
     .kind = K::Number,
     .def = "50",
     .min = 0,
     .max = 100,
     .doc = "`below` when neither the criterion nor the outcome gives one"},
    {.name = "margin",
     .kind = K::Number,
     .def = "15",
     .min = 0,
     .max = 100,
     .doc = "`partial_credit` for a mood less than `margin` above `below`"},
    credit("partial_credit", "0.5", "credit for a mood within the margin"),
    kThreadKind,
    kRoles,
}};

constexpr std::array<ParamSpec, 1> kNodeExpect = {{
    credit("weak_credit", "0.5", "credit for a weak form only (你好 for 您好)"),
}};

constexpr std::array<CheckType, 19> kChecks = {{
    {"acts", rubric::check_acts, kActs, "speech acts said in a window of replies"},
    {"forbidden", rubric::check_forbidden, kForbidden, "no forbidden words"},
    {"rings", rubric::check_rings, kRings, "the phone answered within a number of rings"},
    {"node-within", rubric::check_node_within, kNodeWithin,
     "each visited node's `expect.within` met by the first reply"},
    {"respond-within", rubric::check_respond_within, kRespondWithin,
     "each conversation answered within `limit`"},
    {"solve-within", rubric::check_solve_within, kSolveWithin,
     "each conversation closed within `limit`"},
    {"record-fields", rubric::check_record_fields, kRecordFields,
     "the request register filled in right, for the facts as played"},
    {"repeat-back", rubric::check_repeat_back, kRepeatBack,
     "a repeat-back reply holding the key facts"},
    {"classify", rubric::check_classify, kClassify, "the request classified right"},
    {"actions", rubric::check_actions, kActions,
     "the desk actions of one verb: the required ones done, no unnecessary ones"},
    {"calls", rubric::check_calls, kCalls, "the outcome's `call:` numbers within their deadlines"},
    {"sequence", rubric::check_sequence, kSequence, "the emergency steps in order and in time"},
    {"register-visitor", rubric::check_register_visitor, kRegisterVisitor,
     "the visitor registered"},
    {"precedes", rubric::check_precedes, kPrecedes, "one action before another happens"},
    {"privacy", rubric::check_privacy, kPrivacy,
     "no private fact of one actor (as played) told to another party"},
    {"tells", rubric::check_tells, kTells,
     "what the trainee tells: the scenario's right facts said, none of its wrong values"},
    {"caller-hangs-up", rubric::check_caller_hangs_up, kCallerHangsUp,
     "the trainee did not hang up before the caller"},
    {"mood-end", rubric::check_mood_end, kMoodEnd, "each actor's mood at the end"},
    {"node-expect", rubric::check_node_expect, kNodeExpect,
     "each visited node's `expect.acts` and `expect.did`"},
}};

constexpr std::array<ParamSpec, 3> kSettings = {{
    {.name = "phone_min_digits",
     .kind = K::Number,
     .def = "5",
     .min = 1,
     .max = 20,
     .whole = true,
     .doc = "a phone number (or id) is found in a reply by its digits, whatever the "
            "separators, when it has at least this many; a shorter one must appear as written"},
    {.name = "room_gap",
     .kind = K::Number,
     .def = "9",
     .min = 0,
     .max = 64,
     .whole = true,
     .doc = "no longer used (accepted so that older catalogues load): a room is read by its "
            "words in any notation (3栋1202, 3号楼12层02室, 九号楼十二层零三)"},
    {.name = "split_reply_seconds",
     .kind = K::Number,
     .def = "15",
     .min = 0,
     .max = 120,
     .whole = true,
     .doc = "replies to the same conversation at most this many seconds apart, with no reply to "
            "another between, are one answer split over several messages: their facts and acts "
            "count together (0: each message alone)"},
}};

std::string trim(SV s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

// "a, b" → {a, b}; empty items are kept so that they can be reported.
std::vector<std::string> split_items(SV s, char sep) {
    std::vector<std::string> out;
    if (trim(s).empty()) return out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            out.push_back(trim(s.substr(start, i - start)));
            start = i + 1;
        }
    }
    return out;
}

std::string format_number(double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

std::string one_of_problem(const ParamSpec& spec, const std::string& item, std::string_view what) {
    for (SV a : spec.allowed)
        if (a == item) return {};
    return "unknown " + std::string(what) + " " + yaml::squote(item) + " in " +
           yaml::squote(spec.name) + yaml::did_you_mean(item, spec.allowed) +
           " (allowed: " + yaml::join(spec.allowed) + ")";
}

}  // namespace

std::string_view param_kind_name(ParamKind k) {
    switch (k) {
        case ParamKind::String:
            return "string";
        case ParamKind::List:
            return "list";
        case ParamKind::Groups:
            return "groups";
        case ParamKind::Duration:
            return "duration";
        case ParamKind::Number:
            return "number";
        case ParamKind::Flag:
            return "flag";
    }
    return "?";
}

const ParamSpec* CheckType::param(std::string_view n) const {
    for (const auto& p : params)
        if (p.name == n) return &p;
    return nullptr;
}

std::span<const CheckType> check_table() {
    return kChecks;
}

const CheckType* find_check_type(std::string_view name) {
    for (const auto& c : kChecks)
        if (c.name == name) return &c;
    return nullptr;
}

std::span<const ParamSpec> setting_table() {
    return kSettings;
}

const ScoringSettings& ScoringSettings::builtin() {
    static const ScoringSettings kBuiltin = [] {
        const auto value = [](SV name) {
            for (const auto& s : kSettings)
                if (s.name == name) return std::atoi(std::string(s.def).c_str());
            return 0;
        };
        return ScoringSettings{value("phone_min_digits"), value("room_gap"),
                               value("split_reply_seconds")};
    }();
    return kBuiltin;
}

namespace rubric {

CheckResult run_check(std::string_view type, const AttemptView& v, Params p) {
    const CheckType* t = find_check_type(type);
    if (!t) {
        // A catalogue is validated against the table, so only a caller building criteria in
        // code gets here; the criterion then cannot pass.
        CheckResult r;
        r.credit = 0;
        Evidence ev;
        ev.what = evidence_kind::kConfig;
        ev.note = note(Note::UnknownCheck).text("type", std::string(type));
        r.evidence.push_back(std::move(ev));
        return r;
    }
    p.set_type(t);
    return t->fn(v, p);
}

}  // namespace rubric

std::string param_problem(const ParamSpec& spec, std::string_view value_in) {
    const std::string value = trim(value_in);
    const std::string name = yaml::squote(spec.name);
    switch (spec.kind) {
        case ParamKind::String:
            if (value.empty()) return name + " is empty; write a value";
            if (!spec.allowed.empty()) {
                for (SV a : spec.allowed)
                    if (a == value) return {};
                return "unknown " + std::string(spec.name) + " " + yaml::squote(value) +
                       yaml::did_you_mean(value, spec.allowed) +
                       " (allowed: " + yaml::join(spec.allowed) + ")";
            }
            return {};
        case ParamKind::List:
        case ParamKind::Groups: {
            const bool groups = spec.kind == ParamKind::Groups;
            for (const auto& item : split_items(value, ',')) {
                if (item.empty()) return "an empty item in " + name + "; remove the extra ','";
                if (!groups) {
                    if (spec.allowed.empty()) continue;
                    if (auto p = one_of_problem(spec, item, "value"); !p.empty()) return p;
                    continue;
                }
                for (const auto& alt : split_items(item, '|')) {
                    if (alt.empty())
                        return "an empty alternative in " + yaml::squote(item) + " in " + name;
                    if (auto p = one_of_problem(spec, alt, "act"); !p.empty()) return p;
                }
            }
            if (spec.required && split_items(value, ',').empty())
                return name + " is empty; list at least one";
            return {};
        }
        case ParamKind::Duration:
            if (parse_duration(value)) return {};
            return "expected a duration like 30s, 2m or 1h30m for " + name + ", got " +
                   yaml::squote(value);
        case ParamKind::Number: {
            char* end = nullptr;
            const double v = std::strtod(value.c_str(), &end);
            const bool plain = !value.empty() && value.size() <= 32 &&
                               value.find_first_not_of("0123456789.+-") == std::string::npos;
            if (!plain || end != value.c_str() + value.size() || !std::isfinite(v))
                return "expected a number for " + name + ", got " + yaml::squote(value);
            if (spec.whole && v != std::floor(v))
                return "expected a whole number for " + name + ", got " + value;
            if (v < spec.min || v > spec.max)
                return name + " must be between " + format_number(spec.min) + " and " +
                       format_number(spec.max) + ", got " + value;
            return {};
        }
        case ParamKind::Flag:
            if (value == "true" || value == "false") return {};
            return "expected true or false for " + name + ", got " + yaml::squote(value);
    }
    return {};
}

}  // namespace dd
