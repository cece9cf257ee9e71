#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs every test.
#   1. scripts/deps.sh          (apt-get, only what is missing)
#   2. the `dev` preset         (Debug, -Werror): unit, golden, CLI and GUI-under-Xvfb tests via CTest
#   3. the `fuzz` preset        (clang + libFuzzer, ASan+UBSan): each loader fuzzed for a bounded time
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
jobs=$(nproc)
cmake --preset dev >/dev/null
cmake --build --preset dev -j "$jobs"
ctest --preset dev -j "$jobs"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs"
ctest --preset fuzz
