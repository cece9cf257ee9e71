// The scripted driver: script parsing with positioned errors, and clicks, typing and keys fed
// through ImGui's real input path into real widgets.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "headless_ui.h"
#include "sim/app/driver.h"
#include "sim/app/ui.h"

namespace {

using dd::app::Driver;
using dd::app::DriveStep;
using dd::app::parse_drive_script;

TEST(DriveScript, ParsesEveryStep) {
    std::string err;
    auto steps = parse_drive_script(
        "# comment\n"
        "click picker.start\n"
        "type 您好, 安居物业\n"
        "key Enter\n"
        "at 7.5\n"
        "advance 1m30s\n"
        "frames 3\n"
        "screenshot desk\n"
        "expect phone.answer\n"
        "expect-not reply.send\n"
        "screen debrief\n"
        "quit\n",
        "s.drive", &err);
    ASSERT_TRUE(steps) << err;
    ASSERT_EQ(steps->size(), 11u);
    EXPECT_EQ((*steps)[0].kind, DriveStep::Kind::Click);
    EXPECT_EQ((*steps)[0].arg, "picker.start");
    EXPECT_EQ((*steps)[1].arg, "您好, 安居物业");  // spaces inside the text are kept
    EXPECT_EQ((*steps)[2].count, ImGuiKey_Enter);
    EXPECT_EQ((*steps)[3].ms, 7500);
    EXPECT_EQ((*steps)[4].ms, 90'000);
    EXPECT_EQ((*steps)[5].count, 3);
    EXPECT_EQ((*steps)[0].line, 2);
}

TEST(DriveScript, ErrorsNameTheLineAndSayWhatToDo) {
    std::string err;
    EXPECT_FALSE(parse_drive_script("click\nat soon\nkey F13\nfly away\nscreenshot ../x\n",
                                    "bad.drive", &err));
    EXPECT_NE(err.find("bad.drive:1: error:"), std::string::npos) << err;
    EXPECT_NE(err.find("bad.drive:2: error:"), std::string::npos) << err;
    EXPECT_NE(err.find("bad.drive:3: error: unknown key 'F13'"), std::string::npos) << err;
    EXPECT_NE(err.find("bad.drive:4: error: unknown step 'fly'"), std::string::npos) << err;
    EXPECT_NE(err.find("bad.drive:5: error:"), std::string::npos) << err;
}

struct Widgets {
    int pressed = 0;
    int entered = 0;
    std::string text;
    void draw() {
        dd::app::ui::registry().begin_frame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(600, 400));
        ImGui::Begin("w");
        if (dd::app::ui::button("OK", "t.ok")) ++pressed;
        if (dd::app::ui::input_text("reply", &text, "t.input",
                                    ImGuiInputTextFlags_EnterReturnsTrue))
            ++entered;
        ImGui::End();
    }
};

TEST(Driver, ClicksTypesAndPressesKeysThroughImGui) {
    dd::app::test::HeadlessUi ui;
    Widgets w;
    std::string err;
    auto steps = parse_drive_script(
        "click t.ok\nclick label:OK\nclick t.input\ntype 你好 ok\nkey Enter\n", "t.drive", &err);
    ASSERT_TRUE(steps) << err;
    Driver d(std::move(*steps), "t.drive", {});
    ui.run(d, [&] { w.draw(); });
    EXPECT_FALSE(d.failed()) << d.error();
    EXPECT_EQ(w.pressed, 2);
    EXPECT_EQ(w.text, "你好 ok");
    EXPECT_EQ(w.entered, 1);
}

TEST(Driver, MissingWidgetFailsWithTheLineAndWhatIsShown) {
    dd::app::test::HeadlessUi ui;
    Widgets w;
    std::string err;
    auto steps =
        parse_drive_script("frames 2\nclick no.such.widget\nclick t.ok\n", "t.drive", &err);
    ASSERT_TRUE(steps);
    Driver d(std::move(*steps), "t.drive", {});
    ui.run(d, [&] { w.draw(); });
    ASSERT_TRUE(d.failed());
    EXPECT_NE(d.error().find("t.drive:2: error: widget 'no.such.widget' not found"),
              std::string::npos)
        << d.error();
    EXPECT_NE(d.error().find("t.ok"), std::string::npos);  // lists what is there
    EXPECT_EQ(w.pressed, 0);                               // stops at the failure
}

TEST(Driver, ClockStepsGoThroughTheHookAndNeverBackwards) {
    dd::app::test::HeadlessUi ui;
    Widgets w;
    dd::Millis clock = 0;
    Driver::Hooks hooks;
    hooks.clock = [&] { return clock; };
    hooks.set_clock = [&](dd::Millis t) {
        clock = t;
        return true;
    };
    std::string err;
    auto steps = parse_drive_script("at 5\nadvance 2.5\nat 3\n", "c.drive", &err);
    ASSERT_TRUE(steps);
    Driver d(std::move(*steps), "c.drive", hooks);
    ui.run(d, [&] { w.draw(); });
    EXPECT_EQ(clock, 7500);
    ASSERT_TRUE(d.failed());
    EXPECT_NE(d.error().find("c.drive:3: error: cannot move the sim clock back"), std::string::npos)
        << d.error();
}

TEST(Driver, ScreenshotIsRequestedOnceAfterSettling) {
    dd::app::test::HeadlessUi ui;
    Widgets w;
    std::string err;
    auto steps = parse_drive_script("screenshot desk\n", "s.drive", &err);
    ASSERT_TRUE(steps);
    Driver d(std::move(*steps), "s.drive", {});
    int requests = 0;
    std::string name;
    for (int i = 0; i < 10; ++i) {
        ui.frame([&] { w.draw(); }, &d);
        if (auto r = d.take_screenshot_request()) {
            ++requests;
            name = *r;
        }
    }
    EXPECT_EQ(requests, 1);
    EXPECT_EQ(name, "desk");
    EXPECT_TRUE(d.done());
}

}  // namespace
