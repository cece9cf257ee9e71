// The desk window (Dear ImGui + GLFW). The only part of DeskDrill that includes ImGui/GLFW.
#pragma once
#include <CLI/CLI.hpp>

namespace dd::app {

// GUI-only options on the root command line (e.g. --lang, --screenshot, --script).
void add_gui_options(CLI::App& root);
// Opens the window and runs until it is closed. Returns the process exit code.
int run_gui();

}  // namespace dd::app
