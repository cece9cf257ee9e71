// Placeholder until issue 5 lands.
#include "app.h"

#include <iostream>

namespace dd::app {

void add_gui_options(CLI::App&) {}
int run_gui() {
    std::cerr << "deskdrill: the desk window is not built yet\n";
    return 2;
}

}  // namespace dd::app
