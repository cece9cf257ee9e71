// Pango, Cairo (PDF) and GObject, loaded on first use (lazy.h): the functions sim/print calls.
// libpangocairo's dependencies are Pango, Cairo and GObject: dlsym finds all of them through it.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "lazy.h"

namespace {
dd::lazylibs::Library pc{"libpangocairo-1.0.so.0", "libpangocairo-1.0-0"};
}  // namespace

DD_LAZY_FN(pc, void, cairo_clip, (cairo_t * cr), (cr))
DD_LAZY_FN(pc, cairo_t*, cairo_create, (cairo_surface_t * target), (target))
DD_LAZY_FN(pc, void, cairo_destroy, (cairo_t * cr), (cr))
DD_LAZY_FN(pc, void, cairo_fill, (cairo_t * cr), (cr))
DD_LAZY_FN(pc, void, cairo_line_to, (cairo_t * cr, double x, double y), (cr, x, y))
DD_LAZY_FN(pc, void, cairo_move_to, (cairo_t * cr, double x, double y), (cr, x, y))
DD_LAZY_FN(pc, void, cairo_paint, (cairo_t * cr), (cr))
DD_LAZY_FN(pc, cairo_surface_t*, cairo_pdf_surface_create_for_stream,
           (cairo_write_func_t write, void* closure, double width, double height),
           (write, closure, width, height))
DD_LAZY_FN(pc, void, cairo_pdf_surface_set_metadata,
           (cairo_surface_t * surface, cairo_pdf_metadata_t metadata, const char* utf8),
           (surface, metadata, utf8))
DD_LAZY_FN(pc, void, cairo_rectangle, (cairo_t * cr, double x, double y, double w, double h),
           (cr, x, y, w, h))
DD_LAZY_FN(pc, void, cairo_restore, (cairo_t * cr), (cr))
DD_LAZY_FN(pc, void, cairo_save, (cairo_t * cr), (cr))
DD_LAZY_FN(pc, void, cairo_set_line_width, (cairo_t * cr, double width), (cr, width))
DD_LAZY_FN(pc, void, cairo_set_source_rgb, (cairo_t * cr, double r, double g, double b),
           (cr, r, g, b))
DD_LAZY_FN(pc, void, cairo_show_page, (cairo_t * cr), (cr))
DD_LAZY_FN(pc, cairo_status_t, cairo_status, (cairo_t * cr), (cr))
DD_LAZY_FN(pc, const char*, cairo_status_to_string, (cairo_status_t status), (status))
DD_LAZY_FN(pc, void, cairo_stroke, (cairo_t * cr), (cr))
DD_LAZY_FN(pc, void, cairo_surface_destroy, (cairo_surface_t * surface), (surface))
DD_LAZY_FN(pc, void, cairo_surface_finish, (cairo_surface_t * surface), (surface))
DD_LAZY_FN(pc, cairo_status_t, cairo_surface_status, (cairo_surface_t * surface), (surface))
DD_LAZY_FN(pc, void, g_object_unref, (gpointer object), (object))
DD_LAZY_FN(pc, PangoLayout*, pango_cairo_create_layout, (cairo_t * cr), (cr))
DD_LAZY_FN(pc, void, pango_cairo_show_layout, (cairo_t * cr, PangoLayout* layout), (cr, layout))
DD_LAZY_FN(pc, void, pango_font_description_free, (PangoFontDescription * desc), (desc))
DD_LAZY_FN(pc, PangoFontDescription*, pango_font_description_from_string, (const char* str), (str))
DD_LAZY_FN(pc, void, pango_font_description_set_size, (PangoFontDescription * desc, gint size),
           (desc, size))
DD_LAZY_FN(pc, void, pango_font_description_set_weight,
           (PangoFontDescription * desc, PangoWeight weight), (desc, weight))
DD_LAZY_FN(pc, void, pango_layout_get_size, (PangoLayout * layout, int* width, int* height),
           (layout, width, height))
DD_LAZY_FN(pc, void, pango_layout_set_alignment, (PangoLayout * layout, PangoAlignment a),
           (layout, a))
DD_LAZY_FN(pc, void, pango_layout_set_ellipsize, (PangoLayout * layout, PangoEllipsizeMode e),
           (layout, e))
DD_LAZY_FN(pc, void, pango_layout_set_font_description,
           (PangoLayout * layout, const PangoFontDescription* desc), (layout, desc))
DD_LAZY_FN(pc, void, pango_layout_set_height, (PangoLayout * layout, int height), (layout, height))
DD_LAZY_FN(pc, void, pango_layout_set_text, (PangoLayout * layout, const char* text, int length),
           (layout, text, length))
DD_LAZY_FN(pc, void, pango_layout_set_width, (PangoLayout * layout, int width), (layout, width))
DD_LAZY_FN(pc, void, pango_layout_set_wrap, (PangoLayout * layout, PangoWrapMode wrap),
           (layout, wrap))
