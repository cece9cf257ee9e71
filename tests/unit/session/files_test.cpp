// Durable saves, the file sink, the library's one enumerator, hashes and the data folders.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <thread>

#include "session_test_support.h"
#include "sim/session/data_dirs.h"
#include "sim/session/files.h"
#include "sim/session/hash.h"

namespace {

using namespace dd;
using namespace dd::session;
using namespace dd::session::test;
namespace fs = std::filesystem;

std::string fresh_dir(const std::string& tag) {
    const std::string d = ::testing::TempDir() + "dd_" + tag + "_" + std::to_string(::getpid()) +
                          "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(d);
    return d;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(Files, WritesAtomicallyAndReplacesWhole) {
    const std::string dir = fresh_dir("atomic");
    std::string err;
    ASSERT_TRUE(write_file_atomic(dir + "/sub/t.yaml", "old: 1\n", &err)) << err;
    const std::string big(200'000, 'x');
    ASSERT_TRUE(write_file_atomic(dir + "/sub/t.yaml", big, &err)) << err;
    EXPECT_EQ(slurp(dir + "/sub/t.yaml"), big);
    // No temporary is left behind.
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir + "/sub")) files += e.is_regular_file();
    EXPECT_EQ(files, 1);
    EXPECT_FALSE(write_file_atomic("/proc/no/such/dir/t.yaml", "x", &err));
    EXPECT_NE(err.find("cannot"), std::string::npos) << err;
}

TEST(Files, TwoSavesInTheSameMillisecondNeverCollide) {
    const std::string dir = fresh_dir("unique");
    std::set<std::string> paths;
    std::string err;
    for (int i = 0; i < 50; ++i) {
        const std::string p = write_new_file(dir, "a.b", ".yaml", std::to_string(i), &err);
        ASSERT_FALSE(p.empty()) << err;
        paths.insert(p);
    }
    EXPECT_EQ(paths.size(), 50u);
    // Every file holds its own save.
    std::set<std::string> contents;
    for (const auto& p : paths) contents.insert(slurp(p));
    EXPECT_EQ(contents.size(), 50u);
    // Two threads at once as well.
    std::vector<std::string> a(20), b(20);
    std::thread t1([&] {
        std::string e;
        for (auto& p : a) p = write_new_file(dir, "x", ".yaml", "1", &e);
    });
    std::thread t2([&] {
        std::string e;
        for (auto& p : b) p = write_new_file(dir, "x", ".yaml", "2", &e);
    });
    t1.join();
    t2.join();
    std::set<std::string> both(a.begin(), a.end());
    both.insert(b.begin(), b.end());
    EXPECT_EQ(both.size(), 40u);
    EXPECT_EQ(both.count(""), 0u);
}

TEST(Files, StaleTemporariesOfADeadProcessAreRemovedLiveOnesKept) {
    const std::string dir = fresh_dir("stale");
    fs::create_directories(dir);
    // A pid that cannot be running: above the kernel's pid_max (4194304 at most).
    const std::string dead = dir + "/.x-1.yaml.tmp-99999999-1";
    const std::string live = dir + "/.x-2.yaml.tmp-" + std::to_string(::getpid()) + "-1";
    const std::string other = dir + "/notes.tmp-1-1";  // not ours: no leading dot
    for (const auto& p : {dead, live, other}) std::ofstream(p) << "partial";
    EXPECT_EQ(remove_stale_temporaries(dir), 1);
    EXPECT_FALSE(fs::exists(dead));
    EXPECT_TRUE(fs::exists(live));
    EXPECT_TRUE(fs::exists(other));
    EXPECT_EQ(remove_stale_temporaries(dir + "/missing"), 0);
}

TEST(FileSink, WritesTranscriptReportAndLogThatReplay) {
    const std::string dir = fresh_dir("sink");
    FileSinkOptions o;
    o.dir = dir + "/transcripts";
    o.report_path = dir + "/report.json";
    o.log_path = dir + "/log.json";
    auto sink = std::make_shared<FileSink>(o);
    Attempt a(scenario(), resources(), AttemptConfig{}, {sink});
    a.finish();
    ASSERT_TRUE(a.sink_errors().empty()) << a.sink_errors().front();
    ASSERT_FALSE(sink->last_transcript().empty());
    EXPECT_EQ(fs::path(sink->last_transcript()).parent_path().string(), o.dir);
    const std::string yaml = slurp(sink->last_transcript());
    EXPECT_NE(yaml.find("# DeskDrill attempt " + a.record()->uuid), std::string::npos) << yaml;
    EXPECT_NE(yaml.find("(practice, finished, proctored)"), std::string::npos) << yaml;
    EXPECT_EQ(slurp(o.report_path), report_to_json(*a.report()));
    EXPECT_EQ(slurp(o.log_path), log_to_json(a.engine().log()));
    // A second attempt gets a file of its own.
    const std::string first = sink->last_transcript();
    Attempt b(scenario(), resources(), AttemptConfig{}, {sink});
    b.finish();
    EXPECT_NE(sink->last_transcript(), first);
    EXPECT_EQ(slurp(first), yaml);
    int n = 0;
    for (const auto& e : fs::directory_iterator(o.dir)) n += e.is_regular_file();
    EXPECT_EQ(n, 2);
}

TEST(FileSink, AnUnwritableFolderIsAClearError) {
    FileSinkOptions o;
    o.transcript_path = "/proc/no/such/dir/t.yaml";
    auto sink = std::make_shared<FileSink>(o);
    Attempt a(scenario(), resources(), AttemptConfig{}, {sink});
    a.finish();
    ASSERT_EQ(a.sink_errors().size(), 1u);
    EXPECT_NE(a.sink_errors().front().find("/proc/no/such/dir/t.yaml"), std::string::npos);
}

TEST(Library, OneEnumeratorAndFindById) {
    const auto files = Library::files(kScenarioDir);
    EXPECT_GE(files.size(), 36u);
    for (const auto& f : files) {
        EXPECT_TRUE(f.ends_with(".yaml") || f.ends_with(".yml")) << f;
        EXPECT_FALSE(f.ends_with("/standards.yaml") || f.ends_with("/lexicon.yaml")) << f;
        EXPECT_EQ(f.find("/schema/"), std::string::npos) << f;
    }
    const Library lib = Library::scan(kScenarioDir);
    ASSERT_EQ(lib.entries.size(), files.size());
    for (const auto& e : lib.entries) {
        ASSERT_TRUE(e.scenario) << e.error;
        EXPECT_EQ(e.hash, sha256_hex(*e.text));
    }
    const ScenarioFile* ex = lib.find("complaint.night-renovation-noise");
    ASSERT_TRUE(ex);
    EXPECT_EQ(ex->path, kExampleFile);
    // The id lookup without the whole library finds the same file.
    auto f = find_in_library(kScenarioDir, "complaint.night-renovation-noise");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->hash, ex->hash);
    EXPECT_FALSE(find_in_library(kScenarioDir, "complaint.no-such-thing"));
}

TEST(Library, ResolveSaysWhatIsWrong) {
    std::ostringstream err;
    EXPECT_FALSE(resolve_scenario("no/such/file.yaml", kScenarioDir, err));
    EXPECT_EQ(err.str(), "no/such/file.yaml: error: no such scenario file; check the path\n");
    err.str("");
    EXPECT_FALSE(resolve_scenario("complaint.nope", kScenarioDir, err));
    EXPECT_EQ(err.str(), "complaint.nope: error: no scenario file with this id in " +
                             kScenarioDir +
                             "; give the path of a scenario file, or an id listed by the library\n");
    err.str("");
    EXPECT_TRUE(resolve_scenario(kExampleFile, kScenarioDir, err));
    EXPECT_TRUE(resolve_scenario("complaint.night-renovation-noise", kScenarioDir, err));
    EXPECT_EQ(err.str(), "");
}

TEST(Hash, Sha256AndUuid) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const std::string u = new_uuid();
    ASSERT_EQ(u.size(), 36u);
    EXPECT_EQ(u[14], '4');
    EXPECT_TRUE(u[19] == '8' || u[19] == '9' || u[19] == 'a' || u[19] == 'b');
    EXPECT_NE(new_uuid(), u);
}

TEST(DataDirs, UserFoldersFollowXdgAndShippedDataFollowsTheEnvironment) {
    const std::string dir = fresh_dir("xdg");
    ::setenv("XDG_DATA_HOME", (dir + "/data").c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (dir + "/config").c_str(), 1);
    EXPECT_EQ(user_data_dir(), dir + "/data/deskdrill");
    EXPECT_EQ(user_config_dir(), dir + "/config/deskdrill");
    EXPECT_EQ(transcripts_dir(), dir + "/data/deskdrill/transcripts");
    EXPECT_EQ(default_db_path(), dir + "/data/deskdrill/deskdrill.db");
    // A relative XDG path is invalid by the specification: ignored.
    ::setenv("XDG_DATA_HOME", "relative/path", 1);
    ::setenv("HOME", (dir + "/home").c_str(), 1);
    EXPECT_EQ(user_data_dir(), dir + "/home/.local/share/deskdrill");
    ::setenv("DESKDRILL_DATA", (dir + "/share").c_str(), 1);
    EXPECT_EQ(shipped_data_dir(), dir + "/share");
    EXPECT_EQ(examples_dir(), dir + "/share/examples");
    ::setenv("DESKDRILL_SCENARIOS", "/lib/x", 1);
    EXPECT_EQ(scenarios_dir(), "/lib/x");
    EXPECT_EQ(standards_path(), "/lib/x/standards.yaml");
    ::unsetenv("DESKDRILL_SCENARIOS");
    ::unsetenv("DESKDRILL_DATA");
    // A data folder found on XDG_DATA_DIRS when nothing is beside the program.
    fs::create_directories(dir + "/xdgdirs/deskdrill/scenarios");
    std::ofstream(dir + "/xdgdirs/deskdrill/scenarios/standards.yaml") << "x";
    ::setenv("XDG_DATA_DIRS", ("/nonexistent:" + dir + "/xdgdirs").c_str(), 1);
    EXPECT_EQ(shipped_data_dir(), dir + "/xdgdirs/deskdrill");
}

}  // namespace
