// Assignments and the refresher schedule (schema 002). A supervisor gives scenarios — listed, or
// a named set — to a trainee or a cohort, with a due date and a mode; the mode and whether
// choice mode is allowed are the assignment's, not the trainee's. A refresher assignment recurs:
// due again every N days after the trainee's last attempt that counts.
//
// Which attempts count for an assignment (one rule, here and in assignments.cpp):
//   the trainee's, of that scenario, in the assignment's mode, ended after it was given;
//   in choice mode only when the assignment allows it;
//   assessment and refresher: only proctored attempts (a transcript imported or a scripted run
//   never counts), any ending for an assessment (it is the one recorded attempt — leaving it
//   half-way is recorded as abandoned and counts as taken), finished or timed out for a
//   refresher; practice: proctored or imported, finished or timed out.
// Status per (assignment, trainee, scenario): done when one counts (for a refresher: when the
// last one is younger than N days), overdue when not done and its due time has passed.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store.h"

namespace dd::store {

struct NewAssignment {
    std::string trainee;  // an employee number, or
    std::string cohort;   // a cohort …
    std::string site;     // … of this site ("" = that cohort at every site)
    std::vector<std::string> scenarios;  // scenario ids, or
    std::string set_name;                // a named set
    session::Mode mode = session::Mode::Practice;
    bool choice_allowed = false;
    std::optional<std::int64_t> due_at_ms;   // overdue from this moment on
    std::optional<int> every_days;           // a refresher interval
    std::optional<std::int64_t> starts_at_ms;  // default: now
    std::string note;
    std::string uuid;  // "" = new; the hub's uuid when a published assignment is taken in
};

struct Assignment {
    std::int64_t id = 0;
    std::string uuid;
    std::string trainee;  // "" for a cohort
    std::string cohort;
    std::string site;
    session::Mode mode = session::Mode::Practice;
    bool choice_allowed = false;
    std::int64_t starts_at_ms = 0;
    std::optional<std::int64_t> due_at_ms;
    std::optional<int> every_days;
    std::string set_name;
    std::string note;
    std::vector<std::string> scenarios;
    std::string created_by;
    std::int64_t created_at_ms = 0;
    std::optional<std::int64_t> cancelled_at_ms;
};

struct AssignmentStatus {
    std::int64_t assignment_id = 0;
    std::string assignment_uuid;
    std::string trainee;
    std::string trainee_name;
    std::string site;
    std::string cohort;
    std::string scenario_id;
    session::Mode mode = session::Mode::Practice;
    bool choice_allowed = false;
    std::optional<int> every_days;
    int attempts = 0;                     // attempts that count
    std::optional<std::int64_t> last_ms;  // the last one's end
    std::optional<std::int64_t> due_ms;   // when it is (next) due; none = no due date
    bool done = false;
    bool overdue = false;
};

struct AssignmentFilter {
    std::string trainee;
    std::string site;
    std::string cohort;
    bool overdue_only = false;
    bool include_done = true;
    std::int64_t now_ms = 0;  // 0 = now
};

// Staff: defines (or replaces) a named set of scenario ids.
Status define_scenario_set(Store& store, const Principal& who, const std::string& name,
                           const std::vector<std::string>& scenarios);
Result<std::vector<std::string>> scenario_set(Store& store, const Principal& who,
                                              const std::string& name);
// Staff.
Result<Assignment> assign(Store& store, const Principal& who, const NewAssignment& a);
Status cancel_assignment(Store& store, const Principal& who, std::int64_t id);
// A trainee sees what applies to them; staff see every assignment (the filter's trainee, site
// and cohort narrow it).
Result<std::vector<Assignment>> assignments(Store& store, const Principal& who,
                                            const AssignmentFilter& filter = {});
// Staff: one assignment by uuid, cancelled or not (a sync takes in what a hub publishes once).
Result<std::optional<Assignment>> assignment_by_uuid(Store& store, const Principal& who,
                                                     const std::string& uuid);
Result<std::vector<AssignmentStatus>> assignment_status(Store& store, const Principal& who,
                                                        const AssignmentFilter& filter = {});

}  // namespace dd::store
