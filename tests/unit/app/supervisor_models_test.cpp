// The supervisor's screens as data, without a window: the dashboard (figures, KPIs against seed
// 004's standards, charts, overdue drills, the filter's choices and its bad dates), a trainee's
// detail and a stored attempt opened exactly as scored with its override, the review queue, the
// assignment form's rules, and the library beside its item statistics and verify.
#include <gtest/gtest.h>

#include "sim/app/views/assignments_model.h"
#include "sim/app/views/dashboard_model.h"
#include "sim/app/views/library_model.h"
#include "sim/app/views/trainee_model.h"
#include "sim/session/hash.h"
#include "sim/store/summaries.h"
#include "tests/unit/store/store_test_support.h"

namespace {

using namespace dd;
using namespace dd::app;
using namespace dd::store;
using namespace dd::store::test;

constexpr std::int64_t kDay = 86400000;

class SupervisorModels : public StoreTest {
  protected:
    void SetUp() override {
        StoreTest::SetUp();
        super_ = std::make_unique<Principal>(must(store_->login("S001", kSupervisorPassword)));
    }
    // The example gold or poor, as a proctored assessment of `trainee` ended at `ended`.
    std::string add(bool gold, const std::string& trainee, std::int64_t ended,
                    session::Mode mode = session::Mode::Assessment) {
        auto r = example(gold, trainee, mode, session::Origin::Proctored);
        r.started_at_ms = ended - 120000;
        r.ended_at_ms = ended;
        return must(store_->add_attempt(*admin_, r)).uuid;
    }
    std::int64_t day_ms(const char* day) {
        return *parse_day(day) * kDay -
               static_cast<std::int64_t>(store_->utc_offset_minutes()) * 60000 + 10 * 3600000;
    }
    std::unique_ptr<Principal> super_;
};

TEST_F(SupervisorModels, DashboardFiguresChartsAndChoices) {
    add(true, "T001", day_ms("2026-03-10"));
    add(false, "T002", day_ms("2026-03-11"));
    add(false, "T003", day_ms("2026-03-12"));
    DashboardModel m = must(build_dashboard(*store_, *super_, {}, day_ms("2026-03-20")));
    EXPECT_EQ(m.group.figures.attempts, 3);
    EXPECT_EQ(m.group.figures.passed, 1);
    EXPECT_EQ(m.sites, (std::vector<std::string>{"翠湖苑", "阳光花园"}));
    EXPECT_EQ(m.cohorts, (std::vector<std::string>{"2026-春"}));
    EXPECT_EQ(m.scenarios, (std::vector<std::string>{"complaint.night-renovation-noise"}));
    ASSERT_EQ(m.charts.over_time.size(), 3u);
    EXPECT_FALSE(m.charts.monthly);
    std::int64_t in_bins = 0;
    for (auto b : m.charts.bins) in_bins += b;
    EXPECT_EQ(in_bins, 3);
    // The line: three days spread over the width, the gold day highest.
    const auto line = score_line(m.charts);
    ASSERT_EQ(line.size(), 3u);
    EXPECT_FLOAT_EQ(line[0].x, 0.0f);
    EXPECT_FLOAT_EQ(line[1].x, 0.5f);
    EXPECT_FLOAT_EQ(line[2].x, 1.0f);
    EXPECT_GT(line[0].y, line[1].y);
    EXPECT_EQ(line[0].label, "2026-03-10");

    // One site: its trainees only.
    DashboardFilter f;
    f.site = "阳光花园";
    m = must(build_dashboard(*store_, *super_, f, day_ms("2026-03-20")));
    EXPECT_EQ(m.group.figures.attempts, 2);
    ASSERT_EQ(m.charts.trainees.size(), 2u);
    EXPECT_EQ(m.charts.trainees[0].employee_no, "T001");
    EXPECT_EQ(m.charts.trainees[0].passed, 1);
    // A date range: the first day only.
    f = {};
    f.to = "2026-03-10";
    m = must(build_dashboard(*store_, *super_, f, day_ms("2026-03-20")));
    EXPECT_EQ(m.group.figures.attempts, 1);
    // A date that does not read: BadInput naming it, nothing built.
    f.to = "2026-02-30";
    auto bad = build_dashboard(*store_, *super_, f, day_ms("2026-03-20"));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::BadInput);
    EXPECT_EQ(bad.error().message, "2026-02-30");
    // A trainee is refused by the store itself.
    const Principal t = must(store_->trainee_session("T001"));
    auto denied = build_dashboard(*store_, t, {}, day_ms("2026-03-20"));
    ASSERT_FALSE(denied.ok());
    EXPECT_EQ(denied.error().code, ErrorCode::Denied);
}

// The dashboard says when this desk last reached the hub and what waits for it: never, then a
// sync that went through, then one that failed (the last good one still shown).
TEST_F(SupervisorModels, DashboardSaysWhenTheDeskLastSynced) {
    add(true, "T001", day_ms("2026-03-10"));
    DashboardModel m = must(build_dashboard(*store_, *super_, {}, day_ms("2026-03-20")));
    EXPECT_FALSE(m.sync.last_ok);
    EXPECT_GE(m.sync.pending, 1) << "the attempt waits for the hub";
    SyncRun ok;
    ok.hub = "hq.example:5432/deskdrill";
    ok.started_at_ms = day_ms("2026-03-11");
    ok.finished_at_ms = ok.started_at_ms + 5000;
    ok.ok = true;
    ok.pushed = 3;
    ASSERT_TRUE(record_sync(*store_, *admin_, ok).ok());
    SyncRun failed = ok;
    failed.started_at_ms = day_ms("2026-03-12");
    failed.finished_at_ms = failed.started_at_ms + 1000;
    failed.ok = false;
    failed.message = "could not connect";
    ASSERT_TRUE(record_sync(*store_, *admin_, failed).ok());
    m = must(build_dashboard(*store_, *super_, {}, day_ms("2026-03-20")));
    ASSERT_TRUE(m.sync.last_ok);
    EXPECT_EQ(m.sync.last_ok->finished_at_ms, ok.finished_at_ms);
    ASSERT_TRUE(m.sync.last_run);
    EXPECT_FALSE(m.sync.last_run->ok);
}

TEST_F(SupervisorModels, KpiTilesAgainstTheStandards) {
    GroupFigures g;
    g.attempts = 4;
    g.passed = 1;
    g.pass_rate = 0.25;
    g.score_sum = 200;
    g.max_sum = 400;
    g.mean_score = 50;
    g.within_3_rate = 0.5;
    g.response_mean_ms = 7000;
    g.resolution_mean_ms = 20 * 60 * 1000.0;
    const auto& zh = i18n::builtin("zh");
    const auto tiles = kpi_tiles(g, zh);
    ASSERT_EQ(tiles.size(), 7u);
    EXPECT_EQ(tiles[0].value, "4");
    EXPECT_EQ(tiles[1].value, "25.0%");
    EXPECT_EQ(tiles[2].value, "50.0%");
    EXPECT_EQ(tiles[3].label_key, "dash.kpi.within_3");
    EXPECT_EQ(tiles[3].good, std::optional<bool>(false));  // every call within three rings
    EXPECT_EQ(tiles[4].value, zh.duration(7000));
    EXPECT_EQ(tiles[4].good, std::optional<bool>(true));   // within 5 minutes
    EXPECT_EQ(tiles[5].good, std::optional<bool>(false));  // past 15 minutes
    EXPECT_EQ(tiles[6].value, "—");                        // no complaint scenario
    EXPECT_FALSE(tiles[6].good.has_value());
    for (const auto& t : tiles) EXPECT_TRUE(zh.has(t.label_key)) << t.label_key;
}

TEST_F(SupervisorModels, TraineeDetailAndAStoredAttemptExactlyAsScored) {
    const std::string poor = add(false, "T001", day_ms("2026-03-10"));
    add(true, "T001", day_ms("2026-03-11"));
    TraineeDetailModel m = must(build_trainee_detail(*store_, *super_, "T001"));
    EXPECT_EQ(m.report.history.size(), 2u);
    ASSERT_EQ(m.trend.size(), 2u);
    EXPECT_LT(m.trend[0].y, m.trend[1].y);  // poor, then gold
    ASSERT_FALSE(m.report.weakest.empty());

    auto d = must(open_stored_attempt(*store_, *super_, poor));
    EXPECT_TRUE(d->matches) << d->mismatch;
    ASSERT_TRUE(d->record.report.has_value());
    ASSERT_TRUE(d->scenario.scenario);
    EXPECT_EQ(d->scenario.scenario->id, "complaint.night-renovation-noise");
    EXPECT_FALSE(d->record.log.entries.empty());
    // The debrief shown is the report stored: same total as the original result.
    EXPECT_EQ(d->record.report->score, d->detail.results.at(0).score);
    const std::string crit = d->record.report->criteria.at(0).id;
    EXPECT_EQ(d->override_of(crit), nullptr);

    // An override is kept beside the automatic result; the latest is in force.
    NewOverride o;
    o.attempt_uuid = poor;
    o.criterion_id = crit;
    o.points = d->record.report->criteria.at(0).max;
    o.passed = true;
    o.reason = "录音复核";
    must(store_->add_override(*super_, o));
    o.reason = "再次复核";
    must(store_->add_override(*super_, o));
    d = must(open_stored_attempt(*store_, *super_, poor));
    ASSERT_NE(d->override_of(crit), nullptr);
    EXPECT_EQ(d->override_of(crit)->reason, "再次复核");
    EXPECT_EQ(d->record.report->criteria.at(0).points,
              d->detail.results.at(0).criteria.at(0).points)
        << "the automatic result is unchanged";

    // Another trainee cannot open it, nor see T001's detail.
    const Principal t2 = must(store_->trainee_session("T002"));
    EXPECT_EQ(open_stored_attempt(*store_, t2, poor).error().code, ErrorCode::Denied);
    EXPECT_EQ(build_trainee_detail(*store_, t2, "T001").error().code, ErrorCode::Denied);
}

TEST_F(SupervisorModels, ReviewQueueListsAssessmentsToLookAtUntilReviewed) {
    // The poor example fails far below the pass mark, the gold one passes well above it: neither
    // is near the mark. A copy of the poor one with its score moved to the mark is.
    add(false, "T001", day_ms("2026-03-10"));
    add(true, "T002", day_ms("2026-03-10"));
    auto near = example(false, "T003", session::Mode::Assessment, session::Origin::Proctored);
    near.report->score = near.report->pass_mark - 2;
    near.ended_at_ms = day_ms("2026-03-11");
    const std::string near_uuid = must(store_->add_attempt(*admin_, near)).uuid;
    auto left = example(true, "T001", session::Mode::Assessment, session::Origin::Proctored);
    left.ending = session::Ending::Abandoned;
    left.ended_at_ms = day_ms("2026-03-12");
    const std::string left_uuid = must(store_->add_attempt(*admin_, left)).uuid;
    // Practice never enters the queue.
    auto practice = near;
    practice.uuid = session::new_uuid();
    practice.mode = session::Mode::Practice;
    must(store_->add_attempt(*admin_, practice));

    auto q = must(review_queue(*store_, *super_, {}));
    ASSERT_EQ(q.size(), 2u);
    EXPECT_EQ(q[0].row.uuid, left_uuid);  // newest first
    EXPECT_EQ(q[0].reason_key, "review.abandoned");
    EXPECT_EQ(q[1].row.uuid, near_uuid);
    EXPECT_EQ(q[1].reason_key, "review.near_pass_mark");
    // Reviewed (an override) → out of the queue.
    NewOverride o;
    o.attempt_uuid = near_uuid;
    o.criterion_id = near.report->criteria.at(0).id;
    o.points = 0;
    o.passed = false;
    o.reason = "复核维持";
    must(store_->add_override(*super_, o));
    q = must(review_queue(*store_, *super_, {}));
    ASSERT_EQ(q.size(), 1u);
    EXPECT_EQ(q[0].row.uuid, left_uuid);
}

TEST_F(SupervisorModels, AssignmentFormRules) {
    std::string key, bad;
    AssignForm f;
    EXPECT_FALSE(make_assignment(f, 480, &key, &bad));
    EXPECT_EQ(key, "assign.err.no_trainee");
    f.to_cohort = true;
    EXPECT_FALSE(make_assignment(f, 480, &key, &bad));
    EXPECT_EQ(key, "assign.err.no_cohort");
    f.cohort = "2026-春";
    EXPECT_FALSE(make_assignment(f, 480, &key, &bad));
    EXPECT_EQ(key, "assign.err.no_scenario");
    f.scenarios = {"complaint.night-renovation-noise"};
    f.due = "2026-13-01";
    EXPECT_FALSE(make_assignment(f, 480, &key, &bad));
    EXPECT_EQ(key, "assign.err.bad_date");
    EXPECT_EQ(bad, "2026-13-01");
    f.due = "2026-03-31";
    f.every_days = 30;
    EXPECT_FALSE(make_assignment(f, 480, &key, &bad));
    EXPECT_EQ(key, "assign.err.interval_needs_refresher");
    f.mode = session::Mode::Refresher;
    auto a = make_assignment(f, 480, &key, &bad);
    ASSERT_TRUE(a);
    // Due at the end of 2026-03-31 in UTC+8: 2026-03-31T16:00Z.
    EXPECT_EQ(*a->due_at_ms, (*parse_day("2026-04-01")) * kDay - 480 * 60000);
    EXPECT_EQ(a->every_days, 30);
    EXPECT_EQ(a->cohort, "2026-春");

    // Stored through the store; who has not done what.
    f.due = "2026-03-15";
    f.every_days = 0;
    f.mode = session::Mode::Assessment;
    auto given = make_assignment(f, store_->utc_offset_minutes(), &key, &bad);
    ASSERT_TRUE(given);
    given->starts_at_ms = day_ms("2026-03-01");  // given before the attempts below
    must(assign(*store_, *super_, *given));
    add(true, "T001", day_ms("2026-03-12"));  // T001 did it in time
    auto m = must(build_assignments(*store_, *super_, day_ms("2026-03-20")));
    ASSERT_EQ(m.assignments.size(), 1u);
    ASSERT_EQ(m.not_done.size(), 2u);  // T002 and T003, both overdue
    EXPECT_TRUE(m.not_done[0].overdue);
    EXPECT_NE(m.not_done[0].trainee, "T001");
    EXPECT_NE(m.not_done[1].trainee, "T001");
    EXPECT_EQ(m.trainees.size(), 3u);
    EXPECT_EQ(m.cohorts, (std::vector<std::string>{"2026-春"}));
}

TEST_F(SupervisorModels, LibraryRowsWithItemsAndVerify) {
    for (int i = 0; i < 3; ++i) add(i == 0, "T001", day_ms("2026-03-10") + i * 60000);
    const auto lib = session::Library::scan(DESKDRILL_SCENARIOS_DIR);
    auto items = must(item_report(*store_, *super_, {}));
    const auto rows = library_rows(lib, &items);
    ASSERT_EQ(rows.size(), lib.entries.size());
    const LibraryRow* noise = nullptr;
    for (const auto& r : rows)
        if (r.id == "complaint.night-renovation-noise") noise = &r;
    ASSERT_NE(noise, nullptr);
    EXPECT_TRUE(noise->error.empty());
    EXPECT_FALSE(noise->criteria.empty());
    ASSERT_TRUE(noise->items.has_value());
    EXPECT_EQ(noise->items->attempts, 3);
    ASSERT_FALSE(noise->items->items.empty());
    EXPECT_TRUE(noise->items->items[0].facility.has_value());
    for (const auto& r : rows) {
        if (r.id != noise->id) {
            EXPECT_FALSE(r.items.has_value()) << r.id;
        }
    }

    const auto* sf = lib.find("complaint.night-renovation-noise");
    ASSERT_NE(sf, nullptr);
    const VerifyOutcome v = verify_one(*sf->scenario, *session::test::resources());
    EXPECT_TRUE(v.ok);
    EXPECT_TRUE(v.result.passing_path);
    EXPECT_TRUE(v.result.failing_path);
    EXPECT_GT(v.result.runs, 0);
}

}  // namespace
