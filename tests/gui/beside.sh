#!/usr/bin/env bash
# beside.sh SCRIPT OUT CMD ARGS… — runs CMD with `bash SCRIPT OUT` beside it on the same display
# (run_gui_test.sh --beside); returns CMD's exit code, stops SCRIPT when CMD ends.
set -uo pipefail
script=$1 out=$2
shift 2
bash "$script" "$out" >"$out/beside.txt" 2>&1 &
helper=$!
"$@"
rc=$?
kill "$helper" 2>/dev/null
wait "$helper" 2>/dev/null
exit $rc
