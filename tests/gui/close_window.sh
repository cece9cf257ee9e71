#!/usr/bin/env bash
# Beside trainee_close.drive (run_gui_test.sh --beside): once the window has shown the assessment
# running (its screenshot before_close.png is written), closes the window as a window manager
# would — WM_DELETE_WINDOW through X11 (dd_wm_close, $DD_WM_CLOSE) — and says so.
set -u
out=$1
for _ in $(seq 1200); do
  [ -s "$out/before_close.png" ] && break
  sleep 0.1
done
[ -s "$out/before_close.png" ] || { echo "close_window.sh: the window never showed the assessment"; exit 1; }
"$DD_WM_CLOSE" DeskDrill
