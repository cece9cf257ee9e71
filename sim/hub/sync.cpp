// A site's sync with the hub (hub.h). The protocol, and why nothing is lost or counted twice:
//
//   1. The chain heads are read first: every attempt up to them is in the outbox already.
//   2. The outbox is read in batches (store/sync.h). Each batch is one hub transaction: its rows
//      are COPYed into temporary staging tables (COPY cannot write into tables with row-level
//      security), then merged with INSERT … SELECT (a plain one first; when a row hits a unique
//      key, again with ON CONFLICT DO NOTHING — the hub's unique keys (attempt uuid, the site's
//      own seq and ids) make a batch sent twice store once) and checked: every staged row must
//      now be on the hub, with the same hash, under this site (true by construction when the
//      merge inserted every staged row); anything else (a uuid the hub holds under another
//      site, a seq that names another attempt because the records file was replaced) stops the
//      sync with an error. The report summaries are not kept here: every hub report folds the
//      results not yet summed first (hub schema 4). Only after the hub committed
//      (synchronous_commit stays on: the commit is durable) are the items marked delivered at
//      the desk. A kill between the two sends the batch again next time,
//      which changes nothing on the hub.
//   3. What headquarters published to the site is taken in (people, assignments, texts), each
//      idempotently (by uuid, by hash).
//   4. The chain heads of step 1 go to the hub, which refuses a head that moved backwards or
//      changed (an attempt cut off the end of the local chain) and records an alarm.
//   A dropped connection (a restarted server, the network) is retried with back-off; whatever
//   step it hit runs again from its start on a new connection.
#include <algorithm>
#include <chrono>
#include <future>
#include <map>
#include <thread>

#include "hub_internal.h"
#include "sim/session/hash.h"

namespace dd::hub {

namespace {

using store::OutboxBatch;

// The staging tables, one per connection (temporary tables are the session's own), emptied at
// every commit.
constexpr const char* kStaging = R"sql(
CREATE TEMP TABLE IF NOT EXISTS stage_snapshots (
    hash text, kind text, name text, version text, text text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_criteria_titles (
    catalogue_hash text, criterion_id text, title text, category text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_people (
    uuid uuid, role text, employee_no text, name text, site text, cohort text,
    active smallint, created_at_ms bigint, updated_at_ms bigint) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_attempts (
    site_seq bigint, uuid uuid, trainee_uuid uuid, site text, cohort text, scenario_id text,
    scenario_version integer, category text, scenario_hash text, lexicon_hash text,
    catalogue_hash text, mode text, choice_mode smallint, origin text, ending text, seed bigint,
    started_at_ms bigint, ended_at_ms bigint, sim_ms bigint, actions integer, transcript text,
    phone_calls integer, phone_within_3 integer, response_n integer, response_ms bigint,
    resolution_n integer, resolution_ms bigint, recorded_by_uuid uuid, recorded_at_ms bigint,
    hash text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_results (
    site_result_id bigint, attempt_uuid uuid, catalogue_hash text, lexicon_hash text,
    original smallint, catalogue_version text, score integer, max_points integer,
    pass_mark integer, passed smallint, critical_failed text, created_by_uuid uuid,
    created_at_ms bigint, hash text, criterion_ids text[], criterion_points integer[],
    criterion_max integer[], criterion_passed smallint[], criterion_critical smallint[])
    ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_overrides (
    site_override_id bigint, uuid uuid, site_result_id bigint, criterion_id text,
    points integer, passed smallint, reason text, supervisor_uuid uuid, created_at_ms bigint,
    hash text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_assignments (
    uuid uuid, trainee_uuid uuid, site text, cohort text, mode text, choice_allowed smallint,
    starts_at_ms bigint, due_at_ms bigint, every_days integer, set_name text, note text,
    scenarios text[], created_by_uuid uuid, created_at_ms bigint, cancelled_at_ms bigint)
    ON COMMIT DELETE ROWS;
)sql";

// An array literal for COPY's text format ({"a","b"}; the COPY escaping comes on top).
std::string array_literal(const std::vector<std::string>& items) {
    std::string out = "{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += i ? ",\"" : "\"";
        for (char ch : items[i]) {
            if (ch == '"' || ch == '\\') out += '\\';
            out += ch;
        }
        out += '"';
    }
    return out + "}";
}

// {1,2,3}
std::string array_literal(const std::vector<std::int64_t>& items) {
    std::string out = "{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ',';
        out += std::to_string(items[i]);
    }
    return out + "}";
}

[[noreturn]] void refuse(ErrorCode code, const std::string& msg) {
    throw pg::PgError(code, "", msg, false);
}

// A batch's rows in COPY's text format, one text per staging table (made by the thread that
// read the batch, while the hub merges the one before).
struct Encoded {
    std::string people, attempts, results, overrides, assignments;
};

// `out`'s texts are emptied first, their room kept: a batch's texts take tens of megabytes,
// and memory taken from the system anew each batch cost more than the encoding.
void encode(const OutboxBatch& b, Encoded& out) {
    for (std::string* t :
         {&out.people, &out.attempts, &out.results, &out.overrides, &out.assignments})
        t->clear();
    std::size_t room = 0;
    for (const auto& e : b.attempts) room += e.fields.transcript.size() + 512;
    out.attempts.reserve(room + room / 16);
    out.results.reserve(b.results.size() * 1024);
    for (const auto& p : b.people)
        pg::CopyLine(out.people)
            .add(p.uuid)
            .add(store::role_name(p.role))
            .add(p.employee_no)
            .add(p.name)
            .add(p.site)
            .add(p.cohort)
            .add(p.active)
            .add(p.created_at_ms)
            .add(p.updated_at_ms)
            .end();
    for (const auto& e : b.attempts) {
        const auto& f = e.fields;
        pg::CopyLine(out.attempts)
            .add(f.seq)
            .add(f.uuid)
            .add(f.trainee_uuid)
            .add(f.site)
            .add(f.cohort)
            .add(f.scenario_id)
            .add(f.scenario_version)
            .add(f.category)
            .add(f.scenario_hash)
            .add(f.lexicon_hash)
            .opt(f.catalogue_hash)
            .add(f.mode)
            .add(f.choice_mode)
            .add(f.origin)
            .add(f.ending)
            .add(f.seed)
            .add(f.started_at_ms)
            .add(f.ended_at_ms)
            .add(f.sim_ms)
            .add(f.actions)
            .add(f.transcript)
            .add(f.kpi.phone_calls)
            .add(f.kpi.phone_within_3)
            .add(f.kpi.response_n)
            .add(f.kpi.response_ms)
            .add(f.kpi.resolution_n)
            .add(f.kpi.resolution_ms)
            .add(f.recorded_by_uuid)
            .add(f.recorded_at_ms)
            .add(e.hash)
            .end();
    }
    for (const auto& e : b.results) {
        const auto& f = e.fields;
        // The criterion scores travel in the result's row (hub schema 3), in position order.
        std::vector<std::string> ids;
        std::vector<std::int64_t> points, maxes, passed, critical;
        for (const auto& c : f.criteria) {
            ids.push_back(c.id);
            points.push_back(c.points);
            maxes.push_back(c.max_points);
            passed.push_back(c.passed ? 1 : 0);
            critical.push_back(c.critical ? 1 : 0);
        }
        pg::CopyLine(out.results)
            .add(f.id)
            .add(f.attempt_uuid)
            .add(f.catalogue_hash)
            .add(f.lexicon_hash)
            .add(f.original)
            .add(f.catalogue_version)
            .add(f.score)
            .add(f.max_points)
            .add(f.pass_mark)
            .add(f.passed)
            .add(f.critical_failed)
            .add(f.created_by_uuid)
            .add(f.created_at_ms)
            .add(e.hash)
            .add(array_literal(ids))
            .add(array_literal(points))
            .add(array_literal(maxes))
            .add(array_literal(passed))
            .add(array_literal(critical))
            .end();
    }
    for (const auto& e : b.overrides) {
        const auto& f = e.fields;
        pg::CopyLine(out.overrides)
            .add(f.id)
            .add(f.uuid)
            .add(e.result_id)
            .add(f.criterion_id)
            .add(f.points)
            .add(f.passed)
            .add(f.reason)
            .add(f.supervisor_uuid)
            .add(f.created_at_ms)
            .add(e.hash)
            .end();
    }
    for (const auto& e : b.assignments) {
        const auto& a = e.assignment;
        pg::CopyLine line(out.assignments);
        line.add(a.uuid).opt(e.trainee_uuid);
        if (a.cohort.empty())
            line.null().null();
        else
            line.add(a.site).add(a.cohort);
        line.add(session::mode_name(a.mode)).add(a.choice_allowed).add(a.starts_at_ms);
        a.due_at_ms ? line.add(*a.due_at_ms) : line.null();
        a.every_days ? line.add(static_cast<std::int64_t>(*a.every_days)) : line.null();
        line.add(a.set_name)
            .add(a.note)
            .add(array_literal(a.scenarios))
            .add(e.created_by_uuid)
            .add(a.created_at_ms);
        a.cancelled_at_ms ? line.add(*a.cancelled_at_ms) : line.null();
        line.end();
    }
}

// The size of a sync's first batch at most (the desk reads ~10,000 items a second).
constexpr std::size_t kFirstBatch = 1000;

// One sync run: the connection (re-made after a drop), the site, what is known to be there.
class Syncer {
  public:
    Syncer(store::Store& s, const store::Principal& who, const std::string& conninfo,
           const SyncOptions& o, SyncReport& rep)
        : store_(s), who_(who), conninfo_(conninfo), opt_(o), rep_(rep) {}

    void run() {
        const auto heads = store::chain_heads(store_, who_);
        if (!heads) throw_error(heads.error());
        // The desk's next batch is read while the hub merges this one (the store serialises
        // its own calls); nothing of it is marked before the hub confirmed it. Its rows are put
        // in COPY's format by the same thread, which first marks the batch the hub confirmed
        // last: the desk's marks no longer hold up the next merge. A kill leaves at most the
        // two batches last merged unmarked; the hub's idempotent merge takes them again.
        struct Read {
            store::Status marked = store::Ok{};  // the marks of the batch confirmed before
            std::int64_t marked_n = 0;
            store::Status status = store::Ok{};
            OutboxBatch batch;  // filled in place: a batch's strings are used again
            Encoded rows;
        };
        // `room`: a batch the hub has merged, its memory used again; `confirmed`: the outbox
        // ids of the batch the hub confirmed last, to mark first.
        auto read = [this](std::int64_t after, std::size_t limit, std::unique_ptr<Read> room,
                           std::vector<std::int64_t> confirmed) {
            return std::async(std::launch::async, [this, after, limit, room = std::move(room),
                                                   confirmed = std::move(confirmed)]() mutable {
                auto r = room ? std::move(room) : std::make_unique<Read>();
                r->marked = store::Ok{};
                r->marked_n = 0;
                if (!confirmed.empty()) {
                    r->marked = store_.mark_delivered(who_, "hub", confirmed);
                    if (r->marked) r->marked_n = static_cast<std::int64_t>(confirmed.size());
                }
                r->status = store::outbox_batch(store_, who_, "hub", after, limit, r->batch);
                if (r->status) encode(r->batch, r->rows);
                return r;
            });
        };
        // What a task's marks delivered: counted, told.
        auto count_marks = [this](const Read& r) {
            if (!r.marked) throw_error(r.marked.error());
            if (r.marked_n == 0) return;
            rep_.pushed += r.marked_n;
            if (opt_.on_batch) opt_.on_batch(rep_.pushed);
        };
        // The first batch small: the hub starts merging while the desk reads the next.
        std::size_t size = std::min<std::size_t>(opt_.batch, kFirstBatch);
        auto next = read(0, size, nullptr, {});
        with_retry([] {});  // connects, while the desk reads
        std::unique_ptr<Read> merged;  // the batch the hub confirmed last (not marked yet)
        for (;;) {
            std::unique_ptr<Read> r = next.get();
            count_marks(*r);
            if (!r->status) throw_error(r->status.error());
            const OutboxBatch& batch = r->batch;
            if (batch.outbox_ids.empty()) break;
            read_titles(batch);  // before the next read takes the store
            std::vector<std::int64_t> confirmed;
            if (merged) confirmed = merged->batch.outbox_ids;
            // Batches grow from the first (doubling) to the full size: each read then takes
            // about as long as the merge it hides behind, the desk's memory grown step by step.
            size = std::min(opt_.batch, size * 2);
            next = read(batch.last_id, size, std::move(merged), std::move(confirmed));
            with_retry([&] { push(batch, r->rows); });
            merged = std::move(r);
        }
        // The last batch the hub confirmed.
        if (merged) {
            auto marked = store_.mark_delivered(who_, "hub", merged->batch.outbox_ids);
            if (!marked) throw_error(marked.error());
            rep_.pushed += static_cast<std::int64_t>(merged->batch.outbox_ids.size());
            if (opt_.on_batch) opt_.on_batch(rep_.pushed);
        }
        with_retry([&] { pull(); });
        with_retry([&] { report_heads(*heads); });
    }

  private:
    [[noreturn]] static void throw_error(const Error& e) { refuse(e.code, e.message); }

    template <typename F>
    void with_retry(F&& f) {
        for (int attempt = 0;; ++attempt) {
            try {
                if (!conn_ || !conn_->ok()) connect_site();
                f();
                return;
            } catch (const pg::PgError& e) {
                if (!e.retryable() || attempt >= opt_.retries) throw;
                conn_.reset();
                ++rep_.reconnects;
                std::this_thread::sleep_for(
                    std::chrono::milliseconds(opt_.retry_base_ms * (1 << std::min(attempt, 5))));
            }
        }
    }

    void connect_site() {
        conn_ = connect(conninfo_);
        rep_.hub = conn_->where();
        auto q = conn_->run("SELECT id, code FROM sites WHERE role_name = current_user");
        if (!q.size())
            refuse(ErrorCode::Denied,
                   rep_.hub + ": the role '" + conn_->user() +
                       "' is not a site's role on this hub; headquarters creates one per site "
                       "with `deskdrill hub add-site`");
        site_ = q.i64(0, 0);
        rep_.site_code = q.text(0, 1);
        // A batch's staging rows kept in memory (before the session first touches a temporary
        // table; the server allocates it only as the rows need it).
        conn_->script("SET temp_buffers = '64MB'");
        // The merge sorts a batch's staged rows by the site's keys (the hub's ids in the site's
        // order): in memory, not in files (10,000 attempts with their transcripts are ~11 MB;
        // the default 4 MB sorted them on disk, ~45 ms a batch).
        conn_->script("SET work_mem = '64MB'");
        conn_->script(kStaging);
        known_snapshots_.clear();  // only what this connection confirmed
    }

    // COPY into a staging table.
    void copy(const char* table, const std::string& data) {
        if (data.empty()) return;
        conn_->copy_in(std::string("COPY ") + table + " FROM STDIN", data);
    }

    // No autovacuum analyses temporary tables: without counts the planner joins a large batch
    // by reading the whole of the hub's table rather than through its unique keys. Only the
    // join keys are sampled (the transcripts would cost more than the merge); `rows`: how many
    // the batch staged.
    void analyze(const char* table, const char* keys, std::size_t rows) {
        if (rows >= 1000) conn_->script(std::string("ANALYZE ") + table + " (" + keys + ")");
    }

    // Inserts staged rows (`insert`: INSERT … SELECT from the staging table) and returns how
    // many: first as a plain INSERT, in a savepoint — a batch the hub has none of, nearly
    // always, is stored without ON CONFLICT's speculative insertion (a check of every unique
    // index before each row, then the insertion, then the check again) — and, when a row hits
    // a unique key (a batch sent again after a kill, another sync of the same rows at once, a
    // key the hub holds under another site), again with ON CONFLICT DO NOTHING: what the hub
    // has is kept, the rest stored, and the check below tells which is which.
    template <typename... A>
    std::int64_t merge(const std::string& insert, const A&... args) {
        conn_->script("SAVEPOINT merge");
        try {
            const auto n = conn_->run(insert, args...).affected();
            conn_->script("RELEASE SAVEPOINT merge");
            return n;
        } catch (const pg::PgError& e) {
            if (e.sqlstate != "23505") throw;  // unique_violation
        }
        conn_->script("ROLLBACK TO SAVEPOINT merge; RELEASE SAVEPOINT merge");
        return conn_->run(insert + " ON CONFLICT DO NOTHING", args...).affected();
    }

    // Every staged row must be on the hub now, under this site, with the same hash. When the
    // merge inserted every staged row (`inserted` == `staged`: a batch the hub had none of),
    // they are there by that very statement, and the check is skipped; a batch sent again, or
    // one whose keys the hub holds otherwise, is checked row by row.
    void verify(std::int64_t inserted, std::size_t staged, const std::string& sql,
                const std::string& what) {
        if (inserted == static_cast<std::int64_t>(staged)) return;
        auto q = conn_->run(sql, site_);
        if (q.size())
            refuse(ErrorCode::Conflict,
                   rep_.hub + ": " + what + " " + q.text(0, 0) +
                       " — the hub holds something else under that key (another site's row, or "
                       "this site's records file was replaced since it last synced); nothing of "
                       "this batch was stored: ask headquarters to compare the records");
    }

    void stage_snapshots(const OutboxBatch& b) {
        std::vector<std::string> want;
        for (const auto& h : b.snapshots)
            if (!known_snapshots_.count(h)) want.push_back(h);
        if (!want.empty()) stage_snapshot_texts(want);
        stage_criterion_titles(b);
    }

    // The texts the hub does not have yet, of `want`.
    void stage_snapshot_texts(const std::vector<std::string>& want) {
        std::string list = array_literal(want);
        auto have = conn_->run("SELECT hash FROM snapshots WHERE hash = ANY($1::text[])", list);
        for (int i = 0; i < have.size(); ++i) known_snapshots_.insert(have.text(i, 0));
        std::string data;
        for (const auto& h : want) {
            if (known_snapshots_.count(h)) continue;
            auto row = texts_.find(h);
            if (row == texts_.end()) {  // known when read, forgotten with a dropped connection
                auto read = store::snapshot_row(store_, who_, h);
                if (!read) throw_error(read.error());
                row = texts_.emplace(h, std::move(*read)).first;
            }
            pg::CopyLine(data)
                .add(h)
                .add(row->second.info.kind)
                .add(row->second.info.name)
                .add(row->second.info.version)
                .add(row->second.text)
                .end();
            ++rep_.snapshots_sent;
        }
        copy("stage_snapshots", data);
        if (!data.empty())
            conn_->run(
                "INSERT INTO snapshots (hash, kind, name, version, text, site_id, "
                "stored_at_ms) SELECT hash, kind, name, version, text, $1::integer, $2::bigint "
                "FROM stage_snapshots ON CONFLICT DO NOTHING",
                site_, session::wall_clock_ms());
    }

    // The desk's criterion titles of the batch's catalogues, and the texts of its snapshots
    // this connection has not confirmed on the hub (read before the next batch's read takes
    // the store, not waiting behind it).
    void read_titles(const OutboxBatch& b) {
        titles_.clear();
        for (const auto& h : b.catalogues) {
            auto cs = store::catalogue_criteria(store_, who_, h);
            if (!cs) throw_error(cs.error());
            titles_[h] = std::move(*cs);
        }
        for (auto it = texts_.begin(); it != texts_.end();)
            it = b.snapshots.count(it->first) ? std::next(it) : texts_.erase(it);
        for (const auto& h : b.snapshots) {
            if (known_snapshots_.count(h) || texts_.count(h)) continue;
            auto row = store::snapshot_row(store_, who_, h);
            if (!row) throw_error(row.error());
            texts_.emplace(h, std::move(*row));
        }
    }

    // Criterion titles of the batch's catalogues, sent even when every text is already there
    // (another desk sent them): this desk may know criteria the other did not.
    void stage_criterion_titles(const OutboxBatch& b) {
        // A catalogue's titles grow at the desk as its criteria first appear in results (a
        // criterion only one scenario uses may come batches later): sent again whenever the desk
        // knows more of them than were sent.
        std::string titles;
        for (const auto& h : b.catalogues) {
            const auto& cs = titles_.at(h);
            auto known = known_catalogues_.find(h);
            if (known != known_catalogues_.end() && known->second == cs.size()) continue;
            sent_catalogues_[h] = cs.size();
            for (const auto& c : cs)
                pg::CopyLine(titles).add(h).add(c.criterion_id).add(c.title).add(c.category).end();
        }
        copy("stage_criteria_titles", titles);
        if (!titles.empty())
            conn_->run(
                "INSERT INTO catalogue_criteria SELECT * FROM stage_criteria_titles "
                "ON CONFLICT DO NOTHING");
    }

    void push(const OutboxBatch& b, const Encoded& e) {
        pg::Txn txn(*conn_);
        stage_snapshots(b);

        copy("stage_people", e.people);
        analyze("stage_people", "uuid", b.people.size());
        if (!e.people.empty())
            // What headquarters published is its own: a site's copy of it is not sent back.
            conn_->run(
                "INSERT INTO people AS p (uuid, site_id, origin, role, employee_no, name, site, "
                "cohort, active, created_at_ms, updated_at_ms) SELECT s.uuid, $1::integer, 'site', "
                "s.role, s.employee_no, s.name, s.site, s.cohort, s.active, s.created_at_ms, "
                "s.updated_at_ms FROM stage_people s WHERE NOT EXISTS (SELECT 1 FROM people h "
                "WHERE h.uuid = s.uuid AND h.origin = 'hub') ON CONFLICT (uuid) DO UPDATE SET "
                "role = excluded.role, employee_no = excluded.employee_no, name = excluded.name, "
                "site = excluded.site, cohort = excluded.cohort, active = excluded.active, "
                "updated_at_ms = excluded.updated_at_ms WHERE p.updated_at_ms < "
                "excluded.updated_at_ms",
                site_);

        copy("stage_attempts", e.attempts);
        if (!e.attempts.empty()) {
            const auto inserted = merge(
                "INSERT INTO attempts (site_id, site_seq, uuid, trainee_uuid, site, cohort, "
                "scenario_id, scenario_version, category, scenario_hash, lexicon_hash, "
                "catalogue_hash, mode, choice_mode, origin, ending, seed, started_at_ms, "
                "ended_at_ms, sim_ms, actions, transcript, phone_calls, phone_within_3, "
                "response_n, response_ms, resolution_n, resolution_ms, recorded_by_uuid, "
                "recorded_at_ms, hash, received_at_ms) SELECT $1::integer, s.*, $2::bigint FROM "
                "stage_attempts s "
                "ORDER BY s.site_seq",
                site_, session::wall_clock_ms());
            // Only the check joins the staged attempts: sampled only when it runs.
            if (inserted != static_cast<std::int64_t>(b.attempts.size()))
                analyze("stage_attempts", "uuid, site_seq", b.attempts.size());
            verify(inserted, b.attempts.size(),
                   "SELECT s.uuid FROM stage_attempts s LEFT JOIN attempts a ON a.uuid = s.uuid "
                   "AND a.site_id = $1 WHERE a.seq IS NULL OR a.hash <> s.hash OR a.site_seq <> "
                   "s.site_seq LIMIT 1",
                   "attempt");
        }

        copy("stage_results", e.results);
        if (!e.results.empty()) {
            // Each staged result finds its attempt through the attempts' uuid key (a lateral
            // subquery the planner cannot flatten): a join planned from the attempts'
            // statistics may hash every attempt of the site, once a batch.
            const auto inserted = merge(
                "INSERT INTO results (site_id, site_result_id, attempt_seq, catalogue_hash, "
                "lexicon_hash, original, catalogue_version, score, max_points, pass_mark, passed, "
                "critical_failed, created_by_uuid, created_at_ms, hash, criterion_ids, "
                "criterion_points, criterion_max, criterion_passed, criterion_critical) SELECT "
                "$1::integer, s.site_result_id, a.seq, s.catalogue_hash, s.lexicon_hash, "
                "s.original, s.catalogue_version, s.score, s.max_points, s.pass_mark, s.passed, "
                "s.critical_failed, s.created_by_uuid, s.created_at_ms, s.hash, s.criterion_ids, "
                "s.criterion_points, s.criterion_max, s.criterion_passed, s.criterion_critical "
                "FROM stage_results s CROSS JOIN LATERAL (SELECT h.seq FROM attempts h WHERE "
                "h.uuid = s.attempt_uuid AND h.site_id = $1 OFFSET 0) a "
                "ORDER BY s.site_result_id",
                site_);
            // Only the check joins the staged results otherwise: sampled only when it runs.
            if (inserted != static_cast<std::int64_t>(b.results.size()))
                analyze("stage_results", "site_result_id, attempt_uuid", b.results.size());
            verify(inserted, b.results.size(),
                   "SELECT s.site_result_id FROM stage_results s LEFT JOIN results r ON "
                   "r.site_id = $1 AND r.site_result_id = s.site_result_id WHERE r.id IS NULL "
                   "OR r.hash <> s.hash LIMIT 1",
                   "result");
        }

        copy("stage_overrides", e.overrides);
        analyze("stage_overrides", "site_result_id, uuid", b.overrides.size());
        if (!e.overrides.empty()) {
            const auto inserted = conn_->run(
                "INSERT INTO overrides (site_id, site_override_id, uuid, result_id, "
                "criterion_id, points, passed, reason, supervisor_uuid, created_at_ms, hash) "
                "SELECT $1::integer, o.site_override_id, o.uuid, r.id, o.criterion_id, o.points, "
                "o.passed, o.reason, o.supervisor_uuid, o.created_at_ms, o.hash FROM "
                "stage_overrides o JOIN results r ON r.site_id = $1 AND r.site_result_id = "
                "o.site_result_id ORDER BY o.site_override_id ON CONFLICT DO NOTHING",
                site_);
            verify(inserted.affected(), b.overrides.size(),
                   "SELECT o.uuid FROM stage_overrides o LEFT JOIN overrides h ON h.uuid = "
                   "o.uuid AND h.site_id = $1 WHERE h.id IS NULL OR h.hash <> o.hash LIMIT 1",
                   "override");
        }

        copy("stage_assignments", e.assignments);
        analyze("stage_assignments", "uuid", b.assignments.size());
        if (!e.assignments.empty())
            conn_->run(
                "INSERT INTO assignments AS t (uuid, site_id, origin, trainee_uuid, site, cohort, "
                "mode, choice_allowed, starts_at_ms, due_at_ms, every_days, set_name, note, "
                "scenarios, created_by_uuid, created_at_ms, cancelled_at_ms) SELECT s.uuid, "
                "$1::integer, "
                "'site', s.trainee_uuid, s.site, s.cohort, s.mode, s.choice_allowed, "
                "s.starts_at_ms, s.due_at_ms, s.every_days, s.set_name, s.note, s.scenarios, "
                "s.created_by_uuid, s.created_at_ms, s.cancelled_at_ms FROM stage_assignments s "
                "WHERE NOT EXISTS (SELECT 1 FROM assignments h WHERE h.uuid = s.uuid AND "
                "h.origin = 'hub') ON CONFLICT (uuid) DO UPDATE SET cancelled_at_ms = "
                "excluded.cancelled_at_ms WHERE t.cancelled_at_ms IS NULL",
                site_);
        txn.commit();
        rep_.attempts += static_cast<std::int64_t>(b.attempts.size());
        rep_.results += static_cast<std::int64_t>(b.results.size());
        rep_.overrides += static_cast<std::int64_t>(b.overrides.size());
        rep_.people += static_cast<std::int64_t>(b.people.size());
        rep_.assignments += static_cast<std::int64_t>(b.assignments.size());
        for (const auto& h : b.snapshots) known_snapshots_.insert(h);
        for (const auto& [h, n] : sent_catalogues_) known_catalogues_[h] = n;
        sent_catalogues_.clear();
    }

    void pull() {
        rep_.pulled_people = rep_.pulled_assignments = rep_.pulled_snapshots = 0;
        rep_.warnings.clear();
        pull_people();
        pull_assignments();
        pull_snapshots();
        rep_.pulled = rep_.pulled_people + rep_.pulled_assignments + rep_.pulled_snapshots;
    }

    void pull_people() {
        auto q = conn_->run(
            "SELECT uuid, employee_no, name, site, cohort, active FROM people WHERE origin = "
            "'hub' AND role = 'trainee' ORDER BY created_at_ms, uuid");
        if (!q.size()) return;
        store::PeopleFilter all;
        all.include_inactive = true;
        auto local = store_.people(who_, all);
        if (!local) throw_error(local.error());
        std::map<std::string, store::Person> by_uuid, by_no;
        for (const auto& p : *local) by_uuid[p.uuid] = p, by_no[p.employee_no] = p;
        for (int i = 0; i < q.size(); ++i) {
            const std::string uuid = q.text(i, 0), no = q.text(i, 1), name = q.text(i, 2),
                              site = q.text(i, 3), cohort = q.text(i, 4);
            const bool active = q.b(i, 5);
            if (auto it = by_uuid.find(uuid); it != by_uuid.end()) {
                const store::Person& p = it->second;
                if (p.name == name && p.site == site && p.cohort == cohort && p.active == active)
                    continue;
                store::PersonChange ch{name, site, cohort, active};
                auto up = store_.update_person(who_, p.employee_no, ch);
                if (!up) throw_error(up.error());
                ++rep_.pulled_people;
                continue;
            }
            if (by_no.count(no)) {
                rep_.warnings.push_back("published trainee " + no + " (" + name +
                                        "): this desk has another person with that employee "
                                        "number; not taken in");
                continue;
            }
            auto added =
                store_.add_person(who_, {store::Role::Trainee, no, name, site, cohort, "", uuid});
            if (!added) throw_error(added.error());
            if (!active) {
                auto off = store_.update_person(who_, no,
                                                {std::nullopt, std::nullopt, std::nullopt, false});
                if (!off) throw_error(off.error());
            }
            by_uuid[uuid] = *added, by_no[no] = *added;
            ++rep_.pulled_people;
        }
    }

    void pull_assignments() {
        auto q = conn_->run(
            "SELECT a.uuid, coalesce(p.employee_no, ''), a.site, a.cohort, a.mode, "
            "a.choice_allowed, a.starts_at_ms, a.due_at_ms, a.every_days, a.set_name, a.note, "
            "array_to_string(a.scenarios, E'\\n'), a.cancelled_at_ms FROM assignments a LEFT "
            "JOIN people p ON p.uuid = a.trainee_uuid WHERE a.origin = 'hub' "
            "ORDER BY a.created_at_ms, a.uuid");
        for (int i = 0; i < q.size(); ++i) {
            const std::string uuid = q.text(i, 0);
            const bool cancelled = !q.null(i, 12);
            auto local = store::assignment_by_uuid(store_, who_, uuid);
            if (!local) throw_error(local.error());
            if (*local) {
                if (cancelled && !(*local)->cancelled_at_ms) {
                    auto c = store::cancel_assignment(store_, who_, (*local)->id);
                    if (!c) throw_error(c.error());
                    ++rep_.pulled_assignments;
                }
                continue;
            }
            if (cancelled) continue;  // cancelled before this desk saw it
            store::NewAssignment n;
            n.uuid = uuid;
            n.trainee = q.text(i, 1);
            if (n.trainee.empty()) n.site = q.text(i, 2), n.cohort = q.text(i, 3);
            n.mode = session::mode_from_name(q.text(i, 4)).value_or(session::Mode::Practice);
            n.choice_allowed = q.b(i, 5);
            n.starts_at_ms = q.i64(i, 6);
            n.due_at_ms = q.opt_i64(i, 7);
            if (!q.null(i, 8)) n.every_days = static_cast<int>(q.i64(i, 8));
            n.note = q.text(i, 10);
            const std::string items = q.text(i, 11);
            for (std::size_t at = 0; at <= items.size();) {
                const auto nl = items.find('\n', at);
                const std::string id = items.substr(at, nl == std::string::npos ? nl : nl - at);
                if (!id.empty()) n.scenarios.push_back(id);
                if (nl == std::string::npos) break;
                at = nl + 1;
            }
            auto made = store::assign(store_, who_, n);
            if (!made) {
                rep_.warnings.push_back("published assignment " + uuid + ": " +
                                        made.error().message + "; not taken in");
                continue;
            }
            ++rep_.pulled_assignments;
        }
    }

    void pull_snapshots() {
        auto q = conn_->run(
            "SELECT hash, kind, name, version FROM snapshots WHERE published_at_ms IS NOT NULL "
            "ORDER BY published_at_ms, hash");
        for (int i = 0; i < q.size(); ++i) {
            const std::string hash = q.text(i, 0);
            auto have = store_.snapshot_text(who_, hash);
            if (have) continue;
            if (have.error().code != ErrorCode::NotFound) throw_error(have.error());
            auto t = conn_->run("SELECT text FROM snapshots WHERE hash = $1", hash);
            session::Snapshot snap;
            snap.hash = hash;
            snap.version = q.text(i, 3);
            snap.text = std::make_shared<const std::string>(t.text(0, 0));
            auto added = store_.add_snapshot(who_, snap, q.text(i, 1), q.text(i, 2));
            if (!added) {
                rep_.warnings.push_back("published " + q.text(i, 1) + " " + q.text(i, 2) + " " +
                                        hash.substr(0, 12) + ": " + added.error().message);
                continue;
            }
            ++rep_.pulled_snapshots;
        }
    }

    void report_heads(const store::ChainHeads& h) {
        pg::Txn txn(*conn_);
        const std::int64_t now = session::wall_clock_ms();
        auto old = conn_->run(
            "SELECT attempt_seq, attempt_hash, result_id, result_hash, override_id, "
            "override_hash FROM site_heads WHERE site_id = $1 FOR UPDATE",
            site_);
        std::string alarm;
        auto check = [&](const char* chain, std::int64_t was, const std::string& was_hash,
                         std::int64_t now_key, const std::string& now_hash) {
            if (!alarm.empty()) return;
            if (now_key < was)
                alarm = std::string("the ") + chain +
                        " chain is shorter than this site reported "
                        "before: row " +
                        std::to_string(was) + " was its last, now row " + std::to_string(now_key) +
                        " — rows were cut off its end";
            else if (now_key == was && now_hash != was_hash)
                alarm = std::string("the last row of the ") + chain + " chain (" +
                        std::to_string(was) + ") has changed since this site reported it";
        };
        if (old.size()) {
            check("attempt", old.i64(0, 0), old.text(0, 1), h.attempt_seq, h.attempt_hash);
            check("result", old.i64(0, 2), old.text(0, 3), h.result_id, h.result_hash);
            check("override", old.i64(0, 4), old.text(0, 5), h.override_id, h.override_hash);
        }
        // The head attempt the hub holds must be the one the site names.
        if (alarm.empty() && h.attempt_seq > 0) {
            auto held = conn_->run("SELECT hash FROM attempts WHERE site_id = $1 AND site_seq = $2",
                                   site_, h.attempt_seq);
            if (held.size() && held.text(0, 0) != h.attempt_hash)
                alarm = "attempt row " + std::to_string(h.attempt_seq) +
                        " of this site differs from the one the hub received";
        }
        if (!alarm.empty()) {
            conn_->run(
                "INSERT INTO sync_log (site_id, at_ms, kind, message) VALUES ($1, $2, "
                "'alarm', $3)",
                site_, now, alarm);
            txn.commit();
            refuse(ErrorCode::Corrupt,
                   rep_.hub + ": the hub refused this site's chain heads: " + alarm +
                       ". Headquarters has been told; run `deskdrill audit` here");
        }
        conn_->run(
            "INSERT INTO site_heads (site_id, attempt_seq, attempt_hash, result_id, result_hash, "
            "override_id, override_hash, reported_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
            "ON CONFLICT (site_id) DO UPDATE SET attempt_seq = excluded.attempt_seq, "
            "attempt_hash = excluded.attempt_hash, result_id = excluded.result_id, "
            "result_hash = excluded.result_hash, override_id = excluded.override_id, "
            "override_hash = excluded.override_hash, reported_at_ms = excluded.reported_at_ms",
            site_, h.attempt_seq, h.attempt_hash, h.result_id, h.result_hash, h.override_id,
            h.override_hash, now);
        conn_->run(
            "INSERT INTO sync_log (site_id, at_ms, kind, pushed, message) VALUES ($1, $2, "
            "'sync', $3, $4)",
            site_, now, rep_.pushed, "pulled " + std::to_string(rep_.pulled));
        txn.commit();
    }

    store::Store& store_;
    const store::Principal& who_;
    std::string conninfo_;
    const SyncOptions& opt_;
    SyncReport& rep_;
    std::unique_ptr<pg::Conn> conn_;
    std::int64_t site_ = 0;
    std::set<std::string> known_snapshots_;
    // Criterion titles the hub has of each catalogue (by count), and those of the batch in flight.
    std::map<std::string, std::size_t> known_catalogues_, sent_catalogues_;
    // The desk's snapshot texts the batch may need to send (read_titles).
    std::map<std::string, store::SnapshotRow> texts_;
    // The desk's titles of the batch's catalogues (read_titles).
    std::map<std::string, std::vector<store::CatalogueCriterion>> titles_;
};

// host:port/dbname as user, from a connection string, for the record of a run that could not
// connect (never the password).
std::string describe(const std::string& conninfo) {
    char* err = nullptr;
    PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &err);
    if (!opts) {
        if (err) PQfreemem(err);
        return "(unreadable connection string)";
    }
    std::map<std::string, std::string> v;
    for (auto* o = opts; o->keyword; ++o)
        if (o->val) v[o->keyword] = o->val;
    PQconninfoFree(opts);
    return (v["host"].empty() ? "localhost" : v["host"]) + ":" +
           (v["port"].empty() ? "5432" : v["port"]) + "/" + v["dbname"] + " as " + v["user"];
}

}  // namespace

Result<SyncReport> sync(store::Store& store, const store::Principal& who,
                        const std::string& conninfo, const SyncOptions& options) {
    SyncReport rep;
    store::SyncRun run;
    run.started_at_ms = session::wall_clock_ms();
    Result<SyncReport> out = guarded([&]() -> Result<SyncReport> {
        Syncer(store, who, conninfo, options, rep).run();
        return rep;
    });
    run.hub = rep.hub.empty() ? describe(conninfo) : rep.hub;
    run.finished_at_ms = session::wall_clock_ms();
    run.ok = out.ok();
    run.pushed = rep.pushed;
    run.pulled = rep.pulled;
    if (!out.ok() && out.error().code == ErrorCode::Unreachable)
        out = Error{ErrorCode::Unreachable,
                    out.error().message +
                        "; nothing was lost — the desk keeps its records and the next sync "
                        "sends them"};
    run.message = out.ok() ? "" : out.error().message;
    auto recorded = store::record_sync(store, who, run);
    if (out.ok() && !recorded) return recorded.error();
    return out;
}

}  // namespace dd::hub
