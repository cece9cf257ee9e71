// Assignments and the refresher schedule, on a fixed calendar: who an assignment applies to,
// which attempts count (an imported or scripted attempt never completes an assessment, choice
// mode only where allowed), due and overdue, a refresher due again N days after the last one.
#include "sim/store/assignments.h"
#include "store_test_support.h"

namespace {

using namespace dd;
using namespace dd::store;
using namespace dd::store::test;

constexpr std::int64_t kDay = 86400000;
constexpr std::int64_t kT0 = 1'780'000'000'000;  // a fixed "now" for the calendar
const std::string kScenario = "complaint.night-renovation-noise";

class Assignments : public StoreTest {
  protected:
    void store_at(const std::string& trainee, std::int64_t ended, session::Mode mode,
                  session::Origin origin, bool choice = false) {
        auto rec = example(true, trainee, mode, origin);
        rec.choice_mode = choice;
        rec.started_at_ms = ended - 120000;
        rec.ended_at_ms = ended;
        must(store_->add_attempt(*admin_, rec));
    }
    std::vector<AssignmentStatus> status(std::int64_t now, AssignmentFilter f = {}) {
        f.now_ms = now;
        return must(assignment_status(*store_, *admin_, f));
    }
    static const AssignmentStatus* of(const std::vector<AssignmentStatus>& v, const std::string& t) {
        for (const auto& s : v)
            if (s.trainee == t) return &s;
        return nullptr;
    }
};

TEST_F(Assignments, CohortAssessmentCountsOnlyProctoredAttempts) {
    NewAssignment n;
    n.cohort = "2026-春";
    n.site = "阳光花园";
    n.scenarios = {kScenario};
    n.mode = session::Mode::Assessment;
    n.starts_at_ms = kT0;
    n.due_at_ms = kT0 + 7 * kDay;
    auto a = must(assign(*store_, *admin_, n));
    EXPECT_EQ(a.scenarios, std::vector<std::string>{kScenario});

    auto s = status(kT0 + kDay);
    ASSERT_EQ(s.size(), 2u) << "T001 and T002 of 阳光花园; not T003 of 翠湖苑";
    EXPECT_FALSE(of(s, "T001")->done);
    EXPECT_FALSE(of(s, "T001")->overdue);

    store_at("T001", kT0 + 2 * kDay, session::Mode::Assessment, session::Origin::Proctored);
    store_at("T002", kT0 + 2 * kDay, session::Mode::Assessment, session::Origin::Imported);
    store_at("T002", kT0 + 2 * kDay, session::Mode::Assessment, session::Origin::Scripted);
    store_at("T002", kT0 + 2 * kDay, session::Mode::Practice, session::Origin::Proctored);
    store_at("T002", kT0 - kDay, session::Mode::Assessment, session::Origin::Proctored);  // before

    s = status(kT0 + 3 * kDay);
    EXPECT_TRUE(of(s, "T001")->done);
    EXPECT_EQ(of(s, "T001")->attempts, 1);
    EXPECT_EQ(of(s, "T001")->last_ms, kT0 + 2 * kDay);
    EXPECT_FALSE(of(s, "T002")->done);
    EXPECT_EQ(of(s, "T002")->attempts, 0);

    AssignmentFilter overdue;
    overdue.overdue_only = true;
    EXPECT_TRUE(status(kT0 + 7 * kDay - 1, overdue).empty());
    auto late = status(kT0 + 7 * kDay, overdue);
    ASSERT_EQ(late.size(), 1u);
    EXPECT_EQ(late[0].trainee, "T002");
    EXPECT_EQ(late[0].due_ms, kT0 + 7 * kDay);

    must(cancel_assignment(*store_, *admin_, a.id));
    EXPECT_TRUE(status(kT0 + 8 * kDay).empty());
}

TEST_F(Assignments, ACohortAtEverySiteAndOneTrainee) {
    NewAssignment every;
    every.cohort = "2026-春";
    every.scenarios = {kScenario};
    every.starts_at_ms = kT0;
    must(assign(*store_, *admin_, every));
    EXPECT_EQ(status(kT0).size(), 3u);
    NewAssignment one;
    one.trainee = "T003";
    one.scenarios = {kScenario, "emergency.fire-alarm-evacuation"};
    one.starts_at_ms = kT0;
    must(assign(*store_, *admin_, one));
    AssignmentFilter f;
    f.trainee = "T003";
    EXPECT_EQ(status(kT0, f).size(), 3u);
    // Practice counts imported attempts, and no due date means never overdue.
    store_at("T003", kT0 + kDay, session::Mode::Practice, session::Origin::Imported);
    auto s = status(kT0 + 100 * kDay, f);
    EXPECT_EQ(std::count_if(s.begin(), s.end(), [](const auto& x) { return x.done; }), 2);
    EXPECT_EQ(std::count_if(s.begin(), s.end(), [](const auto& x) { return x.overdue; }), 0);
}

TEST_F(Assignments, RefresherRecursEveryNDays) {
    NewAssignment n;
    n.trainee = "T001";
    n.scenarios = {kScenario};
    n.mode = session::Mode::Refresher;
    n.every_days = 30;
    n.starts_at_ms = kT0;
    must(assign(*store_, *admin_, n));
    auto s = status(kT0 + 29 * kDay);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].due_ms, kT0 + 30 * kDay) << "first due N days after it was given";
    EXPECT_FALSE(s[0].overdue);
    EXPECT_TRUE(status(kT0 + 30 * kDay)[0].overdue);
    store_at("T001", kT0 + 31 * kDay, session::Mode::Refresher, session::Origin::Proctored);
    s = status(kT0 + 32 * kDay);
    EXPECT_TRUE(s[0].done);
    EXPECT_EQ(s[0].due_ms, kT0 + 61 * kDay);
    EXPECT_FALSE(status(kT0 + 61 * kDay - 1)[0].overdue);
    EXPECT_TRUE(status(kT0 + 61 * kDay)[0].overdue);
}

TEST_F(Assignments, ChoiceModeCountsOnlyWhereAllowed) {
    NewAssignment n;
    n.trainee = "T001";
    n.scenarios = {kScenario};
    n.mode = session::Mode::Assessment;
    n.starts_at_ms = kT0;
    must(assign(*store_, *admin_, n));
    store_at("T001", kT0 + kDay, session::Mode::Assessment, session::Origin::Proctored, true);
    EXPECT_FALSE(status(kT0 + 2 * kDay)[0].done);
    n.choice_allowed = true;
    must(assign(*store_, *admin_, n));
    auto s = status(kT0 + 2 * kDay);
    ASSERT_EQ(s.size(), 2u);
    EXPECT_FALSE(s[0].done);
    EXPECT_TRUE(s[1].done);
}

TEST_F(Assignments, SetsRolesAndBadInput) {
    must(define_scenario_set(*store_, *admin_, "投诉入门", {kScenario, "complaint.angry-kept-waiting"}));
    NewAssignment n;
    n.trainee = "T002";
    n.set_name = "投诉入门";
    n.starts_at_ms = kT0;
    auto a = must(assign(*store_, *admin_, n));
    EXPECT_EQ(a.scenarios.size(), 2u);
    EXPECT_EQ(a.set_name, "投诉入门");
    n.set_name = "没有这个";
    EXPECT_EQ(assign(*store_, *admin_, n).error().code, ErrorCode::NotFound);
    NewAssignment both;
    both.trainee = "T001";
    both.cohort = "2026-春";
    both.scenarios = {kScenario};
    EXPECT_EQ(assign(*store_, *admin_, both).error().code, ErrorCode::BadInput);
    NewAssignment recurring_practice;
    recurring_practice.trainee = "T001";
    recurring_practice.scenarios = {kScenario};
    recurring_practice.every_days = 7;
    EXPECT_EQ(assign(*store_, *admin_, recurring_practice).error().code, ErrorCode::BadInput);

    auto t1 = must(store_->trainee_session("T001"));
    auto t2 = must(store_->trainee_session("T002"));
    NewAssignment self;
    self.trainee = "T001";
    self.scenarios = {kScenario};
    EXPECT_EQ(assign(*store_, t1, self).error().code, ErrorCode::Denied);
    EXPECT_TRUE(must(assignment_status(*store_, t1, {})).empty());
    AssignmentFilter other;
    other.trainee = "T002";
    EXPECT_TRUE(must(assignment_status(*store_, t1, other)).empty()) << "never another's";
    EXPECT_EQ(must(assignment_status(*store_, t2, {})).size(), 2u);
    EXPECT_EQ(must(assignments(*store_, t2, {})).size(), 1u);
    EXPECT_EQ(must(assignments(*store_, *admin_, {})).size(), 1u);
}

}  // namespace
