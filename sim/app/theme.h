// The desk's two looks — dark, and light for bright offices — and its text size: ImGui's style
// colours and sizes plus the views' palette (ui::pal()), chosen in the View menu and remembered in
// settings.json. Every text colour keeps at least 4.5:1 contrast (WCAG 2 AA) against what it is
// drawn on; tests/unit/app/theme_test.cpp measures each pair.
#pragma once
#include <string_view>

#include <imgui.h>

namespace dd::app {

enum class Theme { Dark, Light };
Theme theme_from_name(std::string_view name);  // "light" → Light; anything else → Dark
const char* theme_name(Theme t);

// Text size in pixels at content scale 1 for a screen this many pixels tall: 18 up to 1000,
// 20 on a 1080-line screen (what a 1920×1080 office monitor reads well at arm's length), 22 from
// 1440 lines.
float default_font_px(int screen_height);

namespace ui {
struct Palette;
}
// The views' palette of a theme.
ui::Palette palette_of(Theme t);

// Sets ImGui's style (colours of `t`, sizes scaled by `scale`) and the views' palette.
void apply_theme(Theme t, float scale);

// The WCAG 2 contrast ratio of two colours (alpha ignored: blend first with blend()).
double contrast_ratio(const ImVec4& a, const ImVec4& b);
// `top` with its alpha laid over the opaque `under`.
ImVec4 blend(const ImVec4& top, const ImVec4& under);

}  // namespace dd::app
