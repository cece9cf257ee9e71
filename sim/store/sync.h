// What a sync with a hub (sim/hub) needs of the records store: the outbox read in batches with
// every field of the rows it names (the chained fields of chain.h and their hashes, so the hub
// holds what it takes to check a site's chains), the chain heads, snapshot texts and catalogue
// criteria by hash, and the record of each sync run (schema 004). All of it for the file's
// operator (an admin): the sync runs on the desk's behalf, not a trainee's.
//
// The outbox is never emptied: a delivery adds a mark (Store::mark_delivered), so a batch read
// again after a crash is the same batch, and the hub's idempotent writes make a second push
// change nothing.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "assignments.h"
#include "chain.h"
#include "store.h"

namespace dd::store {

struct ExportedAttempt {
    AttemptFields fields;  // prev, seq, uuid, trainee uuid, … recorded_at_ms
    std::string hash;
};

struct ExportedResult {
    ResultFields fields;  // id (local), attempt uuid, …, criteria with titles and categories
    std::string hash;
};

struct ExportedOverride {
    OverrideFields fields;
    std::int64_t result_id = 0;  // the local result it annotates
    std::string hash;
};

struct ExportedAssignment {
    Assignment assignment;
    std::string trainee_uuid;  // "" for a cohort
    std::string created_by_uuid;
};

// One batch of the outbox for a target: items after `after_id` not yet marked for it, oldest
// first, with their rows. An attempt brings its original result (re-scores come as results).
// The rows come with their stored hashes but without their `prev` links, and criterion scores
// without titles (the hub keeps neither; titles: catalogue_criteria): two lookups a row fewer.
struct OutboxBatch {
    std::vector<std::int64_t> outbox_ids;  // every item the batch covers, to mark when delivered
    std::int64_t last_id = 0;              // the highest of them (0: the outbox has nothing more)
    std::vector<ExportedAttempt> attempts;
    std::vector<ExportedResult> results;
    std::vector<ExportedOverride> overrides;
    std::vector<Person> people;  // as they are now (a later change is another outbox item)
    std::vector<ExportedAssignment> assignments;
    std::set<std::string> snapshots;   // hashes the rows refer to
    std::set<std::string> catalogues;  // catalogue hashes of the results (for criterion titles)
};

Result<OutboxBatch> outbox_batch(Store& store, const Principal& who, std::string_view target,
                                 std::int64_t after_id, std::size_t limit);
// The same into `into`, whose strings and vectors (an earlier batch's) are filled again in
// place: a sync alternates two batches and takes no memory anew once they are grown.
Status outbox_batch(Store& store, const Principal& who, std::string_view target,
                    std::int64_t after_id, std::size_t limit, OutboxBatch& into);

// The last row of each chain (seq or id 0 and 64 zeros when a chain is empty): whoever holds
// them can tell an attempt cut off the end of the local chain.
struct ChainHeads {
    std::int64_t attempt_seq = 0;
    std::string attempt_hash;
    std::int64_t result_id = 0;
    std::string result_hash;
    std::int64_t override_id = 0;
    std::string override_hash;
};
Result<ChainHeads> chain_heads(Store& store, const Principal& who);

struct SnapshotRow {
    SnapshotInfo info;
    std::string text;
};
Result<SnapshotRow> snapshot_row(Store& store, const Principal& who, std::string_view hash);

struct CatalogueCriterion {
    std::string criterion_id;
    std::string title;
    std::string category;
};
Result<std::vector<CatalogueCriterion>> catalogue_criteria(Store& store, const Principal& who,
                                                           std::string_view catalogue_hash);

// One sync run, recorded when it ends.
struct SyncRun {
    std::string target = "hub";
    std::string hub;  // host, port, database: never a password
    std::int64_t started_at_ms = 0;
    std::int64_t finished_at_ms = 0;
    bool ok = false;
    std::int64_t pushed = 0;
    std::int64_t pulled = 0;
    std::string message;
};
Status record_sync(Store& store, const Principal& who, const SyncRun& run);
// Any principal (the window shows it to whoever sits at it): the last run that succeeded, and
// the last run at all (which may have failed), for a target.
struct SyncState {
    std::optional<SyncRun> last_ok;
    std::optional<SyncRun> last_run;
    std::int64_t pending = 0;  // outbox items the target has not confirmed
};
Result<SyncState> sync_state(Store& store, const Principal& who, std::string_view target = "hub");

}  // namespace dd::store
