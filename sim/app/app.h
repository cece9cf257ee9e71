// The desk window (Dear ImGui + GLFW). The only part of DeskDrill that includes ImGui/GLFW.
#pragma once
#include <CLI/CLI.hpp>

namespace dd::app {

// GUI-only options on the root command line (--lang, --drive, --screenshot-dir, --mode, …).
void add_gui_options(CLI::App& root);
// Opens the window and runs until it is closed. Returns the process exit code
// (0 ok; 1 a drive script step failed; 2 the window or its assets could not be set up).
int run_gui();

}  // namespace dd::app
