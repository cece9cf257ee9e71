// Dark and light styles, the palettes of the views, and the contrast arithmetic that keeps them
// legible.
#include "theme.h"

#include <cmath>

#include "ui.h"

namespace dd::app {

namespace {

ImVec4 rgb(float r, float g, float b, float a = 1.0f) {
    return ImVec4(r, g, b, a);
}

// Shared by both themes: a white label stays at 4.5:1 or more on each of these fills.
void common_buttons(ui::Palette& p) {
    p.done_button = rgb(0.15f, 0.42f, 0.22f);
    p.next_button = rgb(0.62f, 0.36f, 0.02f);
    p.alarm_button = rgb(0.66f, 0.14f, 0.14f);
    p.alarm_button_hovered = rgb(0.76f, 0.18f, 0.16f);
    p.banner = rgb(0.62f, 0.08f, 0.08f);
}

void dark(ImGuiStyle& st, ui::Palette& p) {
    ImGui::StyleColorsDark(&st);
    ImVec4* c = st.Colors;
    c[ImGuiCol_WindowBg] = rgb(0.11f, 0.12f, 0.14f);
    c[ImGuiCol_ChildBg] = rgb(0.13f, 0.14f, 0.17f);
    c[ImGuiCol_PopupBg] = rgb(0.09f, 0.10f, 0.12f, 0.98f);
    c[ImGuiCol_TextDisabled] = rgb(0.62f, 0.63f, 0.66f);
    // ImGui's translucent blues under white text reach only ~3:1; these are opaque and darker.
    c[ImGuiCol_Button] = rgb(0.17f, 0.30f, 0.50f);
    c[ImGuiCol_ButtonHovered] = rgb(0.22f, 0.38f, 0.62f);
    c[ImGuiCol_ButtonActive] = rgb(0.12f, 0.26f, 0.46f);
    c[ImGuiCol_Header] = rgb(0.18f, 0.30f, 0.48f);
    c[ImGuiCol_HeaderHovered] = rgb(0.22f, 0.36f, 0.58f);
    c[ImGuiCol_HeaderActive] = rgb(0.16f, 0.28f, 0.46f);
    c[ImGuiCol_Tab] = rgb(0.16f, 0.26f, 0.42f);
    c[ImGuiCol_TabHovered] = rgb(0.22f, 0.38f, 0.62f);
    c[ImGuiCol_TabActive] = rgb(0.20f, 0.34f, 0.56f);
    c[ImGuiCol_FrameBg] = rgb(0.17f, 0.22f, 0.32f);
    c[ImGuiCol_FrameBgHovered] = rgb(0.20f, 0.27f, 0.40f);
    c[ImGuiCol_FrameBgActive] = rgb(0.22f, 0.30f, 0.44f);
    p.good = rgb(0.36f, 0.80f, 0.46f);
    p.bad = rgb(1.00f, 0.53f, 0.48f);
    p.warn = rgb(0.96f, 0.72f, 0.28f);
    p.muted = rgb(0.66f, 0.68f, 0.72f);
    p.accent = rgb(0.45f, 0.66f, 0.98f);
    p.actor = rgb(0.58f, 0.77f, 1.00f);
    p.trainee = rgb(0.52f, 0.88f, 0.57f);
    p.desk = rgb(0.95f, 0.82f, 0.45f);
    p.hint = rgb(0.78f, 0.69f, 0.97f);
    p.ring = rgb(1.00f, 0.53f, 0.48f);
    common_buttons(p);
}

void light(ImGuiStyle& st, ui::Palette& p) {
    ImGui::StyleColorsLight(&st);
    ImVec4* c = st.Colors;
    c[ImGuiCol_WindowBg] = rgb(0.94f, 0.94f, 0.93f);
    c[ImGuiCol_ChildBg] = rgb(0.99f, 0.99f, 0.98f);
    c[ImGuiCol_PopupBg] = rgb(1.00f, 1.00f, 0.99f, 0.98f);
    c[ImGuiCol_Text] = rgb(0.08f, 0.09f, 0.10f);
    c[ImGuiCol_TextDisabled] = rgb(0.38f, 0.39f, 0.41f);
    c[ImGuiCol_Button] = rgb(0.80f, 0.87f, 0.97f);
    c[ImGuiCol_ButtonHovered] = rgb(0.70f, 0.81f, 0.96f);
    c[ImGuiCol_ButtonActive] = rgb(0.62f, 0.75f, 0.94f);
    c[ImGuiCol_Header] = rgb(0.78f, 0.86f, 0.97f);
    c[ImGuiCol_HeaderHovered] = rgb(0.70f, 0.81f, 0.96f);
    c[ImGuiCol_HeaderActive] = rgb(0.64f, 0.77f, 0.95f);
    c[ImGuiCol_Tab] = rgb(0.82f, 0.87f, 0.94f);
    c[ImGuiCol_TabHovered] = rgb(0.70f, 0.81f, 0.96f);
    c[ImGuiCol_TabActive] = rgb(0.66f, 0.78f, 0.96f);
    c[ImGuiCol_FrameBg] = rgb(0.90f, 0.92f, 0.95f);
    c[ImGuiCol_FrameBgHovered] = rgb(0.84f, 0.88f, 0.94f);
    c[ImGuiCol_FrameBgActive] = rgb(0.80f, 0.85f, 0.93f);
    p.good = rgb(0.08f, 0.44f, 0.18f);
    p.bad = rgb(0.72f, 0.10f, 0.08f);
    p.warn = rgb(0.56f, 0.33f, 0.00f);
    p.muted = rgb(0.33f, 0.35f, 0.38f);
    p.accent = rgb(0.08f, 0.32f, 0.70f);
    p.actor = rgb(0.08f, 0.30f, 0.66f);
    p.trainee = rgb(0.06f, 0.40f, 0.16f);
    p.desk = rgb(0.50f, 0.32f, 0.00f);
    p.hint = rgb(0.40f, 0.22f, 0.62f);
    p.ring = rgb(0.72f, 0.10f, 0.08f);
    common_buttons(p);
}

double channel(float v) {
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double luminance(const ImVec4& c) {
    return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z);
}

}  // namespace

Theme theme_from_name(std::string_view name) {
    return name == "light" ? Theme::Light : Theme::Dark;
}

const char* theme_name(Theme t) {
    return t == Theme::Light ? "light" : "dark";
}

float default_font_px(int screen_height) {
    if (screen_height >= 1440) return 22.0f;
    if (screen_height >= 1080) return 20.0f;
    return 18.0f;
}

ui::Palette palette_of(Theme t) {
    ImGuiStyle st;
    ui::Palette p;
    if (t == Theme::Light)
        light(st, p);
    else
        dark(st, p);
    return p;
}

void apply_theme(Theme t, float scale) {
    ImGuiStyle st;
    ui::Palette p;
    if (t == Theme::Light)
        light(st, p);
    else
        dark(st, p);
    st.WindowRounding = 0;
    st.ChildRounding = 4;
    st.FrameRounding = 4;
    st.GrabRounding = 4;
    st.TabRounding = 4;
    st.FramePadding = ImVec2(8, 5);
    st.ItemSpacing = ImVec2(8, 6);
    st.WindowPadding = ImVec2(10, 8);
    st.ScaleAllSizes(scale);
    ImGui::GetStyle() = st;
    ui::set_palette(p);
}

double contrast_ratio(const ImVec4& a, const ImVec4& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

ImVec4 blend(const ImVec4& top, const ImVec4& under) {
    const float a = top.w;
    return ImVec4(top.x * a + under.x * (1 - a), top.y * a + under.y * (1 - a),
                  top.z * a + under.z * (1 - a), 1.0f);
}

}  // namespace dd::app
