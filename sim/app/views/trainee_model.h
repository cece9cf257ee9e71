// One trainee seen by a supervisor, as data (no ImGui): the trainee report (history, trend,
// weakest criteria, assignments), a stored attempt opened for its debrief exactly as it was
// scored, and the review queue. Tested without a window.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dashboard_model.h"
#include "sim/session/library.h"
#include "sim/store/report_source.h"
#include "sim/store/reports.h"

namespace dd::app {

struct TraineeDetailModel {
    store::TraineeReport report;
    std::vector<ChartPoint> trend;  // x by attempt (oldest left), y = percent / 100
};

store::Result<TraineeDetailModel> build_trainee_detail(store::Store& store,
                                                       const store::Principal& who,
                                                       const std::string& employee_no);
// The same from the hub's reports (read-only); `site` says whose employee number when two sites
// use the same one.
store::Result<TraineeDetailModel> build_trainee_detail(store::ReportSource& hub,
                                                       const std::string& employee_no,
                                                       const std::string& site);

// A stored attempt played again from its snapshots (Store::rebuild): the record with its log and
// full report as scored, the scenario it was played with (from the stored text, not today's
// library), what the store holds about it (overrides beside the automatic result), and whether
// the replay matched the stored figures.
struct StoredDebrief {
    store::AttemptDetail detail;
    session::AttemptRecord record;
    session::ScenarioFile scenario;
    bool matches = true;
    std::string mismatch;
    // The override in force for a criterion of the original result (nullptr: none).
    const store::OverrideRow* override_of(const std::string& criterion_id) const;
};

store::Result<std::shared_ptr<const StoredDebrief>> open_stored_attempt(store::Store& store,
                                                                        const store::Principal& who,
                                                                        const std::string& uuid);

// The review queue: the recorded assessments and refreshers a supervisor should look at before
// they go in a personnel file, the reason first found in this order:
//   scorer_marked    the scorer marks a decision as uncertain (the report's "review": true on a
//                    criterion or its evidence: near a rule's edge) — which criteria, and which
//                    of their evidence items, in `marks`
//   abandoned        left half-way (the one recorded attempt)
//   critical_only    enough points, failed by a critical criterion alone
//   near_pass_mark   the score within kNearPassMark points of the pass mark, either side
// Attempts that carry an override already count as reviewed and are left out.
struct ReviewItem {
    store::AttemptRow row;
    std::string reason_key;  // review.scorer_marked | review.abandoned | review.critical_only |
                             // review.near_pass_mark
    std::vector<store::ReviewMark> marks;  // scorer_marked: the criteria marked, report order
    std::vector<std::string> mark_titles;  // … and their titles (the catalogue's)
};
inline constexpr int kNearPassMark = 5;

store::Result<std::vector<ReviewItem>> review_queue(store::Store& store,
                                                    const store::Principal& who,
                                                    const DashboardFilter& filter,
                                                    std::size_t limit = 200);

}  // namespace dd::app
