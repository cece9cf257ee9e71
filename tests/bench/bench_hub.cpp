// Hub benchmarks (issue 14), both sides of the comparison in the same run:
//   BM_HubSync           a desk's 100,000 attempts (each with its original result and criterion
//                        rows, the people, a few overrides) synced into a fresh hub: the whole
//                        `deskdrill sync` — reading the records file, COPY into staging, the
//                        idempotent merge under row-level security, the checks (since hub
//                        schema 4 not the summaries: the first report folds them);
//                        /batch/1 a desk whose attempts were made in time order (as at a desk),
//                        /batch/0 in random order of their times (each batch reaches every day
//                        of the year: the summaries' worst case) …
//   BM_PgCopy/0          … against PostgreSQL's own COPY of the same rows (the attempts and
//                        results as the hub stores them, criterion scores in the result's row)
//                        into tables of the same shape and indexes, without the sync's checks,
//                        policies or summaries; aim: the sync at least half of COPY's rate
//                        (attempts per second)
//   BM_PgCopy/1          … and COPY of them in the shape the desk holds them (and hub schema 2
//                        did): a row per criterion score in a table of its own
//   BM_HubReport/scope   the cross-site group report over 1,000,000 attempts from 100 sites in
//                        10 regions, computed on the server (all sites, a region, a cohort
//                        across sites, one site; all sites, a region, a site over a quarter);
//                        aim: under 200 ms
// The server is tests/unit/hub/pg_server.sh's, in $DESKDRILL_BENCH_DIR/pg with fsync on, its
// databases kept between runs (the million-attempt hub and the 100,000-attempt desks are made
// once; making them takes minutes); a watchdog stops it when the benchmark exits. Run from a
// release build: build/release/tests/bench/bench_hub (one part: --benchmark_filter=BM_HubReport;
// the sync and COPY of one run: --benchmark_filter='BM_HubSync/10000|BM_PgCopy')
#include <benchmark/benchmark.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <map>

#include "sim/hub/hub.h"
#include "sim/hub/hub_reports.h"
#include "sim/hub/pg.h"
#include "sim/store/summaries.h"
#include "tests/bench/bench_records.h"

namespace {

using namespace dd;
using namespace dd::bench;

struct Server {
    std::string owner;  // a superuser's connection string to the database postgres
    std::string error;
};

// Starts (or starts again) the bench server; the watchdog of pg_server.sh watches this process.
const Server& server() {
    static const Server s = [] {
        Server out;
        const std::string dir = bench_dir() + "/pg";
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::setenv("DESKDRILL_PG_REUSE", "1", 1);
            ::setenv("DESKDRILL_PG_FSYNC", "on", 1);
            const std::string script = std::string(DESKDRILL_TESTS_DIR) + "/unit/hub/pg_server.sh";
            ::execlp("bash", "bash", script.c_str(), "start", dir.c_str(), nullptr);
            _exit(127);
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            out.error = "the PostgreSQL server did not start (tests/unit/hub/pg_server.sh)";
            return out;
        }
        std::ifstream env(dir + "/env");
        for (std::string line; std::getline(env, line);)
            if (line.rfind("owner=", 0) == 0) out.owner = line.substr(6);
        return out;
    }();
    return s;
}

std::string with_db(std::string conninfo, const std::string& db) {
    const std::string from = "dbname=postgres";
    conninfo.replace(conninfo.find(from), from.size(), "dbname=" + db);
    return conninfo;
}

bool database_exists(hub::pg::Conn& c, const std::string& db) {
    return c.run("SELECT 1 FROM pg_database WHERE datname = $1", db).size() > 0;
}

// The desk: 100,000 real attempts (bench_records.h), WAL folded in so one file holds it all;
// stored in the order of their times, as a desk makes them (`in_time_order`), or in random
// order of their times over the year (every batch of the outbox then reaches every month and
// nearly every day: the summaries' worst case).
std::string desk_file(bool in_time_order) {
    static std::map<bool, std::string> made;
    if (made.count(in_time_order)) return made[in_time_order];
    Opened o = generated(100'000, false, in_time_order ? "-hub-timed" : "-hub", in_time_order);
    const std::string p = o.store->path();
    o.store.reset();
    sqlite3* h = nullptr;
    sqlite3_open(p.c_str(), &h);
    sqlite3_exec(h, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(h);
    return made[in_time_order] = p;
}

// A fresh hub database with one site; returns the site's connection string.
std::string fresh_hub(const std::string& db, const std::string& code) {
    auto c = hub::pg::Conn::connect(server().owner);
    c->script("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    c->script("DROP ROLE IF EXISTS " + hub::pg::quote_ident("dd_site_" + code));
    c->script("CREATE DATABASE " + db);
    const std::string url = with_db(server().owner, db);
    hub::InitOptions o;
    o.utc_offset_minutes = 480;
    if (!hub::init(url, o)) throw std::runtime_error("hub init failed");
    auto site = hub::add_site(url, {code, "基准项目", "华东", "bench-site-password"});
    if (!site) throw std::runtime_error(site.error().message);
    std::string s = url;
    s.replace(s.find("user=dd_owner"), 13, "user=dd_site_" + code);
    s.replace(s.find("password="), s.find(' ', s.find("password=")) - s.find("password="),
              "password=bench-site-password");
    return s;
}

// A copy of the desk to sync (a sync marks its outbox).
std::string desk_copy(bool in_time_order) {
    const std::string copy = bench_dir() + "/hub-desk-run.db";
    fs::remove(copy + "-wal");
    fs::remove(copy + "-shm");
    fs::copy_file(desk_file(in_time_order), copy, fs::copy_options::overwrite_existing);
    return copy;
}

std::int64_t synced_attempts = 0;

void BM_HubSync(benchmark::State& state) {
    if (!server().error.empty()) return state.SkipWithError(server().error.c_str());
    std::int64_t attempts = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const std::string url = fresh_hub("hubbench_sync", "bench");
        auto s = store::Store::open(desk_copy(state.range(1) != 0));
        auto op = (*s)->operator_session();
        state.ResumeTiming();
        hub::SyncOptions o;
        o.batch = static_cast<std::size_t>(state.range(0));
        auto rep = hub::sync(**s, *op, url, o);
        if (!rep) return state.SkipWithError(rep.error().message.c_str());
        attempts += rep->attempts;
        state.counters["items_pushed"] = static_cast<double>(rep->pushed);
    }
    synced_attempts = attempts / static_cast<std::int64_t>(state.iterations());
    state.SetItemsProcessed(attempts);
    state.SetLabel("attempts/s: the whole sync of a 100,000-attempt desk, batch " +
                   std::to_string(state.range(0)) +
                   (state.range(1) ? ", attempts in time order" : ", attempts in random order"));
}
// Arguments: batch size, the desk's attempts in time order (1) or not (0).
BENCHMARK(BM_HubSync)
    ->Args({2000, 1})
    ->Args({10000, 1})
    ->Args({10000, 0})
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();

void BM_PgCopy(benchmark::State& state) {
    if (!server().error.empty()) return state.SkipWithError(server().error.c_str());
    // The rows as the hub holds them after the sync above: /0 in the hub's own tables (since
    // hub schema 3 a result's criterion scores are arrays in its row); /1 in the shape of the
    // records store and of hub schema 2 — a row per criterion score in a table of its own
    // (the rows a desk sends, as the issue's baseline named them).
    const bool rows_apart = state.range(0) != 0;
    const std::string url = with_db(server().owner, "hubbench_sync");
    auto src = hub::pg::Conn::connect(url);
    struct Table {
        std::string name, select, create;
    };
    std::vector<Table> tables = {
        {"attempts", "deskdrill.attempts",
         "CREATE TABLE copybench.attempts (LIKE deskdrill.attempts INCLUDING DEFAULTS INCLUDING "
         "CONSTRAINTS INCLUDING INDEXES)"},
        {"results", "deskdrill.results",
         "CREATE TABLE copybench.results (LIKE deskdrill.results INCLUDING DEFAULTS INCLUDING "
         "CONSTRAINTS INCLUDING INDEXES)"}};
    if (rows_apart) {
        tables[1].select =
            "(SELECT id, site_id, site_result_id, attempt_seq, catalogue_hash, lexicon_hash, "
            "original, catalogue_version, score, max_points, pass_mark, passed, critical_failed, "
            "created_by_uuid, created_at_ms, hash FROM deskdrill.results ORDER BY id)";
        tables[1].create +=
            "; ALTER TABLE copybench.results DROP COLUMN criterion_ids, DROP COLUMN "
            "criterion_points, DROP COLUMN criterion_max, DROP COLUMN criterion_passed, DROP "
            "COLUMN criterion_critical";
        tables.push_back(
            {"criterion_results",
             "(SELECT * FROM deskdrill.criterion_results ORDER BY result_id, position)",
             "CREATE TABLE copybench.criterion_results (result_id bigint NOT NULL, position "
             "smallint NOT NULL, site_id integer NOT NULL, criterion_id text NOT NULL, points "
             "integer NOT NULL, max_points integer NOT NULL, passed smallint NOT NULL, critical "
             "smallint NOT NULL, PRIMARY KEY (result_id, position))"});
    }
    std::map<std::string, std::string> rows;
    std::size_t bytes = 0;
    for (const auto& t : tables) {
        rows[t.name] = src->copy_out("COPY " + t.select + " TO STDOUT");
        bytes += rows[t.name].size();
    }
    const auto n = src->run("SELECT count(*) FROM deskdrill.attempts").i64(0, 0);
    std::int64_t attempts = 0;
    for (auto _ : state) {
        state.PauseTiming();
        src->script("DROP SCHEMA IF EXISTS copybench CASCADE; CREATE SCHEMA copybench");
        for (const auto& t : tables) src->script(t.create);
        state.ResumeTiming();
        hub::pg::Txn txn(*src);
        for (const auto& t : tables)
            src->copy_in("COPY copybench." + t.name + " FROM STDIN", rows[t.name]);
        txn.commit();
        attempts += n;
    }
    src->script("DROP SCHEMA IF EXISTS copybench CASCADE");
    state.SetItemsProcessed(attempts);
    state.counters["attempts"] = static_cast<double>(n);
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
    state.SetLabel(rows_apart ? "attempts/s: COPY of the same attempts, results and a row per "
                                "criterion score (the records' shape, hub schema 2)"
                              : "attempts/s: COPY of the same attempts and results as the hub "
                                "holds them (criterion scores in the result's row)");
}
BENCHMARK(BM_PgCopy)->Arg(0)->Arg(1)->Unit(benchmark::kSecond)->Iterations(3)->UseRealTime();

// --- the report across sites ----------------------------------------------------------------

constexpr std::int64_t kMillion = 1'000'000;

// A hub of 1,000,000 attempts from 100 sites in 10 regions, 5 cohorts each, 36 scenarios, a
// year, made on the server in chunks, then summed into the summaries as a sync's are.
std::string million_hub() {
    static const std::string url = [] {
        const std::string db = "hubbench_1m";
        const std::string u = with_db(server().owner, db);
        auto c = hub::pg::Conn::connect(server().owner);
        if (database_exists(*c, db)) {
            auto h = hub::pg::Conn::connect(u);
            if (h->run("SELECT count(*) FROM deskdrill.results").i64(0, 0) == kMillion) {
                // Made by an earlier version: brought to this one (its migrations fill what
                // they add from the records), then vacuumed as a generated hub is (a migration
                // may leave dead rows: schema 3 rewrote every result).
                const auto was =
                    h->run("SELECT value FROM deskdrill.dd_meta WHERE key = 'schema_version'")
                        .i64(0, 0);
                if (!hub::init(u)) throw std::runtime_error("hub migration failed");
                if (was != hub::schema_version()) h->script("VACUUM ANALYZE");
                return u;
            }
            h.reset();
            c->script("DROP DATABASE " + db + " WITH (FORCE)");
        }
        c->script("CREATE DATABASE " + db);
        hub::InitOptions o;
        o.utc_offset_minutes = 480;
        if (!hub::init(u, o)) throw std::runtime_error("hub init failed");
        auto h = hub::pg::Conn::connect(u);
        h->script(R"sql(
SET search_path TO deskdrill;
INSERT INTO sites (code, name, region, role_name, created_at_ms)
SELECT 'site-' || i, '项目' || i, '区域' || (i % 10), 'dd_bench_site_' || i, 0
FROM generate_series(0, 99) i;
INSERT INTO catalogue_criteria
SELECT 'cat', 'crit-' || i, '评分项' || i, 'c' FROM generate_series(0, 8) i;
INSERT INTO people (uuid, site_id, origin, role, employee_no, name, site, cohort, active,
                    created_at_ms, updated_at_ms)
SELECT gen_random_uuid(), s.id, 'site', 'trainee', 'T' || c || '-' || t, '学员', s.name,
       'cohort-' || c, 1, 0, 0
FROM sites s, generate_series(0, 4) c, generate_series(0, 9) t;
)sql");
        for (std::int64_t lo = 0; lo < kMillion; lo += 100'000) {
            const std::string a = std::to_string(lo), b = std::to_string(lo + 100'000);
            h->script(
                "SET search_path TO deskdrill; BEGIN;"
                "INSERT INTO attempts (site_id, site_seq, uuid, trainee_uuid, site, cohort, "
                "scenario_id, scenario_version, category, scenario_hash, lexicon_hash, "
                "catalogue_hash, mode, choice_mode, origin, ending, seed, started_at_ms, "
                "ended_at_ms, sim_ms, actions, transcript, phone_calls, phone_within_3, "
                "response_n, response_ms, resolution_n, resolution_ms, recorded_by_uuid, "
                "recorded_at_ms, hash, received_at_ms) "
                "SELECT 1 + g % 100, g, gen_random_uuid(), gen_random_uuid(), '', "
                "'cohort-' || (g / 100) % 5, 'scenario-' || lpad(((g * 7) % 36)::text, 2, '0'), "
                "1, CASE WHEN (g * 7) % 36 < 6 THEN 'complaint' ELSE 'other' END, 's', 'lex', "
                "'cat', CASE WHEN (g * 13) % 10 < 6 THEN 'practice' WHEN (g * 13) % 10 < 9 "
                "THEN 'assessment' ELSE 'refresher' END, 0, CASE WHEN g % 4 = 0 THEN "
                "'imported' ELSE 'proctored' END, 'finished', g, 0, "
                "1767225600000 + (g * 2654435761) % 31536000000, 60000, 5, '', 1, "
                "(g % 3 > 0)::int, 1, 5000 + g % 20000, 1, 60000 + g % 100000, "
                "gen_random_uuid(), 0, md5(g::text), 0 "
                "FROM generate_series(" +
                a + " + 1, " + b +
                ") g;"
                "INSERT INTO results (site_id, site_result_id, attempt_seq, catalogue_hash, "
                "lexicon_hash, original, catalogue_version, score, max_points, pass_mark, "
                "passed, critical_failed, created_by_uuid, created_at_ms, hash, criterion_ids, "
                "criterion_points, criterion_max, criterion_passed, criterion_critical) "
                "SELECT site_id, site_seq, seq, 'cat', 'lex', 1, '2026.1', s, 100, 60, "
                "(s >= 60)::int, '', gen_random_uuid(), 0, md5(seq::text), "
                "ARRAY(SELECT 'crit-' || p FROM generate_series(0, 8) p), "
                "ARRAY(SELECT ((seq * (p + 3)) % 11)::int FROM generate_series(0, 8) p), "
                "array_fill(10, ARRAY[9]), "
                "ARRAY(SELECT ((seq * (p + 3)) % 11 = 10)::int::smallint "
                "FROM generate_series(0, 8) p), array_fill(0::smallint, ARRAY[9]) "
                "FROM (SELECT a.*, ((a.seq * 48271) % 101)::int AS s FROM attempts a "
                "WHERE a.site_seq > " +
                a + " AND a.site_seq <= " + b +
                ") x;"
                "COMMIT;");
        }
        // Summed into the summaries (hub schema 4: the first report would fold them).
        h->script("SELECT deskdrill.dd_fold_summaries()");
        h->script("VACUUM ANALYZE");
        return u;
    }();
    return url;
}

void BM_HubReport(benchmark::State& state) {
    if (!server().error.empty()) return state.SkipWithError(server().error.c_str());
    auto src = hub::hub_reports(million_hub());
    if (!src) return state.SkipWithError(src.error().message.c_str());
    store::GroupFilter f;
    const char* scopes[] = {"all sites",          "one region",           "a cohort across sites",
                            "one site",           "all sites, a quarter", "one region, a quarter",
                            "one site, a quarter"};
    const auto quarter = [&f] {
        f.from_day = store::parse_day("2026-02-15");
        f.to_day = store::parse_day("2026-05-14");
    };
    switch (state.range(0)) {
        case 1:
            f.region = "区域3";
            break;
        case 2:
            f.cohort = "cohort-2";
            break;
        case 3:
            f.site = "site-42";
            break;
        case 4:
            quarter();
            break;
        case 5:
            f.region = "区域3";
            quarter();
            break;
        case 6:
            f.site = "site-42";
            quarter();
            break;
        default:
            break;
    }
    std::int64_t counted = 0;
    for (auto _ : state) {
        auto r = (*src)->group(f);
        if (!r) return state.SkipWithError(r.error().message.c_str());
        counted = r->figures.attempts;
        benchmark::DoNotOptimize(r->criteria.data());
    }
    state.counters["attempts_counted"] = static_cast<double>(counted);
    state.SetLabel(std::string(scopes[state.range(0)]) + ", 1,000,000 attempts of 100 sites");
}
BENCHMARK(BM_HubReport)->DenseRange(0, 6)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
