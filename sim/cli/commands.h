// The `deskdrill` subcommands (DESIGN §5, fixed names). Each lives in its own cmd_<name>.cpp
// and registers itself on the root CLI11 app; its callback stores the exit code
// (0 ok, 1 a check failed, 2 bad input).
#pragma once
#include <CLI/CLI.hpp>
#include <span>
#include <string>
#include <string_view>

namespace dd::cli {

void add_validate_command(CLI::App& root, int& exit_code);
void add_verify_command(CLI::App& root, int& exit_code);
void add_play_command(CLI::App& root, int& exit_code);
void add_acts_command(CLI::App& root, int& exit_code);
void add_demo_command(CLI::App& root, int& exit_code);
// The records (DESIGN §6): people, assignments, reports, exports, re-scoring, the audit, overrides.
void add_user_command(CLI::App& root, int& exit_code);
void add_assign_command(CLI::App& root, int& exit_code);
void add_report_command(CLI::App& root, int& exit_code);
void add_export_command(CLI::App& root, int& exit_code);
void add_override_command(CLI::App& root, int& exit_code);
void add_audit_command(CLI::App& root, int& exit_code);
// The site profile: the company's own names, extensions and fees (sim/session/site_profile.h).
void add_site_command(CLI::App& root, int& exit_code);
void add_rescore_command(CLI::App& root, int& exit_code);
// Many sites (DESIGN §6a): a desk's sync with the hub; headquarters' hub administration.
void add_sync_command(CLI::App& root, int& exit_code);
void add_hub_command(CLI::App& root, int& exit_code);

// Every subcommand: the name typed (`deskdrill <name> …`) and what registers it, in --help's order.
struct Command {
    const char* name;
    void (*add)(CLI::App& root, int& exit_code);
};
std::span<const Command> commands();
void add_all_commands(CLI::App& root, int& exit_code);
// True when the command line could be a subcommand's or asks for help: an argument that is a
// subcommand's name, or -h/--help. A window start is neither, and its parser needs none of the
// subcommands (building them all costs ~3.6 M instructions, ~1.5 ms, at every start).
bool may_name_a_command(int argc, const char* const* argv);

// The headless demo: plays the example scenario with its gold transcript, prints the debrief.
int run_demo();

}  // namespace dd::cli
