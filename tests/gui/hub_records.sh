#!/usr/bin/env bash
# Records for hub_console.drive (run_gui_test.sh --records): headquarters' hub on the hub tests'
# PostgreSQL server (tests/unit/hub/pg_server.sh; its env file in $DD_PG_ENV; the example in
# $DD_EXAMPLES).
#   prepare PLAYER DB    a hub database with sites gui-east (阳光花园, 华东) and gui-south (松园,
#                        华南), each desk's attempts synced into it (T001 gold and poor at
#                        each, T002 poor at gui-east), and a headquarters role (deskdrill_hq);
#                        the window gets --hub with that role (OUT/extra_args)
#   check PLAYER DB OUT  the window wrote nothing on the hub (the same attempts, no override,
#                        no assignment), and everything is dropped again
set -euo pipefail
phase=$1 dd=$2 db=$3
dir=$(dirname "$db")
if [ -f "$(dirname "$DD_PG_ENV")/unavailable" ]; then
  echo "hub test server unavailable: $(cat "$(dirname "$DD_PG_ENV")/unavailable")" >&2
  exit 1
fi
OWNER=$(grep '^owner=' "$DD_PG_ENV" | cut -d= -f2-)
PORT=$(grep '^port=' "$DD_PG_ENV" | cut -d= -f2)
DB=hubgui
HUB=${OWNER/dbname=postgres/dbname=$DB}
HQ="host=127.0.0.1 port=$PORT dbname=$DB user=dd_gui_hq password=hq-password-1234"
drop() {
  psql "$OWNER" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  for r in dd_gui_hq dd_site_gui-east dd_site_gui-south; do
    psql "$OWNER" -qc "DROP ROLE IF EXISTS \"$r\"" >/dev/null 2>&1 || true
  done
}
case "$phase" in
  prepare)
    drop
    psql "$OWNER" -qc "CREATE DATABASE $DB" >/dev/null
    "$dd" hub init --hub "$HUB" --utc-offset 480
    printf 'east-password-1234\n' >"$dir/east.pw"
    printf 'south-password-123\n' >"$dir/south.pw"
    "$dd" hub add-site --hub "$HUB" --site gui-east --name 阳光花园 --region 华东 --password-file "$dir/east.pw"
    "$dd" hub add-site --hub "$HUB" --site gui-south --name 松园 --region 华南 --password-file "$dir/south.pw"
    psql "$OWNER" -qc "CREATE ROLE dd_gui_hq LOGIN PASSWORD 'hq-password-1234' IN ROLE deskdrill_hq" >/dev/null
    printf 'admin-pass-1\n' >"$dir/admin.pw"
    ex=$DD_EXAMPLES
    scen=$ex/complaint.night-renovation-noise.yaml
    for site in east south; do
      name=阳光花园; [ $site = south ] && name=松园
      desk=$dir/$site.db
      TZ=Asia/Shanghai "$dd" user init --db "$desk" --admin-password-file "$dir/admin.pw"
      TZ=Asia/Shanghai "$dd" user add --db "$desk" --id T001 --name 张三 --site $name --cohort 2026-春
      TZ=Asia/Shanghai "$dd" user add --db "$desk" --id T002 --name 李四 --site $name --cohort 2026-春
      for run in "T001 gold" "T001 poor" "T002 poor"; do
        set -- $run
        [ $site = south ] && [ "$1" = T002 ] && continue
        TZ=Asia/Shanghai "$dd" play "$scen" --transcript "$ex/complaint.night-renovation-noise.$2.yaml" \
          --db "$desk" --trainee "$1" >/dev/null || [ $? -eq 1 ]
      done
      pw=$(cat "$dir/$site.pw")
      "$dd" sync --db "$desk" --hub "host=127.0.0.1 port=$PORT dbname=$DB user=dd_site_gui-$site password=$pw"
    done
    cp "$dir/east.db" "$db"
    printf -- '--hub\n%s\n' "$HQ" >"$dir/extra_args"
    psql "$HUB" -Atc "SELECT count(*) FROM deskdrill.attempts" >"$dir/hub_attempts_before"
    ;;
  check)
    out=$4
    n=$(psql "$HUB" -Atc "SELECT count(*) FROM deskdrill.attempts")
    o=$(psql "$HUB" -Atc "SELECT count(*) FROM deskdrill.overrides")
    a=$(psql "$HUB" -Atc "SELECT count(*) FROM deskdrill.assignments")
    drop
    [ "$n" = "$(cat "$out/hub_attempts_before")" ] || { echo "the hub's attempts changed: $n"; exit 1; }
    [ "$o" = 0 ] || { echo "the window wrote overrides on the hub"; exit 1; }
    [ "$a" = 0 ] || { echo "the window wrote assignments on the hub"; exit 1; }
    [ "$n" = 5 ] || { echo "expected 5 attempts on the hub, found $n"; exit 1; }
    echo "hub: $n attempts, nothing written by the window"
    ;;
  *) echo "hub_records.sh: prepare or check" >&2; exit 2 ;;
esac
