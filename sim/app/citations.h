// Citations a person can follow: `seed 001 §4.1.3` — how standards.yaml and the scenarios cite the
// source manuals — shown as 《物业前台接待工作规程》§4.1.3, from the table scenarios/sources.yaml.
#pragma once
#include <map>
#include <string>
#include <string_view>

namespace dd::app {

class Citations {
  public:
    // Reads the table; false with `file:line:col: error: …` in *error when it is missing or
    // malformed (the desk then shows citations as written).
    bool load(const std::string& path, std::string* error);
    // The manual's title in `lang` (zh, or en when it has one); null when unknown.
    const std::string* title(std::string_view number, std::string_view lang) const;
    // Every "seed NNN" in `source` replaced by the manual's title (《…》 in Chinese, “…” in
    // English); an unknown number is left as written.
    std::string cite(std::string_view source, std::string_view lang) const;
    std::size_t size() const { return zh_.size(); }

  private:
    std::map<std::string, std::string, std::less<>> zh_, en_;
};

}  // namespace dd::app
