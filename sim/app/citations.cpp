// scenarios/sources.yaml → titles; citations rewritten with them.
#include "citations.h"

#include <cctype>

#include "common/yaml/diagnostics.h"
#include "common/yaml/yaml_safe.h"

namespace dd::app {

bool Citations::load(const std::string& path, std::string* error) {
    Diagnostics d;
    auto doc = yaml::parse_file(path, d);
    auto fail = [&](const YAML::Node& at, const std::string& what) {
        if (error)
            *error = doc ? path + ":" + std::to_string(doc->pos(at).line) + ":" +
                               std::to_string(doc->pos(at).col) + ": error: " + what
                         : what;
        return false;
    };
    if (!doc || d.has_errors()) {
        if (error) *error = d.to_string();
        return false;
    }
    const YAML::Node sources = doc->root()["sources"];
    if (!sources || !sources.IsMap())
        return fail(doc->root(), "expected a map 'sources:' of manual numbers to titles");
    for (const auto& kv : sources) {
        const YAML::Node& v = kv.second;
        if (!v.IsMap() || !v["title"] || !v["title"].IsScalar())
            return fail(v, "each source needs a 'title:', e.g. {title: 物业前台接待工作规程}");
        const std::string number = kv.first.as<std::string>();
        zh_[number] = v["title"].as<std::string>();
        if (v["en"] && v["en"].IsScalar()) en_[number] = v["en"].as<std::string>();
    }
    return true;
}

const std::string* Citations::title(std::string_view number, std::string_view lang) const {
    if (lang == "en")
        if (auto it = en_.find(number); it != en_.end()) return &it->second;
    auto it = zh_.find(number);
    return it == zh_.end() ? nullptr : &it->second;
}

std::string Citations::cite(std::string_view source, std::string_view lang) const {
    static constexpr std::string_view kSeed = "seed ";
    std::string out;
    std::size_t i = 0;
    while (i < source.size()) {
        const std::size_t at = source.find(kSeed, i);
        if (at == std::string_view::npos) break;
        std::size_t end = at + kSeed.size();
        while (end < source.size() && std::isdigit(static_cast<unsigned char>(source[end]))) ++end;
        out.append(source.substr(i, at - i));
        const std::string_view number = source.substr(at + kSeed.size(), end - at - kSeed.size());
        if (const std::string* t = number.empty() ? nullptr : title(number, lang)) {
            const bool zh = lang != "en" || !en_.count(number);
            out += (zh ? "《" : "“") + *t + (zh ? "》" : "”");
            // "§4.1.3" follows the title directly in Chinese.
            if (zh && end < source.size() && source[end] == ' ') ++end;
        } else {
            out.append(source.substr(at, end - at));
        }
        i = end;
    }
    out.append(source.substr(i));
    return out;
}

}  // namespace dd::app
