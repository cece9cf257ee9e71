// deskdrill — the GUI with no subcommand (when built with it and a display is there),
// otherwise the headless subcommands of DESIGN §5. Built a second time as `deskdrill-test`
// (DESKDRILL_TEST_HOOKS) for the GUI tests and benchmarks: only that one can be driven by a UI
// script, and it is never installed.
#include <cstdlib>
#include <iostream>
#include <memory>

#include "sim/cli/commands.h"
#ifdef DESKDRILL_HAVE_GUI
#include "sim/app/app.h"
#endif

namespace {

// The root command line: the window's options, and the subcommands when `with_commands`.
std::unique_ptr<CLI::App> make_root(int& exit_code, bool with_commands) {
    auto root = std::make_unique<CLI::App>(
        "DeskDrill 物业前台实训考核模拟器 — front-desk training and assessment simulator",
        "deskdrill");
    root->footer(
        "Without a subcommand: the desk window (GUI); with no display, a headless demo that plays\n"
        "the example scenario with its gold transcript and prints the debrief.\n"
        "Exit codes: 0 ok, 1 a check failed, 2 bad input.");
    root->set_version_flag("--version", "deskdrill 0.1.0");
    if (with_commands) dd::cli::add_all_commands(*root, exit_code);
#ifdef DESKDRILL_HAVE_GUI
#ifdef DESKDRILL_TEST_HOOKS
    dd::app::add_gui_options(*root, /*test_hooks=*/true);
#else
    dd::app::add_gui_options(*root, /*test_hooks=*/false);
#endif
#endif
    return root;
}

}  // namespace

int main(int argc, char** argv) {
    int exit_code = 0;
    // A window start names no subcommand: its parser is built without them. A command line
    // that parser refuses is parsed again with everything, so errors read as they always did.
    bool with_commands = dd::cli::may_name_a_command(argc, argv);
    auto root = make_root(exit_code, with_commands);
    for (;;) {
        try {
            root->parse(argc, argv);
            break;
        } catch (const CLI::CallForHelp& e) {
            return root->exit(e);
        } catch (const CLI::CallForAllHelp& e) {
            return root->exit(e);
        } catch (const CLI::CallForVersion& e) {
            return root->exit(e);
        } catch (const CLI::ParseError& e) {
            if (!with_commands) {
                with_commands = true;
                root = make_root(exit_code, true);
                continue;
            }
            root->exit(e);
            return 2;
        }
    }
    if (!root->get_subcommands().empty()) return exit_code;
#ifdef DESKDRILL_HAVE_GUI
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((display && *display) || (wayland && *wayland)) return dd::app::run_gui();
    std::cerr << "deskdrill: no display found (DISPLAY is not set); running the headless demo.\n"
                 "           Run under a desktop session or `xvfb-run` for the desk window.\n\n";
#endif
    return dd::cli::run_demo();
}
