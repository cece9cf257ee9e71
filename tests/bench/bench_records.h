// Generated records for the benchmarks (bench_store, bench_hub): the library's gold and poor
// attempts replayed once, spread over trainees of several sites and cohorts, modes, origins and
// a year, stored in records files kept in $DESKDRILL_BENCH_DIR (default: the temp folder) and
// reused by later runs — generating a million attempts takes minutes.
#pragma once
#include <sqlite3.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "sim/load/transcript_loader.h"
#include "sim/session/attempt.h"
#include "sim/session/hash.h"
#include "sim/session/library.h"
#include "sim/store/store.h"

namespace dd::bench {

using namespace dd::store;
namespace fs = std::filesystem;

inline std::string bench_dir() {
    const char* d = std::getenv("DESKDRILL_BENCH_DIR");
    fs::path p = d && *d ? fs::path(d) : fs::temp_directory_path() / "deskdrill-bench";
    fs::create_directories(p);
    return p.string();
}

inline std::shared_ptr<const session::Resources> resources(const std::string& standards = {}) {
    Diagnostics d;
    return session::Resources::load(
        std::string(DESKDRILL_SCENARIOS_DIR) + "/lexicon.yaml",
        standards.empty() ? std::string(DESKDRILL_SCENARIOS_DIR) + "/standards.yaml" : standards,
        d);
}

// The gold and poor attempts of every scenario of the library (tests/golden), replayed once.
inline const std::vector<session::AttemptRecord>& base_records() {
    static const std::vector<session::AttemptRecord> all = [] {
        std::vector<session::AttemptRecord> out;
        auto res = resources();
        const auto lib = session::Library::scan(DESKDRILL_SCENARIOS_DIR);
        for (const auto& sf : lib.entries) {
            if (!sf.scenario) continue;
            for (const char* kind : {"gold", "poor"}) {
                Diagnostics d;
                auto t = load_transcript_file(std::string(DESKDRILL_TESTS_DIR) + "/golden/" +
                                                  sf.scenario->id + "/" + kind + ".yaml",
                                              d);
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

inline Opened open_with_people(const std::string& path, int sites, int cohorts_per_site,
                               int trainees_per_cohort) {
    auto s = Store::open(path);
    if (!s) throw std::runtime_error(s.error().message);
    if ((*s)->needs_admin()) {
        auto admin =
            (*s)->create_first_admin({Role::Admin, "admin", "管理员", "", "", "bench-pass", ""});
        for (int site = 0; site < sites; ++site)
            for (int c = 0; c < cohorts_per_site; ++c)
                for (int t = 0; t < trainees_per_cohort; ++t) {
                    const std::string id = "T" + std::to_string(site) + "-" + std::to_string(c) +
                                           "-" + std::to_string(t);
                    (void)(*s)->add_person(
                        *admin, {Role::Trainee, id, "学员" + id, "site-" + std::to_string(site),
                                 "cohort-" + std::to_string(c), "", ""});
                }
    }
    auto op = (*s)->operator_session();
    return {*s, *op};
}

inline std::int64_t count_attempts(Store& s) {
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

inline constexpr int kSites = 4, kCohorts = 5, kTrainees = 10;  // 200 trainees in 20 cohorts

// A database of n attempts, made once and kept: the library's gold and poor attempts spread
// over 200 trainees and a year; with `vary`, each result's points redrawn (a synthetic spread
// for the reports — such attempts no longer replay to their result); without, real ones. The
// attempts are stored in random order of their times, unless `in_time_order` (as a desk makes
// them: each a little after the one before, the year spread evenly).
inline Opened generated(std::int64_t n, bool vary, const std::string& tag = "",
                        bool in_time_order = false) {
    const std::string path =
        bench_dir() + "/records-" + std::to_string(n) + (vary ? "-varied" : "-real") + tag + ".db";
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
            r.trainee =
                "T" + std::to_string(site) + "-" + std::to_string(cohort) + "-" + std::to_string(t);
            const auto k = rng() % 10;
            r.mode = k < 6   ? session::Mode::Practice
                     : k < 9 ? session::Mode::Assessment
                             : session::Mode::Refresher;
            r.origin = rng() % 4 ? session::Origin::Proctored : session::Origin::Imported;
            const auto at = static_cast<std::int64_t>(rng() % (365ull * 86400000ull));
            r.ended_at_ms = in_time_order ? t0 + (have + static_cast<std::int64_t>(batch.size())) *
                                                     (365 * 86400000ll / n)
                                          : t0 + at;
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

}  // namespace dd::bench
