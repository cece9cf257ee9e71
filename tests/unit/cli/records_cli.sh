#!/usr/bin/env bash
# The records from the command line, as a supervisor uses them (issue 10's "done when"): the
# client's example gold and poor attempts stored with `play --db`, reported, re-scored under the
# 2027 catalogue, audited and exported; every records command's --help; exit codes 0/1/2; bad
# input refused with a clear message and nothing in the records changed; a trainee kept to their
# own records; a foreign file left untouched.
#   records_cli.sh DESKDRILL EXAMPLES_DIR TESTS_DIR WORK_DIR
set -u
D=$1
EX=$2
TD=$3
W=$4
. "$(dirname "$0")/../../lib/cli.sh"
cli_workdir "$W"
# What the records hold: the chain heads and counts, the people, the assignments.
fingerprint() {
    "$D" audit --db r.db --json | grep -v '"replayed"'
    "$D" user list --db r.db --all --json
    "$D" assign list --db r.db --json --at 2030-01-01
}

SCEN=$EX/complaint.night-renovation-noise.yaml
GOLD=$EX/complaint.night-renovation-noise.gold.yaml
POOR=$EX/complaint.night-renovation-noise.poor.yaml
echo "admin-pass-1" >admin.pw
echo "super-pass-1" >super.pw

# --- help -----------------------------------------------------------------------------------
for c in user assign report export rescore audit override "user add" "assign add" \
         "report cohort" "report attempt"; do
    # shellcheck disable=SC2086
    run 0 "$D" $c --help
    has out.txt "Usage: deskdrill $c"
    has out.txt "Exit codes"
done

# --- first run ------------------------------------------------------------------------------
run 2 "$D" user add --db r.db --id T001 --name 张三 </dev/null
has err.txt "needs its admin's password: give --admin-password-file FILE"
[ ! -e r.db ] || fail "a refused first run left a file behind"
run 0 "$D" user init --db r.db --admin-password-file admin.pw
[ "$(stat -c %a r.db)" = 600 ] || fail "the records file is not 0600"
run 0 "$D" user add --db r.db --id T001 --name 张三 --site 阳光花园 --cohort 2026-春
run 0 "$D" user add --db r.db --id T002 --name 李四 --site 阳光花园 --cohort 2026-春
run 0 "$D" user add --db r.db --role supervisor --id S001 --name 李主管 --new-password-file super.pw

# --- the example, stored ----------------------------------------------------------------------
run 0 "$D" play "$SCEN" --transcript "$GOLD" --db r.db --trainee T001 --json
cp out.txt gold.play.json
has err.txt "stored attempt"
has err.txt "(imported, practice, trainee T001)"
GOLD_ID=$(sed -n 's/.*stored attempt \([0-9a-f-]*\) .*/\1/p' err.txt)
[ -n "$GOLD_ID" ] || fail "no uuid in: $(cat err.txt)"
run 1 "$D" play "$SCEN" --transcript "$POOR" --db r.db --trainee T001 --mode assessment
POOR_ID=$(sed -n 's/.*stored attempt \([0-9a-f-]*\) .*/\1/p' err.txt)
run 0 "$D" play complaint.night-renovation-noise --transcript "$GOLD" --db r.db --trainee T002

# --- bad input changes nothing -------------------------------------------------------------
fingerprint >before.txt
run 2 "$D" play "$SCEN" --transcript "$GOLD" --db r.db --trainee T404
has err.txt "no person with employee number 'T404'"
printf 'scenario: complaint.night-renovation-noise\nactions:\n  - {at: 5, answr: phone}\n' >bad.yaml
run 2 "$D" play "$SCEN" --transcript bad.yaml --db r.db --trainee T001
has err.txt "bad.yaml:3:"
run 2 "$D" play "$SCEN" --transcript "$GOLD" --db r.db --trainee T001 --mode exam
has err.txt "--mode 'exam'"
run 2 "$D" user add --db r.db --id T001 --name 重复
has err.txt "employee number 'T001' is taken already"
run 2 "$D" assign add --db r.db --trainee T001 --scenario no.such-scenario
has err.txt "unknown scenario 'no.such-scenario'"
run 2 "$D" report cohort --db r.db --from 2026-02-30
has err.txt "--from '2026-02-30': not a date"
run 2 "$D" export --db r.db --format xlsx
has err.txt "--format 'xlsx': use csv, xapi or pdf"
run 2 "$D" report cohort --db r.db --result-set 1999.9
has err.txt "no result set matches '1999.9'"
run 2 "$D" report trainee T002 --db r.db --as T001
has err.txt "a trainee's session reads only that trainee's own records"
run 2 "$D" report cohort --db r.db --as T001
has err.txt "may not do this"
run 2 "$D" user list --db r.db --as S001 --password-file admin.pw
has err.txt "wrong employee number or password"
run 2 "$D" user add --db r.db --as S001 --password-file super.pw --role admin --id A9 --name 某 \
    --new-password-file super.pw
has err.txt "may not do this; it needs a admin"
run 2 "$D" override "$GOLD_ID" --db r.db --criterion courtesy.greeting --fail --reason ""
fingerprint >after.txt
cmp -s before.txt after.txt || { diff before.txt after.txt; fail "bad input changed the records"; }

# --- a foreign or garbage file is left alone ------------------------------------------------
printf 'not a database, just notes\n' >notes.db
cp notes.db notes.orig
run 2 "$D" report cohort --db notes.db
has err.txt "not a DeskDrill records database"
run 2 "$D" play "$SCEN" --transcript "$GOLD" --db notes.db --trainee T001
cmp -s notes.db notes.orig || fail "the garbage file was modified"
[ ! -e notes.db-wal ] || fail "a -wal file appeared beside the garbage file"

# --- reports -------------------------------------------------------------------------------
run 0 "$D" report trainee T001 --db r.db
has out.txt "学员报告 · T001 张三"
has out.txt "作答 2 次"
run 0 "$D" report trainee T001 --db r.db --as T001
run 0 "$D" report cohort --db r.db --site 阳光花园 --json
has out.txt '"attempts": 2'
has out.txt '"kind": "original"'
run 0 "$D" report cohort --db r.db --mode assessment --json
has out.txt '"attempts": 0'  # the poor one was imported: never a proctored assessment
# The stored debrief is the very report play printed, byte for byte.
run 0 "$D" report attempt "$GOLD_ID" --db r.db --json
cmp -s out.txt gold.play.json || { diff gold.play.json out.txt | head; fail "stored debrief differs"; }
run 0 "$D" report attempt "$POOR_ID" --db r.db
has out.txt "✗ 未通过"
run 0 "$D" report attempt "$GOLD_ID" --db r.db --record
has out.txt '"transcript":'
run 0 "$D" report items --db r.db
has out.txt "facility"

# --- re-scoring under the 2027 catalogue -----------------------------------------------------
run 0 "$D" rescore --db r.db --standards "$TD/data/rubric/standards-2027.1.yaml"
has out.txt "rescore: 3 attempt(s) scored under catalogue 2027.1"
run 0 "$D" rescore --db r.db --standards "$TD/data/rubric/standards-2027.1.yaml"
has out.txt "rescore: 0 attempt(s)"
has out.txt "3 had it already"
run 0 "$D" report cohort --db r.db --result-set 2027.1 --json
has out.txt '"catalogue_version": "2027.1"'
has out.txt '"kind": "rescored"'
run 0 "$D" play "$SCEN" --transcript "$GOLD" --standards "$TD/data/rubric/standards-2027.1.yaml" --json
cp out.txt gold.2027.json
run 0 "$D" report attempt "$GOLD_ID" --db r.db --result-set 2027.1 --json
cmp -s out.txt gold.2027.json || fail "the re-scored debrief differs from play --standards"

# --- overrides and agreement -----------------------------------------------------------------
run 0 "$D" override "$GOLD_ID" --db r.db --as S001 --password-file super.pw \
    --criterion courtesy.greeting --fail --reason 录音复核:问候不完整
has out.txt "by S001"
run 0 "$D" report agreement --db r.db --json
has out.txt '"n": 1'
has out.txt '"auto_pass_only": 1'

# --- assignments -----------------------------------------------------------------------------
run 0 "$D" assign add --db r.db --cohort 2026-春 --site 阳光花园 \
    --scenario complaint.night-renovation-noise --mode assessment --due 2026-01-31
run 0 "$D" assign list --db r.db --overdue --at 2030-01-01
has out.txt "2 item(s), 2 overdue"
run 0 "$D" assign list --db r.db --as T002 --at 2030-01-01
has out.txt "1 item(s)"

# --- audit -----------------------------------------------------------------------------------
run 0 "$D" audit --db r.db --replay
has out.txt "ok: every record is as it was written"
has out.txt "replayed   3"

# --- exports ---------------------------------------------------------------------------------
run 0 "$D" export --db r.db --format csv --out a.csv
[ "$(head -c 3 a.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "the CSV has no BOM"
grep -q "张三" a.csv || fail "the CSV lacks the trainee"
[ "$(wc -l <a.csv)" -eq 4 ] || fail "the CSV should hold a header and 3 rows"
run 0 "$D" export --db r.db --format xapi
[ "$(grep -c '"version": "1.0.3"' out.txt)" -eq 3 ] || fail "expected 3 xAPI statements"
has out.txt '"homePage": "https://deskdrill.invalid"'
echo "records CLI: all checks passed"
