// Looking up and rendering the string tables. Sections: [tables] [lookup] [render] [builtin].
#include "strings.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

namespace dd::i18n {

namespace {

// Guards every Strings' set of missing keys: the shared builtin tables are read from several
// threads (the window's background loads, tests), and a miss interns its key.
std::mutex& missing_mutex() {
    static std::mutex m;
    return m;
}

// A message nested deeper than this is a bug in the code that built it; it renders as "…".
constexpr int kMaxDepth = 16;

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

}  // namespace

// [tables] ------------------------------------------------------------------------------------

bool Strings::parse_table(std::string_view json_text, Table& out, std::string* error) {
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

bool Strings::install(const std::string& lang, Table active, Table fallback) {
    lang_ = lang;
    active_ = std::move(active);
    fallback_ = std::move(fallback);
    index_.clear();
    index_.reserve(active_.size() + fallback_.size());
    for (const auto& [k, v] : fallback_) index_[k].text = v.c_str();
    for (const auto& [k, v] : active_) index_[k].text = v.c_str();
    constexpr std::string_view kIds = ".ids";
    for (auto& [k, e] : index_)
        if (k.size() > kIds.size() && k.substr(k.size() - kIds.size()) == kIds)
            if (auto base = index_.find(k.substr(0, k.size() - kIds.size())); base != index_.end())
                base->second.ids = e.text;
    std::lock_guard lock(missing_mutex());
    missing_.clear();
    return true;
}

bool Strings::load_builtin(const std::string& lang, std::string* error) {
    const std::string_view text = builtin_table_text(lang);
    if (text.empty()) {
        std::string known;
        for (const auto& l : builtin_languages()) known += (known.empty() ? "" : "|") + l;
        if (error)
            *error =
                "error: no UI strings for language \"" + lang + "\"; check --lang (" + known + ")";
        return false;
    }
    Table active, fallback;
    std::string err;
    // The build checked that the tables parse; a failure here means a broken build.
    if (!parse_table(text, active, &err)) {
        if (error) *error = "assets/i18n/" + lang + ".json: error: " + err;
        return false;
    }
    if (lang != "zh" && !parse_table(builtin_table_text("zh"), fallback, &err)) {
        if (error) *error = "assets/i18n/zh.json: error: " + err;
        return false;
    }
    return install(lang, std::move(active), std::move(fallback));
}

bool Strings::load(const std::string& dir, const std::string& lang, std::string* error) {
    Table active, fallback;
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
    return install(lang, std::move(active), std::move(fallback));
}

// [lookup] ------------------------------------------------------------------------------------

const Strings::Entry* Strings::find(std::string_view key) const {
    const auto it = index_.find(key);
    return it == index_.end() ? nullptr : &it->second;
}

bool Strings::has(std::string_view key) const {
    return find(key) != nullptr;
}

const char* Strings::tr(std::string_view key) const {
    if (const Entry* e = find(key)) return e->text;
    std::lock_guard lock(missing_mutex());
    auto [it, inserted] = missing_.emplace(key);
    if (inserted)
        std::cerr << "deskdrill: UI string \"" << key << "\" missing in " << lang_ << "\n";
    return it->c_str();
}

const char* Strings::name(std::string_view prefix, std::string_view value) const {
    thread_local std::string key;  // no allocation per lookup once it has grown
    key.assign(prefix).append(value);
    if (const Entry* e = find(key)) return e->text;
    std::lock_guard lock(missing_mutex());
    return missing_.emplace(value).first->c_str();
}

std::string Strings::fmt(
    std::string_view key,
    std::initializer_list<std::pair<std::string_view, std::string>> args) const {
    // One pass, as render() does: "{name}" becomes its value; any other brace stays.
    const std::string_view tmpl = tr(key);
    std::string out;
    out.reserve(tmpl.size() + 16);
    std::size_t i = 0;
    while (i < tmpl.size()) {
        const std::size_t open = tmpl.find('{', i);
        const std::size_t close = open == std::string_view::npos ? open : tmpl.find('}', open + 1);
        if (close == std::string_view::npos) {
            out.append(tmpl.substr(i));
            break;
        }
        out.append(tmpl.substr(i, open - i));
        const std::string_view name = tmpl.substr(open + 1, close - open - 1);
        const auto it =
            std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
        if (it != args.end())
            out.append(it->second);
        else
            out.append(tmpl.substr(open, close - open + 1));
        i = close + 1;
    }
    return out;
}

std::size_t Strings::missing_count() const {
    std::lock_guard lock(missing_mutex());
    return missing_.size();
}

std::vector<std::string> Strings::missing() const {
    std::lock_guard lock(missing_mutex());
    return {missing_.begin(), missing_.end()};
}

std::vector<std::string> Strings::all_texts() const {
    std::vector<std::string> out;
    out.reserve(active_.size() + fallback_.size());
    for (const auto& [k, v] : active_) out.push_back(v);
    for (const auto& [k, v] : fallback_) out.push_back(v);
    return out;
}

// [render] ------------------------------------------------------------------------------------

std::string Strings::duration(std::int64_t ms) const {
    if (ms < 0) ms = 0;
    const std::int64_t tenths = (ms + 50) / 100;
    const std::int64_t m = tenths / 600;
    const std::int64_t s10 = tenths % 600;
    std::string s = std::to_string(s10 / 10);
    if (s10 % 10) s += "." + std::to_string(s10 % 10);
    if (m == 0) return fmt("duration.s", {{"s", s}});
    if (s10 == 0) return fmt("duration.min", {{"m", std::to_string(m)}});
    return fmt("duration.min_s", {{"m", std::to_string(m)}, {"s", s}});
}

std::string Strings::render(const Message& m, Detail detail) const {
    std::string out;
    const Node* first = m.nodes.data();
    render_into(out, m.key, first, first + m.nodes.size(), detail, 0);
    return out;
}

void Strings::render_arg(std::string& out, const Node& a, const Node* first, const Node* last,
                         Detail detail, int depth) const {
    switch (a.kind) {
        case Node::Kind::Text:
            out += a.text;
            return;
        case Node::Kind::Number:
            out += std::to_string(a.number);
            return;
        case Node::Kind::Label:
            out += name(a.key, a.text);
            return;
        case Node::Kind::Duration:
            out += duration(a.number);
            return;
        case Node::Kind::Nested:
        case Node::Kind::Item:
            render_into(out, a.key, first, last, detail, depth + 1);
            return;
        case Node::Kind::List: {
            const std::string_view joiner = a.key.empty() ? std::string_view() : tr(a.key);
            bool any = false;
            for_each_arg(first, last, [&](const Node& item, const Node* f, const Node* l) {
                if (any) out += joiner;
                any = true;
                render_arg(out, item, f, l, detail, depth);
            });
            return;
        }
    }
}

void Strings::render_into(std::string& out, std::string_view key, const Node* first,
                          const Node* last, Detail detail, int depth) const {
    if (depth > kMaxDepth) {
        out += "…";
        return;
    }
    const Entry* e = find(key);
    const std::string_view tmpl = !e ? tr(key) : detail == Detail::Ids && e->ids ? e->ids : e->text;
    // One pass over the template: "{name}" is replaced by the argument of that name; a brace
    // that names no argument is kept as written, so a gap in a translation shows.
    std::size_t i = 0;
    while (i < tmpl.size()) {
        const std::size_t open = tmpl.find('{', i);
        if (open == std::string_view::npos) {
            out.append(tmpl.substr(i));
            return;
        }
        out.append(tmpl.substr(i, open - i));
        const std::size_t close = tmpl.find('}', open + 1);
        if (close == std::string_view::npos) {
            out.append(tmpl.substr(open));
            return;
        }
        const std::string_view name = tmpl.substr(open + 1, close - open - 1);
        bool found = false;
        for_each_arg(first, last, [&](const Node& a, const Node* f, const Node* l) {
            if (found || a.name != name) return;
            found = true;
            render_arg(out, a, f, l, detail, depth);
        });
        if (!found) out.append(tmpl.substr(open, close - open + 1));
        i = close + 1;
    }
}

// [builtin] -----------------------------------------------------------------------------------

const Strings& builtin(std::string_view lang) {
    // One table per compiled-in language, built on first use.
    static const std::map<std::string, std::unique_ptr<Strings>, std::less<>> tables = [] {
        std::map<std::string, std::unique_ptr<Strings>, std::less<>> t;
        for (const auto& l : builtin_languages()) {
            auto s = std::make_unique<Strings>();
            std::string err;
            if (!s->load_builtin(l, &err)) std::cerr << "deskdrill: " << err << "\n";
            t.emplace(l, std::move(s));
        }
        return t;
    }();
    if (auto it = tables.find(lang); it != tables.end()) return *it->second;
    return *tables.at("zh");
}

}  // namespace dd::i18n
