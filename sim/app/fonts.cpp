// Finding a CJK font with fontconfig, and building a small on-demand glyph atlas.
#include "fonts.h"

#include <fstream>

#include "icons.h"

#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <imgui_freetype.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace dd::app {

namespace {

constexpr unsigned kBmpSize = 0x10000;

// Characters always in the atlas: what typed replies and numbers use even before they appear.
constexpr std::pair<unsigned, unsigned> kBaseRanges[] = {
    {0x0020, 0x007E},  // ASCII
    {0x00A0, 0x00FF},  // Latin-1 (×, ·, °)
    {0x2010, 0x2027},  // dashes, quotes, bullets, ellipsis
    {0x2190, 0x2193},  // arrows
    {0x221A, 0x221A},  // √ (pass mark in Chinese grading)
    {0x25A0, 0x25A1},  // ■ □
    {0x25B6, 0x25B6},  // ▶
    {0x25C0, 0x25C0},  // ◀
    {0x25CB, 0x25CF},  // ○ ● and friends
    {0x2605, 0x2606},  // ★ ☆ (difficulty)
    {0x260E, 0x260E},  // ☎
    {0x3000, 0x303F},  // CJK punctuation 、。「」【】
    {0xFF01, 0xFF5E},  // full-width forms ,:?!()
    {0xFFFD, 0xFFFD},  // replacement character
};

bool family_matches(FcPattern* font, const char* wanted) {
    FcChar8* fam = nullptr;
    for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &fam) == FcResultMatch; ++i) {
        if (strcasecmp(reinterpret_cast<const char*>(fam), wanted) == 0) return true;
    }
    return false;
}

std::optional<FontFace> face_of(FcPattern* font) {
    FcChar8* file = nullptr;
    if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch) return std::nullopt;
    int index = 0;
    FcPatternGetInteger(font, FC_INDEX, 0, &index);
    FcChar8* fam = nullptr;
    FontFace face;
    face.path = reinterpret_cast<const char*>(file);
    face.index = index;
    if (FcPatternGetString(font, FC_FAMILY, 0, &fam) == FcResultMatch)
        face.family = reinterpret_cast<const char*>(fam);
    // stb_truetype reads TrueType and CFF outlines; skip bitmap-only or exotic formats.
    FcChar8* format = nullptr;
    if (FcPatternGetString(font, FC_FONTFORMAT, 0, &format) == FcResultMatch) {
        std::string f = reinterpret_cast<const char*>(format);
        if (f != "TrueType" && f != "CFF") return std::nullopt;
    }
    return face;
}

// The regular face of `family`, if installed.
std::optional<FontFace> find_family(const char* family) {
    FcPattern* pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
    FcObjectSet* os =
        FcObjectSetBuild(FC_FILE, FC_INDEX, FC_FAMILY, FC_STYLE, FC_WEIGHT, FC_FONTFORMAT, nullptr);
    FcFontSet* set = FcFontList(nullptr, pat, os);
    std::optional<FontFace> best;
    int best_dist = 1 << 30;
    if (set) {
        for (int i = 0; i < set->nfont; ++i) {
            FcPattern* f = set->fonts[i];
            if (!family_matches(f, family)) continue;
            int weight = FC_WEIGHT_REGULAR;
            FcPatternGetInteger(f, FC_WEIGHT, 0, &weight);
            const int dist = std::abs(weight - FC_WEIGHT_REGULAR);
            if (dist >= best_dist) continue;
            if (auto face = face_of(f)) {
                best = face;
                best_dist = dist;
            }
        }
        FcFontSetDestroy(set);
    }
    FcObjectSetDestroy(os);
    FcPatternDestroy(pat);
    return best;
}

// Any scalable sans face that covers a sample of common simplified characters.
std::optional<FontFace> find_any_cjk() {
    FcPattern* pat = FcPatternCreate();
    FcCharSet* cs = FcCharSetCreate();
    for (unsigned cp : {0x4E2Du, 0x6587u, 0x60A8u, 0x7269u, 0x4E1Au})  // 中文您物业
        FcCharSetAddChar(cs, cp);
    FcPatternAddCharSet(pat, FC_CHARSET, cs);
    FcPatternAddString(pat, FC_LANG, reinterpret_cast<const FcChar8*>("zh-cn"));
    FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
    FcObjectSet* os =
        FcObjectSetBuild(FC_FILE, FC_INDEX, FC_FAMILY, FC_WEIGHT, FC_FONTFORMAT, nullptr);
    FcFontSet* set = FcFontList(nullptr, pat, os);
    std::optional<FontFace> found;
    if (set) {
        for (int i = 0; i < set->nfont && !found; ++i) {
            int weight = FC_WEIGHT_REGULAR;
            FcPatternGetInteger(set->fonts[i], FC_WEIGHT, 0, &weight);
            if (weight != FC_WEIGHT_REGULAR && weight != FC_WEIGHT_BOOK &&
                weight != FC_WEIGHT_MEDIUM)
                continue;
            found = face_of(set->fonts[i]);
        }
        FcFontSetDestroy(set);
    }
    FcObjectSetDestroy(os);
    FcCharSetDestroy(cs);
    FcPatternDestroy(pat);
    return found;
}

// ImGui copies font data it does not own (AddFont: FontDataOwnedByAtlas=false → IM_ALLOC +
// memcpy): 20 MB of fresh pages for a CJK collection, on every atlas build. So the mapping is
// handed over as "owned", and ImGui's free hook leaves the mappings we registered alone.
std::mutex g_borrowed_mutex;
std::vector<const void*> g_borrowed;

void* im_alloc(size_t size, void*) {
    return std::malloc(size);
}
void im_free(void* ptr, void*) {
    if (!ptr) return;
    {
        std::lock_guard<std::mutex> lock(g_borrowed_mutex);
        if (std::find(g_borrowed.begin(), g_borrowed.end(), ptr) != g_borrowed.end()) return;
    }
    std::free(ptr);
}

void lend(const void* p) {
    static std::once_flag hooks;
    std::call_once(hooks, [] { ImGui::SetAllocatorFunctions(im_alloc, im_free, nullptr); });
    std::lock_guard<std::mutex> lock(g_borrowed_mutex);
    g_borrowed.push_back(p);
}

}  // namespace

std::optional<FontFace> find_cjk_font(const std::string& override_spec, std::string* why) {
    if (!override_spec.empty()) {
        FontFace face;
        face.path = override_spec;
        // "PATH:INDEX" selects a face in a collection; a bare path means face 0.
        if (auto colon = override_spec.rfind(':');
            colon != std::string::npos && colon + 1 < override_spec.size() &&
            std::all_of(override_spec.begin() + colon + 1, override_spec.end(),
                        [](char c) { return c >= '0' && c <= '9'; })) {
            face.path = override_spec.substr(0, colon);
            face.index = std::atoi(override_spec.c_str() + colon + 1);
        }
        face.family = face.path;
        struct stat st {};
        if (::stat(face.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
            if (why)
                *why = "font file '" + face.path +
                       "' (from --font / DESKDRILL_FONT) does not exist; give a .ttf/.otf/.ttc "
                       "path, e.g. /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc:2";
            return std::nullopt;
        }
        return face;
    }
    if (!FcInit()) {
        if (why) *why = "fontconfig could not be initialised";
        return std::nullopt;
    }
    for (const char* family : {"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC",
                               "Source Han Sans CN", "Noto Sans CJK TC", "Droid Sans Fallback"}) {
        if (auto face = find_family(family)) return face;
    }
    if (auto face = find_any_cjk()) return face;
    if (why)
        *why =
            "no Chinese (CJK) font found by fontconfig (looked for Noto Sans CJK SC, WenQuanYi "
            "Micro Hei, any face covering simplified Chinese). Install one: "
            "sudo apt-get install fonts-noto-cjk   (or fonts-wqy-microhei), or pass --font PATH";
    return std::nullopt;
}

std::string find_icon_font() {
    if (!FcInit()) return {};
    const auto face = find_family("forkawesome");
    return face ? face->path : std::string();
}

StartFaces resolve_start_faces(const std::string& override_spec, const std::string& cache_dir) {
    StartFaces out;
    const auto rec = load_face_record(cache_dir);
    const bool current = rec && face_record_current(*rec);
    if (override_spec.empty() && current && !rec->cjk.path.empty()) {
        out.face = FontFace{rec->cjk.path, rec->cjk.index, rec->family};
        out.icons = rec->icons.path;
        out.from_record = true;
        return out;
    }
    out.face = find_cjk_font(override_spec, &out.why);
    // With --font the icon face still comes from the record when it is current.
    out.icons = override_spec.empty() || !current ? find_icon_font() : rec->icons.path;
    if (override_spec.empty() && out.face) {
        FaceRecord fresh;
        if (auto s = stamp_file(out.face->path, out.face->index)) fresh.cjk = *s;
        fresh.family = out.face->family;
        if (auto s = stamp_file(out.icons)) fresh.icons = *s;
        if (!fresh.cjk.path.empty()) save_face_record(cache_dir, fresh);
    }
    return out;
}

bool recheck_start_faces(const StartFaces& used, const std::string& cache_dir) {
    if (!used.from_record || !used.face) return false;
    std::string why;
    const auto face = find_cjk_font("", &why);
    const std::string icons = find_icon_font();
    if (face && face->path == used.face->path && face->index == used.face->index &&
        icons == used.icons)
        return false;
    AtlasCache(cache_dir).drop();
    return true;
}

namespace {

// Decodes the character at s[i] into cp; returns the bytes it takes. A malformed, truncated,
// overlong or surrogate sequence gives U+FFFD for its first byte only.
std::size_t next_code_point(std::string_view s, std::size_t i, unsigned& cp) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = 0;
    if (c < 0x80) {
        cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        cp = c & 0x1F;
        extra = 1;
    } else if ((c & 0xF0) == 0xE0) {
        cp = c & 0x0F;
        extra = 2;
    } else if ((c & 0xF8) == 0xF0) {
        cp = c & 0x07;
        extra = 3;
    } else {
        cp = 0xFFFD;
        return 1;
    }
    if (i + static_cast<std::size_t>(extra) >= s.size()) {  // truncated sequence
        cp = 0xFFFD;
        return 1;
    }
    for (int k = 1; k <= extra; ++k) {
        const unsigned char cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) {
            cp = 0xFFFD;
            return 1;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms and surrogates are invalid UTF-8.
    static constexpr unsigned kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
    return static_cast<std::size_t>(extra) + 1;
}

}  // namespace

std::vector<unsigned> decode_utf8(std::string_view s) {
    std::vector<unsigned> out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        unsigned cp = 0;
        i += next_code_point(s, i, cp);
        out.push_back(cp);
    }
    return out;
}

GlyphSet::GlyphSet() {
    for (auto [lo, hi] : kBaseRanges)
        for (unsigned cp = lo; cp <= hi; ++cp) add_cp(cp);
}

bool GlyphSet::add_cp(unsigned cp) {
    // Beyond the BMP cannot be shown with 16-bit ImWchar; control characters are never drawn.
    if (cp >= kBmpSize || cp < 0x20 || builder_.GetBit(cp)) return false;
    builder_.AddChar(static_cast<ImWchar>(cp));
    ++count_;
    return true;
}

bool GlyphSet::add(std::string_view utf8) {
    // Fast path: pure ASCII is always present.
    if (std::all_of(utf8.begin(), utf8.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return false;
    // Decoded in place: views pass every shown line through here each frame.
    bool added = false;
    for (std::size_t i = 0; i < utf8.size();) {
        unsigned cp = 0;
        i += next_code_point(utf8, i, cp);
        added |= add_cp(cp);
    }
    return added;
}

bool GlyphSet::contains(unsigned cp) const {
    return cp < kBmpSize && builder_.GetBit(cp);
}

std::vector<ImWchar> GlyphSet::ranges() const {
    ImVector<ImWchar> built;
    builder_.BuildRanges(&built);
    return std::vector<ImWchar>(built.begin(), built.end());
}

// A mapping stays registered after it is unmapped: an atlas that outlives its FontManager
// (a test's ImGui context) still frees its input data later, and must not free() the address.
FontManager::~FontManager() {
    if (data_) ::munmap(data_, size_);
}

bool FontManager::open(const FontFace& face, std::string* error) {
    const int fd = ::open(face.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (error) *error = "cannot open font file " + face.path;
        return false;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || st.st_size <= 0) {
        ::close(fd);
        if (error) *error = "cannot read font file " + face.path;
        return false;
    }
    // Mapped, not copied: a CJK collection is ~20 MB and stb_truetype only reads the glyphs used.
    void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (p == MAP_FAILED) {
        if (error) *error = "cannot map font file " + face.path;
        return false;
    }
    if (data_) ::munmap(data_, size_);
    lend(p);
    data_ = p;
    size_ = static_cast<size_t>(st.st_size);
    face_ = face;
    face_stamp_ = FileStamp{face.path, face.index, static_cast<std::uint64_t>(st.st_size),
                            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 +
                                st.st_mtim.tv_nsec};
    dirty_ = true;
    if (!icons_known_) open_icons();
    return true;
}

bool FontManager::open_icons() {
    use_icon_file(find_icon_font());
    return has_icons();
}

void FontManager::use_icon_file(const std::string& path) {
    icons_known_ = true;
    icon_data_.clear();
    const auto stamp = stamp_file(path);
    icon_path_ = stamp ? path : std::string();
    icon_stamp_ = stamp ? *stamp : FileStamp{};
    dirty_ = true;
}

void FontManager::set_cache(const std::string& dir, int writes) {
    cache_ = dir.empty() ? nullptr : std::make_unique<AtlasCache>(dir);
    cache_writes_ = writes;
}

AtlasKey FontManager::cache_key(float size_px) const {
    AtlasKey key;
    key.font = face_stamp_;
    key.icons = icon_stamp_;
    key.size_px = size_px;
    key.rasterizer = static_cast<int>(rasterizer_);
    key.ranges = glyphs_.ranges();
    return key;
}

bool FontManager::build(ImFontAtlas* atlas, float size_px) {
    const auto t0 = std::chrono::steady_clock::now();
    last_build_cached_ = false;
    bool ok = false;
    if (data_ && cache_) {
        AtlasKey key = cache_key(size_px);
        if (cache_->load(key, atlas)) {
            ok = last_build_cached_ = true;
        } else {
            ok = rasterize(atlas, size_px);
            // The icon face may have turned out unreadable: the key says what was built.
            key.icons = icon_stamp_;
            if (ok && cache_writes_ > 0 && cache_->save(key, *atlas)) --cache_writes_;
        }
    } else {
        ok = rasterize(atlas, size_px);
    }
    dirty_ = false;
    last_build_ms_ =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return ok;
}

bool FontManager::rasterize(ImFontAtlas* atlas, float size_px) {
    atlas->Clear();
    // FreeType rasterises the CFF outlines of Noto Sans CJK several times faster than
    // stb_truetype, and hints them (crisper strokes at 18 px).
    atlas->FontBuilderIO =
        rasterizer_ == Rasterizer::FreeType ? ImGuiFreeType::GetBuilderForFreeType() : nullptr;
    atlas->FontBuilderFlags = 0;
    bool ok = false;
    if (data_) {
        if (!icon_path_.empty() && icon_data_.empty()) {
            std::ifstream in(icon_path_, std::ios::binary | std::ios::ate);
            const std::streamoff n = in ? static_cast<std::streamoff>(in.tellg()) : 0;
            if (n > 0) {
                icon_data_.resize(static_cast<std::size_t>(n));
                in.seekg(0);
                if (!in.read(icon_data_.data(), n)) icon_data_.clear();
            }
            if (icon_data_.empty()) {  // unreadable: no icons rather than boxes
                icon_path_.clear();
                icon_stamp_ = FileStamp{};
            }
        }
        ranges_ = glyphs_.ranges();
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = true;  // not copied; im_free() spares the mapping
        cfg.FontNo = face_.index;
        cfg.OversampleH = 1;
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        std::snprintf(cfg.Name, sizeof cfg.Name, "%.30s %.0fpx", face_.family.c_str(), size_px);
        ok = atlas->AddFontFromMemoryTTF(data_, static_cast<int>(size_), size_px, &cfg,
                                         ranges_.data()) != nullptr;
        // The icons shown so far, merged into the same font from the icon face.
        icon_ranges_.clear();
        if (ok && !icon_data_.empty()) {
            for (const ImWchar* r = ranges_.data(); r[0]; r += 2) {
                const unsigned lo = std::max<unsigned>(r[0], icon::kFirst);
                const unsigned hi = std::min<unsigned>(r[1], icon::kLast);
                if (lo <= hi) {
                    icon_ranges_.push_back(static_cast<ImWchar>(lo));
                    icon_ranges_.push_back(static_cast<ImWchar>(hi));
                }
            }
        }
        if (!icon_ranges_.empty()) {
            icon_ranges_.push_back(0);
            ImFontConfig icfg;
            icfg.MergeMode = true;
            icfg.FontDataOwnedByAtlas = false;  // the atlas copies it; icon_data_ stays ours
            icfg.OversampleH = icfg.OversampleV = 1;
            icfg.PixelSnapH = true;
            icfg.GlyphMinAdvanceX = size_px;  // icons line up in a column
            atlas->AddFontFromMemoryTTF(icon_data_.data(), static_cast<int>(icon_data_.size()),
                                        size_px * 0.9f, &icfg, icon_ranges_.data());
        }
        ok = ok && atlas->Build();
        if (!ok) atlas->Clear();
    }
    if (!ok) {
        ImFontConfig cfg;
        cfg.SizePixels = std::max(13.0f, size_px * 13.0f / 18.0f);
        atlas->AddFontDefault(&cfg);
        atlas->Build();
    }
    return ok;
}

}  // namespace dd::app
