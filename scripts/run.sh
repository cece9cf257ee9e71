#!/usr/bin/env bash
# The README's first command: installs what is missing, builds (release), starts DeskDrill.
# With a display: the desk window. Without one: a headless demo that plays the example scenario
# with its gold transcript and prints the debrief.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target deskdrill
exec build/release/deskdrill "$@"
