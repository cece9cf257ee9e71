// Attempts (store.h): stored in one transaction with their snapshots, original result set,
// KPIs and outbox entry, chained (chain.h); listed, shown in detail, rebuilt by replay;
// overrides beside the automatic result; snapshots; the outbox.
//
// Sections: filters and rows · writing · reading · rebuilding · overrides · snapshots · outbox.
#include <algorithm>
#include <array>
#include <cctype>

#include "chain.h"
#include "kpi.h"
#include "replay.h"
#include "report_model.h"
#include "sim/load/transcript_loader.h"
#include "sim/load/transcript_writer.h"
#include "sim/session/attempt.h"
#include "scoring/text/lexicon.h"
#include "sim/session/hash.h"
#include "store_internal.h"
#include "summaries.h"
#include "write.h"

namespace dd::store {

// --- filters and rows -----------------------------------------------------------------------

void Where::add(const std::string& cond, std::variant<std::int64_t, std::string> v) {
    sql += (sql.empty() ? "" : " AND ") + cond;
    values.push_back(std::move(v));
}

void Where::add_raw(const std::string& cond) { sql += (sql.empty() ? "" : " AND ") + cond; }

void Where::add_all(const Where& other) {
    if (other.sql.empty()) return;
    add_raw(other.sql);
    values.insert(values.end(), other.values.begin(), other.values.end());
}

int Where::bind(sql::Query& q, int first) const {
    int i = first;
    for (const auto& v : values) {
        if (const auto* n = std::get_if<std::int64_t>(&v))
            q.bind(i++, *n);
        else
            q.bind(i++, std::get<std::string>(v));
    }
    return i;
}

namespace {

std::string origin_list(const std::vector<session::Origin>& origins) {
    std::string out;
    for (auto o : origins) out += std::string(out.empty() ? "" : ", ") + "'" +
                                  std::string(session::origin_name(o)) + "'";
    return out;
}

}  // namespace

Where attempt_where(const AttemptFilter& f) {
    Where w;
    if (!f.trainee.empty()) w.add("p.employee_no = ?", f.trainee);
    if (!f.site.empty()) w.add("a.site = ?", f.site);
    if (!f.cohort.empty()) w.add("a.cohort = ?", f.cohort);
    if (!f.scenario.empty()) w.add("a.scenario_id = ?", f.scenario);
    if (f.from_ms) w.add("a.ended_at_ms >= ?", *f.from_ms);
    if (f.to_ms) w.add("a.ended_at_ms < ?", *f.to_ms);
    if (f.mode) w.add("a.mode = ?", std::string(session::mode_name(*f.mode)));
    // Origins are fixed words of our own, written into the SQL (not values from outside).
    if (!f.origins.empty()) w.add_raw("a.origin IN (" + origin_list(f.origins) + ")");
    return w;
}

AttemptRow read_attempt_row(const sql::Query& q, int c) {
    AttemptRow r;
    r.seq = q.i64(c + 0);
    r.uuid = q.text(c + 1);
    r.trainee = q.text(c + 2);
    r.trainee_name = q.text(c + 3);
    r.site = q.text(c + 4);
    r.cohort = q.text(c + 5);
    r.scenario_id = q.text(c + 6);
    r.scenario_version = q.i32(c + 7);
    r.category = q.text(c + 8);
    r.mode = session::mode_from_name(q.view(c + 9)).value_or(session::Mode::Practice);
    r.choice_mode = q.b(c + 10);
    r.origin = session::origin_from_name(q.view(c + 11)).value_or(session::Origin::Imported);
    r.ending = session::ending_from_name(q.view(c + 12)).value_or(session::Ending::Finished);
    r.seed = static_cast<std::uint64_t>(q.i64(c + 13));
    r.started_at_ms = q.i64(c + 14);
    r.ended_at_ms = q.i64(c + 15);
    r.sim_ms = q.i64(c + 16);
    r.actions = q.i32(c + 17);
    r.kpi.phone_calls = q.i32(c + 18);
    r.kpi.phone_within_3 = q.i32(c + 19);
    r.kpi.response_n = q.i32(c + 20);
    r.kpi.response_ms = q.i64(c + 21);
    r.kpi.resolution_n = q.i32(c + 22);
    r.kpi.resolution_ms = q.i64(c + 23);
    return r;
}

// --- writing --------------------------------------------------------------------------------

Actor actor_of(sql::Db& db, const Principal& who) {
    auto uuid = db.query("SELECT uuid FROM people WHERE id = ?1").with(who.person_id()).scalar_text();
    if (!uuid) sql::fail(ErrorCode::Denied, "unknown principal");
    return {who.person_id(), *uuid};
}

ChainTail chain_tail(sql::Db& db, std::string_view last_sql) {
    auto q = db.query(last_sql);
    if (!q.step()) return {1, std::string(kGenesisHash)};
    return {q.i64(0) + 1, q.text(1)};
}

void add_outbox(sql::Db& db, std::string_view kind, const std::string& ref, std::int64_t now) {
    db.query("INSERT INTO outbox (kind, ref, created_at_ms) VALUES (?1, ?2, ?3)")
        .with(kind, ref, now)
        .run();
}

void put_snapshot(sql::Db& db, const std::unordered_set<std::string>& known,
                  std::vector<std::string>& fresh, const session::Snapshot& snap,
                  std::string_view kind, std::string_view name) {
    if (known.count(snap.hash) ||
        std::find(fresh.begin(), fresh.end(), snap.hash) != fresh.end())
        return;
    if (db.query("SELECT 1 FROM snapshots WHERE hash = ?1").with(snap.hash).step()) {
        fresh.push_back(snap.hash);
        return;
    }
    if (!snap.text)
        sql::fail(ErrorCode::BadInput, "the attempt's " + std::string(kind) + " text is missing");
    if (session::sha256_hex(*snap.text) != snap.hash)
        sql::fail(ErrorCode::BadInput, "the attempt's " + std::string(kind) +
                                           " text does not match its hash " + snap.hash);
    db.query(
          "INSERT INTO snapshots (hash, kind, name, version, text, stored_at_ms) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .with(snap.hash, kind, name, snap.version, *snap.text, session::wall_clock_ms())
        .run();
    fresh.push_back(snap.hash);
}

std::vector<CriterionScore> criterion_scores(const ScoreReport& report) {
    std::vector<CriterionScore> out;
    out.reserve(report.criteria.size());
    for (const auto& c : report.criteria)
        out.push_back({c.id, c.title, c.category, c.points, c.max, c.passed, c.critical});
    return out;
}

namespace {

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
    return out;
}

std::vector<std::string> split(std::string_view s) {
    std::vector<std::string> out;
    while (!s.empty()) {
        auto comma = s.find(',');
        out.emplace_back(s.substr(0, comma));
        if (comma == std::string_view::npos) break;
        s.remove_prefix(comma + 1);
    }
    return out;
}

}  // namespace

namespace {

// The criteria the scorer marked for review (review_marks, schema 005).
void add_review_marks(sql::Db& db, std::int64_t result_id, const ScoreReport& report) {
    for (const CriterionResult& c : report.criteria) {
        std::string positions;
        for (std::size_t i = 0; i < c.evidence.size(); ++i)
            if (c.evidence[i].review)
                positions += (positions.empty() ? "" : ",") + std::to_string(i);
        if (!c.review && positions.empty()) continue;
        db.query("INSERT INTO review_marks (result_id, criterion_id, evidence) VALUES (?1, ?2, ?3)")
            .with(result_id, c.id, positions)
            .run();
    }
}

}  // namespace

std::int64_t insert_result(sql::Db& db, const AttemptRow& attempt,
                           const std::string& catalogue_hash, const std::string& lexicon_hash,
                           bool original, const ScoreReport& report, const Actor& by,
                           std::int64_t now, int utc_offset_min) {
    ResultFields f;
    const ChainTail tail = chain_tail(db, kLastResult);
    f.id = tail.next;
    f.prev = tail.prev;
    f.attempt_uuid = attempt.uuid;
    f.catalogue_hash = catalogue_hash;
    f.lexicon_hash = lexicon_hash;
    f.original = original;
    f.catalogue_version = report.catalogue_version;
    f.score = report.score;
    f.max_points = report.max;
    f.pass_mark = report.pass_mark;
    f.passed = report.passed;
    f.critical_failed = join(report.critical_failed);
    f.created_by_uuid = by.uuid;
    f.created_at_ms = now;
    f.criteria = criterion_scores(report);
    const std::string hash = result_hash(f);
    db.query(
          "INSERT INTO results (id, attempt_seq, catalogue_hash, lexicon_hash, original, "
          "catalogue_version, score, max_points, pass_mark, passed, critical_failed, created_by, "
          "created_at_ms, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
        .with(f.id, attempt.seq, catalogue_hash, lexicon_hash, original, f.catalogue_version,
              f.score, f.max_points, f.pass_mark, f.passed, f.critical_failed, by.id, now, hash)
        .run();
    for (std::size_t i = 0; i < f.criteria.size(); ++i) {
        const CriterionScore& c = f.criteria[i];
        db.query(
              "INSERT INTO criterion_results (result_id, position, criterion_id, points, "
              "max_points, passed, critical) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            .with(f.id, static_cast<std::int64_t>(i), c.id, c.points, c.max_points, c.passed,
                  c.critical)
            .run();
        db.query(
              "INSERT INTO catalogue_criteria (catalogue_hash, criterion_id, title, category) "
              "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
            .with(catalogue_hash, c.id, c.title, c.category)
            .run();
    }
    add_review_marks(db, f.id, report);
    add_to_summaries(db, attempt, catalogue_hash, lexicon_hash, original, report, utc_offset_min);
    if (!original) add_outbox(db, "result", std::to_string(f.id), now);
    return f.id;
}

namespace {

bool looks_like_uuid(std::string_view s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!std::isxdigit(static_cast<unsigned char>(c))) {
            return false;
        }
    }
    return true;
}

struct TraineeRef {
    std::int64_t id = 0;
    std::string uuid;
    std::string employee_no;
    std::string name;
    std::string site;
    std::string cohort;
};

TraineeRef trainee_for(sql::Db& db, const Principal& who, const session::AttemptRecord& r) {
    std::string employee = r.trainee;
    if (employee.empty() && !who.staff()) employee = who.employee_no();
    if (employee.empty())
        sql::fail(ErrorCode::BadInput,
                  "the attempt names no trainee; give the employee number of a person in the "
                  "records (deskdrill user add)");
    if (!who.staff() && employee != who.employee_no())
        sql::fail(ErrorCode::Denied, "a trainee's session stores only that trainee's attempts");
    auto q = db.query(
        "SELECT id, uuid, employee_no, name, site, cohort, active FROM people "
        "WHERE employee_no = ?1");
    q.with(employee);
    if (!q.step())
        sql::fail(ErrorCode::NotFound, "no person with employee number '" + employee +
                                           "' in the records; add them first (deskdrill user "
                                           "add --role trainee --id " + employee + " …)");
    if (!q.b(6)) sql::fail(ErrorCode::BadInput, "'" + employee + "' is deactivated");
    return {q.i64(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5)};
}

// The category is the first part of a scenario id (<category>.<slug>; the loader enforces it).
std::string category_of(const std::string& scenario_id) {
    return scenario_id.substr(0, scenario_id.find('.'));
}

StoredAttempt insert_attempt(Store& s, sql::Db& db, const Principal& who, const Actor& by,
                             const session::AttemptRecord& r, std::vector<std::string>& fresh,
                             std::string& prev, std::int64_t& seq) {
    if (!looks_like_uuid(r.uuid))
        sql::fail(ErrorCode::BadInput, "an attempt's uuid must be a UUID, not '" + r.uuid + "'");
    if (r.scenario_id.empty()) sql::fail(ErrorCode::BadInput, "the attempt names no scenario");
    if (!r.scenario.text || !r.lexicon.text)
        sql::fail(ErrorCode::BadInput,
                  "the attempt lacks its scenario or lexicon text; it could not be replayed");
    if (r.report && !r.catalogue.text)
        sql::fail(ErrorCode::BadInput, "the attempt has a report but not its catalogue text");
    const TraineeRef t = trainee_for(db, who, r);
    if (db.query("SELECT 1 FROM attempts WHERE uuid = ?1").with(r.uuid).step())
        sql::fail(ErrorCode::Conflict, "attempt " + r.uuid + " is stored already");
    const auto& known = StoreAccess::known_snapshots(s);
    put_snapshot(db, known, fresh, r.scenario, "scenario", r.scenario_id);
    put_snapshot(db, known, fresh, r.lexicon, "lexicon", "lexicon");
    const bool has_catalogue = r.catalogue.text != nullptr;
    if (has_catalogue) put_snapshot(db, known, fresh, r.catalogue, "catalogue", "standards");

    const std::int64_t now = session::wall_clock_ms();
    AttemptFields f;
    f.prev = prev;
    f.seq = ++seq;
    f.uuid = r.uuid;
    f.trainee_uuid = t.uuid;
    f.site = t.site;
    f.cohort = t.cohort;
    f.scenario_id = r.scenario_id;
    f.scenario_version = r.scenario_version;
    f.category = category_of(r.scenario_id);
    f.scenario_hash = r.scenario.hash;
    f.lexicon_hash = r.lexicon.hash;
    f.catalogue_hash = has_catalogue ? r.catalogue.hash : "";
    f.mode = session::mode_name(r.mode);
    f.choice_mode = r.choice_mode;
    f.origin = session::origin_name(r.origin);
    f.ending = session::ending_name(r.ending);
    f.seed = static_cast<std::int64_t>(r.seed);
    f.started_at_ms = r.started_at_ms;
    f.ended_at_ms = r.ended_at_ms;
    f.sim_ms = r.log.ended_at;
    f.actions = static_cast<std::int64_t>(r.transcript.actions.size());
    f.transcript = transcript_to_yaml(r.transcript);
    f.kpi = measure_kpi(r.log);
    f.recorded_by_uuid = by.uuid;
    f.recorded_at_ms = now;
    if (!r.site_profile.hash.empty()) {
        put_site_profile(db, r.site_profile);
        f.site_profile_hash = r.site_profile.hash;
    }
    const std::string hash = attempt_hash(f);
    db.query(
          "INSERT INTO attempts (seq, uuid, trainee_id, site, cohort, scenario_id, "
          "scenario_version, category, scenario_hash, lexicon_hash, catalogue_hash, mode, "
          "choice_mode, origin, ending, seed, started_at_ms, ended_at_ms, sim_ms, actions, "
          "transcript, phone_calls, phone_within_3, response_n, response_ms, resolution_n, "
          "resolution_ms, recorded_by, recorded_at_ms, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
          "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, "
          "?25, ?26, ?27, ?28, ?29, ?30)")
        .with(f.seq, f.uuid, t.id, f.site, f.cohort, f.scenario_id, f.scenario_version,
              f.category, f.scenario_hash, f.lexicon_hash,
              has_catalogue ? std::optional<std::string>(f.catalogue_hash) : std::nullopt,
              f.mode, f.choice_mode, f.origin, f.ending, f.seed, f.started_at_ms, f.ended_at_ms,
              f.sim_ms, f.actions, f.transcript, f.kpi.phone_calls, f.kpi.phone_within_3,
              f.kpi.response_n, f.kpi.response_ms, f.kpi.resolution_n, f.kpi.resolution_ms, by.id,
              now, hash)
        .run();
    if (!r.detection.empty())
        db.query("INSERT INTO attempt_detection (attempt_seq, detection) VALUES (?1, ?2)")
            .with(f.seq, r.detection)
            .run();
    if (!f.site_profile_hash.empty())
        db.query("INSERT INTO attempt_site_profiles (attempt_seq, profile_hash) VALUES (?1, ?2)")
            .with(f.seq, f.site_profile_hash)
            .run();
    prev = hash;
    if (r.report) {
        AttemptRow row;
        row.seq = f.seq;
        row.uuid = f.uuid;
        row.site = f.site;
        row.cohort = f.cohort;
        row.scenario_id = f.scenario_id;
        row.category = f.category;
        row.mode = r.mode;
        row.origin = r.origin;
        row.ending = r.ending;
        row.ended_at_ms = f.ended_at_ms;
        row.kpi = f.kpi;
        insert_result(db, row, r.catalogue.hash, r.lexicon.hash, true, *r.report, by, now,
                      StoreAccess::utc_offset(s));
    }
    add_outbox(db, "attempt", r.uuid, now);
    return {f.seq, r.uuid, hash, r.report.has_value()};
}

}  // namespace

Result<std::vector<StoredAttempt>> Store::add_attempts(
    const Principal& who, const std::vector<const session::AttemptRecord*>& records) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<std::vector<StoredAttempt>> {
        StoreAccess::require(*this, db, who, Role::Trainee);
        const Actor by = actor_of(db, who);
        std::vector<std::string> fresh;
        std::vector<StoredAttempt> out;
        sql::Txn txn(db);
        const ChainTail tail = chain_tail(db, kLastAttempt);
        std::string prev = tail.prev;
        std::int64_t seq = tail.next - 1;
        for (const auto* r : records) {
            if (!r) continue;
            out.push_back(insert_attempt(*this, db, who, by, *r, fresh, prev, seq));
        }
        txn.commit();
        auto& known = StoreAccess::known_snapshots(*this);
        known.insert(fresh.begin(), fresh.end());
        return out;
    });
}

Result<StoredAttempt> Store::add_attempt(const Principal& who, const session::AttemptRecord& r) {
    auto all = add_attempts(who, {&r});
    if (!all) return all.error();
    return all->front();
}

// --- reading --------------------------------------------------------------------------------

namespace {

// Columns of a result set row r (after kAttemptColumns) and the score with overrides in force.
const std::string kResultColumns =
    std::string(
        "r.id, r.original, r.catalogue_hash, r.catalogue_version, r.lexicon_hash, r.score, "
        "r.max_points, r.pass_mark, r.passed, r.critical_failed, r.created_at_ms, ") +
    kScoreWithOverrides + ", EXISTS (SELECT 1 FROM review_marks m WHERE m.result_id = r.id)";

std::optional<ResultSet> read_result(const sql::Query& q, int c) {
    if (q.null(c)) return std::nullopt;
    ResultSet r;
    r.id = q.i64(c);
    r.original = q.b(c + 1);
    r.catalogue_hash = q.text(c + 2);
    r.catalogue_version = q.text(c + 3);
    r.lexicon_hash = q.text(c + 4);
    r.score = q.i32(c + 5);
    r.max_points = q.i32(c + 6);
    r.pass_mark = q.i32(c + 7);
    r.passed = q.b(c + 8);
    r.critical_failed = split(q.view(c + 9));
    r.created_at_ms = q.i64(c + 10);
    r.score_with_overrides = q.i32(c + 11);
    r.marked_for_review = q.b(c + 12);
    return r;
}

// The join condition of the result set asked for, with its values bound at ?1, ?2.
constexpr const char* kResultJoin =
    "LEFT JOIN results r ON r.attempt_seq = a.seq AND ((?1 = '' AND r.original = 1) OR "
    "(r.catalogue_hash = ?1 AND r.lexicon_hash = ?2))";

void fill_criteria(sql::Db& db, ResultSet& r) {
    auto q = db.query(
        "SELECT c.criterion_id, coalesce(t.title, c.criterion_id), coalesce(t.category, ''), "
        "c.points, c.max_points, c.passed, c.critical FROM criterion_results c "
        "JOIN results r ON r.id = c.result_id "
        "LEFT JOIN catalogue_criteria t ON t.catalogue_hash = r.catalogue_hash "
        "AND t.criterion_id = c.criterion_id WHERE c.result_id = ?1 ORDER BY c.position");
    q.with(r.id);
    while (q.step())
        r.criteria.push_back({q.text(0), q.text(1), q.text(2), q.i32(3), q.i32(4), q.b(5), q.b(6)});
    auto o = db.query(
        "SELECT o.uuid, o.criterion_id, o.points, o.passed, o.reason, p.employee_no, p.name, "
        "o.created_at_ms FROM overrides o JOIN people p ON p.id = o.supervisor_id "
        "WHERE o.result_id = ?1 ORDER BY o.id");
    o.with(r.id);
    while (o.step())
        r.overrides.push_back(
            {o.text(0), o.text(1), o.i32(2), o.b(3), o.text(4), o.text(5), o.text(6), o.i64(7)});
    auto m = db.query(
        "SELECT m.criterion_id, m.evidence FROM review_marks m JOIN criterion_results c ON "
        "c.result_id = m.result_id AND c.criterion_id = m.criterion_id WHERE m.result_id = ?1 "
        "ORDER BY c.position");
    m.with(r.id);
    while (m.step()) {
        ReviewMark mark{m.text(0), {}};
        for (const auto& pos : split(m.view(1))) mark.evidence.push_back(std::stoi(pos));
        r.review_marks.push_back(std::move(mark));
    }
}

SnapshotInfo snapshot_info(sql::Db& db, const std::string& hash) {
    auto q = db.query("SELECT hash, kind, name, version FROM snapshots WHERE hash = ?1");
    q.with(hash);
    if (!q.step()) sql::fail(ErrorCode::Corrupt, "snapshot " + hash + " is missing");
    return {q.text(0), q.text(1), q.text(2), q.text(3)};
}

}  // namespace

Result<std::vector<AttemptRow>> Store::attempts(const Principal& who, const AttemptFilter& filter) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<std::vector<AttemptRow>> {
        AttemptFilter f = filter;
        if (!who.staff()) {
            if (!f.trainee.empty() && f.trainee != who.employee_no())
                sql::fail(ErrorCode::Denied,
                          "a trainee's session reads only that trainee's own records");
            f.trainee = who.employee_no();
        }
        StoreAccess::require(*this, db, who, Role::Trainee);
        const Where w = attempt_where(f);
        std::string sql = std::string("SELECT ") + kAttemptColumns + ", " + kResultColumns +
                          " FROM attempts a JOIN people p ON p.id = a.trainee_id " + kResultJoin +
                          " WHERE " + w.clause() + " ORDER BY a.ended_at_ms DESC, a.seq DESC";
        if (f.limit) sql += " LIMIT " + std::to_string(f.limit);
        auto q = db.once(sql);
        q.bind(1, f.result_set.catalogue_hash).bind(2, f.result_set.lexicon_hash);
        w.bind(q, 3);
        std::vector<AttemptRow> out;
        while (q.step()) {
            out.push_back(read_attempt_row(q));
            out.back().result = read_result(q, kAttemptColumnCount);
        }
        return out;
    });
}

StoredAttemptText load_attempt_text(sql::Db& db, std::string_view uuid) {
    auto q = db.query(std::string("SELECT ") + kAttemptColumns +
                      ", a.scenario_hash, a.lexicon_hash, coalesce(a.catalogue_hash, ''), "
                      "a.transcript, coalesce((SELECT d.detection FROM attempt_detection d "
                      "WHERE d.attempt_seq = a.seq), ''), " DD_SITE_PROFILE_OF_A
                      " FROM attempts a JOIN people p ON p.id = a.trainee_id WHERE a.uuid = ?1");
    q.with(uuid);
    if (!q.step()) sql::fail(ErrorCode::NotFound, "no attempt " + std::string(uuid));
    StoredAttemptText t;
    t.row = read_attempt_row(q);
    const int c = kAttemptColumnCount;
    t.scenario_hash = q.text(c);
    t.lexicon_hash = q.text(c + 1);
    t.catalogue_hash = q.text(c + 2);
    t.transcript = q.text(c + 3);
    t.detection = q.text(c + 4);
    t.site_profile_hash = q.text(c + 5);
    return t;
}

Result<AttemptDetail> Store::attempt(const Principal& who, std::string_view uuid) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<AttemptDetail> {
        StoreAccess::require(*this, db, who, Role::Trainee);
        StoredAttemptText t = load_attempt_text(db, uuid);
        StoreAccess::require_self_or_staff(*this, db, who, t.row.trainee);
        AttemptDetail d;
        d.row = std::move(t.row);
        d.scenario = snapshot_info(db, t.scenario_hash);
        d.lexicon = snapshot_info(db, t.lexicon_hash);
        if (!t.catalogue_hash.empty()) d.catalogue = snapshot_info(db, t.catalogue_hash);
        d.transcript = std::move(t.transcript);
        d.detection = std::move(t.detection);
        d.site_profile_hash = std::move(t.site_profile_hash);
        d.hash = *db.query("SELECT hash FROM attempts WHERE seq = ?1").with(d.row.seq).scalar_text();
        auto q = db.query(std::string("SELECT ") + kResultColumns +
                          " FROM results r WHERE r.attempt_seq = ?1 ORDER BY r.original DESC, r.id");
        q.with(d.row.seq);
        while (q.step()) d.results.push_back(*read_result(q, 0));
        for (auto& r : d.results) fill_criteria(db, r);
        for (const auto& r : d.results)
            if (r.original) d.row.result = r;
        return d;
    });
}

// --- rebuilding -----------------------------------------------------------------------------

std::string load_snapshot(sql::Db& db, const std::string& hash) {
    auto text = db.query("SELECT text FROM snapshots WHERE hash = ?1").with(hash).scalar_text();
    if (!text) sql::fail(ErrorCode::Corrupt, "snapshot " + hash + " is missing");
    return *text;
}

std::shared_ptr<const session::Resources> resources_for(ReplayCache& cache, sql::Db& db,
                                                         const std::string& lexicon_hash,
                                                         const std::string& catalogue_hash,
                                                         const std::string& detection) {
    const ReplayCache::Key key{lexicon_hash, catalogue_hash, detection};
    if (auto it = cache.resources.find(key); it != cache.resources.end()) return it->second;
    Diagnostics d;
    auto res = session::Resources::from_texts(
        load_snapshot(db, lexicon_hash), "lexicon@" + lexicon_hash.substr(0, 12),
        catalogue_hash.empty() ? std::string() : load_snapshot(db, catalogue_hash),
        "standards@" + catalogue_hash.substr(0, 12), d, detection);
    if (!res->can_play() || (!catalogue_hash.empty() && !res->can_score()))
        sql::fail(ErrorCode::Corrupt, "the stored lexicon or catalogue does not load: " +
                                          (res->problems.empty() ? "" : res->problems.front()));
    if (cache.resources.size() > 16) cache.resources.clear();
    cache.resources.emplace(key, res);
    return res;
}

std::shared_ptr<const session::SiteProfile> site_profile_for(ReplayCache& cache, sql::Db& db,
                                                             const std::string& hash) {
    if (auto it = cache.profiles.find(hash); it != cache.profiles.end()) return it->second;
    auto text = db.query("SELECT text FROM site_profiles WHERE hash = ?1").with(hash).scalar_text();
    if (!text) sql::fail(ErrorCode::Corrupt, "site profile " + hash + " is missing");
    Diagnostics d;
    auto p = session::parse_site_profile(*text, "site-profile@" + hash.substr(0, 12), d);
    if (!p)
        sql::fail(ErrorCode::Corrupt,
                  "the stored site profile " + hash + " does not load: " + d.to_string());
    if (cache.profiles.size() > 64) cache.profiles.clear();
    cache.profiles.emplace(hash, p);
    return p;
}

std::shared_ptr<const session::ScenarioFile> scenario_for(ReplayCache& cache, sql::Db& db,
                                                          const std::string& hash,
                                                          const std::string& site_profile_hash) {
    const auto key = std::make_pair(hash, site_profile_hash);
    if (auto it = cache.scenarios.find(key); it != cache.scenarios.end()) return it->second;
    std::shared_ptr<const session::ScenarioFile> ptr;
    if (!site_profile_hash.empty()) {
        auto plain = scenario_for(cache, db, hash);
        ptr = std::make_shared<const session::ScenarioFile>(
            session::with_site_profile(*plain, site_profile_for(cache, db, site_profile_hash)));
    } else {
        Diagnostics d;
        auto sc = session::load_scenario_text(load_snapshot(db, hash),
                                              "scenario@" + hash.substr(0, 12), d);
        if (!sc)
            sql::fail(ErrorCode::Corrupt,
                      "the stored scenario " + hash + " does not load: " + d.to_string());
        ptr = std::make_shared<const session::ScenarioFile>(std::move(*sc));
    }
    if (cache.scenarios.size() > 256) cache.scenarios.clear();
    cache.scenarios.emplace(key, ptr);
    return ptr;
}

session::AttemptRecord replay_stored(const StoredAttemptText& a,
                                     const session::ScenarioFile& scenario,
                                     const session::Resources& resources) {
    Diagnostics d;
    auto t = load_transcript_text(a.transcript, "attempt " + a.row.uuid, d);
    if (!t) sql::fail(ErrorCode::Corrupt, "the stored transcript of attempt " + a.row.uuid +
                                              " does not load: " + d.to_string());
    session::ReplayOptions o;
    o.mode = a.row.mode;
    o.choice_mode = a.row.choice_mode;
    o.trainee = a.row.trainee;
    o.origin = a.row.origin;
    o.ending = a.row.ending == session::Ending::TimedOut ? session::Ending::Finished : a.row.ending;
    session::AttemptRecord r = session::replay_attempt(scenario, *t, resources, o);
    r.uuid = a.row.uuid;
    r.started_at_ms = a.row.started_at_ms;
    r.ended_at_ms = a.row.ended_at_ms;
    return r;
}

std::string compare_with_stored(const ScoreReport& report, const ResultSet& stored) {
    auto diff = [](const std::string& what, auto replayed, auto kept) {
        return what + ": replayed " + std::to_string(replayed) + ", stored " + std::to_string(kept);
    };
    if (report.score != stored.score) return diff("score", report.score, stored.score);
    if (report.max != stored.max_points) return diff("max", report.max, stored.max_points);
    if (report.passed != stored.passed) return diff("passed", report.passed, stored.passed);
    if (report.criteria.size() != stored.criteria.size())
        return diff("criteria", report.criteria.size(), stored.criteria.size());
    for (std::size_t i = 0; i < report.criteria.size(); ++i) {
        const auto& a = report.criteria[i];
        const auto& b = stored.criteria[i];
        if (a.id != b.id) return "criterion " + std::to_string(i) + ": replayed " + a.id +
                                 ", stored " + b.id;
        if (a.points != b.points) return diff(a.id + " points", a.points, b.points);
        if (a.max != b.max_points) return diff(a.id + " max", a.max, b.max_points);
        if (a.passed != b.passed) return diff(a.id + " passed", a.passed, b.passed);
        if (a.critical != b.critical) return diff(a.id + " critical", a.critical, b.critical);
    }
    return {};
}

Result<Rebuilt> Store::rebuild(const Principal& who, std::string_view uuid,
                               const ResultSetRef& set) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<Rebuilt> {
        StoreAccess::require(*this, db, who, Role::Trainee);
        StoredAttemptText t = load_attempt_text(db, uuid);
        StoreAccess::require_self_or_staff(*this, db, who, t.row.trainee);
        std::string cat = set.catalogue_hash;
        std::string lex = set.lexicon_hash;
        std::optional<ResultSet> stored;
        {
            auto q = db.query(std::string("SELECT ") + kResultColumns +
                              " FROM results r WHERE r.attempt_seq = ?3 AND ((?1 = '' AND "
                              "r.original = 1) OR (r.catalogue_hash = ?1 AND r.lexicon_hash = ?2))");
            q.with(cat, lex, t.row.seq);
            if (q.step()) stored = read_result(q, 0);
        }
        if (stored) {
            fill_criteria(db, *stored);
            cat = stored->catalogue_hash;
            lex = stored->lexicon_hash;
        } else if (set.original()) {
            lex = t.lexicon_hash;  // no catalogue when it was made: the log alone
        } else {
            return Error{ErrorCode::NotFound, "attempt " + std::string(uuid) +
                                                  " has no result under that catalogue; run "
                                                  "deskdrill rescore first"};
        }
        ReplayCache& cache = StoreAccess::cache(*this);
        auto sc = scenario_for(cache, db, t.scenario_hash, t.site_profile_hash);
        auto res = resources_for(cache, db, lex, cat, t.detection);
        Rebuilt out;
        out.record = replay_stored(t, *sc, *res);
        // Replayed with the detection it was played with; say so when that is not today's way
        // of reading the lexicon, or when the record does not name it.
        if (t.detection.empty())
            out.detection_note =
                "stored without its detection; replayed with " + out.record.detection;
        else if (out.record.detection != t.detection)
            out.detection_note = "played with " + t.detection +
                                 ", which this build lacks; replayed with " +
                                 out.record.detection;
        else if (detection_of_identity(t.detection) != kPlayDetection)
            out.detection_note = "played with " + t.detection + "; attempts are played with " +
                                 std::string(detection_name(kPlayDetection)) + " today";
        if (set.original() && out.record.ending != t.row.ending) {
            out.matches = false;
            out.mismatch = "ending: replayed " +
                           std::string(session::ending_name(out.record.ending)) + ", stored " +
                           std::string(session::ending_name(t.row.ending));
        }
        if (stored && out.matches) {
            out.mismatch = out.record.report ? compare_with_stored(*out.record.report, *stored)
                                             : "the replay could not be scored";
            out.matches = out.mismatch.empty();
        }
        return out;
    });
}

Result<ResultSetRef> Store::resolve_result_set(const Principal& who, std::string_view key) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<ResultSetRef> {
        StoreAccess::require(*this, db, who, Role::Trainee);
        if (key.empty() || key == "original") return ResultSetRef{};
        const auto colon = key.find(':');
        const std::string cat(key.substr(0, colon));
        const std::string lex(colon == std::string_view::npos ? "" : key.substr(colon + 1));
        auto q = db.query(
            "SELECT catalogue_hash, lexicon_hash, catalogue_version, count(*) FROM results "
            "WHERE (catalogue_version = ?1 OR catalogue_hash LIKE ?1 || '%') "
            "AND lexicon_hash LIKE ?2 || '%' GROUP BY catalogue_hash, lexicon_hash, "
            "catalogue_version ORDER BY catalogue_version, catalogue_hash, lexicon_hash");
        q.with(cat, lex);
        std::vector<std::array<std::string, 4>> found;
        while (q.step())
            found.push_back({q.text(0), q.text(1), q.text(2), std::to_string(q.i64(3))});
        if (found.size() == 1) return ResultSetRef{found[0][0], found[0][1]};
        std::string msg = found.empty() ? "no result set matches '" + std::string(key) + "'"
                                        : "'" + std::string(key) + "' matches several result sets";
        msg += "; the result sets stored are (catalogue version, catalogue:lexicon hashes, "
               "results):";
        auto all = db.query(
            "SELECT catalogue_version, catalogue_hash, lexicon_hash, count(*) FROM results "
            "GROUP BY catalogue_hash, lexicon_hash, catalogue_version ORDER BY 1, 2, 3");
        while (all.step())
            msg += "\n  " + all.text(0) + "  " + all.text(1).substr(0, 12) + ":" +
                   all.text(2).substr(0, 12) + "  " + std::to_string(all.i64(3));
        return Error{found.empty() ? ErrorCode::NotFound : ErrorCode::BadInput, msg};
    });
}

// --- overrides ------------------------------------------------------------------------------

Result<OverrideRow> Store::add_override(const Principal& who, const NewOverride& o) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<OverrideRow> {
        StoreAccess::require(*this, db, who, Role::Supervisor);
        if (o.reason.empty()) sql::fail(ErrorCode::BadInput, "an override needs a reason");
        sql::Txn txn(db);
        auto q = db.query(
            "SELECT r.id, r.catalogue_hash, r.lexicon_hash, c.max_points FROM results r "
            "JOIN attempts a ON a.seq = r.attempt_seq "
            "JOIN criterion_results c ON c.result_id = r.id AND c.criterion_id = ?4 "
            "WHERE a.uuid = ?3 AND ((?1 = '' AND r.original = 1) OR "
            "(r.catalogue_hash = ?1 AND r.lexicon_hash = ?2))");
        q.with(o.result_set.catalogue_hash, o.result_set.lexicon_hash, o.attempt_uuid,
               o.criterion_id);
        if (!q.step())
            return Error{ErrorCode::NotFound, "attempt " + o.attempt_uuid +
                                                  " has no criterion '" + o.criterion_id +
                                                  "' in that result set"};
        const std::int64_t result_id = q.i64(0);
        OverrideFields f;
        f.catalogue_hash = q.text(1);
        f.lexicon_hash = q.text(2);
        const int max_points = q.i32(3);
        if (o.points < 0 || o.points > max_points)
            sql::fail(ErrorCode::BadInput, "points must be within 0.." + std::to_string(max_points));
        const ChainTail tail = chain_tail(db, kLastOverride);
        f.id = tail.next;
        f.prev = tail.prev;
        const Actor by = actor_of(db, who);
        f.uuid = session::new_uuid();
        f.attempt_uuid = o.attempt_uuid;
        f.criterion_id = o.criterion_id;
        f.points = o.points;
        f.passed = o.passed;
        f.reason = o.reason;
        f.supervisor_uuid = by.uuid;
        f.created_at_ms = session::wall_clock_ms();
        db.query(
              "INSERT INTO overrides (id, uuid, result_id, criterion_id, points, passed, reason, "
              "supervisor_id, created_at_ms, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
            .with(f.id, f.uuid, result_id, f.criterion_id, f.points, f.passed, f.reason, by.id,
                  f.created_at_ms, override_hash(f))
            .run();
        add_outbox(db, "override", f.uuid, f.created_at_ms);
        txn.commit();
        return OverrideRow{f.uuid,   f.criterion_id, static_cast<int>(f.points),
                           f.passed, f.reason,     who.employee_no(),
                           who.name(), f.created_at_ms};
    });
}

// --- snapshots ------------------------------------------------------------------------------

Result<std::string> Store::snapshot_text(const Principal& who, std::string_view hash) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<std::string> {
        StoreAccess::require(*this, db, who, Role::Trainee);
        auto text = db.query("SELECT text FROM snapshots WHERE hash = ?1").with(hash).scalar_text();
        if (!text) return Error{ErrorCode::NotFound, "no snapshot " + std::string(hash)};
        return *text;
    });
}

Status Store::add_snapshot(const Principal& who, const session::Snapshot& snapshot,
                           std::string_view kind, std::string_view name) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Status {
        StoreAccess::require(*this, db, who, Role::Admin);
        if (kind != "scenario" && kind != "lexicon" && kind != "catalogue")
            sql::fail(ErrorCode::BadInput, "a snapshot is a scenario, lexicon or catalogue");
        std::vector<std::string> fresh;
        sql::Txn txn(db);
        put_snapshot(db, known_snapshots_, fresh, snapshot, kind, name);
        txn.commit();
        known_snapshots_.insert(fresh.begin(), fresh.end());
        return Ok{};
    });
}

// --- outbox ---------------------------------------------------------------------------------

Result<std::vector<OutboxItem>> Store::outbox_pending(const Principal& who,
                                                      std::string_view target, std::size_t limit) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<std::vector<OutboxItem>> {
        StoreAccess::require(*this, db, who, Role::Admin);
        auto q = db.query(
            "SELECT o.id, o.kind, o.ref, o.created_at_ms FROM outbox o WHERE NOT EXISTS "
            "(SELECT 1 FROM outbox_delivered d WHERE d.outbox_id = o.id AND d.target = ?1) "
            "ORDER BY o.id LIMIT ?2");
        q.with(target, static_cast<std::int64_t>(limit));
        std::vector<OutboxItem> out;
        while (q.step()) out.push_back({q.i64(0), q.text(1), q.text(2), q.i64(3)});
        return out;
    });
}

Status Store::mark_delivered(const Principal& who, std::string_view target,
                             const std::vector<std::int64_t>& ids) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Status {
        StoreAccess::require(*this, db, who, Role::Admin);
        if (target.empty()) sql::fail(ErrorCode::BadInput, "a delivery target is required");
        sql::Txn txn(db);
        const std::int64_t now = session::wall_clock_ms();
        for (auto id : ids)
            db.query(
                  "INSERT INTO outbox_delivered (outbox_id, target, delivered_at_ms) "
                  "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .with(id, target, now)
                .run();
        txn.commit();
        return Ok{};
    });
}

}  // namespace dd::store
