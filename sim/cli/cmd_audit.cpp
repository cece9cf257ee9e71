// deskdrill audit [--db D] [--replay] [--json] — checks that every record is as it was written
// (sim/store/audit.h): SQLite's integrity check, the append-only triggers, the hash chains of
// attempts, results and overrides (naming the first row that does not match), the snapshots'
// hashes, and with --replay every attempt played again to its stored result. Read-only.
// Exit: 0 all is well, 1 something does not match, 2 bad input or unreadable records.
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "records.h"
#include "sim/store/audit.h"

namespace dd::cli {

namespace {

struct AuditArgs {
    RecordsArgs records;
    bool replay = false;
    bool json = false;
};

int run_audit(const AuditArgs& a) {
    auto r = open_records("audit", a.records, Access::Read);
    if (!r) return 2;
    store::AuditOptions o;
    o.replay = a.replay;
    auto rep = store::audit(*r->store, r->who, o);
    if (!rep) return fail("audit", rep.error());
    if (a.json) {
        nlohmann::ordered_json j{{"database", r->store->path()},
                                 {"ok", rep->ok()},
                                 {"attempts", rep->attempts},
                                 {"results", rep->results},
                                 {"overrides", rep->overrides},
                                 {"snapshots", rep->snapshots},
                                 {"replayed", rep->replayed},
                                 {"heads", {{"attempts", rep->attempts_head},
                                            {"results", rep->results_head},
                                            {"overrides", rep->overrides_head}}},
                                 {"mismatched_rows", rep->mismatched_rows}};
        auto issues = nlohmann::ordered_json::array();
        for (const auto& i : rep->issues)
            issues.push_back({{"what", i.what}, {"row", i.row}, {"key", i.key}, {"message", i.message}});
        j["issues"] = issues;
        std::cout << j.dump(2) << "\n";
        return rep->ok() ? 0 : 1;
    }
    std::cout << "audit: " << r->store->path() << "\n"
              << "  attempts   " << rep->attempts << "  chain head " << rep->attempts_head << "\n"
              << "  results    " << rep->results << "  chain head " << rep->results_head << "\n"
              << "  overrides  " << rep->overrides << "  chain head " << rep->overrides_head << "\n"
              << "  snapshots  " << rep->snapshots << "\n";
    if (a.replay) std::cout << "  replayed   " << rep->replayed << "\n";
    for (const auto& i : rep->issues) std::cout << "error: " << i.message << "\n";
    if (rep->ok()) {
        std::cout << "ok: every record is as it was written\n";
        return 0;
    }
    std::cout << "audit failed: " << rep->issues.size() << " problem(s), " << rep->mismatched_rows
              << " row(s) that do not match\n";
    return 1;
}

}  // namespace

void add_audit_command(CLI::App& root, int& exit_code) {
    auto* sub = root.add_subcommand(
        "audit", "Verify the records: integrity, append-only triggers, hash chains, snapshots");
    auto args = std::make_shared<AuditArgs>();
    add_records_options(sub, args->records, Access::Read);
    sub->add_flag("--replay", args->replay,
                  "also replay every attempt from its snapshots and compare with its stored result");
    sub->add_flag("--json", args->json, "JSON instead of text");
    sub->callback([args, &exit_code] { exit_code = run_audit(*args); });
}

}  // namespace dd::cli
