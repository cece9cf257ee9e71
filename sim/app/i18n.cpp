// Loading and looking up the UI string tables (assets/i18n/*.json).
#include "i18n.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace dd::app {

namespace {

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

}  // namespace

bool Strings::parse_table(const std::string& json_text,
                          std::map<std::string, std::string, std::less<>>& out,
                          std::string* error) {
    auto doc = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false,
                                     /*ignore_comments=*/true);
    if (doc.is_discarded()) {
        if (error) *error = "not valid JSON";
        return false;
    }
    if (!doc.is_object()) {
        if (error) *error = "expected a JSON object of \"key\": \"text\" pairs";
        return false;
    }
    out.clear();
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (!it.value().is_string()) {
            if (error) *error = "key \"" + it.key() + "\" must map to a string";
            return false;
        }
        out.emplace(it.key(), it.value().get<std::string>());
    }
    return true;
}

bool Strings::load(const std::string& dir, const std::string& lang, std::string* error) {
    std::map<std::string, std::string, std::less<>> active, fallback;
    std::string text, err;
    const std::string path = dir + "/" + lang + ".json";
    if (!read_file(path, text)) {
        if (error) *error = path + ": error: cannot read the UI strings; check --lang (zh|en)";
        return false;
    }
    if (!parse_table(text, active, &err)) {
        if (error) *error = path + ": error: " + err;
        return false;
    }
    if (lang != "zh") {
        const std::string zh_path = dir + "/zh.json";
        if (read_file(zh_path, text) && !parse_table(text, fallback, &err)) {
            if (error) *error = zh_path + ": error: " + err;
            return false;
        }
    }
    lang_ = lang;
    active_ = std::move(active);
    fallback_ = std::move(fallback);
    missing_.clear();
    return true;
}

bool Strings::has(std::string_view key) const {
    return active_.find(key) != active_.end() || fallback_.find(key) != fallback_.end();
}

const char* Strings::tr(std::string_view key) const {
    if (auto it = active_.find(key); it != active_.end()) return it->second.c_str();
    if (auto it = fallback_.find(key); it != fallback_.end()) return it->second.c_str();
    auto [it, inserted] = missing_.emplace(key);
    if (inserted)
        std::cerr << "deskdrill: UI string \"" << key << "\" missing in " << lang_ << "\n";
    return it->c_str();
}

const char* Strings::name(std::string_view prefix, std::string_view value) const {
    std::string key;
    key.reserve(prefix.size() + value.size());
    key.append(prefix).append(value);
    if (has(key)) return tr(key);
    auto [it, inserted] = missing_.emplace(value);
    return it->c_str();
}

std::string Strings::fmt(
    std::string_view key,
    std::initializer_list<std::pair<std::string_view, std::string>> args) const {
    std::string out = tr(key);
    for (const auto& [name, value] : args) {
        const std::string token = "{" + std::string(name) + "}";
        for (size_t pos = out.find(token); pos != std::string::npos;
             pos = out.find(token, pos + value.size()))
            out.replace(pos, token.size(), value);
    }
    return out;
}

std::vector<std::string> Strings::all_texts() const {
    std::vector<std::string> out;
    out.reserve(active_.size() + fallback_.size());
    for (const auto& [k, v] : active_) out.push_back(v);
    for (const auto& [k, v] : fallback_) out.push_back(v);
    return out;
}

std::vector<std::string> available_languages(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        if (e.path().extension() == ".json") out.push_back(e.path().stem().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace dd::app
