// The View menu — text size, theme, sound — and its keyboard shortcuts (Ctrl+= / Ctrl+- / Ctrl+0).
// The choices land in AppState; the window loop applies them (style, atlas) and remembers them.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "sim/app/app_state.h"
#include "sim/app/settings.h"
#include "sim/app/ui.h"

namespace dd::app {

namespace {

// GLFW's key codes, which its ImGui backend uses as io.KeysDown indices (ImGui 1.86); the views
// do not include GLFW.
constexpr int kKeyMinus = 45, kKey0 = 48, kKeyEqual = 61, kKeyPadSubtract = 333, kKeyPadAdd = 334;

void set_font_scale(AppState& app, float s) {
    // Whole steps, so repeated presses land on the same sizes as the menu shows.
    s = std::round(std::clamp(s, kFontScaleMin, kFontScaleMax) / kFontScaleStep) * kFontScaleStep;
    if (std::abs(s - app.font_scale) < 0.001f) return;
    app.font_scale = s;
    app.style_changed = true;
}

bool pressed(int key) {
    const ImGuiIO& io = ImGui::GetIO();
    return key < IM_ARRAYSIZE(io.KeysDown) && ImGui::IsKeyPressed(key, false);
}

}  // namespace

void handle_view_keys(AppState& app) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl) return;
    if (pressed(kKeyEqual) || pressed(kKeyPadAdd))
        set_font_scale(app, app.font_scale + kFontScaleStep);
    else if (pressed(kKeyMinus) || pressed(kKeyPadSubtract))
        set_font_scale(app, app.font_scale - kFontScaleStep);
    else if (pressed(kKey0))
        set_font_scale(app, 1.0f);
}

void draw_view_menu(AppState& app) {
    const bool open = ImGui::BeginMenu(ui::lid(app.tr("menu.view"), "menu.view").c_str());
    ui::track("menu.view", app.tr("menu.view"));
    if (!open) return;
    const std::string size = app.strings.fmt(
        "menu.text_size",
        {{"n", std::to_string(static_cast<int>(std::lround(app.font_scale * 100)))}});
    ImGui::TextDisabled("%s", size.c_str());
    if (ImGui::MenuItem(app.tr("menu.text_bigger"), "Ctrl+=", false,
                        app.font_scale < kFontScaleMax))
        set_font_scale(app, app.font_scale + kFontScaleStep);
    ui::track("menu.text_bigger", app.tr("menu.text_bigger"));
    if (ImGui::MenuItem(app.tr("menu.text_smaller"), "Ctrl+-", false,
                        app.font_scale > kFontScaleMin))
        set_font_scale(app, app.font_scale - kFontScaleStep);
    ui::track("menu.text_smaller", app.tr("menu.text_smaller"));
    if (ImGui::MenuItem(app.tr("menu.text_reset"), "Ctrl+0")) set_font_scale(app, 1.0f);
    ui::track("menu.text_reset", app.tr("menu.text_reset"));
    ImGui::Separator();
    for (const char* theme : {"dark", "light"}) {
        const std::string key = std::string("menu.theme_") + theme;
        if (ImGui::MenuItem(app.tr(key), nullptr, app.theme == theme) && app.theme != theme) {
            app.theme = theme;
            app.style_changed = true;
        }
        ui::track(std::string("menu.theme:") + theme, app.tr(key));
    }
    ImGui::Separator();
    if (ImGui::MenuItem(app.tr("menu.mute"), nullptr, app.muted)) {
        app.muted = !app.muted;
        app.style_changed = true;  // remembered with the rest
    }
    ui::track("menu.mute", app.tr("menu.mute"));
    ImGui::EndMenu();
}

}  // namespace dd::app
