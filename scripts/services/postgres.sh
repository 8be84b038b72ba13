# Sourced by scripts/test.sh and the benchmarks: start_postgres starts a throw-away PostgreSQL 15 on
# loopback and exports QUIP_PG_URL; stop_postgres stops it and removes its files.
QUIP_PG_BIN=${QUIP_PG_BIN:-/usr/lib/postgresql/15/bin}

ensure_postgres_binaries() {
  [ -x "$QUIP_PG_BIN/initdb" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing PostgreSQL 15 with apt-get" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15) >/dev/null
  fi
  [ -x "$QUIP_PG_BIN/initdb" ] || { echo "PostgreSQL 15 is missing: install the postgresql-15 package (binaries in $QUIP_PG_BIN)" >&2; return 1; }
}

start_postgres() {
  ensure_postgres_binaries || return 1
  QUIP_PG_DIR=$(mktemp -d /tmp/quip-pg.XXXXXX)
  local port; port=$(node "$(dirname "${BASH_SOURCE[0]}")/free-port.mjs")
  local as=()
  if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root: run it as the postgres user, in a folder that user owns.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$QUIP_PG_DIR"
    as=(runuser -u postgres --)
  fi
  QUIP_PG_AS=("${as[@]}")
  "${as[@]}" "$QUIP_PG_BIN/initdb" -D "$QUIP_PG_DIR/data" -A trust -U postgres --no-sync -E UTF8 >"$QUIP_PG_DIR/initdb.log" 2>&1 \
    || { cat "$QUIP_PG_DIR/initdb.log" >&2; return 1; }
  # Durability is off: the data is thrown away after the run, and the suite is faster for it.
  "${as[@]}" "$QUIP_PG_BIN/pg_ctl" -D "$QUIP_PG_DIR/data" -l "$QUIP_PG_DIR/server.log" -w -t 60 \
    -o "-p $port -k $QUIP_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$QUIP_PG_DIR/server.log" >&2; return 1; }
  export QUIP_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL 15 on 127.0.0.1:$port" >&2
}

stop_postgres() {
  [ -n "${QUIP_PG_DIR:-}" ] || return 0
  "${QUIP_PG_AS[@]}" "$QUIP_PG_BIN/pg_ctl" -D "$QUIP_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$QUIP_PG_DIR"
  QUIP_PG_DIR=
}
