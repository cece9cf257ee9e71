// The `deskdrill` subcommands (DESIGN §5, fixed names). Each lives in its own cmd_<name>.cpp
// and registers itself on the root CLI11 app; its callback stores the exit code
// (0 ok, 1 a check failed, 2 bad input).
#pragma once
#include <CLI/CLI.hpp>
#include <string>

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

// The headless demo: plays the example scenario with its gold transcript, prints the debrief.
int run_demo();

}  // namespace dd::cli
