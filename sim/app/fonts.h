// Fonts for the desk window: a CJK face found with fontconfig, and a glyph atlas holding only the
// characters actually shown (UI strings, loaded scenarios, typed text) plus ASCII and common
// punctuation. A full CJK atlas costs ~0.5 s and 16 MB at start-up; this one is a few hundred
// glyphs and grows between frames when new text appears (a typed character, a new scenario).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace dd::app {

struct FontFace {
    std::string path;
    int index = 0;  // face index inside a .ttc collection
    std::string family;
};

// Looks for an installed CJK face: Noto Sans CJK SC, then WenQuanYi Micro Hei, then any scalable
// face covering common simplified Chinese. `override_spec` ("PATH" or "PATH:INDEX", from --font or
// DESKDRILL_FONT) wins when non-empty. On failure returns nullopt and puts in *why what was tried
// and how to fix it.
std::optional<FontFace> find_cjk_font(const std::string& override_spec, std::string* why);

// Decodes UTF-8 to code points; invalid bytes become U+FFFD, never a crash.
std::vector<unsigned> decode_utf8(std::string_view text);

// The set of characters the atlas must hold (the BMP: Debian's imgui uses 16-bit ImWchar).
class GlyphSet {
  public:
    GlyphSet();  // starts with ASCII, Latin-1, common and CJK punctuation, the symbols we draw
    // Adds the characters of text; returns true if any was new.
    bool add(std::string_view utf8);
    bool contains(unsigned codepoint) const;
    std::size_t size() const { return count_; }
    // Zero-terminated ImWchar pairs for ImFontConfig::GlyphRanges (ImFontGlyphRangesBuilder).
    std::vector<ImWchar> ranges() const;

  private:
    bool add_cp(unsigned cp);
    // Its bit set is the membership test; mutable because BuildRanges() is not const in 1.86.
    mutable ImFontGlyphRangesBuilder builder_;
    std::size_t count_ = 0;
};

// Owns the mapped font file and rebuilds ImGui's atlas from the GlyphSet.
class FontManager {
  public:
    FontManager() = default;
    ~FontManager();
    FontManager(const FontManager&) = delete;
    FontManager& operator=(const FontManager&) = delete;

    // Maps the face's file; false (with *error) when it cannot be read.
    bool open(const FontFace& face, std::string* error);
    // Loads Fork Awesome (found with fontconfig) to merge its icons into the atlas; false when it
    // is not installed — the views then show no icons (never a box).
    bool open_icons();
    bool has_icons() const { return !icon_data_.empty(); }
    // `glyph` and a space when the icon font is there, else "".
    std::string icon(const char* glyph) const {
        return has_icons() ? std::string(glyph) + " " : "";
    }
    bool has_cjk() const { return data_ != nullptr; }
    const FontFace& face() const { return face_; }

    // Marks text as shown; the atlas needs a rebuild if it brought new characters.
    void want(std::string_view utf8) {
        if (glyphs_.add(utf8)) dirty_ = true;
    }
    bool dirty() const { return dirty_; }
    void want_rebuild() { dirty_ = true; }  // e.g. another content scale
    const GlyphSet& glyphs() const { return glyphs_; }

    // FreeType (imgui_freetype, in Debian's libimgui.a) or ImGui's stb_truetype.
    enum class Rasterizer { FreeType, Stb };
    void set_rasterizer(Rasterizer r) { rasterizer_ = r; }
    Rasterizer rasterizer() const { return rasterizer_; }

    // Clears and rebuilds `atlas` at size_px (oversampling 1). Without a CJK face, ImGui's
    // built-in ASCII font. The caller re-uploads the texture afterwards.
    bool build(ImFontAtlas* atlas, float size_px);
    double last_build_ms() const { return last_build_ms_; }

  private:
    FontFace face_;
    void* data_ = nullptr;
    std::size_t size_ = 0;
    GlyphSet glyphs_;
    std::vector<ImWchar> ranges_;  // must outlive the atlas build
    std::vector<char> icon_data_;
    std::vector<ImWchar> icon_ranges_;
    bool dirty_ = true;
    double last_build_ms_ = 0;
    Rasterizer rasterizer_ = Rasterizer::FreeType;
};

}  // namespace dd::app
