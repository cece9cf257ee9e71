// deskdrill assign add|list|cancel|set — assignments and the refresher schedule
// (sim/store/assignments.h): scenarios (or a named set) to a trainee or a cohort, with a mode,
// whether choice mode is allowed, a due date, and for refresher drills an interval in days;
// `list` shows who has done what and what is overdue. Scenario ids are checked against the
// library before anything is written.
// Exit: 0 done, 2 bad input or the records refused it (nothing was written).
#include <iostream>
#include <nlohmann/json.hpp>

#include "assignment_args.h"
#include "commands.h"
#include "records.h"
#include "sim/session/data_dirs.h"
#include "sim/session/library.h"
#include "sim/store/assignments.h"
#include "sim/store/summaries.h"

namespace dd::cli {

namespace {

struct AssignArgs {
    RecordsArgs records;
    AssignmentArgs assignment;  // assign add; its trainee, site and cohort filter assign list
    std::string at;
    bool overdue = false;
    bool json = false;
    std::int64_t id = 0;
};

// Every id must be a scenario of the library.
bool check_scenarios(const std::string& cmd, const std::vector<std::string>& ids) {
    const std::string dir = session::scenarios_dir();
    for (const auto& id : ids)
        if (!session::find_in_library(dir, id)) {
            fail(cmd, "unknown scenario '" + id + "' (not in the library at " + dir +
                          "); `deskdrill validate` lists them");
            return false;
        }
    return true;
}

int run_set(const AssignArgs& a) {
    const std::string cmd = "assign set";
    const AssignmentArgs& s = a.assignment;
    if (!check_scenarios(cmd, s.scenarios)) return 2;
    auto r = open_records(cmd, a.records, Access::Write);
    if (!r) return 2;
    auto defined = store::define_scenario_set(*r->store, r->who, s.set, s.scenarios);
    if (!defined) return fail(cmd, defined.error());
    std::cout << "set '" << s.set << "': " << s.scenarios.size() << " scenario(s)\n";
    return 0;
}

int run_add(const AssignArgs& a) {
    const std::string cmd = "assign add";
    auto draft = read_assignment_args(cmd, a.assignment);
    if (!draft) return 2;
    if (!check_scenarios(cmd, a.assignment.scenarios)) return 2;
    auto r = open_records(cmd, a.records, Access::Write);
    if (!r) return 2;
    const store::NewAssignment n = due_in_zone(std::move(*draft), r->store->utc_offset_minutes());
    auto made = store::assign(*r->store, r->who, n);
    if (!made) return fail(cmd, made.error());
    std::cout << "assignment #" << made->id << ": " << made->scenarios.size() << " scenario(s), "
              << session::mode_name(made->mode) << (made->choice_allowed ? ", choice mode" : "")
              << ", to "
              << (made->trainee.empty()
                      ? "cohort " + made->cohort +
                            (made->site.empty() ? " (every site)" : " of " + made->site)
                      : made->trainee);
    if (made->due_at_ms) std::cout << ", due " << a.assignment.due;
    if (made->every_days) std::cout << ", every " << *made->every_days << " days";
    std::cout << "\n";
    return 0;
}

int run_list(const AssignArgs& a) {
    const std::string cmd = "assign list";
    auto r = open_records(cmd, a.records, Access::Read);
    if (!r) return 2;
    store::AssignmentFilter f;
    f.trainee = a.assignment.trainee;
    f.site = a.assignment.site;
    f.cohort = a.assignment.cohort;
    f.overdue_only = a.overdue;
    const int off = r->store->utc_offset_minutes();
    if (!a.at.empty()) {
        auto day = store::parse_day(a.at);
        if (!day) return fail(cmd, "--at '" + a.at + "': not a date; write YYYY-MM-DD");
        f.now_ms = end_of_day_ms(*day, off) - 1;
    }
    auto rows = store::assignment_status(*r->store, r->who, f);
    if (!rows) return fail(cmd, rows.error());
    auto when = [&](const std::optional<std::int64_t>& ms) {
        return ms ? format_time(*ms, off) : std::string();
    };
    // Due is the first moment it is late; people read the last minute it is on time.
    auto due = [&](const std::optional<std::int64_t>& ms) {
        return ms ? format_time(*ms - 1, off) : std::string();
    };
    if (a.json) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& s : *rows)
            out.push_back({{"assignment", s.assignment_id},
                           {"assignment_uuid", s.assignment_uuid},
                           {"trainee", s.trainee},
                           {"name", s.trainee_name},
                           {"site", s.site},
                           {"cohort", s.cohort},
                           {"scenario", s.scenario_id},
                           {"mode", session::mode_name(s.mode)},
                           {"choice_allowed", s.choice_allowed},
                           {"every_days", s.every_days ? nlohmann::ordered_json(*s.every_days)
                                                       : nlohmann::ordered_json()},
                           {"attempts", s.attempts},
                           {"last", s.last_ms ? nlohmann::ordered_json(when(s.last_ms)) : nullptr},
                           {"due", s.due_ms ? nlohmann::ordered_json(due(s.due_ms)) : nullptr},
                           {"done", s.done},
                           {"overdue", s.overdue}});
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::size_t overdue = 0;
    for (const auto& s : *rows) {
        overdue += s.overdue;
        std::cout << "#" << s.assignment_id << "\t" << s.trainee << "\t" << s.trainee_name << "\t"
                  << s.scenario_id << "\t" << session::mode_name(s.mode) << "\t"
                  << (s.overdue ? "OVERDUE"
                      : s.done  ? "done"
                                : "open")
                  << "\t" << (s.due_ms ? "due " + due(s.due_ms) : std::string("no due date"))
                  << (s.last_ms ? "\tlast " + when(s.last_ms) : std::string()) << "\n";
    }
    std::cout << rows->size() << " item(s), " << overdue << " overdue\n";
    return 0;
}

int run_cancel(const AssignArgs& a) {
    const std::string cmd = "assign cancel";
    auto r = open_records(cmd, a.records, Access::Write);
    if (!r) return 2;
    auto s = store::cancel_assignment(*r->store, r->who, a.id);
    if (!s) return fail(cmd, s.error());
    std::cout << "assignment #" << a.id << " cancelled\n";
    return 0;
}

}  // namespace

void add_assign_command(CLI::App& root, int& exit_code) {
    auto* assign = root.add_subcommand("assign", "Assignments and the refresher schedule");
    assign->require_subcommand(1);
    assign->footer(kRecordsFooter);
    auto args = std::make_shared<AssignArgs>();

    auto* add =
        assign->add_subcommand("add", "Assign scenarios (or a set) to a trainee or a cohort");
    add_records_options(add, args->records, Access::Write);
    add_assignment_options(add, args->assignment, AssignmentTarget::Desk);
    add->callback([args, &exit_code] { exit_code = run_add(*args); });

    auto* list = assign->add_subcommand("list", "Who has done what; what is overdue");
    add_records_options(list, args->records, Access::Read);
    list->add_option("--trainee", args->assignment.trainee, "only this trainee");
    list->add_option("--site", args->assignment.site, "only this site");
    list->add_option("--cohort", args->assignment.cohort, "only this cohort");
    list->add_flag("--overdue", args->overdue, "only what is overdue");
    list->add_option("--at", args->at, "as on this day (YYYY-MM-DD, end of day; default: now)");
    list->add_flag("--json", args->json, "JSON instead of text");
    list->callback([args, &exit_code] { exit_code = run_list(*args); });

    auto* cancel =
        assign->add_subcommand("cancel", "Cancel an assignment (kept, marked cancelled)");
    add_records_options(cancel, args->records, Access::Write);
    cancel->add_option("ID", args->id, "assignment number")->required();
    cancel->callback([args, &exit_code] { exit_code = run_cancel(*args); });

    auto* define = assign->add_subcommand("set", "Define (or replace) a named set of scenarios");
    add_records_options(define, args->records, Access::Write);
    define->add_option("NAME", args->assignment.set, "the set's name")->required();
    define->add_option("SCENARIO", args->assignment.scenarios, "scenario ids")->required();
    define->callback([args, &exit_code] { exit_code = run_set(*args); });
}

}  // namespace dd::cli
