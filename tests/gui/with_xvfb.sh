#!/usr/bin/env bash
# with_xvfb.sh [--screen WxHxD] CMD ARGS… — runs CMD on a private Xvfb display and returns its
# exit code. The display number comes from Xvfb itself (-displayfd), so any number of these can
# run at once (other test runs, other users) without racing for a display as `xvfb-run -a` can.
set -uo pipefail
screen=1280x800x24
if [ "${1:-}" = --screen ]; then screen=$2; shift 2; fi
command -v Xvfb >/dev/null 2>&1 || { echo "with_xvfb.sh: Xvfb is not installed (scripts/deps.sh installs xvfb)" >&2; exit 77; }
tmp=$(mktemp -d)
mkfifo "$tmp/displayfd"
Xvfb -displayfd 3 -screen 0 "$screen" -nolisten tcp -nolisten unix-abstract 3>"$tmp/displayfd" \
  >"$tmp/xvfb.log" 2>&1 &
xvfb=$!
cleanup() { kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
display=
if ! read -r -t 20 display <"$tmp/displayfd" || [ -z "$display" ]; then
  echo "with_xvfb.sh: Xvfb did not start:" >&2
  cat "$tmp/xvfb.log" >&2
  exit 1
fi
DISPLAY=":$display" "$@"
exit $?
