// The supervisor's screens, window-less, driven through ImGui's own input like a person: the
// dashboard over stored attempts, a trainee's detail, a stored attempt's debrief (the debrief
// view itself) with an override kept beside the automatic result, an assignment given from the
// form, a CSV exported; and a trainee kept out of every one of them.
#include <filesystem>
#include <fstream>

#include "console_fixture.h"
#include "sim/store/assignments.h"
#include "sim/store/reports.h"

namespace {

using namespace dd;
using namespace dd::app;
using namespace dd::app::test;
using namespace dd::session::test;

// The console fixture's records with t3 王五 at 翠湖苑 (no attempts) and attempts by t1 (gold,
// then poor) and t2 (poor); the window logged in as s1.
class SupervisorViews : public ConsoleFixture {
  protected:
    void SetUp() override {
        ConsoleFixture::SetUp();
        if (HasFatalFailure()) return;
        must(app.store->add_person(*admin,
                                   {store::Role::Trainee, "t3", "王五", "翠湖苑", "B", "", ""}));
        add_example(true, "t1");
        add_example(false, "t1");
        add_example(false, "t2");
        frame();
        std::string err;
        ASSERT_TRUE(app.log_in_staff("s1", kSupervisorPassword, &err)) << err;
        frame();
    }

    // Frames until the screen's background builds are done, then its text.
    std::string settled_text() {
        for (int i = 0; i < 3; ++i) {
            frame();
            app.sup.dash.wait();
            app.sup.dash_rest.wait();
            app.sup.detail.wait();
            app.sup.assign.wait();
            app.sup.review.wait();
            app.sup.items.wait();
        }
        return screen_text();
    }
};

TEST_F(SupervisorViews, DashboardOverStoredAttempts) {
    ASSERT_EQ(app.screen, Screen::SupervisorHome);
    const std::string t = settled_text();
    EXPECT_NE(t.find("作答次数"), std::string::npos) << t;
    EXPECT_NE(t.find("三声内接听"), std::string::npos);
    EXPECT_NE(t.find("投诉处理成功率"), std::string::npos);
    EXPECT_NE(t.find("得分分布"), std::string::npos);
    EXPECT_NE(t.find("张三"), std::string::npos);
    EXPECT_NE(t.find("李四"), std::string::npos);
    EXPECT_NE(t.find("33.3%"), std::string::npos) << "one of three passed: " << t;
    ASSERT_TRUE(app.sup.dash.value);
    EXPECT_EQ(app.sup.dash.value->group.figures.attempts, 3);
    // A site filter chosen through the combo: 翠湖苑 has no attempts.
    EXPECT_EQ(drive("click dash.filter.site\nclick dash.filter.site:翠湖苑\nframes 3\n"), "");
    settled_text();
    EXPECT_EQ(app.sup.dash.value->filter.site, "翠湖苑");
    EXPECT_EQ(app.sup.dash.value->group.figures.attempts, 0);
    EXPECT_NE(settled_text().find("该范围内还没有作答记录"), std::string::npos);
    // A date that does not read is said, and nothing is built from it.
    app.sup.filter.from = "2026-02-30";
    app.sup.dash.stale = true;
    EXPECT_NE(settled_text().find("日期“2026-02-30”无法识别"), std::string::npos);
}

TEST_F(SupervisorViews, StoredDebriefAndOverrideThroughTheWindow) {
    settled_text();
    EXPECT_EQ(drive("click dash.trainee:t1\nscreen trainee\nexpect detail.name\n"), "");
    std::string t = settled_text();
    EXPECT_NE(t.find("作答记录"), std::string::npos) << t;
    ASSERT_TRUE(app.sup.detail.value);
    ASSERT_EQ(app.sup.detail.value->report.history.size(), 2u);
    const store::AttemptRow newest = app.sup.detail.value->report.history[0];  // the poor one
    EXPECT_EQ(drive("click detail.open:0\nexpect detail.back\nexpect debrief.replay.slider\n"
                    "click debrief.criterion:courtesy.greeting\n"),
              "");
    ASSERT_TRUE(app.sup.stored);
    EXPECT_EQ(app.sup.stored->detail.row.uuid, newest.uuid);
    ASSERT_TRUE(app.sup.stored->record.report);
    EXPECT_EQ(app.sup.stored->record.report->score, newest.result->score)
        << "the debrief shown is the one stored";
    t = settled_text();
    EXPECT_NE(t.find("深夜装修噪音投诉"), std::string::npos);
    EXPECT_NE(t.find("主管复核"), std::string::npos);
    // Overridden with a reason: stored beside the automatic result, shown in force.
    const bool auto_passed = [&] {
        for (const auto& c : app.sup.stored->record.report->criteria)
            if (c.id == "courtesy.greeting") return c.passed;
        return false;
    }();
    EXPECT_EQ(drive("click detail.override.reason\ntype 录音复核\nclick detail.override.submit\n"
                    "expect detail.override_in_force\n"),
              "");
    auto d = must(app.store->attempt(*admin, newest.uuid));
    ASSERT_EQ(d.results.size(), 1u);
    ASSERT_EQ(d.results[0].overrides.size(), 1u);
    EXPECT_EQ(d.results[0].overrides[0].criterion_id, "courtesy.greeting");
    EXPECT_EQ(d.results[0].overrides[0].passed, !auto_passed);
    EXPECT_EQ(d.results[0].overrides[0].reason, "录音复核");
    EXPECT_EQ(d.results[0].overrides[0].supervisor, "s1");
    EXPECT_EQ(d.results[0].score, newest.result->score) << "the automatic result stays";
    t = settled_text();
    EXPECT_NE(t.find("当前复核"), std::string::npos) << t;
    EXPECT_NE(t.find("录音复核"), std::string::npos);
    // Without a reason nothing is stored (the button is inert).
    EXPECT_EQ(drive("click detail.override.submit\n"), "");
    EXPECT_EQ(must(app.store->attempt(*admin, newest.uuid)).results[0].overrides.size(), 1u);
    // The printable result from the debrief: a PDF in the data folder's exports/.
    EXPECT_EQ(drive("click detail.print\nframes 2\n"), "");
    int pdfs = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir + "/data/deskdrill/exports"))
        pdfs += e.path().extension() == ".pdf";
    EXPECT_EQ(pdfs, 1);
}

TEST_F(SupervisorViews, AssignmentFromTheFormAndWhoHasNotDoneIt) {
    ASSERT_TRUE(app.go(Screen::Assignments));
    settled_text();
    EXPECT_EQ(drive("click assign.trainee\nclick assign.trainee:t2\n"
                    "click assign.scenario:complaint.night-renovation-noise\n"
                    "click assign.mode:refresher\nclick assign.due\ntype 2026-13-40\n"
                    "click assign.submit\nexpect assign.message\n"),
              "");
    EXPECT_NE(settled_text().find("日期“2026-13-40”无法识别"), std::string::npos);
    EXPECT_TRUE(must(store::assignments(*app.store, *admin)).empty()) << "nothing given";
    app.sup.form.due = "2030-01-31";
    EXPECT_EQ(drive("click assign.submit\nframes 3\n"), "");
    const auto given = must(store::assignments(*app.store, *admin));
    ASSERT_EQ(given.size(), 1u);
    EXPECT_EQ(given[0].trainee, "t2");
    EXPECT_EQ(given[0].mode, session::Mode::Refresher);
    EXPECT_EQ(given[0].scenarios, std::vector<std::string>{"complaint.night-renovation-noise"});
    const std::string t = settled_text();
    EXPECT_NE(t.find("尚未完成:1"), std::string::npos) << t;
    EXPECT_NE(t.find("2030-01-31"), std::string::npos);
}

TEST_F(SupervisorViews, ExportCsvFromTheWindow) {
    ASSERT_TRUE(app.go(Screen::Exports));
    settled_text();
    EXPECT_EQ(drive("click export.csv\nexpect export.done\n"), "");
    std::string csv;
    for (const auto& e : std::filesystem::directory_iterator(dir + "/data/deskdrill/exports"))
        if (e.path().extension() == ".csv") {
            std::ifstream in(e.path(), std::ios::binary);
            csv.assign(std::istreambuf_iterator<char>(in), {});
        }
    ASSERT_GE(csv.size(), 3u);
    EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_NE(csv.find("张三"), std::string::npos);
}

// The scorer's own doubt (a room said back only in part: "review": true on the repeat-back and
// its evidence) puts the assessment on the queue saying which criterion; a click opens the
// debrief at that criterion with the doubted evidence marked.
TEST_F(SupervisorViews, ReviewQueueOpensTheDebriefAtTheScorersDoubt) {
    std::string partial = kGoldYaml;
    const std::string room = "3栋1202,楼上";
    ASSERT_NE(partial.find(room), std::string::npos);
    partial.replace(partial.find(room), room.size(), "3栋12楼,楼上");
    const std::string uuid =
        add_transcript(partial, "t2", session::Mode::Assessment, session::Origin::Proctored);
    const auto stored = must(app.store->attempt(*admin, uuid));
    ASSERT_EQ(stored.results.size(), 1u);
    ASSERT_FALSE(stored.results[0].review_marks.empty()) << "the scorer marked nothing";
    const store::ReviewMark mark = stored.results[0].review_marks.front();
    ASSERT_FALSE(mark.evidence.empty());

    ASSERT_TRUE(app.go(Screen::ReviewQueue));
    std::string t = settled_text();
    EXPECT_NE(t.find("评分器对这些判断没有把握"), std::string::npos) << t;
    EXPECT_NE(t.find("证据 " + std::to_string(mark.evidence.front() + 1)), std::string::npos) << t;
    ASSERT_EQ(drive("click review.open:" + uuid + "\nscreen trainee\n"), "");
    ASSERT_TRUE(app.sup.stored);
    EXPECT_EQ(app.sup.attempt, uuid);
    const auto& report = *app.sup.stored->record.report;
    ASSERT_GE(app.sup.stored_debrief.selected, 0);
    EXPECT_EQ(report.criteria.at(static_cast<std::size_t>(app.sup.stored_debrief.selected)).id,
              mark.criterion_id);
    t = settled_text();
    EXPECT_NE(t.find("【评分待复核】"), std::string::npos) << t;
    EXPECT_NE(t.find("评分器没有把握,请复核"), std::string::npos) << t;
    // Reviewed (an override on any criterion): off the queue.
    store::NewOverride o;
    o.attempt_uuid = uuid;
    o.criterion_id = mark.criterion_id;
    o.points = 0;
    o.passed = false;
    o.reason = "复核:房号只说到楼层";
    must(app.store->add_override(*app.who, o));
    app.sup.records_changed();
    ASSERT_TRUE(app.go(Screen::ReviewQueue));
    EXPECT_EQ(settled_text().find("评分器对这些判断没有把握"), std::string::npos);
}

TEST_F(SupervisorViews, ATraineeReachesNoneOfThem) {
    app.log_out();
    std::string err;
    ASSERT_TRUE(app.log_in_trainee("t1", &err)) << err;
    for (Screen s : {Screen::SupervisorHome, Screen::TraineeDetail, Screen::ReviewQueue,
                     Screen::Assignments, Screen::LibraryAdmin, Screen::Exports}) {
        EXPECT_FALSE(app.go(s)) << screen_name(s);
        // Even set behind go()'s back, the frame draws the trainee's home instead.
        app.sup.trainee = "t2";
        app.screen = s;
        const std::string t = settled_text();
        EXPECT_NE(app.screen, s) << screen_name(s);
        EXPECT_EQ(t.find("李四"), std::string::npos) << screen_name(s) << ": " << t;
        EXPECT_EQ(t.find("作答次数"), std::string::npos) << screen_name(s);
    }
    // And the view models, through the store, refuse the trainee.
    EXPECT_EQ(build_dashboard(*app.store, *app.who, {}, 0).error().code, store::ErrorCode::Denied);
    EXPECT_EQ(build_trainee_detail(*app.store, *app.who, "t2").error().code,
              store::ErrorCode::Denied);
    EXPECT_EQ(review_queue(*app.store, *app.who, {}).error().code, store::ErrorCode::Denied);
}

}  // namespace
