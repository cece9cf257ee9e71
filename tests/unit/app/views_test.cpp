// Whole frames of the desk window without a window: the real views, the real engine and scorer,
// driven through ImGui's input by the same drive scripts the Xvfb GUI test uses.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/yaml/text_util.h"
#include "headless_ui.h"
#include "sim/app/app_state.h"
#include "sim/app/theme.h"
#include "sim/model/enums.h"
#include "sim/model/limits.h"
#include "unit/session/session_test_support.h"

namespace {

using namespace dd;
using namespace dd::app;
using namespace dd::app::test;
using namespace dd::session::test;
using dd::session::Library;
using dd::session::Mode;

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

class Desk : public ::testing::Test {
  protected:
    void SetUp() override {
        app.opts.assets_dir = DESKDRILL_ASSETS_DIR;
        app.opts.scenarios_dir = kScenarioDir;
        std::string err;
        ASSERT_TRUE(app.set_language("zh", &err)) << err;
        app.library = Library::scan(kScenarioDir);
        app.resources = resources();
        ASSERT_TRUE(app.resources->can_play());
        app.manual_clock = true;
        app.opts.no_records = true;  // the desk alone: no login (console_test.cpp has those)
        app.screen = Screen::Picker;
        app.opts.seed = 1;
        out_dir = ::testing::TempDir() + "dd_views_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name();
        std::filesystem::remove_all(out_dir);
        app.opts.transcript_out = out_dir + "/attempt.yaml";
        std::string why;
        if (auto face = find_cjk_font("", &why)) app.fonts.open(*face, &why);
        app.want_library_text();
    }

    void frame(Driver* d = nullptr) {
        // As the window loop does: new characters extend the atlas between frames.
        if (app.fonts.dirty()) app.fonts.build(ImGui::GetIO().Fonts, 18.0f);
        ui.frame([this] { draw_frame(app); }, d);
    }

    // Runs a drive script to its end; returns the driver's error ("" when every step passed).
    std::string drive(const std::string& script, const std::string& name = "test.drive") {
        std::string err;
        auto steps = parse_drive_script(script, name, &err);
        if (!steps) return err;
        Driver d(std::move(*steps), name, driver_hooks(app, [] {}));
        for (int i = 0; i < 20000 && !d.done(); ++i) frame(&d);
        frame(&d);
        if (!d.done()) return "driver did not finish";
        return d.error();
    }

    HeadlessUi ui;
    AppState app;
    std::string out_dir;
};

TEST_F(Desk, ExampleGoldPlayedThroughTheViewsPassesAndReplaysIdentically) {
    const std::string err = drive(
        read(std::string(DESKDRILL_TESTS_DIR) + "/gui/example_gold.drive"), "example_gold.drive");
    ASSERT_EQ(err, "");
    EXPECT_EQ(app.screen, Screen::Debrief);
    ASSERT_TRUE(app.attempt);
    const session::Attempt& s = *app.attempt;
    EXPECT_EQ(s.scenario().id, "complaint.night-renovation-noise");
    EXPECT_EQ(s.engine().log().rejected, 0);
    // The actions the widgets produced are the gold transcript's (its closing wait aside).
    const Transcript gold = transcript(kGoldYaml);
    const Transcript& got = s.recorded();
    ASSERT_EQ(got.actions.size(), gold.actions.size());
    for (size_t i = 0; i + 1 < gold.actions.size(); ++i) {
        SCOPED_TRACE("action " + std::to_string(i));
        EXPECT_EQ(got.actions[i].verb, gold.actions[i].verb);
        EXPECT_EQ(got.actions[i].at, gold.actions[i].at);
        EXPECT_EQ(got.actions[i].arg, gold.actions[i].arg);
        EXPECT_EQ(got.actions[i].text, gold.actions[i].text);
        EXPECT_EQ(got.actions[i].fields, gold.actions[i].fields);
    }
    EXPECT_EQ(got.actions.back().verb, Verb::Wait);
    EXPECT_EQ(got.actions.back().at, 101'000);
    // The saved file is what `deskdrill play` reads.
    ASSERT_EQ(app.last_transcript_path, app.opts.transcript_out);
    Diagnostics d;
    auto saved = load_transcript_file(app.last_transcript_path, d);
    ASSERT_TRUE(saved) << d.to_string();
    EXPECT_EQ(saved->actions.size(), got.actions.size());
    expect_replays_identically(s);
    ASSERT_TRUE(s.report()) << s.score_error();
    EXPECT_TRUE(s.report()->passed) << report_to_text(*s.report());
    // The Chinese that was shown is in the atlas.
    if (app.fonts.has_cjk()) {
        EXPECT_TRUE(app.fonts.glyphs().contains(0x738B));  // 王 (typed into the form)
        EXPECT_FALSE(app.fonts.dirty());
    }
    EXPECT_EQ(app.strings.missing_count(), 0u);
}

// How much of the window the last frame's triangles fill, in windows' worth (overlaps count
// twice): with software GL each filled pixel costs CPU (ui::fill_around).
double filled_windows() {
    const ImDrawData* dd = ImGui::GetDrawData();
    double area = 0;
    for (int l = 0; l < dd->CmdListsCount; ++l) {
        const ImDrawList* dl = dd->CmdLists[l];
        for (const ImDrawCmd& c : dl->CmdBuffer)
            for (unsigned i = 0; i + 2 < c.ElemCount; i += 3) {
                const ImVec2 a = dl->VtxBuffer[dl->IdxBuffer[c.IdxOffset + i]].pos,
                             b = dl->VtxBuffer[dl->IdxBuffer[c.IdxOffset + i + 1]].pos,
                             d = dl->VtxBuffer[dl->IdxBuffer[c.IdxOffset + i + 2]].pos;
                area += std::abs((b.x - a.x) * (d.y - a.y) - (d.x - a.x) * (b.y - a.y)) / 2;
            }
    }
    return area / (dd->DisplaySize.x * dd->DisplaySize.y);
}

TEST_F(Desk, EachScreenFillsItsPixelsAboutOnce) {
    // The panels draw no fill of their own (the GL clear colour is theirs) and the window's colour
    // goes only around them. Before, these three screens filled 1.08, 1.58 and 2.00 windows' worth.
    apply_theme(Theme::Dark, 1.0f);  // ImGui's own style has no panel colour
    ASSERT_EQ(drive("screen picker\n"), "");
    EXPECT_LT(filled_windows(), 0.25) << "picker";
    ASSERT_EQ(
        drive(read(std::string(DESKDRILL_TESTS_DIR) + "/bench/desk_full.drive"), "desk_full.drive"),
        "");
    ASSERT_EQ(app.screen, Screen::Desk);
    EXPECT_LT(filled_windows(), 0.45) << "desk";
    ASSERT_EQ(drive("click desk.end\n"), "");
    ASSERT_EQ(app.screen, Screen::Debrief);
    EXPECT_LT(filled_windows(), 0.7) << "debrief";  // its header is the window's colour
}

TEST_F(Desk, PracticeShowsHintsAndClockControlsAssessmentDoesNot) {
    ASSERT_EQ(
        drive("click picker.cat:complaint\nclick picker.scenario:complaint.night-renovation-noise\n"
              "click picker.start\nat 5\nclick phone.answer\n"
              "expect hint.standards\nexpect desk.pause\nexpect desk.skip\n"),
        "");
    app.to_picker();
    ASSERT_EQ(
        drive("click picker.cat:complaint\nclick picker.scenario:complaint.night-renovation-noise\n"
              "click picker.mode:assessment\nclick picker.start\nat 5\nclick phone.answer\n"
              "frames 3\nexpect-not hint.standards\nexpect-not desk.pause\n"
              "expect-not desk.skip\nexpect-not desk.speed:2\n"),
        "");
    ASSERT_TRUE(app.attempt);
    EXPECT_EQ(app.attempt->config().mode, Mode::Assessment);
}

TEST_F(Desk, ChoiceModeOffersRepliesAndTypingWhereNoneAreOffered) {
    const std::string err = drive(
        "click picker.cat:inquiry\n"
        "click picker.scenario:inquiry.nearby-transport\n"
        "click picker.choice\n"
        "click picker.start\n"
        "at 2\nclick desk.serve\n"
        "at 5\nexpect reply.choice:1\nclick reply.choice:0\n"
        "at 25\nexpect-not reply.choice:0\nclick reply.input\n"
        "type 对,跟您确认一下:从南门出去,坐35路公交,6站到市第一医院。我给您写在纸条上,您拿着。\n"
        "key Enter\n"
        "at 40\nclick reply.input\ntype 不客气,您慢走,再见!\nkey Enter\n"
        "at 46\nclick desk.end\nscreen debrief\n");
    ASSERT_EQ(err, "");
    ASSERT_TRUE(app.attempt);
    const auto& actions = app.attempt->recorded().actions;
    ASSERT_GE(actions.size(), 3u);
    EXPECT_EQ(actions[0].verb, Verb::Answer);
    EXPECT_EQ(actions[0].arg, "desk");
    EXPECT_EQ(actions[1].verb, Verb::Choose);
    EXPECT_EQ(actions[1].choice, 0);
    EXPECT_TRUE(actions[1].text.empty());  // the engine resolves it, as in a replay
    EXPECT_EQ(app.attempt->engine().log().rejected, 0);
    expect_replays_identically(*app.attempt);
    const std::string yaml = session::transcript_file_text(*app.attempt->record());
    EXPECT_NE(yaml.find("choose: 1}"), std::string::npos) << yaml;  // 1-based in the file
}

// The reply box refuses what the transcript loader would (kMaxReplyChars), says why, and keeps
// the text; a reply at the limit is sent.
TEST_F(Desk, ReplyBoxRefusesRepliesPastTheLongestAndKeepsTheText) {
    std::string at_limit;
    for (std::size_t i = 0; i < limits::kMaxReplyChars; ++i) at_limit += "好";
    ASSERT_EQ(drive("click picker.cat:complaint\n"
                    "click picker.scenario:complaint.night-renovation-noise\n"
                    "click picker.start\nat 5\nclick phone.answer\n"
                    "at 7\nclick reply.input\ntype " +
                    at_limit + "啊\nkey Enter\nframes 2\n"),
              "");
    ASSERT_TRUE(app.attempt);
    EXPECT_EQ(app.attempt->recorded().actions.size(), 1u) << "only the answer";
    EXPECT_TRUE(app.desk.feedback_bad);
    EXPECT_EQ(app.desk.feedback, "这条回复有1001个字,一条回复最多1000个字。请精简,或分几次说。");
    EXPECT_EQ(yaml::count_chars(app.desk.reply), limits::kMaxReplyChars + 1);
    // Shortened to the limit, it is sent.
    app.desk.reply = at_limit;
    ASSERT_EQ(drive("click reply.send\nframes 2\n"), "");
    ASSERT_EQ(app.attempt->recorded().actions.size(), 2u);
    EXPECT_EQ(app.attempt->recorded().actions[1].text, at_limit);
}

TEST_F(Desk, EnglishUiHasEveryStringAndKeepsScenarioTextChinese) {
    std::string err;
    ASSERT_TRUE(app.set_language("en", &err));
    ASSERT_EQ(
        drive("click picker.cat:complaint\n"
              "click picker.scenario:complaint.night-renovation-noise\n"
              "expect label:Start drill\nclick picker.start\n"
              "at 5\nclick phone.answer\nexpect label:Send\nclick tool.tab:emergency\n"
              "expect tool.call:119\nclick desk.end\nscreen debrief\nexpect label:Try again\n"),
        "");
    EXPECT_EQ(app.strings.missing_count(), 0u);
    // The menu's one-click toggle goes back to Chinese.
    ASSERT_EQ(drive("click menu.lang_toggle\nframes 2\n"), "");
    EXPECT_EQ(app.strings.lang(), "zh");
}

TEST_F(Desk, RetryStartsAFreshAttemptAndLibraryGoesBack) {
    ASSERT_EQ(drive("click picker.cat:complaint\nclick "
                    "picker.scenario:complaint.night-renovation-noise\nclick picker.start\n"
                    "at 30\nclick desk.end\nscreen debrief\nclick debrief.retry\nscreen desk\n"),
              "");
    ASSERT_TRUE(app.attempt);
    EXPECT_TRUE(app.attempt->recorded().actions.empty());
    EXPECT_EQ(app.attempt->now(), 0);
    ASSERT_EQ(drive("at 1\nclick desk.end\nscreen debrief\nclick debrief.library\nscreen picker\n"),
              "");
    EXPECT_FALSE(app.attempt);
}

TEST_F(Desk, EveryLibraryScenarioOpensAtTheDeskWithoutMissingStrings) {
    int opened = 0;
    for (const auto& e : app.library.entries) {
        if (!e.scenario) continue;
        std::string err;
        ASSERT_TRUE(app.start(e.scenario->id, &err)) << err;
        for (Millis t : {0, 1000, 3000, 10'000, 30'000}) {
            app.attempt->set_clock(t);
            frame();
        }
        app.end_attempt();
        frame();
        frame();
        EXPECT_EQ(app.screen, Screen::Debrief) << e.scenario->id;
        ++opened;
    }
    EXPECT_GE(opened, 1);
    EXPECT_EQ(app.strings.missing_count(), 0u);
}

}  // namespace

namespace {

TEST(Library, StartingAScenarioNotYetParsedWaitsForTheFullScan) {
    HeadlessUi ui;
    AppState app;
    app.opts.assets_dir = DESKDRILL_ASSETS_DIR;
    app.opts.scenarios_dir = kScenarioDir;
    std::string err;
    ASSERT_TRUE(app.set_language("zh", &err));
    app.library = Library::scan_first(kScenarioDir, "complaint");
    app.resources = resources();
    ASSERT_TRUE(app.start("inquiry.nearby-transport", &err)) << err;
    EXPECT_TRUE(app.library.complete);
    EXPECT_EQ(app.screen, Screen::Desk);
}

}  // namespace

TEST_F(Desk, AFireAlarmTakesOverTheDeskUntilHandled) {
    // The banner and the emergency panel come up by themselves; the reply box is closed to the
    // alarm (typing and Enter send nothing); the banner goes once the outcome's steps are done.
    ASSERT_EQ(drive("click picker.cat:emergency\n"
                    "click picker.scenario:emergency.fire-alarm-evacuation\n"
                    "click picker.start\nat 2\nframes 2\n"
                    "expect desk.emergency\nexpect tool.call:119\n"
                    "click reply.input\ntype 您好\nkey Enter\nframes 2\n"),
              "");
    const auto said = [&] {
        int n = 0;
        for (const auto& e : app.attempt->engine().log().entries)
            if ((e.kind == LogEntry::Kind::Action || e.kind == LogEntry::Kind::Rejected) &&
                e.action && e.action->verb == Verb::Say)
                ++n;
        return n;
    };
    EXPECT_EQ(said(), 0);
    // The phone rings: the desk turns to the caller; answering puts the keyboard in the reply box.
    ASSERT_EQ(drive("at 11\nframes 2\nclick phone.answer\nframes 2\ntype 您好，别慌。\nkey Enter\n"
                    "frames 2\nexpect desk.emergency\n"
                    "click tool.call:119\nclick tool.broadcast:evacuation\n"
                    "click tool.hand_over:extinguisher\nclick tool.emergency.dispatch:security\n"
                    "click tool.emergency.escalate:manager\nframes 3\nexpect-not desk.emergency\n"),
              "");
    EXPECT_EQ(said(), 1);
    EXPECT_EQ(app.attempt->engine().log().rejected, 0);
}

TEST_F(Desk, TheDeskShowsWhoseDeskItIsTheTimeLeftAndHintsFilledIn) {
    // fee-collection.first-reminder-call: 安居物业 · 阳光花园 (its `site:`), a time limit, and a
    // hint quoting the amount owed as played ({owner.owed}).
    ASSERT_EQ(drive("click picker.cat:fee-collection\n"
                    "click picker.scenario:fee-collection.first-reminder-call\n"
                    "click picker.start\nat 8\nclick phone.answer\nat 10\n"
                    "type 您好，这里是安居物业客服中心，请问是业主本人吗？\nkey Enter\nframes 3\n"
                    "expect desk.site\n"),
              "");
    const Scenario& sc = app.attempt->scenario();
    ASSERT_FALSE(sc.site.company.empty());
    std::string text;
    ImGui::GetIO().MousePos = ImVec2(-1e4f, -1e4f);  // no tooltip: it would end the log early
    ui.frame([this] { draw_frame(app); }, nullptr, &text);
    EXPECT_NE(text.find(sc.site.company + " · " + sc.site.name), std::string::npos) << text;
    const std::string owed = app.attempt->engine().log().facts.at("owner").at("owed");
    EXPECT_NE(text.find("金额(" + owed + ")"), std::string::npos) << text;
    EXPECT_EQ(text.find("{owner.owed}"), std::string::npos) << text;
    if (sc.time_limit) {
        EXPECT_NE(text.find("剩余 "), std::string::npos) << text;
    }
}

// The tutorial in practice mode: a callout on the widget to use next (the phone's pick-up while it
// rings, then the reply box with the words to type), and the node's guide listed under its hint,
// each button by its label.
TEST_F(Desk, TheTutorialsCalloutsAndTheGuideUnderTheHint) {
    app.opts.seed = 0;
    ASSERT_EQ(drive("click picker.cat:tutorial\n"
                    "click picker.scenario:tutorial.desk-tour\n"
                    "click picker.mode:practice\n"
                    "click picker.start\nat 3\nframes 3\nexpect callout\n"),
              "");
    const ui::WidgetRect* c = ui::registry().find("callout");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->label, "点「接听」");
    ASSERT_EQ(drive("click phone.answer\nat 5\nframes 3\nexpect callout\n"), "");
    c = ui::registry().find("callout");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->label, "说：「您好，安居物业客服中心，请问有什么可以帮您？」");
    const ui::WidgetRect* step = ui::registry().find("hint.guide.1");
    ASSERT_TRUE(step);
    EXPECT_EQ(step->label, "1. 说：「您好，安居物业客服中心，请问有什么可以帮您？」");
    ASSERT_EQ(
        drive("click reply.input\ntype 您好，安居物业客服中心，请问有什么可以帮您？\nkey Enter\n"
              "at 12\nframes 3\n"),
        "");
    c = ui::registry().find("callout");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->label,
              "在「登记」页填写：姓名 李女士，房号 2-0801，电话 13600002222，事项 门口走廊灯不亮；"
              "再点「提交登记」");
    step = ui::registry().find("hint.guide.3");
    ASSERT_TRUE(step);
    EXPECT_EQ(step->label, "3. 点「工程部」（派单）");
    ASSERT_EQ(drive("click tool.record.name\ntype 李女士\nclick tool.record.room\ntype 2-0801\n"
                    "click tool.record.phone\ntype 13600002222\nclick tool.record.issue\n"
                    "type 门口走廊灯不亮\nclick tool.record.submit\nframes 3\n"),
              "");
    // Classifying is on another tab: the callout points at the tab first.
    c = ui::registry().find("callout");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->label, "先打开「分类派单」页");
}

// Outside the tutorial the desk draws no callouts.
TEST_F(Desk, NoCalloutsOutsideTheTutorial) {
    ASSERT_EQ(drive("click picker.cat:complaint\n"
                    "click picker.scenario:complaint.night-renovation-noise\n"
                    "click picker.mode:practice\n"
                    "click picker.start\nat 3\nframes 3\nexpect-not callout\n"),
              "");
}

TEST_F(Desk, IconsFromForkAwesomeJoinTheAtlas) {
    // scripts/deps.sh installs fonts-fork-awesome; without it the desk shows words only.
    ASSERT_TRUE(app.fonts.has_cjk());
    ASSERT_TRUE(app.fonts.has_icons()) << "fonts-fork-awesome is not installed";
    ASSERT_EQ(drive("click picker.cat:emergency\n"
                    "click picker.scenario:emergency.fire-alarm-evacuation\n"
                    "click picker.start\nat 2\nframes 3\nexpect desk.emergency\n"),
              "");
    frame();
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    for (ImWchar cp : {0xF095, 0xF071, 0xF134, 0xF0F3})  // phone, warning, extinguisher, bell
        EXPECT_NE(font->FindGlyphNoFallback(cp), nullptr) << std::hex << cp;
    EXPECT_EQ(font->FindGlyphNoFallback(0xF2B9), nullptr) << "only the icons shown are built";
}

TEST_F(Desk, ThePickersCastIsThePeoplePlayedUnderTheSeed) {
    // fee-collection.first-reminder-call: 毛先生 by default, 柳女士 under seed 1 (its `vary:`).
    ASSERT_EQ(drive("click picker.cat:fee-collection\n"
                    "click picker.scenario:fee-collection.first-reminder-call\nframes 2\n"),
              "");
    std::string text;
    ImGui::GetIO().MousePos = ImVec2(-1e4f, -1e4f);
    ui.frame([this] { draw_frame(app); }, nullptr, &text);
    EXPECT_NE(text.find("柳女士"), std::string::npos) << text;
    EXPECT_EQ(text.find("毛先生"), std::string::npos) << text;
    ASSERT_EQ(drive("click picker.start\nat 8\nclick phone.answer\nframes 2\n"), "");
    EXPECT_EQ(app.attempt->engine().log().facts.at("owner").at("name"), "柳女士");
}
