// Migrations from every earlier version. A file at version k is made from a full one by removing
// what the later versions add (their tables, indexes, triggers) and setting user_version = k —
// and checked to have exactly the schema a new file migrated to k has. Opening it again must
// bring it to the current version with every record intact: the same attempts, the same chain
// heads, an audit that passes, the report summaries rebuilt equal to the attempts.
#include <regex>
#include <set>

#include "sim/store/assignments.h"
#include "sim/store/audit.h"
#include "sim/store/migrate.h"
#include "sim/store/reports.h"
#include "sim/store/reports_json.h"
#include "sim/store/rescore.h"
#include "sim/store/schema.h"
#include "store_test_support.h"

namespace {

using namespace dd;
using namespace dd::store;
using namespace dd::store::test;

std::set<std::string> schema_of(sql::Db& db) {
    std::set<std::string> out;
    auto q = db.query("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
    while (q.step()) out.insert(q.text(0) + " " + q.text(1) + ": " + q.text(2));
    return out;
}

// What migrations after `version` create, to take away again.
std::vector<std::pair<std::string, std::string>> created_after(int version) {
    std::vector<std::pair<std::string, std::string>> out;
    const std::regex create(R"(CREATE\s+(TABLE|INDEX|TRIGGER)\s+(\w+))", std::regex::icase);
    for (const auto& m : migrations()) {
        if (m.version <= version) continue;
        const std::string sql(m.sql);
        for (std::sregex_iterator it(sql.begin(), sql.end(), create), end; it != end; ++it) {
            std::string kind = (*it)[1];
            for (auto& c : kind) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            out.emplace_back(kind, (*it)[2]);
        }
    }
    return out;
}

class Migrate : public StoreTest {};

TEST_F(Migrate, FromEveryEarlierVersion) {
    ASSERT_GE(schema_version(), 3);
    // A full set of records: attempts, a re-score, an override, an assignment.
    const auto gold = example(true, "T001");
    const auto poor = example(false, "T002");
    const auto third = example(true, "T003", session::Mode::Assessment, session::Origin::Proctored);
    must(store_->add_attempts(*admin_, {&gold, &poor, &third}));
    Diagnostics d;
    auto res = session::Resources::load(std::string(DESKDRILL_SCENARIOS_DIR) + "/lexicon.yaml",
                                        std::string(DESKDRILL_TESTS_DIR) +
                                            "/data/rubric/standards-2027.1.yaml",
                                        d);
    auto sum = must(rescore(*store_, *admin_, *res));
    must(store_->add_override(*admin_, {poor.uuid, {}, "courtesy.greeting", 0, false, "复核"}));
    NewAssignment a;
    a.cohort = "2026-春";
    a.scenarios = {"complaint.night-renovation-noise"};
    must(assign(*store_, *admin_, a));
    const auto reference_audit = must(audit(*store_, *admin_));
    ASSERT_TRUE(reference_audit.ok());
    GroupFilter original, rescored;
    rescored.result_set = sum.set;
    const std::string report0 = to_json(must(group_report(*store_, *admin_, original)), 0);
    const std::string report1 = to_json(must(group_report(*store_, *admin_, rescored)), 0);
    const auto people = must(store_->people(*admin_, {})).size();
    store_.reset();
    admin_.reset();
    const std::string full = read_bytes(path_);

    for (int k = 0; k < schema_version(); ++k) {
        SCOPED_TRACE("from version " + std::to_string(k));
        std::cout << "[ migrate  ] from version " << k << " to " << schema_version() << "\n";
        const std::string path = dir_ + "/v" + std::to_string(k) + ".db";
        if (k == 0) {
            write_bytes(path, "");  // a new, empty file
        } else {
            write_bytes(path, full);
            sqlite3* h = nullptr;
            ASSERT_EQ(sqlite3_open(path.c_str(), &h), SQLITE_OK);
            auto removed = created_after(k);
            std::reverse(removed.begin(), removed.end());
            std::string sql;
            for (const auto& [kind, name] : removed) sql += "DROP " + kind + " IF EXISTS " + name + ";";
            sql += "PRAGMA user_version = " + std::to_string(k) + ";";
            char* err = nullptr;
            ASSERT_EQ(sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << err;
            sqlite3_close(h);
            // It is exactly what a file of version k looks like.
            auto made = sql::Db::open(dir_ + "/fresh" + std::to_string(k) + ".db",
                                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 1000);
            migrate(*made, k);
            auto old = sql::Db::open(path, SQLITE_OPEN_READONLY, 1000);
            EXPECT_EQ(schema_of(*old), schema_of(*made));
            EXPECT_EQ(user_version(*old), k);
        }
        auto s = must(Store::open(path));
        EXPECT_EQ(user_version(StoreAccess::db(*s)), schema_version());
        if (k == 0) {
            EXPECT_TRUE(s->needs_admin());
            continue;
        }
        auto op = must(s->operator_session());
        EXPECT_EQ(must(s->people(op, {})).size(), people);
        EXPECT_EQ(must(s->attempts(op, {})).size(), 3u);
        auto rep = must(audit(*s, op));
        EXPECT_TRUE(rep.ok()) << (rep.issues.empty() ? "" : rep.issues[0].message);
        EXPECT_EQ(rep.attempts_head, reference_audit.attempts_head);
        EXPECT_EQ(rep.results_head, reference_audit.results_head);
        EXPECT_EQ(rep.overrides_head, reference_audit.overrides_head);
        // The summaries are rebuilt from the stored results by the migration.
        EXPECT_EQ(to_json(must(group_report(*s, op, original)), 0), report0);
        EXPECT_EQ(to_json(must(group_report(*s, op, rescored)), 0), report1);
        EXPECT_EQ(to_json(must(group_report_from_attempts(*s, op, rescored)), 0), report1);
        auto rb = must(s->rebuild(op, gold.uuid));
        EXPECT_TRUE(rb.matches) << rb.mismatch;
        // New records go on the chain after the migrated ones.
        auto more = example(false, "T001");
        must(s->add_attempt(op, more));
        EXPECT_TRUE(must(audit(*s, op)).ok());
    }
}

}  // namespace
