// The assignments screen as data (no ImGui): every assignment, who has not done what (the status
// of each assignment × trainee × scenario not done yet, overdue first), the people and cohorts
// the form offers, and the form turned into the store's NewAssignment with its errors.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/store/assignments.h"

namespace dd::app {

struct AssignForm {
    bool to_cohort = false;
    std::string trainee;  // employee number
    std::string site;     // with a cohort: "" = that cohort at every site
    std::string cohort;
    std::vector<std::string> scenarios;  // ids, or
    std::string set_name;                // a named set
    session::Mode mode = session::Mode::Practice;
    bool choice_allowed = false;
    std::string due;     // "2026-03-31" (due by the end of that day) or ""
    int every_days = 0;  // refresher interval, 0 = none
    std::string note;
};

// The form → the store's assignment. On a mistake: nullopt, the i18n key of what is wrong in
// *error_key (assign.err.*) and the offending text in *bad.
std::optional<store::NewAssignment> make_assignment(const AssignForm& form, int utc_offset_min,
                                                    std::string* error_key, std::string* bad);

struct AssignmentsModel {
    std::vector<store::Assignment> assignments;     // not cancelled, newest first
    std::vector<store::AssignmentStatus> not_done;  // overdue first, then by due date
    std::vector<store::Person> trainees;            // active, by site, cohort, number
    std::vector<std::string> cohorts;               // with trainees
};

store::Result<AssignmentsModel> build_assignments(store::Store& store, const store::Principal& who,
                                                  std::int64_t now_ms);

}  // namespace dd::app
