// The glyph atlas on disk: the key, the file format (header, checksum, payload), loading into an
// ImFontAtlas with every bound checked, atomic writes and pruning; the fontconfig face record.
//
// File: "DDATLAS\n", u32 format, u32 IMGUI_VERSION_NUM, u32 sizeof(ImFontGlyph), u32 FreeType
// version, u64 payload size, u64 FNV-1a of the payload; then the payload: the key's bytes, the
// texture (width, height, alpha-8 pixels), its UVs, the custom rectangles, and per font its
// metrics and glyphs. Little-endian, as the machine writes it: the file never leaves it.
#include "atlas_cache.h"

#include "sim/session/files.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dd::app {

namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'D', 'D', 'A', 'T', 'L', 'A', 'S', '\n'};
constexpr std::uint32_t kFormat = 1;
constexpr std::uint32_t kFreeTypeVersion = FREETYPE_MAJOR * 10000 + FREETYPE_MINOR * 100 + FREETYPE_PATCH;
constexpr std::size_t kHeaderSize = sizeof kMagic + 4 * 4 + 8 + 8;
constexpr int kMaxTexSide = 16384;
constexpr std::uint32_t kMaxFonts = 16;
constexpr std::uint32_t kMaxRects = 4096;
constexpr const char* kFaceRecord = "face.txt";

std::uint64_t fnv1a(const char* p, std::size_t n) {
    std::uint64_t h = 14695981039346656037ull;
    for (std::size_t i = 0; i < n; ++i) {
        h ^= static_cast<unsigned char>(p[i]);
        h *= 1099511628211ull;
    }
    return h;
}

class Writer {
  public:
    template <class T>
    void pod(const T& v) {
        out_.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void bytes(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
    void str(const std::string& s) {
        pod(static_cast<std::uint32_t>(s.size()));
        out_ += s;
    }
    std::string& out() { return out_; }

  private:
    std::string out_;
};

// Every read checks the bytes left; after the first failure all reads fail.
class Reader {
  public:
    Reader(const char* p, std::size_t n) : p_(p), left_(n) {}
    template <class T>
    bool pod(T* v) {
        return bytes(v, sizeof *v);
    }
    bool bytes(void* dst, std::size_t n) {
        if (!ok_ || n > left_) return ok_ = false;
        std::memcpy(dst, p_, n);
        p_ += n;
        left_ -= n;
        return true;
    }
    bool skip_equal(const std::string& expected) {
        std::uint32_t n = 0;
        if (!pod(&n) || n != expected.size() || n > left_ ||
            std::memcmp(p_, expected.data(), n) != 0)
            return ok_ = false;
        p_ += n;
        left_ -= n;
        return true;
    }
    const char* take(std::size_t n) {
        if (!ok_ || n > left_) {
            ok_ = false;
            return nullptr;
        }
        const char* p = p_;
        p_ += n;
        left_ -= n;
        return p;
    }
    bool ok() const { return ok_; }
    std::size_t left() const { return left_; }

  private:
    const char* p_;
    std::size_t left_;
    bool ok_ = true;
};

void put_stamp(Writer& w, const FileStamp& s) {
    w.str(s.path);
    w.pod(static_cast<std::int32_t>(s.index));
    w.pod(s.size);
    w.pod(s.mtime_ns);
}

// What a file's header and its name both begin with: the format and the versions of the code
// that lays out glyphs (a file written by another build is another name, and rejected anyway).
void put_versions(Writer& w) {
    w.bytes(kMagic, sizeof kMagic);
    w.pod(kFormat);
    w.pod(static_cast<std::uint32_t>(IMGUI_VERSION_NUM));
    w.pod(static_cast<std::uint32_t>(sizeof(ImFontGlyph)));
    w.pod(kFreeTypeVersion);
}

std::string hex16(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

bool read_whole(const std::string& path, std::string* out) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st {};
    bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
              st.st_size < (64 << 20);
    if (ok) {
        out->resize(static_cast<std::size_t>(st.st_size));
        std::size_t got = 0;
        while (got < out->size()) {
            const ssize_t n = ::read(fd, out->data() + got, out->size() - got);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        ok = got == out->size();
    }
    ::close(fd);
    return ok;
}

struct GlyphRec {
    std::uint32_t bits;  // Colored | Visible << 1 | Codepoint << 2
    float f[9];          // AdvanceX, X0, Y0, X1, Y1, U0, V0, U1, V1
};

struct FontRec {
    float font_size, scale, ascent, descent;
    std::int32_t surface;
    ImWchar fallback, ellipsis, dot;
    std::vector<GlyphRec> glyphs;
};

struct RectRec {
    unsigned short w, h, x, y;
    std::uint32_t glyph_id;
    float advance_x, off_x, off_y;
    std::int32_t font;  // index into Fonts, -1 for none
};

}  // namespace

std::optional<FileStamp> stamp_file(const std::string& path, int index) {
    struct stat st {};
    if (path.empty() || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return std::nullopt;
    FileStamp s;
    s.path = path;
    s.index = index;
    s.size = static_cast<std::uint64_t>(st.st_size);
    s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return s;
}

std::string AtlasKey::bytes() const {
    Writer w;
    put_stamp(w, font);
    put_stamp(w, icons);
    w.pod(size_px);
    w.pod(static_cast<std::int32_t>(rasterizer));
    w.pod(static_cast<std::uint32_t>(ranges.size()));
    w.bytes(ranges.data(), ranges.size() * sizeof(ImWchar));
    return std::move(w.out());
}

std::string AtlasCache::path_for(const AtlasKey& key) const {
    Writer w;
    put_versions(w);
    w.out() += key.bytes();
    return dir_ + "/atlas-" + hex16(fnv1a(w.out().data(), w.out().size())) + ".bin";
}

bool AtlasCache::save(const AtlasKey& key, const ImFontAtlas& atlas, int keep) const {
    if (dir_.empty() || !atlas.TexReady || !atlas.TexPixelsAlpha8 || atlas.TexPixelsUseColors ||
        atlas.TexWidth <= 0 || atlas.TexHeight <= 0 || atlas.Fonts.Size == 0 ||
        atlas.Fonts.Size > static_cast<int>(kMaxFonts))
        return false;
    Writer p;
    p.str(key.bytes());
    p.pod(static_cast<std::int32_t>(atlas.TexWidth));
    p.pod(static_cast<std::int32_t>(atlas.TexHeight));
    p.bytes(atlas.TexPixelsAlpha8,
            static_cast<std::size_t>(atlas.TexWidth) * static_cast<std::size_t>(atlas.TexHeight));
    p.pod(atlas.TexUvScale);
    p.pod(atlas.TexUvWhitePixel);
    p.bytes(atlas.TexUvLines, sizeof atlas.TexUvLines);
    p.pod(static_cast<std::int32_t>(atlas.PackIdMouseCursors));
    p.pod(static_cast<std::int32_t>(atlas.PackIdLines));
    p.pod(static_cast<std::uint32_t>(atlas.CustomRects.Size));
    for (const ImFontAtlasCustomRect& r : atlas.CustomRects) {
        std::int32_t font = -1;
        for (int i = 0; i < atlas.Fonts.Size; ++i)
            if (atlas.Fonts[i] == r.Font) font = i;
        p.pod(RectRec{r.Width, r.Height, r.X, r.Y, r.GlyphID, r.GlyphAdvanceX, r.GlyphOffset.x,
                      r.GlyphOffset.y, font});
    }
    p.pod(static_cast<std::uint32_t>(atlas.Fonts.Size));
    for (const ImFont* f : atlas.Fonts) {
        p.pod(f->FontSize);
        p.pod(f->Scale);
        p.pod(f->Ascent);
        p.pod(f->Descent);
        p.pod(static_cast<std::int32_t>(f->MetricsTotalSurface));
        p.pod(f->FallbackChar);
        p.pod(f->EllipsisChar);
        p.pod(f->DotChar);
        p.pod(static_cast<std::uint32_t>(f->Glyphs.Size));
        for (const ImFontGlyph& g : f->Glyphs) {
            GlyphRec rec{static_cast<std::uint32_t>(g.Colored) |
                             static_cast<std::uint32_t>(g.Visible) << 1 |
                             static_cast<std::uint32_t>(g.Codepoint) << 2,
                         {g.AdvanceX, g.X0, g.Y0, g.X1, g.Y1, g.U0, g.V0, g.U1, g.V1}};
            p.pod(rec);
        }
    }
    Writer file;
    put_versions(file);
    file.pod(static_cast<std::uint64_t>(p.out().size()));
    file.pod(fnv1a(p.out().data(), p.out().size()));
    file.out() += p.out();
    if (!session::write_file_atomic(path_for(key), file.out(), nullptr)) return false;

    // This entry and the newest `keep` - 1 others stay (a hit refreshes an entry's mtime, see
    // load(); mtimes are as coarse as the file system's clock, so this one is kept by name).
    std::error_code ec;
    std::vector<std::pair<fs::file_time_type, fs::path>> entries;
    const fs::path written = path_for(key);
    for (const auto& e : fs::directory_iterator(dir_, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("atlas-", 0) != 0 || e.path().extension() != ".bin" || e.path() == written)
            continue;
        std::error_code ec2;
        const auto t = e.last_write_time(ec2);
        if (!ec2) entries.emplace_back(t, e.path());
    }
    const std::size_t others = static_cast<std::size_t>(std::max(keep - 1, 0));
    if (entries.size() > others) {
        std::sort(entries.begin(), entries.end(),
                  [](const auto& a, const auto& b) { return a.first > b.first; });
        for (std::size_t i = others; i < entries.size(); ++i) fs::remove(entries[i].second, ec);
    }
    return true;
}

bool AtlasCache::load(const AtlasKey& key, ImFontAtlas* atlas) const {
    if (dir_.empty()) return false;
    const std::string path = path_for(key);
    std::string file;
    if (!read_whole(path, &file) || file.size() < kHeaderSize) return false;
    Reader h(file.data(), kHeaderSize);
    char magic[sizeof kMagic];
    std::uint32_t format = 0, imgui = 0, glyph_size = 0, freetype = 0;
    std::uint64_t payload_size = 0, checksum = 0;
    h.bytes(magic, sizeof magic);
    h.pod(&format);
    h.pod(&imgui);
    h.pod(&glyph_size);
    h.pod(&freetype);
    h.pod(&payload_size);
    h.pod(&checksum);
    if (!h.ok() || std::memcmp(magic, kMagic, sizeof kMagic) != 0 || format != kFormat ||
        imgui != IMGUI_VERSION_NUM || glyph_size != sizeof(ImFontGlyph) ||
        freetype != kFreeTypeVersion || payload_size != file.size() - kHeaderSize ||
        checksum != fnv1a(file.data() + kHeaderSize, file.size() - kHeaderSize))
        return false;

    // Everything is read and checked before the atlas is touched.
    Reader r(file.data() + kHeaderSize, file.size() - kHeaderSize);
    if (!r.skip_equal(key.bytes())) return false;  // another key that hashed alike
    std::int32_t w = 0, hgt = 0;
    r.pod(&w);
    r.pod(&hgt);
    if (!r.ok() || w <= 0 || hgt <= 0 || w > kMaxTexSide || hgt > kMaxTexSide) return false;
    const char* pixels = r.take(static_cast<std::size_t>(w) * static_cast<std::size_t>(hgt));
    ImVec2 uv_scale, uv_white;
    ImVec4 uv_lines[IM_ARRAYSIZE(atlas->TexUvLines)];
    std::int32_t pack_cursors = -1, pack_lines = -1;
    std::uint32_t n_rects = 0;
    r.pod(&uv_scale);
    r.pod(&uv_white);
    r.bytes(uv_lines, sizeof uv_lines);
    r.pod(&pack_cursors);
    r.pod(&pack_lines);
    r.pod(&n_rects);
    if (!r.ok() || n_rects > kMaxRects || n_rects * sizeof(RectRec) > r.left()) return false;
    std::vector<RectRec> rects(n_rects);
    r.bytes(rects.data(), n_rects * sizeof(RectRec));
    std::uint32_t n_fonts = 0;
    r.pod(&n_fonts);
    if (!r.ok() || n_fonts == 0 || n_fonts > kMaxFonts) return false;
    std::vector<FontRec> fonts(n_fonts);
    for (FontRec& f : fonts) {
        std::uint32_t n_glyphs = 0;
        r.pod(&f.font_size);
        r.pod(&f.scale);
        r.pod(&f.ascent);
        r.pod(&f.descent);
        r.pod(&f.surface);
        r.pod(&f.fallback);
        r.pod(&f.ellipsis);
        r.pod(&f.dot);
        r.pod(&n_glyphs);
        if (!r.ok() || n_glyphs == 0 || n_glyphs > 0xFFFE || n_glyphs * sizeof(GlyphRec) > r.left()) return false;
        f.glyphs.resize(n_glyphs);
        r.bytes(f.glyphs.data(), n_glyphs * sizeof(GlyphRec));
        if (!(f.font_size > 0) || !(f.scale > 0)) return false;
    }
    if (!r.ok() || r.left() != 0 || pack_cursors >= static_cast<std::int32_t>(n_rects) ||
        pack_lines >= static_cast<std::int32_t>(n_rects))
        return false;
    for (const RectRec& rr : rects)
        if (rr.font < -1 || rr.font >= static_cast<std::int32_t>(n_fonts)) return false;

    atlas->Clear();
    atlas->TexWidth = w;
    atlas->TexHeight = hgt;
    atlas->TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(static_cast<size_t>(w) * hgt));
    std::memcpy(atlas->TexPixelsAlpha8, pixels, static_cast<size_t>(w) * hgt);
    atlas->TexPixelsUseColors = false;
    atlas->TexUvScale = uv_scale;
    atlas->TexUvWhitePixel = uv_white;
    std::memcpy(atlas->TexUvLines, uv_lines, sizeof uv_lines);
    for (const FontRec& fr : fonts) {
        ImFont* font = IM_NEW(ImFont);
        atlas->Fonts.push_back(font);
        font->ContainerAtlas = atlas;
        font->FontSize = fr.font_size;
        font->Scale = fr.scale;
        font->Ascent = fr.ascent;
        font->Descent = fr.descent;
        font->FallbackChar = fr.fallback;
        font->EllipsisChar = fr.ellipsis;
        font->DotChar = fr.dot;
        font->Glyphs.resize(static_cast<int>(fr.glyphs.size()));
        for (std::size_t i = 0; i < fr.glyphs.size(); ++i) {
            const GlyphRec& g = fr.glyphs[i];
            ImFontGlyph& dst = font->Glyphs[static_cast<int>(i)];
            dst.Colored = g.bits & 1;
            dst.Visible = (g.bits >> 1) & 1;
            dst.Codepoint = g.bits >> 2;
            dst.AdvanceX = g.f[0];
            dst.X0 = g.f[1];
            dst.Y0 = g.f[2];
            dst.X1 = g.f[3];
            dst.Y1 = g.f[4];
            dst.U0 = g.f[5];
            dst.V0 = g.f[6];
            dst.U1 = g.f[7];
            dst.V1 = g.f[8];
        }
        // The indexes (advance, lookup, used pages, fallback) follow from the glyphs, as after
        // a build (ImFontAtlasBuildFinish does the same).
        font->BuildLookupTable();
        font->MetricsTotalSurface = fr.surface;
    }
    for (const RectRec& rr : rects) {
        ImFontAtlasCustomRect rect;
        rect.Width = rr.w;
        rect.Height = rr.h;
        rect.X = rr.x;
        rect.Y = rr.y;
        rect.GlyphID = rr.glyph_id;
        rect.GlyphAdvanceX = rr.advance_x;
        rect.GlyphOffset = ImVec2(rr.off_x, rr.off_y);
        rect.Font = rr.font >= 0 ? atlas->Fonts[rr.font] : nullptr;
        atlas->CustomRects.push_back(rect);
    }
    atlas->PackIdMouseCursors = pack_cursors;
    atlas->PackIdLines = pack_lines;
    atlas->TexReady = true;
    // A hit keeps the entry among the newest (pruning removes the oldest).
    ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);
    return true;
}

void AtlasCache::drop() const {
    if (dir_.empty()) return;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir_, ec)) {
        const std::string name = e.path().filename().string();
        if ((name.rfind("atlas-", 0) == 0 && e.path().extension() == ".bin") ||
            name == kFaceRecord) {
            std::error_code ec2;
            fs::remove(e.path(), ec2);
        }
    }
}

namespace {

void put_stamp_line(std::ostringstream& o, const char* what, const FileStamp& s) {
    if (s.path.empty())
        o << what << " -\n";
    else
        o << what << " " << s.index << " " << s.size << " " << s.mtime_ns << " " << s.path << "\n";
}

bool get_stamp_line(const std::string& line, const char* what, FileStamp* s) {
    const std::string head = std::string(what) + " ";
    if (line.rfind(head, 0) != 0) return false;
    const std::string rest = line.substr(head.size());
    if (rest == "-") {
        *s = FileStamp{};
        return true;
    }
    std::istringstream in(rest);
    if (!(in >> s->index >> s->size >> s->mtime_ns)) return false;
    in.get();  // the space before the path, which may hold spaces itself
    std::getline(in, s->path);
    return !s->path.empty() && s->path[0] == '/';
}

}  // namespace

std::optional<FaceRecord> load_face_record(const std::string& dir) {
    if (dir.empty()) return std::nullopt;
    std::ifstream in(dir + "/" + kFaceRecord);
    std::string line;
    FaceRecord rec;
    if (!std::getline(in, line) || line != "deskdrill-faces 1") return std::nullopt;
    if (!std::getline(in, line) || !get_stamp_line(line, "cjk", &rec.cjk)) return std::nullopt;
    if (!std::getline(in, line) || line.rfind("family ", 0) != 0) return std::nullopt;
    rec.family = line.substr(7);
    if (!std::getline(in, line) || !get_stamp_line(line, "icons", &rec.icons)) return std::nullopt;
    return rec;
}

bool save_face_record(const std::string& dir, const FaceRecord& rec) {
    if (dir.empty() || rec.family.find('\n') != std::string::npos) return false;
    std::ostringstream o;
    o << "deskdrill-faces 1\n";
    put_stamp_line(o, "cjk", rec.cjk);
    o << "family " << rec.family << "\n";
    put_stamp_line(o, "icons", rec.icons);
    return session::write_file_atomic(dir + "/" + kFaceRecord, o.str(), nullptr);
}

bool face_record_current(const FaceRecord& rec) {
    for (const FileStamp* s : {&rec.cjk, &rec.icons}) {
        if (s->path.empty()) continue;
        const auto now = stamp_file(s->path, s->index);
        if (!now || *now != *s) return false;
    }
    return true;
}

}  // namespace dd::app
