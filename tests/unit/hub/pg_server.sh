#!/usr/bin/env bash
# A throw-away PostgreSQL 15 server for the hub tests (one per test run: a CTest fixture).
#   pg_server.sh start DIR   initdb in DIR/data as an unprivileged user, start on a free port of
#                            127.0.0.1 (password logins over TCP), write DIR/env for the tests
#   pg_server.sh stop DIR    pg_ctl -m immediate stop, remove DIR
# The server refuses to run as root: as root, the `postgres` user of Debian's package runs it
# (or a user this script creates). A watchdog stops the server when the CTest run that started
# it ends, however it ends; a failed start stops what it started (trap). Without PostgreSQL 15
# the start fails (scripts/deps.sh installs it), or with DESKDRILL_NO_HUB_TESTS=1 exits 77
# (skipped, and so is every hub test).
# For the benchmarks (tests/bench/bench_hub.cpp): DESKDRILL_PG_REUSE=1 starts the data folder
# DIR/data again when it is there (its databases kept between runs), DESKDRILL_PG_FSYNC=on
# keeps fsync on (the tests turn it off: they never pull the plug).
set -u
cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: pg_server.sh start|stop DIR" >&2; exit 2; }
bin=/usr/lib/postgresql/15/bin

as_user() {
    if [ "$(id -u)" = 0 ]; then runuser -u "$pguser" -- "$@"; else "$@"; fi
}

stop() {
    if [ -f "$dir/pguser" ]; then
        pguser=$(cat "$dir/pguser")
        [ -f "$dir/data/postmaster.pid" ] && as_user "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
    fi
    rm -rf "$dir"
}

if [ "$cmd" = stop ]; then
    stop
    echo "hub test server: stopped"
    exit 0
fi

reuse=
if [ "${DESKDRILL_PG_REUSE:-0}" = 1 ] && [ -f "$dir/data/PG_VERSION" ] && [ -f "$dir/pw" ]; then
    reuse=1
else
    rm -rf "$dir"
fi
mkdir -p "$dir"
if [ ! -x "$bin/initdb" ]; then
    # scripts/deps.sh installs it (postgresql-15); nothing is installed at test time. Skipped
    # only when asked for: a CI machine without it must fail, not pass by skipping.
    if [ "${DESKDRILL_NO_HUB_TESTS:-0}" = 1 ]; then
        echo "SKIP: PostgreSQL 15 is not installed ($bin/initdb) and DESKDRILL_NO_HUB_TESTS=1; the hub tests are skipped" | tee "$dir/unavailable"
        exit 77
    fi
    echo "hub test server: PostgreSQL 15 is not installed ($bin/initdb): run scripts/deps.sh (or set DESKDRILL_NO_HUB_TESTS=1 to skip the hub tests)" >&2
    exit 1
fi

if [ "$(id -u)" = 0 ]; then
    pguser=postgres
    if ! id "$pguser" >/dev/null 2>&1; then
        pguser=deskdrill-pg
        id "$pguser" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$pguser"
    fi
    chown "$pguser" "$dir"
    chmod 0755 "$dir"
    # Every folder above DIR must let the server's user through.
    p=$(dirname "$dir")
    while [ "$p" != / ]; do chmod o+x "$p" 2>/dev/null || true; p=$(dirname "$p"); done
else
    pguser=$(id -un)
fi
echo "$pguser" >"$dir/pguser"
# A failed start stops what it started; a kept data folder (DESKDRILL_PG_REUSE) stays, with its
# databases (a server already running on it, for one, makes the start fail).
failed() {
    echo "hub test server: start failed" >&2
    [ -f "$dir/log" ] && tail -20 "$dir/log" >&2
    if [ -n "$reuse" ]; then exit 1; fi
    stop
    exit 1
}
trap failed ERR
set -E

if [ -n "$reuse" ]; then
    password=$(cat "$dir/pw")
else
    password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
    echo "$password" >"$dir/pw"
    chmod 0644 "$dir/pw"
    as_user "$bin/initdb" -D "$dir/data" -U dd_owner --pwfile="$dir/pw" -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1
fi
mkdir -p "$dir/sock"
chown "$pguser" "$dir/sock" 2>/dev/null || true

started=
for try in 1 2 3 4 5 6 7 8; do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    if ss -ltn 2>/dev/null | grep -q ":$port "; then continue; fi
    if as_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c fsync=${DESKDRILL_PG_FSYNC:-off} -c max_connections=60 -c shared_buffers=128MB" >/dev/null 2>&1; then
        started=1
        break
    fi
done
[ -n "$started" ] || { echo "hub test server: no free port found" >&2; false; }
trap - ERR

# Stops the server when the CTest run that started it is gone (killed, interrupted), so no test
# run leaves a server behind even when the cleanup fixture never runs.
# (DESKDRILL_PG_KEEP=1: no watchdog, for a server kept by hand while developing.)
ctest_pid=$PPID
if [ "${DESKDRILL_PG_KEEP:-0}" != 1 ]; then
    setsid bash -c '
    while kill -0 "$1" 2>/dev/null && [ -f "$2/data/postmaster.pid" ]; do sleep 2; done
    if [ -f "$2/data/postmaster.pid" ]; then
        if [ "$(id -u)" = 0 ]; then runuser -u "$3" -- "$4/pg_ctl" -D "$2/data" -m immediate stop
        else "$4/pg_ctl" -D "$2/data" -m immediate stop; fi
    fi' _ "$ctest_pid" "$dir" "$pguser" "$bin" </dev/null >/dev/null 2>&1 &
fi

cat >"$dir/env" <<ENV
port=$port
bin=$bin
data=$dir/data
pguser=$pguser
owner=host=127.0.0.1 port=$port user=dd_owner password=$password dbname=postgres connect_timeout=5
ENV
echo "hub test server: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir, as $pguser)"
