// Safe YAML reading: byte checks (size, UTF-8, control characters), a nesting pre-scan that runs
// before yaml-cpp recurses, yaml-cpp parsing with its errors turned into positioned diagnostics,
// a bounded walk of the tree (depth, alias expansion, cycles, duplicate keys), and the typed
// readers. Sections: helpers · byte checks · nesting pre-scan · tree walk · Document ·
// parse_text/parse_file · suggestions · Reader · Fields.
#include "common/yaml/yaml_safe.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

#include "common/yaml/text_util.h"

namespace dd::yaml {

namespace {

// ---------------------------------------------------------------- byte checks

struct ByteProblem {
    std::size_t offset = 0;
    std::string message;
};

std::string hex_byte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b);
    return buf;
}

// Strict UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF) and no control characters
// except tab, LF and CR, which is what YAML allows in a text file.
std::optional<ByteProblem> check_bytes(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        unsigned char b = p[i];
        if (b < 0x80) {
            if (b == 0)
                return ByteProblem{i,
                                   "binary data (a NUL byte); DeskDrill reads UTF-8 text files "
                                   "only — is this the right file?"};
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F)
                return ByteProblem{i, "control character " + hex_byte(b) +
                                          " is not allowed in a YAML text file; remove it"};
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            len = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            len = 3;
            if (b == 0xE0) lo = 0xA0;
            if (b == 0xED) hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            len = 4;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;
        }
        bool ok = len > 0 && i + len <= n;
        for (std::size_t k = 1; ok && k < len; ++k) {
            unsigned char c = p[i + k];
            unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
            if (c < l || c > h) ok = false;
        }
        if (!ok)
            return ByteProblem{
                i, "invalid UTF-8 (byte " + hex_byte(b) + "); save the file as UTF-8 text"};
        i += len;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------- nesting pre-scan

// A cheap, slightly generous estimate of collection nesting, run before yaml-cpp (whose parser
// recurses once per level). Block nesting follows indentation and `- `/`? ` indicators; flow
// nesting counts brackets outside quoted scalars and comments; block scalars (`|`, `>`) are
// skipped. It may be off by one or two on odd files — the exact check is the tree walk after
// parsing; this only has to stop 100k-deep input early and say where.
struct Prescan {
    std::optional<std::size_t> too_deep;       // offset where nesting passes the bound
    std::optional<std::size_t> too_many;       // offset where the node estimate passes it
    std::optional<std::size_t> unclosed_flow;  // offset of a '['/'{' still open at the end
    std::optional<std::size_t> first_content;  // offset of the first thing not a comment
    bool marker_after_content = false;         // a `---`/`...` line after some content
};

Prescan prescan(std::string_view s, int max_depth, std::size_t max_nodes) {
    Prescan result;
    std::size_t nodes = 0;               // an over-estimate: one per line, entry, key and flow item
    std::vector<std::size_t> block;      // indentation columns of open block levels
    std::vector<std::size_t> flow_open;  // offsets of the open '['/'{' (at most max_depth)
    int flow = 0;
    char quote = 0;
    bool in_block_scalar = false;
    std::size_t block_scalar_parent = 0;
    const auto too_deep_at = [](std::size_t offset) {
        Prescan r;
        r.too_deep = offset;
        return r;
    };
    const auto too_many_at = [](std::size_t offset) {
        Prescan r;
        r.too_many = offset;
        return r;
    };
    const auto too_deep = [&](int extra) {
        return static_cast<long>(block.size()) + flow + extra > max_depth;
    };
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t eol = s.find('\n', i);
        if (eol == std::string_view::npos) eol = s.size();
        std::string_view line = s.substr(i, eol - i);
        const std::size_t base = i;
        i = eol + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::size_t ind = 0;
        while (ind < line.size() && line[ind] == ' ') ++ind;
        if (in_block_scalar) {
            if (ind == line.size() || ind > block_scalar_parent) continue;
            in_block_scalar = false;
        }
        std::size_t p = 0;
        if (quote == 0 && flow == 0) {
            if (ind == line.size() || line[ind] == '#') continue;
            if (++nodes > max_nodes) return too_many_at(base + ind);
            const bool directive = ind == 0 && line[0] == '%';
            const bool marker = ind == 0 &&
                                (line.substr(0, 3) == "---" || line.substr(0, 3) == "...") &&
                                (line.size() == 3 || line[3] == ' ' || line[3] == '\t');
            if (!result.first_content && !directive && !marker) result.first_content = base + ind;
            if (directive) continue;
            if (marker) {
                if (result.first_content) result.marker_after_content = true;
                block.clear();
                p = 3;
            } else {
                while (!block.empty() && block.back() >= ind) block.pop_back();
                block.push_back(ind);
                if (too_deep(0)) return too_deep_at(base + ind);
                p = ind;
                // Compact nesting on one line: "- - - x", "? - x", "- key:".
                while (p < line.size() && (line[p] == '-' || line[p] == '?') &&
                       (p + 1 == line.size() || line[p + 1] == ' ')) {
                    ++p;
                    ++nodes;
                    while (p < line.size() && line[p] == ' ') ++p;
                    if (p < line.size() && line[p] != '#') {
                        block.push_back(p);
                        if (too_deep(0)) return too_deep_at(base + p);
                    }
                }
                // A flow collection starting the content is counted as flow, not as a level.
                if (p < line.size() && (line[p] == '[' || line[p] == '{') && !block.empty() &&
                    block.back() == p)
                    block.pop_back();
            }
        }
        bool value_start = true;
        while (p < line.size()) {
            const char c = line[p];
            if (quote) {
                if (quote == '"' && c == '\\') {
                    p += 2;
                    continue;
                }
                if (c == quote) {
                    if (quote == '\'' && p + 1 < line.size() && line[p + 1] == '\'') {
                        p += 2;
                        continue;
                    }
                    quote = 0;
                    value_start = false;
                }
                ++p;
                continue;
            }
            if (c == ' ' || c == '\t') {
                ++p;
                continue;
            }
            if (c == '#' && (p == 0 || line[p - 1] == ' ' || line[p - 1] == '\t')) break;
            if (flow > 0) {
                if (c == '[' || c == '{') {
                    ++flow;
                    if (too_deep(0)) return too_deep_at(base + p);
                    flow_open.push_back(base + p);
                    value_start = true;
                } else if (c == ']' || c == '}') {
                    --flow;
                    if (!flow_open.empty()) flow_open.pop_back();
                    value_start = false;
                } else if (c == ',' || c == ':' || c == '?') {
                    value_start = true;
                    if (++nodes > max_nodes) return too_many_at(base + p);
                } else if ((c == '"' || c == '\'') && value_start) {
                    quote = c;
                } else if ((c == '&' || c == '!' || c == '*') && value_start) {
                    while (p + 1 < line.size() && line[p + 1] != ' ' && line[p + 1] != ',' &&
                           line[p + 1] != ']' && line[p + 1] != '}')
                        ++p;
                } else {
                    value_start = false;
                }
                ++p;
                continue;
            }
            if (value_start) {
                if (c == '[' || c == '{') {
                    flow = 1;
                    if (too_deep(0)) return too_deep_at(base + p);
                    flow_open.assign(1, base + p);
                    ++p;
                    continue;
                }
                if (c == '"' || c == '\'') {
                    quote = c;
                    ++p;
                    continue;
                }
                if (c == '|' || c == '>') {
                    in_block_scalar = true;
                    block_scalar_parent = ind;
                    break;
                }
                if (c == '&' || c == '!') {
                    while (p < line.size() && line[p] != ' ') ++p;
                    continue;
                }
                value_start = false;
            }
            if (c == ':' && (p + 1 == line.size() || line[p + 1] == ' ' || line[p + 1] == '\t')) {
                value_start = true;
                ++nodes;
            }
            ++p;
        }
    }
    if (flow > 0 && !flow_open.empty()) result.unclosed_flow = flow_open.back();
    return result;
}

// ---------------------------------------------------------------- tree walk

// Visits the tree with aliases expanded (yaml-cpp shares aliased nodes, so a billion-laughs file
// is small in memory but huge to walk), stopping past a visit budget or a depth bound; reports
// alias cycles (`&a [*a]` makes a node contain itself) and duplicate keys.
class Walker {
  public:
    Walker(const Document& doc, Diagnostics& diags, const Limits& limits)
        : doc_(doc), diags_(diags), limits_(limits) {}

    // False when the tree must be refused (too deep, too big, cyclic).
    bool run(const YAML::Node& root) {
        walk(root, 0);
        if (dup_count_ > kMaxDupReports)
            diags_.error(
                doc_.path(), dup_overflow_pos_,
                "... and " + std::to_string(dup_count_ - kMaxDupReports) + " more duplicate keys");
        return !fatal_;
    }

  private:
    static constexpr int kMaxDupReports = 20;

    void walk(const YAML::Node& n, int depth) {
        if (fatal_) return;
        if (++visits_ > limits_.max_nodes) {
            fatal(n, "the document expands to more than " + std::to_string(limits_.max_nodes) +
                         " nodes (an alias expansion bomb?); DeskDrill files are far smaller — "
                         "remove the repeated aliases");
            return;
        }
        if (!n.IsMap() && !n.IsSequence()) return;
        for (const auto& a : ancestors_) {
            if (a.is(n)) {
                fatal(n,
                      "an alias refers to a node that contains it (a cycle); replace the alias "
                      "with the content it should have");
                return;
            }
        }
        if (depth + 1 > limits_.max_depth) {
            fatal(n, "nesting deeper than " + std::to_string(limits_.max_depth) +
                         " levels; DeskDrill files need a handful — flatten the structure");
            return;
        }
        ancestors_.push_back(n);
        if (n.IsSequence()) {
            for (const auto& item : n) {
                walk(item, depth + 1);
                if (fatal_) break;
            }
        } else {
            check_duplicates(n);
            for (const auto& kv : n) {
                walk(kv.first, depth + 1);
                if (fatal_) break;
                walk(kv.second, depth + 1);
                if (fatal_) break;
            }
        }
        ancestors_.pop_back();
    }

    void check_duplicates(const YAML::Node& map) {
        // An aliased map is shared: check each one once (its mark identifies it).
        const YAML::Mark m = map.Mark();
        if (!checked_maps_.insert(m.pos).second) return;
        std::unordered_map<std::string, YAML::Mark> seen;
        for (const auto& kv : map) {
            if (!kv.first.IsScalar()) continue;
            const std::string& key = kv.first.Scalar();
            auto [it, fresh] = seen.emplace(key, kv.first.Mark());
            if (fresh) continue;
            ++dup_count_;
            if (dup_count_ <= kMaxDupReports) {
                diags_.error(doc_.path(), doc_.pos(kv.first),
                             "duplicate key " + squote(key) + " (first at line " +
                                 std::to_string(doc_.pos(it->second).line) + "); keep only one");
            } else if (dup_count_ == kMaxDupReports + 1) {
                dup_overflow_pos_ = doc_.pos(kv.first);
            }
        }
    }

    void fatal(const YAML::Node& at, std::string message) {
        fatal_ = true;
        diags_.error(doc_.path(), doc_.pos(at), std::move(message));
    }

    const Document& doc_;
    Diagnostics& diags_;
    const Limits& limits_;
    std::size_t visits_ = 0;
    bool fatal_ = false;
    std::vector<YAML::Node> ancestors_;
    std::unordered_set<int> checked_maps_;
    int dup_count_ = 0;
    SourcePos dup_overflow_pos_;
};

// Where a second document with content starts, if there is one. At most two documents are
// read, so the LoadAll loop of yaml-cpp 0.7 cannot happen here.
class DocumentCounter : public YAML::EventHandler {
  public:
    int docs = 0;
    bool content_in_second = false;
    YAML::Mark second_mark;
    void OnDocumentStart(const YAML::Mark& m) override {
        if (++docs == 2) second_mark = m;
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { content(m); }
    void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  const std::string&) override {
        content(m);
    }
    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        content(m);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        content(m);
    }
    void OnMapEnd() override {}

  private:
    void content(const YAML::Mark& m) {
        if (docs == 2 && !content_in_second) {
            content_in_second = true;
            second_mark = m;
        }
    }
};

std::optional<YAML::Mark> second_document(const std::string& text) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentCounter counter;
    for (int i = 0; i < 2 && parser.HandleNextDocument(counter); ++i) {
    }
    if (counter.content_in_second) return counter.second_mark;
    return std::nullopt;
}

// yaml-cpp's messages are terse; say what to do about the common ones. `unclosed` is where the
// pre-scan saw a bracket left open, if any.
std::string explain_syntax(const std::string& msg, std::optional<SourcePos> unclosed) {
    if (unclosed &&
        (msg == YAML::ErrorMsg::END_OF_MAP_FLOW || msg == YAML::ErrorMsg::END_OF_SEQ_FLOW))
        return "YAML syntax error: " + msg + "; the '" +
               (msg == YAML::ErrorMsg::END_OF_MAP_FLOW ? "{" : "[") + "' at line " +
               std::to_string(unclosed->line) + ", column " + std::to_string(unclosed->col) +
               " is not closed";
    static const std::pair<std::string_view, std::string_view> kHints[] = {
        {YAML::ErrorMsg::MAP_VALUE, "; quote text that contains ': ', or check the indentation"},
        {YAML::ErrorMsg::END_OF_MAP, "; check the indentation of the lines above"},
        {YAML::ErrorMsg::END_OF_SEQ, "; check the indentation of the '- ' items"},
        {YAML::ErrorMsg::END_OF_MAP_FLOW, "; a '{' is not closed by '}'"},
        {YAML::ErrorMsg::END_OF_SEQ_FLOW, "; a '[' is not closed by ']'"},
        {YAML::ErrorMsg::TAB_IN_INDENTATION, "; indent with spaces, not tabs"},
        {YAML::ErrorMsg::BLOCK_ENTRY, "; a '- ' item is not aligned with its list"},
        {YAML::ErrorMsg::EOF_IN_SCALAR, "; a quoted text is not closed"},
        {YAML::ErrorMsg::UNKNOWN_ANCHOR, "; define '&name' before using '*name'"},
        {YAML::ErrorMsg::BAD_FILE, "; the file nests too deeply or is damaged"},
    };
    for (const auto& [text, hint] : kHints)
        if (msg == text) return "YAML syntax error: " + msg + std::string(hint);
    return "YAML syntax error: " + msg;
}

}  // namespace

// ---------------------------------------------------------------- Document

Document::Document(YAML::Node root, std::string path, std::string text)
    : root_(std::move(root)), path_(std::move(path)), text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

SourcePos Document::pos_of_offset(std::size_t offset) const {
    if (line_starts_.empty()) return {1, 1};
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
    return {static_cast<int>(line + 1),
            static_cast<int>(count_chars(std::string_view(text_).substr(
                                 line_starts_[line], offset - line_starts_[line])) +
                             1)};
}

SourcePos Document::pos(const YAML::Mark& m) const {
    if (m.is_null() || m.pos < 0 || m.line < 0) return {};
    return pos_of_offset(static_cast<std::size_t>(m.pos));
}

SourcePos Document::pos(const YAML::Node& n) const {
    if (!n.IsDefined()) return {};
    return pos(n.Mark());
}

// ---------------------------------------------------------------- parse

std::optional<Document> parse_text(std::string_view text, const std::string& path,
                                   Diagnostics& diags, const Limits& limits) {
    if (text.size() > limits.max_bytes) {
        diags.error(path, {},
                    "file is too large (" + format_size(text.size()) + "); the limit is " +
                        format_size(limits.max_bytes) + " — split it into several files");
        return std::nullopt;
    }
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    // The Document owns the text so positions can be turned into character columns.
    Document doc(YAML::Node(), path, std::string(text));
    if (text.empty()) {
        diags.error(path, {}, "file is empty; write the YAML content");
        return std::nullopt;
    }
    if (auto bad = check_bytes(text)) {
        diags.error(path, doc.pos_of_offset(bad->offset), bad->message);
        return std::nullopt;
    }
    const Prescan scan = prescan(text, limits.max_depth, limits.max_written_nodes);
    if (scan.too_many) {
        diags.error(path, doc.pos_of_offset(*scan.too_many),
                    "more than " + std::to_string(limits.max_written_nodes) +
                        " YAML values in the file; DeskDrill files have a few thousand — split "
                        "it into several files");
        return std::nullopt;
    }
    if (scan.too_deep) {
        diags.error(path, doc.pos_of_offset(*scan.too_deep),
                    "nesting deeper than " + std::to_string(limits.max_depth) +
                        " levels; DeskDrill files need a handful — flatten the structure");
        return std::nullopt;
    }
    // YAML::Load, never LoadAll: in yaml-cpp 0.7 LoadAll loops forever (allocating) when a
    // document starts with a token the parser does not consume, e.g. a stray ',' (yaml-cpp
    // issue #1040, fixed upstream in PR #1319). A second document is looked for separately.
    YAML::Node root;
    try {
        root = YAML::Load(doc.text());
        if (scan.marker_after_content) {
            if (auto second = second_document(doc.text())) {
                diags.error(path, doc.pos(*second),
                            "more than one YAML document ('---') in the file; keep one per "
                            "file");
                return std::nullopt;
            }
        }
    } catch (const YAML::Exception& e) {
        std::optional<SourcePos> unclosed;
        if (scan.unclosed_flow) unclosed = doc.pos_of_offset(*scan.unclosed_flow);
        diags.error(path, doc.pos(e.mark), explain_syntax(e.msg, unclosed));
        return std::nullopt;
    } catch (const std::exception& e) {
        diags.error(path, {}, std::string("cannot read the YAML: ") + e.what());
        return std::nullopt;
    }
    if (!root.IsDefined() || root.IsNull()) {
        // Either nothing but comments, or content yaml-cpp could not start a value with.
        const std::size_t at = scan.first_content.value_or(text.size());
        const std::string_view rest = text.substr(std::min(at, text.size()));
        const bool null_literal = rest.empty() || rest.front() == '~' ||
                                  rest.substr(0, 4) == "null" || rest.substr(0, 4) == "Null" ||
                                  rest.substr(0, 4) == "NULL";
        if (null_literal) {
            diags.error(path, {}, "file has no content (only comments or blank lines)");
        } else {
            diags.error(path, doc.pos_of_offset(at),
                        std::string("YAML syntax error: no value can start here") +
                            (rest.front() == ',' ? "; remove the ',' or quote the text" : ""));
        }
        return std::nullopt;
    }
    doc.root_ = root;
    try {
        Walker walker(doc, diags, limits);
        if (!walker.run(doc.root())) return std::nullopt;
    } catch (const std::exception& e) {
        diags.error(path, {}, std::string("cannot read the YAML: ") + e.what());
        return std::nullopt;
    }
    return doc;
}

std::optional<std::string> read_file_text(const std::string& path, Diagnostics& diags,
                                          std::size_t max_bytes) {
    // Opened without blocking and checked before a byte is read: a FIFO, a device or a socket
    // named as an input would otherwise hang or never end.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        if (e == ENOENT || e == ENOTDIR)
            diags.error(path, {}, "cannot open the file: no such file");
        else if (e == EACCES || e == EPERM)
            diags.error(path, {}, "cannot open the file: permission denied");
        else
            diags.error(path, {}, std::string("cannot open the file: ") + std::strerror(e));
        return std::nullopt;
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        diags.error(path, {}, std::string("cannot read the file: ") + std::strerror(errno));
        return std::nullopt;
    }
    if (S_ISDIR(st.st_mode)) {
        diags.error(path, {}, "is a folder, not a file");
        return std::nullopt;
    }
    if (!S_ISREG(st.st_mode)) {
        diags.error(path, {},
                    "is not a regular file (a pipe, device or socket); give the path of a file");
        return std::nullopt;
    }
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
        diags.error(path, {},
                    "file is too large (" + format_size(static_cast<std::size_t>(st.st_size)) +
                        "); the limit is " + format_size(max_bytes) +
                        " — split it into several files");
        return std::nullopt;
    }
    // Read at most one byte past the limit: a file that grows while read must not fill memory.
    std::string text;
    char buf[1 << 16];
    while (text.size() <= max_bytes) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            diags.error(path, {}, std::string("cannot read the file: ") + std::strerror(errno));
            return std::nullopt;
        }
        if (n == 0) break;
        text.append(buf, static_cast<std::size_t>(n));
    }
    if (text.size() > max_bytes) {
        diags.error(path, {},
                    "file is too large (more than " + format_size(max_bytes) +
                        "); split it into several files");
        return std::nullopt;
    }
    return text;
}

std::optional<Document> parse_file(const std::string& path, Diagnostics& diags,
                                   const Limits& limits) {
    auto text = read_file_text(path, diags, limits.max_bytes);
    if (!text) return std::nullopt;
    return parse_text(*text, path, diags, limits);
}

// ---------------------------------------------------------------- suggestions

namespace {

std::string fold_key(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c == '-') c = '_';
    }
    return out;
}

// Optimal string alignment distance: a swap of two letters counts as one edit.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        prev2.swap(prev);
        prev.swap(cur);
    }
    return prev[m];
}

template <typename Range>
std::string closest_in(std::string_view word, const Range& candidates) {
    if (word.empty() || word.size() > 64) return {};
    const std::string w = fold_key(word);
    std::size_t best = SIZE_MAX;
    std::string best_word;
    for (const auto& c : candidates) {
        const std::string_view cv(c);
        if (cv.size() > 64) continue;
        const std::size_t d = edit_distance(w, fold_key(cv));
        if (d < best) {
            best = d;
            best_word = std::string(cv);
        }
    }
    const std::size_t len = w.size();
    const std::size_t allowed = len <= 4 ? 1 : len <= 8 ? 2 : 3;
    if (best > allowed || best >= len) return {};
    return best_word;
}

}  // namespace

std::string_view closest(std::string_view word, std::span<const std::string_view> candidates) {
    const std::string best = closest_in(word, candidates);
    for (const auto& c : candidates)
        if (c == best) return c;
    return {};
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
    return closest_in(word, candidates);
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
    const auto c = closest(word, candidates);
    return c.empty() ? std::string() : "; did you mean " + squote(c) + "?";
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    const auto c = closest(word, candidates);
    return c.empty() ? std::string() : "; did you mean " + squote(c) + "?";
}

namespace {
template <typename Range>
std::string join_range(const Range& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += ", ";
        out += w;
    }
    return out;
}
}  // namespace

std::string join(std::span<const std::string_view> words) {
    return join_range(words);
}

std::string join(const std::vector<std::string>& words) {
    return join_range(words);
}

std::string kind_name(const YAML::Node& n) {
    if (!n.IsDefined() || n.IsNull()) return "nothing";
    if (n.IsMap()) return "a map";
    if (n.IsSequence()) return "a list";
    if (n.IsScalar()) return "'" + truncate_for_message(n.Scalar()) + "'";
    return "something else";
}

bool is_plain_scalar(const YAML::Node& n) {
    return n.IsScalar() && n.Tag() == "?";
}

// ---------------------------------------------------------------- Reader

Reader::Reader(const Document& doc, Diagnostics& diags, int max_errors)
    : doc_(doc), diags_(diags), max_errors_(max_errors) {}

void Reader::error(SourcePos at, std::string message) {
    ++errors_;
    if (capped_) return;
    if (errors_ > max_errors_) {
        capped_ = true;
        diags_.error(path(), at,
                     "too many errors (more than " + std::to_string(max_errors_) +
                         "); stopping here — fix these first");
        return;
    }
    diags_.error(path(), at, std::move(message));
}

void Reader::warning(SourcePos at, std::string message) {
    if (capped_) return;
    diags_.warning(path(), at, std::move(message));
}

bool Reader::scalar_or_error(const YAML::Node& n, std::string_view what,
                             std::string_view expected) {
    if (n.IsScalar()) return true;
    error(n,
          "expected " + std::string(expected) + " for " + squote(what) + ", got " + kind_name(n));
    return false;
}

std::optional<std::string> Reader::string(const YAML::Node& n, std::string_view what) {
    if (!scalar_or_error(n, what, "a string")) return std::nullopt;
    // The byte scan refuses control characters as written; an escape in a quoted scalar ("\e",
    // "\a", "\0") makes one only now. Tab and newline are text; nothing else may reach a
    // terminal or a report.
    for (unsigned char c : n.Scalar()) {
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
            error(n, "control character " + hex_byte(c) + " in " + squote(what) +
                         " (written as an escape); remove it");
            return std::nullopt;
        }
    }
    return n.Scalar();
}

std::optional<std::int64_t> Reader::integer(const YAML::Node& n, std::string_view what,
                                            std::int64_t min, std::int64_t max) {
    if (!scalar_or_error(n, what, "a whole number")) return std::nullopt;
    std::string_view s = n.Scalar();
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    std::int64_t v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec == std::errc::invalid_argument || ptr != s.data() + s.size()) {
        error(n, "expected a whole number for " + squote(what) + ", got " + kind_name(n));
        return std::nullopt;
    }
    if (ec == std::errc::result_out_of_range || v < min || v > max) {
        std::string range = max == INT64_MAX   ? "must be at least " + std::to_string(min)
                            : min == INT64_MIN ? "must be at most " + std::to_string(max)
                                               : "must be between " + std::to_string(min) +
                                                     " and " + std::to_string(max);
        error(n, squote(what) + " " + range + ", got " + truncate_for_message(n.Scalar()));
        return std::nullopt;
    }
    return v;
}

std::optional<double> Reader::number(const YAML::Node& n, std::string_view what) {
    if (!scalar_or_error(n, what, "a number")) return std::nullopt;
    const std::string& s = n.Scalar();
    bool digits = false, dot = false, ok = !s.empty();
    for (std::size_t i = 0; ok && i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            digits = true;
        } else if (c == '.' && !dot) {
            dot = true;
        } else if ((c == '-' || c == '+') && i == 0) {
        } else {
            ok = false;
        }
    }
    if (!ok || !digits || s.size() > 32) {
        error(n, "expected a number for " + squote(what) + ", got " + kind_name(n));
        return std::nullopt;
    }
    return std::strtod(s.c_str(), nullptr);
}

std::optional<bool> Reader::boolean(const YAML::Node& n, std::string_view what) {
    if (!scalar_or_error(n, what, "true or false")) return std::nullopt;
    // YAML 1.2 booleans only: editors (and the JSON Schema) read `yes`/`on` as text, so the
    // loader does too rather than guessing.
    static const std::set<std::string, std::less<>> kTrue = {"true", "True", "TRUE"};
    static const std::set<std::string, std::less<>> kFalse = {"false", "False", "FALSE"};
    if (kTrue.count(n.Scalar())) return true;
    if (kFalse.count(n.Scalar())) return false;
    error(n, "expected true or false for " + squote(what) + ", got " + kind_name(n));
    return std::nullopt;
}

std::optional<Millis> Reader::duration(const YAML::Node& n, std::string_view what) {
    if (!scalar_or_error(n, what, "a duration")) return std::nullopt;
    if (auto d = parse_duration(n.Scalar())) return d;
    error(n, "expected a duration like 30s, 2m or 1h30m for " + squote(what) + ", got " +
                 kind_name(n));
    return std::nullopt;
}

std::optional<std::string> Reader::one_of(const YAML::Node& n, std::string_view what,
                                          std::span<const std::string_view> allowed) {
    auto s = string(n, what);
    if (!s) return std::nullopt;
    if (std::find(allowed.begin(), allowed.end(), *s) != allowed.end()) return s;
    error(n, "unknown " + std::string(what) + " " + squote(*s) + did_you_mean(*s, allowed) +
                 " (allowed: " + join(allowed) + ")");
    return std::nullopt;
}

bool Reader::expect_map(const YAML::Node& n, std::string_view what) {
    if (n.IsMap()) return true;
    error(n, "expected a map for " + squote(what) + ", got " + kind_name(n));
    return false;
}

bool Reader::expect_list(const YAML::Node& n, std::string_view what) {
    if (n.IsSequence()) return true;
    error(n, "expected a list for " + squote(what) + ", got " + kind_name(n));
    return false;
}

std::vector<std::string> Reader::string_list(const YAML::Node& n, std::string_view what,
                                             bool scalar_ok) {
    std::vector<std::string> out;
    if (scalar_ok && n.IsScalar()) {
        out.push_back(n.Scalar());
        return out;
    }
    if (!expect_list(n, what)) return out;
    std::size_t i = 0;
    for (const auto& item : n) {
        if (auto s = string(item, std::string(what) + "[" + std::to_string(i) + "]"))
            out.push_back(std::move(*s));
        ++i;
    }
    return out;
}

std::vector<std::string> Reader::enum_list(const YAML::Node& n, std::string_view what,
                                           std::span<const std::string_view> allowed,
                                           bool scalar_ok) {
    std::vector<std::string> out;
    if (scalar_ok && n.IsScalar()) {
        if (auto s = one_of(n, what, allowed)) out.push_back(std::move(*s));
        return out;
    }
    if (!expect_list(n, what)) return out;
    for (const auto& item : n)
        if (auto s = one_of(item, what, allowed)) out.push_back(std::move(*s));
    return out;
}

const YAML::Node* Reader::field_value(const Fields& f, std::string_view key,
                                      std::string_view expected) {
    const auto* e = f.entry(key);
    if (!e) return nullptr;
    // An empty value (`key:`) has yaml-cpp's mark at the next token; point at the key instead.
    if (e->value.IsNull()) {
        error(e->key_node,
              "expected " + std::string(expected) + " for " + squote(key) + ", got nothing");
        return nullptr;
    }
    return &e->value;
}

std::optional<std::string> Reader::string(const Fields& f, std::string_view key) {
    const auto* v = field_value(f, key, "a string");
    if (!v) return std::nullopt;
    return string(*v, key);
}

std::optional<std::int64_t> Reader::integer(const Fields& f, std::string_view key, std::int64_t min,
                                            std::int64_t max) {
    const auto* v = field_value(f, key, "a whole number");
    if (!v) return std::nullopt;
    return integer(*v, key, min, max);
}

std::optional<bool> Reader::boolean(const Fields& f, std::string_view key) {
    const auto* v = field_value(f, key, "true or false");
    if (!v) return std::nullopt;
    return boolean(*v, key);
}

std::optional<Millis> Reader::duration(const Fields& f, std::string_view key) {
    const auto* v = field_value(f, key, "a duration");
    if (!v) return std::nullopt;
    return duration(*v, key);
}

std::optional<std::string> Reader::one_of(const Fields& f, std::string_view key,
                                          std::span<const std::string_view> allowed,
                                          std::string_view what) {
    const auto* v = field_value(f, key, "one of " + join(allowed));
    if (!v) return std::nullopt;
    return one_of(*v, what.empty() ? key : what, allowed);
}

// ---------------------------------------------------------------- Fields

Fields::Fields(Reader& r, const YAML::Node& map, std::string what,
               std::span<const std::string_view> known, bool extra_ok)
    : r_(r), what_(std::move(what)), pos_(r.pos(map)) {
    if (!map.IsMap()) {
        r.error(map, "expected a map for " + what_ + ", got " + kind_name(map));
        return;
    }
    is_map_ = true;
    entries_.reserve(map.size());
    for (const auto& kv : map) {
        if (!kv.first.IsScalar()) {
            r.error(kv.first,
                    "keys in " + what_ + " must be plain names, got " + kind_name(kv.first));
            continue;
        }
        Entry e{kv.first.Scalar(), kv.first, kv.second, false};
        e.known = std::find(known.begin(), known.end(), e.key) != known.end();
        if (!e.known && !extra_ok) {
            if (e.key == "<<")
                r.error(kv.first, "merge keys ('<<') are not supported; write the keys out");
            else if (auto hint = did_you_mean(e.key, known); !hint.empty())
                r.error(kv.first, "unknown key " + squote(e.key) + " in " + what_ + hint);
            else
                r.error(kv.first, "unknown key " + squote(e.key) + " in " + what_ +
                                      " (allowed: " + join(known) + ")");
        }
        entries_.push_back(std::move(e));
    }
}

const Fields::Entry* Fields::entry(std::string_view key) const {
    for (const auto& e : entries_)
        if (e.key == key) return &e;
    return nullptr;
}

const YAML::Node* Fields::get(std::string_view key) const {
    const auto* e = entry(key);
    return e ? &e->value : nullptr;
}

bool Fields::require(std::string_view key) {
    if (!is_map_) return false;
    if (has(key)) return true;
    r_.error(pos_, "missing required key " + squote(key) + " in " + what_);
    return false;
}

}  // namespace dd::yaml
