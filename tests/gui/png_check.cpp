// dd_png_check FILE [WIDTH HEIGHT] — exits 1 unless FILE is a PNG of that size that is not blank:
// less than 97% of it one colour, brightness spread (σ) of at least 5, at least 8 colours.
// Used by the GUI tests on the screenshots the desk window takes under Xvfb.
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>

#include "sim/app/screenshot.h"

int main(int argc, char** argv) {
    if (argc != 2 && argc != 4) {
        std::fprintf(stderr, "usage: dd_png_check FILE [WIDTH HEIGHT]\n");
        return 2;
    }
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(argv[1], &w, &h, &n, 4);
    if (!px) {
        std::fprintf(stderr, "%s: error: not a readable PNG (%s)\n", argv[1],
                     stbi_failure_reason());
        return 1;
    }
    const dd::app::PixelStats s = dd::app::pixel_stats(px, w, h);
    stbi_image_free(px);
    std::printf("%s: %dx%d, background %.1f%%, luma sigma %.1f, %d colours\n", argv[1], w, h,
                s.background_share * 100, s.luma_stddev, s.colours);
    int rc = 0;
    if (argc == 4 && (w != std::atoi(argv[2]) || h != std::atoi(argv[3]))) {
        std::fprintf(stderr, "%s: error: size %dx%d, expected %sx%s\n", argv[1], w, h, argv[2],
                     argv[3]);
        rc = 1;
    }
    if (s.background_share > 0.97 || s.luma_stddev < 5.0 || s.colours < 8) {
        std::fprintf(stderr, "%s: error: the screenshot is blank (one colour covers %.1f%%)\n",
                     argv[1], s.background_share * 100);
        rc = 1;
    }
    return rc;
}
