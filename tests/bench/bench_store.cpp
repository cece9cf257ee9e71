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
// The generated databases are kept in $DESKDRILL_BENCH_DIR (default: the temp folder) and reused
// by later runs: generating a million attempts takes minutes. Run from a release build:
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

namespace {

using namespace dd;
using namespace dd::store;
namespace fs = std::filesystem;

std::string bench_dir() {
    const char* d = std::getenv("DESKDRILL_BENCH_DIR");
    fs::path p = d && *d ? fs::path(d) : fs::temp_directory_path() / "deskdrill-bench";
    fs::create_directories(p);
    return p.string();
}

std::shared_ptr<const session::Resources> resources(const std::string& standards = {}) {
    Diagnostics d;
    return session::Resources::load(
        std::string(DESKDRILL_SCENARIOS_DIR) + "/lexicon.yaml",
        standards.empty() ? std::string(DESKDRILL_SCENARIOS_DIR) + "/standards.yaml" : standards, d);
}

// The gold and poor attempts of every scenario of the library (tests/golden), replayed once.
const std::vector<session::AttemptRecord>& base_records() {
    static const std::vector<session::AttemptRecord> all = [] {
        std::vector<session::AttemptRecord> out;
        auto res = resources();
        const auto lib = session::Library::scan(DESKDRILL_SCENARIOS_DIR);
        for (const auto& sf : lib.entries) {
            if (!sf.scenario) continue;
            for (const char* kind : {"gold", "poor"}) {
                Diagnostics d;
                auto t = load_transcript_file(std::string(DESKDRILL_TESTS_DIR) + "/golden/" +
                                                  sf.scenario->id + "/" + kind + ".yaml", d);
                if (!t) continue;
                out.push_back(session::replay_attempt(sf, *t, *res));
            }
        }
        return out;
    }();
    return all;
}

struct Opened {
    std::shared_ptr<Store> store;
    Principal who;
};

Opened open_with_people(const std::string& path, int sites, int cohorts_per_site,
                        int trainees_per_cohort) {
    auto s = Store::open(path);
    if (!s) throw std::runtime_error(s.error().message);
    if ((*s)->needs_admin()) {
        auto admin = (*s)->create_first_admin({Role::Admin, "admin", "管理员", "", "", "bench-pass", ""});
        for (int site = 0; site < sites; ++site)
            for (int c = 0; c < cohorts_per_site; ++c)
                for (int t = 0; t < trainees_per_cohort; ++t) {
                    const std::string id = "T" + std::to_string(site) + "-" + std::to_string(c) +
                                           "-" + std::to_string(t);
                    (void)(*s)->add_person(*admin, {Role::Trainee, id, "学员" + id,
                                                    "site-" + std::to_string(site),
                                                    "cohort-" + std::to_string(c), "", ""});
                }
    }
    auto op = (*s)->operator_session();
    return {*s, *op};
}

std::int64_t count_attempts(Store& s) {
    sqlite3* h = nullptr;
    std::int64_t n = 0;
    if (sqlite3_open_v2(s.path().c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(h, "SELECT coalesce(max(seq), 0) FROM attempts", -1, &st, nullptr);
        if (st && sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    return n;
}

constexpr int kSites = 4, kCohorts = 5, kTrainees = 10;  // 200 trainees in 20 cohorts

// A database of n attempts, made once and kept: the library's gold and poor attempts spread
// over 200 trainees and a year; with `vary`, each result's points redrawn (a synthetic spread
// for the reports — such attempts no longer replay to their result); without, real ones.
Opened generated(std::int64_t n, bool vary, const std::string& tag = "") {
    const std::string path = bench_dir() + "/records-" + std::to_string(n) +
                             (vary ? "-varied" : "-real") + tag + ".db";
    Opened o = open_with_people(path, kSites, kCohorts, kTrainees);
    std::int64_t have = count_attempts(*o.store);
    if (have >= n) return o;
    const auto& base = base_records();
    std::mt19937_64 rng(static_cast<std::uint64_t>(n) * 7 + (vary ? 1 : 0));
    const std::int64_t t0 = 1'767'225'600'000;  // 2026-01-01
    std::vector<session::AttemptRecord> batch;
    while (have < n) {
        batch.clear();
        for (int i = 0; i < 5000 && have + static_cast<std::int64_t>(batch.size()) < n; ++i) {
            session::AttemptRecord r = base[rng() % base.size()];
            r.uuid = session::new_uuid();
            const auto site = rng() % kSites, cohort = rng() % kCohorts, t = rng() % kTrainees;
            r.trainee = "T" + std::to_string(site) + "-" + std::to_string(cohort) + "-" +
                        std::to_string(t);
            const auto k = rng() % 10;
            r.mode = k < 6 ? session::Mode::Practice
                           : k < 9 ? session::Mode::Assessment : session::Mode::Refresher;
            r.origin = rng() % 4 ? session::Origin::Proctored : session::Origin::Imported;
            r.ended_at_ms = t0 + static_cast<std::int64_t>(rng() % (365ull * 86400000ull));
            r.started_at_ms = r.ended_at_ms - 180000;
            if (vary && r.report) {
                int score = 0;
                for (auto& c : r.report->criteria) {
                    c.points = c.max ? static_cast<int>(rng() % (c.max + 1)) : 0;
                    c.passed = c.points == c.max;
                    score += c.points;
                }
                r.report->score = score;
                r.report->passed = score >= r.report->pass_mark;
            }
            batch.push_back(std::move(r));
        }
        std::vector<const session::AttemptRecord*> ptrs;
        for (const auto& r : batch) ptrs.push_back(&r);
        auto stored = o.store->add_attempts(o.who, ptrs);
        if (!stored) throw std::runtime_error(stored.error().message);
        have += static_cast<std::int64_t>(batch.size());
    }
    return o;
}

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
