// The console, window-less: the login (a trainee picks a name or types a number; staff with a
// password, a wrong one refused), the trainee's home with an assignment, the briefing before the
// clock starts, leaving an assessment (asked, recorded abandoned), practice recorded, the idle
// log-out, the accounts screen (people added, a spreadsheet imported), and the role rule: a
// trainee reaches neither another trainee's records nor any supervisor screen — through the
// window and through the store's API.
#include <fstream>

#include "console_fixture.h"
#include "sim/store/assignments.h"
#include "sim/store/reports.h"

namespace {

using namespace dd;
using namespace dd::app;
using namespace dd::app::test;
using namespace dd::session::test;

constexpr const char* kScenario = "complaint.night-renovation-noise";

// The console fixture's records, and an assessment of the example assigned to t1, due
// yesterday (overdue), choice mode allowed.
class Console : public ConsoleFixture {
  protected:
    void SetUp() override {
        ConsoleFixture::SetUp();
        if (HasFatalFailure()) return;
        app.opts.transcript_out = dir + "/attempt.yaml";
        app.opts.seed = 1;
        store::NewAssignment a;
        a.trainee = "t1";
        a.scenarios = {kScenario};
        a.mode = session::Mode::Assessment;
        a.choice_allowed = true;
        a.starts_at_ms = session::wall_clock_ms() - 3 * 86'400'000LL;
        a.due_at_ms = session::wall_clock_ms() - 86'400'000LL;
        const store::Assignment made = must(store::assign(*app.store, *admin, a));
        assignment = made.uuid;
        assignment_id = made.id;
        frame();
    }

    std::string start_id() const {
        return std::string("home.start:") + kScenario + ":" + std::to_string(assignment_id);
    }
    std::vector<store::AttemptRow> attempts_of(const std::string& trainee) {
        store::AttemptFilter f;
        f.trainee = trainee;
        return must(app.store->attempts(*admin, f));
    }

    std::string assignment;
    std::int64_t assignment_id = 0;
};

TEST_F(Console, TraineePicksTheirNameAndSeesTheAssignmentOverdue) {
    EXPECT_EQ(app.screen, Screen::Login);
    ASSERT_EQ(drive("screen login\nexpect login.trainee:t2\nclick login.trainee:t1\n"
                    "click login.enter\nscreen home\nexpect " +
                    start_id() + "\n"),
              "");
    ASSERT_TRUE(app.who);
    EXPECT_EQ(app.who->employee_no(), "t1");
    EXPECT_FALSE(app.who->staff());
    ASSERT_EQ(app.home.assignments.size(), 1u);
    EXPECT_TRUE(app.home.assignments[0].overdue);
    const std::string text = screen_text();
    EXPECT_NE(text.find("张三,你好"), std::string::npos) << text;
    EXPECT_NE(text.find("已逾期"), std::string::npos) << text;
    EXPECT_NE(text.find("截止"), std::string::npos) << text;
    EXPECT_NE(text.find("还没有记录"), std::string::npos) << text;
}

TEST_F(Console, TraineeTypesTheirEmployeeNumber) {
    ASSERT_EQ(drive("click login.filter\ntype t2\nkey Enter\nscreen home\n"), "");
    EXPECT_EQ(app.who->employee_no(), "t2");
    // t2 has nothing assigned.
    EXPECT_NE(screen_text().find("目前没有分配给你的演练"), std::string::npos);
}

TEST_F(Console, UnknownNumberAndWrongPasswordAreRefusedInWords) {
    ASSERT_EQ(drive("click login.filter\ntype x999\nkey Enter\nframes 2\n"), "");
    EXPECT_FALSE(app.who);
    EXPECT_NE(screen_text().find("没有这个工号的学员"), std::string::npos);
    // A staff member is not a trainee to pick: s1 typed as a trainee is refused the same way.
    ASSERT_EQ(drive("click login.mode:staff\nclick login.staff_no\ntype s1\n"
                    "click login.password\ntype wrong-password\nclick login.submit\nframes 2\n"),
              "");
    EXPECT_FALSE(app.who);
    EXPECT_EQ(app.screen, Screen::Login);
    EXPECT_TRUE(app.login.password.empty());  // never kept
    EXPECT_NE(screen_text().find("工号或密码不正确"), std::string::npos);
    ASSERT_EQ(drive("click login.password\ntype " + kSupervisorPassword +
                    "\nclick login.submit\nscreen dashboard\nexpect nav.review\n"
                    "expect-not nav.accounts\n"),
              "");
    EXPECT_EQ(app.who->employee_no(), "s1");
    EXPECT_FALSE(app.go(Screen::Accounts));  // a supervisor is not an admin
}

TEST_F(Console, TraineeReachesNoSupervisorScreen) {
    ASSERT_TRUE(app.log_in_trainee("t1", nullptr));
    for (Screen s :
         {Screen::SupervisorHome, Screen::TraineeDetail, Screen::ReviewQueue, Screen::Assignments,
          Screen::LibraryAdmin, Screen::Exports, Screen::Accounts}) {
        SCOPED_TRACE(screen_name(s));
        EXPECT_FALSE(app.go(s));
        EXPECT_EQ(app.screen, Screen::TraineeHome);
        // Even set behind go()'s back, the frame does not draw it.
        app.screen = s;
        frame();
        EXPECT_EQ(app.screen, Screen::TraineeHome);
    }
    // No way there on screen either, and the nav bar has only the trainee's own screens.
    EXPECT_EQ(drive("expect nav.home\nexpect nav.library\nexpect-not nav.dashboard\n"
                    "expect-not nav.trainee\nexpect-not nav.review\nexpect-not nav.assignments\n"
                    "expect-not nav.exports\nexpect-not nav.accounts\n"),
              "");
    // The library offers practice only: assessments come from assignments.
    EXPECT_EQ(drive("click nav.library\nscreen picker\nclick picker.cat:complaint\n"
                    "click picker.scenario:complaint.night-renovation-noise\n"
                    "expect picker.mode:practice\nexpect-not picker.mode:assessment\n"),
              "");
}

TEST_F(Console, TraineeReadsNoOneElsesRecordsThroughTheStore) {
    // t2 has an attempt in the records.
    auto rec = session::replay_attempt(scenario(), transcript(kGoldYaml), *resources(), {});
    rec.trainee = "t2";
    must(app.store->add_attempt(*admin, rec));
    ASSERT_TRUE(app.log_in_trainee("t1", nullptr));
    const store::Principal& t1 = *app.who;
    store::Store& s = *app.store;
    EXPECT_EQ(store::trainee_report(s, t1, "t2").error().code, store::ErrorCode::Denied);
    store::AttemptFilter f;
    f.trainee = "t2";
    EXPECT_EQ(s.attempts(t1, f).error().code, store::ErrorCode::Denied);
    const std::string uuid = attempts_of("t2").at(0).uuid;
    EXPECT_EQ(s.attempt(t1, uuid).error().code, store::ErrorCode::Denied);
    EXPECT_EQ(s.person(t1, "t2").error().code, store::ErrorCode::Denied);
    EXPECT_EQ(store::group_report(s, t1, {}).error().code, store::ErrorCode::Denied);
    // What the home reads is t1's alone: no attempt of t2's in the history.
    app.refresh_home();
    ASSERT_TRUE(app.home.report);
    EXPECT_TRUE(app.home.report->history.empty());
    EXPECT_EQ(app.home.error, "");
}

TEST_F(Console, AssessmentStartsFromItsAssignmentAfterTheBriefing) {
    ASSERT_TRUE(app.log_in_trainee("t1", nullptr));
    ASSERT_EQ(drive("screen home\nclick " + start_id() + "\nscreen briefing\n"), "");
    // Nothing runs yet: the clock starts on the briefing's button.
    EXPECT_FALSE(app.attempt);
    const std::string text = screen_text();
    for (const char* want : {"演练说明", "安居物业", "阳光花园", "不限时", "考核", "考核内容",
                             "使用选项模式(给出备选回复)"})
        EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
    // The assignment allows choice mode: the trainee may take it.
    ASSERT_EQ(drive("click briefing.choice\nclick briefing.start\nscreen desk\n"), "");
    ASSERT_TRUE(app.attempt);
    EXPECT_EQ(app.attempt->config().mode, session::Mode::Assessment);
    EXPECT_TRUE(app.attempt->config().choice_mode);  // allowed, and taken
    EXPECT_EQ(app.attempt->config().trainee, "t1");
    EXPECT_EQ(app.attempt->now(), 0);
    // 结束演练 before the end asks; cancelling keeps the attempt running.
    ASSERT_EQ(drive("at 10\nclick desk.end\nexpect leave.confirm\nclick leave.cancel\nframes 2\n"),
              "");
    EXPECT_EQ(app.screen, Screen::Desk);
    EXPECT_FALSE(app.attempt->ended());
    EXPECT_TRUE(attempts_of("t1").empty());
    // Confirmed: recorded as abandoned, as t1.
    ASSERT_EQ(drive("click desk.end\nclick leave.confirm\nscreen debrief\n"), "");
    auto rows = attempts_of("t1");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].ending, session::Ending::Abandoned);
    EXPECT_EQ(rows[0].mode, session::Mode::Assessment);
    EXPECT_TRUE(rows[0].choice_mode);
    // A script drove it: never a proctored result.
    EXPECT_EQ(rows[0].origin, session::Origin::Scripted);
    // Home shows it in the history.
    ASSERT_EQ(drive("click nav.home\nscreen home\n"), "");
    EXPECT_NE(screen_text().find("中途放弃"), std::string::npos);
}

TEST_F(Console, LeavingAnAssessmentByTheMenuOrLoggingOutAsksAndRecordsIt) {
    ASSERT_TRUE(app.log_in_trainee("t1", nullptr));
    ASSERT_TRUE(
        app.open_briefing(kScenario, session::Mode::Assessment, false, assignment, nullptr));
    // Not allowed by this assignment: not offered.
    ASSERT_EQ(drive("screen briefing\nexpect briefing.start\nexpect-not briefing.choice\n"), "");
    ASSERT_TRUE(app.start_as(kScenario, session::Mode::Assessment, false, nullptr));
    app.request_leave(LeaveState::Target::Library);
    frame();
    EXPECT_EQ(app.leave.pending, LeaveState::Target::Library);
    EXPECT_FALSE(app.attempt->ended());
    ASSERT_EQ(drive("click leave.confirm\nscreen picker\n"), "");
    ASSERT_EQ(attempts_of("t1").size(), 1u);
    // Closing the window (the close button asks the same way), confirmed.
    ASSERT_TRUE(app.start_as(kScenario, session::Mode::Assessment, false, nullptr));
    app.request_leave(LeaveState::Target::Quit);
    EXPECT_FALSE(app.quit_requested);
    ASSERT_EQ(drive("click leave.confirm\nframes 1\n"), "");
    EXPECT_TRUE(app.quit_requested);
    auto rows = attempts_of("t1");
    ASSERT_EQ(rows.size(), 2u);
    for (const auto& r : rows) EXPECT_EQ(r.ending, session::Ending::Abandoned);
}

TEST_F(Console, PracticeFromTheLibraryIsRecordedWithoutAsking) {
    ASSERT_TRUE(app.log_in_trainee("t2", nullptr));
    ASSERT_EQ(drive("click home.library\nscreen picker\nclick picker.cat:complaint\n"
                    "click picker.scenario:complaint.night-renovation-noise\nclick picker.start\n"
                    "screen briefing\nclick briefing.start\nscreen desk\nat 5\nclick desk.end\n"
                    "screen debrief\n"),
              "");
    auto rows = attempts_of("t2");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].ending, session::Ending::Finished);
    EXPECT_EQ(rows[0].mode, session::Mode::Practice);
    ASSERT_TRUE(rows[0].result);
}

TEST_F(Console, AnAttemptTheRecordsRefuseIsSaidOnScreen) {
    ASSERT_TRUE(app.log_in_trainee("t2", nullptr));
    ASSERT_TRUE(app.start_as(kScenario, session::Mode::Practice, false, nullptr));
    // Deactivated while playing: the store refuses the attempt at its end.
    store::PersonChange off;
    off.active = false;
    must(app.store->update_person(*admin, "t2", off));
    ASSERT_EQ(drive("at 5\nclick desk.end\nscreen debrief\n"), "");
    EXPECT_TRUE(attempts_of("t2").empty());
    EXPECT_TRUE(app.debrief.message_bad);
    EXPECT_NE(screen_text().find("本次结果未能存入记录库,请告知主管"), std::string::npos);
    // Home again: the session ends, the login says why.
    ASSERT_EQ(drive("click nav.home\nscreen login\n"), "");
    EXPECT_FALSE(app.who);
    EXPECT_NE(screen_text().find("该账号已停用或无权登录"), std::string::npos);
}

TEST_F(Console, IdleWindowReturnsToTheLogin) {
    ASSERT_TRUE(app.log_in_trainee("t1", nullptr));
    app.idle_logout_s = 0.5;  // 30 frames of 1/60 s
    for (int i = 0; i < 20; ++i) frame();
    EXPECT_TRUE(app.who);
    // Input resets it.
    ASSERT_EQ(drive("click nav.library\nscreen picker\n"), "");
    for (int i = 0; i < 20; ++i) frame();
    EXPECT_TRUE(app.who);
    for (int i = 0; i < 20; ++i) frame();
    EXPECT_FALSE(app.who);
    EXPECT_EQ(app.screen, Screen::Login);
}

TEST_F(Console, AdminAddsPeopleAndImportsASpreadsheet) {
    ASSERT_TRUE(app.log_in_staff("admin", kAdminPassword, nullptr));
    ASSERT_EQ(drive("click nav.accounts\nscreen accounts\nclick accounts.role:trainee\n"
                    "click accounts.no\ntype t9\nclick accounts.name\ntype 王九\n"
                    "click accounts.create\nframes 2\nexpect accounts.toggle:t9\n"),
              "");
    EXPECT_EQ(must(app.store->person(*admin, "t9")).name, "王九");
    // GB18030 as a Chinese Excel saves "CSV": 工号,姓名 / t10,张三.
    const std::string csv = dir + "/roster.csv";
    std::ofstream(csv, std::ios::binary)
        << "\xB9\xA4\xBA\xC5,\xD0\xD5\xC3\xFB\r\nt10,\xD5\xC5\xC8\xFD\r\n";
    ASSERT_EQ(drive("click accounts.csv_path\ntype " + csv +
                    "\nclick accounts.import_go\n"
                    "frames 2\nexpect accounts.toggle:t10\n"),
              "");
    EXPECT_EQ(must(app.store->person(*admin, "t10")).name, "张三");
    EXPECT_NE(screen_text().find("已导入 1 名学员(GB18030)"), std::string::npos);
    // A bad row: nothing added, the row and the fix on screen.
    std::ofstream(csv, std::ios::binary | std::ios::trunc) << "工号,姓名\nt11,甲\nt12,\n";
    EXPECT_EQ(app.accounts.csv_path, "");  // imported: the field is free for the next file
    ASSERT_EQ(
        drive("click accounts.csv_path\ntype " + csv + "\nclick accounts.import_go\nframes 2\n"),
        "");
    EXPECT_EQ(app.accounts.csv_path, csv);  // kept to import again once fixed
    EXPECT_EQ(app.store->person(*admin, "t11").error().code, store::ErrorCode::NotFound);
    const std::string text = screen_text();
    EXPECT_NE(text.find("第 3 行:缺少姓名,请填写"), std::string::npos) << text;
    // A supervisor's password reset: the old one stops working, the new one logs in.
    ASSERT_EQ(drive("click accounts.reset:s1\nclick accounts.new_password\ntype new-super-pass\n"
                    "click accounts.set_password\nframes 2\n"),
              "");
    EXPECT_FALSE(app.store->login("s1", kSupervisorPassword).ok());
    EXPECT_TRUE(app.store->login("s1", "new-super-pass").ok());
    // Deactivated, t9 is no longer on the login's list and cannot log in.
    ASSERT_EQ(drive("click accounts.toggle:t9\nframes 2\n"), "");
    EXPECT_FALSE(must(app.store->person(*admin, "t9")).active);
    app.log_out();
    std::string err;
    EXPECT_FALSE(app.log_in_trainee("t9", &err));
    EXPECT_EQ(err, "该账号已停用或无权登录");
    EXPECT_EQ(drive("screen login\nexpect login.trainee:t10\nexpect-not login.trainee:t9\n"), "");
}

// 站点信息 (issue 13, the company's own desk): the admin sets the profile in the window (a bad
// amount refused in words, nothing stored); a trainee's next attempt is played under it — the
// desk shows the company, the site and the 电话分机 card, and the record names the profile.
TEST_F(Console, AdminSetsTheSiteProfileAndTheDeskUsesIt) {
    ASSERT_TRUE(app.log_in_staff("admin", kAdminPassword, nullptr));
    ASSERT_EQ(drive("click nav.site\nscreen site\nclick site.company\ntype 绿城物业\n"
                    "click site.name\ntype 桂花园\nclick site.ext:security\ntype 8110\n"
                    "click site.fee_add\nclick site.fee_id:0\ntype property\n"
                    "click site.fee_amount:0\ntype 三块二\nclick site.fee_unit:0\ntype 元/平方米·月\n"
                    "click site.save\nframes 2\n"),
              "");
    EXPECT_EQ(must(app.store->site_profile(*admin)), nullptr) << "a bad amount is not stored";
    EXPECT_NE(screen_text().find("没有保存，请修改："), std::string::npos);
    EXPECT_NE(app.site_form.message.find("expected a number for 'amount'"), std::string::npos)
        << app.site_form.message;
    ASSERT_EQ(drive("click site.fee_amount:0\nkey Backspace\nkey Backspace\nkey Backspace\n"
                    "type 3.2\nclick site.save\nframes 2\n"),
              "");
    auto p = must(app.store->site_profile(*admin));
    ASSERT_TRUE(p);
    EXPECT_EQ(p->site.company, "绿城物业");
    EXPECT_EQ(p->site.extensions.at("security"), "8110");
    ASSERT_EQ(p->site.fees.size(), 1u);
    EXPECT_EQ(p->site.fees[0].amount, "3.2");
    std::string text = screen_text();
    EXPECT_NE(text.find("绿城物业 · 桂花园"), std::string::npos) << text;  // in force
    app.log_out();

    ASSERT_TRUE(app.log_in_trainee("t1", nullptr));
    std::string err;
    ASSERT_TRUE(app.start_as("inquiry.fee-standards", session::Mode::Practice, false, &err)) << err;
    EXPECT_EQ(app.attempt->scenario().site.company, "绿城物业");
    ASSERT_EQ(drive("screen desk\nexpect desk.site\nclick tool.tab:classify\n"
                    "expect desk.extension:security\n"),
              "");
    text = screen_text();
    for (const char* want : {"绿城物业 · 桂花园", "电话分机", "安保部 8110"})
        EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
    EXPECT_EQ(text.find("安居物业"), std::string::npos) << text;
    app.end_attempt_now();
    const auto rows = attempts_of("t1");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(must(app.store->attempt(*admin, rows[0].uuid)).site_profile_hash, p->snapshot.hash);
}

TEST_F(Console, TheScreensInEnglish) {
    std::string err;
    ASSERT_TRUE(app.set_language("en", &err)) << err;
    std::string text = screen_text();
    for (const char* want : {"Log in", "Trainee", "Supervisor / admin", "张三   t1"})
        EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
    ASSERT_EQ(drive("click login.trainee:t1\nclick login.enter\nscreen home\n"), "");
    text = screen_text();
    for (const char* want : {"Hello, 张三", "Assigned to me", "overdue", "Assessment",
                             "choice mode allowed", "Score trend", "No attempts yet."})
        EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
    ASSERT_EQ(drive("click " + start_id() + "\nscreen briefing\n"), "");
    text = screen_text();
    for (const char* want :
         {"Briefing", "Company", "安居物业", "Time limit", "no limit", "What is assessed", "Start"})
        EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
    // No word of the Chinese table on the English screens (the scenario's own text aside).
    for (const char* zh : {"考核", "登录", "开始", "说明"})
        EXPECT_EQ(text.find(zh), std::string::npos) << zh << "\n" << text;
    app.log_out();
    ASSERT_TRUE(app.log_in_staff("admin", kAdminPassword, nullptr));
    ASSERT_TRUE(app.go(Screen::Accounts));
    text = screen_text();
    for (const char* want : {"Accounts", "Employee no.", "supervisor", "New account",
                             "Import trainees from a CSV file", "Log out"})
        EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
}

TEST_F(Console, FirstRunCreatesTheAdmin) {
    AppState fresh;
    fresh.opts = app.opts;
    std::string err;
    ASSERT_TRUE(fresh.set_language("zh", &err));
    ASSERT_TRUE(fresh.open_records(dir + "/new.db"));
    auto draw = [&] { draw_frame(fresh); };
    auto steps = parse_drive_script(
        "click login.setup_no\ntype boss\nclick login.setup_name\ntype 经理\n"
        "click login.setup_password\ntype long-enough-1\nclick login.setup_password2\n"
        "type long-enough-2\nclick login.setup_create\nframes 2\n",
        "first.drive", &err);
    ASSERT_TRUE(steps) << err;
    Driver d(std::move(*steps), "first.drive", driver_hooks(fresh, [] {}));
    ui.run(d, draw);
    ASSERT_EQ(d.error(), "");
    EXPECT_FALSE(fresh.who);  // the two passwords differ
    EXPECT_EQ(fresh.login.error, "两次输入的密码不一致");
    steps = parse_drive_script(
        "click login.setup_password\ntype long-enough-1\nclick login.setup_password2\n"
        "type long-enough-1\nclick login.setup_create\nscreen dashboard\n",
        "first.drive", &err);
    Driver d2(std::move(*steps), "first.drive", driver_hooks(fresh, [] {}));
    ui.run(d2, draw);
    ASSERT_EQ(d2.error(), "");
    ASSERT_TRUE(fresh.who);
    EXPECT_EQ(fresh.who->role(), store::Role::Admin);
}

}  // namespace
