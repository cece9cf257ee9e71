// Site placeholders (scenario.h): the one place `{site.*}`, `{ext.*}` and `{fee.*}` are read,
// for the engine's lines, the desk's hints and the scorer's parameters alike.
#include "scenario.h"

namespace dd {

std::optional<std::string> site_placeholder(const Site& site, std::string_view who,
                                            std::string_view field) {
    auto some = [](const std::string& v) -> std::optional<std::string> {
        if (v.empty()) return std::nullopt;
        return v;
    };
    if (who == "site") {
        if (field == "name") return some(site.name);
        if (field == "company") return some(site.company);
        return std::nullopt;
    }
    if (who == "ext") {
        auto it = site.extensions.find(std::string(field));
        return it == site.extensions.end() ? std::nullopt : some(it->second);
    }
    if (who == "fee") {
        const auto dot = field.find('.');
        const Fee* f = site.fee(field.substr(0, dot));
        if (!f) return std::nullopt;
        if (dot == std::string_view::npos) return f->amount + f->unit;
        const std::string_view part = field.substr(dot + 1);
        if (part == "amount") return some(f->amount);
        if (part == "name") return some(f->name);
        if (part == "unit") return some(f->unit);
    }
    return std::nullopt;
}

std::string fill_site_placeholders(std::string_view text, const Site& site) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t open = text.find('{', i);
        if (open == std::string_view::npos) break;
        const std::size_t close = text.find('}', open + 1);
        if (close == std::string_view::npos) break;
        out.append(text.substr(i, open - i));
        const std::string_view key = text.substr(open + 1, close - open - 1);
        const std::size_t dot = key.find('.');
        std::optional<std::string> v;
        if (dot != std::string_view::npos)
            v = site_placeholder(site, key.substr(0, dot), key.substr(dot + 1));
        if (v)
            out += *v;
        else
            out.append(text.substr(open, close - open + 1));
        i = close + 1;
    }
    if (i < text.size()) out.append(text.substr(i));
    return out;
}

}  // namespace dd
