// deskdrill sync — a desk's records and the hub (sim/hub/hub.h, DESIGN §6a): pushes the outbox,
// pulls what headquarters published (trainees, assignments, scenario and standards texts),
// reports the chain heads; `--status` says when the desk last synced and what is waiting.
// Exit: 0 done; 1 the hub refused the chain heads (headquarters is told; nothing is lost);
// 2 bad input, the records could not be opened, the hub could not be reached or refused the
// login or a row (nothing is lost either way: the desk keeps its records, the next sync sends
// them).
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "records.h"
#include "sim/hub/hub.h"
#include "sim/store/sync.h"

namespace dd::cli {

namespace {

struct SyncArgs {
    RecordsArgs records;
    std::string hub;
    std::size_t batch = 2000;
    bool status = false;
    bool json = false;
};

int run_status(const SyncArgs& a) {
    const std::string cmd = "sync";
    auto r = open_records(cmd, a.records, Access::Read);
    if (!r) return 2;
    auto st = store::sync_state(*r->store, r->who, "hub");
    if (!st) return fail(cmd, st.error());
    const int off = r->store->utc_offset_minutes();
    if (a.json) {
        auto run_json = [&](const std::optional<store::SyncRun>& run) {
            if (!run) return nlohmann::ordered_json();
            return nlohmann::ordered_json{{"hub", run->hub},
                                          {"finished", format_time(run->finished_at_ms, off)},
                                          {"finished_ms", run->finished_at_ms},
                                          {"ok", run->ok},
                                          {"pushed", run->pushed},
                                          {"pulled", run->pulled},
                                          {"message", run->message}};
        };
        std::cout << nlohmann::ordered_json{{"last_ok", run_json(st->last_ok)},
                                            {"last_run", run_json(st->last_run)},
                                            {"pending", st->pending}}
                         .dump(2)
                  << "\n";
        return 0;
    }
    if (st->last_ok)
        std::cout << "上次同步成功:" << format_time(st->last_ok->finished_at_ms, off) << "("
                  << st->last_ok->hub << ",上传 " << st->last_ok->pushed << " 项,下载 "
                  << st->last_ok->pulled << " 项)\n";
    else
        std::cout << "尚未与总部同步过\n";
    if (st->last_run && !st->last_run->ok)
        std::cout << "最近一次同步失败:" << format_time(st->last_run->finished_at_ms, off) << " — "
                  << st->last_run->message << "\n";
    std::cout << "待上传:" << st->pending << " 项\n";
    return 0;
}

int run_sync(const SyncArgs& a) {
    const std::string cmd = "sync";
    if (a.status) return run_status(a);
    if (a.hub.empty())
        return fail(cmd,
                    "--hub is required: the hub's connection string, e.g. "
                    "'postgresql://dd_site_sunny@hub.example.com/deskdrill?sslmode=verify-full'");
    if (a.batch == 0) return fail(cmd, "--batch must be at least 1");
    auto r = open_records(cmd, a.records, Access::Write);
    if (!r) return 2;
    hub::SyncOptions o;
    o.batch = a.batch;
    auto rep = hub::sync(*r->store, r->who, a.hub, o);
    if (!rep) {
        fail(cmd, rep.error());
        return rep.error().code == store::ErrorCode::Corrupt ? 1 : 2;
    }
    for (const auto& w : rep->warnings) std::cerr << "deskdrill sync: warning: " << w << "\n";
    if (a.json) {
        std::cout << nlohmann::ordered_json{{"hub", rep->hub},
                                            {"site", rep->site_code},
                                            {"pushed", rep->pushed},
                                            {"attempts", rep->attempts},
                                            {"results", rep->results},
                                            {"overrides", rep->overrides},
                                            {"people", rep->people},
                                            {"assignments", rep->assignments},
                                            {"snapshots_sent", rep->snapshots_sent},
                                            {"pulled", rep->pulled},
                                            {"pulled_people", rep->pulled_people},
                                            {"pulled_assignments", rep->pulled_assignments},
                                            {"pulled_snapshots", rep->pulled_snapshots},
                                            {"reconnects", rep->reconnects},
                                            {"warnings", rep->warnings}}
                         .dump(2)
                  << "\n";
        return 0;
    }
    std::cout << "已与总部同步(" << rep->hub << ",项目 " << rep->site_code << ")\n"
              << "上传 " << rep->pushed << " 项:作答 " << rep->attempts << ",评分 " << rep->results
              << ",复核 " << rep->overrides << ",人员 " << rep->people << ",任务 "
              << rep->assignments << "\n"
              << "下载 " << rep->pulled << " 项:学员 " << rep->pulled_people << ",任务 "
              << rep->pulled_assignments << ",场景/标准 " << rep->pulled_snapshots << "\n";
    return 0;
}

}  // namespace

void add_sync_command(CLI::App& root, int& exit_code) {
    auto* sub = root.add_subcommand(
        "sync", "Send this desk's records to the hub and take in what headquarters published");
    auto args = std::make_shared<SyncArgs>();
    add_records_options(sub, args->records, Access::Write);
    sub->add_option("--hub", args->hub,
                    "the hub: a libpq connection string or URI with this site's role "
                    "(postgresql://dd_site_CODE@HOST/DB?sslmode=verify-full); the password from "
                    "~/.pgpass or PGPASSWORD");
    sub->add_option("--batch", args->batch, "outbox items per hub transaction (default 2000)");
    sub->add_flag("--status", args->status,
                  "say when this desk last synced and how much waits to be sent (no network)");
    sub->add_flag("--json", args->json, "JSON instead of text");
    sub->footer(std::string(kRecordsFooter) +
                "\nSync exit codes: 1 when the hub refused this desk's chain heads "
                "(headquarters is told), 2 when the hub could not be reached or refused the "
                "login — nothing is lost, the desk keeps working and the next sync sends it.");
    sub->callback([args, &exit_code] { exit_code = run_sync(*args); });
}

}  // namespace dd::cli
