// The outbox read in batches for a sync (sync.h): the batched read (one range query for a
// batch's attempts with their original results, range scans of the criterion scores) gives
// exactly what reading each item by itself gives — checked against such a reader written here
// with the store's own SQL — over mixed items (attempts, an attempt without a result, re-scores,
// overrides, people changed twice, assignments), items already delivered inside a batch's
// range, every batch size from 1 up, and one batch object filled again and again.
#include <sstream>

#include "sim/store/assignments.h"
#include "sim/store/rescore.h"
#include "sim/store/sync.h"
#include "store_test_support.h"

namespace {

using namespace dd;
using namespace dd::store;
using namespace dd::store::test;

// --- the reference: each item read by itself ---------------------------------------------------

std::vector<CriterionScore> ref_criteria(sql::Db& db, std::int64_t result_id) {
    std::vector<CriterionScore> out;
    auto q = db.query(
        "SELECT criterion_id, points, max_points, passed, critical FROM criterion_results "
        "WHERE result_id = ?1 ORDER BY position");
    q.with(result_id);
    while (q.step()) out.push_back({q.text(0), {}, {}, q.i32(1), q.i32(2), q.b(3), q.b(4)});
    return out;
}

std::optional<ExportedResult> ref_result(sql::Db& db, std::int64_t key, bool by_attempt) {
    auto q = db.query(std::string("SELECT ") + kChainedResultColumns +
                      " FROM results r JOIN attempts a ON a.seq = r.attempt_seq JOIN people p ON "
                      "p.id = r.created_by WHERE " +
                      (by_attempt ? "r.attempt_seq = ?1 AND r.original = 1" : "r.id = ?1"));
    q.with(key);
    if (!q.step()) return std::nullopt;
    ExportedResult e;
    read_chained_result(q, e.fields);
    e.hash = q.text(13);
    e.fields.criteria = ref_criteria(db, e.fields.id);
    return e;
}

std::optional<ExportedAttempt> ref_attempt(sql::Db& db, const std::string& uuid) {
    auto q = db.query(std::string("SELECT ") + kChainedAttemptColumns +
                      " FROM attempts a JOIN people p ON p.id = a.trainee_id JOIN people rb ON "
                      "rb.id = a.recorded_by WHERE a.uuid = ?1");
    q.with(uuid);
    if (!q.step()) return std::nullopt;
    ExportedAttempt e;
    read_chained_attempt(q, e.fields);
    e.hash = q.text(29);
    return e;
}

// Items after `after`, not delivered to "hub", at most `limit`: what outbox_batch covers.
OutboxBatch reference(sql::Db& db, std::int64_t after, std::size_t limit) {
    OutboxBatch b;
    auto q = db.query(
        "SELECT o.id, o.kind, o.ref FROM outbox o WHERE o.id > ?1 AND NOT EXISTS (SELECT 1 FROM "
        "outbox_delivered d WHERE d.outbox_id = o.id AND d.target = 'hub') ORDER BY o.id "
        "LIMIT ?2");
    q.with(after, static_cast<std::int64_t>(limit));
    std::vector<std::tuple<std::int64_t, std::string, std::string>> items;
    while (q.step()) items.emplace_back(q.i64(0), q.text(1), q.text(2));
    std::set<std::string> people, assignments;
    for (const auto& [id, kind, ref] : items) {
        b.outbox_ids.push_back(id);
        b.last_id = id;
        if (kind == "attempt") {
            auto a = ref_attempt(db, ref);
            EXPECT_TRUE(a) << ref;
            if (!a) continue;
            b.snapshots.insert(a->fields.scenario_hash);
            b.snapshots.insert(a->fields.lexicon_hash);
            if (!a->fields.catalogue_hash.empty()) b.snapshots.insert(a->fields.catalogue_hash);
            if (auto r = ref_result(db, a->fields.seq, true)) {
                b.catalogues.insert(r->fields.catalogue_hash);
                b.results.push_back(std::move(*r));
            }
            b.attempts.push_back(std::move(*a));
        } else if (kind == "result") {
            auto r = ref_result(db, std::stoll(ref), false);
            EXPECT_TRUE(r) << ref;
            if (!r) continue;
            b.snapshots.insert(r->fields.catalogue_hash);
            b.snapshots.insert(r->fields.lexicon_hash);
            b.catalogues.insert(r->fields.catalogue_hash);
            b.results.push_back(std::move(*r));
        } else if (kind == "override") {
            auto o = db.query(
                "SELECT o.id, o.uuid, o.result_id, a.uuid, r.catalogue_hash, r.lexicon_hash, "
                "o.criterion_id, o.points, o.passed, o.reason, p.uuid, o.created_at_ms, o.hash "
                "FROM overrides o JOIN results r ON r.id = o.result_id "
                "JOIN attempts a ON a.seq = r.attempt_seq JOIN people p ON p.id = "
                "o.supervisor_id WHERE o.uuid = ?1");
            o.with(ref);
            EXPECT_TRUE(o.step()) << ref;
            ExportedOverride e;
            e.fields.id = o.i64(0);
            e.fields.uuid = o.text(1);
            e.result_id = o.i64(2);
            e.fields.attempt_uuid = o.text(3);
            e.fields.catalogue_hash = o.text(4);
            e.fields.lexicon_hash = o.text(5);
            e.fields.criterion_id = o.text(6);
            e.fields.points = o.i64(7);
            e.fields.passed = o.b(8);
            e.fields.reason = o.text(9);
            e.fields.supervisor_uuid = o.text(10);
            e.fields.created_at_ms = o.i64(11);
            e.hash = o.text(12);
            b.overrides.push_back(e);
        } else if (kind == "person") {
            if (!people.insert(ref).second) continue;
            auto p = db.query(std::string("SELECT ") + kPersonColumns +
                              " FROM people WHERE uuid = ?1");
            p.with(ref);
            if (p.step()) b.people.push_back(read_person(p));
        } else if (kind == "assignment") {
            if (!assignments.insert(ref).second) continue;
            auto a = db.query(std::string("SELECT ") + kAssignmentColumns +
                              ", coalesce(t.uuid, ''), c.uuid FROM assignments a "
                              "LEFT JOIN people t ON t.id = a.trainee_id "
                              "JOIN people c ON c.id = a.created_by WHERE a.uuid = ?1");
            a.with(ref);
            if (a.step()) {
                ExportedAssignment e;
                e.assignment = read_assignment(db, a);
                e.trainee_uuid = a.text(15);
                e.created_by_uuid = a.text(16);
                b.assignments.push_back(e);
            }
        }
    }
    return b;
}

// Every field of a batch, one per line (a difference shows where it is).
std::string dump(const OutboxBatch& b) {
    std::ostringstream o;
    o << "last " << b.last_id << "\nids";
    for (auto id : b.outbox_ids) o << ' ' << id;
    o << '\n';
    for (const auto& e : b.attempts) {
        const auto& f = e.fields;
        o << "attempt " << f.prev << '|' << f.seq << '|' << f.uuid << '|' << f.trainee_uuid << '|'
          << f.site << '|' << f.cohort << '|' << f.scenario_id << '|' << f.scenario_version << '|'
          << f.category << '|' << f.scenario_hash << '|' << f.lexicon_hash << '|'
          << f.catalogue_hash << '|' << f.mode << '|' << f.choice_mode << '|' << f.origin << '|'
          << f.ending << '|' << f.seed << '|' << f.started_at_ms << '|' << f.ended_at_ms << '|'
          << f.sim_ms << '|' << f.actions << '|' << f.transcript.size() << ':' << f.transcript
          << '|' << f.kpi.phone_calls << '|' << f.kpi.phone_within_3 << '|' << f.kpi.response_n
          << '|' << f.kpi.response_ms << '|' << f.kpi.resolution_n << '|' << f.kpi.resolution_ms
          << '|' << f.recorded_by_uuid << '|' << f.recorded_at_ms << '|' << f.site_profile_hash
          << '|' << e.hash << '\n';
    }
    for (const auto& e : b.results) {
        const auto& f = e.fields;
        o << "result " << f.prev << '|' << f.id << '|' << f.attempt_uuid << '|'
          << f.catalogue_hash << '|' << f.lexicon_hash << '|' << f.original << '|'
          << f.catalogue_version << '|' << f.score << '|' << f.max_points << '|' << f.pass_mark
          << '|' << f.passed << '|' << f.critical_failed << '|' << f.created_by_uuid << '|'
          << f.created_at_ms << '|' << e.hash << '\n';
        for (const auto& c : f.criteria)
            o << "  criterion " << c.id << '|' << c.title << '|' << c.category << '|' << c.points
              << '|' << c.max_points << '|' << c.passed << '|' << c.critical << '\n';
    }
    for (const auto& e : b.overrides)
        o << "override " << e.fields.id << '|' << e.fields.uuid << '|' << e.result_id << '|'
          << e.fields.attempt_uuid << '|' << e.fields.criterion_id << '|' << e.fields.points
          << '|' << e.fields.passed << '|' << e.fields.reason << '|' << e.fields.supervisor_uuid
          << '|' << e.hash << '\n';
    for (const auto& p : b.people)
        o << "person " << p.uuid << '|' << p.employee_no << '|' << p.name << '|' << p.site << '|'
          << p.cohort << '|' << p.active << '|' << p.updated_at_ms << '\n';
    for (const auto& a : b.assignments)
        o << "assignment " << a.assignment.uuid << '|' << a.trainee_uuid << '|'
          << a.created_by_uuid << '|' << a.assignment.cohort << '|' << a.assignment.note << '\n';
    for (const auto& h : b.snapshots) o << "snapshot " << h << '\n';
    for (const auto& h : b.catalogues) o << "catalogue " << h << '\n';
    return o.str();
}

class OutboxBatchRead : public StoreTest {
  protected:
    // Attempts of the example (gold, poor, one without a result), a re-score of them all,
    // overrides, people changed (one twice), an assignment, then more attempts.
    void fill() {
        std::vector<session::AttemptRecord> recs;
        for (int i = 0; i < 6; ++i)
            recs.push_back(example(i % 2 == 0, i % 3 == 2 ? "T003" : "T001"));
        // An attempt without a result (no report: its catalogue could not be read).
        recs[3].report.reset();
        std::vector<const session::AttemptRecord*> first;
        for (const auto& r : recs) first.push_back(&r);
        must(store_->add_attempts(*admin_, first));
        uuids_.clear();
        for (const auto& r : recs) uuids_.push_back(r.uuid);

        Diagnostics d;
        auto res = session::Resources::load(
            std::string(DESKDRILL_SCENARIOS_DIR) + "/lexicon.yaml",
            std::string(DESKDRILL_TESTS_DIR) + "/data/rubric/standards-2027.1.yaml", d);
        ASSERT_TRUE(res && res->can_score());
        auto sup = must(store_->login("S001", kSupervisorPassword));
        RescoreOptions ro;
        ro.jobs = 1;
        EXPECT_GE(must(rescore(*store_, sup, *res, ro)).rescored, 4u);

        const std::string crit = recs[0].report->criteria.at(0).id;
        NewOverride ov;
        ov.attempt_uuid = recs[0].uuid;
        ov.criterion_id = crit;
        ov.points = 0;
        ov.reason = "录音显示未及时回复";
        must(store_->add_override(sup, ov));
        must(store_->update_person(*admin_, "T002", {std::string("李四四"), {}, {}, {}}));
        NewAssignment n;
        n.cohort = "2026-春";
        n.site = "阳光花园";
        n.scenarios = {recs[0].scenario_id};
        n.note = "本周练习";
        must(assign(*store_, *admin_, n));
        must(store_->update_person(*admin_, "T002", {{}, {}, std::string("2026-夏"), {}}));
        ov.attempt_uuid = recs[2].uuid;
        ov.reason = "复核";
        must(store_->add_override(sup, ov));

        std::vector<session::AttemptRecord> more;
        for (int i = 0; i < 5; ++i) more.push_back(example(i % 2 == 1, "T002"));
        std::vector<const session::AttemptRecord*> second;
        for (const auto& r : more) second.push_back(&r);
        must(store_->add_attempts(*admin_, second));
    }

    // The whole outbox in batches of `limit`, by the store and by the reference, the store's
    // into one object filled again each time.
    void expect_same(std::size_t limit, OutboxBatch& reused) {
        std::int64_t after = 0;
        for (int n = 0; n < 1000; ++n) {
            const OutboxBatch want = reference(db(), after, limit);
            ASSERT_TRUE(outbox_batch(*store_, *admin_, "hub", after, limit, reused).ok());
            ASSERT_EQ(dump(reused), dump(want)) << "batch of " << limit << " after " << after;
            const auto fresh = must(outbox_batch(*store_, *admin_, "hub", after, limit));
            ASSERT_EQ(dump(fresh), dump(want)) << "batch of " << limit << " after " << after;
            if (want.outbox_ids.empty()) return;
            after = want.last_id;
        }
        FAIL() << "the outbox did not end";
    }

    std::vector<std::string> uuids_;
};

TEST_F(OutboxBatchRead, EqualsItemByItemAtEveryBatchSize) {
    fill();
    const auto all = reference(db(), 0, 100000);
    // The mix this test is about.
    EXPECT_EQ(all.attempts.size(), 11u);
    EXPECT_GE(all.results.size(), 10u + 4u) << "originals and re-scores";
    EXPECT_EQ(all.overrides.size(), 2u);
    EXPECT_GE(all.people.size(), 5u);
    EXPECT_EQ(all.assignments.size(), 1u);
    std::size_t without = 0;
    for (const auto& a : all.attempts) {
        bool has = false;
        for (const auto& r : all.results)
            has |= r.fields.original && r.fields.attempt_uuid == a.fields.uuid;
        without += !has;
    }
    EXPECT_EQ(without, 1u) << "one attempt has no original result (a re-score only)";
    OutboxBatch reused;
    for (std::size_t limit : {1000u, 1u, 2u, 3u, 5u, 7u, 13u, 1000u, 4u})
        expect_same(limit, reused);
}

TEST_F(OutboxBatchRead, ItemsDeliveredInsideTheRangeAreLeftOut) {
    fill();
    // Some attempt items (and others) delivered already, as a killed sync with other batch
    // sizes leaves them: a batch's range reaches over them.
    auto pending = must(store_->outbox_pending(*admin_, "hub", 100000));
    std::vector<std::int64_t> some;
    for (std::size_t i = 0; i < pending.size(); ++i)
        if (i % 3 == 1) some.push_back(pending[i].id);
    ASSERT_FALSE(some.empty());
    must(store_->mark_delivered(*admin_, "hub", some));
    OutboxBatch reused;
    for (std::size_t limit : {1u, 2u, 4u, 1000u}) expect_same(limit, reused);
    const auto rest = must(outbox_batch(*store_, *admin_, "hub", 0, 100000));
    EXPECT_EQ(rest.outbox_ids.size(), pending.size() - some.size());
}

TEST_F(OutboxBatchRead, AnAttemptItemWithoutItsAttemptIsAnError) {
    fill();
    // An outbox item naming an attempt the file does not hold (written behind the store's back).
    sqlite3_exec(db().handle(),
                 "INSERT INTO outbox (kind, ref, created_at_ms) VALUES ('attempt', "
                 "'00000000-0000-4000-8000-000000000000', 0)",
                 nullptr, nullptr, nullptr);
    auto all = outbox_batch(*store_, *admin_, "hub", 0, 100000);
    ASSERT_FALSE(all.ok());
    EXPECT_EQ(all.error().code, ErrorCode::Corrupt);
    EXPECT_NE(all.error().message.find("00000000-0000-4000-8000-000000000000"), std::string::npos)
        << all.error().message;
}

}  // namespace
