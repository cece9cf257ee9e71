// Test support for the hub: the PostgreSQL server the test run started (pg_server.sh, a CTest
// fixture; its env file in the build folder, or DESKDRILL_TEST_PG_ENV), a fresh hub database per
// test with its sites and their roles, and site records filled with attempts of the library's
// scenarios (their gold and poor transcripts replayed once), spread over trainees, cohorts, modes,
// origins and three months.
#pragma once
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <random>

#include "sim/hub/hub.h"
#include "sim/hub/hub_reports.h"
#include "sim/hub/pg.h"
#include "sim/load/transcript_loader.h"
#include "sim/session/hash.h"
#include "sim/session/library.h"
#include "sim/store/report_model.h"
#include "sim/store/report_source.h"
#include "sim/store/reports_json.h"
#include "sim/store/summaries.h"
#include "sim/store/sync.h"
#include "tests/unit/store/store_test_support.h"

namespace dd::hub::test {

using store::test::make_temp_dir;
using store::test::must;

// key=value lines of the server's env file.
inline const char* env_file() {
    const char* path = std::getenv("DESKDRILL_TEST_PG_ENV");
    return path ? path : DESKDRILL_TEST_PG_ENV_FILE;
}

inline std::map<std::string, std::string> server_env() {
    std::map<std::string, std::string> out;
    const char* path = env_file();
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        const auto eq = line.find('=');
        if (eq != std::string::npos) out[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return out;
}

// Why the hub tests cannot run ("" when they can).
inline std::string server_missing() {
    const char* path = env_file();
    const std::string dir = std::filesystem::path(path).parent_path().string();
    std::ifstream why(dir + "/unavailable");
    if (why) {
        std::string line;
        std::getline(why, line);
        return line;
    }
    if (server_env().count("owner") == 0)
        return std::string(path) +
               ": no server was started (run the hub tests through CTest: "
               "its fixture hub.server.start starts one)";
    return "";
}

inline std::string with_db(std::string conninfo, const std::string& db) {
    const auto at = conninfo.find("dbname=postgres");
    conninfo.replace(at, std::string("dbname=postgres").size(), "dbname=" + db);
    return conninfo;
}

inline std::string site_conninfo(const std::string& owner_db, const std::string& role,
                                 const std::string& password) {
    std::string c = owner_db;
    const auto u = c.find("user=");
    const auto ue = c.find(' ', u);
    c.replace(u, ue - u, "user=" + role);
    const auto p = c.find("password=");
    const auto pe = c.find(' ', p);
    c.replace(p, pe - p, "password=" + password);
    return c;
}

// Library attempts (gold and poor of every scenario), replayed once.
inline const std::vector<session::AttemptRecord>& library_attempts() {
    static const std::vector<session::AttemptRecord> all = [] {
        std::vector<session::AttemptRecord> out;
        auto res = session::test::resources();
        const auto lib = session::Library::scan(DESKDRILL_SCENARIOS_DIR);
        for (const auto& sf : lib.entries) {
            if (!sf.scenario) continue;
            for (const char* kind : {"gold", "poor"}) {
                Diagnostics d;
                auto t = load_transcript_file(std::string(DESKDRILL_GOLDEN_DIR) + "/" +
                                                  sf.scenario->id + "/" + kind + ".yaml",
                                              d);
                if (t) out.push_back(session::replay_attempt(sf, *t, *res));
            }
        }
        return out;
    }();
    return all;
}

// A desk's records file.
struct Desk {
    std::string path;
    std::shared_ptr<store::Store> store;
    std::unique_ptr<store::Principal> op;
    std::vector<std::string> trainees;

    store::Principal& who() { return *op; }
    void close() {
        op.reset();
        store.reset();
    }
    void open() {
        store = must(store::Store::open(path));
        op = std::make_unique<store::Principal>(must(store->operator_session()));
    }
};

// Adds n generated attempts (seeded) to the desk in one transaction.
inline void add_attempts(Desk& d, int n, std::uint64_t seed) {
    const auto& base = library_attempts();
    std::mt19937_64 rng(seed);
    const std::int64_t t0 = 1'767'225'600'000;  // 2026-01-01
    std::vector<session::AttemptRecord> batch;
    for (int i = 0; i < n; ++i) {
        session::AttemptRecord r = base[rng() % base.size()];
        r.uuid = session::new_uuid();
        r.trainee = d.trainees[rng() % d.trainees.size()];
        const auto k = rng() % 10;
        r.mode = k < 6   ? session::Mode::Practice
                 : k < 9 ? session::Mode::Assessment
                         : session::Mode::Refresher;
        r.origin = rng() % 3   ? session::Origin::Proctored
                   : rng() % 2 ? session::Origin::Imported
                               : session::Origin::Scripted;
        r.ended_at_ms = t0 + static_cast<std::int64_t>(rng() % (90ull * 86400000ull));
        r.started_at_ms = r.ended_at_ms - 120000;
        batch.push_back(std::move(r));
    }
    std::vector<const session::AttemptRecord*> ptrs;
    for (const auto& r : batch) ptrs.push_back(&r);
    must(d.store->add_attempts(*d.op, ptrs));
}

// Makes a desk at `path` for site `site_name` with 2 cohorts × 3 trainees and `n` attempts
// (seeded), and supervisors' overrides on three proctored attempts.
inline Desk make_desk(const std::string& path, const std::string& site_name, int n,
                      std::uint64_t seed) {
    Desk d;
    d.path = path;
    d.store = must(store::Store::open(path));
    auto admin = must(d.store->create_first_admin(
        {store::Role::Admin, "A-" + site_name, "管理员", "", "", "admin-pass-1", ""}));
    d.op = std::make_unique<store::Principal>(admin);
    must(d.store->add_person(admin, {store::Role::Supervisor, "S-" + site_name, "主管", site_name,
                                     "", "super-pass-1", ""}));
    for (int c = 0; c < 2; ++c)
        for (int t = 0; t < 3; ++t) {
            // Employee numbers repeat across sites (each site numbers its own).
            const std::string id = "T" + std::to_string(c) + std::to_string(t);
            must(d.store->add_person(admin, {store::Role::Trainee, id, "学员" + id, site_name,
                                             c ? "2026-秋" : "2026-春", "", ""}));
            d.trainees.push_back(id);
        }
    add_attempts(d, n, seed);
    if (n > 0) {
        auto sup = must(d.store->login("S-" + site_name, "super-pass-1"));
        store::AttemptFilter proctored;
        proctored.origins = {session::Origin::Proctored};
        auto all = must(d.store->attempts(admin, proctored));
        for (std::size_t i = 0; i < std::min<std::size_t>(3, all.size()); ++i) {
            auto det = must(d.store->attempt(admin, all[i].uuid));
            if (det.results.empty() || det.results[0].criteria.empty()) continue;
            const auto& c = det.results[0].criteria[i % det.results[0].criteria.size()];
            must(d.store->add_override(
                sup,
                {all[i].uuid, {}, c.id, c.passed ? 0 : c.max_points, !c.passed, "复核:证据不足"}));
        }
    }
    return d;
}

// A fresh hub database with its schema; sites added with add_site(). Dropped afterwards with
// the roles it made.
class HubTest : public ::testing::Test {
  protected:
    void SetUp() override {
        const std::string why = server_missing();
        if (!why.empty()) GTEST_SKIP() << why;
        owner_ = server_env()["owner"];
        env_ = server_env();
        tag_ = session::new_uuid().substr(0, 8);
        db_ = "hub_" + tag_;
        auto c = pg::Conn::connect(owner_);
        c->script("CREATE DATABASE " + db_);
        hub_ = with_db(owner_, db_);
        InitOptions o;
        o.utc_offset_minutes = 480;  // the desks' records are made in this zone too (below)
        ASSERT_TRUE(init(hub_, o).ok());
        dir_ = make_temp_dir();
    }
    void TearDown() override {
        if (owner_.empty()) return;
        desks_.clear();
        auto c = pg::Conn::connect(owner_);
        c->script("DROP DATABASE IF EXISTS " + db_ + " WITH (FORCE)");
        for (const auto& r : roles_) c->script("DROP ROLE IF EXISTS " + pg::quote_ident(r));
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }

    // Adds a site; returns its role's connection string.
    std::string add_site(const std::string& code, const std::string& name,
                         const std::string& region) {
        const std::string full = code + "-" + tag_;
        const std::string pw = "pw-" + full + "-secret";
        auto s = hub::add_site(hub_, {full, name, region, pw});
        EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
        roles_.push_back("dd_site_" + full);
        codes_[code] = full;
        return site_conninfo(hub_, "dd_site_" + full, pw);
    }

    // A desk whose records group days like the hub (UTC+8): the offset is fixed at creation
    // from the local zone, so the test sets TZ before any records file is made.
    Desk& desk(const std::string& name, const std::string& site_name, int n, std::uint64_t seed) {
        ::setenv("TZ", "Asia/Shanghai", 1);
        ::tzset();
        desks_[name] = make_desk(dir_ + "/" + name + ".db", site_name, n, seed);
        return desks_[name];
    }

    std::unique_ptr<store::ReportSource> hq() { return must(hub_reports(hub_)); }

    std::string owner_, hub_, db_, tag_, dir_;
    std::map<std::string, std::string> env_;
    std::vector<std::string> roles_;
    std::map<std::string, std::string> codes_;  // short code → the code on the hub
    std::map<std::string, Desk> desks_;
};

}  // namespace dd::hub::test
