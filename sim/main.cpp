// deskdrill — the GUI with no subcommand (when built with it and a display is there),
// otherwise the headless subcommands of DESIGN §5. Built a second time as `deskdrill-test`
// (DESKDRILL_TEST_HOOKS) for the GUI tests and benchmarks: only that one can be driven by a UI
// script, and it is never installed.
#include <cstdlib>
#include <iostream>

#include "sim/cli/commands.h"
#ifdef DESKDRILL_HAVE_GUI
#include "sim/app/app.h"
#endif

int main(int argc, char** argv) {
    CLI::App root{"DeskDrill 物业前台实训考核模拟器 — front-desk training and assessment simulator",
                  "deskdrill"};
    root.footer(
        "Without a subcommand: the desk window (GUI); with no display, a headless demo that plays\n"
        "the example scenario with its gold transcript and prints the debrief.\n"
        "Exit codes: 0 ok, 1 a check failed, 2 bad input.");
    root.set_version_flag("--version", "deskdrill 0.1.0");
    int exit_code = 0;
    dd::cli::add_validate_command(root, exit_code);
    dd::cli::add_verify_command(root, exit_code);
    dd::cli::add_play_command(root, exit_code);
    dd::cli::add_acts_command(root, exit_code);
    dd::cli::add_demo_command(root, exit_code);
    dd::cli::add_user_command(root, exit_code);
    dd::cli::add_assign_command(root, exit_code);
    dd::cli::add_report_command(root, exit_code);
    dd::cli::add_export_command(root, exit_code);
    dd::cli::add_override_command(root, exit_code);
    dd::cli::add_audit_command(root, exit_code);
    dd::cli::add_site_command(root, exit_code);
    dd::cli::add_rescore_command(root, exit_code);
    dd::cli::add_sync_command(root, exit_code);
    dd::cli::add_hub_command(root, exit_code);
#ifdef DESKDRILL_HAVE_GUI
#ifdef DESKDRILL_TEST_HOOKS
    dd::app::add_gui_options(root, /*test_hooks=*/true);
#else
    dd::app::add_gui_options(root, /*test_hooks=*/false);
#endif
#endif
    try {
        root.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return root.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return root.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return root.exit(e);
    } catch (const CLI::ParseError& e) {
        root.exit(e);
        return 2;
    }
    if (!root.get_subcommands().empty()) return exit_code;
#ifdef DESKDRILL_HAVE_GUI
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((display && *display) || (wayland && *wayland)) return dd::app::run_gui();
    std::cerr << "deskdrill: no display found (DISPLAY is not set); running the headless demo.\n"
                 "           Run under a desktop session or `xvfb-run` for the desk window.\n\n";
#endif
    return dd::cli::run_demo();
}
