// deskdrill play — placeholder until its issue lands; prints what is missing, exits 2.
#include <iostream>

#include "commands.h"

namespace dd::cli {

void add_play_command(CLI::App& root, int& exit_code) {
    auto* sub = root.add_subcommand("play", "(not built yet)");
    sub->allow_extras();
    sub->callback([&exit_code] {
        std::cerr << "deskdrill play: not built yet\n";
        exit_code = 2;
    });
}

}  // namespace dd::cli
