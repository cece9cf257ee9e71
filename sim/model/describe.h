// Words for the model's vocabularies, as i18n messages and label prefixes: a trainee action
// described (「派单:安保部」), and which table prefix names the values of a verb's argument or a
// speech act. The one description the log, the report's evidence and the desk all show.
#pragma once
#include <string>
#include <string_view>

#include "common/i18n/message.h"
#include "transcript.h"

namespace dd {

// The action in words (LogCode::Action*): 「派单:安保部」「登记:姓名=王女士,房号=3-1202」.
i18n::Message describe_action(const Action& a);

// A desk action named by verb and argument, as outcome lists, `did:` conditions and check
// parameters name it ("dispatch:security", "call:119", "record"): 派单「安保部」, 拨打119, 登记.
i18n::Message describe_spec(const std::string& verb, const std::string& arg);
// The same from "verb" or "verb:arg".
i18n::Message describe_spec(std::string_view spec);

// The label prefix of a verb's argument values ("dispatch" → "dept.", "hand_over" → "item."), ""
// when they are not words of a table (call numbers, thread ids).
std::string_view arg_prefix(std::string_view verb);
// The label prefix of a speech act ("act.") or a forbidden family ("forbidden.").
std::string_view act_prefix(std::string_view name);
// The label prefix of a record/classify field's values: "type." and "level." for classify, ""
// for free text.
std::string_view field_value_prefix(std::string_view field);

}  // namespace dd
