// Reading and writing settings.json under the user's config directory.
#include "settings.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sim/session/data_dirs.h"
#include "sim/session/files.h"

namespace dd::app {

std::string settings_path() {
    return session::user_config_dir() + "/settings.json";
}

Settings load_settings(const std::string& path) {
    Settings s;
    if (path.empty()) return s;
    std::ifstream in(path);
    if (!in) return s;
    std::stringstream ss;
    ss << in.rdbuf();
    auto doc = nlohmann::json::parse(ss.str(), nullptr, false);
    if (!doc.is_object()) return s;
    // Clamp to sizes a window can sensibly open at; a corrupt file must not open a 1×1 window.
    if (auto it = doc.find("width"); it != doc.end() && it->is_number_integer())
        s.width = std::clamp(it->get<int>(), 640, 8192);
    if (auto it = doc.find("height"); it != doc.end() && it->is_number_integer())
        s.height = std::clamp(it->get<int>(), 480, 8192);
    if (auto it = doc.find("lang"); it != doc.end() && it->is_string()) {
        auto lang = it->get<std::string>();
        if (lang == "zh" || lang == "en") s.lang = lang;
    }
    // At most a day: a typo must not leave a shared front-desk PC logged in for ever.
    if (auto it = doc.find("idle_logout_minutes"); it != doc.end() && it->is_number())
        s.idle_logout_minutes = std::clamp(it->get<double>(), 0.0, 1440.0);
    if (auto it = doc.find("font_scale"); it != doc.end() && it->is_number())
        s.font_scale = std::clamp(it->get<float>(), kFontScaleMin, kFontScaleMax);
    if (auto it = doc.find("theme"); it != doc.end() && it->is_string()) {
        auto theme = it->get<std::string>();
        if (theme == "dark" || theme == "light") s.theme = theme;
    }
    if (auto it = doc.find("muted"); it != doc.end() && it->is_boolean()) s.muted = it->get<bool>();
    return s;
}

bool save_settings(const std::string& path, const Settings& s) {
    if (path.empty()) return false;
    nlohmann::json doc = {{"width", s.width},
                          {"height", s.height},
                          {"idle_logout_minutes", s.idle_logout_minutes},
                          {"font_scale", std::round(s.font_scale * 100) / 100},
                          {"theme", s.theme},
                          {"muted", s.muted}};
    if (!s.lang.empty()) doc["lang"] = s.lang;
    return session::write_file_atomic(path, doc.dump(2) + "\n", nullptr);
}

}  // namespace dd::app
