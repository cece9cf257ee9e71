// The store's side of a sync (sync.h): the outbox read in batches with its rows, the chain
// heads, snapshots and catalogue criteria by hash, the record of sync runs.
#include "sync.h"

#include "sim/session/hash.h"
#include "store_internal.h"
#include "write.h"

namespace dd::store {

namespace {

// A result's criterion scores in position order; titles and categories are not read (the
// catalogue's titles travel on their own: catalogue_criteria).
void read_criteria(sql::Db& db, std::int64_t result_id, std::vector<CriterionScore>& out) {
    auto q = db.query(
        "SELECT criterion_id, points, max_points, passed, critical FROM criterion_results "
        "WHERE result_id = ?1 ORDER BY position");
    q.with(result_id);
    while (q.step()) out.push_back({q.text(0), {}, {}, q.i32(1), q.i32(2), q.b(3), q.b(4)});
}

// A result by local id, or the original result of an attempt seq (by_attempt).
std::optional<ExportedResult> read_result(sql::Db& db, std::int64_t key, bool by_attempt) {
    auto q = db.query(std::string("SELECT ") + kChainedResultColumns +
                      " FROM results r JOIN attempts a ON a.seq = r.attempt_seq JOIN people p ON "
                      "p.id = r.created_by WHERE " +
                      (by_attempt ? "r.attempt_seq = ?1 AND r.original = 1" : "r.id = ?1"));
    q.with(key);
    if (!q.step()) return std::nullopt;
    std::optional<ExportedResult> out(std::in_place);  // built in place, never copied
    ExportedResult& e = *out;
    ResultFields& f = e.fields;
    read_chained_result(q, f);
    e.hash = q.text(13);
    read_criteria(db, f.id, f.criteria);
    return out;
}

std::optional<ExportedAttempt> read_attempt(sql::Db& db, const std::string& uuid) {
    auto q =
        db.query(std::string("SELECT ") + kChainedAttemptColumns +
                 " FROM attempts a JOIN people p ON p.id = a.trainee_id JOIN people rb ON rb.id = "
                 "a.recorded_by WHERE a.uuid = ?1");
    q.with(uuid);
    if (!q.step()) return std::nullopt;
    std::optional<ExportedAttempt> out(std::in_place);  // built in place (a transcript is large)
    ExportedAttempt& e = *out;
    AttemptFields& f = e.fields;
    read_chained_attempt(q, f);
    e.hash = q.text(29);
    return out;
}

std::optional<ExportedOverride> read_override(sql::Db& db, const std::string& uuid) {
    auto q = db.query(
        "SELECT o.id, o.uuid, o.result_id, a.uuid, r.catalogue_hash, r.lexicon_hash, "
        "o.criterion_id, o.points, o.passed, o.reason, p.uuid, o.created_at_ms, o.hash "
        "FROM overrides o JOIN results r ON r.id = o.result_id "
        "JOIN attempts a ON a.seq = r.attempt_seq JOIN people p ON p.id = o.supervisor_id "
        "WHERE o.uuid = ?1");
    q.with(uuid);
    if (!q.step()) return std::nullopt;
    ExportedOverride e;
    OverrideFields& f = e.fields;
    f.id = q.i64(0);
    f.uuid = q.text(1);
    e.result_id = q.i64(2);
    f.attempt_uuid = q.text(3);
    f.catalogue_hash = q.text(4);
    f.lexicon_hash = q.text(5);
    f.criterion_id = q.text(6);
    f.points = q.i64(7);
    f.passed = q.b(8);
    f.reason = q.text(9);
    f.supervisor_uuid = q.text(10);
    f.created_at_ms = q.i64(11);
    e.hash = q.text(12);
    return e;
}

std::optional<Person> person_by_uuid(sql::Db& db, const std::string& uuid) {
    auto q = db.query(std::string("SELECT ") + kPersonColumns + " FROM people WHERE uuid = ?1");
    q.with(uuid);
    if (!q.step()) return std::nullopt;
    return read_person(q);
}

std::optional<ExportedAssignment> read_assignment_row(sql::Db& db, const std::string& uuid) {
    auto q = db.query(std::string("SELECT ") + kAssignmentColumns +
                      ", coalesce(t.uuid, ''), c.uuid FROM assignments a "
                      "LEFT JOIN people t ON t.id = a.trainee_id "
                      "JOIN people c ON c.id = a.created_by WHERE a.uuid = ?1");
    q.with(uuid);
    if (!q.step()) return std::nullopt;
    ExportedAssignment e;
    e.assignment = read_assignment(db, q);
    e.trainee_uuid = q.text(15);
    e.created_by_uuid = q.text(16);
    return e;
}

}  // namespace

void read_chained_result(const sql::Query& q, ResultFields& f) {
    f.id = q.i64(0);
    f.attempt_uuid = q.text(1);
    f.catalogue_hash = q.text(2);
    f.lexicon_hash = q.text(3);
    f.original = q.b(4);
    f.catalogue_version = q.text(5);
    f.score = q.i64(6);
    f.max_points = q.i64(7);
    f.pass_mark = q.i64(8);
    f.passed = q.b(9);
    f.critical_failed = q.text(10);
    f.created_by_uuid = q.text(11);
    f.created_at_ms = q.i64(12);
}

void read_chained_attempt(const sql::Query& q, AttemptFields& f) {
    f.seq = q.i64(0);
    f.uuid = q.text(1);
    f.trainee_uuid = q.text(2);
    f.site = q.text(3);
    f.cohort = q.text(4);
    f.scenario_id = q.text(5);
    f.scenario_version = q.i64(6);
    f.category = q.text(7);
    f.scenario_hash = q.text(8);
    f.lexicon_hash = q.text(9);
    f.catalogue_hash = q.text(10);
    f.mode = q.text(11);
    f.choice_mode = q.b(12);
    f.origin = q.text(13);
    f.ending = q.text(14);
    f.seed = q.i64(15);
    f.started_at_ms = q.i64(16);
    f.ended_at_ms = q.i64(17);
    f.sim_ms = q.i64(18);
    f.actions = q.i64(19);
    f.transcript = q.text(20);
    f.kpi = {q.i32(21), q.i32(22), q.i32(23), q.i64(24), q.i32(25), q.i64(26)};
    f.recorded_by_uuid = q.text(27);
    f.recorded_at_ms = q.i64(28);
    f.site_profile_hash = q.text(30);
}

Result<OutboxBatch> outbox_batch(Store& store, const Principal& who, std::string_view target,
                                 std::int64_t after_id, std::size_t limit) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<OutboxBatch> {
        StoreAccess::require(store, db, who, Role::Admin);
        sql::Txn read(db, false);  // one snapshot of the file for the whole batch
        auto q = db.query(
            "SELECT o.id, o.kind, o.ref FROM outbox o WHERE o.id > ?1 AND NOT EXISTS "
            "(SELECT 1 FROM outbox_delivered d WHERE d.outbox_id = o.id AND d.target = ?2) "
            "ORDER BY o.id LIMIT ?3");
        q.with(after_id, target, static_cast<std::int64_t>(limit));
        struct Item {
            std::int64_t id;
            std::string kind, ref;
        };
        std::vector<Item> items;
        while (q.step()) items.push_back({q.i64(0), q.text(1), q.text(2)});
        OutboxBatch b;
        b.attempts.reserve(items.size());
        b.results.reserve(items.size());
        // A person or an assignment changed twice in one batch is sent once, as it is now.
        std::set<std::string> people_seen, assignments_seen;
        for (const Item& it : items) {
            b.outbox_ids.push_back(it.id);
            b.last_id = it.id;
            if (it.kind == "attempt") {
                auto a = read_attempt(db, it.ref);
                if (!a)
                    sql::fail(ErrorCode::Corrupt, "outbox item " + std::to_string(it.id) +
                                                      " names a missing attempt " + it.ref);
                b.snapshots.insert(a->fields.scenario_hash);
                b.snapshots.insert(a->fields.lexicon_hash);
                if (!a->fields.catalogue_hash.empty()) b.snapshots.insert(a->fields.catalogue_hash);
                if (auto r = read_result(db, a->fields.seq, true)) {
                    b.catalogues.insert(r->fields.catalogue_hash);
                    b.results.push_back(std::move(*r));
                }
                b.attempts.push_back(std::move(*a));
            } else if (it.kind == "result") {
                auto r = read_result(db, std::stoll(it.ref), false);
                if (!r)
                    sql::fail(ErrorCode::Corrupt, "outbox item " + std::to_string(it.id) +
                                                      " names a missing result " + it.ref);
                b.snapshots.insert(r->fields.catalogue_hash);
                b.snapshots.insert(r->fields.lexicon_hash);
                b.catalogues.insert(r->fields.catalogue_hash);
                b.results.push_back(std::move(*r));
            } else if (it.kind == "override") {
                auto o = read_override(db, it.ref);
                if (!o)
                    sql::fail(ErrorCode::Corrupt, "outbox item " + std::to_string(it.id) +
                                                      " names a missing override " + it.ref);
                b.overrides.push_back(std::move(*o));
            } else if (it.kind == "person") {
                if (!people_seen.insert(it.ref).second) continue;
                if (auto p = person_by_uuid(db, it.ref)) b.people.push_back(std::move(*p));
            } else if (it.kind == "assignment") {
                if (!assignments_seen.insert(it.ref).second) continue;
                if (auto a = read_assignment_row(db, it.ref))
                    b.assignments.push_back(std::move(*a));
            }
            // Other kinds are for other targets (an LRS): covered, nothing to send.
        }
        return b;
    });
}

Result<ChainHeads> chain_heads(Store& store, const Principal& who) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<ChainHeads> {
        StoreAccess::require(store, db, who, Role::Admin);
        sql::Txn read(db, false);
        ChainHeads h;
        const ChainTail a = chain_tail(db, kLastAttempt);
        const ChainTail r = chain_tail(db, kLastResult);
        const ChainTail o = chain_tail(db, kLastOverride);
        h.attempt_seq = a.next - 1, h.attempt_hash = a.prev;
        h.result_id = r.next - 1, h.result_hash = r.prev;
        h.override_id = o.next - 1, h.override_hash = o.prev;
        return h;
    });
}

Result<SnapshotRow> snapshot_row(Store& store, const Principal& who, std::string_view hash) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<SnapshotRow> {
        StoreAccess::require(store, db, who, Role::Admin);
        auto q = db.query("SELECT hash, kind, name, version, text FROM snapshots WHERE hash = ?1");
        q.with(hash);
        if (!q.step()) return Error{ErrorCode::NotFound, "no snapshot " + std::string(hash)};
        return SnapshotRow{{q.text(0), q.text(1), q.text(2), q.text(3)}, q.text(4)};
    });
}

Result<std::vector<CatalogueCriterion>> catalogue_criteria(Store& store, const Principal& who,
                                                           std::string_view catalogue_hash) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<std::vector<CatalogueCriterion>> {
        StoreAccess::require(store, db, who, Role::Admin);
        auto q = db.query(
            "SELECT criterion_id, title, category FROM catalogue_criteria "
            "WHERE catalogue_hash = ?1 ORDER BY criterion_id");
        q.with(catalogue_hash);
        std::vector<CatalogueCriterion> out;
        while (q.step()) out.push_back({q.text(0), q.text(1), q.text(2)});
        return out;
    });
}

Status record_sync(Store& store, const Principal& who, const SyncRun& run) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Status {
        StoreAccess::require(store, db, who, Role::Admin);
        db.query(
              "INSERT INTO sync_runs (target, hub, started_at_ms, finished_at_ms, ok, pushed, "
              "pulled, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .with(run.target, run.hub, run.started_at_ms, run.finished_at_ms, run.ok, run.pushed,
                  run.pulled, run.message)
            .run();
        return Ok{};
    });
}

Result<SyncState> sync_state(Store& store, const Principal& who, std::string_view target) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<SyncState> {
        StoreAccess::require(store, db, who, Role::Trainee);
        auto read = [&](const char* sql) -> std::optional<SyncRun> {
            auto q = db.query(sql);
            q.with(target);
            if (!q.step()) return std::nullopt;
            return SyncRun{q.text(0), q.text(1), q.i64(2), q.i64(3),
                           q.b(4),    q.i64(5),  q.i64(6), q.text(7)};
        };
        SyncState s;
        s.last_ok = read(
            "SELECT target, hub, started_at_ms, finished_at_ms, ok, pushed, pulled, message "
            "FROM sync_runs WHERE target = ?1 AND ok = 1 ORDER BY finished_at_ms DESC, id DESC "
            "LIMIT 1");
        s.last_run = read(
            "SELECT target, hub, started_at_ms, finished_at_ms, ok, pushed, pulled, message "
            "FROM sync_runs WHERE target = ?1 ORDER BY finished_at_ms DESC, id DESC LIMIT 1");
        s.pending = db.query(
                          "SELECT count(*) FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM "
                          "outbox_delivered d WHERE d.outbox_id = o.id AND d.target = ?1)")
                        .with(target)
                        .scalar_i64()
                        .value_or(0);
        return s;
    });
}

}  // namespace dd::store
