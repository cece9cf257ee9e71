// UI strings for the desk window, read from assets/i18n/<lang>.json (a flat key → text map).
// The views never hold user-facing literals: they ask Strings::tr("key"). A key missing from the
// active language falls back to Chinese, then to the key itself, so a gap shows, never crashes.
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dd::app {

class Strings {
  public:
    // Loads `<dir>/<lang>.json` and, for fallback, `<dir>/zh.json`. Returns false with a message
    // in *error when the file is missing or not a flat JSON object of strings.
    bool load(const std::string& dir, const std::string& lang, std::string* error);

    // The text for key (stable pointer, valid until the next load()).
    const char* tr(std::string_view key) const;
    // tr(key) with "{name}" placeholders replaced.
    std::string fmt(std::string_view key,
                    std::initializer_list<std::pair<std::string_view, std::string>> args) const;
    // tr(prefix + value) when that key exists, else value itself: the display name of a closed
    // vocabulary value such as "dept.security" or "act.greeting".
    const char* name(std::string_view prefix, std::string_view value) const;
    bool has(std::string_view key) const;
    // Keys asked for that neither table has (each shown as the key itself).
    std::size_t missing_count() const { return missing_.size(); }

    const std::string& lang() const { return lang_; }
    // Every text of the active and fallback tables (for the glyph atlas).
    std::vector<std::string> all_texts() const;
    const std::map<std::string, std::string, std::less<>>& table() const { return active_; }

    // Parses a flat JSON object of strings; false + *error on anything else.
    static bool parse_table(const std::string& json_text,
                            std::map<std::string, std::string, std::less<>>& out,
                            std::string* error);

  private:
    std::string lang_;
    std::map<std::string, std::string, std::less<>> active_;
    std::map<std::string, std::string, std::less<>> fallback_;
    mutable std::set<std::string, std::less<>> missing_;  // interned keys shown as themselves
};

// The languages the UI offers (the *.json files in dir), sorted.
std::vector<std::string> available_languages(const std::string& dir);

}  // namespace dd::app
