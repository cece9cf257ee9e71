// deskdrill demo — the headless demo (also what `deskdrill` runs with no display).
#include <iostream>

#include "commands.h"

namespace dd::cli {

int run_demo() {
    std::cerr << "deskdrill demo: not built yet\n";
    return 2;
}

void add_demo_command(CLI::App& root, int& exit_code) {
    auto* sub = root.add_subcommand(
        "demo", "Play the example scenario with its gold transcript and print the debrief");
    sub->callback([&exit_code] { exit_code = run_demo(); });
}

}  // namespace dd::cli
