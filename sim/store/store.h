// The records store (DESIGN §6): one SQLite file with the people who use DeskDrill, every
// attempt — finished, abandoned or timed out — with the texts it was played and scored with,
// its result sets, supervisors' overrides and what a hub has not received yet.
//
// Every call names a Principal, obtained from the store by logging in (staff), by picking a
// trainee (trainees have no password), or as the file's operator (the command line: whoever can
// open a 0600 file owns it). The store enforces the roles, not the screens:
//   trainee     reads only their own person, attempts, results and assignments; stores their
//               own attempts
//   supervisor  reads everything; adds trainees, assignments, overrides, re-scores
//   admin       all of that, and staff accounts
// A deactivated person's principal stops working at their next call.
//
// Nothing is updated or deleted in the records of attempts (triggers refuse it); each attempt,
// result set and override carries a SHA-256 chained to the one before (chain.h), which
// audit.h verifies. Thread-safe: calls are serialised on the one connection.
//
// Sections: opening · principals · people · attempts · overrides · snapshots · outbox. More in
// assignments.h, reports.h, audit.h, rescore.h, exports.h.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "result.h"
#include "sim/session/record.h"
#include "sim/session/site_profile.h"

namespace dd::store {

namespace sql {
class Db;
}
struct ReplayCache;

enum class Role { Trainee, Supervisor, Admin };
std::string_view role_name(Role r);  // "trainee" | "supervisor" | "admin"
std::optional<Role> role_from_name(std::string_view s);

class Principal {
  public:
    Role role() const { return role_; }
    bool staff() const { return role_ != Role::Trainee; }
    std::int64_t person_id() const { return id_; }
    const std::string& employee_no() const { return employee_no_; }
    const std::string& name() const { return name_; }

  private:
    friend class Store;
    friend struct StoreAccess;
    Principal(std::int64_t id, Role role, std::string employee_no, std::string name)
        : id_(id), role_(role), employee_no_(std::move(employee_no)), name_(std::move(name)) {}
    std::int64_t id_;
    Role role_;
    std::string employee_no_;
    std::string name_;
    const class Store* owner_ = nullptr;  // a principal works only with the store that made it
};

struct Person {
    std::int64_t id = 0;
    std::string uuid;
    Role role = Role::Trainee;
    std::string employee_no;  // the id people are known by (工号); unique
    std::string name;
    std::string site;    // 项目
    std::string cohort;  // 批次/班组
    bool active = true;
    std::int64_t created_at_ms = 0;
    std::int64_t updated_at_ms = 0;
};

struct NewPerson {
    Role role = Role::Trainee;
    std::string employee_no;
    std::string name;
    std::string site;
    std::string cohort;
    std::string password;  // staff: at least 8 characters; trainees: none
    std::string uuid;      // "" = a new one; the hub's uuid when a published person is taken in
};

// Fields to change (unset ones stay).
struct PersonChange {
    std::optional<std::string> name;
    std::optional<std::string> site;
    std::optional<std::string> cohort;
    std::optional<bool> active;
};

struct PeopleFilter {
    std::optional<Role> role;
    std::string site;    // "" = any
    std::string cohort;  // "" = any
    bool include_inactive = false;
};

// The KPIs of seed 004 §2 measured in one attempt (kpi.h says how).
struct Kpi {
    int phone_calls = 0;
    int phone_within_3 = 0;  // answered within three rings
    int response_n = 0;      // threads that got a reply
    std::int64_t response_ms = 0;  // sum of their first-reply times
    int resolution_n = 0;          // threads that ended
    std::int64_t resolution_ms = 0;
};

// Which result set a question is about: each attempt's original one (scored when it was made),
// or the one under a given (catalogue, lexicon).
struct ResultSetRef {
    std::string catalogue_hash;  // "" = the original
    std::string lexicon_hash;
    bool original() const { return catalogue_hash.empty(); }
};

struct CriterionScore {
    std::string id;
    std::string title;
    std::string category;
    int points = 0;
    int max_points = 0;
    bool passed = false;
    bool critical = false;
};

struct OverrideRow {
    std::string uuid;
    std::string criterion_id;
    int points = 0;
    bool passed = false;
    std::string reason;
    std::string supervisor;  // employee number
    std::string supervisor_name;
    std::int64_t created_at_ms = 0;
};

// A criterion the scorer marked for review in a result set (the report's "review": true on the
// criterion or on some of its evidence: a decision near a rule's edge), and which evidence items
// (their positions in the criterion's evidence) are so marked.
struct ReviewMark {
    std::string criterion_id;
    std::vector<int> evidence;
};

struct ResultSet {
    std::int64_t id = 0;
    bool original = false;
    std::string catalogue_hash;
    std::string catalogue_version;
    std::string lexicon_hash;
    int score = 0;
    int max_points = 0;
    int pass_mark = 0;
    bool passed = false;
    std::vector<std::string> critical_failed;
    std::int64_t created_at_ms = 0;
    std::vector<CriterionScore> criteria;    // in the report's order (filled by attempt())
    std::vector<OverrideRow> overrides;      // oldest first; the latest per criterion is in force
    // The score with the overrides in force (equal to score when there are none).
    int score_with_overrides = 0;
    // The scorer marked some decision of this result set for review (listed and read alike).
    bool marked_for_review = false;
    std::vector<ReviewMark> review_marks;  // in the report's order (filled by attempt())
};

// One attempt as listed (history, exports).
struct AttemptRow {
    std::int64_t seq = 0;
    std::string uuid;
    std::string trainee;       // employee number
    std::string trainee_name;
    std::string site;
    std::string cohort;
    std::string scenario_id;
    int scenario_version = 0;
    std::string category;
    session::Mode mode = session::Mode::Practice;
    bool choice_mode = false;
    session::Origin origin = session::Origin::Imported;
    session::Ending ending = session::Ending::Finished;
    std::uint64_t seed = 0;
    std::int64_t started_at_ms = 0;
    std::int64_t ended_at_ms = 0;
    std::int64_t sim_ms = 0;
    int actions = 0;
    Kpi kpi;
    // The result set asked for (AttemptFilter::result_set): absent when the attempt has none
    // under it (not re-scored yet, or no catalogue when it was made).
    std::optional<ResultSet> result;
};

struct SnapshotInfo {
    std::string hash;
    std::string kind;  // scenario | lexicon | catalogue
    std::string name;
    std::string version;
};

struct AttemptDetail {
    AttemptRow row;
    SnapshotInfo scenario;
    SnapshotInfo lexicon;
    std::optional<SnapshotInfo> catalogue;
    std::string transcript;  // YAML (DESIGN §3)
    std::string detection;   // the detection it was played with ("" before schema 5)
    std::string hash;        // its chain hash
    std::vector<ResultSet> results;  // original first, then re-scores in order
    std::string site_profile_hash;   // the site profile it was played under, "" = none
};

struct AttemptFilter {
    std::string trainee;  // employee number, "" = any
    std::string site;
    std::string cohort;
    std::string scenario;
    std::optional<std::int64_t> from_ms;  // ended_at_ms >= from_ms
    std::optional<std::int64_t> to_ms;    // ended_at_ms < to_ms
    std::optional<session::Mode> mode;
    std::vector<session::Origin> origins;  // empty = every origin
    ResultSetRef result_set;
    std::size_t limit = 0;  // 0 = no limit; newest first when set
};

// What add_attempt stored.
struct StoredAttempt {
    std::int64_t seq = 0;
    std::string uuid;
    std::string hash;
    bool has_result = false;
};

// An attempt played again from its stored snapshots and transcript: the record with the log and
// the full report (evidence, feedback, rules) exactly as they were, and whether the replay's
// figures equal the stored ones.
struct Rebuilt {
    session::AttemptRecord record;
    bool matches = true;
    std::string mismatch;  // what differs, when !matches
    // When the replay's detection is not today's play detection, or the record did not name
    // one (stored before schema 5): what was used, in words. "" otherwise.
    std::string detection_note;
};

struct NewOverride {
    std::string attempt_uuid;
    ResultSetRef result_set;  // default: the original result
    std::string criterion_id;
    int points = 0;
    bool passed = false;
    std::string reason;
};

struct OutboxItem {
    std::int64_t id = 0;
    std::string kind;  // attempt | result | override | person
    std::string ref;
    std::int64_t created_at_ms = 0;
};

// One setting of the site profile by an admin.
struct SiteProfileSetting {
    std::int64_t id = 0;
    std::string profile_hash;  // "" = cleared
    std::string company;       // the profile's company ("" = cleared)
    std::string set_by;        // employee number
    std::int64_t set_at_ms = 0;
};

struct OpenOptions {
    bool create = true;      // create the file (mode 0600, folder 0700) when it does not exist
    bool read_only = false;  // never write: reports, exports, audit
    int busy_timeout_ms = 10000;
    // Tests: PRAGMA max_page_count on this connection, to act out a full disk.
    std::optional<std::int64_t> max_page_count;
};

class Store {
  public:
    // Opens (or creates) the records at `path` and migrates it to the current schema. A file
    // that is not an SQLite database, or is another program's, is refused and left untouched.
    static Result<std::shared_ptr<Store>> open(const std::string& path,
                                               const OpenOptions& options = {});
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::string& path() const { return path_; }
    bool read_only() const { return read_only_; }
    // Minutes east of UTC of the days reports group by (fixed when the file was created).
    int utc_offset_minutes() const { return utc_offset_min_; }

    // --- principals -------------------------------------------------------------------------
    // True until the first admin exists (the first run asks for the admin's password).
    bool needs_admin();
    Result<Principal> create_first_admin(const NewPerson& admin);
    // A supervisor or admin with their password (argon2id).
    Result<Principal> login(std::string_view employee_no, std::string_view password);
    // A trainee by employee number (trainees pick their name; they have no password).
    Result<Principal> trainee_session(std::string_view employee_no);
    // The file's operator (the command line): the first active admin. Whoever can open the
    // file (mode 0600) is its owner; roles separate the people who use the window and the hub.
    Result<Principal> operator_session();

    // --- people -----------------------------------------------------------------------------
    Result<Person> add_person(const Principal& who, const NewPerson& p);
    // Many in one transaction (a roster imported from a spreadsheet): all or none.
    Result<std::vector<Person>> add_people(const Principal& who,
                                           const std::vector<NewPerson>& people);
    Result<Person> update_person(const Principal& who, std::string_view employee_no,
                                 const PersonChange& change);
    Status set_password(const Principal& who, std::string_view employee_no,
                        std::string_view password);
    Result<std::vector<Person>> people(const Principal& who, const PeopleFilter& filter = {});
    Result<Person> person(const Principal& who, std::string_view employee_no);

    // --- attempts ---------------------------------------------------------------------------
    // Stores an ended attempt in one transaction: its snapshots (once per hash), the attempt
    // row (chained), its original result set, the KPIs, the outbox entry. record.trainee is an
    // employee number of the store (a trainee principal may leave it empty: themselves).
    Result<StoredAttempt> add_attempt(const Principal& who, const session::AttemptRecord& record);
    // Many in one transaction (imports, generated data): all or none.
    Result<std::vector<StoredAttempt>> add_attempts(
        const Principal& who, const std::vector<const session::AttemptRecord*>& records);
    Result<std::vector<AttemptRow>> attempts(const Principal& who, const AttemptFilter& filter);
    Result<AttemptDetail> attempt(const Principal& who, std::string_view uuid);
    // Replays a stored attempt from its snapshots under a result set (default: the original)
    // and compares the figures with the stored ones.
    Result<Rebuilt> rebuild(const Principal& who, std::string_view uuid,
                            const ResultSetRef& set = {});
    // The result sets in the store: each (catalogue, lexicon) with its version and how many
    // attempts it scores. `key` names one: a catalogue version ("2027.1"), a hash prefix of the
    // catalogue ("3fa2…"), optionally ":" and a lexicon hash prefix; "original" or "" = each
    // attempt's original result. Ambiguous or unknown keys are errors that list the choices.
    Result<ResultSetRef> resolve_result_set(const Principal& who, std::string_view key);

    // --- overrides --------------------------------------------------------------------------
    // A supervisor's judgement of one criterion beside the automatic result (never replacing
    // it). Needs a reason; points within 0..max of the criterion.
    Result<OverrideRow> add_override(const Principal& who, const NewOverride& o);

    // --- snapshots ---------------------------------------------------------------------------
    // A stored text by hash (what an attempt was played or scored with).
    Result<std::string> snapshot_text(const Principal& who, std::string_view hash);
    // Stores a text published elsewhere (a hub's scenario or standards version) once per hash;
    // its text must hash to it. Admins (the sync runs as the operator).
    Status add_snapshot(const Principal& who, const session::Snapshot& snapshot,
                        std::string_view kind, std::string_view name);

    // --- the site profile (sim/session/site_profile.h) ----------------------------------------
    // The profile in force (the admin's latest setting); null when none was set or it was
    // cleared. Anyone signed in reads it (the desk plays under it).
    Result<std::shared_ptr<const session::SiteProfile>> site_profile(const Principal& who);
    // Admins. Sets the profile in force (null: clear it — scenarios play with their own site).
    // Kept as a history; attempts already stored keep the profile they were played under.
    Result<SiteProfileSetting> set_site_profile(
        const Principal& who, std::shared_ptr<const session::SiteProfile> profile);
    // Every setting, newest first.
    Result<std::vector<SiteProfileSetting>> site_profile_history(const Principal& who);

    // --- outbox (the hub, an LRS) ----------------------------------------------------------
    // What `target` has not been marked as having received, oldest first.
    Result<std::vector<OutboxItem>> outbox_pending(const Principal& who, std::string_view target,
                                                   std::size_t limit = 1000);
    // Adds delivery marks (idempotent: a second mark of the same item is ignored).
    Status mark_delivered(const Principal& who, std::string_view target,
                          const std::vector<std::int64_t>& outbox_ids);

  private:
    friend struct StoreAccess;  // the other modules (store_internal.h)
    Store() = default;

    std::string path_;
    bool read_only_ = false;
    int utc_offset_min_ = 0;
    std::unique_ptr<sql::Db> db_;
    std::mutex mu_;
    std::unordered_set<std::string> known_snapshots_;  // hashes known to be stored
    std::unique_ptr<ReplayCache> cache_;
};

}  // namespace dd::store
