// Test support: a window-less Dear ImGui context (no GL, no GLFW) that runs real frames, so views
// and the scripted driver are exercised through ImGui's own input handling.
#pragma once
#include <imgui.h>

#include <functional>
#include <string>

#include "sim/app/driver.h"
#include "sim/app/ui.h"

namespace dd::app::test {

class HeadlessUi {
  public:
    explicit HeadlessUi(float width = 1280, float height = 800) {
        ctx_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(width, height);
        io.IniFilename = nullptr;
        io.DeltaTime = 1.0f / 60;
        // The GLFW backend's key codes, which the driver presses through io.KeyMap.
        io.KeyMap[ImGuiKey_Tab] = 258;
        io.KeyMap[ImGuiKey_Enter] = 257;
        io.KeyMap[ImGuiKey_Escape] = 256;
        io.KeyMap[ImGuiKey_Backspace] = 259;
        // What a frame logs (ImGui's log of rendered text, sent to the "clipboard") is collected.
        io.SetClipboardTextFn = [](void* out, const char* text) {
            if (out) *static_cast<std::string*>(out) += std::string(text) + "\n";
        };
        io.Fonts->AddFontDefault();
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&px, &w, &h);
    }
    ~HeadlessUi() { ImGui::DestroyContext(ctx_); }
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    // One frame: driver input (if any), NewFrame, draw, Render. With `text`, the text the frame
    // drew is appended to it, a line per line on screen: ImGui's own log of rendered text (what
    // is on screen, not what is clipped away), which the end of the first top-level window (the
    // app's, or a tooltip inside it) closes.
    void frame(const std::function<void()>& draw, Driver* driver = nullptr,
               std::string* text = nullptr) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60;
        if (driver) driver->before_frame(io);
        ImGui::NewFrame();
        io.ClipboardUserData = text;
        if (text) ImGui::LogToClipboard();
        draw();
        if (text) ImGui::LogFinish();  // nothing when a window's end already closed the log
        io.ClipboardUserData = nullptr;
        ImGui::Render();
    }

    // Frames until the driver is done (or max frames); returns frames run.
    int run(Driver& driver, const std::function<void()>& draw, int max_frames = 5000) {
        int n = 0;
        while (!driver.done() && n < max_frames) {
            frame(draw, &driver);
            ++n;
        }
        // One more frame so the last release/keys land.
        frame(draw, &driver);
        return n;
    }

  private:
    ImGuiContext* ctx_ = nullptr;
};

}  // namespace dd::app::test
