// Re-scoring (refresher drills, a new standards version): stored attempts played again from
// their snapshots under another catalogue (and lexicon), each adding a result set keyed by
// (catalogue hash, lexicon hash) beside the ones it had. Nothing is changed: an attempt that
// has a result under that pair already is skipped. The replays run on `jobs` threads (default:
// every core); results are written in batches, one transaction each, so a kill loses at most
// the batch in progress and a second run finishes the rest.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "sim/session/resources.h"
#include "store.h"

namespace dd::store {

struct RescoreOptions {
    AttemptFilter filter;  // which attempts (result_set is ignored)
    unsigned jobs = 0;     // 0 = std::thread::hardware_concurrency()
    std::size_t batch = 1000;
    std::function<void(std::size_t done, std::size_t total)> progress;
};

struct RescoreSummary {
    ResultSetRef set;
    std::string catalogue_version;
    std::size_t considered = 0;  // attempts the filter selected
    std::size_t rescored = 0;
    std::size_t already = 0;     // had a result under the pair
    std::size_t unscorable = 0;  // the replay gave no report
    unsigned jobs = 1;
};

// Supervisors and admins. `resources` must be able to play and score.
Result<RescoreSummary> rescore(Store& store, const Principal& who,
                               const session::Resources& resources,
                               const RescoreOptions& options = {});

}  // namespace dd::store
