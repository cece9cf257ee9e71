// The options of a new assignment, one parser for `assign add` (into a desk's records) and
// `hub publish assignment` (into the hub, for a site's next sync): to a trainee or a cohort (of
// a 项目), scenarios (or, at a desk, a named set), mode, choice mode, due date, refresher
// interval, note. A due date is a day; the assignment is due at the end of that day in the time
// zone of whoever keeps it — the records file's for a desk, the hub's (`hub init --utc-offset`)
// for headquarters —, so a day means the same at both when they share a zone.
#pragma once
#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/store/assignments.h"

namespace dd::cli {

struct AssignmentArgs {
    std::string trainee, cohort, site, set, mode = "practice", due, note;
    std::vector<std::string> scenarios;
    std::optional<int> every;
    bool choice = false;
};

enum class AssignmentTarget {
    Desk,  // assign add: --site is the cohort's 项目; --set allowed
    Hub,   // hub publish assignment: --site names the hub's site, so the cohort's 项目 is
           // --trainee-site; scenarios only (named sets are a desk's own)
};

// Adds the options (--trainee | --cohort [--site / --trainee-site], --scenario…, --mode,
// --choice, --due, --every, --note; --set at a desk).
void add_assignment_options(CLI::App* sub, AssignmentArgs& a, AssignmentTarget target);

struct AssignmentDraft {
    store::NewAssignment assignment;  // everything but due_at_ms
    std::optional<std::int64_t> due_day;
};
// Checks the arguments before anything is opened or written; prints what is wrong under
// `command` and returns nullopt.
std::optional<AssignmentDraft> read_assignment_args(const std::string& command,
                                                    const AssignmentArgs& a);

// The first moment after day `day` (days since 1970-01-01) in a zone `utc_offset_min` east of
// UTC: when an assignment due that day becomes overdue.
std::int64_t end_of_day_ms(std::int64_t day, int utc_offset_min);

// The draft with its due day turned into a time in that zone.
store::NewAssignment due_in_zone(AssignmentDraft draft, int utc_offset_min);

}  // namespace dd::cli
