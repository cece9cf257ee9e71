// The string tables (assets/i18n/<lang>.json, flat key → text), the one place with words for
// people. The tables are compiled into the library at build time (embedded.cpp, generated from the
// JSON files), so the program never needs to find them at run time; a table can still be read
// from a file (tests, or a translator trying a new language).
//
// Lookup: a key missing from the active language falls back to Chinese, then to the key itself,
// so a gap shows, never crashes. Rendering a Message (message.h) fills `{name}` placeholders with
// its arguments. Detail::Ids renders the variant of a key suffixed `.ids` where the table has one:
// the same words with the internal ids beside them (act names, node ids, `to:` hints) for the
// records an author or a script reads — the report JSON, `play --log`; screens use Detail::Plain.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "message.h"

namespace dd::i18n {

enum class Detail { Plain, Ids };

using Table = std::map<std::string, std::string, std::less<>>;

class Strings {
  public:
    Strings() = default;
    // The lookup index points into the tables: a move keeps them (map nodes do not move), a copy
    // would not.
    Strings(Strings&&) noexcept = default;
    Strings& operator=(Strings&&) noexcept = default;
    Strings(const Strings&) = delete;
    Strings& operator=(const Strings&) = delete;

    // The embedded table of `lang` (with Chinese as fallback). False + *error for an unknown
    // language.
    bool load_builtin(const std::string& lang, std::string* error);
    // Loads `<dir>/<lang>.json` and, for fallback, `<dir>/zh.json`. False + *error when the file
    // is missing or not a flat JSON object of strings.
    bool load(const std::string& dir, const std::string& lang, std::string* error);

    // The text for key (stable pointer, valid until the next load).
    const char* tr(std::string_view key) const;
    // tr(key) with "{name}" placeholders replaced.
    std::string fmt(std::string_view key,
                    std::initializer_list<std::pair<std::string_view, std::string>> args) const;
    // tr(prefix + value) when that key exists, else value itself: the word for a value of a
    // closed vocabulary such as "dept.security" or "act.greeting".
    const char* name(std::string_view prefix, std::string_view value) const;
    bool has(std::string_view key) const;

    // A message in words.
    std::string render(const Message& m, Detail detail = Detail::Plain) const;
    // A duration in words: 「25秒」「1分30秒」 / "25 s", "1 min 30 s" (tenths of a second shown).
    std::string duration(std::int64_t ms) const;

    // Keys asked for that neither table has, and vocabulary values without a word (each shown as
    // itself).
    std::size_t missing_count() const;
    std::vector<std::string> missing() const;

    const std::string& lang() const { return lang_; }
    // Every text of the active and fallback tables (for the glyph atlas).
    std::vector<std::string> all_texts() const;
    const Table& table() const { return active_; }

    // Parses a flat JSON object of strings; false + *error on anything else.
    static bool parse_table(std::string_view json_text, Table& out, std::string* error);

  private:
    bool install(const std::string& lang, Table active, Table fallback);
    // The message of `key` whose arguments are the nodes [first, last).
    void render_into(std::string& out, std::string_view key, const Node* first, const Node* last,
                     Detail detail, int depth) const;
    void render_arg(std::string& out, const Node& a, const Node* first, const Node* last,
                    Detail detail, int depth) const;

    // The text of a key (active table over fallback) and of its `.ids` variant, if any.
    struct Entry {
        const char* text = nullptr;
        const char* ids = nullptr;
    };
    const Entry* find(std::string_view key) const;

    std::string lang_;
    Table active_;
    Table fallback_;
    std::unordered_map<std::string_view, Entry> index_;
    mutable std::set<std::string, std::less<>> missing_;  // interned keys shown as themselves
};

// The languages compiled in (the assets/i18n/*.json files at build time), sorted.
std::vector<std::string> builtin_languages();
// The embedded JSON text of a language ("" when there is none).
std::string_view builtin_table_text(std::string_view lang);
// A shared, ready table of a compiled-in language (Chinese for an unknown one). Thread-safe.
const Strings& builtin(std::string_view lang = "zh");

}  // namespace dd::i18n
