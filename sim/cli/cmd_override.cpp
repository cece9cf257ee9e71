// deskdrill override UUID --criterion ID (--pass | --fail) [--points N] --reason TEXT — a
// supervisor's judgement of one criterion of a stored attempt, kept beside the automatic result
// (never replacing it; the latest override of a criterion is the one in force). Run it --as the
// supervisor. Exit: 0 done, 2 bad input or refused (nothing was written).
#include <iostream>

#include "commands.h"
#include "records.h"

namespace dd::cli {

namespace {

struct OverrideArgs {
    RecordsArgs records;
    std::string uuid, criterion, reason, result_set;
    bool pass = false, failed = false;
    std::optional<int> points;
};

int run_override(const OverrideArgs& a) {
    const std::string cmd = "override";
    if (a.pass == a.failed) return fail(cmd, "say --pass or --fail");
    auto r = open_records(cmd, a.records, Access::Write);
    if (!r) return 2;
    auto set = r->store->resolve_result_set(r->who, a.result_set);
    if (!set) return fail(cmd, "--result-set: " + set.error().message);
    store::NewOverride o{a.uuid, *set, a.criterion, 0, a.pass, a.reason};
    if (a.points) {
        o.points = *a.points;
    } else if (a.pass) {
        // Full marks by default: the criterion's maximum in that result.
        auto d = r->store->attempt(r->who, a.uuid);
        if (!d) return fail(cmd, d.error());
        for (const auto& rs : d->results)
            if (rs.catalogue_hash == set->catalogue_hash || (set->original() && rs.original))
                for (const auto& c : rs.criteria)
                    if (c.id == a.criterion) o.points = c.max_points;
    }
    auto row = r->store->add_override(r->who, o);
    if (!row) return fail(cmd, row.error());
    std::cout << "override of " << row->criterion_id << " on " << a.uuid << ": "
              << (row->passed ? "pass" : "fail") << ", " << row->points << " point(s), by "
              << row->supervisor << "\n";
    return 0;
}

}  // namespace

void add_override_command(CLI::App& root, int& exit_code) {
    auto* sub = root.add_subcommand(
        "override", "A supervisor's judgement of one criterion, beside the automatic result");
    auto args = std::make_shared<OverrideArgs>();
    add_records_options(sub, args->records, Access::Write);
    sub->add_option("UUID", args->uuid, "the attempt")->required();
    sub->add_option("--criterion", args->criterion, "the criterion id")->required();
    sub->add_flag("--pass", args->pass, "the supervisor judges it passed");
    sub->add_flag("--fail", args->failed, "the supervisor judges it failed");
    sub->add_option("--points", args->points, "points (default: full marks on --pass, 0 on --fail)");
    sub->add_option("--reason", args->reason, "why (required)")->required();
    sub->add_option("--result-set", args->result_set, "which result (default: the original)");
    sub->callback([args, &exit_code] { exit_code = run_override(*args); });
}

}  // namespace dd::cli
