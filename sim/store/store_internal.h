// Inside the store: how the modules (people, attempts, assignments, reports, audit, rescore,
// exports) reach the connection, check a principal, and turn SQLite's failures into errors that
// say what happened to the user's data. Not for use outside sim/store.
#pragma once
#include <exception>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "db.h"
#include "store.h"

namespace dd::store {

struct StoreAccess {
    // Runs f(db) with the store's lock held; a SqlError (or any exception) becomes an Error.
    template <typename F>
    static auto run(Store& s, F&& f) -> decltype(f(std::declval<sql::Db&>())) {
        std::lock_guard<std::mutex> lock(s.mu_);
        try {
            return f(*s.db_);
        } catch (const sql::SqlError& e) {
            return describe(s, e);
        } catch (const std::exception& e) {
            return Error{ErrorCode::Io, s.path_ + ": " + e.what()};
        }
    }
    // The principal is this store's, still active, and at least `min` (trainee < supervisor <
    // admin). Throws SqlError(Denied) otherwise.
    static void require(Store& s, sql::Db& db, const Principal& who, Role min);
    // A trainee may only touch their own records: employee_no must be theirs.
    static void require_self_or_staff(Store& s, sql::Db& db, const Principal& who,
                                      std::string_view employee_no);
    static Principal make_principal(Store& s, std::int64_t id, Role role, std::string employee_no,
                                    std::string name) {
        Principal p(id, role, std::move(employee_no), std::move(name));
        p.owner_ = &s;
        return p;
    }
    static Error describe(const Store& s, const sql::SqlError& e);
    static std::unordered_set<std::string>& known_snapshots(Store& s) { return s.known_snapshots_; }
    static ReplayCache& cache(Store& s);
    // The connection itself: tests that check its settings or act behind the store's back.
    static sql::Db& db(Store& s) { return *s.db_; }
    static bool read_only(const Store& s) { return s.read_only_; }
    static int utc_offset(const Store& s) { return s.utc_offset_min_; }
};

// The hash of the site profile attempt `a` was played under, '' when none.
#define DD_SITE_PROFILE_OF_A                                                                 \
    "coalesce((SELECT sp.profile_hash FROM attempt_site_profiles sp WHERE sp.attempt_seq = " \
    "a.seq), '')"

// Reads an AttemptRow from the columns of kAttemptColumns starting at `col`.
inline constexpr const char* kAttemptColumns =
    "a.seq, a.uuid, p.employee_no, p.name, a.site, a.cohort, a.scenario_id, a.scenario_version, "
    "a.category, a.mode, a.choice_mode, a.origin, a.ending, a.seed, a.started_at_ms, "
    "a.ended_at_ms, a.sim_ms, a.actions, a.phone_calls, a.phone_within_3, a.response_n, "
    "a.response_ms, a.resolution_n, a.resolution_ms";
inline constexpr int kAttemptColumnCount = 24;
AttemptRow read_attempt_row(const sql::Query& q, int col = 0);

// An attempt's chained fields (chain.h) from the columns of kChainedAttemptColumns (attempts a,
// people p its trainee, people rb its recorder), then its stored hash (column 29), then its
// site profile's hash (column 30, read with the fields). `prev` is left to the caller.
inline constexpr const char* kChainedAttemptColumns =
    "a.seq, a.uuid, p.uuid, a.site, a.cohort, a.scenario_id, a.scenario_version, a.category, "
    "a.scenario_hash, a.lexicon_hash, coalesce(a.catalogue_hash, ''), a.mode, a.choice_mode, "
    "a.origin, a.ending, a.seed, a.started_at_ms, a.ended_at_ms, a.sim_ms, a.actions, "
    "a.transcript, a.phone_calls, a.phone_within_3, a.response_n, a.response_ms, "
    "a.resolution_n, a.resolution_ms, rb.uuid, a.recorded_at_ms, a.hash, " DD_SITE_PROFILE_OF_A;
struct AttemptFields;
void read_chained_attempt(const sql::Query& q, AttemptFields& f);

// A result's chained fields (chain.h) from the columns of kChainedResultColumns (results r,
// attempts a its attempt, people p its author) from column `col` on, then its stored hash
// (column col + 13); `prev` and the criteria are left to the caller.
inline constexpr const char* kChainedResultColumns =
    "r.id, a.uuid, r.catalogue_hash, r.lexicon_hash, r.original, r.catalogue_version, r.score, "
    "r.max_points, r.pass_mark, r.passed, r.critical_failed, p.uuid, r.created_at_ms, r.hash";
struct ResultFields;
void read_chained_result(const sql::Query& q, ResultFields& f, int col = 0);

// A person from the columns of kPersonColumns (people).
inline constexpr const char* kPersonColumns =
    "id, uuid, role, employee_no, name, site, cohort, active, created_at_ms, updated_at_ms";
Person read_person(const sql::Query& q);

// An assignment from the columns of kAssignmentColumns (assignments a, people t its trainee,
// people c its author), with its scenarios.
inline constexpr const char* kAssignmentColumns =
    "a.id, a.uuid, coalesce(t.employee_no, ''), coalesce(a.cohort, ''), coalesce(a.site, ''), "
    "a.mode, a.choice_allowed, a.starts_at_ms, a.due_at_ms, a.every_days, a.set_name, a.note, "
    "c.employee_no, a.created_at_ms, a.cancelled_at_ms";
struct Assignment;
Assignment read_assignment(sql::Db& db, const sql::Query& q);

// The SQL condition (on attempts a, people p) and its bound values for an attempt filter, to
// append after WHERE. Values are bound from ?first on.
struct Where {
    std::string sql;
    std::vector<std::variant<std::int64_t, std::string>> values;
    // `cond` holds one `?` for the value.
    void add(const std::string& cond, std::variant<std::int64_t, std::string> v);
    void add_raw(const std::string& cond);
    // Appends another's conditions and values.
    void add_all(const Where& other);
    // Binds the values to ?first, ?first+1, …; returns the next free index.
    int bind(sql::Query& q, int first) const;
    std::string clause() const { return sql.empty() ? "1 = 1" : sql; }
};

// The result set's rows for attempts of the filter: origin rules (a scripted or imported
// attempt never counts as a proctored assessment) included.
Where attempt_where(const AttemptFilter& f);

}  // namespace dd::store
