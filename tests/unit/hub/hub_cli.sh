#!/usr/bin/env bash
# The hub from the command line, as the README's setup runs it: `hub init`, one `hub add-site`
# per site, two desks made with `user`/`play --db`, `sync`, `sync --status`, `hub sites`,
# `hub publish`, and `report … --hub` equal to each desk's own report for its site; --help and
# bad input (a wrong connection string, a server down, a wrong password, a role or site the
# hub does not know: exit 2, what to fix, nothing changed — the desk keeps everything).
#   hub_cli.sh DESKDRILL EXAMPLES_DIR PG_ENV_FILE WORK_DIR
set -u
D=$1
EX=$2
ENVFILE=$3
W=$4
if [ -f "$(dirname "$ENVFILE")/unavailable" ]; then
    echo "[  SKIPPED ] $(cat "$(dirname "$ENVFILE")/unavailable")"
    exit 0
fi
OWNER=$(grep '^owner=' "$ENVFILE" | cut -d= -f2-)
[ -n "$OWNER" ] || { echo "FAIL: no server ($ENVFILE)"; exit 1; }
. "$(dirname "$0")/../../lib/cli.sh"
cli_workdir "$W"

tag=$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
DB=hubcli_$tag
# The database is made and dropped with psql (Debian's postgresql-client, beside the server).
cleanup() {
    psql "$OWNER" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
    psql "$OWNER" -qc "DROP ROLE IF EXISTS \"dd_site_east-$tag\"" >/dev/null 2>&1
    psql "$OWNER" -qc "DROP ROLE IF EXISTS \"dd_site_south-$tag\"" >/dev/null 2>&1
}
trap cleanup EXIT
psql "$OWNER" -qc "CREATE DATABASE $DB" >/dev/null || fail "cannot create the test database"
HUB=${OWNER/dbname=postgres/dbname=$DB}
PORT=$(grep '^port=' "$ENVFILE" | cut -d= -f2)

# --- help and bad input ---------------------------------------------------------------------
for c in sync hub "hub init" "hub add-site" "hub sites" "hub publish" "hub publish assignment"; do
    # shellcheck disable=SC2086
    run 0 "$D" $c --help
    has out.txt "Usage: deskdrill $c"
    has out.txt "Exit codes"
done
run 2 "$D" hub init
has err.txt "--hub is required"

# --- headquarters -------------------------------------------------------------------------
run 0 "$D" hub init --hub "$HUB" --utc-offset 480
has out.txt "schema deskdrill at version 4"
run 0 "$D" hub init --hub "$HUB"
echo "east-password-1234" >east.pw
echo "south-password-123" >south.pw
run 0 "$D" hub add-site --hub "$HUB" --site "east-$tag" --name 阳光花园 --region 华东 --password-file east.pw
has out.txt "role dd_site_east-$tag"
run 0 "$D" hub add-site --hub "$HUB" --site "south-$tag" --name 松园 --region 华南 --password-file south.pw
run 2 "$D" hub add-site --hub "$HUB" --site "Bad Code" --name x --password-file east.pw
has err.txt "a site code is 1 to 41 of a-z"

# --- two desks ------------------------------------------------------------------------------
SCEN=$EX/complaint.night-renovation-noise.yaml
echo "admin-pass-1" >admin.pw
desk() {  # desk FILE SITE-NAME
    TZ=Asia/Shanghai run 0 "$D" user init --db "$1" --admin-password-file admin.pw
    TZ=Asia/Shanghai run 0 "$D" user add --db "$1" --id T001 --name 张三 --site "$2" --cohort 2026-春
    TZ=Asia/Shanghai run 0 "$D" user add --db "$1" --id T002 --name 李四 --site "$2" --cohort 2026-春
    for t in T001 T002; do  # play exits 1 for the poor one: it fails
        for k in "0 gold" "1 poor"; do
            set -- "$1" "$2" $k
            TZ=Asia/Shanghai run "$3" "$D" play "$SCEN" \
                --transcript "$EX/complaint.night-renovation-noise.$4.yaml" --db "$1" --trainee $t
        done
    done
}
desk east.db 阳光花园
desk south.db 松园
EAST="host=127.0.0.1 port=$PORT dbname=$DB user=dd_site_east-$tag password=east-password-1234"
SOUTH="host=127.0.0.1 port=$PORT dbname=$DB user=dd_site_south-$tag password=south-password-123"

# Offline first: exit 2, everything kept, the failed run recorded.
run 0 "$D" sync --db east.db --status --json
pending=$(grep '"pending"' out.txt)
run 2 "$D" sync --db east.db --hub "host=127.0.0.1 port=1 dbname=x user=y connect_timeout=2"
has err.txt "deskdrill sync: error: cannot reach the hub: connection to server at \"127.0.0.1\", port 1 failed: Connection refused"
has err.txt "; check the host and port in --hub, and that the server runs; nothing was lost — the desk keeps its records and the next sync sends them"
run 0 "$D" sync --db east.db --status
has out.txt "尚未与总部同步过"
has out.txt "最近一次同步失败"
run 2 "$D" sync --db east.db
has err.txt "--hub is required"
# Bad connection strings, a wrong password, a role that is not a site's, a database without a
# hub: exit 2, what to fix, nothing sent (the outbox as it was).
run 2 "$D" sync --db east.db --hub "not a conninfo"
has err.txt "deskdrill sync: error: the hub's connection string cannot be read: missing \"=\" after \"not\" in connection info string; give a libpq connection string ('host=HOST dbname=DB user=ROLE') or URI ('postgresql://ROLE@HOST/DB?sslmode=verify-full')"
run 2 "$D" sync --db east.db --hub "${EAST/password=east/password=wrong}"
has err.txt "the hub refused the login:"
has err.txt "password authentication failed for user \"dd_site_east-$tag\"; check the role and its password"
run 2 "$D" sync --db east.db --hub "$HUB"
has err.txt "as dd_owner: the role 'dd_owner' is not a site's role on this hub; headquarters creates one per site with \`deskdrill hub add-site\`"
run 2 "$D" sync --db east.db --hub "${EAST/dbname=$DB/dbname=postgres}"
has err.txt "no DeskDrill hub in this database"
run 0 "$D" sync --db east.db --status --json
has out.txt "$pending"
# Headquarters' commands alike; a refused add-site adds nothing.
for c in "hub init" "hub sites" "report cohort"; do
    # shellcheck disable=SC2086
    run 2 "$D" $c --hub "host=127.0.0.1 port=x"
    has err.txt "the hub's connection string cannot be read: invalid integer value \"x\" for connection option \"port\""
    # shellcheck disable=SC2086
    run 2 "$D" $c --hub "host=127.0.0.1 port=1 dbname=x user=y connect_timeout=2"
    has err.txt "cannot reach the hub"
    # shellcheck disable=SC2086
    run 2 "$D" $c --hub "${HUB/password=/password=x}"
    has err.txt "password authentication failed for user \"dd_owner\"; check the role and its password"
done
run 2 "$D" hub add-site --hub "${HUB/password=/password=x}" --site "west-$tag" --name 西园 --password-file east.pw
has err.txt "the hub refused the login"
run 2 "$D" hub add-site --hub "${HUB/dbname=$DB/dbname=nosuch_$tag}" --site "west-$tag" --name 西园 --password-file east.pw
has err.txt "no such database on the hub's server:"
has err.txt "database \"nosuch_$tag\" does not exist; check dbname in --hub"
run 0 "$D" hub sites --hub "$HUB" --json
grep -qF "west-$tag" out.txt && fail "a refused add-site added the site"

run 0 "$D" sync --db east.db --hub "$EAST"
has out.txt "作答 4"
run 0 "$D" sync --db south.db --hub "$SOUTH" --json
has out.txt '"attempts": 4'
run 0 "$D" sync --db east.db --hub "$EAST" --json
has out.txt '"pushed": 0'
run 0 "$D" sync --db east.db --status --json
has out.txt '"pending": 0'
has out.txt '"ok": true'
run 0 "$D" hub sites --hub "$HUB"
has out.txt "east-$tag"
has out.txt "缺 0"

# --- reports: a site on the hub equals the desk's own; the hub equals their sum -----------------
for pair in "east.db 阳光花园" "south.db 松园"; do
    set -- $pair
    run 0 "$D" report cohort --db "$1" --site "$2" --json
    cp out.txt desk.json
    run 0 "$D" report cohort --hub "$HUB" --site "$2" --json
    diff -u desk.json out.txt >diff.txt || fail "the hub's report of $2 differs from the desk's: $(head -20 diff.txt)"
    run 0 "$D" report items --db "$1" --site "$2" --json
    cp out.txt desk.json
    run 0 "$D" report items --hub "$HUB" --site "$2" --json
    diff -u desk.json out.txt >diff.txt || fail "the hub's items of $2 differ: $(head -20 diff.txt)"
done
run 0 "$D" report cohort --hub "$HUB"
has out.txt "学员 4 人 · 作答 8 次 · 通过 4 次(50.0%)"
run 0 "$D" report cohort --hub "$HUB" --region 华南
has out.txt "区域 华南"
has out.txt "作答 4 次"
run 2 "$D" report cohort --db east.db --region 华东
has err.txt "regions are the hub's"
run 2 "$D" report cohort --hub "$HUB" --site nosuch
has err.txt "deskdrill report cohort: error: no site 'nosuch' on the hub (by code or name); \`deskdrill hub sites --hub URL\` lists them"
run 2 "$D" report items --hub "$HUB" --region 华北
has err.txt "no region '华北' on the hub; its regions: 华东, 华南"
run 2 "$D" hub publish trainee --hub "$HUB" --site nosuch --id T1 --name 某人
has err.txt "no site 'nosuch' on the hub"
run 2 "$D" report trainee T001 --hub "$HUB"
has err.txt "several sites"
run 0 "$D" report trainee T001 --hub "$HUB" --site "south-$tag"
has out.txt "T001 张三 · 松园"
# A site's own role cannot read the others' figures.
run 2 "$D" report cohort --hub "$EAST"
has err.txt "permission denied"

# --- publishing ---------------------------------------------------------------------------
run 0 "$D" hub publish trainee --hub "$HUB" --site "east-$tag" --id T009 --name 新人 --cohort 2026-春
run 0 "$D" hub publish assignment --hub "$HUB" --site "east-$tag" --trainee T009 \
    --scenario complaint.night-renovation-noise --mode assessment --due 2027-01-31
run 0 "$D" hub publish text --hub "$HUB" --kind scenario "$SCEN"
has out.txt "scenario complaint.night-renovation-noise"
run 0 "$D" sync --db east.db --hub "$EAST"
# The trainee and the assignment; the scenario text is the one the desk played already.
has out.txt "下载 2 项:学员 1,任务 1,场景/标准 0"
run 0 "$D" assign list --db east.db --trainee T009 --json
has out.txt '"scenario": "complaint.night-renovation-noise"'
# Due at the end of that day in the hub's zone (+08:00), the desk's too: the same day there.
has out.txt '"due": "2027-01-31 23:59"'
# The options are `assign add`'s: one trainee or one cohort, a date that is one.
run 2 "$D" hub publish assignment --hub "$HUB" --site "east-$tag" --trainee T009 --cohort 2026-春 \
    --scenario complaint.night-renovation-noise
has err.txt "excludes"
run 2 "$D" hub publish assignment --hub "$HUB" --site "east-$tag" --trainee T009 \
    --scenario complaint.night-renovation-noise --due 2027-02-30
has err.txt "--due '2027-02-30': not a date; write YYYY-MM-DD"

echo "hub CLI: all checks passed"
