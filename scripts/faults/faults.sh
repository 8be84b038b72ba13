#!/usr/bin/env bash
# Faults across hosts (issue 14, item 6): Quip in scaled mode on six network-namespace hosts
# (scripts/faults/hosts.sh: PostgreSQL, Redis, the API, two workers and the test driver), a DDS QIP
# data set loaded through the API, a clean recompute, then recomputes during which the driver
# (scripts/faults/driver.ts) kills a worker with SIGKILL, partitions a worker from Redis for 30 s,
# restarts PostgreSQL and restarts Redis. Every run must end succeeded with the clean run's totals
# and a byte-identical payment file, or failed with a reason and then succeed when started again;
# nothing may be stored twice. Prints a markdown table of what happened (RELIABILITY.md).
# Run by scripts/test.sh; alone: `bash scripts/faults/faults.sh` as root.
# QUIP_FAULTS_SCALE: share of the California-scale data set (100,000 payees at 1); default 0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "$(id -u)" != 0 ]; then
  echo "faults: FAILED: this test builds network namespaces (ip netns), which needs root; run it as root" >&2
  exit 1
fi
for tool in ip redis-server redis-cli runuser "${QUIP_PG_BIN:-/usr/lib/postgresql/15/bin}/pg_ctl"; do
  command -v "$tool" >/dev/null || { echo "faults: FAILED: $tool is missing" >&2; exit 1; }
done
source scripts/faults/hosts.sh
export QUIPF_ID QUIPF_DIR
trap hosts_down EXIT
trap 'exit 130' INT TERM
hosts_up
pg_start
redis_start
echo "faults: hosts up (namespaces quipf-*-$QUIPF_ID, 10.213.0.0/24), PostgreSQL and Redis started" >&2
# A watchdog: a hung driver fails the test instead of the suite.
timeout --kill-after=10 "${QUIP_FAULTS_TIMEOUT_SECONDS:-1500}" \
  ip netns exec "$(quipf_ns ctl)" node --import tsx scripts/faults/driver.ts
