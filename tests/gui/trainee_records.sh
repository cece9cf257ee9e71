#!/usr/bin/env bash
# Records for trainee_assessment.drive (run_gui_test.sh --records):
#   prepare PLAYER DB   an admin, a supervisor, trainees T001 张三 and T002 李四, and an assessment
#                       of the example assigned to T001 (due tomorrow, assignment 1)
#   check PLAYER DB OUT the window stored one attempt of T001's: that assessment, finished,
#                       with the score of the report the window wrote; none of T002's
set -euo pipefail
phase=$1 dd=$2 db=$3
case "$phase" in
  prepare)
    dir=$(dirname "$db")
    printf 'admin-pass-1\n' >"$dir/admin.pw"
    printf 'super-pass-1\n' >"$dir/super.pw"
    "$dd" user init --db "$db" --admin-password-file "$dir/admin.pw"
    "$dd" user add --db "$db" --role supervisor --id S001 --name 李主管 --site 阳光花园 \
      --new-password-file "$dir/super.pw"
    "$dd" user add --db "$db" --id T001 --name 张三 --site 阳光花园 --cohort 2026-春
    "$dd" user add --db "$db" --id T002 --name 李四 --site 阳光花园 --cohort 2026-春
    "$dd" assign add --db "$db" --trainee T001 --scenario complaint.night-renovation-noise \
      --mode assessment --due "$(date -d tomorrow +%F)"
    ;;
  check)
    out=$4
    "$dd" report trainee T001 --db "$db" --json >"$out/t001.json"
    "$dd" report trainee T002 --db "$db" --json >"$out/t002.json"
    python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
t1 = json.load(open(f"{out}/t001.json"))
t2 = json.load(open(f"{out}/t002.json"))
gui = json.load(open(f"{out}/gui_report.json"))
h = t1["history"]
assert len(h) == 1, f"T001 has {len(h)} attempts, expected 1"
a = h[0]
assert a["scenario"] == "complaint.night-renovation-noise", a
assert a["mode"] == "assessment", a
assert a["ending"] == "finished", a
assert a["result"]["score"] == gui["score"], (a["result"]["score"], gui["score"])
assert t2["history"] == [], "T002 got an attempt"
print(f"records: T001 assessment stored, score {a['result']['score']}; T002 none")
PY
    ;;
  *) echo "trainee_records.sh: prepare or check" >&2; exit 2 ;;
esac
