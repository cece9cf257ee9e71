#!/usr/bin/env bash
# Installs every Debian 12 package DeskDrill needs to build, test and run.
# Idempotent: packages already present are skipped; nothing is done when all are there.
# Uses sudo when not root. Set DESKDRILL_NO_GUI_DEPS=1 to skip the window/screenshot packages.
set -euo pipefail

pkgs=(
  # toolchain
  g++ cmake ninja-build ccache pkg-config dpkg-dev
  # core libraries
  libyaml-cpp-dev libsqlite3-dev libsodium-dev nlohmann-json3-dev libcli11-dev
  libopencc-dev opencc libutf8proc-dev libvalijson-dev
  # the hub (many sites): libpq to build; the PostgreSQL 15 server and psql for the hub tests
  # (tests/unit/hub/pg_server.sh runs /usr/lib/postgresql/15/bin; ss finds a free port)
  libpq-dev postgresql-15 postgresql-client-15 iproute2
  # the printable result (sim/print: PDF through Cairo and Pango) and its test (pdftoppm)
  libcairo2-dev libpango1.0-dev poppler-utils fonts-noto-cjk
  # tests, benchmarks, fuzzing
  libgtest-dev libgmock-dev libbenchmark-dev clang libclang-rt-14-dev
)
if [ "${DESKDRILL_NO_GUI_DEPS:-0}" != 1 ]; then
  pkgs+=(
    libimgui-dev libglfw3-dev libstb-dev libfreetype-dev libfontconfig-dev
    fonts-wqy-microhei fonts-fork-awesome
    libcanberra-dev sound-theme-freedesktop
    xvfb xauth xdotool libgl1-mesa-dri mesa-utils
  )
fi

# Node and npm run the xAPI validator in the tests (npm ci in the test step, never at build
# time). Debian's nodejs/npm only when no node or npm is there already (another packaging of
# Node, e.g. one that bundles npm, must not be replaced).
command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || pkgs+=(npm)

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "deps: installing ${#missing[@]} package(s): ${missing[*]}" >&2
SUDO=
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
