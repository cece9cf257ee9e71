// `deskdrill validate`: file discovery and recognition (library), then the subcommand itself
// in-process — its output and exit codes on the library, on broken files, on a missing path.
#include "sim/load/validate.h"

#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>

#include <sys/stat.h>
#include <unistd.h>

#include "sim/cli/commands.h"
#include "sim/session/data_dirs.h"

namespace dd {
namespace {

const std::string kScenarios = DESKDRILL_SCENARIOS_DIR;
const std::string kData = std::string(DESKDRILL_TESTS_DIR) + "/data/load";
const std::string kGolden = std::string(DESKDRILL_TESTS_DIR) + "/golden";
const std::string kTestData = std::string(DESKDRILL_TESTS_DIR) + "/data";

bool contains(const std::vector<std::string>& v, const std::string& suffix) {
    return std::any_of(v.begin(), v.end(), [&](const std::string& s) {
        return s.size() >= suffix.size() &&
               s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
    });
}

TEST(Validate, CollectsYamlSkippingCatalogueLexiconAndSchema) {
    Diagnostics d;
    const auto files = collect_yaml_files({kScenarios}, d);
    EXPECT_EQ(d.to_string(), "");
    EXPECT_TRUE(contains(files, "/complaint/night-renovation-noise.yaml"));
    EXPECT_FALSE(contains(files, "/standards.yaml"));
    EXPECT_FALSE(contains(files, "/lexicon.yaml"));
    for (const auto& f : files) EXPECT_EQ(f.find("/schema/"), std::string::npos) << f;
    EXPECT_TRUE(std::is_sorted(files.begin(), files.end()));
}

TEST(Validate, FindsTheCatalogueAndLexiconGivenOrInAFolder) {
    const ResourceFiles r = collect_resource_files({kScenarios, kData + "/library"});
    EXPECT_EQ(r.standards, (std::vector<std::string>{kScenarios + "/standards.yaml",
                                                     kData + "/library/standards.yaml"}));
    EXPECT_EQ(r.lexicons, (std::vector<std::string>{kScenarios + "/lexicon.yaml",
                                                    kData + "/library/lexicon.yaml"}));
    // Given by name, they are a catalogue and a lexicon, not scenarios.
    Diagnostics d;
    EXPECT_TRUE(collect_yaml_files({kScenarios + "/standards.yaml"}, d).empty());
    EXPECT_EQ(collect_resource_files({kScenarios + "/standards.yaml"}).standards.size(), 1u);
}

TEST(Validate, MissingPathReported) {
    Diagnostics d;
    EXPECT_TRUE(collect_yaml_files({"/nonexistent/dir"}, d).empty());
    EXPECT_EQ(d.to_string(), "/nonexistent/dir: error: no such file or folder\n");
}

TEST(Validate, RecognisesTranscripts) {
    EXPECT_EQ(classify_file("x.yaml", "scenario: a.b\nseed: 1\n"), FileKind::Transcript);
    EXPECT_EQ(classify_file("tests/golden/a/gold.yaml", "seed: 1\n"), FileKind::Transcript);
    EXPECT_EQ(classify_file("scenarios/a/b.yaml", "id: a.b\n"), FileKind::Scenario);
}

TEST(Validate, DuplicateScenarioIdsAcrossFiles) {
    Diagnostics d;
    std::vector<FileResult> results;
    for (const auto& f : collect_yaml_files({kData + "/dup_ids"}, d))
        results.push_back(validate_file(f, {}));
    ASSERT_EQ(results.size(), 2u);
    EXPECT_TRUE(results[0].valid && results[1].valid)
        << results[0].diags.to_string() << results[1].diags.to_string();
    check_across_files(results);
    EXPECT_TRUE(results[0].valid);
    EXPECT_FALSE(results[1].valid);
    EXPECT_EQ(results[1].diags.to_string(),
              kData +
                  "/dup_ids/b.yaml:1:5: error: scenario id 'complaint.same-id' is already "
                  "used by " +
                  kData + "/dup_ids/a.yaml; ids must be unique — rename one\n");
}

struct Run {
    int code = -1;
    std::string out;
};

// Runs `deskdrill validate ARGS…` in-process, capturing what it prints.
Run run(std::vector<std::string> args) {
    CLI::App root{"test", "deskdrill"};
    Run r;
    cli::add_validate_command(root, r.code);
    args.insert(args.begin(), "validate");
    args.insert(args.begin(), "deskdrill");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    testing::internal::CaptureStdout();
    try {
        root.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& e) {
        r.code = root.exit(e);
    }
    r.out = testing::internal::GetCapturedStdout();
    return r;
}

TEST(ValidateCommand, ExampleAndGoldenAreValid) {
    auto r = run({kScenarios + "/complaint/night-renovation-noise.yaml",
                  kGolden + "/complaint.night-renovation-noise"});
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("validate: 3 files (1 scenario, 2 transcripts): all valid"),
              std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find("error"), std::string::npos) << r.out;
}

TEST(ValidateCommand, ClientExamplesLoadWithWarnings) {
    // The client's transcripts write replies with ',' unquoted inside {…}: each is read whole,
    // with a warning (8 in the two files); they are valid.
    auto r = run({DESKDRILL_EXAMPLES_DIR});
    EXPECT_EQ(r.code, 0) << r.out;
    const std::string summary =
        "validate: 3 files (1 scenario, 2 transcripts): all valid, 8 warnings\n";
    ASSERT_GE(r.out.size(), summary.size()) << r.out;
    EXPECT_EQ(r.out.substr(r.out.size() - summary.size()), summary) << r.out;
    EXPECT_NE(r.out.find("complaint.night-renovation-noise.gold.yaml:6:18: warning: a reply "
                         "with ',' inside {…} is not valid YAML unquoted; read as one reply — "
                         "quote it (say: \"…\") so editors and other tools agree\n"),
              std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find("error"), std::string::npos) << r.out;
}

TEST(ValidateCommand, WholeLibraryIsValid) {
    // No path: the scenario library, its catalogue and lexicon each with its own reader, and
    // criterion ids checked against the catalogue.
    auto r = run({});
    EXPECT_EQ(r.code, 0) << r.out;
    const std::string lib = session::scenarios_dir();
    const std::string head =
        lib + "/standards.yaml: standards catalogue 2026.1 (39 criteria): valid\n" + lib +
        "/lexicon.yaml: lexicon version 3 (16 acts, 4 forbidden families): "
        "valid\nvalidate: ";
    EXPECT_EQ(r.out.substr(0, head.size()), head) << r.out;
    EXPECT_NE(r.out.find(": all valid\n"), std::string::npos) << r.out;
}

TEST(ValidateCommand, StandardsFlagReportsEveryProblemAndExits2) {
    const std::string c = kTestData + "/rubric/broken_standards.yaml";
    auto r = run({"--standards", c, kData + "/dup_ids/a.yaml"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out,
              c + ":5:22: error: expected a whole number for 'max_rings', got 2.5\n" + c +
                  ":9:15: error: unknown category 'curtesy'; did you mean 'courtesy'? (allowed: "
                  "courtesy, language, phone, timing, record, classify, dispatch, escalation, "
                  "closure, privacy, emergency, mood, expectation, complaint, visitor, notify, "
                  "handover, dialogue)\n" +
                  c + ":10:56: error: 'weak_credit' must be between 0 and 1, got 2\n" + c +
                  ":12:15: error: expected true or false for 'critical', got 'yes'\n" + c +
                  ":15:5: error: missing required key 'source' in criterion 'phone.rings'\n" + c +
                  ":18:26: error: unknown key 'max_ringz' in the check of criterion "
                  "'phone.rings'; did you mean 'max_rings'?\n" +
                  c +
                  ":20:5: error: unknown key 'sorce' in criterion 'phone.rings'; did you mean "
                  "'source'?\n" +
                  c + ": standards catalogue: 7 errors, 0 warnings\n" +
                  "validate: 1 file (1 scenario, 0 transcripts): 1 file with problems, 7 errors, "
                  "0 warnings\n");
    // The shipped catalogue given the same way is valid.
    auto ok = run({"--standards", kScenarios + "/standards.yaml", kData + "/dup_ids/a.yaml"});
    EXPECT_EQ(ok.code, 0) << ok.out;
}

TEST(ValidateCommand, LexiconFlagReportsEveryProblemAndExits2) {
    const std::string l = kTestData + "/text/broken_lexicon.yaml";
    auto r = run({"--lexicon", l, kData + "/dup_ids/a.yaml"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out,
              l +
                  ":4:3: warning: 14 acts are missing and can never be detected: self-identify, "
                  "offer-help, please, apology, empathy, ask-wait, thank-for-waiting, ask-name, "
                  "ask-room, ask-contact, repeat-back, time-commitment, reassurance, farewell\n" +
                  l + ":8:5: error: unknown key 'wek' in act 'thanks'; did you mean 'weak'?\n" + l +
                  ":9:3: error: unknown key 'greting' in acts; did you mean 'greeting'?\n" + l +
                  ":12:3: warning: 3 forbidden families are missing and can never be detected: "
                  "refuse-knowledge, deflect, argue\n" +
                  l +
                  ":15:25: error: 'mood.act_effect.apology' must be between -100 and 100, got "
                  "-150\n" +
                  l +
                  ":16:15: error: expected a duration like 30s, 2m or 1h30m for 'wait_every', "
                  "got 'soon'\n" +
                  l + ": lexicon: 4 errors, 2 warnings\n" +
                  "validate: 1 file (1 scenario, 0 transcripts): 1 file with problems, 4 errors, "
                  "2 warnings\n");
    auto ok = run({"--lexicon", kScenarios + "/lexicon.yaml", kData + "/dup_ids/a.yaml"});
    EXPECT_EQ(ok.code, 0) << ok.out;
}

TEST(ValidateCommand, AFolderWithItsOwnCatalogueAndLexicon) {
    // The folder's standards.yaml is the one its scenarios are checked against (ids and
    // parameter overrides); its lexicon.yaml is read as a lexicon.
    const std::string lib = kData + "/library";
    auto r = run({lib});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out,
              lib + "/standards.yaml: standards catalogue 1 (1 criterion): valid\n" + lib +
                  "/lexicon.yaml:4:3: warning: 15 acts are missing and can never be detected: "
                  "self-identify, offer-help, please, thanks, apology, empathy, ask-wait, "
                  "thank-for-waiting, ask-name, ask-room, ask-contact, repeat-back, "
                  "time-commitment, reassurance, farewell\n" +
                  lib +
                  "/lexicon.yaml:6:3: warning: 3 forbidden families are missing and can never be "
                  "detected: refuse-knowledge, deflect, argue\n" +
                  lib +
                  "/lexicon.yaml:7:19: error: 'ring_step' must be between -100 and 100, got 200\n" +
                  lib + "/lexicon.yaml: lexicon: 1 error, 2 warnings\n" + lib +
                  "/complaint/bad-params.yaml:12:51: error: criterion 'courtesy.greeting': "
                  "'weak_credit' must be between 0 and 1, got 2\n" +
                  lib +
                  "/complaint/bad-params.yaml:12:64: error: criterion 'courtesy.greeting': "
                  "unknown window 'firstreply'; did you mean 'first-reply'? (allowed: "
                  "first-reply, closing, anywhere, node, before-hold, after-hold)\n" +
                  lib +
                  "/complaint/bad-params.yaml:12:81: error: criterion 'courtesy.greeting': "
                  "unknown parameter 'wek' of check 'acts' (allowed: acts, window, node, "
                  "weak_credit, same_reply, thread_kind, roles, if_none, long_wait, expecting)\n" +
                  lib +
                  "/complaint/uses-both.yaml:11:31: error: unknown criterion "
                  "'language.no-forbidden' (not in " +
                  lib +
                  "/standards.yaml); add it there or use one of its ids\n"
                  "validate: 2 files (2 scenarios, 0 transcripts): 3 files with problems, 5 "
                  "errors, 2 warnings\n");
}

TEST(ValidateCommand, BrokenFilesPrintEveryProblemAndExit2) {
    auto r = run({kData + "/broken_scenario.yaml", kData + "/broken_transcript.yaml"});
    EXPECT_EQ(r.code, 2);
    const std::string s = kData + "/broken_scenario.yaml:";
    const std::string t = kData + "/broken_transcript.yaml:";
    EXPECT_EQ(r.out,
              s + "2:1: error: missing required key 'title' in the scenario\n" + s +
                  "4:1: error: unknown key 'titel' in the scenario; did you mean 'title'?\n" + s +
                  "6:13: error: 'difficulty' must be between 1 and 5, got 9\n" + s +
                  "10:11: error: unknown role 'boss' (allowed: owner, tenant, visitor, courier, "
                  "contractor, elderly, child)\n" +
                  s +
                  "18:16: error: unknown dialogue node 'nowhere' (not under 'dialogue'); "
                  "defined: open, close\n" +
                  s + "19:3: error: node 'close' has no way on: add 'next' or 'end: true'\n" + t +
                  "6:10: error: 'at' goes back in time: 5s is before the previous action at "
                  "10s; keep the actions in time order\n" +
                  t +
                  "7:24: error: unknown department 'securty'; did you mean 'security'? "
                  "(allowed: engineering, security, cleaning, landscaping, finance, "
                  "customer-service)\n"
                  "validate: 2 files (1 scenario, 1 transcript): 2 files with problems, 8 errors, "
                  "0 warnings\n");
}

TEST(ValidateCommand, MissingPathExits2) {
    auto r = run({"/nonexistent/scenario.yaml"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out,
              "/nonexistent/scenario.yaml: error: no such file or folder\n"
              "validate: 0 files (0 scenarios, 0 transcripts): 0 files with problems, 1 error, "
              "0 warnings\n");
}

// Issue 15: an empty folder or an unreadable one is an error (exit 2), never "all valid".
TEST(ValidateCommand, EmptyFolderExits2) {
    const std::string dir = ::testing::TempDir() + "dd_empty_" + std::to_string(::getpid());
    std::filesystem::create_directories(dir + "/sub");
    auto r = run({dir});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out, dir +
                         ": error: no scenario or transcript files (*.yaml, *.yml) in this folder; "
                         "check the path\n"
                         "validate: 0 files (0 scenarios, 0 transcripts): 0 files with problems, 1 "
                         "error, 0 warnings\n");
}

// A FIFO among the files of a folder is skipped (never opened); named directly it is refused.
TEST(ValidateCommand, FifoNamedDirectlyIsRefused) {
    const std::string dir = ::testing::TempDir() + "dd_vfifo_" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    const std::string fifo = dir + "/pipe.yaml";
    std::filesystem::remove(fifo);
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto r = run({fifo});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.out.find(fifo + ": error: is not a regular file"), std::string::npos) << r.out;
    r = run({dir});
    EXPECT_EQ(r.code, 2);  // the folder holds no YAML *file*
    EXPECT_NE(r.out.find("no scenario or transcript files"), std::string::npos) << r.out;
}

TEST(ValidateCommand, UnknownCriterionAgainstGivenStandards) {
    auto r = run({"--standards", kScenarios + "/standards.yaml", kData + "/dup_ids/a.yaml"});
    EXPECT_EQ(r.code, 0) << r.out;
    auto bad = run({"--standards", kData + "/broken_transcript.yaml", kData + "/dup_ids/a.yaml"});
    EXPECT_EQ(bad.code, 2) << "a standards file that cannot be read is a problem";
}

TEST(ValidateCommand, HelpSaysWhatItDoes) {
    CLI::App root{"test", "deskdrill"};
    int code = 0;
    cli::add_validate_command(root, code);
    const std::string help = root.get_subcommand("validate")->help();
    EXPECT_NE(help.find("path:line:col"), std::string::npos) << help;
    EXPECT_NE(help.find("Exit codes: 0 all files valid, 2"), std::string::npos) << help;
}

}  // namespace
}  // namespace dd
