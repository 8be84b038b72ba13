# Sourced by scripts/test.sh and the benchmarks: start_redis starts a throw-away Redis on loopback and
# exports QUIP_REDIS_URL; stop_redis stops it.
ensure_redis() {
  command -v redis-server >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing redis-server with apt-get" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >/dev/null
  fi
  command -v redis-server >/dev/null || { echo "Redis is missing: install the redis-server package" >&2; return 1; }
}

start_redis() {
  ensure_redis || return 1
  QUIP_REDIS_DIR=$(mktemp -d /tmp/quip-redis.XXXXXX)
  local port; port=$(node "$(dirname "${BASH_SOURCE[0]}")/free-port.mjs")
  # BullMQ needs noeviction; persistence is off because the data is thrown away after the run.
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --maxmemory-policy noeviction \
    --dir "$QUIP_REDIS_DIR" --pidfile "$QUIP_REDIS_DIR/redis.pid" --logfile "$QUIP_REDIS_DIR/redis.log" --daemonize yes
  for _ in $(seq 1 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  redis-cli -p "$port" ping >/dev/null 2>&1 || { cat "$QUIP_REDIS_DIR/redis.log" >&2; return 1; }
  export QUIP_REDIS_URL="redis://127.0.0.1:$port"
  echo "Redis on 127.0.0.1:$port" >&2
}

stop_redis() {
  [ -n "${QUIP_REDIS_DIR:-}" ] || return 0
  [ -f "$QUIP_REDIS_DIR/redis.pid" ] && kill "$(cat "$QUIP_REDIS_DIR/redis.pid")" 2>/dev/null
  sleep 0.2
  rm -rf "$QUIP_REDIS_DIR"
  QUIP_REDIS_DIR=
}
