// Assignments, named sets and the refresher schedule (assignments.h).
#include "assignments.h"

#include "sim/session/hash.h"
#include "store_internal.h"
#include "write.h"

namespace dd::store {

Assignment read_assignment(sql::Db& db, const sql::Query& q) {
    Assignment a;
    a.id = q.i64(0);
    a.uuid = q.text(1);
    a.trainee = q.text(2);
    a.cohort = q.text(3);
    a.site = q.text(4);
    a.mode = session::mode_from_name(q.view(5)).value_or(session::Mode::Practice);
    a.choice_allowed = q.b(6);
    a.starts_at_ms = q.i64(7);
    a.due_at_ms = q.opt_i64(8);
    if (!q.null(9)) a.every_days = q.i32(9);
    a.set_name = q.text(10);
    a.note = q.text(11);
    a.created_by = q.text(12);
    a.created_at_ms = q.i64(13);
    a.cancelled_at_ms = q.opt_i64(14);
    auto items = db.query("SELECT scenario_id FROM assignment_items WHERE assignment_id = ?1 "
                          "ORDER BY position");
    items.with(a.id);
    while (items.step()) a.scenarios.push_back(items.text(0));
    return a;
}

namespace {

constexpr std::int64_t kDayMs = 86400000;

std::vector<std::string> set_items(sql::Db& db, const std::string& name) {
    auto q = db.query(
        "SELECT i.scenario_id FROM scenario_set_items i JOIN scenario_sets s ON s.id = i.set_id "
        "WHERE s.name = ?1 ORDER BY i.position");
    q.with(name);
    std::vector<std::string> out;
    while (q.step()) out.push_back(q.text(0));
    return out;
}

// Who an assignment applies to: its trainee, or the active trainees of its cohort (at its site,
// or at every site when the site is ''). `p` is the person, `a` the assignment.
constexpr const char* kAppliesTo =
    "(p.id = a.trainee_id OR (a.trainee_id IS NULL AND p.role = 'trainee' AND p.active = 1 AND "
    "p.cohort = a.cohort AND (a.site = '' OR p.site = a.site)))";

// Attempts `t` that count for assignment `a`, trainee `p`, item `i` (the rule of assignments.h).
constexpr const char* kCounts =
    "t.trainee_id = p.id AND t.scenario_id = i.scenario_id AND t.mode = a.mode AND "
    "t.ended_at_ms >= a.starts_at_ms AND (t.choice_mode = 0 OR a.choice_allowed = 1) AND "
    "((a.mode = 'practice' AND t.origin IN ('proctored', 'imported') AND t.ending <> "
    "'abandoned') OR (a.mode = 'assessment' AND t.origin = 'proctored') OR "
    "(a.mode = 'refresher' AND t.origin = 'proctored' AND t.ending <> 'abandoned'))";

Where assignment_where(const Principal& who, const AssignmentFilter& f) {
    Where w;
    w.add_raw("a.cancelled_at_ms IS NULL");
    if (!who.staff())
        w.add("p.id = ?", who.person_id());
    if (!f.trainee.empty()) w.add("p.employee_no = ?", f.trainee);
    if (!f.site.empty()) w.add("p.site = ?", f.site);
    if (!f.cohort.empty()) w.add("p.cohort = ?", f.cohort);
    return w;
}

}  // namespace

Status define_scenario_set(Store& store, const Principal& who, const std::string& name,
                           const std::vector<std::string>& scenarios) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Status {
        StoreAccess::require(store, db, who, Role::Supervisor);
        if (name.empty()) sql::fail(ErrorCode::BadInput, "a set needs a name");
        if (scenarios.empty()) sql::fail(ErrorCode::BadInput, "a set needs at least one scenario");
        sql::Txn txn(db);
        auto id = db.query("SELECT id FROM scenario_sets WHERE name = ?1").with(name).scalar_i64();
        if (id) {
            db.query("DELETE FROM scenario_set_items WHERE set_id = ?1").with(*id).run();
        } else {
            db.query("INSERT INTO scenario_sets (name, created_by, created_at_ms) VALUES (?1, ?2, ?3)")
                .with(name, who.person_id(), session::wall_clock_ms())
                .run();
            id = db.last_insert_rowid();
        }
        for (std::size_t i = 0; i < scenarios.size(); ++i)
            db.query("INSERT INTO scenario_set_items (set_id, position, scenario_id) VALUES (?1, ?2, ?3)")
                .with(*id, static_cast<std::int64_t>(i), scenarios[i])
                .run();
        txn.commit();
        return Ok{};
    });
}

Result<std::vector<std::string>> scenario_set(Store& store, const Principal& who,
                                              const std::string& name) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<std::vector<std::string>> {
        StoreAccess::require(store, db, who, Role::Trainee);
        auto items = set_items(db, name);
        if (items.empty()) return Error{ErrorCode::NotFound, "no scenario set '" + name + "'"};
        return items;
    });
}

Result<Assignment> assign(Store& store, const Principal& who, const NewAssignment& n) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<Assignment> {
        StoreAccess::require(store, db, who, Role::Supervisor);
        if (n.trainee.empty() == n.cohort.empty())
            sql::fail(ErrorCode::BadInput, "assign to one trainee or to one cohort");
        if (!n.scenarios.empty() && !n.set_name.empty())
            sql::fail(ErrorCode::BadInput, "give scenarios or a set, not both");
        if (n.every_days && *n.every_days <= 0)
            sql::fail(ErrorCode::BadInput, "a refresher interval is a positive number of days");
        if (n.every_days && n.mode != session::Mode::Refresher)
            sql::fail(ErrorCode::BadInput, "only refresher drills recur (--mode refresher)");
        std::vector<std::string> items = n.scenarios;
        if (!n.set_name.empty()) {
            items = set_items(db, n.set_name);
            if (items.empty()) sql::fail(ErrorCode::NotFound, "no scenario set '" + n.set_name + "'");
        }
        if (items.empty()) sql::fail(ErrorCode::BadInput, "an assignment needs a scenario");
        sql::Txn txn(db);
        std::optional<std::int64_t> trainee_id;
        if (!n.trainee.empty()) {
            auto q = db.query("SELECT id, role FROM people WHERE employee_no = ?1");
            q.with(n.trainee);
            if (!q.step()) sql::fail(ErrorCode::NotFound, "no trainee '" + n.trainee + "'");
            if (q.view(1) != "trainee")
                sql::fail(ErrorCode::BadInput, "'" + n.trainee + "' is not a trainee");
            trainee_id = q.i64(0);
        }
        const std::int64_t now = session::wall_clock_ms();
        const std::string uuid = n.uuid.empty() ? session::new_uuid() : n.uuid;
        db.query(
              "INSERT INTO assignments (uuid, trainee_id, site, cohort, mode, choice_allowed, "
              "starts_at_ms, due_at_ms, every_days, set_name, note, created_by, created_at_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
            .with(uuid, trainee_id,
                  n.cohort.empty() ? std::optional<std::string>() : std::optional(n.site),
                  n.cohort.empty() ? std::optional<std::string>() : std::optional(n.cohort),
                  session::mode_name(n.mode), n.choice_allowed, n.starts_at_ms.value_or(now),
                  n.due_at_ms,
                  n.every_days ? std::optional<std::int64_t>(*n.every_days)
                               : std::optional<std::int64_t>(),
                  n.set_name, n.note, who.person_id(), now)
            .run();
        const std::int64_t id = db.last_insert_rowid();
        for (std::size_t i = 0; i < items.size(); ++i)
            db.query("INSERT INTO assignment_items (assignment_id, position, scenario_id) "
                     "VALUES (?1, ?2, ?3)")
                .with(id, static_cast<std::int64_t>(i), items[i])
                .run();
        add_outbox(db, "assignment", uuid, now);
        txn.commit();
        auto q = db.query(std::string("SELECT ") + kAssignmentColumns +
                          " FROM assignments a LEFT JOIN people t ON t.id = a.trainee_id "
                          "JOIN people c ON c.id = a.created_by WHERE a.id = ?1");
        q.with(id);
        q.step();
        return read_assignment(db, q);
    });
}

Status cancel_assignment(Store& store, const Principal& who, std::int64_t id) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Status {
        StoreAccess::require(store, db, who, Role::Supervisor);
        sql::Txn txn(db);
        auto uuid = db.query("SELECT uuid FROM assignments WHERE id = ?1 AND cancelled_at_ms IS NULL")
                        .with(id)
                        .scalar_text();
        if (!uuid) return Error{ErrorCode::NotFound, "no open assignment #" + std::to_string(id)};
        const std::int64_t now = session::wall_clock_ms();
        db.query("UPDATE assignments SET cancelled_at_ms = ?2 WHERE id = ?1").with(id, now).run();
        add_outbox(db, "assignment", *uuid, now);
        txn.commit();
        return Ok{};
    });
}

Result<std::vector<Assignment>> assignments(Store& store, const Principal& who,
                                            const AssignmentFilter& f) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<std::vector<Assignment>> {
        StoreAccess::require(store, db, who, Role::Trainee);
        const Where w = assignment_where(who, f);
        auto q = db.once(std::string("SELECT DISTINCT ") + kAssignmentColumns +
                         " FROM assignments a LEFT JOIN people t ON t.id = a.trainee_id "
                         "JOIN people c ON c.id = a.created_by LEFT JOIN people p ON " +
                         kAppliesTo + " WHERE " + w.clause() + " ORDER BY a.id");
        w.bind(q, 1);
        std::vector<Assignment> out;
        while (q.step()) out.push_back(read_assignment(db, q));
        return out;
    });
}

Result<std::optional<Assignment>> assignment_by_uuid(Store& store, const Principal& who,
                                                     const std::string& uuid) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<std::optional<Assignment>> {
        StoreAccess::require(store, db, who, Role::Supervisor);
        auto q = db.query(std::string("SELECT ") + kAssignmentColumns +
                          " FROM assignments a LEFT JOIN people t ON t.id = a.trainee_id "
                          "JOIN people c ON c.id = a.created_by WHERE a.uuid = ?1");
        q.with(uuid);
        if (!q.step()) return std::optional<Assignment>();
        return std::optional<Assignment>(read_assignment(db, q));
    });
}

Result<std::vector<AssignmentStatus>> assignment_status(Store& store, const Principal& who,
                                                        const AssignmentFilter& f) {
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<std::vector<AssignmentStatus>> {
        StoreAccess::require(store, db, who, Role::Trainee);
        const std::int64_t now = f.now_ms ? f.now_ms : session::wall_clock_ms();
        const Where w = assignment_where(who, f);
        auto q = db.once(
            std::string("SELECT a.id, a.uuid, p.employee_no, p.name, p.site, p.cohort, "
                        "i.scenario_id, a.mode, a.choice_allowed, a.every_days, a.starts_at_ms, "
                        "a.due_at_ms, (SELECT count(*) FROM attempts t WHERE ") +
            kCounts + "), (SELECT max(t.ended_at_ms) FROM attempts t WHERE " + kCounts +
            ") FROM assignments a JOIN assignment_items i ON i.assignment_id = a.id "
            "JOIN people p ON " + kAppliesTo + " WHERE " + w.clause() +
            " ORDER BY p.site, p.cohort, p.employee_no, a.id, i.position");
        w.bind(q, 1);
        std::vector<AssignmentStatus> out;
        while (q.step()) {
            AssignmentStatus s;
            s.assignment_id = q.i64(0);
            s.assignment_uuid = q.text(1);
            s.trainee = q.text(2);
            s.trainee_name = q.text(3);
            s.site = q.text(4);
            s.cohort = q.text(5);
            s.scenario_id = q.text(6);
            s.mode = session::mode_from_name(q.view(7)).value_or(session::Mode::Practice);
            s.choice_allowed = q.b(8);
            if (!q.null(9)) s.every_days = q.i32(9);
            const std::int64_t starts = q.i64(10);
            const std::optional<std::int64_t> due = q.opt_i64(11);
            s.attempts = q.i32(12);
            s.last_ms = q.opt_i64(13);
            if (s.every_days) {
                const std::int64_t every = *s.every_days * kDayMs;
                s.due_ms = s.last_ms ? *s.last_ms + every : due.value_or(starts + every);
                s.done = s.last_ms && now < *s.due_ms;
            } else {
                s.due_ms = due;
                s.done = s.last_ms.has_value();
            }
            s.overdue = !s.done && s.due_ms && now >= *s.due_ms;
            if (f.overdue_only && !s.overdue) continue;
            if (!f.include_done && s.done) continue;
            out.push_back(std::move(s));
        }
        return out;
    });
}

}  // namespace dd::store
