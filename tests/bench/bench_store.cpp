// Records store benchmarks (issue 10), both sides of each comparison in the same run:
//   BM_StoreAttempt200       storing one attempt of 200 actions (snapshots known, one
//                            transaction, synchronous=FULL) …
//   BM_BareCommit            … against a bare one-row synchronous=FULL WAL commit in the same
//                            folder (same file system); aim: at most 1.5×
//   BM_GroupReport/N/scope   the group report over N generated attempts (100,000 and
//                            1,000,000): one cohort, one site, everything, a cohort over a
//                            quarter; aim: under 100 ms at 1,000,000
//   BM_Rescore/jobs          re-scoring 100,000 stored attempts (real, replayable ones) under
//                            another catalogue, on 1 and on 2 threads: attempts per second
//   BM_DatabaseSize          bytes per 1,000 attempts with everything needed to show each
//                            debrief exactly (transcript, snapshots, result, criteria, KPIs,
//                            summaries, outbox, indexes); aim: under 4 MB
// The generated databases (bench_records.h) are kept in $DESKDRILL_BENCH_DIR (default: the temp
// folder) and reused by later runs: generating a million attempts takes minutes. Run from a
// release build:
//   build/release/tests/bench/bench_store
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "sim/load/transcript_loader.h"
#include "sim/session/attempt.h"
#include "sim/session/hash.h"
#include "sim/session/library.h"
#include "sim/store/reports.h"
#include "sim/store/rescore.h"
#include "sim/store/summaries.h"
#include "tests/bench/bench_records.h"

namespace {

using namespace dd;
using namespace dd::store;
using namespace dd::bench;
namespace fs = std::filesystem;

// --- storing an attempt vs a bare commit ---------------------------------------------------

const session::AttemptRecord& record_200() {
    static const session::AttemptRecord r = [] {
        std::string yaml =
            "scenario: complaint.night-renovation-noise\nseed: 1\nactions:\n"
            "  - {at: 5, answer: phone}\n"
            "  - {at: 7, say: \"您好,安居物业客服中心,请问有什么可以帮您?\"}\n";
        for (int i = 0; i < 192; ++i)  // replies while the caller is on the line
            yaml += "  - {at: " + std::to_string(8 + i / 10) + "." + std::to_string(i % 10) +
                    ", say: \"好的,我理解您的心情,请您稍等,我马上帮您了解一下(" +
                    std::to_string(i) + ")。\"}\n";
        yaml +=
            "  - {at: 45, record: {name: 王女士, room: 3-1202, phone: \"13800001111\", issue: 噪音}}\n"
            "  - {at: 50, classify: {type: complaint, level: urgent}}\n"
            "  - {at: 55, dispatch: security}\n"
            "  - {at: 70, say: \"王女士,跟您确认一下:3栋1202,楼上夜间装修噪音。安保10分钟内到场。\"}\n"
            "  - {at: 90, say: \"感谢您的来电,再见。\"}\n"
            "  - {at: 91, wait: 10s}\n";
        Diagnostics d;
        auto t = load_transcript_text(yaml, "bench-200.yaml", d);
        auto sc = session::load_scenario(
            std::string(DESKDRILL_SCENARIOS_DIR) + "/complaint/night-renovation-noise.yaml", d);
        session::ReplayOptions o;
        o.trainee = "T0-0-0";
        return session::replay_attempt(*sc, *t, *resources(), o);
    }();
    return r;
}

void BM_StoreAttempt200(benchmark::State& state) {
    const std::string path = bench_dir() + "/store-one.db";
    fs::remove(path);
    fs::remove(path + "-wal");
    fs::remove(path + "-shm");
    Opened o = open_with_people(path, 1, 1, 1);
    session::AttemptRecord r = record_200();
    (void)o.store->add_attempt(o.who, r);  // the snapshots, once
    for (auto _ : state) {
        state.PauseTiming();
        r.uuid = session::new_uuid();
        state.ResumeTiming();
        auto s = o.store->add_attempt(o.who, r);
        if (!s) state.SkipWithError(s.error().message.c_str());
    }
    state.counters["actions"] = static_cast<double>(r.transcript.actions.size());
    state.counters["log_entries"] = static_cast<double>(r.log.entries.size());
}
BENCHMARK(BM_StoreAttempt200)->Unit(benchmark::kMillisecond)->MinTime(3);

void BM_BareCommit(benchmark::State& state) {
    const std::string path = bench_dir() + "/bare.db";
    fs::remove(path);
    fs::remove(path + "-wal");
    fs::remove(path + "-shm");
    sqlite3* h = nullptr;
    sqlite3_open(path.c_str(), &h);
    sqlite3_exec(h, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t (x);",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *begin, *insert, *commit;
    sqlite3_prepare_v2(h, "BEGIN IMMEDIATE", -1, &begin, nullptr);
    sqlite3_prepare_v2(h, "INSERT INTO t VALUES (?1)", -1, &insert, nullptr);
    sqlite3_prepare_v2(h, "COMMIT", -1, &commit, nullptr);
    std::int64_t i = 0;
    for (auto _ : state) {
        sqlite3_step(begin);
        sqlite3_reset(begin);
        sqlite3_bind_int64(insert, 1, ++i);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        if (sqlite3_step(commit) != SQLITE_DONE) state.SkipWithError("commit failed");
        sqlite3_reset(commit);
    }
    sqlite3_finalize(begin);
    sqlite3_finalize(insert);
    sqlite3_finalize(commit);
    sqlite3_close(h);
}
BENCHMARK(BM_BareCommit)->Unit(benchmark::kMillisecond)->MinTime(3);

// --- group reports ---------------------------------------------------------------------------

void BM_GroupReport(benchmark::State& state) {
    const std::int64_t n = state.range(0);
    Opened o = generated(n, true);
    GroupFilter f;
    switch (state.range(1)) {
        case 0: f.site = "site-1", f.cohort = "cohort-2"; break;  // one cohort
        case 1: f.site = "site-1"; break;                         // one site
        case 2: break;                                            // everything
        case 3:  // one cohort over a quarter (months and edge days)
            f.site = "site-1", f.cohort = "cohort-2";
            f.from_day = parse_day("2026-02-15");
            f.to_day = parse_day("2026-05-14");
            break;
    }
    std::int64_t counted = 0;
    for (auto _ : state) {
        auto r = group_report(*o.store, o.who, f);
        if (!r) {
            state.SkipWithError(r.error().message.c_str());
            break;
        }
        counted = r->figures.attempts;
        benchmark::DoNotOptimize(r->criteria.data());
    }
    state.counters["attempts_in_db"] = static_cast<double>(n);
    state.counters["attempts_counted"] = static_cast<double>(counted);
    const char* scopes[] = {"cohort", "site", "all", "cohort-quarter"};
    state.SetLabel(scopes[state.range(1)]);
}
BENCHMARK(BM_GroupReport)
    ->ArgsProduct({{100'000, 1'000'000}, {0, 1, 2, 3}})
    ->Unit(benchmark::kMillisecond);

// The same report read from the attempts themselves (no summaries), for comparison.
void BM_GroupReportFromAttempts(benchmark::State& state) {
    Opened o = generated(state.range(0), true);
    GroupFilter f;
    f.site = "site-1", f.cohort = "cohort-2";
    for (auto _ : state) {
        auto r = group_report_from_attempts(*o.store, o.who, f);
        if (!r) state.SkipWithError(r.error().message.c_str());
        benchmark::DoNotOptimize(r);
    }
    state.SetLabel("cohort, no summaries");
}
BENCHMARK(BM_GroupReportFromAttempts)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(3);

// --- size -----------------------------------------------------------------------------------

void BM_DatabaseSize(benchmark::State& state) {
    const std::int64_t n = 100'000;
    Opened o = generated(n, false, "-size");
    const std::string path = o.store->path();
    o.store.reset();
    // Fold the WAL in, so the file holds everything.
    sqlite3* h = nullptr;
    sqlite3_open(path.c_str(), &h);
    sqlite3_exec(h, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(h);
    for (auto _ : state) benchmark::DoNotOptimize(fs::file_size(path));
    const double bytes = static_cast<double>(fs::file_size(path));
    state.counters["attempts"] = static_cast<double>(n);
    state.counters["MB_per_1000_attempts"] = bytes / static_cast<double>(n) * 1000.0 / 1e6;
    state.SetLabel("100,000 real attempts, each with its original result set");
}
BENCHMARK(BM_DatabaseSize)->Iterations(1);

// --- re-scoring -------------------------------------------------------------------------------

void BM_Rescore(benchmark::State& state) {
    const auto jobs = static_cast<unsigned>(state.range(0));
    const std::int64_t n = state.range(1);
    Opened o = generated(n, false);
    // Each run under a catalogue no attempt has been scored under yet: the 2027 one with a
    // comment that makes its hash new.
    std::size_t done = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const std::string path = bench_dir() + "/standards-run.yaml";
        {
            std::ifstream in(std::string(DESKDRILL_TESTS_DIR) + "/data/rubric/standards-2027.1.yaml");
            std::ofstream out(path);
            out << in.rdbuf() << "\n# bench run " << session::new_uuid() << "\n";
        }
        auto res = resources(path);
        state.ResumeTiming();
        RescoreOptions ro;
        ro.jobs = jobs;
        auto sum = rescore(*o.store, o.who, *res, ro);
        if (!sum) {
            state.SkipWithError(sum.error().message.c_str());
            break;
        }
        done += sum->rescored;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(done));
    state.counters["attempts"] = static_cast<double>(n);
}
BENCHMARK(BM_Rescore)
    ->Args({1, 100'000})
    ->Args({2, 100'000})
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
