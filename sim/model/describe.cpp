#include "describe.h"

#include "enums.h"
#include "log_codes.h"

namespace dd {

std::string_view arg_prefix(std::string_view verb) {
    if (verb == "dispatch") return "dept.";
    if (verb == "escalate") return "escalate.";
    if (verb == "notify") return "notify.";
    if (verb == "broadcast") return "broadcast.";
    if (verb == "hand_over") return "item.";
    return "";
}

std::string_view act_prefix(std::string_view name) {
    return enums::contains(enums::kForbidden, name) ? "forbidden." : "act.";
}

std::string_view field_value_prefix(std::string_view field) {
    if (field == "type") return "type.";
    if (field == "level") return "level.";
    return "";
}

namespace {

i18n::Message with_fields(LogCode code, const Action& a) {
    i18n::Message m = message(code);
    if (a.fields.empty()) return std::move(m).msg("fields", message(LogCode::ActionNoFields));
    std::vector<i18n::Message> fields;
    fields.reserve(a.fields.size());
    for (const auto& [k, v] : a.fields) {
        i18n::Message f = message(LogCode::ActionField).label("field", "field.", k);
        const std::string_view prefix = field_value_prefix(k);
        if (prefix.empty())
            f.text("value", v);
        else
            f.label("value", prefix, v);
        fields.push_back(std::move(f));
    }
    return std::move(m).list("fields", std::move(fields), key(LogCode::JoinFields));
}

i18n::Message with_arg(LogCode code, const Action& a) {
    const std::string_view prefix = arg_prefix(verb_name(a.verb));
    i18n::Message m = message(code);
    if (prefix.empty()) return std::move(m).text("arg", a.arg);
    return std::move(m).label("arg", prefix, a.arg);
}

}  // namespace

i18n::Message describe_action(const Action& a) {
    switch (a.verb) {
        case Verb::Answer:
            return message(LogCode::ActionAnswer);
        case Verb::Hold:
            return message(LogCode::ActionHold);
        case Verb::Say:
            return message(LogCode::ActionSay).text("text", a.text);
        case Verb::Choose:
            return message(LogCode::ActionChoose).text("text", a.text).num("n", a.choice + 1);
        case Verb::Record:
            return with_fields(LogCode::ActionRecord, a);
        case Verb::Classify:
            return with_fields(LogCode::ActionClassify, a);
        case Verb::RegisterVisitor:
            return with_fields(LogCode::ActionRegisterVisitor, a);
        case Verb::Dispatch:
            return with_arg(LogCode::ActionDispatch, a);
        case Verb::Escalate:
            return with_arg(LogCode::ActionEscalate, a);
        case Verb::Call:
            return with_arg(LogCode::ActionCall, a);
        case Verb::Notify:
            return with_arg(LogCode::ActionNotify, a);
        case Verb::Broadcast:
            return with_arg(LogCode::ActionBroadcast, a);
        case Verb::HandOver:
            return with_arg(LogCode::ActionHandOver, a);
        case Verb::HangUp:
            return message(LogCode::ActionHangUp);
        case Verb::Wait:
            return message(LogCode::ActionWait).duration("duration", a.duration);
        case Verb::End:
            return message(LogCode::ActionEnd);
        case Verb::Focus:
            return message(LogCode::ActionFocus).text("to", a.arg.empty() ? a.to : a.arg);
    }
    return message(LogCode::ActionEnd);
}

i18n::Message describe_spec(const std::string& verb, const std::string& arg) {
    if (verb == "call") return message(LogCode::CallRef).text("number", arg);
    if (arg.empty()) return i18n::label_msg("verb.", verb);
    std::string_view prefix = arg_prefix(verb);
    if (verb == "record") prefix = "field.";
    if (verb == "classify") prefix = enums::contains(enums::kLevels, arg) ? "level." : "type.";
    if (prefix.empty()) prefix = "item.";
    return message(LogCode::SpecRef).label("verb", "verb.", verb).label("arg", prefix, arg);
}

i18n::Message describe_spec(std::string_view spec) {
    const auto colon = spec.find(':');
    if (colon == std::string_view::npos) return describe_spec(std::string(spec), std::string());
    return describe_spec(std::string(spec.substr(0, colon)), std::string(spec.substr(colon + 1)));
}

}  // namespace dd
