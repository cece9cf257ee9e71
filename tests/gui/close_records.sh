#!/usr/bin/env bash
# Records for trainee_close.drive (run_gui_test.sh --records):
#   prepare PLAYER DB    as trainee_records.sh: T001 has an assessment of the example assigned
#   check PLAYER DB OUT  the window closed by the window manager's close stored one attempt of
#                        T001's, that assessment, abandoned; the close reached the window
#                        (beside.txt) and it asked first (close_asked.png, run_gui_test.sh)
set -euo pipefail
phase=$1 dd=$2 db=$3
here=$(cd "$(dirname "$0")" && pwd)
case "$phase" in
  prepare) bash "$here/trainee_records.sh" prepare "$dd" "$db" ;;
  check)
    out=$4
    grep -q "asked window" "$out/beside.txt" || { cat "$out/beside.txt"; exit 1; }
    "$dd" report trainee T001 --db "$db" --json >"$out/t001.json"
    python3 - "$out" <<'PY'
import json, sys
h = json.load(open(f"{sys.argv[1]}/t001.json"))["history"]
assert len(h) == 1, f"T001 has {len(h)} attempts, expected 1"
a = h[0]
assert a["scenario"] == "complaint.night-renovation-noise", a
assert a["mode"] == "assessment", a
assert a["ending"] == "abandoned", a
print("records: the assessment left by closing the window is stored, abandoned")
PY
    ;;
  *) echo "close_records.sh: prepare or check" >&2; exit 2 ;;
esac
