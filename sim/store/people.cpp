// People, roles and sessions (store.h): trainees, supervisors, admins; argon2id passwords
// (libsodium crypto_pwhash_str); the role checks every call makes.
#include <sodium.h>

#include <algorithm>

#include "sim/session/hash.h"
#include "store_internal.h"

namespace dd::store {

namespace {

constexpr std::size_t kMinPassword = 8;

// argon2id at OWASP's recommended minimum (Password Storage Cheat Sheet: m = 19 MiB, t = 2,
// p = 1): a login verifies in well under 0.1 s, so login → dashboard stays under 300 ms
// (bench_dashboard), where libsodium's INTERACTIVE limits (64 MiB, t = 2) took ~0.24 s of it on
// a two-core desk PC. A hash made with other limits still verifies and is remade at the next
// successful login (Store::login).
constexpr unsigned long long kHashOps = 2;
constexpr std::size_t kHashMemory = std::size_t{19} * 1024 * 1024;

std::string hash_password(std::string_view password) {
    if (sodium_init() < 0) sql::fail(ErrorCode::Io, "libsodium could not be initialised");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), kHashOps, kHashMemory,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        sql::fail(ErrorCode::Io, "out of memory while hashing the password");
    return out;
}

void check_password(std::string_view password) {
    if (password.size() < kMinPassword)
        sql::fail(ErrorCode::BadInput,
                  "a password needs at least " + std::to_string(kMinPassword) + " characters");
}

void check_person(const NewPerson& p) {
    if (p.employee_no.empty()) sql::fail(ErrorCode::BadInput, "an employee number is required");
    if (p.employee_no.find_first_of(" \t\r\n,") != std::string::npos)
        sql::fail(ErrorCode::BadInput,
                  "an employee number has no spaces or commas: '" + p.employee_no + "'");
    if (p.name.empty()) sql::fail(ErrorCode::BadInput, "a name is required");
    if (p.role == Role::Trainee) {
        if (!p.password.empty())
            sql::fail(ErrorCode::BadInput, "trainees have no password (they pick their name)");
    } else {
        check_password(p.password);
    }
}

std::optional<Person> find_person(sql::Db& db, std::string_view employee_no) {
    auto q =
        db.query(std::string("SELECT ") + kPersonColumns + " FROM people WHERE employee_no = ?1");
    q.with(employee_no);
    if (!q.step()) return std::nullopt;
    return read_person(q);
}

Person insert_person(sql::Db& db, const NewPerson& p) {
    check_person(p);
    if (find_person(db, p.employee_no))
        sql::fail(ErrorCode::Conflict, "employee number '" + p.employee_no + "' is taken already");
    const std::int64_t now = session::wall_clock_ms();
    const std::string uuid = p.uuid.empty() ? session::new_uuid() : p.uuid;
    std::optional<std::string> pw;
    if (p.role != Role::Trainee) pw = hash_password(p.password);
    db.query(
          "INSERT INTO people (uuid, role, employee_no, name, site, cohort, password_hash, "
          "active, created_at_ms, updated_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?8)")
        .with(uuid, role_name(p.role), p.employee_no, p.name, p.site, p.cohort, pw, now)
        .run();
    db.query("INSERT INTO outbox (kind, ref, created_at_ms) VALUES ('person', ?1, ?2)")
        .with(uuid, now)
        .run();
    return *find_person(db, p.employee_no);
}

int rank(Role r) {
    return r == Role::Trainee ? 0 : r == Role::Supervisor ? 1 : 2;
}

}  // namespace

Person read_person(const sql::Query& q) {
    Person p;
    p.id = q.i64(0);
    p.uuid = q.text(1);
    p.role = role_from_name(q.view(2)).value_or(Role::Trainee);
    p.employee_no = q.text(3);
    p.name = q.text(4);
    p.site = q.text(5);
    p.cohort = q.text(6);
    p.active = q.b(7);
    p.created_at_ms = q.i64(8);
    p.updated_at_ms = q.i64(9);
    return p;
}

void StoreAccess::require(Store& s, sql::Db& db, const Principal& who, Role min) {
    if (who.owner_ != &s)
        sql::fail(ErrorCode::Denied, "this session belongs to another records store");
    auto q = db.query("SELECT role, active FROM people WHERE id = ?1");
    q.with(who.person_id());
    if (!q.step() || !q.b(1) || role_from_name(q.view(0)) != who.role())
        sql::fail(ErrorCode::Denied, "the account '" + who.employee_no() +
                                         "' is no longer active with this role; log in again");
    if (rank(who.role()) < rank(min))
        sql::fail(ErrorCode::Denied, "'" + who.employee_no() + "' (" +
                                         std::string(role_name(who.role())) +
                                         ") may not do this; "
                                         "it needs a " +
                                         std::string(role_name(min)));
}

void StoreAccess::require_self_or_staff(Store& s, sql::Db& db, const Principal& who,
                                        std::string_view employee_no) {
    require(s, db, who, Role::Trainee);
    if (!who.staff() && employee_no != who.employee_no())
        sql::fail(ErrorCode::Denied, "a trainee's session reads only that trainee's own records");
}

bool Store::needs_admin() {
    auto r = StoreAccess::run(*this, [&](sql::Db& db) -> Result<bool> {
        return !db.query("SELECT 1 FROM people WHERE role = 'admin' AND active = 1 LIMIT 1").step();
    });
    return r.ok() && r.value();
}

Result<Principal> Store::create_first_admin(const NewPerson& admin) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<Principal> {
        if (admin.role != Role::Admin)
            sql::fail(ErrorCode::BadInput, "the first account is an admin");
        sql::Txn txn(db);
        if (db.query("SELECT 1 FROM people WHERE role = 'admin' LIMIT 1").step())
            sql::fail(ErrorCode::Conflict, "the records already have an admin");
        Person p = insert_person(db, admin);
        txn.commit();
        return StoreAccess::make_principal(*this, p.id, p.role, p.employee_no, p.name);
    });
}

Result<Principal> Store::login(std::string_view employee_no, std::string_view password) {
    // Read under the lock, verify outside it: argon2id takes tens of ms and must not stall others.
    struct Row {
        Person p;
        std::string hash;
    };
    auto row = StoreAccess::run(*this, [&](sql::Db& db) -> Result<Row> {
        auto q = db.query(std::string("SELECT ") + kPersonColumns +
                          ", password_hash FROM people WHERE employee_no = ?1");
        q.with(employee_no);
        if (!q.step() || q.null(10))
            return Error{ErrorCode::Denied, "wrong employee number or password"};
        return Row{read_person(q), q.text(10)};
    });
    if (!row) return row.error();
    if (sodium_init() < 0 ||
        crypto_pwhash_str_verify(row->hash.c_str(), password.data(), password.size()) != 0)
        return Error{ErrorCode::Denied, "wrong employee number or password"};
    if (!row->p.active) return Error{ErrorCode::Denied, "the account is deactivated"};
    // A hash made under other limits (an older release's) is remade under today's, once.
    if (crypto_pwhash_str_needs_rehash(row->hash.c_str(), kHashOps, kHashMemory) != 0) {
        const std::string fresh = hash_password(password);
        auto rehashed = StoreAccess::run(*this, [&](sql::Db& db) -> Status {
            db.query("UPDATE people SET password_hash = ?2 WHERE id = ?1 AND password_hash = ?3")
                .with(row->p.id, fresh, row->hash)
                .run();
            return Ok{};
        });
        if (!rehashed) return rehashed.error();
    }
    return StoreAccess::make_principal(*this, row->p.id, row->p.role, row->p.employee_no,
                                       row->p.name);
}

Result<Principal> Store::trainee_session(std::string_view employee_no) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<Principal> {
        auto p = find_person(db, employee_no);
        if (!p || p->role != Role::Trainee)
            return Error{ErrorCode::NotFound,
                         "no trainee with employee number '" + std::string(employee_no) + "'"};
        if (!p->active) return Error{ErrorCode::Denied, "the trainee is deactivated"};
        return StoreAccess::make_principal(*this, p->id, p->role, p->employee_no, p->name);
    });
}

Result<Principal> Store::operator_session() {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<Principal> {
        auto q = db.query(std::string("SELECT ") + kPersonColumns +
                          " FROM people WHERE role = 'admin' AND active = 1 ORDER BY id LIMIT 1");
        if (!q.step())
            return Error{ErrorCode::NotFound,
                         path_ +
                             ": the records have no admin yet; create one with `deskdrill "
                             "user init`"};
        Person p = read_person(q);
        return StoreAccess::make_principal(*this, p.id, p.role, p.employee_no, p.name);
    });
}

Result<Person> Store::add_person(const Principal& who, const NewPerson& p) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<Person> {
        StoreAccess::require(*this, db, who,
                             p.role == Role::Trainee ? Role::Supervisor : Role::Admin);
        sql::Txn txn(db);
        Person out = insert_person(db, p);
        txn.commit();
        return out;
    });
}

Result<std::vector<Person>> Store::add_people(const Principal& who,
                                              const std::vector<NewPerson>& people) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<std::vector<Person>> {
        const bool staff = std::any_of(people.begin(), people.end(),
                                       [](const NewPerson& p) { return p.role != Role::Trainee; });
        StoreAccess::require(*this, db, who, staff ? Role::Admin : Role::Supervisor);
        sql::Txn txn(db);
        std::vector<Person> out;
        out.reserve(people.size());
        for (const auto& p : people) out.push_back(insert_person(db, p));
        txn.commit();
        return out;
    });
}

Result<Person> Store::update_person(const Principal& who, std::string_view employee_no,
                                    const PersonChange& change) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<Person> {
        StoreAccess::require(*this, db, who, Role::Supervisor);
        sql::Txn txn(db);
        auto p = find_person(db, employee_no);
        if (!p)
            return Error{ErrorCode::NotFound,
                         "no person with employee number '" + std::string(employee_no) + "'"};
        if (p->role != Role::Trainee && who.role() != Role::Admin)
            sql::fail(ErrorCode::Denied, "only an admin changes staff accounts");
        if (change.name && change.name->empty())
            sql::fail(ErrorCode::BadInput, "a name is required");
        if (change.active && !*change.active && p->id == who.person_id())
            sql::fail(ErrorCode::BadInput, "you cannot deactivate yourself");
        db.query(
              "UPDATE people SET name = coalesce(?2, name), site = coalesce(?3, site), "
              "cohort = coalesce(?4, cohort), active = coalesce(?5, active), updated_at_ms = ?6 "
              "WHERE id = ?1")
            .with(p->id, change.name, change.site, change.cohort,
                  change.active ? std::optional<std::int64_t>(*change.active ? 1 : 0)
                                : std::optional<std::int64_t>(),
                  session::wall_clock_ms())
            .run();
        db.query("INSERT INTO outbox (kind, ref, created_at_ms) VALUES ('person', ?1, ?2)")
            .with(p->uuid, session::wall_clock_ms())
            .run();
        txn.commit();
        return *find_person(db, employee_no);
    });
}

Status Store::set_password(const Principal& who, std::string_view employee_no,
                           std::string_view password) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Status {
        StoreAccess::require(*this, db, who, Role::Supervisor);
        if (who.role() != Role::Admin && employee_no != who.employee_no())
            sql::fail(ErrorCode::Denied, "only an admin sets another person's password");
        check_password(password);
        auto p = find_person(db, employee_no);
        if (!p)
            return Error{ErrorCode::NotFound,
                         "no person with employee number '" + std::string(employee_no) + "'"};
        if (p->role == Role::Trainee)
            sql::fail(ErrorCode::BadInput, "trainees have no password (they pick their name)");
        db.query("UPDATE people SET password_hash = ?2, updated_at_ms = ?3 WHERE id = ?1")
            .with(p->id, hash_password(password), session::wall_clock_ms())
            .run();
        return Ok{};
    });
}

Result<std::vector<Person>> Store::people(const Principal& who, const PeopleFilter& f) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<std::vector<Person>> {
        StoreAccess::require(*this, db, who, Role::Trainee);
        auto q = db.query(std::string("SELECT ") + kPersonColumns +
                          " FROM people WHERE (?1 IS NULL OR role = ?1) AND (?2 = '' OR site = ?2)"
                          " AND (?3 = '' OR cohort = ?3) AND (?4 = 1 OR active = 1)"
                          " AND (?5 IS NULL OR id = ?5) ORDER BY site, cohort, employee_no");
        q.with(f.role ? std::optional<std::string>(std::string(role_name(*f.role)))
                      : std::optional<std::string>(),
               f.site, f.cohort, f.include_inactive,
               who.staff() ? std::optional<std::int64_t>() : std::optional(who.person_id()));
        std::vector<Person> out;
        while (q.step()) out.push_back(read_person(q));
        return out;
    });
}

Result<Person> Store::person(const Principal& who, std::string_view employee_no) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<Person> {
        StoreAccess::require_self_or_staff(*this, db, who, employee_no);
        auto p = find_person(db, employee_no);
        if (!p)
            return Error{ErrorCode::NotFound,
                         "no person with employee number '" + std::string(employee_no) + "'"};
        return *p;
    });
}

}  // namespace dd::store
