// Tracked widgets and the registry the scripted driver reads.
#include "ui.h"

#include <imgui_stdlib.h>

#include <algorithm>

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

}  // namespace dd::app::ui
