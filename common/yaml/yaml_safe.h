// Safe YAML reading for every DeskDrill data file (scenarios, transcripts, lexicon.yaml,
// standards.yaml): hostile input (huge, binary, invalid UTF-8, deeply nested, alias bombs,
// duplicate keys, syntax errors) is refused with a `path:line:col` diagnostic instead of a
// crash or a hang; plus typed readers that report "expected a string for 'title', got a map".
//
// Contents: Limits · Document (a parsed tree that can point back into its text) ·
// parse_text/parse_file · closest()/did_you_mean() · Reader (typed values) · Fields (a map's
// keys checked against a table, with "did you mean").
//
// Only .cpp files include this header (it pulls in yaml-cpp).
#pragma once
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/yaml/diagnostics.h"
#include "common/yaml/limits.h"
#include "sim/model/duration.h"
#include "sim/model/source_pos.h"

namespace dd::yaml {

// A parsed YAML document and what it takes to turn yaml-cpp marks into 1-based line and
// character (not byte) columns, as editors count them.
class Document {
  public:
    Document() = default;
    Document(YAML::Node root, std::string path, std::string text);
    const YAML::Node& root() const { return root_; }
    const std::string& path() const { return path_; }
    const std::string& text() const { return text_; }
    SourcePos pos(const YAML::Mark& m) const;
    SourcePos pos(const YAML::Node& n) const;
    // Position of a byte offset into text().
    SourcePos pos_of_offset(std::size_t offset) const;

  private:
    friend std::optional<Document> parse_text(std::string_view, const std::string&, Diagnostics&,
                                              const Limits&);
    YAML::Node root_;
    std::string path_;
    std::string text_;
    std::vector<std::size_t> line_starts_;
};

// Parses one YAML document. Returns nullopt (with an error in `diags`) when the text cannot be
// read as YAML at all, or is hostile. Problems that leave a usable tree (duplicate keys) are
// reported and the tree is returned, so a loader can go on collecting problems: a caller must
// treat any error added to `diags` as failure. A UTF-8 BOM is skipped. Never throws.
std::optional<Document> parse_text(std::string_view text, const std::string& path,
                                   Diagnostics& diags, const Limits& limits = {});
// Reads the file (refusing it before reading when it is larger than limits.max_bytes), then
// parse_text.
std::optional<Document> parse_file(const std::string& path, Diagnostics& diags,
                                   const Limits& limits = {});
// Reads a whole file of at most max_bytes; reports a missing/unreadable/too large file.
std::optional<std::string> read_file_text(const std::string& path, Diagnostics& diags,
                                          std::size_t max_bytes = Limits{}.max_bytes);

// The candidate closest to `word` by edit distance (ignoring case and '-' vs '_'), or ""
// when none is close enough to be a likely typo.
std::string_view closest(std::string_view word, std::span<const std::string_view> candidates);
std::string closest(std::string_view word, const std::vector<std::string>& candidates);
// "; did you mean 'x'?" or "".
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
// "a, b, c"
std::string join(std::span<const std::string_view> words);
std::string join(const std::vector<std::string>& words);

// "a string", "a number", "a map", "a list", "nothing" — for "expected …, got …".
std::string kind_name(const YAML::Node& n);
// A plain (unquoted) scalar, e.g. to tell `yes` from "yes".
bool is_plain_scalar(const YAML::Node& n);

class Fields;

// Typed reading with positioned errors. Scalars are taken as written for string fields (so
// `yes`, `on`, `13800001111` stay text); numbers, booleans and durations are parsed strictly.
// Every method reports its own problem and returns nullopt; none throws.
class Reader {
  public:
    Reader(const Document& doc, Diagnostics& diags, int max_errors = Limits{}.max_errors);

    const Document& doc() const { return doc_; }
    const std::string& path() const { return doc_.path(); }
    SourcePos pos(const YAML::Node& n) const { return doc_.pos(n); }
    void error(SourcePos at, std::string message);
    void error(const YAML::Node& at, std::string message) { error(pos(at), std::move(message)); }
    void warning(SourcePos at, std::string message);
    void warning(const YAML::Node& at, std::string message) {
        warning(pos(at), std::move(message));
    }
    // Any error reported through this reader.
    bool failed() const { return errors_ > 0; }

    std::optional<std::string> string(const YAML::Node& n, std::string_view what);
    std::optional<std::int64_t> integer(const YAML::Node& n, std::string_view what,
                                        std::int64_t min, std::int64_t max);
    std::optional<double> number(const YAML::Node& n, std::string_view what);
    std::optional<bool> boolean(const YAML::Node& n, std::string_view what);
    // A duration string ("30s", "1m30s") or a bare number of seconds.
    std::optional<Millis> duration(const YAML::Node& n, std::string_view what);
    // A string from a closed list ("unknown category 'x'; did you mean …? (allowed: …)").
    std::optional<std::string> one_of(const YAML::Node& n, std::string_view what,
                                      std::span<const std::string_view> allowed);
    // Reports "expected a map for 'what', got …" and returns false when n is not a map.
    bool expect_map(const YAML::Node& n, std::string_view what);
    bool expect_list(const YAML::Node& n, std::string_view what);
    // A list of strings; with scalar_ok a single scalar is taken as a one-item list.
    std::vector<std::string> string_list(const YAML::Node& n, std::string_view what,
                                         bool scalar_ok = false);
    // The same, each item checked against `allowed`.
    std::vector<std::string> enum_list(const YAML::Node& n, std::string_view what,
                                       std::span<const std::string_view> allowed,
                                       bool scalar_ok = false);

    // Field versions: look the key up in `f` (absent → nullopt, no error), errors on an empty
    // value point at the key.
    std::optional<std::string> string(const Fields& f, std::string_view key);
    std::optional<std::int64_t> integer(const Fields& f, std::string_view key, std::int64_t min,
                                        std::int64_t max);
    std::optional<bool> boolean(const Fields& f, std::string_view key);
    std::optional<Millis> duration(const Fields& f, std::string_view key);
    std::optional<std::string> one_of(const Fields& f, std::string_view key,
                                      std::span<const std::string_view> allowed,
                                      std::string_view what = {});

  private:
    bool scalar_or_error(const YAML::Node& n, std::string_view what, std::string_view expected);
    // The value of `key` in f; nullptr when absent (no error) or empty ("expected <expected>
    // for 'key', got nothing", reported at the key).
    const YAML::Node* field_value(const Fields& f, std::string_view key, std::string_view expected);

    const Document& doc_;
    Diagnostics& diags_;
    int max_errors_;
    int errors_ = 0;
    bool capped_ = false;
};

// The entries of one map, checked on construction: every key must be a plain scalar, and (unless
// `extra_ok`) one of `known`; an unknown key is reported with a "did you mean" (or the allowed
// list). `what` names the map in messages ("scenario", "actor 'owner'").
class Fields {
  public:
    struct Entry {
        std::string key;
        YAML::Node key_node;
        YAML::Node value;
        bool known = false;
    };

    Fields(Reader& r, const YAML::Node& map, std::string what,
           std::span<const std::string_view> known, bool extra_ok = false);

    // The value of `key` (the first one when duplicated), or nullptr when absent.
    const YAML::Node* get(std::string_view key) const;
    const Entry* entry(std::string_view key) const;
    bool has(std::string_view key) const { return entry(key) != nullptr; }
    // Reports "missing required key 'k' in <what>" at the map and returns false when absent.
    bool require(std::string_view key);
    const std::vector<Entry>& entries() const { return entries_; }
    const std::string& what() const { return what_; }
    SourcePos pos() const { return pos_; }
    bool is_map() const { return is_map_; }

  private:
    Reader& r_;
    std::string what_;
    SourcePos pos_;
    bool is_map_ = false;
    std::vector<Entry> entries_;
};

}  // namespace dd::yaml
