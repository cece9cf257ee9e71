#!/usr/bin/env bash
# Records for supervisor.drive (run_gui_test.sh --records):
#   prepare PLAYER DB   an admin, a supervisor (S001 / super-pass-1), six trainees at two sites
#                       and cohorts, the gold and poor transcripts of four scenarios stored as
#                       their attempts (each trainee's newest: the example, complaint.night-
#                       renovation-noise), an assessment assigned to T002 and overdue
#   check PLAYER DB OUT the window stored the supervisor's override (with its reason) beside the
#                       automatic result and left the attempts as they were; it wrote a CSV for
#                       Excel (BOM) and two one-page PDFs naming the trainee (pdftotext)
set -euo pipefail
phase=$1 dd=$2 db=$3
golden=$(cd "$(dirname "$0")/../golden" && pwd)
case "$phase" in
  prepare)
    dir=$(dirname "$db")
    printf 'admin-pass-1\n' >"$dir/admin.pw"
    printf 'super-pass-1\n' >"$dir/super.pw"
    "$dd" user init --db "$db" --admin-password-file "$dir/admin.pw"
    "$dd" user add --db "$db" --role supervisor --id S001 --name 李主管 --site 阳光花园 \
      --new-password-file "$dir/super.pw"
    for t in T001:张三:阳光花园:2026-春 T002:李四:阳光花园:2026-春 T003:王五:阳光花园:2026-秋 \
             T004:赵六:翠湖苑:2026-春 T005:孙七:翠湖苑:2026-秋 T006:周八:翠湖苑:2026-秋; do
      IFS=: read -r id name site cohort <<<"$t"
      "$dd" user add --db "$db" --id "$id" --name "$name" --site "$site" --cohort "$cohort"
    done
    # Gold or poor by turns (T002 always poor); play exits 1 for a failing report.
    n=0
    for s in inquiry.fee-standards emergency.fire-alarm-evacuation repair.minor-socket-trip \
             complaint.night-renovation-noise; do
      for t in T001 T002 T003 T004 T005 T006; do
        n=$((n + 1))
        kind=gold
        if [ $((n % 3)) -eq 0 ] || [ "$t" = T002 ]; then kind=poor; fi
        rc=0
        "$dd" play "$s" --transcript "$golden/$s/$kind.yaml" --db "$db" --trainee "$t" \
          >/dev/null || rc=$?
        [ "$rc" -le 1 ] || exit 1
      done
    done
    "$dd" assign add --db "$db" --trainee T002 --scenario complaint.night-renovation-noise \
      --mode assessment --due 2026-01-15
    ;;
  check)
    out=$4
    "$dd" report agreement --db "$db" --json >"$out/agreement.json"
    "$dd" audit --db "$db" --json >"$out/audit_after.json"
    python3 - "$out" <<'PY'
import glob, json, subprocess, sys
out = sys.argv[1]
ag = json.load(open(f"{out}/agreement.json"))
overall = ag["overall"]
assert overall["n"] == 1, f"expected the one override of the window, got {overall}"
crit = [c for c in ag["criteria"] if c["n"]]
assert [c["criterion"] for c in crit] == ["courtesy.greeting"], crit
assert crit[0]["auto_pass_only"] == 1, crit  # the scorer passed it, the supervisor did not
audit = json.load(open(f"{out}/audit_after.json"))
assert audit["ok"], audit
assert audit["attempts"] == 24, audit["attempts"]
assert audit["overrides"] == 1, audit["overrides"]
exports = f"{out}/data/deskdrill/exports"
csv = glob.glob(f"{exports}/attempts-*.csv")
assert len(csv) == 1, csv
data = open(csv[0], "rb").read()
assert data.startswith(b"\xef\xbb\xbf"), "the CSV has no byte-order mark"
assert data.count(b"\r\n") == 25, data.count(b"\r\n")  # a header and 24 attempts
pdfs = sorted(glob.glob(f"{exports}/result-*.pdf"))
assert len(pdfs) == 2, pdfs
for p in pdfs:
    text = subprocess.run(["pdftotext", "-layout", p, "-"], capture_output=True, text=True,
                          check=True).stdout
    for want in ("张三（T001）", "考核结果单", "受训人签名", "录音复核"):
        assert want in text, (p, want)
print("records: the override kept beside the automatic result, 24 attempts unchanged, "
      "CSV with BOM, two PDFs")
PY
    ;;
  *) echo "supervisor_records.sh: prepare or check" >&2; exit 2 ;;
esac
