// Sections: gathering · page geometry · text helpers · the page · entry points.
#include "result_sheet.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

#include "sim/store/summaries.h"

namespace dd::print {

namespace {

// ---- gathering -------------------------------------------------------------------------------

const store::ResultSet* original_result(const store::AttemptDetail& d) {
    for (const auto& r : d.results)
        if (r.original) return &r;
    return nullptr;
}

// ---- page geometry ---------------------------------------------------------------------------

// A4 in points; margins wide enough for a punched personnel file.
constexpr double kPageW = 595, kPageH = 842;
constexpr double kLeft = 50, kRight = 545, kTop = 44, kBottom = 800;
// The signature block and footer take the bottom of the page whatever the table needs.
constexpr double kSignHeight = 92;
// Fontconfig picks the first family that is installed: Noto's simplified Chinese face, then
// WenQuanYi, then whatever it maps "sans-serif" to.
constexpr const char* kFamily = "Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif";

struct Rgb {
    double r, g, b;
};
constexpr Rgb kInk{0.10, 0.10, 0.12}, kGrey{0.42, 0.43, 0.46}, kGood{0.10, 0.50, 0.22},
    kBad{0.75, 0.15, 0.12}, kRule{0.75, 0.76, 0.78}, kAccent{0.16, 0.33, 0.62};

// ---- text helpers ----------------------------------------------------------------------------

using LayoutPtr = std::unique_ptr<PangoLayout, decltype(&g_object_unref)>;

class Page {
  public:
    Page(cairo_t* cr, double scale, bool draw) : cr_(cr), scale_(scale), draw_(draw) {}

    // Lays out `text` at (x, y) in a box `width` wide (0 = no wrapping), at most `lines` lines
    // (0 = any) with an ellipsis; returns its height. Drawn only when the page is being drawn.
    double text(double x, double y, double width, const std::string& text, double size,
                Rgb colour = kInk, bool bold = false, int lines = 0,
                PangoAlignment align = PANGO_ALIGN_LEFT) {
        LayoutPtr layout(pango_cairo_create_layout(cr_), g_object_unref);
        PangoFontDescription* font = pango_font_description_from_string(kFamily);
        pango_font_description_set_size(font, static_cast<gint>(size * scale_ * PANGO_SCALE));
        pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(layout.get(), font);
        pango_font_description_free(font);
        if (width > 0) {
            pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
            pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
            pango_layout_set_alignment(layout.get(), align);
        }
        if (lines > 0) {
            pango_layout_set_height(layout.get(), -lines);
            pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
        }
        pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
        int w = 0, h = 0;
        pango_layout_get_size(layout.get(), &w, &h);
        if (draw_) {
            cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
            cairo_move_to(cr_, x, y);
            pango_cairo_show_layout(cr_, layout.get());
        }
        return static_cast<double>(h) / PANGO_SCALE;
    }

    void line(double x0, double y0, double x1, double y1, Rgb colour = kRule, double width = 0.6) {
        if (!draw_) return;
        cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
        cairo_set_line_width(cr_, width);
        cairo_move_to(cr_, x0, y0);
        cairo_line_to(cr_, x1, y1);
        cairo_stroke(cr_);
    }

    void shade(double x, double y, double w, double h) {
        if (!draw_) return;
        cairo_set_source_rgb(cr_, 0.94, 0.95, 0.97);
        cairo_rectangle(cr_, x, y, w, h);
        cairo_fill(cr_);
    }

    double scale() const { return scale_; }

  private:
    cairo_t* cr_;
    double scale_;
    bool draw_;
};

std::string clock(Millis t) {
    char buf[32];
    const long long s = t / 1000;
    std::snprintf(buf, sizeof buf, "%02lld:%02lld", s / 60, s % 60);
    return buf;
}

// A criterion's evidence in one run of text: "[01:05] 答复「您好，…」；[02:10] 缺失 …".
std::string evidence_line(const CriterionResult& c, const i18n::Strings& strings) {
    std::string out;
    for (const Evidence& ev : c.evidence) {
        std::string words = evidence_text(ev, strings);
        if (!ev.text.empty()) words = strings.fmt("debrief.quote", {{"text", words}});
        if (!out.empty()) out += strings.tr("print.evidence_sep");
        out += "[" + clock(ev.t) + "] " + strings.name("evidence.", ev.what);
        if (!words.empty()) out += " " + words;
    }
    if (out.empty()) out = strings.tr("debrief.no_evidence");
    return out;
}

// The latest override of each criterion (the one in force).
std::map<std::string, const store::OverrideRow*> overrides_in_force(const SheetData& s) {
    std::map<std::string, const store::OverrideRow*> m;
    for (const auto& o : s.overrides) m[o.criterion_id] = &o;
    return m;
}

// ---- the page --------------------------------------------------------------------------------

// Lays out (and with a drawing Page, draws) the sheet; returns where the criteria table ended.
double lay_out(Page& p, const SheetData& s, const i18n::Strings& strings) {
    const ScoreReport& r = s.report;
    const double k = p.scale();
    double y = kTop;
    y += p.text(kLeft, y, kRight - kLeft, strings.tr("print.title"), 16, kInk, true, 0,
                PANGO_ALIGN_CENTER);
    y += 4 * k;
    y += p.text(kLeft, y, kRight - kLeft, strings.tr("app.title"), 8.5, kGrey, false, 0,
                PANGO_ALIGN_CENTER);
    y += 10 * k;

    // Who, where, when, what — two columns of label: value.
    const double mid = (kLeft + kRight) / 2;
    auto field = [&](double x, double yy, const char* label, const std::string& value) {
        const double lw = 70 * k;
        p.text(x, yy, lw, strings.tr(label), 9.5, kGrey);
        return p.text(x + lw, yy, mid - kLeft - lw - 8, value, 9.5, kInk, false, 2);
    };
    const std::string who = s.trainee_name + "（" + s.employee_no + "）";
    std::string where = s.site.empty() ? "—" : s.site;
    if (!s.cohort.empty()) where += " / " + s.cohort;
    const std::string scenario =
        r.title + "（" + r.scenario + " v" + std::to_string(r.scenario_version) + "）";
    const std::string how = std::string(strings.name("mode.", session::mode_name(s.mode))) + " · " +
                            strings.name("ending.", session::ending_name(s.ending)) + " · " +
                            strings.name("origin.", session::origin_name(s.origin));
    double h1 = field(kLeft, y, "print.trainee", who);
    double h2 = field(mid, y, "print.site", where);
    y += std::max(h1, h2) + 4 * k;
    h1 = field(kLeft, y, "print.date", store::format_time(s.ended_at_ms, s.utc_offset_minutes));
    h2 = field(mid, y, "print.mode", how);
    y += std::max(h1, h2) + 4 * k;
    h1 =
        field(kLeft, y, "print.standards", r.catalogue_version.empty() ? "—" : r.catalogue_version);
    y += h1 + 4 * k;
    // The scenario's title is the longest value: it gets the whole width.
    p.text(kLeft, y, 70 * k, strings.tr("print.scenario"), 9.5, kGrey);
    y += p.text(kLeft + 70 * k, y, kRight - kLeft - 70 * k, scenario, 9.5, kInk, false, 2) + 8 * k;
    p.line(kLeft, y, kRight, y, kInk, 0.8);
    y += 8 * k;

    // The score and the verdict; with overrides, the supervisor's figure beside the automatic.
    const bool overridden = !s.overrides.empty() && s.score_with_overrides != r.score;
    const Rgb verdict = r.passed ? kGood : kBad;
    const std::string score = strings.fmt(
        "print.score", {{"score", std::to_string(r.score)}, {"max", std::to_string(r.max)}});
    double sh = p.text(kLeft, y, 200 * k, score, 20, verdict, true);
    p.text(kLeft + 200 * k, y + 4 * k, 120 * k,
           strings.tr(r.passed ? "debrief.passed" : "debrief.failed"), 15, verdict, true);
    p.text(kLeft + 320 * k, y + 8 * k, kRight - kLeft - 320 * k,
           strings.fmt("debrief.pass_mark", {{"n", std::to_string(r.pass_mark)}}), 9.5, kGrey);
    y += sh + 2 * k;
    if (overridden)
        y += p.text(kLeft, y, kRight - kLeft,
                    strings.fmt("print.with_overrides",
                                {{"score", std::to_string(s.score_with_overrides)},
                                 {"n", std::to_string(s.overrides.size())}}),
                    9.5, kAccent) +
             2 * k;
    if (!r.critical_failed.empty()) {
        std::string list;
        for (const auto& id : r.critical_failed)
            for (const auto& c : r.criteria)
                if (c.id == id)
                    list +=
                        (list.empty() ? "" : strings.tr("join.and")) + criterion_title(c, strings);
        y += p.text(kLeft, y, kRight - kLeft, strings.fmt("debrief.critical", {{"list", list}}),
                    9.5, kBad) +
             2 * k;
    }
    y += 6 * k;

    // The criteria: result, title, points, evidence.
    const double cx0 = kLeft, cx1 = kLeft + 34 * k, cx2 = kLeft + 150 * k, cx3 = kLeft + 196 * k;
    const double body = 8.5;
    p.shade(kLeft, y - 2, kRight - kLeft, 16 * k);
    p.text(cx0 + 2, y, cx1 - cx0, strings.tr("debrief.col_result"), body, kGrey, true);
    p.text(cx1, y, cx2 - cx1, strings.tr("debrief.col_criterion"), body, kGrey, true);
    p.text(cx2, y, cx3 - cx2, strings.tr("debrief.col_points"), body, kGrey, true);
    p.text(cx3, y, kRight - cx3, strings.tr("debrief.evidence"), body, kGrey, true);
    y += 16 * k;
    const auto in_force = overrides_in_force(s);
    for (const CriterionResult& c : r.criteria) {
        const Rgb col = c.passed ? kGood : kBad;
        std::string title = criterion_title(c, strings);
        if (c.critical) title += strings.tr("debrief.critical_tag");
        double h = p.text(cx0 + 4, y, cx1 - cx0, c.passed ? "√" : "×", body + 1, col, true);
        h = std::max(h, p.text(cx1, y, cx2 - cx1 - 6, title, body, kInk, false, 3));
        h = std::max(h, p.text(cx2, y, cx3 - cx2,
                               std::to_string(c.points) + "/" + std::to_string(c.max), body, col));
        double eh =
            p.text(cx3, y, kRight - cx3, evidence_line(c, strings), body - 0.5, kInk, false, 2);
        if (auto it = in_force.find(c.id); it != in_force.end()) {
            const store::OverrideRow& o = *it->second;
            eh +=
                p.text(cx3, y + eh, kRight - cx3,
                       strings.fmt(
                           "print.override",
                           {{"verdict", strings.tr(o.passed ? "debrief.passed" : "debrief.failed")},
                            {"points", std::to_string(o.points)},
                            {"max", std::to_string(c.max)},
                            {"reason", o.reason},
                            {"who", o.supervisor_name}}),
                       body - 0.5, kAccent, false, 2);
        }
        y += std::max(h, eh) + 3 * k;
        p.line(kLeft, y - 1.5 * k, kRight, y - 1.5 * k);
    }
    return y;
}

// The signatures and the record's identity, at the foot of the page.
void draw_foot(Page& p, const SheetData& s, const i18n::Strings& strings) {
    double y = kBottom - kSignHeight;
    p.line(kLeft, y, kRight, y, kInk, 0.8);
    y += 12;
    const double mid = (kLeft + kRight) / 2;
    auto sign = [&](double x, const char* who) {
        p.text(x, y, mid - kLeft - 10, strings.tr(who), 10);
        p.line(x, y + 40, x + 150, y + 40, kInk, 0.6);
        p.text(x + 160, y + 22, 70, strings.tr("print.sign_date"), 9, kGrey);
        p.line(x + 160, y + 40, x + 230, y + 40, kInk, 0.6);
    };
    sign(kLeft, "print.sign_trainee");
    sign(mid + 10, "print.sign_supervisor");
    p.text(kLeft, kBottom - 16, kRight - kLeft,
           strings.fmt("print.footer",
                       {{"uuid", s.attempt_uuid}, {"hash", s.attempt_hash.substr(0, 16)}}),
           7, kGrey);
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

// ---- entry points ----------------------------------------------------------------------------

store::Result<SheetData> sheet_for(store::Store& store, const store::Principal& who,
                                   std::string_view attempt_uuid) {
    auto detail = store.attempt(who, attempt_uuid);
    if (!detail) return detail.error();
    auto rebuilt = store.rebuild(who, attempt_uuid);
    if (!rebuilt) return rebuilt.error();
    if (!rebuilt->record.report)
        return store::Error{store::ErrorCode::BadInput,
                            "attempt " + std::string(attempt_uuid) + " has no scored result"};
    SheetData s;
    const store::AttemptRow& row = detail->row;
    s.trainee_name = row.trainee_name;
    s.employee_no = row.trainee;
    s.site = row.site;
    s.cohort = row.cohort;
    s.ended_at_ms = row.ended_at_ms;
    s.utc_offset_minutes = store.utc_offset_minutes();
    s.mode = row.mode;
    s.ending = row.ending;
    s.origin = row.origin;
    s.attempt_uuid = row.uuid;
    s.attempt_hash = detail->hash;
    s.report = std::move(*rebuilt->record.report);
    s.score_with_overrides = s.report.score;
    if (const store::ResultSet* orig = original_result(*detail)) {
        s.overrides = orig->overrides;
        s.score_with_overrides = orig->score_with_overrides;
    }
    return s;
}

store::Result<std::string> render_result_pdf(const SheetData& sheet, const i18n::Strings& strings) {
    if (sheet.report.criteria.empty())
        return store::Error{store::ErrorCode::BadInput, "the report has no criteria to print"};
    // Measure first on a scratch surface: the largest type at which the table ends above the
    // signatures (the smallest still reads on paper; below it, rows are cut, never the foot).
    double scale = 1.0;
    {
        cairo_surface_t* scratch = cairo_pdf_surface_create_for_stream(
            [](void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }, nullptr,
            kPageW, kPageH);
        cairo_t* cr = cairo_create(scratch);
        for (; scale > 0.62; scale -= 0.06) {
            Page measure(cr, scale, false);
            if (lay_out(measure, sheet, strings) <= kBottom - kSignHeight - 6) break;
        }
        cairo_destroy(cr);
        cairo_surface_destroy(scratch);
    }
    std::string pdf;
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(append_bytes, &pdf, kPageW, kPageH);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                   (std::string(strings.tr("print.title")) + " " +
                                    sheet.trainee_name + " " + sheet.report.title)
                                       .c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "DeskDrill");
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    {
        // The table is clipped above the signatures: at the smallest type a very long report
        // loses its last rows on paper rather than its signatures.
        cairo_save(cr);
        cairo_rectangle(cr, 0, 0, kPageW, kBottom - kSignHeight - 2);
        cairo_clip(cr);
        Page page(cr, scale, true);
        lay_out(page, sheet, strings);
        cairo_restore(cr);
        Page foot(cr, 1.0, true);
        draw_foot(foot, sheet, strings);
    }
    cairo_show_page(cr);
    const cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t surface_status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS || surface_status != CAIRO_STATUS_SUCCESS)
        return store::Error{
            store::ErrorCode::Io,
            std::string("PDF: ") +
                cairo_status_to_string(status != CAIRO_STATUS_SUCCESS ? status : surface_status)};
    return pdf;
}

store::Result<std::string> print_attempt(store::Store& store, const store::Principal& who,
                                         std::string_view attempt_uuid,
                                         const i18n::Strings& strings) {
    auto sheet = sheet_for(store, who, attempt_uuid);
    if (!sheet) return sheet.error();
    return render_result_pdf(*sheet, strings);
}

}  // namespace dd::print
