// The scripted UI driver: the app's own test hook (`deskdrill --drive FILE`). It plays a list of
// UI steps — click the widget with this id, type this text, press Enter, move the sim clock, take
// a screenshot — by feeding Dear ImGui's real input path (io.MousePos / io.MouseDown /
// io.AddInputCharactersUTF8 / io.KeysDown; the 1.86 API), so the views cannot tell it from a
// person. It knows nothing of GL: the app takes the screenshots it asks for.
//
// Script format, one step per line ('#' starts a comment line):
//   click ID            click the widget noted under ID (or `click label:TEXT` by its label)
//   type TEXT           type TEXT (UTF-8, rest of the line) into the focused text field
//   key NAME            press and release Enter | Tab | Escape | Backspace
//   at SECONDS          set the sim clock to this time (the clock is manual while driving)
//   advance SECONDS     move the sim clock forward
//   frames N            let N frames pass
//   screenshot NAME     save DIR/NAME.png of the next settled frame
//   expect ID           fail unless widget ID is on screen
//   expect-not ID       fail if widget ID is on screen
//   screen NAME         wait until the app shows screen NAME (screen.h: login | home | briefing |
//                       picker | desk | debrief | dashboard | trainee | … | accounts)
//   quit                close the window (also done after the last step)
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "sim/model/duration.h"

namespace dd::app {

struct DriveStep {
    enum class Kind {
        Click,
        Type,
        Key,
        At,
        Advance,
        Frames,
        Screenshot,
        Expect,
        ExpectNot,
        Screen,
        Quit
    };
    Kind kind = Kind::Frames;
    std::string arg;
    Millis ms = 0;  // At / Advance
    int count = 0;  // Frames; Key: the GLFW key code
    int line = 0;
};

// Parses a script; on error returns nullopt with `file:line: error: …` in *error.
std::optional<std::vector<DriveStep>> parse_drive_script(const std::string& text,
                                                         const std::string& file,
                                                         std::string* error);

class Driver {
  public:
    struct Hooks {
        std::function<bool(Millis)> set_clock;  // false: no attempt running
        std::function<Millis()> clock;          // current sim time
        std::function<std::string()> screen;    // screen_name() of the current screen
        std::function<void()> quit;
        std::function<void(const std::string&)> log;
    };
    Driver(std::vector<DriveStep> steps, std::string file, Hooks hooks);

    // Call after the platform backend's NewFrame and before ImGui::NewFrame: writes this frame's
    // mouse, keys and characters into io.
    void before_frame(ImGuiIO& io);
    // After rendering, before the swap: the screenshot name due this frame, if any.
    std::optional<std::string> take_screenshot_request();

    bool done() const { return done_; }
    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }
    int steps_run() const { return static_cast<int>(index_); }

    static constexpr int kMaxWaitFrames = 240;  // a widget must appear within this many frames

  private:
    void fail(const DriveStep& s, const std::string& message);
    void next_step();

    std::vector<DriveStep> steps_;
    std::string file_;
    Hooks hooks_;
    size_t index_ = 0;
    int phase_ = 0;   // progress within the current step
    int waited_ = 0;  // frames waited on the current step
    ImVec2 mouse_{-1, -1};
    bool mouse_down_ = false;
    int key_down_ = -1;
    std::optional<std::string> screenshot_due_;
    bool done_ = false;
    std::string error_;
};

}  // namespace dd::app
