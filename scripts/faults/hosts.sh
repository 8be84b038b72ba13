# Sourced by scripts/faults/faults.sh (and, for one command at a time, by driver.ts): the hosts of
# the fault test. Each host is a network namespace `quipf-<name>-<id>` with one veth pair to a
# bridge in the router namespace; every address is in 10.213.0.0/24 and exists only inside these
# namespaces, so no packet of the test reaches any other network.
#   router  quipf-rt-<id>     bridge br0 (no address: hosts talk to each other on one segment)
#   pg      quipf-pg-<id>     10.213.0.2   PostgreSQL 15
#   redis   quipf-redis-<id>  10.213.0.3   Redis (append-only file on, as a production queue keeps it)
#   api     quipf-api-<id>    10.213.0.10  QUIP_ROLE=api
#   w1, w2  quipf-w1-<id> ... 10.213.0.11, 10.213.0.12   workers
#   ctl     quipf-ctl-<id>    10.213.0.20  the test driver (loads data, starts runs, checks them)
QUIPF_ID=${QUIPF_ID:-$$}
QUIPF_DIR=${QUIPF_DIR:-/tmp/quipf-$QUIPF_ID}
QUIPF_HOSTS=(pg redis api w1 w2 ctl)
QUIP_PG_BIN=${QUIP_PG_BIN:-/usr/lib/postgresql/15/bin}
QUIPF_PG_PORT=5432
QUIPF_REDIS_PORT=6379

quipf_ns() { echo "quipf-$1-$QUIPF_ID"; }
quipf_addr() {
  case $1 in
    pg) echo 10.213.0.2 ;; redis) echo 10.213.0.3 ;; api) echo 10.213.0.10 ;;
    w1) echo 10.213.0.11 ;; w2) echo 10.213.0.12 ;; ctl) echo 10.213.0.20 ;;
    *) echo "unknown host $1" >&2; return 1 ;;
  esac
}

hosts_up() {
  mkdir -p "$QUIPF_DIR"
  local rt; rt=$(quipf_ns rt)
  ip netns add "$rt"
  ip -n "$rt" link set lo up
  ip -n "$rt" link add br0 type bridge
  ip -n "$rt" link set br0 up
  local h ns
  for h in "${QUIPF_HOSTS[@]}"; do
    ns=$(quipf_ns "$h")
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    # Created inside the router namespace, its peer moved straight into the host's: no interface
    # of the test ever exists in the machine's own namespace.
    ip -n "$rt" link add "v-$h" type veth peer name eth0 netns "$ns"
    ip -n "$rt" link set "v-$h" master br0
    ip -n "$rt" link set "v-$h" up
    ip -n "$ns" addr add "$(quipf_addr "$h")/24" dev eth0
    ip -n "$ns" link set eth0 up
  done
}

# Stops everything that runs in the test's namespaces (and only there), then removes them.
hosts_down() {
  local h ns pid
  if [ -f "$QUIPF_DIR/pg/data/postmaster.pid" ]; then
    runuser -u postgres -- "$QUIP_PG_BIN/pg_ctl" -D "$QUIPF_DIR/pg/data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
  fi
  for h in "${QUIPF_HOSTS[@]}" rt; do
    ns=$(quipf_ns "$h")
    ip netns list 2>/dev/null | grep -q "^$ns\b" || continue
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
  done
  sleep 0.3
  for h in "${QUIPF_HOSTS[@]}" rt; do
    ns=$(quipf_ns "$h")
    ip netns list 2>/dev/null | grep -q "^$ns\b" && ip netns del "$ns" 2>/dev/null
  done
  [ -n "${QUIPF_KEEP_DIR:-}" ] || rm -rf "$QUIPF_DIR"
  return 0
}

pg_start() {
  local ns; ns=$(quipf_ns pg)
  # PostgreSQL refuses to run as root: the postgres user, in a folder it owns.
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  if [ ! -d "$QUIPF_DIR/pg/data" ]; then
    mkdir -p "$QUIPF_DIR/pg"
    chown postgres "$QUIPF_DIR/pg"
    runuser -u postgres -- "$QUIP_PG_BIN/initdb" -D "$QUIPF_DIR/pg/data" -A trust -U postgres --no-sync -E UTF8 \
      >"$QUIPF_DIR/pg/initdb.log" 2>&1 || { cat "$QUIPF_DIR/pg/initdb.log" >&2; return 1; }
    echo "host all all 10.213.0.0/24 trust" >>"$QUIPF_DIR/pg/data/pg_hba.conf"
    # The settings live in the data folder, so pg_ctl restart starts the server exactly as before.
    cat >>"$QUIPF_DIR/pg/data/postgresql.conf" <<EOF
listen_addresses = '$(quipf_addr pg)'
port = $QUIPF_PG_PORT
unix_socket_directories = '$QUIPF_DIR/pg'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  fi
  ip netns exec "$ns" runuser -u postgres -- "$QUIP_PG_BIN/pg_ctl" -D "$QUIPF_DIR/pg/data" \
    -l "$QUIPF_DIR/pg/server.log" -w -t 60 start >/dev/null || { tail -20 "$QUIPF_DIR/pg/server.log" >&2; return 1; }
}

# The operator's restart: a fast shutdown (open sessions are ended) and a start.
pg_restart() {
  ip netns exec "$(quipf_ns pg)" runuser -u postgres -- "$QUIP_PG_BIN/pg_ctl" -D "$QUIPF_DIR/pg/data" \
    -l "$QUIPF_DIR/pg/server.log" -m fast -w -t 60 restart >/dev/null || { tail -20 "$QUIPF_DIR/pg/server.log" >&2; return 1; }
}

redis_start() {
  mkdir -p "$QUIPF_DIR/redis"
  # noeviction for BullMQ; an append-only file so a restart keeps the queues; protected mode off
  # (it admits loopback clients only), the address is reachable inside the test's namespaces only.
  ip netns exec "$(quipf_ns redis)" redis-server --port "$QUIPF_REDIS_PORT" --bind "$(quipf_addr redis)" \
    --protected-mode no --save '' --appendonly yes --appendfsync everysec --maxmemory-policy noeviction --dir "$QUIPF_DIR/redis" \
    --pidfile "$QUIPF_DIR/redis/redis.pid" --logfile "$QUIPF_DIR/redis/redis.log" --daemonize yes >/dev/null
  local _
  for _ in $(seq 1 100); do
    redis_ping && return 0
    sleep 0.1
  done
  tail -20 "$QUIPF_DIR/redis/redis.log" >&2
  return 1
}

redis_ping() {
  [ "$(ip netns exec "$(quipf_ns ctl)" redis-cli -h "$(quipf_addr redis)" -p "$QUIPF_REDIS_PORT" ping 2>/dev/null)" = PONG ]
}

# redis_stop SIGNAL: signals the Redis server and waits until it is gone.
redis_stop() {
  local pid _; pid=$(cat "$QUIPF_DIR/redis/redis.pid")
  kill "-$1" "$pid"
  for _ in $(seq 1 200); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.05
  done
  echo "Redis did not stop" >&2
  return 1
}

# The operator's restart: SIGTERM (Redis writes its append-only file and exits), then a start.
redis_restart() { redis_stop TERM && redis_start; }

# A Redis host lost with its data: SIGKILL, its files removed, a new empty Redis started at the
# same address (every queued and active job gone; runs are left to the workers' orphan sweep).
redis_lose() { redis_stop KILL && rm -rf "$QUIPF_DIR/redis" && redis_start; }

# partition <host> <peer> on|off: frames between the two hosts go to a MAC address nobody has, so
# the bridge floods them and every host drops them (a silent partition, both directions; the host
# still reaches everyone else). off removes the false entries; ARP finds the real ones again.
partition() {
  local a=$1 b=$2 mode=$3
  if [ "$mode" = on ]; then
    ip -n "$(quipf_ns "$a")" neigh replace "$(quipf_addr "$b")" lladdr 02:00:5e:00:53:99 dev eth0 nud permanent
    ip -n "$(quipf_ns "$b")" neigh replace "$(quipf_addr "$a")" lladdr 02:00:5e:00:53:99 dev eth0 nud permanent
  else
    ip -n "$(quipf_ns "$a")" neigh del "$(quipf_addr "$b")" dev eth0
    ip -n "$(quipf_ns "$b")" neigh del "$(quipf_addr "$a")" dev eth0
  fi
}
