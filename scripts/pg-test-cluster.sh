#!/bin/sh
# A private PostgreSQL 15 for the tests (ctest fixture "postgres", tests/CMakeLists.txt):
#   scripts/pg-test-cluster.sh start DIR PORT   initdb DIR/data, start it, create role cx_test
#   scripts/pg-test-cluster.sh stop DIR         stop it and remove DIR
# Listens only on 127.0.0.1:PORT and a unix socket in DIR/sock; fsync on.
# TCP connections need a password (scram-sha-256), so a wrong one fails as in
# production; the role cx_test (password cx_test) may create databases:
#   postgresql://cx_test:cx_test@127.0.0.1:PORT/postgres
# initdb refuses root: as root, the cluster belongs to the postgres user.
set -eu
cmd=${1:?usage: pg-test-cluster.sh start|stop DIR [PORT]}
dir=${2:?usage: pg-test-cluster.sh start|stop DIR [PORT]}
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
    port=${3:?usage: pg-test-cluster.sh start DIR PORT}
    [ -x "$bin/initdb" ] || { echo "pg-test-cluster: no $bin/initdb (apt-get install postgresql-15)" >&2; exit 1; }
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir/sock"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"
    chmod 700 "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir/sock'
fsync = on
max_connections = 300
shared_buffers = 32MB
CONF
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/psql" -h "$dir/sock" -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE cx_test LOGIN CREATEDB PASSWORD 'cx_test'" >/dev/null
    echo "PostgreSQL test cluster on 127.0.0.1:$port ($dir)"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
# For the outage tests: stop or start the server, keeping the data.
pause)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
resume)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null
    ;;
*)
    echo "usage: pg-test-cluster.sh start|stop|pause|resume DIR [PORT]" >&2
    exit 2
    ;;
esac
