// The supervisor's screens, window-less, driven through ImGui's own input like a person: the
// dashboard over stored attempts, a trainee's detail, a stored attempt's debrief (the debrief
// view itself) with an override kept beside the automatic result, an assignment given from the
// form, a CSV exported; and a trainee kept out of every one of them.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "headless_ui.h"
#include "sim/app/app_state.h"
#include "sim/store/assignments.h"
#include "sim/store/reports.h"
#include "unit/session/session_test_support.h"

namespace {

using namespace dd;
using namespace dd::app;
using namespace dd::app::test;
using namespace dd::session::test;

template <typename T>
T must(store::Result<T> r) {
    if (!r.ok()) throw std::runtime_error(r.error().message);
    return std::move(r.value());
}

// Records with admin `admin`, supervisor `s1`, trainees t1 张三 (gold, then poor) and t2 李四
// (poor) at 阳光花园, t3 王五 at 翠湖苑 (none); the window logged in as s1.
class SupervisorViews : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string tmpl =
            (std::filesystem::temp_directory_path() / "deskdrill-sup-XXXXXX").string();
        ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
        dir = tmpl;
        setenv("XDG_DATA_HOME", (dir + "/data").c_str(), 1);  // where exports go
        app.opts.assets_dir = DESKDRILL_ASSETS_DIR;
        app.opts.scenarios_dir = kScenarioDir;
        app.manual_clock = true;
        std::string err;
        ASSERT_TRUE(app.set_language("zh", &err)) << err;
        app.library = session::Library::scan(kScenarioDir);
        app.resources = resources();
        ASSERT_TRUE(app.open_records(dir + "/records.db")) << app.records_error;
        auto& s = *app.store;
        admin = std::make_unique<store::Principal>(must(s.create_first_admin(
            {store::Role::Admin, "admin", "管理员", "", "", "admin-pass-1", ""})));
        must(s.add_person(
            *admin, {store::Role::Supervisor, "s1", "李主管", "阳光花园", "", "super-pass-1", ""}));
        must(s.add_person(*admin, {store::Role::Trainee, "t1", "张三", "阳光花园", "A", "", ""}));
        must(s.add_person(*admin, {store::Role::Trainee, "t2", "李四", "阳光花园", "A", "", ""}));
        must(s.add_person(*admin, {store::Role::Trainee, "t3", "王五", "翠湖苑", "B", "", ""}));
        for (auto [gold, who] : {std::pair{true, "t1"}, {false, "t1"}, {false, "t2"}}) {
            session::ReplayOptions o;
            o.trainee = who;
            must(s.add_attempt(*admin, session::replay_attempt(
                                           scenario(), transcript(gold ? kGoldYaml : kPoorYaml),
                                           *resources(), o)));
        }
        std::string why;
        if (auto face = find_cjk_font("", &why)) app.fonts.open(*face, &why);
        frame();
        ASSERT_TRUE(app.log_in_staff("s1", "super-pass-1", &err)) << err;
        frame();
    }
    void TearDown() override {
        app.log_out();
        app.store.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
        unsetenv("XDG_DATA_HOME");
    }

    void frame(Driver* d = nullptr, std::string* text = nullptr) {
        if (app.fonts.dirty()) app.fonts.build(ImGui::GetIO().Fonts, 18.0f);
        ui.frame([this] { draw_frame(app); }, d, text);
    }
    // Frames until the screen's background builds are done, then its text.
    std::string screen_text() {
        for (int i = 0; i < 3; ++i) {
            frame();
            app.sup.dash.wait();
            app.sup.detail.wait();
            app.sup.assign.wait();
            app.sup.review.wait();
            app.sup.items.wait();
        }
        frame();
        std::string t;
        frame(nullptr, &t);
        return t;
    }
    std::string drive(const std::string& script) {
        std::string err;
        auto steps = parse_drive_script(script, "sup.drive", &err);
        if (!steps) return err;
        Driver d(std::move(*steps), "sup.drive", driver_hooks(app, [] {}));
        for (int i = 0; i < 5000 && !d.done(); ++i) frame(&d);
        frame(&d);
        if (!d.done()) return "driver did not finish";
        return d.error();
    }

    HeadlessUi ui;
    AppState app;
    std::string dir;
    std::unique_ptr<store::Principal> admin;
};

TEST_F(SupervisorViews, DashboardOverStoredAttempts) {
    ASSERT_EQ(app.screen, Screen::SupervisorHome);
    const std::string t = screen_text();
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
    screen_text();
    EXPECT_EQ(app.sup.dash.value->filter.site, "翠湖苑");
    EXPECT_EQ(app.sup.dash.value->group.figures.attempts, 0);
    EXPECT_NE(screen_text().find("该范围内还没有作答记录"), std::string::npos);
    // A date that does not read is said, and nothing is built from it.
    app.sup.filter.from = "2026-02-30";
    app.sup.dash.stale = true;
    EXPECT_NE(screen_text().find("日期“2026-02-30”无法识别"), std::string::npos);
}

TEST_F(SupervisorViews, StoredDebriefAndOverrideThroughTheWindow) {
    screen_text();
    EXPECT_EQ(drive("click dash.trainee:t1\nscreen trainee\nexpect detail.name\n"), "");
    std::string t = screen_text();
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
    t = screen_text();
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
    t = screen_text();
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
    screen_text();
    EXPECT_EQ(drive("click assign.trainee\nclick assign.trainee:t2\n"
                    "click assign.scenario:complaint.night-renovation-noise\n"
                    "click assign.mode:refresher\nclick assign.due\ntype 2026-13-40\n"
                    "click assign.submit\nexpect assign.message\n"),
              "");
    EXPECT_NE(screen_text().find("日期“2026-13-40”无法识别"), std::string::npos);
    EXPECT_TRUE(must(store::assignments(*app.store, *admin)).empty()) << "nothing given";
    app.sup.form.due = "2030-01-31";
    EXPECT_EQ(drive("click assign.submit\nframes 3\n"), "");
    const auto given = must(store::assignments(*app.store, *admin));
    ASSERT_EQ(given.size(), 1u);
    EXPECT_EQ(given[0].trainee, "t2");
    EXPECT_EQ(given[0].mode, session::Mode::Refresher);
    EXPECT_EQ(given[0].scenarios, std::vector<std::string>{"complaint.night-renovation-noise"});
    const std::string t = screen_text();
    EXPECT_NE(t.find("尚未完成:1"), std::string::npos) << t;
    EXPECT_NE(t.find("2030-01-31"), std::string::npos);
}

TEST_F(SupervisorViews, ExportCsvFromTheWindow) {
    ASSERT_TRUE(app.go(Screen::Exports));
    screen_text();
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
        const std::string t = screen_text();
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
