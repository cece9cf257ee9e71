// Reports on small data sets whose figures are worked out by hand (in the comments): the group
// report (pass rate, per criterion, the KPIs), item statistics (facility, discrimination by top
// and bottom thirds), agreement (percent and Cohen's kappa), the trainee report; which attempts
// count (never a scripted or imported assessment); and the summaries giving the same figures as
// the attempts themselves over many filters and date ranges, month ends included.
#include <set>

#include "sim/session/hash.h"
#include "sim/store/reports.h"
#include "sim/store/reports_json.h"
#include "sim/store/rescore.h"
#include "sim/store/summaries.h"
#include "store_test_support.h"

namespace {

using namespace dd;
using namespace dd::store;
using namespace dd::store::test;

constexpr std::int64_t kDay = 86400000;
const std::string kA = "phone.answer-within-3-rings";  // max 10 here
const std::string kB = "courtesy.greeting";            // max 20 here

// The example's gold (good KPIs) or poor log with a report of two criteria, A and B, scored by
// hand: score = a + b of 30, passed when ≥ 20.
session::AttemptRecord hand_scored(const session::AttemptRecord& base, const std::string& trainee,
                                   int a, int b, std::int64_t ended_at_ms,
                                   session::Mode mode = session::Mode::Practice,
                                   session::Origin origin = session::Origin::Imported) {
    session::AttemptRecord r = base;
    r.uuid = session::new_uuid();
    r.trainee = trainee;
    r.mode = mode;
    r.origin = origin;
    r.started_at_ms = ended_at_ms - 120000;
    r.ended_at_ms = ended_at_ms;
    ScoreReport& rep = *r.report;
    rep.criteria.resize(2);
    rep.criteria[0].id = kA;
    rep.criteria[0].points = a;
    rep.criteria[0].max = 10;
    rep.criteria[0].passed = a == 10;
    rep.criteria[0].critical = false;
    rep.criteria[1].id = kB;
    rep.criteria[1].points = b;
    rep.criteria[1].max = 20;
    rep.criteria[1].passed = b == 20;
    rep.criteria[1].critical = false;
    rep.score = a + b;
    rep.max = 30;
    rep.pass_mark = 20;
    rep.passed = rep.score >= 20;
    rep.critical_failed.clear();
    return r;
}

class Reports : public StoreTest {
  protected:
    void SetUp() override {
        StoreTest::SetUp();
        gold_ = example(true, "T001");
        poor_ = example(false, "T001");
        day0_ = parse_day("2026-03-10").value();
    }
    std::int64_t at(std::int64_t day, int hour = 10) {
        return day * kDay - static_cast<std::int64_t>(store_->utc_offset_minutes()) * 60000 +
               hour * 3600000;
    }
    // The six attempts of the item-statistics example (A, B) = (10,20) (10,10) (0,20) (10,0)
    // (0,10) (0,0): scores 30 20 20 10 10 0; the first three on the gold log, the rest on the
    // poor one; trainees T001, T002, T001, T002, T001, T002; all on day0.
    std::vector<std::string> store_six() {
        const int pts[6][2] = {{10, 20}, {10, 10}, {0, 20}, {10, 0}, {0, 10}, {0, 0}};
        std::vector<std::string> uuids;
        for (int i = 0; i < 6; ++i) {
            auto r = hand_scored(i < 3 ? gold_ : poor_, i % 2 ? "T002" : "T001", pts[i][0],
                                 pts[i][1], at(day0_, 9 + i));
            uuids.push_back(must(store_->add_attempt(*admin_, r)).uuid);
        }
        return uuids;
    }
    session::AttemptRecord gold_, poor_;
    std::int64_t day0_ = 0;
};

TEST_F(Reports, GroupFiguresByHand) {
    store_six();
    auto rep = must(group_report(*store_, *admin_, {}));
    const GroupFigures& g = rep.figures;
    EXPECT_EQ(g.attempts, 6);
    EXPECT_EQ(g.passed, 3);  // 30, 20, 20
    EXPECT_DOUBLE_EQ(*g.pass_rate, 0.5);
    EXPECT_DOUBLE_EQ(*g.mean_score, 15.0);  // 90 / 6
    EXPECT_EQ(g.finished, 6);
    // KPIs: the gold log answers in 2 rings and replies at 7 s, the poor one in 7 rings, 30 s.
    EXPECT_EQ(g.phone_calls, 6);
    EXPECT_EQ(g.phone_within_3, 3);
    EXPECT_DOUBLE_EQ(*g.within_3_rate, 0.5);
    EXPECT_DOUBLE_EQ(*g.response_mean_ms, 18500.0);  // (3·7000 + 3·30000) / 6
    const auto gold_kpi = must(store_->attempts(*admin_, {})).back().kpi;
    const auto poor_kpi = must(store_->attempts(*admin_, {})).front().kpi;
    EXPECT_DOUBLE_EQ(*g.resolution_mean_ms,
                     (3.0 * gold_kpi.resolution_ms + 3.0 * poor_kpi.resolution_ms) / 6.0);
    // All six are complaints (深夜装修噪音投诉); three passed.
    EXPECT_EQ(g.complaint_attempts, 6);
    EXPECT_DOUBLE_EQ(*g.complaint_success_rate, 0.5);
    ASSERT_EQ(rep.criteria.size(), 2u);
    const CriterionFigure& b = rep.criteria[0];  // by id: courtesy.greeting first
    const CriterionFigure& a = rep.criteria[1];
    EXPECT_EQ(a.id, kA);
    EXPECT_EQ(a.points, 30);
    EXPECT_EQ(a.max_points, 60);
    EXPECT_DOUBLE_EQ(*a.percent, 50.0);
    EXPECT_DOUBLE_EQ(a.pass_rate, 0.5);  // 10 of 10 three times
    EXPECT_EQ(b.id, kB);
    EXPECT_DOUBLE_EQ(*b.percent, 50.0);  // 60 of 120
    EXPECT_DOUBLE_EQ(b.pass_rate, 2.0 / 6.0);
    EXPECT_FALSE(b.title.empty());
    EXPECT_NE(b.title, kB) << "titled from the catalogue";
    EXPECT_EQ(rep.trainees, 3);
    ASSERT_EQ(rep.result_set.versions.size(), 1u);
    EXPECT_EQ(rep.result_set.versions[0].catalogue_version, gold_.report->catalogue_version);
    EXPECT_EQ(rep.result_set.versions[0].attempts, 6);
    // Per site: T003 (翠湖苑) made none.
    GroupFilter other;
    other.site = "翠湖苑";
    EXPECT_EQ(must(group_report(*store_, *admin_, other)).figures.attempts, 0);
    EXPECT_EQ(must(group_report(*store_, *admin_, other)).trainees, 1);
}

// The charts: scores 30 20 20 10 10 0 of 30 are 100 %, 66.7 % twice, 33.3 % twice and 0 %;
// T001 made 30 + 20 + 10 of 90 (two passed), T002 20 + 10 + 0 of 90 (one passed).
TEST_F(Reports, ChartFiguresByHand) {
    store_six();
    ChartFigures ch = must(chart_figures(*store_, *admin_, {}));
    EXPECT_EQ(ch.bins, (std::vector<std::int64_t>{1, 0, 0, 2, 0, 0, 2, 0, 0, 1}));
    ASSERT_EQ(ch.trainees.size(), 2u);
    EXPECT_EQ(ch.trainees[0].employee_no, "T001");
    EXPECT_EQ(ch.trainees[0].name, "张三");
    EXPECT_EQ(ch.trainees[0].attempts, 3);
    EXPECT_EQ(ch.trainees[0].passed, 2);
    EXPECT_NEAR(*ch.trainees[0].percent, 100.0 * 60 / 90, 1e-9);
    EXPECT_EQ(ch.trainees[0].last_ms, at(day0_, 13));
    EXPECT_EQ(ch.trainees[1].employee_no, "T002");
    EXPECT_NEAR(*ch.trainees[1].percent, 100.0 * 30 / 90, 1e-9);
    // One day of data: shown per day.
    EXPECT_FALSE(ch.monthly);
    ASSERT_EQ(ch.over_time.size(), 1u);
    EXPECT_EQ(ch.over_time[0].period, day0_);
    EXPECT_EQ(ch.over_time[0].attempts, 6);
    EXPECT_EQ(ch.over_time[0].passed, 3);
    EXPECT_DOUBLE_EQ(*ch.over_time[0].percent, 50.0);

    // Five more months of data (30 of 30 each): per month over everything, per day over a range
    // of 30 days, and the months at a range's ends count only the days inside it.
    for (int m = 1; m <= 5; ++m)
        must(store_->add_attempt(*admin_, hand_scored(gold_, "T001", 10, 20,
                                                      at(day0_ + 31 * m))));
    ch = must(chart_figures(*store_, *admin_, {}));
    EXPECT_TRUE(ch.monthly);
    ASSERT_EQ(ch.over_time.size(), 6u);
    EXPECT_EQ(ch.over_time[0].period, month_of_day(day0_));
    EXPECT_EQ(ch.over_time[0].attempts, 6);
    EXPECT_DOUBLE_EQ(*ch.over_time[5].percent, 100.0);
    EXPECT_EQ(ch.bins[9], 6);
    GroupFilter range;
    range.from_day = day0_ + 1;  // the six of day0 are outside
    range.to_day = day0_ + 200;
    ch = must(chart_figures(*store_, *admin_, range));
    EXPECT_TRUE(ch.monthly);
    std::int64_t n = 0;
    for (const auto& p : ch.over_time) n += p.attempts;
    EXPECT_EQ(n, 5);
    range.to_day = day0_ + 40;
    ch = must(chart_figures(*store_, *admin_, range));
    EXPECT_FALSE(ch.monthly);
    ASSERT_EQ(ch.over_time.size(), 1u);
    EXPECT_EQ(ch.over_time[0].period, day0_ + 31);
    ASSERT_EQ(ch.trainees.size(), 1u);
    EXPECT_EQ(ch.trainees[0].attempts, 1);

    // Staff only.
    const Principal t = must(store_->trainee_session("T001"));
    auto denied = chart_figures(*store_, t, {});
    ASSERT_FALSE(denied.ok());
    EXPECT_EQ(denied.error().code, ErrorCode::Denied);
}

TEST_F(Reports, ItemStatisticsByHand) {
    store_six();
    auto rep = must(item_report(*store_, *admin_, {}));
    ASSERT_EQ(rep.scenarios.size(), 1u);
    const ScenarioItems& s = rep.scenarios[0];
    EXPECT_EQ(s.attempts, 6);
    EXPECT_DOUBLE_EQ(s.mean_score, 15.0);
    ASSERT_EQ(s.items.size(), 2u);
    const ItemFigure& b = s.items[0];
    const ItemFigure& a = s.items[1];
    // Facility: mean of points/max. A: 1,1,0,1,0,0 → 50 %. B: 1,.5,1,0,.5,0 → 50 %.
    EXPECT_DOUBLE_EQ(*a.facility, 50.0);
    EXPECT_DOUBLE_EQ(*b.facility, 50.0);
    // Thirds of ⌊6/3⌋ = 2. Top by score (ties: stored first): #1 (30), #2 (20). Bottom: #6 (0),
    // #5 (10). A: (1 + 1 − 0 − 0) / 2 = 1. B: (1 + .5 − 0 − .5) / 2 = .5.
    EXPECT_DOUBLE_EQ(*a.discrimination, 1.0);
    EXPECT_DOUBLE_EQ(*b.discrimination, 0.5);
    EXPECT_DOUBLE_EQ(a.mean_points, 5.0);
    EXPECT_DOUBLE_EQ(a.max_points, 10.0);
}

TEST_F(Reports, DiscriminationNeedsThreeAttempts) {
    must(store_->add_attempt(*admin_, hand_scored(gold_, "T001", 10, 20, at(day0_))));
    must(store_->add_attempt(*admin_, hand_scored(poor_, "T002", 0, 0, at(day0_))));
    auto rep = must(item_report(*store_, *admin_, {}));
    ASSERT_EQ(rep.scenarios.size(), 1u);
    EXPECT_FALSE(rep.scenarios[0].items[0].discrimination);
    EXPECT_DOUBLE_EQ(*rep.scenarios[0].items[0].facility, 50.0);
}

TEST_F(Reports, AgreementAndKappaByHand) {
    auto u = store_six();
    auto sup = must(store_->login("S001", kSupervisorPassword));
    auto over = [&](int i, const std::string& c, bool pass) {
        const int max = c == kA ? 10 : 20;
        must(store_->add_override(sup, {u[i], {}, c, pass ? max : 0, pass, "复核"}));
    };
    // A: automatic pass on #1 #2 #4. Overrides #1 pass, #2 fail, #3 pass, #6 fail:
    // a=1 b=1 c=1 d=1 → po = .5, pe = .5·.5 + .5·.5 = .5, κ = 0.
    over(0, kA, true);
    over(1, kA, false);
    over(2, kA, true);
    over(5, kA, false);
    // B: automatic pass on #1 #3. Overrides #1 pass, #2 fail (after an earlier "pass", not in
    // force), #3 pass, #4 fail, #5 pass: a=2 b=0 c=1 d=2, n=5 → po = .8, pe = .4·.6 + .6·.4 =
    // .48, κ = .32 / .52 = 8/13.
    over(0, kB, true);
    over(1, kB, true);
    over(1, kB, false);
    over(2, kB, true);
    over(3, kB, false);
    over(4, kB, true);
    auto rep = must(agreement_report(*store_, *admin_, {}));
    ASSERT_EQ(rep.criteria.size(), 2u);
    const AgreementFigure& b = rep.criteria[0];
    const AgreementFigure& a = rep.criteria[1];
    EXPECT_EQ(a.n, 4);
    EXPECT_DOUBLE_EQ(a.percent_agreement, 50.0);
    EXPECT_DOUBLE_EQ(*a.kappa, 0.0);
    EXPECT_EQ(b.n, 5);
    EXPECT_EQ(b.both_pass, 2);
    EXPECT_EQ(b.auto_pass_only, 0);
    EXPECT_EQ(b.override_pass_only, 1);
    EXPECT_EQ(b.both_fail, 2);
    EXPECT_DOUBLE_EQ(b.percent_agreement, 80.0);
    EXPECT_DOUBLE_EQ(*b.kappa, 8.0 / 13.0);
    // Together: a=3 b=1 c=2 d=3, n=9: po = 6/9, pe = (4/9)(5/9) + (5/9)(4/9) = 40/81,
    // κ = (54/81 − 40/81) / (41/81) = 14/41.
    EXPECT_EQ(rep.overall.n, 9);
    EXPECT_DOUBLE_EQ(*rep.overall.kappa, 14.0 / 41.0);
}

TEST(CohenKappa, EdgeCases) {
    EXPECT_DOUBLE_EQ(*cohen_kappa(5, 0, 0, 5), 1.0);
    EXPECT_DOUBLE_EQ(*cohen_kappa(0, 5, 5, 0), -1.0);
    EXPECT_FALSE(cohen_kappa(4, 0, 0, 0)) << "both always pass: pe = 1";
    EXPECT_FALSE(cohen_kappa(0, 0, 0, 0));
    // A textbook table: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → κ = 0.4.
    EXPECT_NEAR(*cohen_kappa(20, 5, 10, 15), 0.4, 1e-12);
}

TEST_F(Reports, ScriptedAndImportedNeverCountAsProctoredAssessments) {
    must(store_->add_attempt(*admin_, hand_scored(gold_, "T001", 10, 20, at(day0_),
                                                  session::Mode::Assessment,
                                                  session::Origin::Proctored)));
    must(store_->add_attempt(*admin_, hand_scored(gold_, "T001", 10, 20, at(day0_),
                                                  session::Mode::Assessment,
                                                  session::Origin::Scripted)));
    must(store_->add_attempt(*admin_, hand_scored(gold_, "T002", 10, 20, at(day0_),
                                                  session::Mode::Assessment,
                                                  session::Origin::Imported)));
    must(store_->add_attempt(*admin_, hand_scored(poor_, "T002", 0, 0, at(day0_),
                                                  session::Mode::Practice,
                                                  session::Origin::Scripted)));
    GroupFilter assess;
    assess.mode = session::Mode::Assessment;
    assess.origins = {session::Origin::Proctored, session::Origin::Imported,
                      session::Origin::Scripted};
    for (bool from_attempts : {false, true}) {
        auto rep = must(from_attempts ? group_report_from_attempts(*store_, *admin_, assess)
                                      : group_report(*store_, *admin_, assess));
        EXPECT_EQ(rep.figures.attempts, 1) << "only the proctored one";
        EXPECT_EQ(rep.origins, std::vector<session::Origin>{session::Origin::Proctored});
    }
    // Without a mode: the default origins leave scripted runs out, and the imported assessment
    // still does not count.
    EXPECT_EQ(must(group_report(*store_, *admin_, {})).figures.attempts, 1);
    GroupFilter everything;
    everything.origins = {session::Origin::Proctored, session::Origin::Imported,
                          session::Origin::Scripted};
    EXPECT_EQ(must(group_report(*store_, *admin_, everything)).figures.attempts, 2)
        << "the scripted practice run when asked for; never an unproctored assessment";
    EXPECT_EQ(must(item_report(*store_, *admin_, assess)).scenarios[0].attempts, 1);
}

TEST_F(Reports, TraineeReportHistoryTrendAndWeakest) {
    // T001: scores 10, 20, 30 (percent 33.3, 66.7, 100) on three days; slope +33.3 per attempt.
    must(store_->add_attempt(*admin_, hand_scored(poor_, "T001", 10, 0, at(day0_))));
    must(store_->add_attempt(*admin_, hand_scored(gold_, "T001", 0, 20, at(day0_ + 1))));
    must(store_->add_attempt(*admin_, hand_scored(gold_, "T001", 10, 20, at(day0_ + 2))));
    must(store_->add_attempt(*admin_, hand_scored(gold_, "T002", 10, 20, at(day0_ + 2))));
    auto t1 = must(store_->trainee_session("T001"));
    auto rep = must(trainee_report(*store_, t1, "T001"));
    ASSERT_EQ(rep.history.size(), 3u);
    EXPECT_EQ(rep.history[0].ended_at_ms, at(day0_ + 2)) << "newest first";
    ASSERT_EQ(rep.trend.size(), 3u);
    EXPECT_NEAR(rep.trend[0].percent, 100.0 / 3, 1e-9);
    EXPECT_NEAR(*rep.trend_slope, 100.0 / 3, 1e-9);
    EXPECT_NEAR(*rep.recent_mean, 200.0 / 3, 1e-9);
    EXPECT_FALSE(rep.earlier_mean);
    // A: 20 of 30 → 66.7 %; B: 40 of 60 → 66.7 %; equal, so by id: B (courtesy…) first.
    ASSERT_EQ(rep.weakest.size(), 2u);
    EXPECT_EQ(rep.weakest[0].id, kB);
    EXPECT_NEAR(*rep.weakest[0].percent, 200.0 / 3, 1e-9);
    EXPECT_EQ(trainee_report(*store_, t1, "T002").error().code, ErrorCode::Denied);
    EXPECT_EQ(group_report(*store_, t1, {}).error().code, ErrorCode::Denied);
    EXPECT_NE(to_json(rep, 480).find("\"weakest_criteria\""), std::string::npos);
}

// Figures that must agree between the summaries and the attempts.
void expect_same(const GroupReport& s, const GroupReport& a, const std::string& what) {
    SCOPED_TRACE(what);
    EXPECT_EQ(to_json(s, 0), to_json(a, 0));
}

TEST_F(Reports, SummariesEqualTheAttemptsOverManyFilters) {
    // 360 attempts over 75 days from 2026-01-20 (across three month ends), two sites, three
    // trainees, two modes and three origins, points varying; then a re-score.
    must(store_->add_person(*admin_, {Role::Trainee, "T004", "赵六", "翠湖苑", "2026-夏", "", ""}));
    const std::int64_t start = parse_day("2026-01-20").value();
    std::vector<session::AttemptRecord> recs;
    const char* trainees[] = {"T001", "T002", "T003", "T004"};
    for (int i = 0; i < 360; ++i) {
        const auto mode = i % 5 == 0 ? session::Mode::Assessment : session::Mode::Practice;
        const auto origin = i % 7 == 0   ? session::Origin::Scripted
                            : i % 3 == 0 ? session::Origin::Imported
                                         : session::Origin::Proctored;
        recs.push_back(hand_scored(i % 4 == 0 ? poor_ : gold_, trainees[i % 4], (i % 3) * 5,
                                   (i * 7) % 21, at(start + (i * 13) % 75, i % 24), mode, origin));
    }
    std::vector<const session::AttemptRecord*> ptrs;
    for (const auto& r : recs) ptrs.push_back(&r);
    must(store_->add_attempts(*admin_, ptrs));

    std::vector<std::pair<std::string, GroupFilter>> filters;
    filters.push_back({"all", {}});
    auto add = [&](std::string name, auto edit) {
        GroupFilter f;
        edit(f);
        filters.push_back({std::move(name), f});
    };
    add("site", [](GroupFilter& f) { f.site = "阳光花园"; });
    add("cohort", [](GroupFilter& f) { f.cohort = "2026-夏"; });
    add("assessment", [](GroupFilter& f) { f.mode = session::Mode::Assessment; });
    add("scripted too", [](GroupFilter& f) {
        f.origins = {session::Origin::Scripted, session::Origin::Proctored};
    });
    add("scenario", [](GroupFilter& f) { f.scenario = "complaint.night-renovation-noise"; });
    const char* ranges[][2] = {{"2026-01-20", "2026-04-04"}, {"2026-02-01", "2026-02-28"},
                               {"2026-01-31", "2026-03-01"}, {"2026-02-10", "2026-02-10"},
                               {"2026-02-15", "2026-03-20"}, {"2026-03-01", nullptr},
                               {nullptr, "2026-02-27"},     {"2026-02-01", "2026-03-31"}};
    for (const auto& r : ranges)
        add(std::string(r[0] ? r[0] : "…") + " to " + (r[1] ? r[1] : "…"), [&](GroupFilter& f) {
            if (r[0]) f.from_day = parse_day(r[0]);
            if (r[1]) f.to_day = parse_day(r[1]);
            f.site = r[0] && r[1] ? "阳光花园" : "";
        });
    std::set<std::int64_t> counts;
    for (const auto& [name, f] : filters) {
        auto s = must(group_report(*store_, *admin_, f));
        expect_same(s, must(group_report_from_attempts(*store_, *admin_, f)), name);
        EXPECT_GT(s.figures.attempts, 0) << name;
        counts.insert(s.figures.attempts);
    }
    EXPECT_GE(counts.size(), 10u) << "the filters select different attempts";

    Diagnostics d;
    auto res2027 = session::Resources::load(std::string(DESKDRILL_SCENARIOS_DIR) + "/lexicon.yaml",
                                            std::string(DESKDRILL_TESTS_DIR) +
                                                "/data/rubric/standards-2027.1.yaml",
                                            d);
    // Re-scoring replays the hand-scored records' real logs: the results differ from the hand
    // scores, which is the point — the summaries of the new set must match its results.
    auto sum = must(rescore(*store_, *admin_, *res2027));
    EXPECT_EQ(sum.rescored, 360u);
    for (auto [name, f] : filters) {
        f.result_set = sum.set;
        auto s = must(group_report(*store_, *admin_, f));
        expect_same(s, must(group_report_from_attempts(*store_, *admin_, f)), name + " (2027.1)");
        EXPECT_FALSE(s.result_set.original);
        EXPECT_EQ(s.result_set.catalogue_version, "2027.1");
    }
}

}  // namespace
