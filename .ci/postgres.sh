#!/usr/bin/env bash
# A throwaway PostgreSQL for the store's integration tests.
#
#   eval "$(.ci/postgres.sh)"     # sets CALLMATRIX_TEST_DATABASE_URL
#   .ci/postgres.sh stop          # stops it (the data directory stays, for a fast restart)
#   CALLMATRIX_PG_DIR=/tmp/callmatrix-pg-durable CALLMATRIX_PG_FSYNC=on .ci/postgres.sh
#                                 # a second cluster with fsync on (benchmarks)
#
# Installs Debian's `postgresql` when no server binary is present (needs root),
# runs a cluster as a non-root user (postgres refuses root) on 127.0.0.1, on
# port 54329 or the next free one, in $CALLMATRIX_PG_DIR (default
# /tmp/callmatrix-pg). Idempotent: a second run reuses the running cluster.
# Progress goes to stderr; stdout carries only the `export` line.
set -euo pipefail

DIR="${CALLMATRIX_PG_DIR:-/tmp/callmatrix-pg}"
FIRST_PORT="${CALLMATRIX_PG_PORT:-54329}"
DB=callmatrix_test
log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local dir
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  return 1
}

BIN=$(find_bin || true)
if [ -z "$BIN" ]; then
  [ "$(id -u)" = 0 ] || { log "no PostgreSQL server binary found and not root: install the postgresql package"; exit 1; }
  log "installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN=$(find_bin) || { log "postgresql installed but no pg_ctl found"; exit 1; }
fi
PSQL="$BIN/psql"
[ -x "$PSQL" ] || PSQL=$(command -v psql)

# The cluster's owner: the invoking user, or a non-root one when we are root.
if [ "$(id -u)" = 0 ]; then
  RUN_USER=postgres
  if ! id "$RUN_USER" >/dev/null 2>&1; then
    RUN_USER=callmatrix-pg
    id "$RUN_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_USER"
  fi
  as_owner() { runuser -u "$RUN_USER" -- "$@"; }
else
  RUN_USER=$(id -un)
  as_owner() { "$@"; }
fi

mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown "$RUN_USER" "$DIR"
chmod 700 "$DIR"
DATA="$DIR/data"

if [ "${1:-}" = stop ]; then
  if [ -f "$DATA/postmaster.pid" ]; then as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2; fi
  exit 0
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ ! -f "$DATA/PG_VERSION" ]; then
  log "initdb in $DATA"
  as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
fi

if as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  PORT=$(cat "$DIR/port")
  log "reusing the cluster on port $PORT"
else
  PORT=$FIRST_PORT
  while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
  echo "$PORT" >"$DIR/port"
  log "starting on 127.0.0.1:$PORT"
  # Throwaway data: fsync off keeps the tests fast; the store's own durability
  # settings (SQLite synchronous=FULL, PostgreSQL defaults) are what ships.
  # CALLMATRIX_PG_FSYNC=on keeps PostgreSQL's own defaults, for benchmarks
  # (give it its own CALLMATRIX_PG_DIR: a running cluster is reused as it is).
  DURABILITY="-c fsync=off -c full_page_writes=off"
  [ "${CALLMATRIX_PG_FSYNC:-off}" = on ] && DURABILITY=""
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PORT -k $DIR $DURABILITY -c max_connections=200" start >/dev/null
fi

if [ "$("$PSQL" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
  "$PSQL" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qc "CREATE DATABASE $DB" >&2
fi

echo "export CALLMATRIX_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/$DB"
