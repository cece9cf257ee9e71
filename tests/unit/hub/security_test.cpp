// Row-level security on the hub: a site's role, connected as the site's desk connects, can read
// and write only its own site's rows and what is published to it. Every attempt below is made
// with the role's own connection and must be refused (an error, or no row seen or touched).
#include "hub_test_support.h"

namespace {

using namespace dd;
using namespace dd::hub;
using namespace dd::hub::test;

class HubSecurity : public HubTest {
  protected:
    void SetUp() override {
        HubTest::SetUp();
        if (IsSkipped()) return;
        a_ = add_site("sunny", "阳光花园", "华东");
        b_ = add_site("lake", "翠湖苑", "华东");
        Desk& da = desk("a", "阳光花园", 20, 21);
        Desk& db = desk("b", "翠湖苑", 20, 22);
        ASSERT_TRUE(sync(*da.store, da.who(), a_).ok());
        ASSERT_TRUE(sync(*db.store, db.who(), b_).ok());
        must(publish_trainee(hub_, {codes_["lake"], "T77", "翠湖苑的新学员", "", "", ""}));
        conn_ = pg::Conn::connect(a_);  // site A's role
        conn_->script("SET search_path TO deskdrill");
        auto id = conn_->run("SELECT dd_site_id()");
        site_a_ = id.i64(0, 0);
        auto owner = pg::Conn::connect(hub_);
        site_b_ =
            owner->run("SELECT id FROM deskdrill.sites WHERE code = $1", codes_["lake"]).i64(0, 0);
        b_attempt_ = owner
                         ->run(
                             "SELECT uuid::text FROM deskdrill.attempts WHERE site_id = $1 "
                             "LIMIT 1",
                             site_b_)
                         .text(0, 0);
    }

    // The statement fails with SQLSTATE `state` (42501: no privilege or a policy refused it).
    void expect_refused(const std::string& sql, const std::string& state = "42501") {
        try {
            conn_->script("BEGIN");
            conn_->script(sql);
            ADD_FAILURE() << "site A's role was allowed: " << sql;
        } catch (const pg::PgError& e) {
            EXPECT_EQ(e.sqlstate, state) << sql << ": " << e.what();
        }
        conn_->script("ROLLBACK");
    }
    std::int64_t count(const std::string& sql) { return conn_->run(sql).i64(0, 0); }

    std::string a_, b_, b_attempt_;
    std::unique_ptr<pg::Conn> conn_;
    std::int64_t site_a_ = 0, site_b_ = 0;
};

TEST_F(HubSecurity, ASiteSeesOnlyItsOwnRows) {
    EXPECT_GT(count("SELECT count(*) FROM attempts"), 0);
    const std::string others = std::to_string(site_b_);
    for (const char* t : {"attempts", "results", "criterion_results", "overrides", "people",
                          "site_heads", "sync_log"})
        EXPECT_EQ(count(std::string("SELECT count(*) FROM ") + t + " WHERE site_id <> " +
                        std::to_string(site_a_)),
                  0)
            << t;
    EXPECT_EQ(count("SELECT count(*) FROM attempts WHERE uuid::text = '" + b_attempt_ + "'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM people WHERE employee_no = 'T77'"), 0)
        << "a trainee published to another site";
    EXPECT_EQ(count("SELECT count(*) FROM sites"), 1);
    // The reports' summaries and headquarters' reports are not a site's.
    expect_refused("SELECT count(*) FROM summary_attempts");
    expect_refused("SELECT count(*) FROM summary_region_criteria");
    auto rep = hub_reports(a_);
    if (rep.ok()) {
        auto g = (*rep)->group({});
        ASSERT_FALSE(g.ok());
        EXPECT_EQ(g.error().code, ErrorCode::Denied);
    } else {
        EXPECT_EQ(rep.error().code, ErrorCode::Denied);
    }
}

TEST_F(HubSecurity, ASiteCannotWriteAnotherSitesRows) {
    const std::string b = std::to_string(site_b_);
    // An attempt, a result, a person and heads claimed for site B: refused by the policies.
    expect_refused(
        "INSERT INTO attempts (site_id, site_seq, uuid, trainee_uuid, site, cohort, scenario_id, "
        "scenario_version, category, scenario_hash, lexicon_hash, mode, choice_mode, origin, "
        "ending, seed, started_at_ms, ended_at_ms, sim_ms, actions, transcript, phone_calls, "
        "phone_within_3, response_n, response_ms, resolution_n, resolution_ms, recorded_by_uuid, "
        "recorded_at_ms, hash, received_at_ms) VALUES (" +
        b +
        ", 9999, gen_random_uuid(), "
        "gen_random_uuid(), 'x', 'x', 'x', 1, 'x', 'x', 'x', 'practice', 0, 'proctored', "
        "'finished', 0, 0, 0, 0, 0, '', 0, 0, 0, 0, 0, 0, gen_random_uuid(), 0, 'h', 0)");
    expect_refused(
        "INSERT INTO results (site_id, site_result_id, attempt_seq, catalogue_hash, "
        "lexicon_hash, original, catalogue_version, score, max_points, pass_mark, "
        "passed, critical_failed, created_by_uuid, created_at_ms, hash) VALUES (" +
        b + ", 9999, 1, 'c', 'l', 1, 'v', 100, 100, 60, 1, '', gen_random_uuid(), 0, 'h')");
    expect_refused(
        "INSERT INTO people (uuid, site_id, origin, role, employee_no, name, site, "
        "cohort, active, created_at_ms, updated_at_ms) VALUES (gen_random_uuid(), " +
        b + ", 'site', 'trainee', 'X1', 'x', '', '', 1, 0, 0)");
    expect_refused("INSERT INTO site_heads VALUES (" + b + ", 0, '', 0, '', 0, '', 0)");
    // Its own rows claimed as headquarters' publications: refused too.
    expect_refused(
        "INSERT INTO people (uuid, site_id, origin, role, employee_no, name, site, "
        "cohort, active, created_at_ms, updated_at_ms) VALUES (gen_random_uuid(), " +
        std::to_string(site_a_) + ", 'hub', 'trainee', 'X2', 'x', '', '', 1, 0, 0)");
    expect_refused(
        "INSERT INTO snapshots (hash, kind, name, version, text, site_id, "
        "published_at_ms, stored_at_ms) VALUES ('h', 'scenario', 'x', '1', 't', " +
        std::to_string(site_a_) + ", 1, 0)");
    // Changing or deleting another site's rows touches nothing (it sees none), and the records
    // of attempts cannot be changed by anyone.
    EXPECT_EQ(conn_->run("UPDATE people SET name = 'x' WHERE site_id = " + b).affected(), 0);
    expect_refused("UPDATE attempts SET score = 0", "42703");  // no such column, and …
    expect_refused("UPDATE attempts SET cohort = 'x'");        // … no right to change attempts
    expect_refused("DELETE FROM attempts");
    expect_refused("DELETE FROM results");
    // A result's criterion scores (in its row since hub schema 3) are as fixed as the result;
    // the view of them in the records' shape takes no rows (55000: not an updatable view).
    expect_refused("UPDATE results SET criterion_points = criterion_max");
    expect_refused("INSERT INTO criterion_results VALUES (1, 0, " + b + ", 'x', 10, 10, 1, 0)",
                   "55000");
    expect_refused("UPDATE summary_attempts SET attempts = 0");
    expect_refused(
        "INSERT INTO sites (code, name, role_name, created_at_ms) VALUES "
        "('evil', 'x', 'x', 0)");
    // Nothing of site B changed.
    auto owner = pg::Conn::connect(hub_);
    EXPECT_EQ(owner->run("SELECT count(*) FROM deskdrill.people WHERE name = 'x'").i64(0, 0), 0);
    EXPECT_EQ(owner->run("SELECT count(*) FROM deskdrill.attempts WHERE site_seq = 9999").i64(0, 0),
              0);
}

TEST_F(HubSecurity, ASiteRoleCannotSyncAsAnother) {
    // Site A's role with site B's records: the rows go in as site A's (the policies take the
    // role's site, never one the desk names), so site B's figures do not move.
    auto hub = hq();
    store::GroupFilter lake;
    lake.site = codes_["lake"];
    const auto before = must(hub->group(lake));
    Desk& again = desk("b2", "翠湖苑", 3, 23);
    auto r = sync(*again.store, again.who(), a_);
    // The new desk's seqs clash with site A's own: refused, nothing stored.
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Conflict);
    EXPECT_EQ(must(hub->group(lake)).figures.attempts, before.figures.attempts);
}

}  // namespace
