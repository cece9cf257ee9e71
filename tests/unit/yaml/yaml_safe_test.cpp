// The YAML safety layer: positions (character columns), syntax errors, duplicate keys, the typed
// readers' messages, unknown keys with "did you mean", YAML 1.1 booleans taken as text.
#include "common/yaml/yaml_safe.h"

#include <gtest/gtest.h>

#include <array>

namespace dd::yaml {
namespace {

// Parses and returns the formatted diagnostics ("" when clean).
std::string problems(std::string_view text, std::optional<Document>* out = nullptr) {
    Diagnostics d;
    auto doc = parse_text(text, "t.yaml", d);
    if (out) *out = std::move(doc);
    return d.to_string();
}

TEST(YamlSafe, ParsesAndPointsWithCharacterColumns) {
    std::optional<Document> doc;
    ASSERT_EQ(problems("title: 中文\n说明: x\n", &doc), "");
    ASSERT_TRUE(doc);
    const YAML::Node root = doc->root();
    // yaml-cpp counts bytes; editors count characters: "说明: " is 4 characters, not 8 bytes.
    for (const auto& kv : root) {
        if (kv.first.Scalar() == "说明") {
            EXPECT_EQ(doc->pos(kv.second).line, 2);
            EXPECT_EQ(doc->pos(kv.second).col, 5);
        }
    }
}

TEST(YamlSafe, SkipsUtf8Bom) {
    std::optional<Document> doc;
    ASSERT_EQ(problems("\xEF\xBB\xBFid: x\n", &doc), "");
    EXPECT_EQ(doc->root()["id"].Scalar(), "x");
    EXPECT_EQ(doc->pos(doc->root()["id"]).col, 5);
}

TEST(YamlSafe, SyntaxErrorHasPlaceAndHint) {
    EXPECT_EQ(problems("a: [1, 2\nb: 3\n"),
              "t.yaml:2:2: error: YAML syntax error: end of sequence flow not found; the '[' at "
              "line 1, column 4 is not closed\n");
    EXPECT_EQ(problems("a: b: c\n"),
              "t.yaml:1:5: error: YAML syntax error: illegal map value; quote text that "
              "contains ': ', or check the indentation\n");
}

TEST(YamlSafe, TabIndentationExplained) {
    const std::string out = problems("a:\n\tb: 1\n");
    EXPECT_NE(out.find("t.yaml:2:"), std::string::npos) << out;
    EXPECT_NE(out.find("error: YAML syntax error"), std::string::npos) << out;
}

TEST(YamlSafe, DuplicateKeyReportsSecondWithFirstLine) {
    std::optional<Document> doc;
    EXPECT_EQ(problems("id: a\ntitle: x\nid: b\n", &doc),
              "t.yaml:3:1: error: duplicate key 'id' (first at line 1); keep only one\n");
    EXPECT_TRUE(doc) << "a duplicate key leaves a usable tree, so loaders can report more";
}

TEST(YamlSafe, DuplicateKeysInNestedMaps) {
    EXPECT_EQ(problems("a:\n  x: 1\n  y: 2\n  x: 3\n"),
              "t.yaml:4:3: error: duplicate key 'x' (first at line 2); keep only one\n");
}

TEST(YamlSafe, MoreThanOneDocumentRefused) {
    EXPECT_EQ(problems("a: 1\n---\nb: 2\n"),
              "t.yaml:3:1: error: more than one YAML document ('---') in the file; keep one "
              "per file\n");
}

TEST(YamlSafe, EmptySecondDocumentIsFine) {
    std::optional<Document> doc;
    EXPECT_EQ(problems("---\na: 1\n---\n", &doc), "");
    EXPECT_TRUE(doc);
}

TEST(YamlSafe, CommentsOnlyRefused) {
    EXPECT_EQ(problems("# nothing here\n\n"),
              "t.yaml: error: file has no content (only comments or blank lines)\n");
}

TEST(YamlSafe, AliasCycleRefused) {
    EXPECT_EQ(problems("a: &x [1, *x]\n"),
              "t.yaml:1:4: error: an alias refers to a node that contains it (a cycle); "
              "replace the alias with the content it should have\n");
}

TEST(YamlSafe, MissingFileReported) {
    Diagnostics d;
    EXPECT_FALSE(parse_file("/nonexistent/x.yaml", d));
    EXPECT_EQ(d.to_string(), "/nonexistent/x.yaml: error: cannot open the file: no such file\n");
}

TEST(YamlSafe, FolderIsNotAFile) {
    Diagnostics d;
    EXPECT_FALSE(parse_file(DESKDRILL_TESTS_DIR, d));
    EXPECT_NE(d.to_string().find("is a folder, not a file"), std::string::npos);
}

TEST(Suggestions, ClosestByEditDistance) {
    constexpr std::array<std::string_view, 4> keys = {"title", "category", "used_for", "id"};
    EXPECT_EQ(closest("titel", keys), "title");
    EXPECT_EQ(closest("catgory", keys), "category");
    EXPECT_EQ(closest("used-for", keys), "used_for");
    EXPECT_EQ(closest("Title", keys), "title");
    EXPECT_EQ(closest("zzzzzz", keys), "");
    EXPECT_EQ(closest("ix", keys), "id");
    EXPECT_EQ(closest(std::string(1000, 'x'), keys), "") << "no quadratic work on huge keys";
    EXPECT_EQ(did_you_mean("titel", keys), "; did you mean 'title'?");
}

// The typed readers, each with its message.
class ReaderTest : public ::testing::Test {
  protected:
    std::string read(std::string_view text, const std::function<void(Reader&, Fields&)>& fn) {
        Diagnostics d;
        auto doc = parse_text(text, "r.yaml", d);
        if (!doc) return d.to_string();
        Reader r(*doc, d);
        static constexpr std::array<std::string_view, 6> known = {"s", "n", "b", "d", "l", "e"};
        Fields f(r, doc->root(), "the test map", known);
        fn(r, f);
        return d.to_string();
    }
};

TEST_F(ReaderTest, StringTakesScalarsAsWritten) {
    std::string got;
    EXPECT_EQ(read("s: yes\n", [&](Reader& r, Fields& f) { got = *r.string(f, "s"); }), "");
    EXPECT_EQ(got, "yes") << "a YAML 1.1 boolean in a string field stays text";
    EXPECT_EQ(read("s: 13800001111\n", [&](Reader& r, Fields& f) { got = *r.string(f, "s"); }), "");
    EXPECT_EQ(got, "13800001111");
}

TEST_F(ReaderTest, WrongTypeNamesWhatItGot) {
    EXPECT_EQ(read("s: {a: 1}\n", [](Reader& r, Fields& f) { r.string(f, "s"); }),
              "r.yaml:1:4: error: expected a string for 's', got a map\n");
    EXPECT_EQ(read("s: [1]\n", [](Reader& r, Fields& f) { r.string(f, "s"); }),
              "r.yaml:1:4: error: expected a string for 's', got a list\n");
    EXPECT_EQ(read("s:\nn: 1\n", [](Reader& r, Fields& f) { r.string(f, "s"); }),
              "r.yaml:1:1: error: expected a string for 's', got nothing\n");
}

TEST_F(ReaderTest, IntegerStrictAndInRange) {
    EXPECT_EQ(read("n: 2.5\n", [](Reader& r, Fields& f) { r.integer(f, "n", 1, 5); }),
              "r.yaml:1:4: error: expected a whole number for 'n', got '2.5'\n");
    EXPECT_EQ(read("n: 7\n", [](Reader& r, Fields& f) { r.integer(f, "n", 1, 5); }),
              "r.yaml:1:4: error: 'n' must be between 1 and 5, got 7\n");
    EXPECT_EQ(read("n: 0\n", [](Reader& r, Fields& f) { r.integer(f, "n", 1, INT64_MAX); }),
              "r.yaml:1:4: error: 'n' must be at least 1, got 0\n");
    EXPECT_EQ(read("n: 99999999999999999999999\n",
                   [](Reader& r, Fields& f) { r.integer(f, "n", 0, 100); }),
              "r.yaml:1:4: error: 'n' must be between 0 and 100, got 99999999999999999999999\n");
    std::int64_t v = 0;
    EXPECT_EQ(read("n: +3\n", [&](Reader& r, Fields& f) { v = *r.integer(f, "n", 1, 5); }), "");
    EXPECT_EQ(v, 3);
}

TEST_F(ReaderTest, BooleanIsYaml12) {
    EXPECT_EQ(read("b: yes\n", [](Reader& r, Fields& f) { r.boolean(f, "b"); }),
              "r.yaml:1:4: error: expected true or false for 'b', got 'yes'\n");
    bool v = false;
    EXPECT_EQ(read("b: true\n", [&](Reader& r, Fields& f) { v = *r.boolean(f, "b"); }), "");
    EXPECT_TRUE(v);
}

TEST_F(ReaderTest, DurationForms) {
    Millis v = 0;
    EXPECT_EQ(read("d: 1m30s\n", [&](Reader& r, Fields& f) { v = *r.duration(f, "d"); }), "");
    EXPECT_EQ(v, 90'000);
    EXPECT_EQ(read("d: 7.5\n", [&](Reader& r, Fields& f) { v = *r.duration(f, "d"); }), "");
    EXPECT_EQ(v, 7'500);
    EXPECT_EQ(read("d: soon\n", [](Reader& r, Fields& f) { r.duration(f, "d"); }),
              "r.yaml:1:4: error: expected a duration like 30s, 2m or 1h30m for 'd', got "
              "'soon'\n");
}

TEST_F(ReaderTest, EnumListsAllowedValues) {
    static constexpr std::array<std::string_view, 3> levels = {"general", "urgent", "special"};
    EXPECT_EQ(read("e: urgnet\n", [](Reader& r, Fields& f) { r.one_of(f, "e", levels, "level"); }),
              "r.yaml:1:4: error: unknown level 'urgnet'; did you mean 'urgent'? (allowed: "
              "general, urgent, special)\n");
    EXPECT_EQ(read("e: x\n", [](Reader& r, Fields& f) { r.one_of(f, "e", levels, "level"); }),
              "r.yaml:1:4: error: unknown level 'x' (allowed: general, urgent, special)\n");
}

TEST_F(ReaderTest, UnknownKeysWithDidYouMean) {
    EXPECT_EQ(read("s: 1\nnn: 2\n", [](Reader&, Fields&) {}),
              "r.yaml:2:1: error: unknown key 'nn' in the test map; did you mean 'n'?\n");
    EXPECT_EQ(read("zzzz: 2\n", [](Reader&, Fields&) {}),
              "r.yaml:1:1: error: unknown key 'zzzz' in the test map (allowed: s, n, b, d, l, "
              "e)\n");
    EXPECT_EQ(read("<<: {s: 1}\n", [](Reader&, Fields&) {}),
              "r.yaml:1:1: error: merge keys ('<<') are not supported; write the keys out\n");
}

TEST_F(ReaderTest, RequireReportsAtTheMap) {
    EXPECT_EQ(read("# c\ns: 1\n", [](Reader&, Fields& f) { f.require("n"); }),
              "r.yaml:2:1: error: missing required key 'n' in the test map\n");
}

TEST_F(ReaderTest, ErrorsAreCapped) {
    std::string text;
    for (int i = 0; i < 300; ++i) text += "k" + std::to_string(i) + ": 1\n";
    Diagnostics d;
    auto doc = parse_text(text, "r.yaml", d);
    ASSERT_TRUE(doc);
    Reader r(*doc, d, 100);
    static constexpr std::array<std::string_view, 1> known = {"x"};
    Fields f(r, doc->root(), "the map", known);
    EXPECT_EQ(d.error_count(), 101u);
    EXPECT_NE(d.items().back().message.find("too many errors"), std::string::npos);
    EXPECT_TRUE(r.failed());
}

}  // namespace
}  // namespace dd::yaml
