// What the desk window remembers between runs: window size, language, text size, theme and
// sound. Stored as JSON in
// $XDG_CONFIG_HOME/deskdrill/settings.json (or ~/.config/deskdrill/settings.json).
#pragma once
#include <string>

namespace dd::app {

struct Settings {
    int width = 1280;
    int height = 800;
    std::string lang;  // "" = not chosen yet (default zh)
    // Back to the login after this long without input (0 = never).
    double idle_logout_minutes = 10;
    // Text size relative to the screen's default (Ctrl+= / Ctrl+- / Ctrl+0, View menu).
    float font_scale = 1.0f;
    std::string theme = "dark";  // dark | light
    bool muted = false;          // the desk's sounds
};

// The text-size steps Ctrl+= / Ctrl+- move through, and the range a file may ask for.
inline constexpr float kFontScaleMin = 0.8f, kFontScaleMax = 2.0f, kFontScaleStep = 0.1f;

// The settings file path; "" when neither XDG_CONFIG_HOME nor HOME is set.
std::string settings_path();
// Reads the file; defaults for anything missing or malformed (never fails).
Settings load_settings(const std::string& path);
// Writes the file (creating the folder); false if it cannot.
bool save_settings(const std::string& path, const Settings& s);

}  // namespace dd::app
