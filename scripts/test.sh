#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs every test.
#   1. scripts/deps.sh          (apt-get, only what is missing)
#   2. the `dev` preset         (Debug, -Werror): everything, incl. the GUI and the benchmarks
#   3. the `fuzz` preset        (clang + libFuzzer, ASan+UBSan): each loader fuzzed for a bounded
#                               time (DESKDRILL_FUZZ_SECONDS, 20 s each by default)
#   4. CTest on the dev build   unit, golden, CLI, verify-the-library and GUI-under-Xvfb tests
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
jobs=$(nproc)
cmake --preset dev >/dev/null
cmake --build --preset dev -j "$jobs"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs"
ctest --preset fuzz
ctest --preset dev -j "$jobs"
