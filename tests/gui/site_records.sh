#!/usr/bin/env bash
# Records for site_profile.drive (run_gui_test.sh --records):
#   prepare PLAYER DB   the admin (admin / admin-pass-1), trainee T001 张三 with the fee question
#                       assigned for practice (assignment 1); no site profile yet
#   check PLAYER DB OUT the window set the profile (绿城物业 · 桂花园, 8110, 3.2元), stored T001's
#                       attempt under it, passed; the attempt replays to its stored result
set -euo pipefail
phase=$1 dd=$2 db=$3
case "$phase" in
  prepare)
    dir=$(dirname "$db")
    printf 'admin-pass-1\n' >"$dir/admin.pw"
    "$dd" user init --db "$db" --admin-password-file "$dir/admin.pw"
    "$dd" user add --db "$db" --id T001 --name 张三 --site 桂花园 --cohort 2026-冬
    "$dd" assign add --db "$db" --trainee T001 --scenario inquiry.fee-standards \
      --mode practice --due "$(date -d tomorrow +%F)"
    ;;
  check)
    out=$4
    "$dd" site show --db "$db" >"$out/site.yaml"
    grep -qF 'company: "绿城物业"' "$out/site.yaml" || { echo "no company set" >&2; exit 1; }
    grep -qF 'security: "8110"' "$out/site.yaml" || { echo "no extension set" >&2; exit 1; }
    grep -qF 'amount: 3.2' "$out/site.yaml" || { echo "no fee set" >&2; exit 1; }
    "$dd" report trainee T001 --db "$db" --json >"$out/t001.json"
    python3 - "$out" <<'PY'
import json, sys
t = json.load(open(f"{sys.argv[1]}/t001.json"))
text = json.dumps(t, ensure_ascii=False)
assert "inquiry.fee-standards" in text, "no attempt of the fee question stored"
PY
    "$dd" audit --db "$db" --replay >"$out/audit.txt"
    grep -q "replayed   1" "$out/audit.txt" || { cat "$out/audit.txt" >&2; exit 1; }
    echo "records: the profile set, the attempt stored under it and replaying to its result"
    ;;
  *) echo "site_records.sh: prepare or check" >&2; exit 2 ;;
esac
