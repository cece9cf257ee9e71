#include "trainee_model.h"

#include <algorithm>
#include <cstdlib>

#include "common/yaml/diagnostics.h"

namespace dd::app {

namespace {

// The report with its trend as chart points.
TraineeDetailModel detail_of(store::TraineeReport rep) {
    TraineeDetailModel m;
    m.report = std::move(rep);
    const auto& t = m.report.trend;
    for (std::size_t i = 0; i < t.size(); ++i) {
        ChartPoint p;
        p.x = t.size() == 1 ? 0.5f : static_cast<float>(i) / static_cast<float>(t.size() - 1);
        p.y = static_cast<float>(std::clamp(t[i].percent / 100.0, 0.0, 1.0));
        p.label = t[i].scenario_id;
        p.n = 1;
        m.trend.push_back(std::move(p));
    }
    return m;
}

}  // namespace

store::Result<TraineeDetailModel> build_trainee_detail(store::Store& store,
                                                       const store::Principal& who,
                                                       const std::string& employee_no) {
    auto rep = store::trainee_report(store, who, employee_no);
    if (!rep) return rep.error();
    return detail_of(std::move(*rep));
}

store::Result<TraineeDetailModel> build_trainee_detail(store::ReportSource& hub,
                                                       const std::string& employee_no,
                                                       const std::string& site) {
    auto rep = hub.trainee(employee_no, {}, site);
    if (!rep) return rep.error();
    return detail_of(std::move(*rep));
}

const store::OverrideRow* StoredDebrief::override_of(const std::string& criterion_id) const {
    const store::OverrideRow* found = nullptr;
    for (const auto& r : detail.results) {
        if (!r.original) continue;
        for (const auto& o : r.overrides)  // oldest first: the last one is in force
            if (o.criterion_id == criterion_id) found = &o;
    }
    return found;
}

store::Result<std::shared_ptr<const StoredDebrief>> open_stored_attempt(store::Store& store,
                                                                        const store::Principal& who,
                                                                        const std::string& uuid) {
    auto detail = store.attempt(who, uuid);
    if (!detail) return detail.error();
    auto rebuilt = store.rebuild(who, uuid);
    if (!rebuilt) return rebuilt.error();
    auto d = std::make_shared<StoredDebrief>();
    d->detail = std::move(*detail);
    d->record = std::move(rebuilt->record);
    d->matches = rebuilt->matches;
    d->mismatch = rebuilt->mismatch;
    Diagnostics diags;
    const std::string text = d->record.scenario.text ? *d->record.scenario.text : std::string();
    auto sf = session::load_scenario_text(text, "stored:" + d->record.scenario.hash, diags);
    if (!sf || !sf->scenario)
        return store::Error{store::ErrorCode::Corrupt,
                            "the stored scenario of attempt " + uuid + " does not load"};
    d->scenario = std::move(*sf);
    return std::shared_ptr<const StoredDebrief>(std::move(d));
}

store::Result<std::vector<ReviewItem>> review_queue(store::Store& store,
                                                    const store::Principal& who,
                                                    const DashboardFilter& filter,
                                                    std::size_t limit) {
    // The store would show a trainee their own attempts: the queue is the supervisors'.
    if (!who.staff())
        return store::Error{store::ErrorCode::Denied, "the review queue is for staff"};
    std::string bad;
    auto gf = group_filter(filter, &bad);
    if (!gf) return store::Error{store::ErrorCode::BadInput, bad};
    std::vector<ReviewItem> out;
    for (const session::Mode mode : {session::Mode::Assessment, session::Mode::Refresher}) {
        store::AttemptFilter af = attempt_filter(*gf, store.utc_offset_minutes());
        af.mode = mode;
        af.origins = {session::Origin::Proctored};
        af.limit = limit * 10;  // the newest: a queue is worked from the top
        auto rows = store.attempts(who, af);
        if (!rows) return rows.error();
        for (auto& row : *rows) {
            if (!row.result) continue;
            const store::ResultSet& r = *row.result;
            std::string reason;
            if (r.marked_for_review)
                reason = "review.scorer_marked";
            else if (row.ending == session::Ending::Abandoned)
                reason = "review.abandoned";
            else if (!r.passed && r.score >= r.pass_mark && !r.critical_failed.empty())
                reason = "review.critical_only";
            else if (std::abs(r.score - r.pass_mark) <= kNearPassMark)
                reason = "review.near_pass_mark";
            if (reason.empty()) continue;
            out.push_back({std::move(row), std::move(reason), {}, {}});
        }
    }
    // Reviewed ones (any override) leave the queue; the detail is read only for candidates.
    std::vector<ReviewItem> open;
    for (auto& item : out) {
        if (open.size() >= limit) break;
        auto d = store.attempt(who, item.row.uuid);
        if (!d) return d.error();
        bool reviewed = false;
        for (const auto& r : d->results) {
            if (!r.original) continue;
            reviewed = reviewed || !r.overrides.empty();
            if (item.reason_key != "review.scorer_marked") continue;
            item.marks = r.review_marks;
            for (const auto& m : item.marks) {
                auto it = std::find_if(r.criteria.begin(), r.criteria.end(),
                                       [&](const auto& c) { return c.id == m.criterion_id; });
                item.mark_titles.push_back(it == r.criteria.end() ? m.criterion_id : it->title);
            }
        }
        if (!reviewed) open.push_back(std::move(item));
    }
    std::stable_sort(open.begin(), open.end(), [](const ReviewItem& a, const ReviewItem& b) {
        return a.row.ended_at_ms > b.row.ended_at_ms;
    });
    return open;
}

}  // namespace dd::app
