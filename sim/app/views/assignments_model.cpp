#include "assignments_model.h"

#include <algorithm>
#include <set>

#include "sim/store/summaries.h"

namespace dd::app {

std::optional<store::NewAssignment> make_assignment(const AssignForm& f, int utc_offset_min,
                                                    std::string* error_key, std::string* bad) {
    auto fail = [&](const char* key, const std::string& text) {
        if (error_key) *error_key = key;
        if (bad) *bad = text;
        return std::nullopt;
    };
    store::NewAssignment a;
    if (f.to_cohort) {
        if (f.cohort.empty()) return fail("assign.err.no_cohort", "");
        a.cohort = f.cohort;
        a.site = f.site;
    } else {
        if (f.trainee.empty()) return fail("assign.err.no_trainee", "");
        a.trainee = f.trainee;
    }
    if (f.scenarios.empty() && f.set_name.empty()) return fail("assign.err.no_scenario", "");
    a.scenarios = f.scenarios;
    if (f.scenarios.empty()) a.set_name = f.set_name;
    a.mode = f.mode;
    a.choice_allowed = f.choice_allowed;
    if (!f.due.empty()) {
        const auto day = store::parse_day(f.due);
        if (!day) return fail("assign.err.bad_date", f.due);
        // Due by the end of that day in the records' time zone.
        a.due_at_ms = (*day + 1) * 86400000 - static_cast<std::int64_t>(utc_offset_min) * 60000;
    }
    if (f.every_days < 0) return fail("assign.err.bad_interval", std::to_string(f.every_days));
    if (f.every_days > 0) {
        if (f.mode != session::Mode::Refresher)
            return fail("assign.err.interval_needs_refresher", std::to_string(f.every_days));
        a.every_days = f.every_days;
    }
    a.note = f.note;
    return a;
}

store::Result<AssignmentsModel> build_assignments(store::Store& store, const store::Principal& who,
                                                  std::int64_t now_ms) {
    AssignmentsModel m;
    store::AssignmentFilter af;
    af.now_ms = now_ms;
    auto list = store::assignments(store, who, af);
    if (!list) return list.error();
    for (auto& a : *list)
        if (!a.cancelled_at_ms) m.assignments.push_back(std::move(a));
    std::stable_sort(m.assignments.begin(), m.assignments.end(), [](const auto& x, const auto& y) {
        return x.created_at_ms > y.created_at_ms;
    });
    af.include_done = false;
    auto status = store::assignment_status(store, who, af);
    if (!status) return status.error();
    m.not_done = std::move(*status);
    std::stable_sort(m.not_done.begin(), m.not_done.end(), [](const auto& x, const auto& y) {
        if (x.overdue != y.overdue) return x.overdue;
        return x.due_ms.value_or(INT64_MAX) < y.due_ms.value_or(INT64_MAX);
    });
    store::PeopleFilter pf;
    pf.role = store::Role::Trainee;
    auto people = store.people(who, pf);
    if (!people) return people.error();
    m.trainees = std::move(*people);
    std::set<std::string> cohorts;
    for (const auto& p : m.trainees)
        if (!p.cohort.empty()) cohorts.insert(p.cohort);
    m.cohorts.assign(cohorts.begin(), cohorts.end());
    return m;
}

}  // namespace dd::app
