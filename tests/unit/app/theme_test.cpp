// Both themes keep every text at 4.5:1 or more against what it is drawn on (WCAG 2 AA), and the
// default text size follows the screen.
#include "sim/app/theme.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "sim/app/ui.h"

namespace {

using namespace dd::app;

class Themes : public ::testing::TestWithParam<Theme> {
  protected:
    void SetUp() override {
        ctx_ = ImGui::CreateContext();
        apply_theme(GetParam(), 1.0f);
    }
    void TearDown() override {
        apply_theme(Theme::Dark, 1.0f);
        ImGui::DestroyContext(ctx_);
    }
    ImGuiContext* ctx_ = nullptr;
};

TEST_P(Themes, EveryTextColourHasAtLeast4_5To1) {
    const ImVec4* c = ImGui::GetStyle().Colors;
    const ui::Palette& p = ui::pal();
    const ImVec4 window = c[ImGuiCol_WindowBg], child = blend(c[ImGuiCol_ChildBg], window);
    const std::vector<std::pair<const char*, ImVec4>> texts = {
        {"Text", c[ImGuiCol_Text]}, {"TextDisabled", c[ImGuiCol_TextDisabled]},
        {"good", p.good},           {"bad", p.bad},
        {"warn", p.warn},           {"muted", p.muted},
        {"accent", p.accent},       {"actor", p.actor},
        {"trainee", p.trainee},     {"desk", p.desk},
        {"hint", p.hint},           {"ring", p.ring}};
    const std::vector<std::pair<const char*, ImVec4>> grounds = {
        {"WindowBg", window},
        {"ChildBg", child},
        {"PopupBg", blend(c[ImGuiCol_PopupBg], window)},
        {"FrameBg", blend(c[ImGuiCol_FrameBg], child)}};
    for (const auto& [tn, t] : texts)
        for (const auto& [gn, g] : grounds)
            EXPECT_GE(contrast_ratio(t, g), 4.5) << tn << " on " << gn;
    // Labels on buttons, selected rows and tabs are the theme's Text colour.
    for (ImGuiCol fill : {ImGuiCol_Button, ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive,
                          ImGuiCol_Header, ImGuiCol_HeaderHovered, ImGuiCol_HeaderActive,
                          ImGuiCol_Tab, ImGuiCol_TabHovered, ImGuiCol_TabActive})
        EXPECT_GE(contrast_ratio(c[ImGuiCol_Text], blend(c[fill], child)), 4.5)
            << "Text on " << ImGui::GetStyleColorName(fill);
    // The desk's coloured buttons and the emergency banner carry white labels.
    const ImVec4 white(1, 1, 1, 1);
    for (const auto& [n, fill] : std::vector<std::pair<const char*, ImVec4>>{
             {"done_button", p.done_button},
             {"next_button", p.next_button},
             {"alarm_button", p.alarm_button},
             {"alarm_button_hovered", p.alarm_button_hovered},
             {"banner", p.banner}})
        EXPECT_GE(contrast_ratio(white, fill), 4.5) << "white on " << n;
}

INSTANTIATE_TEST_SUITE_P(DarkAndLight, Themes, ::testing::Values(Theme::Dark, Theme::Light),
                         [](const auto& p) { return std::string(theme_name(p.param)); });

TEST(Contrast, MatchesTheWcagFormula) {
    EXPECT_NEAR(contrast_ratio(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)), 21.0, 1e-9);
    EXPECT_NEAR(contrast_ratio(ImVec4(1, 1, 1, 1), ImVec4(1, 1, 1, 1)), 1.0, 1e-9);
    // #767676 on white is the well-known 4.54:1.
    const float g = 0x76 / 255.0f;
    EXPECT_NEAR(contrast_ratio(ImVec4(g, g, g, 1), ImVec4(1, 1, 1, 1)), 4.54, 0.01);
    const ImVec4 half = blend(ImVec4(1, 1, 1, 0.5f), ImVec4(0, 0, 0, 1));
    EXPECT_FLOAT_EQ(half.x, 0.5f);
}

TEST(DefaultTextSize, FollowsTheScreen) {
    EXPECT_EQ(default_font_px(800), 18.0f);
    EXPECT_EQ(default_font_px(1080), 20.0f);
    EXPECT_EQ(default_font_px(1440), 22.0f);
    EXPECT_EQ(theme_from_name("light"), Theme::Light);
    EXPECT_EQ(theme_from_name("neon"), Theme::Dark);
}

}  // namespace
