#!/usr/bin/env bash
# Starts (or stops) a throw-away PostgreSQL server for the test suite, on a Unix socket and a
# loopback port, in a folder under /tmp. Prints the database URL on start.
set -euo pipefail
PGROOT=${COUNTER_APP_PG_ROOT:-/tmp/counter_app_pg}
PORT=${COUNTER_APP_PG_PORT:-55432}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$BIN" ] || { echo "PostgreSQL server binaries not found (Debian package postgresql)" >&2; exit 1; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    if [ -f "$PGROOT/data/postmaster.pid" ] && as_pg "$BIN/pg_ctl" -D "$PGROOT/data" status >/dev/null 2>&1; then
      :  # already running
    else
      if [ ! -f "$PGROOT/data/PG_VERSION" ]; then
        # No cluster yet (or a half-made one, which holds no data): make it. A cluster that exists is
        # only started again, never wiped: a stopped server keeps its databases.
        rm -rf "$PGROOT/data"; mkdir -p "$PGROOT"
        [ "$(id -u)" = 0 ] && chown postgres "$PGROOT"
        as_pg "$BIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
      fi
      as_pg "$BIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/log" -w -o "-p $PORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    fi
    echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    as_pg "$BIN/pg_ctl" -D "$PGROOT/data" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
