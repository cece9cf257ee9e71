// The store's side of a sync (sync.h): the outbox read in batches with its rows, the chain
// heads, snapshots and catalogue criteria by hash, the record of sync runs.
#include "sync.h"

#include <algorithm>
#include <optional>

#include "sim/session/hash.h"
#include "store_internal.h"
#include "write.h"

namespace dd::store {

namespace {

// A result by local id, without its criterion scores (fill_criteria reads a batch's at once).
std::optional<ExportedResult> read_result(sql::Db& db, std::int64_t id) {
    auto q = db.query(std::string("SELECT ") + kChainedResultColumns +
                      " FROM results r JOIN attempts a ON a.seq = r.attempt_seq JOIN people p ON "
                      "p.id = r.created_by WHERE r.id = ?1");
    q.with(id);
    if (!q.step()) return std::nullopt;
    std::optional<ExportedResult> out(std::in_place);
    read_chained_result(q, out->fields);
    out->hash = q.text(13);
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

namespace {

// A text column into a string kept from an earlier batch (its room used again: a batch's
// strings are ~10 MB, and memory taken anew each batch cost the reader more than its queries).
void put(std::string& s, const sql::Query& q, int col) {
    const std::string_view v = q.view(col);
    s.assign(v.data(), v.size());
}

}  // namespace

void read_chained_result(const sql::Query& q, ResultFields& f, int col) {
    f.id = q.i64(col);
    put(f.attempt_uuid, q, col + 1);
    put(f.catalogue_hash, q, col + 2);
    put(f.lexicon_hash, q, col + 3);
    f.original = q.b(col + 4);
    put(f.catalogue_version, q, col + 5);
    f.score = q.i64(col + 6);
    f.max_points = q.i64(col + 7);
    f.pass_mark = q.i64(col + 8);
    f.passed = q.b(col + 9);
    put(f.critical_failed, q, col + 10);
    put(f.created_by_uuid, q, col + 11);
    f.created_at_ms = q.i64(col + 12);
}

void read_chained_attempt(const sql::Query& q, AttemptFields& f) {
    f.seq = q.i64(0);
    put(f.uuid, q, 1);
    put(f.trainee_uuid, q, 2);
    put(f.site, q, 3);
    put(f.cohort, q, 4);
    put(f.scenario_id, q, 5);
    f.scenario_version = q.i64(6);
    put(f.category, q, 7);
    put(f.scenario_hash, q, 8);
    put(f.lexicon_hash, q, 9);
    put(f.catalogue_hash, q, 10);
    put(f.mode, q, 11);
    f.choice_mode = q.b(12);
    put(f.origin, q, 13);
    put(f.ending, q, 14);
    f.seed = q.i64(15);
    f.started_at_ms = q.i64(16);
    f.ended_at_ms = q.i64(17);
    f.sim_ms = q.i64(18);
    f.actions = q.i64(19);
    put(f.transcript, q, 20);
    f.kpi = {q.i32(21), q.i32(22), q.i32(23), q.i64(24), q.i32(25), q.i64(26)};
    put(f.recorded_by_uuid, q, 27);
    f.recorded_at_ms = q.i64(28);
    put(f.site_profile_hash, q, 30);
}

namespace {

// The next element of `v` to fill: one left from an earlier batch when there is one.
template <typename T>
T& next_slot(std::vector<T>& v, std::size_t& used) {
    if (used == v.size()) v.emplace_back();
    return v[used++];
}

// The attempts of a batch's attempt items with their original results (when there is one), in
// outbox order: one statement over the batch's id range instead of a lookup per item. Rows of
// items outside the batch (already delivered) come too and are skipped by the caller. The
// attempt's columns are kChainedAttemptColumns; the result's, from kBatchOutboxId + 1, are
// laid out as kChainedResultColumns (its author as rc, the trainee being p here).
const std::string& batch_attempts_sql() {
    static const std::string sql =
        std::string("SELECT ") + kChainedAttemptColumns +
        ", o.id, r.id, a.uuid, r.catalogue_hash, r.lexicon_hash, r.original, "
        "r.catalogue_version, r.score, r.max_points, r.pass_mark, r.passed, r.critical_failed, "
        "rc.uuid, r.created_at_ms, r.hash "
        "FROM outbox o CROSS JOIN attempts a ON a.uuid = o.ref "
        "JOIN people p ON p.id = a.trainee_id JOIN people rb ON rb.id = a.recorded_by "
        "LEFT JOIN results r ON r.attempt_seq = a.seq AND r.original = 1 "
        "LEFT JOIN people rc ON rc.id = r.created_by "
        "WHERE o.id >= ?1 AND o.id <= ?2 AND o.kind = 'attempt' ORDER BY o.id";
    return sql;
}
constexpr int kBatchOutboxId = 31;  // then the result's columns from 32

void fill_attempt(const sql::Query& q, ExportedAttempt& e) {
    read_chained_attempt(q, e.fields);
    put(e.hash, q, 29);
    e.fields.prev.clear();
}

// The columns of kChainedResultColumns from `col` on.
void fill_result(const sql::Query& q, int col, ExportedResult& e) {
    read_chained_result(q, e.fields, col);
    put(e.hash, q, col + 13);
    e.fields.prev.clear();
    e.fields.criteria.clear();
}

// The criterion scores of the batch's results, in position order: a range scan of
// criterion_results (keyed by result id, position) per run of nearby result ids, not a lookup
// per result. `criteria` keeps each result's scores of an earlier batch (their strings' room).
void fill_criteria(sql::Db& db, std::vector<ExportedResult>& results, std::size_t n) {
    std::vector<std::pair<std::int64_t, std::size_t>> ids;  // result id, index in `results`
    ids.reserve(n);
    for (std::size_t i = 0; i < n; ++i) ids.emplace_back(results[i].fields.id, i);
    std::sort(ids.begin(), ids.end());
    // Runs of ids no more than kGap apart: a run's scan reads few scores of other results.
    constexpr std::int64_t kGap = 64;
    std::vector<std::size_t> used(n, 0);  // scores filled per result
    for (std::size_t lo = 0; lo < ids.size();) {
        std::size_t hi = lo;
        while (hi + 1 < ids.size() && ids[hi + 1].first - ids[hi].first <= kGap) ++hi;
        auto q = db.query(
            "SELECT result_id, criterion_id, points, max_points, passed, critical FROM "
            "criterion_results WHERE result_id >= ?1 AND result_id <= ?2 "
            "ORDER BY result_id, position");
        q.with(ids[lo].first, ids[hi].first);
        std::size_t at = lo;
        while (q.step()) {
            const std::int64_t rid = q.i64(0);
            while (at <= hi && ids[at].first < rid) ++at;
            if (at > hi) break;
            if (ids[at].first != rid) continue;  // a result outside the batch
            // The same result twice in the batch (an item named twice): each gets the scores.
            for (std::size_t k = at; k <= hi && ids[k].first == rid; ++k) {
                const std::size_t i = ids[k].second;
                auto& cs = results[i].fields.criteria;
                CriterionScore& c = next_slot(cs, used[i]);
                put(c.id, q, 1);
                c.title.clear();
                c.category.clear();
                c.points = q.i32(2);
                c.max_points = q.i32(3);
                c.passed = q.b(4);
                c.critical = q.b(5);
            }
        }
        lo = hi + 1;
    }
    for (std::size_t i = 0; i < n; ++i) results[i].fields.criteria.resize(used[i]);
}

}  // namespace

Status outbox_batch(Store& store, const Principal& who, std::string_view target,
                    std::int64_t after_id, std::size_t limit, OutboxBatch& b) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Status {
        StoreAccess::require(store, db, who, Role::Admin);
        sql::Txn read(db, false);  // one snapshot of the file for the whole batch
        auto q = db.query(
            "SELECT o.id, o.kind, o.ref FROM outbox o WHERE o.id > ?1 AND NOT EXISTS "
            "(SELECT 1 FROM outbox_delivered d WHERE d.outbox_id = o.id AND d.target = ?2) "
            "ORDER BY o.id LIMIT ?3");
        q.with(after_id, target, static_cast<std::int64_t>(limit));
        enum class Kind { Attempt, Result, Override, Person, Assignment, Other };
        struct Item {
            std::int64_t id;
            Kind kind;
            std::string ref;  // empty for an attempt (read with the batch's range)
        };
        std::vector<Item> items;
        std::int64_t first_attempt = 0, last_attempt = -1;
        while (q.step()) {
            const std::string_view kind = q.view(1);
            Item it{q.i64(0), Kind::Other, {}};
            if (kind == "attempt") {
                it.kind = Kind::Attempt;
                if (last_attempt < 0) first_attempt = it.id;
                last_attempt = it.id;
            } else {
                it.kind = kind == "result"       ? Kind::Result
                          : kind == "override"   ? Kind::Override
                          : kind == "person"     ? Kind::Person
                          : kind == "assignment" ? Kind::Assignment
                                                 : Kind::Other;
                it.ref = q.text(2);
            }
            items.push_back(std::move(it));
        }
        b.outbox_ids.clear();
        b.last_id = 0;
        b.overrides.clear();
        b.people.clear();
        b.assignments.clear();
        b.snapshots.clear();
        b.catalogues.clear();
        std::size_t n_attempts = 0, n_results = 0;
        // The attempt items' rows, stepped in outbox order beside the items.
        std::optional<sql::Query> rows;
        bool row = false;
        if (last_attempt >= 0) {
            rows.emplace(db.query(batch_attempts_sql()));
            rows->with(first_attempt, last_attempt);
            row = rows->step();
        }
        // A person or an assignment changed twice in one batch is sent once, as it is now.
        std::set<std::string> people_seen, assignments_seen;
        for (const Item& it : items) {
            b.outbox_ids.push_back(it.id);
            b.last_id = it.id;
            switch (it.kind) {
                case Kind::Attempt: {
                    while (row && rows->i64(kBatchOutboxId) < it.id) row = rows->step();
                    if (!row || rows->i64(kBatchOutboxId) != it.id)
                        sql::fail(ErrorCode::Corrupt,
                                  "outbox item " + std::to_string(it.id) +
                                      " names a missing attempt " +
                                      db.query("SELECT ref FROM outbox WHERE id = ?1")
                                          .with(it.id)
                                          .scalar_text()
                                          .value_or(""));
                    ExportedAttempt& a = next_slot(b.attempts, n_attempts);
                    fill_attempt(*rows, a);
                    b.snapshots.insert(a.fields.scenario_hash);
                    b.snapshots.insert(a.fields.lexicon_hash);
                    if (!a.fields.catalogue_hash.empty())
                        b.snapshots.insert(a.fields.catalogue_hash);
                    // The original result (the first, were there more than one), when there
                    // is one whose author is known.
                    if (!rows->null(kBatchOutboxId + 1) && !rows->null(kBatchOutboxId + 12)) {
                        ExportedResult& r = next_slot(b.results, n_results);
                        fill_result(*rows, kBatchOutboxId + 1, r);
                        b.catalogues.insert(r.fields.catalogue_hash);
                    }
                    // Further rows of the same item (more original results) are passed over.
                    while ((row = rows->step()) && rows->i64(kBatchOutboxId) == it.id) {
                    }
                    break;
                }
                case Kind::Result: {
                    auto r = read_result(db, std::stoll(it.ref));
                    if (!r)
                        sql::fail(ErrorCode::Corrupt, "outbox item " + std::to_string(it.id) +
                                                          " names a missing result " + it.ref);
                    b.snapshots.insert(r->fields.catalogue_hash);
                    b.snapshots.insert(r->fields.lexicon_hash);
                    b.catalogues.insert(r->fields.catalogue_hash);
                    next_slot(b.results, n_results) = std::move(*r);  // scores: below
                    break;
                }
                case Kind::Override: {
                    auto o = read_override(db, it.ref);
                    if (!o)
                        sql::fail(ErrorCode::Corrupt, "outbox item " + std::to_string(it.id) +
                                                          " names a missing override " + it.ref);
                    b.overrides.push_back(std::move(*o));
                    break;
                }
                case Kind::Person:
                    if (!people_seen.insert(it.ref).second) break;
                    if (auto p = person_by_uuid(db, it.ref)) b.people.push_back(std::move(*p));
                    break;
                case Kind::Assignment:
                    if (!assignments_seen.insert(it.ref).second) break;
                    if (auto a = read_assignment_row(db, it.ref))
                        b.assignments.push_back(std::move(*a));
                    break;
                case Kind::Other:  // for other targets (an LRS): covered, nothing to send
                    break;
            }
        }
        rows.reset();
        b.attempts.resize(n_attempts);
        b.results.resize(n_results);
        fill_criteria(db, b.results, n_results);
        return Ok{};
    });
}

Result<OutboxBatch> outbox_batch(Store& store, const Principal& who, std::string_view target,
                                 std::int64_t after_id, std::size_t limit) {
    OutboxBatch b;
    auto st = outbox_batch(store, who, target, after_id, limit, b);
    if (!st) return st.error();
    return b;
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
