// The subcommand table main.cpp builds the command line from, and the test of a command line
// that lets a window start skip the subcommands' parsers (sim/cli/commands.h).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "sim/cli/commands.h"

namespace {

bool may_name(std::vector<const char*> args) {
    args.insert(args.begin(), "deskdrill");
    return dd::cli::may_name_a_command(static_cast<int>(args.size()), args.data());
}

TEST(Commands, TheTableNamesEverySubcommandItRegisters) {
    CLI::App root;
    int exit_code = 0;
    dd::cli::add_all_commands(root, exit_code);
    std::set<std::string> registered;
    for (const CLI::App* sub : root.get_subcommands([](CLI::App*) { return true; }))
        registered.insert(sub->get_name());
    std::set<std::string> table;
    for (const auto& c : dd::cli::commands()) table.insert(c.name);
    EXPECT_EQ(registered, table);
    EXPECT_EQ(table.size(), dd::cli::commands().size());  // no name twice
    // DESIGN §5's fixed names are among them.
    for (const char* fixed : {"validate", "play", "demo", "report", "export"})
        EXPECT_TRUE(table.count(fixed)) << fixed;
}

TEST(Commands, AWindowStartNamesNoCommand) {
    EXPECT_FALSE(may_name({}));
    EXPECT_FALSE(may_name({"--lang", "en", "--seed", "3", "--window", "1280x800"}));
    EXPECT_FALSE(may_name({"--scenario", "complaint.night-renovation-noise", "--mode=assessment"}));
    EXPECT_FALSE(may_name({"--version"}));
}

TEST(Commands, ACommandOrHelpBuildsThemAll) {
    for (const auto& c : dd::cli::commands()) EXPECT_TRUE(may_name({c.name, "--help"})) << c.name;
    EXPECT_TRUE(may_name({"play", "x.yaml"}));
    EXPECT_TRUE(may_name({"--lang", "en", "report"}));
    EXPECT_TRUE(may_name({"-h"}));
    EXPECT_TRUE(may_name({"--help"}));
    EXPECT_TRUE(may_name({"--help-all"}));
    // An option's value that happens to be a command's name: built all, parsed as before.
    EXPECT_TRUE(may_name({"--transcript-out", "play"}));
}

}  // namespace
