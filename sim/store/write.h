// Writing chained rows (inside the store): result sets (the original one with its attempt, and
// re-scores), snapshots once per hash, the outbox. Called inside a transaction.
#pragma once
#include <string>
#include <vector>

#include "db.h"
#include "scoring/rubric/report.h"
#include "sim/session/resources.h"
#include "store.h"

namespace dd::store {

struct Actor {
    std::int64_t id = 0;
    std::string uuid;
};
Actor actor_of(sql::Db& db, const Principal& who);

// Stores the snapshot unless its hash is stored already (the text must hash to it). Hashes
// stored in this transaction are added to `fresh` (known to the store once it commits).
void put_snapshot(sql::Db& db, const std::unordered_set<std::string>& known,
                  std::vector<std::string>& fresh, const session::Snapshot& snap,
                  std::string_view kind, std::string_view name);

// Stores a site profile's canonical text unless its hash is stored already (the text must hash
// to it and load).
void put_site_profile(sql::Db& db, const session::Snapshot& snap);

// Adds a result set of `attempt` (its seq, uuid and the dimensions reports group by) and its
// criterion rows, chained; keeps the report summaries; queues it in the outbox when it is a
// re-score (an original result travels with its attempt). Returns the result id.
std::int64_t insert_result(sql::Db& db, const AttemptRow& attempt,
                           const std::string& catalogue_hash, const std::string& lexicon_hash,
                           bool original, const ScoreReport& report, const Actor& by,
                           std::int64_t now, int utc_offset_min);

// Where a chain goes on: the next integer key and the hash of the last row (64 zeros when the
// table is empty). `last_sql` selects (key, hash) of the last row.
struct ChainTail {
    std::int64_t next = 1;
    std::string prev;
};
ChainTail chain_tail(sql::Db& db, std::string_view last_sql);
inline constexpr const char* kLastAttempt = "SELECT seq, hash FROM attempts ORDER BY seq DESC LIMIT 1";
inline constexpr const char* kLastResult = "SELECT id, hash FROM results ORDER BY id DESC LIMIT 1";
inline constexpr const char* kLastOverride = "SELECT id, hash FROM overrides ORDER BY id DESC LIMIT 1";

void add_outbox(sql::Db& db, std::string_view kind, const std::string& ref, std::int64_t now);

}  // namespace dd::store
