// The table of subcommands main.cpp registers, and the test of a command line that tells whether
// they are needed at all.
#include "commands.h"

#include <algorithm>
#include <iterator>

namespace dd::cli {

namespace {

constexpr Command kCommands[] = {
    {"validate", add_validate_command}, {"verify", add_verify_command},
    {"play", add_play_command},         {"acts", add_acts_command},
    {"demo", add_demo_command},         {"user", add_user_command},
    {"assign", add_assign_command},     {"report", add_report_command},
    {"export", add_export_command},     {"override", add_override_command},
    {"audit", add_audit_command},       {"site", add_site_command},
    {"rescore", add_rescore_command},   {"sync", add_sync_command},
    {"hub", add_hub_command},
};

}  // namespace

std::span<const Command> commands() {
    return kCommands;
}

void add_all_commands(CLI::App& root, int& exit_code) {
    for (const Command& c : kCommands) c.add(root, exit_code);
}

bool may_name_a_command(int argc, const char* const* argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "-h" || a == "--help" || a.rfind("--help", 0) == 0) return true;
        if (std::any_of(std::begin(kCommands), std::end(kCommands),
                        [&](const Command& c) { return a == c.name; }))
            return true;
    }
    return false;
}

}  // namespace dd::cli
