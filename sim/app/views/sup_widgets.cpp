// Sections: charts · filter bar · text.
#include "sup_widgets.h"

#include <algorithm>
#include <cstdio>

#include "sim/app/app_state.h"
#include "sim/app/ui.h"
#include "sim/print/result_sheet.h"
#include "sim/session/data_dirs.h"
#include "sim/session/files.h"
#include "sim/store/summaries.h"

namespace dd::app {

// ---- charts ----------------------------------------------------------------------------------

namespace {

ImU32 col(const ImVec4& c) {
    return ImGui::GetColorU32(c);
}

// The plot area inside a chart's frame, with room for the y labels on the left.
struct Frame {
    ImVec2 p0, p1;  // plot area
};

Frame chart_frame(const char* id, ImVec2 size, float left_pad) {
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, size);
    ui::track(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBg),
                      4);
    const float line = ImGui::GetTextLineHeight();
    Frame f{ImVec2(o.x + left_pad, o.y + line * 0.6f),
            ImVec2(o.x + size.x - 8, o.y + size.y - line * 1.4f)};
    // 0, 50 and 100 % guides.
    for (int g = 0; g <= 2; ++g) {
        const float y = f.p1.y - (f.p1.y - f.p0.y) * static_cast<float>(g) * 0.5f;
        dl->AddLine(ImVec2(f.p0.x, y), ImVec2(f.p1.x, y), col(ImVec4(1, 1, 1, 0.08f)));
        char buf[8];
        std::snprintf(buf, sizeof buf, "%d", g * 50);
        dl->AddText(ImVec2(o.x + 4, y - line * 0.5f), col(ui::pal().muted), buf);
    }
    return f;
}

}  // namespace

void line_chart(AppState& app, const char* id, const std::vector<ChartPoint>& points, ImVec2 size,
                float mark) {
    const Frame f = chart_frame(id, size, 34 * app.ui_scale);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto at = [&](const ChartPoint& p) {
        return ImVec2(f.p0.x + (f.p1.x - f.p0.x) * p.x, f.p1.y - (f.p1.y - f.p0.y) * p.y);
    };
    if (mark >= 0) {
        const float y = f.p1.y - (f.p1.y - f.p0.y) * mark;
        dl->AddLine(ImVec2(f.p0.x, y), ImVec2(f.p1.x, y), col(ImVec4(0.95f, 0.7f, 0.25f, 0.6f)),
                    1.5f);
    }
    if (points.empty()) {
        dl->AddText(ImVec2(f.p0.x + 8, (f.p0.y + f.p1.y) / 2), col(ui::pal().muted),
                    app.tr("dash.no_data"));
        return;
    }
    // Hundreds of points stay one polyline; the dots only when they are few enough to see.
    std::vector<ImVec2> pts;
    pts.reserve(points.size());
    for (const auto& p : points) pts.push_back(at(p));
    if (pts.size() > 1)
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col(ui::pal().accent), 0, 2.0f);
    const bool dots = pts.size() <= 120;
    int near = -1;
    float best = 1e9f;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        if (dots) dl->AddCircleFilled(pts[i], 3.5f, col(ui::pal().accent));
        const float dx = std::abs(mouse.x - pts[i].x);
        if (hovered && dx < best) best = dx, near = static_cast<int>(i);
    }
    // The first and last labels under the axis.
    const float line = ImGui::GetTextLineHeight();
    const std::string& first = points.front().label;
    const std::string& last = points.back().label;
    dl->AddText(ImVec2(f.p0.x, f.p1.y + line * 0.2f), col(ui::pal().muted), first.c_str());
    if (points.size() > 1) {
        const float w = ImGui::CalcTextSize(last.c_str()).x;
        dl->AddText(ImVec2(f.p1.x - w, f.p1.y + line * 0.2f), col(ui::pal().muted), last.c_str());
    }
    if (near >= 0) {
        const ChartPoint& p = points[static_cast<std::size_t>(near)];
        dl->AddCircle(pts[static_cast<std::size_t>(near)], 6, col(ImVec4(1, 1, 1, 0.9f)), 0, 2);
        ImGui::BeginTooltip();
        ImGui::Text("%s  %s", p.label.c_str(), percent_text(p.y * 100.0).c_str());
        if (p.n > 1)
            ImGui::TextDisabled(
                "%s", app.strings.fmt("dash.n_attempts", {{"n", std::to_string(p.n)}}).c_str());
        ImGui::EndTooltip();
    }
}

void histogram(AppState& app, const char* id, const std::vector<std::int64_t>& bins, ImVec2 size) {
    const Frame f = chart_frame(id, size, 34 * app.ui_scale);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::int64_t top = 0, total = 0;
    for (auto b : bins) top = std::max(top, b), total += b;
    if (total == 0) {
        dl->AddText(ImVec2(f.p0.x + 8, (f.p0.y + f.p1.y) / 2), col(ui::pal().muted),
                    app.tr("dash.no_data"));
        return;
    }
    const float n = static_cast<float>(bins.size());
    const float bw = (f.p1.x - f.p0.x) / n;
    const float line = ImGui::GetTextLineHeight();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t i = 0; i < bins.size(); ++i) {
        const float x0 = f.p0.x + bw * static_cast<float>(i) + 2;
        const float x1 = x0 + bw - 4;
        const float h = (f.p1.y - f.p0.y) * static_cast<float>(bins[i]) /
                        static_cast<float>(std::max<std::int64_t>(top, 1));
        // Below 60 % is a fail at the usual pass mark: those bins in the warning colour.
        const ImVec4 c =
            i < 6 ? ImVec4(0.90f, 0.45f, 0.35f, 0.85f) : ImVec4(0.35f, 0.72f, 0.45f, 0.9f);
        dl->AddRectFilled(ImVec2(x0, f.p1.y - h), ImVec2(x1, f.p1.y), col(c), 2);
        char label[8];
        std::snprintf(label, sizeof label, "%zu", i * 10);
        dl->AddText(ImVec2(x0, f.p1.y + line * 0.2f), col(ui::pal().muted), label);
        if (hovered && mouse.x >= x0 && mouse.x < x1) {
            ImGui::BeginTooltip();
            ImGui::Text("%zu–%zu%%: %lld", i * 10, i == 9 ? 100 : i * 10 + 9,
                        static_cast<long long>(bins[i]));
            ImGui::EndTooltip();
        }
    }
}

void percent_bar(float percent, float width, float warn) {
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight() * 0.8f;
    ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float y = o.y + (ImGui::GetTextLineHeight() - h) / 2;
    dl->AddRectFilled(ImVec2(o.x, y), ImVec2(o.x + width, y + h), col(ImVec4(1, 1, 1, 0.07f)), 2);
    const float w = width * std::clamp(percent, 0.0f, 100.0f) / 100.0f;
    dl->AddRectFilled(
        ImVec2(o.x, y), ImVec2(o.x + w, y + h),
        col(percent < warn ? ImVec4(0.90f, 0.45f, 0.35f, 0.9f) : ImVec4(0.35f, 0.72f, 0.45f, 0.9f)),
        2);
}

// ---- filter bar ------------------------------------------------------------------------------

bool choice(AppState& app, const std::string& id, const char* all_key, std::string& value,
            const std::vector<std::string>& options, float width) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    const std::string preview = value.empty() ? app.tr(all_key) : app.shown(value);
    if (ImGui::BeginCombo(("##" + id).c_str(), preview.c_str())) {
        if (ui::selectable(app.tr(all_key), value.empty(), id + ":")) {
            value.clear();
            changed = true;
        }
        for (const auto& o : options)
            if (ui::selectable(app.shown(o).c_str(), value == o, id + ":" + o)) {
                changed = value != o;
                value = o;
            }
        ImGui::EndCombo();
    }
    ui::track(id, preview);
    return changed;
}

bool filter_bar(AppState& app, const char* id, DashboardFilter& f,
                const std::vector<std::string>& sites, const std::vector<std::string>& cohorts,
                const std::vector<std::string>& scenarios,
                const std::vector<std::string>* regions) {
    const std::string p = id;
    const float w = 150 * app.ui_scale;
    bool changed = false;
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", app.tr("dash.filter"));
    ImGui::SameLine();
    if (regions) {
        changed |= choice(app, p + ".region", "dash.all_regions", f.region, *regions, w);
        ImGui::SameLine();
    }
    changed |= choice(app, p + ".site", "dash.all_sites", f.site, sites, w);
    ImGui::SameLine();
    changed |= choice(app, p + ".cohort", "dash.all_cohorts", f.cohort, cohorts, w);
    ImGui::SameLine();
    changed |= choice(app, p + ".scenario", "dash.all_scenarios", f.scenario, scenarios, w * 1.6f);
    ImGui::SameLine();
    // Dates apply on Enter (or leaving the field), not on every keystroke.
    const int flags = ImGuiInputTextFlags_EnterReturnsTrue;
    const float dw = ImGui::CalcTextSize(app.tr("dash.from")).x + ImGui::GetFontSize() * 1.5f;
    changed |= ui::input_text_hint(app.tr("dash.from"), &f.from, p + ".from", dw, flags);
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::SameLine();
    changed |= ui::input_text_hint(app.tr("dash.to"), &f.to, p + ".to", dw, flags);
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    return changed;
}

// ---- text ------------------------------------------------------------------------------------

std::string save_export(const std::string& stem, const std::string& ext, const std::string& bytes,
                        std::string* error) {
    return session::write_new_file(session::user_data_dir() + "/exports", stem, ext, bytes, error);
}

bool print_result(AppState& app, const std::string& uuid, std::string* message) {
    auto pdf = print::print_attempt(*app.store, *app.who, uuid, app.strings);
    if (!pdf) {
        *message = pdf.error().message;
        return false;
    }
    std::string err;
    const std::string path = save_export("result-" + uuid.substr(0, 8), ".pdf", *pdf, &err);
    *message = path.empty() ? err : app.strings.fmt("debrief.saved", {{"path", path}});
    return !path.empty();
}

void read_only_reason(AppState& app, const char* why_key) {
    if (!app.on_hub() || !ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextUnformatted(app.tr(why_key));
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

std::string when_text(const AppState& app, std::int64_t unix_ms) {
    const int offset = app.sup.hub ? app.sup.hub->reports->utc_offset_minutes()
                       : app.store ? app.store->utc_offset_minutes()
                                   : 0;
    return store::format_time(unix_ms, offset);
}

std::string due_text(const AppState& app, std::int64_t due_ms) {
    // Due at the end of a day: the day itself, not the midnight after it.
    return store::format_day(
        store::day_of(due_ms - 1, app.store ? app.store->utc_offset_minutes() : 0));
}

std::string scenario_title(AppState& app, const std::string& id) {
    if (const auto* sf = app.library.find(id); sf && sf->scenario) return sf->scenario->title;
    return id;
}

}  // namespace dd::app
