// The trainee's verbs (DESIGN §3, fixed names), defined once: each row gives the name written in
// a transcript, the Verb, what its value is (and the closed list it comes from), the i18n key of
// its label and an example action. The transcript loader dispatches on the row, verb_name()
// reads it, and tests/unit/load/vocabulary_test.cpp holds the transcript schema, the authoring
// guide (scenarios/README.md §4) and assets/i18n/*.json to it.
#pragma once
#include <array>
#include <cstddef>
#include <span>
#include <string_view>

#include "enums.h"

namespace dd {

// In the order of kVerbTable (checked below).
enum class Verb {
    Answer,           // pick up the phone / serve someone at the desk
    Hold,             // put a call on hold
    Say,              // a typed reply
    Choose,           // an offered reply (choice mode)
    Record,           // the request register
    Classify,         // request type and level
    Dispatch,         // a work order to a department
    Escalate,         // to the supervisor / manager
    Call,             // an emergency number
    Notify,           // tell the owner / host / residents
    RegisterVisitor,  // the visitor register
    Broadcast,        // an announcement (evacuation)
    HandOver,         // hand over / take an item
    HangUp,           // end a call
    Wait,             // nothing done for a while (advances the clock)
    End,              // the trainee ends the attempt
    Focus,            // switch the focused thread without saying anything
};

// What a verb's value is in a transcript.
enum class VerbArg {
    Text,          // say: the reply
    Choice,        // choose: the number of an offered reply (1 = the first) or its text
    Thread,        // focus: a thread (phone, desk or an actor id)
    ThreadOrTrue,  // answer, hold, hang_up: a thread, or `true` for the focused one
    Value,         // dispatch…: one of `values`
    Fields,        // record: a map whose keys are `values`
    Classify,      // classify: {type: request type, level: level}
    Visitor,       // register_visitor: `true`, or a map whose keys are `values`
    Duration,      // wait: 10s
    True,          // end: true
};

inline constexpr std::array<std::string_view, 2> kClassifyKeys = {"type", "level"};
inline constexpr std::array<std::string_view, 3> kVisitorKeys = {"name", "visiting", "id"};

struct VerbSpec {
    std::string_view name;  // as written in a transcript
    Verb verb;
    VerbArg arg;
    // Value: the allowed values; Fields / Visitor / Classify: the keys of the map.
    std::span<const std::string_view> values;
    std::string_view value_what;  // Value: what a value is, for messages ("department")
    std::string_view label_key;   // assets/i18n/*.json
    std::string_view example;     // one valid action, for messages and the authoring guide
};

// One row per line reads as the table it is.
// clang-format off
inline constexpr std::array<VerbSpec, 17> kVerbTable = {{
    {"answer", Verb::Answer, VerbArg::ThreadOrTrue, {}, {}, "verb.answer", "{at: 5, answer: phone}"},
    {"hold", Verb::Hold, VerbArg::ThreadOrTrue, {}, {}, "verb.hold", "{at: 5, hold: phone}"},
    {"say", Verb::Say, VerbArg::Text, {}, {}, "verb.say", "{at: 7, say: 您好，安居物业客服中心}"},
    {"choose", Verb::Choose, VerbArg::Choice, {}, {}, "verb.choose", "{at: 7, choose: 1}"},
    {"record", Verb::Record, VerbArg::Fields, enums::kRecordFields, {}, "verb.record",
     "{at: 40, record: {name: 王女士, room: 3-1202}}"},
    {"classify", Verb::Classify, VerbArg::Classify, kClassifyKeys, {}, "verb.classify",
     "{at: 50, classify: {type: complaint, level: urgent}}"},
    {"dispatch", Verb::Dispatch, VerbArg::Value, enums::kDepartments, "department",
     "verb.dispatch", "{at: 55, dispatch: security}"},
    {"escalate", Verb::Escalate, VerbArg::Value, enums::kEscalate, "escalation", "verb.escalate",
     "{at: 55, escalate: manager}"},
    {"call", Verb::Call, VerbArg::Value, enums::kCallNumbers, "emergency number", "verb.call",
     "{at: 20, call: \"119\"}"},
    {"notify", Verb::Notify, VerbArg::Value, enums::kNotify, "party to notify", "verb.notify",
     "{at: 60, notify: owner}"},
    {"register_visitor", Verb::RegisterVisitor, VerbArg::Visitor, kVisitorKeys, {},
     "verb.register_visitor", "{at: 30, register_visitor: true}"},
    {"broadcast", Verb::Broadcast, VerbArg::Value, enums::kBroadcast, "broadcast",
     "verb.broadcast", "{at: 30, broadcast: evacuation}"},
    {"hand_over", Verb::HandOver, VerbArg::Value, enums::kHandOver, "item to hand over",
     "verb.hand_over", "{at: 30, hand_over: first-aid-kit}"},
    {"hang_up", Verb::HangUp, VerbArg::ThreadOrTrue, {}, {}, "verb.hang_up",
     "{at: 5, hang_up: phone}"},
    {"wait", Verb::Wait, VerbArg::Duration, {}, {}, "verb.wait", "{at: 90, wait: 10s}"},
    {"end", Verb::End, VerbArg::True, {}, {}, "verb.end", "{at: 100, end: true}"},
    {"focus", Verb::Focus, VerbArg::Thread, {}, {}, "verb.focus", "{at: 5, focus: phone}"},
}};
// clang-format on

// Row i describes Verb(i): verb_name and spec_of index the table by the enum.
static_assert([] {
    for (std::size_t i = 0; i < kVerbTable.size(); ++i)
        if (static_cast<std::size_t>(kVerbTable[i].verb) != i) return false;
    return true;
}());
static_assert(static_cast<std::size_t>(Verb::Focus) + 1 == kVerbTable.size(),
              "every Verb has a row in kVerbTable");

constexpr const VerbSpec& spec_of(Verb v) {
    return kVerbTable[static_cast<std::size_t>(v)];
}

// The row of a verb name, or nullptr.
constexpr const VerbSpec* find_verb(std::string_view name) {
    for (const auto& s : kVerbTable)
        if (s.name == name) return &s;
    return nullptr;
}

std::string_view verb_name(Verb v);

namespace enums {
// The verb names, in table order (the scenario loader's `did:`, the lexicon's action_effect).
inline constexpr auto kVerbs = [] {
    std::array<std::string_view, kVerbTable.size()> names{};
    for (std::size_t i = 0; i < kVerbTable.size(); ++i) names[i] = kVerbTable[i].name;
    return names;
}();
}  // namespace enums

}  // namespace dd
