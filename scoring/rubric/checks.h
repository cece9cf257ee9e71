// Internal to the scorer: the check types of the standards catalogue. Each takes the attempt
// view and the criterion's parameters (catalogue defaults overridden by the scenario) and
// returns a credit in [0, 1] with its evidence.
#pragma once
#include <string_view>

#include "view.h"

namespace dd::rubric {

// Helpers shared by the check files.
inline const LogEntry& entry(const AttemptView& v, int idx) {
    return v.log.entries[static_cast<std::size_t>(idx)];
}
// Full credit, marked 不适用: nothing in this attempt for the criterion to judge.
inline CheckResult not_applicable(i18n::Message why) {
    CheckResult r;
    r.applicable = false;
    r.credit = 1.0;
    Evidence ev;
    ev.what = evidence_kind::kNotApplicable;
    ev.note = note(Note::NotApplicable).msg("why", std::move(why));
    r.evidence.push_back(std::move(ev));
    return r;
}

// Dispatches through check_table() (check_types.cpp), with the table's built-in defaults under
// p's; an unknown type gives credit 0 with an explaining evidence.
CheckResult run_check(std::string_view type, const AttemptView& v, Params p);

// Talk checks (checks_talk.cpp).
CheckResult check_acts(const AttemptView& v, const Params& p);
CheckResult check_forbidden(const AttemptView& v, const Params& p);
CheckResult check_repeat_back(const AttemptView& v, const Params& p);
CheckResult check_privacy(const AttemptView& v, const Params& p);
CheckResult check_tells(const AttemptView& v, const Params& p);
CheckResult check_node_expect(const AttemptView& v, const Params& p);

// Time, desk-action and state checks (checks_desk.cpp).
CheckResult check_rings(const AttemptView& v, const Params& p);
CheckResult check_node_within(const AttemptView& v, const Params& p);
CheckResult check_respond_within(const AttemptView& v, const Params& p);
CheckResult check_solve_within(const AttemptView& v, const Params& p);
CheckResult check_record_fields(const AttemptView& v, const Params& p);
CheckResult check_classify(const AttemptView& v, const Params& p);
CheckResult check_actions(const AttemptView& v, const Params& p);
CheckResult check_calls(const AttemptView& v, const Params& p);
CheckResult check_sequence(const AttemptView& v, const Params& p);
CheckResult check_register_visitor(const AttemptView& v, const Params& p);
CheckResult check_precedes(const AttemptView& v, const Params& p);
CheckResult check_caller_hangs_up(const AttemptView& v, const Params& p);
CheckResult check_mood_end(const AttemptView& v, const Params& p);

}  // namespace dd::rubric
