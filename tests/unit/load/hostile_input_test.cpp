// Hostile files: each is refused with one clear, positioned message, within a second, without a
// crash — empty, 2 MiB, binary, invalid UTF-8, 100k-deep flow and block nesting, alias bombs,
// 10k duplicate keys.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "sim/load/scenario_loader.h"
#include "sim/load/transcript_loader.h"

namespace dd {
namespace {

struct Outcome {
    bool loaded = false;
    std::string diags;
    double seconds = 0;
};

// The thread's CPU time: the bound is on the loader's work, which a busy machine does not change
// (wall time on a shared CI machine failed at 1.1 s while the work took a fraction of it).
double cpu_seconds() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

Outcome load(const std::string& text) {
    Diagnostics d;
    const double t0 = cpu_seconds();
    const bool loaded = load_scenario_text(text, "h.yaml", d).has_value();
    const double t1 = cpu_seconds();
    // The transcript loader shares the safety layer; it must refuse the same input.
    Diagnostics d2;
    EXPECT_FALSE(load_transcript_text(text, "h.yaml", d2).has_value());
    return {loaded, d.to_string(), t1 - t0};
}

std::string first_line(const std::string& s) {
    return s.substr(0, s.find('\n') + 1);
}

TEST(Hostile, EmptyFile) {
    auto r = load("");
    EXPECT_FALSE(r.loaded);
    EXPECT_EQ(r.diags, "h.yaml: error: file is empty; write the YAML content\n");
}

TEST(Hostile, TwoMegabytesRefusedBeforeParsing) {
    const std::string big = "title: " + std::string(2u << 20, 'x') + "\n";
    auto r = load(big);
    EXPECT_FALSE(r.loaded);
    EXPECT_EQ(r.diags,
              "h.yaml: error: file is too large (2 MiB); the limit is 1 MiB — split it into "
              "several files\n");
    EXPECT_LT(r.seconds, 1.0);
}

TEST(Hostile, TwoMegabyteFileRefusedBeforeReading) {
    const auto path = std::filesystem::temp_directory_path() / "deskdrill_h1_big.yaml";
    {
        std::ofstream out(path, std::ios::binary);
        out << "title: " << std::string(2u << 20, 'x') << "\n";
    }
    Diagnostics d;
    EXPECT_FALSE(load_scenario_file(path.string(), d));
    EXPECT_EQ(d.to_string(), path.string() +
                                 ": error: file is too large (2 MiB); the limit is 1 MiB — "
                                 "split it into several files\n");
    std::filesystem::remove(path);
}

TEST(Hostile, BinaryNulByte) {
    auto r = load(std::string("id: a\ntitle: x\0y\n", 16));
    EXPECT_FALSE(r.loaded);
    EXPECT_EQ(r.diags,
              "h.yaml:2:9: error: binary data (a NUL byte); DeskDrill reads UTF-8 text files "
              "only — is this the right file?\n");
}

TEST(Hostile, ControlCharacter) {
    auto r = load("id: a\x07\n");
    EXPECT_EQ(r.diags,
              "h.yaml:1:6: error: control character 0x07 is not allowed in a YAML text file; "
              "remove it\n");
}

TEST(Hostile, InvalidUtf8PointsAtTheFirstBadByte) {
    // Line 2, after "title: 中文" (7 + 2 characters): the GBK bytes of 中 are not UTF-8.
    auto r = load("id: a\ntitle: 中文\xD6\xD0\n");
    EXPECT_FALSE(r.loaded);
    EXPECT_EQ(r.diags,
              "h.yaml:2:10: error: invalid UTF-8 (byte 0xD6); save the file as UTF-8 "
              "text\n");
}

TEST(Hostile, TruncatedAndOverlongUtf8) {
    EXPECT_EQ(first_line(load("a: \xE4\xB8\n").diags),
              "h.yaml:1:4: error: invalid UTF-8 (byte 0xE4); save the file as UTF-8 text\n");
    EXPECT_EQ(first_line(load("a: \xC0\xAF\n").diags),
              "h.yaml:1:4: error: invalid UTF-8 (byte 0xC0); save the file as UTF-8 text\n");
    EXPECT_EQ(first_line(load("a: \xED\xA0\x80\n").diags),
              "h.yaml:1:4: error: invalid UTF-8 (byte 0xED); save the file as UTF-8 text\n")
        << "UTF-16 surrogates are not UTF-8";
}

TEST(Hostile, HundredThousandDeepFlowNesting) {
    auto r = load("a: " + std::string(100'000, '[') + std::string(100'000, ']') + "\n");
    EXPECT_FALSE(r.loaded);
    EXPECT_EQ(r.diags,
              "h.yaml:1:67: error: nesting deeper than 64 levels; DeskDrill files need a "
              "handful — flatten the structure\n");
    EXPECT_LT(r.seconds, 1.0);
}

TEST(Hostile, DeepFlowMapsAndUnclosed) {
    auto r = load(std::string(100'000, '{'));
    EXPECT_FALSE(r.loaded);
    EXPECT_EQ(first_line(r.diags),
              "h.yaml:1:65: error: nesting deeper than 64 levels; DeskDrill files need a "
              "handful — flatten the structure\n");
    EXPECT_LT(r.seconds, 1.0);
}

TEST(Hostile, HundredThousandDeepBlockSequences) {
    std::string text;
    for (int i = 0; i < 100'000; ++i) text += "- ";
    text += "x\n";
    auto r = load(text);
    EXPECT_FALSE(r.loaded);
    EXPECT_EQ(r.diags,
              "h.yaml:1:129: error: nesting deeper than 64 levels; DeskDrill files need a "
              "handful — flatten the structure\n");
    EXPECT_LT(r.seconds, 1.0);
}

TEST(Hostile, DeepIndentedMaps) {
    std::string text;
    for (int i = 0; i < 1000; ++i) text += std::string(static_cast<size_t>(i), ' ') + "a:\n";
    auto r = load(text);
    EXPECT_FALSE(r.loaded);
    EXPECT_EQ(r.diags,
              "h.yaml:65:65: error: nesting deeper than 64 levels; DeskDrill files need a "
              "handful — flatten the structure\n");
}

TEST(Hostile, NestingJustUnderTheLimitIsFine) {
    // 60 levels is legal YAML and within the bound: no nesting error (the loader then reports
    // the content).
    auto r = load("a: " + std::string(60, '[') + std::string(60, ']') + "\n");
    EXPECT_EQ(r.diags.find("nesting"), std::string::npos) << r.diags;
}

TEST(Hostile, BillionLaughs) {
    std::string text =
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        const char p = static_cast<char>(c - 1);
        text += std::string(1, c) + ": &" + c + " [";
        for (int i = 0; i < 9; ++i) text += std::string(i ? "," : "") + "*" + p;
        text += "]\n";
    }
    auto r = load(text);
    EXPECT_FALSE(r.loaded);
    EXPECT_NE(r.diags.find("error: the document expands to more than 200000 nodes (an alias "
                           "expansion bomb?); DeskDrill files are far smaller — remove the "
                           "repeated aliases"),
              std::string::npos)
        << r.diags;
    EXPECT_LT(r.seconds, 1.0);
}

TEST(Hostile, TenThousandDuplicateKeys) {
    std::string text;
    for (int i = 0; i < 10'000; ++i) text += "title: x\n";
    auto r = load(text);
    EXPECT_FALSE(r.loaded);
    EXPECT_NE(
        r.diags.find("h.yaml:2:1: error: duplicate key 'title' (first at line 1); keep only one\n"),
        std::string::npos);
    EXPECT_NE(r.diags.find("h.yaml:22:1: error: ... and 9979 more duplicate keys"),
              std::string::npos)
        << "reported once each up to a cap, then summed up";
    EXPECT_LT(r.diags.size(), 20'000u) << "no flood of messages";
    EXPECT_LT(r.seconds, 1.0);
}

TEST(Hostile, StrayCommaDoesNotHang) {
    // yaml-cpp 0.7's LoadAll loops forever (allocating) on a document starting with ','.
    auto r = load(",");
    EXPECT_FALSE(r.loaded);
    EXPECT_EQ(r.diags,
              "h.yaml:1:1: error: YAML syntax error: no value can start here; remove the ',' or "
              "quote the text\n");
    r = load("# comment\n    , x: 1\n");
    EXPECT_EQ(r.diags,
              "h.yaml:2:5: error: YAML syntax error: no value can start here; remove the ',' or "
              "quote the text\n");
    EXPECT_LT(r.seconds, 1.0);
}

TEST(Hostile, HugeKeyIsQuotedShort) {
    auto r = load(std::string(100'000, 'k') + ": 1\n");
    EXPECT_FALSE(r.loaded);
    EXPECT_LT(r.diags.size(), 2000u) << r.diags.substr(0, 300);
    EXPECT_LT(r.seconds, 1.0);
}

TEST(Hostile, ManyNodesWithinALimitOfOneMegabyte) {
    std::string text = "a: [";
    while (text.size() < 1'000'000) text += "1,";
    text += "1]\n";
    auto r = load(text);
    EXPECT_FALSE(r.loaded);
    EXPECT_EQ(r.diags,
              "h.yaml:1:100002: error: more than 50000 YAML values in the file; DeskDrill files "
              "have a few thousand — split it into several files\n")
        << "refused before yaml-cpp spends a second on it";
    EXPECT_LT(r.seconds, 1.0);
}

// Issue 15: only regular files are read; a FIFO named as input is refused at once, not read.
TEST(Hostile, AFifoIsRefusedWithoutBlocking) {
    const std::string dir = ::testing::TempDir() + "dd_fifo_" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    const std::string fifo = dir + "/scenario.yaml";
    std::filesystem::remove(fifo);
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    Diagnostics d;
    const auto t0 = std::chrono::steady_clock::now();
    EXPECT_FALSE(load_scenario_file(fifo, d));
    EXPECT_FALSE(load_transcript_file(fifo, d));
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 1.0);
    EXPECT_EQ(first_line(d.to_string()),
              fifo + ": error: is not a regular file (a pipe, device or socket); give the path of "
                     "a file\n");
    d.clear();
    EXPECT_FALSE(load_scenario_file("/dev/zero", d));
    EXPECT_NE(d.to_string().find("is not a regular file"), std::string::npos) << d.to_string();
}

// Escapes in a quoted scalar make control characters only after parsing: refused where they are
// written, and the message itself shows them escaped.
TEST(Hostile, ControlCharactersWrittenAsEscapesAreRefused) {
    for (const char* esc : {"\\e", "\\a", "\\0", "\\x1b", "\\r"}) {
        Diagnostics d;
        const std::string text = "scenario: complaint.t\nseed: 1\nactions:\n  - {at: 1, say: \"您好" +
                                 std::string(esc) + "[31m\"}\n";
        EXPECT_FALSE(load_transcript_text(text, "esc.yaml", d)) << esc;
        const std::string out = d.to_string();
        EXPECT_NE(out.find("esc.yaml:4:18: error: control character 0x"), std::string::npos) << out;
        EXPECT_NE(out.find("(written as an escape); remove it"), std::string::npos) << out;
        for (unsigned char c : out)
            EXPECT_FALSE((c < 0x20 && c != '\n') || c == 0x7F) << "raw control character in: " << out;
    }
    // Tab and newline are text.
    Diagnostics d;
    EXPECT_TRUE(load_transcript_text(
        "scenario: complaint.t\nseed: 1\nactions:\n  - {at: 1, say: \"您好\\t再见\\n\"}\n", "ok.yaml",
        d))
        << d.to_string();
}

}  // namespace
}  // namespace dd
