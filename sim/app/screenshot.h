// Screenshots of the desk window (for the GUI tests and the README) and a blankness measure.
#pragma once
#include <string>
#include <vector>

namespace dd::app {

struct PixelStats {
    int width = 0, height = 0;
    double background_share = 1.0;  // share of pixels in the most common colour
    double luma_stddev = 0.0;       // spread of brightness (0 for a flat image)
    int colours = 0;                // distinct colours (quantised to 4 bits per channel)
};

// rgba: width*height*4 bytes, any row order.
PixelStats pixel_stats(const unsigned char* rgba, int width, int height);

// Reads the back buffer of the current GL context (call before swapping), flips it to top-down
// and writes a PNG. false with *error on failure.
bool save_framebuffer_png(const std::string& path, int width, int height, PixelStats* stats,
                          std::string* error);

}  // namespace dd::app
