// The scorer: an attempt log + its scenario + a standards catalogue → a ScoreReport.
// A pure function: the same inputs give the same report, byte for byte once serialised. Scoring
// the same log under another catalogue version gives a second, independent report (re-scoring).
#pragma once
#include <string>
#include <vector>

#include "catalogue.h"
#include "report.h"
#include "scoring/text/act_detector.h"
#include "sim/model/attempt_log.h"
#include "sim/model/scenario.h"

namespace dd {

struct ScoreOptions {
    // Used only to locate the matched words in a reply for the evidence highlight; the acts
    // themselves are read from the log as detected when the attempt was played.
    const ActDetector* detector = nullptr;
};

// A criterion the scenario lists but the catalogue lacks is never dropped: the loaders refuse
// such a scenario (check_criteria_refs), and a caller that scores it anyway gets a report that
// cannot pass — the criterion appears with 0 of 0 points, critical and failed (so it is in
// `critical_failed` and `passed` is false), its evidence and a warning naming it.
ScoreReport score_attempt(const Scenario& scenario, const AttemptLog& log,
                          const Catalogue& catalogue, const ScoreOptions& options = {});

// Scales raw criterion weights to integer maxima summing to `total` (largest remainder; ties go
// to the earlier criterion). All-zero weights give all-zero maxima.
std::vector<int> scale_to_total(const std::vector<int>& weights, int total = 100);

}  // namespace dd
