#!/usr/bin/env bash
# The site profile from the command line (issue 13, the company's own desk): `deskdrill site
# show|set|clear|history`, a bad profile file refused with file:line:col and nothing stored, the
# fee question played under the profile (`play --site`), stored, and still replaying to its stored
# result (`audit --replay`) after the admin changed the profile.
#   site_cli.sh DESKDRILL SCENARIOS_DIR GOLDEN_DIR WORK_DIR
set -u
D=$1
SC=$2
GD=$3
W=$4
. "$(dirname "$0")/../../lib/cli.sh"
cli_workdir "$W"
points() {  # points of criterion $2 in the JSON report $1
    python3 -c "import json,sys; r=json.load(open('$1')); print([c['points'] for c in r['criteria'] if c['id']=='$2'][0])"
}

echo "admin-pass-1" >admin.pw
run 0 "$D" user init --db r.db --admin-password-file admin.pw
run 0 "$D" user add --db r.db --id T001 --name 张三

run 0 "$D" site --help
has out.txt "Usage: deskdrill site"
has out.txt "{fee.property.amount}"
run 0 "$D" site show --db r.db
has out.txt "no site profile set"

# --- a bad profile: where and what, exit 2, nothing stored ------------------------------------
cat >bad.yaml <<'YAML'
company: 绿城物业
extensions: {securty: 8110}
fees:
  property: {amount: 三块二, unit: 元/平方米·月}
YAML
run 2 "$D" site set bad.yaml --db r.db
cat >want.txt <<'TXT'
bad.yaml:2:14: error: unknown key 'securty' in 'extensions'; did you mean 'security'?
bad.yaml:4:22: error: expected a number for 'amount', got '三块二'
TXT
diff -u want.txt err.txt >diff.txt || { cat diff.txt; fail "bad profile messages"; }
run 0 "$D" site history --db r.db
[ ! -s out.txt ] || fail "a refused profile was recorded"
run 2 "$D" site set missing.yaml --db r.db
has err.txt "missing.yaml"

# --- the profile set; the fee question under it -------------------------------------------------
cat >site.yaml <<'YAML'
company: 绿城物业
name: 桂花园
extensions: {engineering: "8201", security: "8110"}
fees:
  property: {name: 多层住宅物业服务费, amount: 3.2, unit: 元/平方米·月}
  parking: {name: 地下车位管理费, amount: 120, unit: 元/月}
YAML
run 0 "$D" site set site.yaml --db r.db
has out.txt "site profile set: 绿城物业 · 桂花园 (2 extension(s), 2 fee(s);"
run 0 "$D" site show --db r.db
has out.txt 'company: "绿城物业"'
has out.txt '  property: {name: "多层住宅物业服务费", amount: 3.2, unit: "元/平方米·月"}'
run 0 "$D" site show --db r.db --json
has out.txt '"security": "8110"'

# The library's gold answer (安居物业, 2.5元, 80元) is right for the scenario's own site…
run 0 "$D" play inquiry.fee-standards --transcript "$GD/inquiry.fee-standards/gold.yaml" --json
cp out.txt plain.json
[ "$(points plain.json expectation.correct-information)" -gt 0 ] || fail "gold without a profile"
[ "$(points plain.json courtesy.self-identify)" -gt 0 ] || fail "gold self-identify without a profile"
# … and wrong at 绿城物业's desk: the wrong company, the wrong fees.
run 1 "$D" play inquiry.fee-standards --transcript "$GD/inquiry.fee-standards/gold.yaml" --json --site site.yaml
cp out.txt ours.json
[ "$(points ours.json expectation.correct-information)" -eq 0 ] || fail "library fees under the profile"
[ "$(points ours.json courtesy.self-identify)" -eq 0 ] || fail "the library's company under the profile"
# 绿城物业's own answer passes under the profile, and is stored.
sed -e 's/安居物业/绿城物业/' -e 's/每平方米2.5元，您家89平方米，每月是222.5元/每平方米3.2元，您家89平方米，每月是284.8元/' \
    -e 's/每月80元/每月120元/' "$GD/inquiry.fee-standards/gold.yaml" >ours.yaml
run 0 "$D" play inquiry.fee-standards --transcript ours.yaml --json --site site.yaml --db r.db --trainee T001
cp out.txt stored.json
[ "$(points stored.json expectation.correct-information)" -eq "$(points plain.json expectation.correct-information)" ] ||
    fail "the company's own fees"
has err.txt "stored attempt"

# --- the profile changes; the stored attempt still replays to its result ----------------------
sed -e 's/3.2/3.5/' site.yaml >site2.yaml
run 0 "$D" site set site2.yaml --db r.db
run 0 "$D" audit --db r.db --replay
has out.txt "replayed   1"
has out.txt "ok: every record is as it was written"
run 0 "$D" site clear --db r.db
has out.txt "site profile cleared"
run 0 "$D" site history --db r.db
[ "$(wc -l <out.txt)" -eq 3 ] || fail "three settings in the history"
head -1 out.txt | grep -qF "(cleared)" || fail "the newest setting first"
run 0 "$D" audit --db r.db --replay
has out.txt "ok: every record is as it was written"

echo "site CLI: all checks passed"
