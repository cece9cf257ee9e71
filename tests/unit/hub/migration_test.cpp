// A hub made by an older DeskDrill, holding rows, brought to this version (issue 14): two desks
// sync into a hub of this version; the same rows go into a hub of schema version 1 (as that
// version's sync left them: attempts, results, a row per criterion score, overrides, the months'
// summaries its triggers kept); that hub is migrated. Afterwards it must hold the same rows, the
// same summaries (the days filled by version 2 from the records, the criterion scores moved into
// the results by version 3) and give the same reports; its planner statistics are there; and a
// desk syncs into it as into any hub.
#include "hub_test_support.h"

namespace {

using namespace dd;
using namespace dd::hub;
using namespace dd::hub::test;

class HubMigration : public HubTest {
  protected:
    void TearDown() override {
        if (!old_db_.empty()) {
            auto c = pg::Conn::connect(owner_);
            c->script("DROP DATABASE IF EXISTS " + old_db_ + " WITH (FORCE)");
        }
        HubTest::TearDown();
    }

    // Copies `select` (a table or a query) of the current hub into `table` of the old one.
    void copy_rows(pg::Conn& from, pg::Conn& to, const std::string& select,
                   const std::string& table) {
        to.copy_in("COPY deskdrill." + table + " FROM STDIN",
                   from.copy_out("COPY " + select + " TO STDOUT"));
    }

    // The rows of a query, in the text format of COPY (for comparing two hubs).
    static std::string rows(pg::Conn& c, const std::string& query) {
        return c.copy_out("COPY (" + query + ") TO STDOUT");
    }

    std::string old_db_;
};

TEST_F(HubMigration, APopulatedVersionOneHubKeepsItsRowsAndReports) {
    const std::string a = add_site("sunny", "阳光花园", "华东");
    const std::string b = add_site("pine", "松园", "华南");
    Desk& da = desk("a", "阳光花园", 160, 31);
    Desk& db = desk("b", "松园", 120, 32);
    SyncOptions o;
    o.batch = 70;  // several batches, their results folded into the summaries at once
    ASSERT_TRUE(sync(*da.store, da.who(), a, o).ok());
    ASSERT_TRUE(sync(*db.store, db.who(), b, o).ok());

    // The old hub: schema version 1, the same sites, people, texts and records.
    old_db_ = db_ + "_v1";
    auto owner = pg::Conn::connect(owner_);
    owner->script("CREATE DATABASE " + old_db_);
    const std::string old_hub = with_db(owner_, old_db_);
    InitOptions v1;
    v1.utc_offset_minutes = 480;
    v1.to_version = 1;
    ASSERT_EQ(must(init(old_hub, v1)), 1);
    {
        auto from = pg::Conn::connect(hub_);
        auto to = pg::Conn::connect(old_hub);
        for (const char* t : {"sites", "people", "snapshots", "catalogue_criteria", "attempts"})
            copy_rows(*from, *to, std::string("deskdrill.") + t, t);
        const std::string v1_results =
            "id, site_id, site_result_id, attempt_seq, catalogue_hash, lexicon_hash, original, "
            "catalogue_version, score, max_points, pass_mark, passed, critical_failed, "
            "created_by_uuid, created_at_ms, hash";
        copy_rows(*from, *to,
                  "(SELECT " + v1_results + " FROM deskdrill.results ORDER BY id)",
                  "results (" + v1_results + ")");
        copy_rows(*from, *to,
                  "(SELECT * FROM deskdrill.criterion_results ORDER BY result_id, position)",
                  "criterion_results");
        for (const char* t : {"overrides", "site_heads"})
            copy_rows(*from, *to, std::string("deskdrill.") + t, t);
        // The old hub's own keys continue after the rows it holds (as its syncs left them).
        for (const auto& [t, c] : std::vector<std::pair<std::string, std::string>>{
                 {"sites", "id"}, {"attempts", "seq"}, {"results", "id"}, {"overrides", "id"}})
            to->script("SELECT setval(pg_get_serial_sequence('deskdrill." + t + "', '" + c +
                       "'), (SELECT max(" + c + ") FROM deskdrill." + t + "))");
        // Version 1 holds them as version 1 did: a row per criterion score, months only.
        EXPECT_GT(to->run("SELECT count(*) FROM deskdrill.criterion_results").i64(0, 0), 280);
        EXPECT_GT(to->run("SELECT sum(attempts) FROM deskdrill.summary_attempts").i64(0, 0), 0);
        EXPECT_TRUE(
            to->run("SELECT to_regclass('deskdrill.summary_region_day_attempts') IS NULL").b(0, 0));
    }

    // Brought to this version.
    ASSERT_EQ(must(init(old_hub)), schema_version());
    auto now = pg::Conn::connect(hub_);
    auto old = pg::Conn::connect(old_hub);
    // The same rows: attempts, results, every criterion score in its place, overrides.
    for (const char* q :
         {"SELECT * FROM deskdrill.attempts ORDER BY seq",
          "SELECT * FROM deskdrill.results ORDER BY id",
          "SELECT * FROM deskdrill.criterion_results ORDER BY result_id, position",
          "SELECT * FROM deskdrill.overrides ORDER BY id"}) {
        SCOPED_TRACE(q);
        const std::string want = rows(*now, q);
        EXPECT_FALSE(want.empty());
        EXPECT_EQ(rows(*old, q), want);
    }
    EXPECT_EQ(old->run("SELECT count(*) FROM deskdrill.criterion_results").i64(0, 0),
              now->run("SELECT count(*) FROM deskdrill.criterion_results").i64(0, 0));
    // The same summaries: folded once on the current hub (as its first report would), built by
    // the migrations on the old one (the regions' days from the records, version 2).
    EXPECT_GT(now->run("SELECT deskdrill.dd_fold_summaries()").i64(0, 0), 0);
    for (const char* t : {"summary_attempts", "summary_criteria", "summary_region_attempts",
                          "summary_region_criteria", "summary_region_day_attempts",
                          "summary_region_day_criteria"}) {
        SCOPED_TRACE(t);
        const std::string q =
            std::string("SELECT * FROM deskdrill.") + t + " ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9";
        const std::string want = rows(*now, q);
        EXPECT_FALSE(want.empty());
        EXPECT_EQ(rows(*old, q), want);
    }
    // Statistics for the planner (a report over dates reads the days by their key).
    auto stats = old->run(
        "SELECT count(*) FROM pg_class WHERE relnamespace = 'deskdrill'::regnamespace AND "
        "relname IN ('summary_region_day_attempts', 'summary_region_day_criteria', 'results') "
        "AND reltuples > 0");
    EXPECT_EQ(stats.i64(0, 0), 3);

    // The same reports.
    auto hub_now = hq();
    auto hub_old = must(hub_reports(old_hub));
    std::vector<store::GroupFilter> filters(6);
    filters[1].region = "华东";
    filters[2].from_day = store::parse_day("2026-01-20");
    filters[2].to_day = store::parse_day("2026-03-05");
    filters[3].site = codes_["sunny"];
    filters[3].from_day = filters[2].from_day;
    filters[3].to_day = filters[2].to_day;
    filters[4].scenario = library_attempts().front().scenario_id;
    filters[5].cohort = "2026-秋";
    for (std::size_t i = 0; i < filters.size(); ++i) {
        SCOPED_TRACE("filter " + std::to_string(i));
        const auto got = must(hub_old->group(filters[i]));
        EXPECT_GT(got.figures.attempts, 0);
        EXPECT_EQ(store::to_json(got, 480), store::to_json(must(hub_now->group(filters[i])), 480));
        EXPECT_EQ(store::to_json(must(hub_old->items(filters[i])), 480),
                  store::to_json(must(hub_now->items(filters[i])), 480));
        EXPECT_EQ(store::to_json(must(hub_old->agreement(filters[i])), 480),
                  store::to_json(must(hub_now->agreement(filters[i])), 480));
    }
    const auto t_old = must(hub_old->trainee("T01", {}, codes_["pine"]));
    const auto t_now = must(hub_now->trainee("T01", {}, codes_["pine"]));
    EXPECT_FALSE(t_old.weakest.empty());
    EXPECT_EQ(store::to_json(t_old, 480), store::to_json(t_now, 480));

    // A desk syncs into the migrated hub as into any: its new attempts arrive, and the hub's
    // report of its site equals the desk's own.
    store::GroupFilter sunny;
    sunny.site = "阳光花园";
    const auto before = must(store::store_reports(da.store, da.who())->group(sunny));
    add_attempts(da, 40, 33);
    const std::string a_old =
        site_conninfo(old_hub, "dd_site_" + codes_["sunny"], "pw-" + codes_["sunny"] + "-secret");
    const auto more = must(sync(*da.store, da.who(), a_old, o));
    EXPECT_EQ(more.attempts, 40);
    hub_old = must(hub_reports(old_hub));
    const auto mine = must(store::store_reports(da.store, da.who())->group(sunny));
    EXPECT_GT(mine.figures.attempts, before.figures.attempts);
    EXPECT_EQ(store::to_json(must(hub_old->group(sunny)), 480), store::to_json(mine, 480));
}

}  // namespace
