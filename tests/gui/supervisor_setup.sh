#!/usr/bin/env bash
# Records for the supervisor's GUI test, made with the command line as a site would: an admin,
# a supervisor (S001 / super-pass-1), six trainees at two sites, the gold and poor transcripts of
# several scenarios stored as their attempts, and an assignment already overdue.
#   supervisor_setup.sh DESKDRILL RECORDS_FILE GOLDEN_DIR
set -euo pipefail
D=$1
DB=$2
G=$3
work=$(dirname "$DB")
mkdir -p "$work"
echo "admin-pass-1" >"$work/admin.pw"
echo "super-pass-1" >"$work/super.pw"
"$D" user init --db "$DB" --admin-password-file "$work/admin.pw" >/dev/null
"$D" user add --db "$DB" --role supervisor --id S001 --name 李主管 --site 阳光花园 \
  --new-password-file "$work/super.pw" >/dev/null
i=0
for t in T001:张三:阳光花园:2026-春 T002:李四:阳光花园:2026-春 T003:王五:阳光花园:2026-秋 \
         T004:赵六:翠湖苑:2026-春 T005:孙七:翠湖苑:2026-秋 T006:周八:翠湖苑:2026-秋; do
  IFS=: read -r id name site cohort <<<"$t"
  "$D" user add --db "$DB" --id "$id" --name "$name" --site "$site" --cohort "$cohort" >/dev/null
done
# Each trainee plays some scenarios, gold or poor by turns; play exits 1 for a failing report.
n=0
for s in complaint.night-renovation-noise inquiry.fee-standards complaint.angry-kept-waiting \
         emergency.fire-alarm-evacuation repair.minor-socket-trip privacy.caller-asks-room; do
  [ -d "$G/$s" ] || continue
  for t in T001 T002 T003 T004 T005 T006; do
    n=$((n + 1))
    kind=poor
    if [ $((n % 3)) -ne 0 ]; then kind=gold; fi
    if [ "$t" = T002 ] && [ "$kind" = gold ]; then kind=poor; fi
    "$D" play "$s" --transcript "$G/$s/$kind.yaml" --db "$DB" --trainee "$t" >/dev/null 2>&1 ||
      [ $? -eq 1 ]
  done
done
"$D" assign add --db "$DB" --trainee T002 --scenario complaint.night-renovation-noise \
  --mode assessment --due 2026-01-15 >/dev/null
echo "records: $n attempts in $DB"
