// Widget helpers shared by the views. Every interactive widget gets a stable test id (independent
// of the UI language) and its on-screen rectangle is noted in the WidgetRegistry, which is how the
// scripted driver (driver.h) finds what to click — through the same mouse path a person uses.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace dd::app::ui {

struct WidgetRect {
    ImVec2 min, max;  // the visible part (clipped to its window)
    bool visible = false;
    std::string label;  // the visible text, for lookups by label
};

class WidgetRegistry {
  public:
    // Starts a frame: what was noted during the last frame becomes what find() answers.
    void begin_frame();
    void note(std::string_view id, const WidgetRect& r);
    const WidgetRect* find(std::string_view id) const;
    const WidgetRect* find_label(std::string_view label) const;
    std::vector<std::string> ids() const;
    // The driver asks for an off-screen widget to be scrolled into view next frame.
    void request_scroll(std::string id) { scroll_to_ = std::move(id); }
    bool take_scroll(std::string_view id);

  private:
    std::map<std::string, WidgetRect, std::less<>> current_, last_;
    std::string scroll_to_;
};

WidgetRegistry& registry();

// Notes the last submitted item under `id` (scrolls it into view if the driver asked).
void track(std::string_view id, std::string_view label = {});

// "label##id": the label shown, the id stable across languages.
std::string lid(std::string_view label, std::string_view id);

bool button(const char* label, std::string_view id, ImVec2 size = ImVec2(0, 0));
// A button drawn greyed out and inert when !enabled (still tracked, so a test can see it).
bool button_if(bool enabled, const char* label, std::string_view id, ImVec2 size = ImVec2(0, 0));
bool selectable(const char* label, bool selected, std::string_view id, ImVec2 size = ImVec2(0, 0));
bool checkbox(const char* label, bool* v, std::string_view id);
bool radio(const char* label, bool active, std::string_view id);
bool input_text(const char* label, std::string* text, std::string_view id, int flags = 0);
bool input_text_hint(const char* hint, std::string* text, std::string_view id, float width,
                     int flags = 0);
// BeginTabItem; EndTabItem() if true. `select`: make it the open tab this frame.
bool tab(const char* label, std::string_view id, bool select = false);

// Colours used across views, from the theme (theme.h): every text colour keeps 4.5:1 against
// the backgrounds it is drawn on (tests/unit/app/theme_test.cpp).
struct Palette {
    ImVec4 good, bad, warn, muted, accent;  // text
    ImVec4 actor, trainee, desk, hint;      // conversation lines by speaker
    ImVec4 done_button, next_button, alarm_button, alarm_button_hovered, banner;  // white text
    ImVec4 ring;  // the ringing phone's text
};
const Palette& pal();
void set_palette(const Palette& p);
ImVec4 mood_colour(int mood);  // green (calm) → red (furious)

// Painting the window's background once. With software GL (Mesa's llvmpipe: remote desktops,
// virtual machines, old front-desk PCs) every pixel filled costs CPU, and a full window of panels
// drawn over a window background over the GL clear colour costs milliseconds per frame. So the
// panels (child windows) draw no fill of their own during draw_frame: the GL clear colour is the
// panels' colour, and what of the window no top-level panel covers is filled with the window's
// colour — the same picture, each pixel filled at most once.
struct Box {
    ImVec2 min, max;
};
// The parts of `outer` that no box of `covered` covers, as disjoint boxes (a sweep over the
// covered boxes' x edges).
std::vector<Box> uncovered(const Box& outer, const std::vector<Box>& covered);
// Fills `outer` minus `covered` with `col`, and the corners of each covered box outside its
// rounding (radius `rounding`), into the background draw list.
void fill_around(ImDrawList* dl, const Box& outer, const std::vector<Box>& covered, float rounding,
                 ImU32 col);
// The boxes of the child windows drawn directly in the current window this frame.
std::vector<Box> child_boxes();

}  // namespace dd::app::ui
