#!/usr/bin/env bash
# The whole suite, unit to browser: `npm test` (README "The two commands"; .ci/run calls exactly this).
# Starts PostgreSQL 15 and Redis on loopback (installing them, and Chromium, with apt-get when missing),
# runs build, typecheck, lint, dependency rules and every Vitest project, stops what it started, and
# ends with the line `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 CI=${CI:-} FORCE_COLOR=0
source scripts/services/postgres.sh
source scripts/services/redis.sh
source scripts/services/chromium.sh

if ! command -v pnpm >/dev/null; then
  echo "installing pnpm 10.34.9" >&2
  npm install -g pnpm@10.34.9 >/dev/null 2>&1 || { echo "could not install pnpm" >&2; exit 1; }
fi
pnpm install --frozen-lockfile --reporter=silent || { echo "0 passed, 1 failed"; exit 1; }

cleanup() { stop_postgres; stop_redis; }
trap cleanup EXIT
trap 'exit 130' INT TERM
start_postgres || { echo "0 passed, 1 failed"; exit 1; }
start_redis || { echo "0 passed, 1 failed"; exit 1; }
ensure_chromium || { echo "0 passed, 1 failed"; exit 1; }
export QUIP_TEST_POSTGRES_URL=$QUIP_PG_URL QUIP_TEST_REDIS_URL=$QUIP_REDIS_URL

mkdir -p .tmp
checks_passed=0
checks_failed=0
check() {
  local name=$1; shift
  echo "== $name" >&2
  if "$@"; then checks_passed=$((checks_passed + 1)); else checks_failed=$((checks_failed + 1)); echo "FAILED: $name" >&2; fi
}
check build pnpm exec turbo run build --output-logs=errors-only
check typecheck pnpm exec turbo run typecheck --output-logs=errors-only
check lint pnpm exec biome ci --colors=off .
check dependency-rules pnpm exec depcruise apps packages bench --config .dependency-cruiser.cjs
check openapi-lint pnpm run --silent lint:openapi

echo "== vitest" >&2
rm -f .tmp/vitest.json
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json
vitest_status=$?
read -r tests_passed tests_failed < <(node scripts/vitest-counts.mjs .tmp/vitest.json "$vitest_status")
# Scaled mode on network-namespace hosts under kill -9, a partition and restarts (needs root).
check faults-across-hosts bash scripts/faults/faults.sh

passed=$((checks_passed + tests_passed))
failed=$((checks_failed + tests_failed))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
