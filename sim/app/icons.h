// Icons where a glance beats a word, from Fork Awesome (Debian: fonts-fork-awesome), merged into
// the glyph atlas when the font is installed. Code points of its private-use area, as UTF-8.
#pragma once

namespace dd::app::icon {

inline constexpr const char* kPhone = "\xef\x82\x95";      // U+F095 phone
inline constexpr const char* kCounter = "\xef\x8a\xbb";    // U+F2BB address-card
inline constexpr const char* kAlarm = "\xef\x83\xb3";      // U+F0F3 bell
inline constexpr const char* kWarning = "\xef\x81\xb1";    // U+F071 exclamation-triangle
inline constexpr const char* kRecord = "\xef\x81\x84";     // U+F044 pencil-square-o
inline constexpr const char* kClassify = "\xef\x80\xac";   // U+F02C tags
inline constexpr const char* kEmergency = "\xef\x84\xb4";  // U+F134 fire-extinguisher
inline constexpr const char* kVisitor = "\xef\x88\xb4";    // U+F234 user-plus
inline constexpr const char* kSoundOn = "\xef\x80\xa8";    // U+F028 volume-up
inline constexpr const char* kSoundOff = "\xef\x80\xa6";   // U+F026 volume-off

// The private-use block the icon face is merged for.
inline constexpr unsigned kFirst = 0xF000, kLast = 0xF3FF;

}  // namespace dd::app::icon
