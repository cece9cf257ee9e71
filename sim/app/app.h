// The desk window (Dear ImGui + GLFW). The only part of DeskDrill that includes ImGui/GLFW.
#pragma once
#include <CLI/CLI.hpp>

namespace dd::app {

// GUI-only options on the root command line (--lang, --mode, --choice, …). With `test_hooks`
// also the test build's hooks: --drive (a UI script plays the window), --screenshot-dir,
// --keep-open and the start-up/frame benchmarks. Only `deskdrill-test`, which is never installed,
// asks for them: the program people use has no way to script an attempt.
void add_gui_options(CLI::App& root, bool test_hooks);
// Opens the window and runs until it is closed. Returns the process exit code
// (0 ok; 1 a drive script step failed; 2 the window or its assets could not be set up).
int run_gui();

}  // namespace dd::app
