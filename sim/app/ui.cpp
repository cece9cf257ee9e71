// Tracked widgets and the registry the scripted driver reads.
#include "ui.h"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "theme.h"

namespace dd::app::ui {

void WidgetRegistry::begin_frame() {
    last_.swap(current_);
    current_.clear();
}

void WidgetRegistry::note(std::string_view id, const WidgetRect& r) {
    current_.insert_or_assign(std::string(id), r);
}

const WidgetRect* WidgetRegistry::find(std::string_view id) const {
    auto it = last_.find(id);
    return it == last_.end() ? nullptr : &it->second;
}

const WidgetRect* WidgetRegistry::find_label(std::string_view label) const {
    for (const auto& [id, r] : last_)
        if (r.label == label) return &r;
    return nullptr;
}

std::vector<std::string> WidgetRegistry::ids() const {
    std::vector<std::string> out;
    for (const auto& [id, r] : last_) out.push_back(id);
    return out;
}

bool WidgetRegistry::take_scroll(std::string_view id) {
    if (scroll_to_.empty() || scroll_to_ != id) return false;
    scroll_to_.clear();
    return true;
}

WidgetRegistry& registry() {
    static WidgetRegistry r;
    return r;
}

void track(std::string_view id, std::string_view label) {
    WidgetRect r;
    ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
    // Clip to the window's visible region so a click lands on what is actually shown.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 cmin = dl->GetClipRectMin(), cmax = dl->GetClipRectMax();
    r.min = ImVec2(std::max(mn.x, cmin.x), std::max(mn.y, cmin.y));
    r.max = ImVec2(std::min(mx.x, cmax.x), std::min(mx.y, cmax.y));
    r.visible = ImGui::IsItemVisible() && r.max.x - r.min.x >= 2 && r.max.y - r.min.y >= 2;
    if (auto hash = label.find("##"); hash != std::string_view::npos) label = label.substr(0, hash);
    r.label = std::string(label);
    if (registry().take_scroll(id)) ImGui::SetScrollHereY(0.5f);
    registry().note(id, r);
}

std::string lid(std::string_view label, std::string_view id) {
    std::string s;
    s.reserve(label.size() + id.size() + 2);
    s.append(label).append("##").append(id);
    return s;
}

bool button(const char* label, std::string_view id, ImVec2 size) {
    const bool pressed = ImGui::Button(lid(label, id).c_str(), size);
    track(id, label);
    return pressed;
}

bool button_if(bool enabled, const char* label, std::string_view id, ImVec2 size) {
    if (!enabled) {
        ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.45f);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetStyleColorVec4(ImGuiCol_Button));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::GetStyleColorVec4(ImGuiCol_Button));
    }
    const bool pressed = ImGui::Button(lid(label, id).c_str(), size);
    track(id, label);
    if (!enabled) {
        ImGui::PopStyleColor(2);
        ImGui::PopStyleVar();
    }
    return pressed && enabled;
}

bool selectable(const char* label, bool selected, std::string_view id, ImVec2 size) {
    const bool pressed = ImGui::Selectable(lid(label, id).c_str(), selected, 0, size);
    track(id, label);
    return pressed;
}

bool checkbox(const char* label, bool* v, std::string_view id) {
    const bool changed = ImGui::Checkbox(lid(label, id).c_str(), v);
    track(id, label);
    return changed;
}

bool radio(const char* label, bool active, std::string_view id) {
    const bool pressed = ImGui::RadioButton(lid(label, id).c_str(), active);
    track(id, label);
    return pressed;
}

bool input_text(const char* label, std::string* text, std::string_view id, int flags) {
    const bool r = ImGui::InputText(lid(label, id).c_str(), text, flags);
    track(id, label);
    return r;
}

bool input_text_hint(const char* hint, std::string* text, std::string_view id, float width,
                     int flags) {
    ImGui::SetNextItemWidth(width);
    const bool r = ImGui::InputTextWithHint(lid("", id).c_str(), hint, text, flags);
    track(id, hint);
    return r;
}

bool tab(const char* label, std::string_view id, bool select) {
    const bool open = ImGui::BeginTabItem(lid(label, id).c_str(), nullptr,
                                          select ? ImGuiTabItemFlags_SetSelected : 0);
    track(id, label);
    return open;
}

namespace {
// Dark until the window applies the remembered theme (unit tests draw with it as well).
Palette g_palette = palette_of(Theme::Dark);
}  // namespace

const Palette& pal() {
    return g_palette;
}

void set_palette(const Palette& p) {
    g_palette = p;
}

ImVec4 mood_colour(int mood) {
    const float t = std::clamp(mood, 0, 100) / 100.0f;
    // calm green → amber → angry red
    if (t < 0.5f) {
        const float k = t / 0.5f;
        return ImVec4(0.30f + 0.65f * k, 0.75f - 0.05f * k, 0.40f - 0.15f * k, 1.0f);
    }
    const float k = (t - 0.5f) / 0.5f;
    return ImVec4(0.95f, 0.70f - 0.40f * k, 0.25f + 0.05f * k, 1.0f);
}

std::vector<Box> uncovered(const Box& outer, const std::vector<Box>& covered) {
    // Vertical strips between consecutive x edges; in each, the y intervals no box covers.
    std::vector<float> xs = {outer.min.x, outer.max.x};
    std::vector<Box> in;  // the covered boxes clipped to outer
    for (const Box& b : covered) {
        const Box c{ImVec2(std::max(b.min.x, outer.min.x), std::max(b.min.y, outer.min.y)),
                    ImVec2(std::min(b.max.x, outer.max.x), std::min(b.max.y, outer.max.y))};
        if (c.min.x >= c.max.x || c.min.y >= c.max.y) continue;
        in.push_back(c);
        xs.push_back(c.min.x);
        xs.push_back(c.max.x);
    }
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    std::vector<Box> out;
    std::vector<std::pair<float, float>> ys;
    for (size_t i = 0; i + 1 < xs.size(); ++i) {
        const float x0 = xs[i], x1 = xs[i + 1];
        ys.clear();
        for (const Box& c : in)
            if (c.min.x <= x0 && c.max.x >= x1) ys.emplace_back(c.min.y, c.max.y);
        std::sort(ys.begin(), ys.end());
        float y = outer.min.y;
        for (const auto& [y0, y1] : ys) {
            if (y0 > y) out.push_back({ImVec2(x0, y), ImVec2(x1, y0)});
            y = std::max(y, y1);
        }
        if (y < outer.max.y) out.push_back({ImVec2(x0, y), ImVec2(x1, outer.max.y)});
    }
    // Strips side by side with the same y extent become one box (fewer, larger triangles).
    std::vector<Box> merged;
    for (const Box& b : out) {
        auto same = std::find_if(merged.begin(), merged.end(), [&](const Box& m) {
            return m.max.x == b.min.x && m.min.y == b.min.y && m.max.y == b.max.y;
        });
        if (same != merged.end())
            same->max.x = b.max.x;
        else
            merged.push_back(b);
    }
    return merged;
}

void fill_around(ImDrawList* dl, const Box& outer, const std::vector<Box>& covered, float rounding,
                 ImU32 col) {
    for (const Box& b : uncovered(outer, covered)) dl->AddRectFilled(b.min, b.max, col);
    if (rounding <= 0) return;
    // Outside each rounded corner: a fan from the corner point over the quarter arc.
    const ImDrawListFlags flags = dl->Flags;
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;  // the panel's own border smooths the arc
    for (const Box& b : covered) {
        const float r = std::min(rounding, std::min(b.max.x - b.min.x, b.max.y - b.min.y) / 2);
        if (r <= 0.5f) continue;
        const struct {
            ImVec2 corner, centre;
            float a0;
        } corners[] = {{b.min, ImVec2(b.min.x + r, b.min.y + r), IM_PI},
                       {ImVec2(b.max.x, b.min.y), ImVec2(b.max.x - r, b.min.y + r), IM_PI * 1.5f},
                       {b.max, ImVec2(b.max.x - r, b.max.y - r), 0},
                       {ImVec2(b.min.x, b.max.y), ImVec2(b.min.x + r, b.max.y - r), IM_PI * 0.5f}};
        for (const auto& c : corners) {
            dl->PathLineTo(c.corner);
            dl->PathArcTo(c.centre, r, c.a0, c.a0 + IM_PI * 0.5f, 6);
            dl->PathFillConvex(col);
        }
    }
    dl->Flags = flags;
}

std::vector<Box> child_boxes() {
    std::vector<Box> boxes;
    for (const ImGuiWindow* w : ImGui::GetCurrentWindow()->DC.ChildWindows)
        if (w->Active && !w->Hidden)
            boxes.push_back({w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y)});
    return boxes;
}

}  // namespace dd::app::ui
