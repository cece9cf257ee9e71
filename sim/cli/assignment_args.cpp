// One parser for a new assignment's options (assignment_args.h).
#include "assignment_args.h"

#include "records.h"

namespace dd::cli {

void add_assignment_options(CLI::App* sub, AssignmentArgs& a, AssignmentTarget target) {
    const bool hub = target == AssignmentTarget::Hub;
    auto* to_trainee = sub->add_option("--trainee", a.trainee, "to this trainee (employee number)");
    auto* to_cohort = sub->add_option("--cohort", a.cohort, "to this cohort");
    to_trainee->excludes(to_cohort);
    sub->add_option(hub ? "--trainee-site" : "--site", a.site,
                    hub ? "the cohort's 项目 at the desk (default: the cohort in every 项目 of the "
                          "desk)"
                        : "the cohort's site (default: the cohort at every site)")
        ->needs(to_cohort);
    auto* sc = sub->add_option("--scenario", a.scenarios, "scenario id (repeatable)");
    if (hub) {
        sc->required();
    } else {
        sub->add_option("--set", a.set, "a named set (assign set)")->excludes(sc);
    }
    sub->add_option("--mode", a.mode, "practice (default) | assessment | refresher");
    sub->add_flag("--choice", a.choice, "choice mode allowed (offered replies)");
    sub->add_option("--due", a.due,
                    std::string("due date YYYY-MM-DD: overdue from the end of that day in the ") +
                        (hub ? "hub's time zone (hub init --utc-offset)" : "records' time zone"));
    sub->add_option("--every", a.every, "refresher: due again every N days");
    sub->add_option("--note", a.note, "a note for the trainee");
}

std::optional<AssignmentDraft> read_assignment_args(const std::string& command,
                                                    const AssignmentArgs& a) {
    AssignmentDraft d;
    store::NewAssignment& n = d.assignment;
    n.trainee = a.trainee;
    n.cohort = a.cohort;
    n.site = a.site;
    n.scenarios = a.scenarios;
    n.set_name = a.set;
    auto mode = session::mode_from_name(a.mode);
    if (!mode) {
        fail(command, "--mode '" + a.mode + "': use practice, assessment or refresher");
        return std::nullopt;
    }
    n.mode = *mode;
    n.choice_allowed = a.choice;
    n.every_days = a.every;
    n.note = a.note;
    if (!a.due.empty()) {
        d.due_day = store::parse_day(a.due);
        if (!d.due_day) {
            fail(command, "--due '" + a.due + "': not a date; write YYYY-MM-DD");
            return std::nullopt;
        }
    }
    return d;
}

std::int64_t end_of_day_ms(std::int64_t day, int utc_offset_min) {
    return (day + 1) * 86400000 - static_cast<std::int64_t>(utc_offset_min) * 60000;
}

store::NewAssignment due_in_zone(AssignmentDraft draft, int utc_offset_min) {
    if (draft.due_day) draft.assignment.due_at_ms = end_of_day_ms(*draft.due_day, utc_offset_min);
    return std::move(draft.assignment);
}

}  // namespace dd::cli
