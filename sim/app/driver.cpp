// The scripted UI driver: parsing a drive script and feeding its steps through ImGui's input.
#include "driver.h"

#include <cmath>
#include <sstream>

#include "screen.h"
#include "ui.h"

namespace dd::app {

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

}  // namespace

std::optional<std::vector<DriveStep>> parse_drive_script(const std::string& text,
                                                         const std::string& file,
                                                         std::string* error) {
    std::vector<DriveStep> steps;
    std::istringstream in(text);
    std::string raw;
    int line_no = 0;
    std::string errors;
    auto err = [&](const std::string& msg) {
        errors += file + ":" + std::to_string(line_no) + ": error: " + msg + "\n";
    };
    while (std::getline(in, raw)) {
        ++line_no;
        const std::string line = trim(raw);
        if (line.empty() || line[0] == '#') continue;
        const auto sp = line.find_first_of(" \t");
        const std::string cmd = line.substr(0, sp);
        const std::string arg = sp == std::string::npos ? "" : trim(line.substr(sp + 1));
        DriveStep s;
        s.line = line_no;
        s.arg = arg;
        auto need_arg = [&](const char* what) {
            if (arg.empty()) err("`" + cmd + "` needs " + what);
            return !arg.empty();
        };
        if (cmd == "click") {
            if (!need_arg("a widget id (or label:TEXT)")) continue;
            s.kind = DriveStep::Kind::Click;
        } else if (cmd == "type") {
            // The text is the raw rest of the line (leading blanks removed), spaces kept.
            s.kind = DriveStep::Kind::Type;
            if (sp == std::string::npos) {
                err("`type` needs the text to type");
                continue;
            }
            std::string rest = raw.substr(raw.find(cmd) + cmd.size());
            const auto b = rest.find_first_not_of(" \t");
            s.arg = b == std::string::npos ? "" : rest.substr(b);
            while (!s.arg.empty() && (s.arg.back() == '\r' || s.arg.back() == '\n'))
                s.arg.pop_back();
        } else if (cmd == "key") {
            if (!need_arg("a key name: Enter, Tab, Escape or Backspace")) continue;
            s.kind = DriveStep::Kind::Key;
            if (arg == "Enter")
                s.count = ImGuiKey_Enter;
            else if (arg == "Tab")
                s.count = ImGuiKey_Tab;
            else if (arg == "Escape")
                s.count = ImGuiKey_Escape;
            else if (arg == "Backspace")
                s.count = ImGuiKey_Backspace;
            else {
                err("unknown key '" + arg + "'; use Enter, Tab, Escape or Backspace");
                continue;
            }
        } else if (cmd == "at" || cmd == "advance") {
            if (!need_arg("a time in seconds (e.g. 12.5) or a duration (e.g. 1m30s)")) continue;
            // "12", "12.345" (seconds) or any duration form ("1m30s", "500ms").
            auto ms = parse_duration(arg);
            if (!ms) {
                err("'" + arg + "' is not a time; write seconds (12.5) or a duration (1m30s)");
                continue;
            }
            s.kind = cmd == "at" ? DriveStep::Kind::At : DriveStep::Kind::Advance;
            s.ms = *ms;
        } else if (cmd == "frames") {
            s.kind = DriveStep::Kind::Frames;
            s.count = arg.empty() ? 1 : std::atoi(arg.c_str());
            if (s.count <= 0 || s.count > 100000) {
                err("`frames` needs a count between 1 and 100000");
                continue;
            }
        } else if (cmd == "screenshot") {
            if (!need_arg("a name (the file is DIR/NAME.png)")) continue;
            if (arg.find('/') != std::string::npos || arg.find("..") != std::string::npos) {
                err("screenshot name '" + arg + "' must be a plain file name without '/'");
                continue;
            }
            s.kind = DriveStep::Kind::Screenshot;
        } else if (cmd == "expect") {
            if (!need_arg("a widget id")) continue;
            s.kind = DriveStep::Kind::Expect;
        } else if (cmd == "expect-not") {
            if (!need_arg("a widget id")) continue;
            s.kind = DriveStep::Kind::ExpectNot;
        } else if (cmd == "screen") {
            if (!screen_from_name(arg)) {
                err("`screen` needs a screen's name (screen.h: login, home, briefing, picker, "
                    "desk, debrief, dashboard, …)");
                continue;
            }
            s.kind = DriveStep::Kind::Screen;
        } else if (cmd == "quit") {
            s.kind = DriveStep::Kind::Quit;
        } else {
            err("unknown step '" + cmd +
                "'; use click, type, key, at, advance, frames, screenshot, expect, expect-not, "
                "screen or quit");
            continue;
        }
        steps.push_back(std::move(s));
    }
    if (!errors.empty()) {
        if (error) *error = errors;
        return std::nullopt;
    }
    return steps;
}

Driver::Driver(std::vector<DriveStep> steps, std::string file, Hooks hooks)
    : steps_(std::move(steps)), file_(std::move(file)), hooks_(std::move(hooks)) {
    if (steps_.empty()) done_ = true;
}

void Driver::fail(const DriveStep& s, const std::string& message) {
    error_ = file_ + ":" + std::to_string(s.line) + ": error: " + message;
    done_ = true;
}

void Driver::next_step() {
    ++index_;
    phase_ = 0;
    waited_ = 0;
    if (index_ >= steps_.size()) done_ = true;
}

std::optional<std::string> Driver::take_screenshot_request() {
    auto r = std::move(screenshot_due_);
    screenshot_due_.reset();
    return r;
}

void Driver::before_frame(ImGuiIO& io) {
    // Input state persists across frames until a step changes it.
    auto apply_input = [&] {
        if (mouse_.x >= 0) io.MousePos = mouse_;
        io.MouseDown[0] = mouse_down_;
    };
    if (done_) {
        apply_input();
        return;
    }
    const DriveStep& s = steps_[index_];
    auto say = [&](const std::string& what) {
        if (hooks_.log) hooks_.log("drive: " + file_ + ":" + std::to_string(s.line) + ": " + what);
    };
    auto too_long = [&] { return ++waited_ > kMaxWaitFrames; };
    auto find = [&](const std::string& target) -> const ui::WidgetRect* {
        if (target.rfind("label:", 0) == 0) return ui::registry().find_label(target.substr(6));
        return ui::registry().find(target);
    };

    switch (s.kind) {
        case DriveStep::Kind::Click: {
            if (phase_ == 0) {
                const ui::WidgetRect* r = find(s.arg);
                if (!r || !r->visible) {
                    if (r) ui::registry().request_scroll(s.arg);
                    if (too_long()) {
                        std::string known;
                        for (const auto& id : ui::registry().ids()) known += " " + id;
                        fail(s, "widget '" + s.arg + "' " + (r ? "stays off screen" : "not found") +
                                    " on screen '" + (hooks_.screen ? hooks_.screen() : "") +
                                    "'; widgets shown:" + known);
                    }
                    break;
                }
                mouse_ = ImVec2(std::floor((r->min.x + r->max.x) / 2),
                                std::floor((r->min.y + r->max.y) / 2));
                mouse_down_ = false;
                say("click " + s.arg);
                phase_ = 1;
            } else if (phase_ == 1) {
                // The layout may have moved since the pointer was aimed (an action in the frame
                // before changed what is shown): aim again and wait a frame, as a person would.
                if (const ui::WidgetRect* r = find(s.arg); r && r->visible) {
                    const ImVec2 c(std::floor((r->min.x + r->max.x) / 2),
                                   std::floor((r->min.y + r->max.y) / 2));
                    if (c.x != mouse_.x || c.y != mouse_.y) {
                        mouse_ = c;
                        if (!too_long()) break;
                    }
                }
                mouse_down_ = true;
                phase_ = 2;
            } else {
                mouse_down_ = false;
                next_step();
            }
            break;
        }
        case DriveStep::Kind::Type:
            io.AddInputCharactersUTF8(s.arg.c_str());
            say("type " + s.arg);
            next_step();
            break;
        case DriveStep::Kind::Key: {
            const int idx = io.KeyMap[s.count];
            if (idx < 0 || idx >= static_cast<int>(IM_ARRAYSIZE(io.KeysDown))) {
                fail(s, "the platform backend maps no key for '" + s.arg + "'");
                break;
            }
            if (phase_ == 0) {
                io.KeysDown[idx] = true;
                key_down_ = idx;
                say("key " + s.arg);
                phase_ = 1;
            } else {
                io.KeysDown[idx] = false;
                key_down_ = -1;
                next_step();
            }
            break;
        }
        case DriveStep::Kind::At:
        case DriveStep::Kind::Advance: {
            const Millis now = hooks_.clock ? hooks_.clock() : 0;
            const Millis target = s.kind == DriveStep::Kind::At ? s.ms : now + s.ms;
            if (target < now) {
                fail(s, "cannot move the sim clock back to " + format_clock(target) + " (it is " +
                            format_clock(now) + "); steps must go forward in time");
                break;
            }
            if (!hooks_.set_clock || !hooks_.set_clock(target)) {
                fail(s, "no drill is running: start one (click picker.start) before `at`");
                break;
            }
            say("clock → " + format_clock(target));
            next_step();
            break;
        }
        case DriveStep::Kind::Frames:
            if (++phase_ >= s.count) next_step();
            break;
        case DriveStep::Kind::Screenshot:
            // Let two frames pass first: auto-sized windows settle one frame after appearing.
            if (phase_ < 2) {
                ++phase_;
            } else {
                screenshot_due_ = s.arg;
                say("screenshot " + s.arg);
                next_step();
            }
            break;
        case DriveStep::Kind::Expect: {
            const ui::WidgetRect* r = find(s.arg);
            if (r && r->visible) {
                next_step();
            } else if (too_long()) {
                fail(s, "expected widget '" + s.arg + "' on screen '" +
                            (hooks_.screen ? hooks_.screen() : "") + "', it is not there");
            }
            break;
        }
        case DriveStep::Kind::ExpectNot: {
            const ui::WidgetRect* r = find(s.arg);
            if (!r || !r->visible) {
                next_step();
            } else if (++waited_ > 3) {
                fail(s, "widget '" + s.arg + "' is on screen but should not be");
            }
            break;
        }
        case DriveStep::Kind::Screen:
            if (hooks_.screen && hooks_.screen() == s.arg) {
                next_step();
            } else if (too_long()) {
                fail(s, "expected screen '" + s.arg + "', the app shows '" +
                            (hooks_.screen ? hooks_.screen() : "") + "'");
            }
            break;
        case DriveStep::Kind::Quit:
            say("quit");
            if (hooks_.quit) hooks_.quit();
            index_ = steps_.size();
            done_ = true;
            break;
    }
    apply_input();
}

}  // namespace dd::app
