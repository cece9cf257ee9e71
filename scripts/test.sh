#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs every test.
#   1. scripts/deps.sh          (apt-get, only what is missing)
#   2. the `dev` preset         (Debug, -Werror): everything, incl. the GUI and the benchmarks
#   3. the `headless` preset    (DESKDRILL_GUI=OFF): the program without ImGui/GLFW, built and
#                               checked (no GUI library linked; the demo runs) — proof that the
#                               core needs no window
#   4. the `fuzz` preset        (clang + libFuzzer, ASan+UBSan): each target fuzzed for a bounded
#                               time (DESKDRILL_FUZZ_SECONDS, 20 s each by default)
#   5. CTest on the dev build   unit, golden, CLI, install, verify-the-library and GUI-under-Xvfb
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
jobs=$(nproc)
# The presets build the same sources in different folders; without the folder in ccache's hash
# the headless build reuses the dev build's objects.
export CCACHE_NOHASHDIR=1 CCACHE_BASEDIR="$PWD"
cmake --preset dev >/dev/null
cmake --build --preset dev -j "$jobs"
cmake --preset headless >/dev/null
cmake --build --preset headless -j "$jobs" --target deskdrill
if ldd build/headless/deskdrill | grep -Eq 'libglfw|libGL\.|libimgui'; then
  echo "test.sh: the headless build links a GUI library:" >&2
  ldd build/headless/deskdrill | grep -E 'libglfw|libGL\.|libimgui' >&2
  exit 1
fi
build/headless/deskdrill demo >/dev/null
echo "headless: built without ImGui/GLFW; its demo runs"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs"
ctest --preset fuzz
ctest --preset dev -j "$jobs"
