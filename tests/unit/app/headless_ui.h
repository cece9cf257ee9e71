// Test support: a window-less Dear ImGui context (no GL, no GLFW) that runs real frames, so views
// and the scripted driver are exercised through ImGui's own input handling.
#pragma once
#include <imgui.h>

#include <functional>

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
        io.Fonts->AddFontDefault();
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&px, &w, &h);
    }
    ~HeadlessUi() { ImGui::DestroyContext(ctx_); }
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    // One frame: driver input (if any), NewFrame, draw, Render.
    void frame(const std::function<void()>& draw, Driver* driver = nullptr) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60;
        if (driver) driver->before_frame(io);
        ImGui::NewFrame();
        draw();
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
