// The audit (audit.h).
#include "audit.h"

#include "chain.h"
#include "replay.h"
#include "sim/session/hash.h"
#include "store_internal.h"

namespace dd::store {

namespace {

// Every trigger the schema creates to keep records append-only.
std::vector<std::string> expected_triggers() {
    std::vector<std::string> out;
    for (const char* t : {"attempts", "results", "criterion_results", "overrides", "snapshots",
                          "catalogue_criteria", "outbox", "outbox_delivered", "review_marks",
                          "attempt_detection", "site_profiles", "site_profile_settings",
                          "attempt_site_profiles"}) {
        out.push_back(std::string(t) + "_append_only_u");
        out.push_back(std::string(t) + "_append_only_d");
    }
    out.push_back("people_uuid_fixed");
    out.push_back("people_never_deleted");
    return out;
}

void check_attempts(sql::Db& db, AuditReport& rep) {
    auto q = db.query(std::string("SELECT ") + kChainedAttemptColumns +
                      " FROM attempts a LEFT JOIN people p ON p.id = a.trainee_id "
                      "LEFT JOIN people rb ON rb.id = a.recorded_by ORDER BY a.seq");
    std::string prev(kGenesisHash);
    std::int64_t expect_seq = 1;
    bool reported = false;
    while (q.step()) {
        ++rep.attempts;
        AttemptFields f;
        f.prev = prev;
        read_chained_attempt(q, f);
        const std::string stored = q.text(29);
        std::string problem;
        if (f.seq != expect_seq)
            problem = f.seq > expect_seq
                          ? "attempts #" + std::to_string(expect_seq) + "…#" +
                                std::to_string(f.seq - 1) + " are missing (removed by hand)"
                          : "out of sequence";
        else if (attempt_hash(f) != stored)
            problem =
                "its hash does not match its content: this row (or the one before it) was "
                "changed after it was written";
        if (!problem.empty()) {
            ++rep.mismatched_rows;
            if (!reported)
                rep.issues.push_back(
                    {"attempt", f.seq, f.uuid,
                     "attempt #" + std::to_string(f.seq) + " (" + f.uuid + "): " + problem});
            reported = true;
        }
        prev = stored;
        expect_seq = f.seq + 1;
    }
    rep.attempts_head = prev;
}

void check_results(sql::Db& db, AuditReport& rep) {
    auto q = db.query(std::string("SELECT ") + kChainedResultColumns +
                      " FROM results r LEFT JOIN attempts a ON a.seq = r.attempt_seq "
                      "LEFT JOIN people p ON p.id = r.created_by ORDER BY r.id");
    std::string prev(kGenesisHash);
    bool reported = false;
    while (q.step()) {
        ++rep.results;
        ResultFields f;
        f.prev = prev;
        read_chained_result(q, f);
        const std::string stored = q.text(13);
        auto c = db.query(
            "SELECT criterion_id, points, max_points, passed, critical FROM criterion_results "
            "WHERE result_id = ?1 ORDER BY position");
        c.with(f.id);
        while (c.step())
            f.criteria.push_back({c.text(0), "", "", c.i32(1), c.i32(2), c.b(3), c.b(4)});
        if (result_hash(f) != stored) {
            ++rep.mismatched_rows;
            if (!reported)
                rep.issues.push_back({"result", f.id, f.attempt_uuid,
                                      "result #" + std::to_string(f.id) + " of attempt " +
                                          f.attempt_uuid +
                                          ": its hash does not match its content: this result "
                                          "(its criteria, or the one before it) was changed after "
                                          "it was written"});
            reported = true;
        }
        prev = stored;
    }
    rep.results_head = prev;
}

void check_overrides(sql::Db& db, AuditReport& rep) {
    auto q = db.query(
        "SELECT o.id, o.uuid, a.uuid, r.catalogue_hash, r.lexicon_hash, o.criterion_id, o.points, "
        "o.passed, o.reason, p.uuid, o.created_at_ms, o.hash FROM overrides o "
        "LEFT JOIN results r ON r.id = o.result_id LEFT JOIN attempts a ON a.seq = r.attempt_seq "
        "LEFT JOIN people p ON p.id = o.supervisor_id ORDER BY o.id");
    std::string prev(kGenesisHash);
    bool reported = false;
    while (q.step()) {
        ++rep.overrides;
        OverrideFields f;
        f.prev = prev;
        f.id = q.i64(0);
        f.uuid = q.text(1);
        f.attempt_uuid = q.text(2);
        f.catalogue_hash = q.text(3);
        f.lexicon_hash = q.text(4);
        f.criterion_id = q.text(5);
        f.points = q.i64(6);
        f.passed = q.b(7);
        f.reason = q.text(8);
        f.supervisor_uuid = q.text(9);
        f.created_at_ms = q.i64(10);
        const std::string stored = q.text(11);
        if (override_hash(f) != stored) {
            ++rep.mismatched_rows;
            if (!reported)
                rep.issues.push_back({"override", f.id, f.uuid,
                                      "override #" + std::to_string(f.id) + " (" + f.uuid +
                                          "): its hash does not match its content: it (or the "
                                          "one before it) was changed after it was written"});
            reported = true;
        }
        prev = stored;
    }
    rep.overrides_head = prev;
}

}  // namespace

Result<AuditReport> audit(Store& store, const Principal& who, const AuditOptions& options) {
    auto rep = StoreAccess::run(store, [&](sql::Db& db) -> Result<AuditReport> {
        StoreAccess::require(store, db, who, Role::Supervisor);
        AuditReport r;
        sql::Txn snapshot(db, false);  // one consistent view of every table
        {
            auto ic = db.query("PRAGMA integrity_check");
            while (ic.step()) {
                const std::string line = ic.text(0);
                if (line != "ok") {
                    r.issues.push_back({"integrity", 0, "", "SQLite integrity check: " + line});
                    break;
                }
            }
        }
        for (const auto& t : expected_triggers()) {
            if (!db.query("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?1")
                     .with(t)
                     .step())
                r.issues.push_back(
                    {"trigger", 0, t,
                     "the trigger " + t + " that keeps records append-only was removed"});
        }
        check_attempts(db, r);
        check_results(db, r);
        check_overrides(db, r);
        auto s = db.query("SELECT hash, kind, name, text FROM snapshots ORDER BY hash");
        while (s.step()) {
            ++r.snapshots;
            if (session::sha256_hex(s.view(3)) != s.view(0))
                r.issues.push_back({"snapshot", 0, s.text(0),
                                    "the " + s.text(1) + " snapshot " + s.text(0) + " (" +
                                        s.text(2) +
                                        ") no longer hashes to its name: its text "
                                        "was changed"});
        }
        return r;
    });
    if (!rep || !options.replay) return rep;
    // Replays, one attempt at a time through the API (each a consistent read).
    auto all = store.attempts(who, {});
    if (!all) return all.error();
    for (auto it = all->rbegin(); it != all->rend(); ++it) {
        if (!it->result) continue;
        auto rb = store.rebuild(who, it->uuid);
        ++rep->replayed;
        if (!rb || !rb->matches) {
            ++rep->mismatched_rows;
            rep->issues.push_back({"replay", it->seq, it->uuid,
                                   "attempt #" + std::to_string(it->seq) + " (" + it->uuid +
                                       ") does not replay to its stored result: " +
                                       (rb ? rb->mismatch : rb.error().message)});
            break;
        }
    }
    return rep;
}

}  // namespace dd::store
