#!/usr/bin/env bash
# CTest xapi.export: the client's example stored with the command line, re-scored, exported as
# xAPI (original and re-scored result sets), and the statements validated by an existing
# validator — Learning Locker's xapi-validation, pinned in package-lock.json and installed here
# with `npm ci` (never at build time). Skips (exit 77) only when npm cannot reach its registry.
#   xapi_check.sh DESKDRILL EXAMPLES_DIR TESTS_DIR WORK_DIR
set -u
D=$1
EX=$2
TD=$3
W=$4
HERE=$(cd "$(dirname "$0")" && pwd)
rm -rf "$W/db"
mkdir -p "$W/db"
cd "$W" || exit 1
export XDG_DATA_HOME="$W/xdg"
die() { echo "FAIL: $*"; exit 1; }

echo "admin-pass-1" >db/admin.pw
"$D" user init --db db/r.db --admin-password-file db/admin.pw >/dev/null 2>&1 || die "user init"
"$D" user add --db db/r.db --id T001 --name 张三 --site 阳光花园 --cohort 2026-春 >/dev/null ||
    die "user add"
for kind in gold poor; do
    "$D" play "$EX/complaint.night-renovation-noise.yaml" \
        --transcript "$EX/complaint.night-renovation-noise.$kind.yaml" \
        --db db/r.db --trainee T001 >/dev/null 2>&1
    [ $? -le 1 ] || die "play $kind"
done
"$D" rescore --db db/r.db --standards "$TD/data/rubric/standards-2027.1.yaml" >/dev/null ||
    die "rescore"
"$D" export --db db/r.db --format xapi --out db/original.json 2>/dev/null || die "export"
"$D" export --db db/r.db --format xapi --result-set 2027.1 --out db/rescored.json 2>/dev/null ||
    die "export --result-set"

command -v node >/dev/null && command -v npm >/dev/null ||
    die "node and npm are needed (scripts/deps.sh installs them)"
cp "$HERE/package.json" "$HERE/package-lock.json" "$HERE/validate.js" "$W/"
if ! npm ping >npm-ping.log 2>&1; then
    echo "SKIP: npm cannot reach its registry, so the xAPI validator cannot be installed:"
    tail -3 npm-ping.log
    exit 77
fi
npm ci --no-audit --no-fund --loglevel=error >npm-ci.log 2>&1 || {
    cat npm-ci.log
    die "npm ci"
}
node validate.js db/original.json db/rescored.json
