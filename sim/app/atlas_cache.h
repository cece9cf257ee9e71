// The glyph atlas kept on disk between starts ($XDG_CACHE_HOME/deskdrill/atlas-<key>.bin), so a
// start with the same fonts and the same characters loads the built texture and glyph metrics
// instead of rasterising a few hundred CJK glyphs again (~17 ms with FreeType on the start's
// critical path). Beside it, the faces fontconfig found last time (face.txt): a start whose
// font files are unchanged skips fontconfig too, and checks it after the first frame.
//
// A cache file is only ever a shortcut: any mismatch (another key, format or ImGui version) or
// damage (short file, bad magic, wrong checksum, sizes out of bounds) is a miss, the atlas is
// built as without a cache and written again; an unwritable cache folder is silently ignored.
// Files are written whole under a temporary name and renamed, so a reader never sees half a file.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

namespace dd::app {

// What identifies a font file's content without reading it: path, face index, size, mtime.
struct FileStamp {
    std::string path;
    int index = 0;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const FileStamp& o) const {
        return path == o.path && index == o.index && size == o.size && mtime_ns == o.mtime_ns;
    }
    bool operator!=(const FileStamp& o) const { return !(*this == o); }
};
// nullopt when the file cannot be stat'ed (or is not a regular file).
std::optional<FileStamp> stamp_file(const std::string& path, int index = 0);

// Everything a built atlas depends on. (ImGui's version, the glyph layout, FreeType's version
// and the file format are added by the cache itself.)
struct AtlasKey {
    FileStamp font;   // the CJK face
    FileStamp icons;  // the icon face merged in; path "" when none
    float size_px = 0;
    int rasterizer = 0;           // FontManager::Rasterizer
    std::vector<ImWchar> ranges;  // the exact glyph set: zero-terminated pairs (GlyphSet::ranges)
    std::string bytes() const;    // canonical form: what is hashed and stored
};

class AtlasCache {
  public:
    explicit AtlasCache(std::string dir) : dir_(std::move(dir)) {}
    const std::string& dir() const { return dir_; }
    std::string path_for(const AtlasKey& key) const;  // dir/atlas-<16 hex digits>.bin

    // On a hit fills `atlas` (cleared first: texture, UVs, fonts and glyphs, ready for
    // ImGui_ImplOpenGL3_CreateFontsTexture) and returns true; on a miss leaves it untouched.
    bool load(const AtlasKey& key, ImFontAtlas* atlas) const;
    // Writes a built atlas (alpha-8 pixels only; false for anything it cannot store, or any I/O
    // error: nothing is left behind). Keeps the newest `keep` entries, removing older ones.
    bool save(const AtlasKey& key, const ImFontAtlas& atlas, int keep = 12) const;
    // Removes every atlas file and the face record (fontconfig now finds other faces).
    void drop() const;

  private:
    std::string dir_;
};

// What fontconfig resolved at the last start it ran, with the files' stamps (dir/face.txt).
struct FaceRecord {
    FileStamp cjk;        // path "" when no CJK face was found
    std::string family;
    FileStamp icons;      // path "" when the icon face is not installed
};
std::optional<FaceRecord> load_face_record(const std::string& dir);
bool save_face_record(const std::string& dir, const FaceRecord& rec);
// True when every file the record names still has its size and mtime.
bool face_record_current(const FaceRecord& rec);

}  // namespace dd::app
