// glReadPixels → flip → stbi_write_png (libstb provides the implementation: no
// STB_IMAGE_WRITE_IMPLEMENTATION here), and pixel statistics to tell a real frame from a blank one.
#include "screenshot.h"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <unordered_map>

namespace dd::app {

PixelStats pixel_stats(const unsigned char* rgba, int width, int height) {
    PixelStats s;
    s.width = width;
    s.height = height;
    const long n = static_cast<long>(width) * height;
    if (n <= 0 || !rgba) return s;
    std::unordered_map<unsigned, long> hist;
    double sum = 0, sum2 = 0;
    for (long i = 0; i < n; ++i) {
        const unsigned char* p = rgba + i * 4;
        const unsigned key = (p[0] >> 4) << 8 | (p[1] >> 4) << 4 | (p[2] >> 4);
        ++hist[key];
        const double y = 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
        sum += y;
        sum2 += y * y;
    }
    long top = 0;
    for (const auto& [k, c] : hist) top = std::max(top, c);
    s.background_share = static_cast<double>(top) / static_cast<double>(n);
    const double mean = sum / static_cast<double>(n);
    s.luma_stddev = std::sqrt(std::max(0.0, sum2 / static_cast<double>(n) - mean * mean));
    s.colours = static_cast<int>(hist.size());
    return s;
}

bool save_framebuffer_png(const std::string& path, int width, int height, PixelStats* stats,
                          std::string* error) {
    if (width <= 0 || height <= 0) {
        if (error) *error = "window has no size";
        return false;
    }
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 4);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    if (glGetError() != GL_NO_ERROR) {
        if (error) *error = "glReadPixels failed";
        return false;
    }
    // GL's origin is bottom-left; PNG rows go top-down.
    const size_t row = static_cast<size_t>(width) * 4;
    std::vector<unsigned char> tmp(row);
    for (int y = 0; y < height / 2; ++y) {
        unsigned char* a = pixels.data() + row * static_cast<size_t>(y);
        unsigned char* b = pixels.data() + row * static_cast<size_t>(height - 1 - y);
        std::memcpy(tmp.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, tmp.data(), row);
    }
    // Opaque alpha: the default framebuffer's alpha is not meaningful in a PNG.
    for (size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;
    if (stats) *stats = pixel_stats(pixels.data(), width, height);
    std::error_code ec;
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (!stbi_write_png(path.c_str(), width, height, 4, pixels.data(), static_cast<int>(row))) {
        if (error) *error = "cannot write " + path;
        return false;
    }
    return true;
}

}  // namespace dd::app
