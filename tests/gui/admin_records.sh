#!/usr/bin/env bash
# Records for admin_accounts.drive (run_gui_test.sh --records):
#   prepare PLAYER DB   the admin (admin / admin-pass-1), trainee T001; a roster saved by a Chinese
#                       Excel as "CSV" (GB18030) at admin_accounts/roster.csv beside the test's
#                       output (the window's working directory is the tests' build folder)
#   check PLAYER DB OUT the window added T050 by hand and T101, T102 from the roster (GB18030
#                       names read right), and nothing from the roster with a bad row
set -euo pipefail
phase=$1 dd=$2 db=$3
dir=$(dirname "$db")
case "$phase" in
  prepare)
    printf 'admin-pass-1\n' >"$dir/admin.pw"
    "$dd" user init --db "$db" --admin-password-file "$dir/admin.pw"
    "$dd" user add --db "$db" --id T001 --name 张三 --site 阳光花园 --cohort 2026-春
    # 工号,姓名,项目 / T101,周一,阳光花园 / T102,吴二,阳光花园 in GB18030.
    printf '\xb9\xa4\xba\xc5,\xd0\xd5\xc3\xfb,\xcf\xee\xc4\xbf\r\nT101,\xd6\xdc\xd2\xbb,\xd1\xf4\xb9\xe2\xbb\xa8\xd4\xb0\r\nT102,\xce\xe2\xb6\xfe,\xd1\xf4\xb9\xe2\xbb\xa8\xd4\xb0\r\n' \
      >"$dir/roster.csv"
    # A roster with problems on rows 3 and 4 (UTF-8 with a byte-order mark).
    printf '\xef\xbb\xbf工号,姓名\r\nT201,郑三\r\n,无工号\r\nT001,重号\r\n' >"$dir/bad_roster.csv"
    ;;
  check)
    "$dd" user list --db "$db" >"$4/people.txt"
    grep -q "^T050	王五" "$4/people.txt" || { echo "T050 not added" >&2; exit 1; }
    grep -q "^T101	周一" "$4/people.txt" || { echo "T101 not imported" >&2; exit 1; }
    grep -q "^T102	吴二" "$4/people.txt" || { echo "T102 not imported" >&2; exit 1; }
    if grep -q "^T201" "$4/people.txt"; then echo "T201 imported from a bad roster" >&2; exit 1; fi
    grep -q "^T001	张三" "$4/people.txt" || { echo "T001 changed" >&2; exit 1; }
    echo "records: T050 added, T101 and T102 imported, the bad roster refused"
    ;;
  *) echo "admin_records.sh: prepare or check" >&2; exit 2 ;;
esac
