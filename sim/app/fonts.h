// Fonts for the desk window: a CJK face found with fontconfig, and a glyph atlas holding only the
// characters actually shown (UI strings, loaded scenarios, typed text) plus ASCII and common
// punctuation. A full CJK atlas costs ~0.5 s and 16 MB at start-up; this one is a few hundred
// glyphs and grows between frames when new text appears (a typed character, a new scenario).
// The start-up's atlases are kept on disk (atlas_cache.h): a start with unchanged fonts and
// characters neither asks fontconfig nor rasterises.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "atlas_cache.h"

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
// The icon face (Fork Awesome) found with fontconfig; "" when it is not installed.
std::string find_icon_font();

// The faces a start uses. Without an override, those of the last start's fontconfig lookup
// (the face record in the cache folder) when their files still have the same size and mtime:
// no fontconfig at all before the first frame. Otherwise fontconfig, and the record is written
// for the next start. `cache_dir` "" keeps no record.
struct StartFaces {
    std::optional<FontFace> face;
    std::string icons;  // the icon font file, "" when none
    bool from_record = false;
    std::string why;  // when !face: what was tried and how to fix it
};
StartFaces resolve_start_faces(const std::string& override_spec, const std::string& cache_dir);
// For after the first frame (any thread): when the faces came from the record, asks fontconfig
// again; if it now resolves another face (a font installed or removed, another configuration),
// drops the cache so the next start uses it. True when it dropped the cache.
bool recheck_start_faces(const StartFaces& used, const std::string& cache_dir);

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

    // Maps the face's file; false (with *error) when it cannot be read. Looks for the icon face
    // with fontconfig (open_icons) unless use_icon_file() said where it is.
    bool open(const FontFace& face, std::string* error);
    // Finds Fork Awesome with fontconfig to merge its icons into the atlas; false when it is not
    // installed — the views then show no icons (never a box).
    bool open_icons();
    // The icon face's file, already known (StartFaces::icons); "" for none. Read only when an
    // atlas is rasterised, not when it comes from the cache.
    void use_icon_file(const std::string& path);
    bool has_icons() const { return !icon_path_.empty(); }
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

    // The disk cache of atlases: every build() looks there first; the first `writes` builds
    // that had to rasterise are written back (a start's: its first atlas, then the whole UI's
    // strings and the library's), not the later ones each new typed character brings, so the
    // cache keeps what the next start asks for. dir "" turns the cache off (the default).
    void set_cache(const std::string& dir, int writes);
    const AtlasCache* cache() const { return cache_.get(); }
    // What build() looks up in the cache now (the glyph set, fonts, size, rasterizer).
    AtlasKey cache_key(float size_px) const;

    // Clears and rebuilds `atlas` at size_px (oversampling 1), from the cache when it holds this
    // atlas. Without a CJK face, ImGui's built-in ASCII font. The caller re-uploads the texture.
    bool build(ImFontAtlas* atlas, float size_px);
    double last_build_ms() const { return last_build_ms_; }
    bool last_build_cached() const { return last_build_cached_; }

  private:
    bool rasterize(ImFontAtlas* atlas, float size_px);

    FontFace face_;
    FileStamp face_stamp_;
    void* data_ = nullptr;
    std::size_t size_ = 0;
    GlyphSet glyphs_;
    std::vector<ImWchar> ranges_;  // must outlive the atlas build
    bool icons_known_ = false;     // icon_path_ is fontconfig's (or the record's) answer
    std::string icon_path_;
    FileStamp icon_stamp_;
    std::vector<char> icon_data_;  // read at the first rasterising build
    std::vector<ImWchar> icon_ranges_;
    std::unique_ptr<AtlasCache> cache_;
    int cache_writes_ = 0;
    bool dirty_ = true;
    double last_build_ms_ = 0;
    bool last_build_cached_ = false;
    Rasterizer rasterizer_ = Rasterizer::FreeType;
};

}  // namespace dd::app
