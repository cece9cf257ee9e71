// `deskdrill audit`: is every record as it was written?
//   - SQLite's own integrity check;
//   - the append-only triggers are all there;
//   - each chain (attempts, results, overrides; chain.h) recomputed row by row: the first row
//     whose hash does not match is named (a row changed by hand, or inserted, or removed), and
//     a gap in the attempts' sequence numbers;
//   - every snapshot's text still hashes to its name;
//   - with `replay`, every attempt played again from its snapshots gives its stored result.
// The chain heads are printed so they can be noted elsewhere (the hub keeps them too): a chain
// proves the rows agree with each other; a head kept apart also proves none was cut off the end.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store.h"

namespace dd::store {

struct AuditIssue {
    std::string what;       // integrity | trigger | attempt | result | override | snapshot | replay
    std::int64_t row = 0;   // attempts.seq, results.id, overrides.id (0 when none)
    std::string key;        // the attempt uuid, the snapshot hash…
    std::string message;
};

struct AuditReport {
    std::int64_t attempts = 0;
    std::int64_t results = 0;
    std::int64_t overrides = 0;
    std::int64_t snapshots = 0;
    std::int64_t replayed = 0;
    std::string attempts_head;  // the last row's hash (64 zeros when empty)
    std::string results_head;
    std::string overrides_head;
    std::vector<AuditIssue> issues;  // the first problem of each kind, in the order found
    std::int64_t mismatched_rows = 0;  // how many chained rows do not match in all
    bool ok() const { return issues.empty(); }
};

struct AuditOptions {
    bool replay = false;  // also replay every attempt (slow: milliseconds each)
};

// Staff only.
Result<AuditReport> audit(Store& store, const Principal& who, const AuditOptions& options = {});

}  // namespace dd::store
