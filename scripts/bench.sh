#!/usr/bin/env bash
# npm run bench: measures, does not assert. BENCH_ONLY=decision|votes|cohort|surge|parked runs one of them.
# BENCH_CANDIDATES sets the decision sample (4 decisions each), BENCH_COHORT the round's size,
# SURGE_SIZES the month-end surge's sizes ("1000,10000"), PARKED_SIZES the parked schedules' ("1000,5000").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure.sh
# As npm test: without DATABASE_URL, the machine's own PostgreSQL when one answers (each benchmark makes
# its own scratch database on it and drops it); else the embedded one, which runs inside the measuring
# process and so slows what it measures.
if [ -z "${DATABASE_URL:-}" ] && command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null \
  && psql -h 127.0.0.1 -U postgres -d postgres -qc "SELECT 1" >/dev/null 2>&1; then
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"
fi
npx tsc -p tsconfig.build.json
only="${BENCH_ONLY:-}"
case "$only" in
  ''|decision|votes|cohort|surge|parked) ;;
  *) echo "BENCH_ONLY must be decision, votes, cohort, surge or parked (got '$only')" >&2; exit 2 ;;
esac
# Each benchmark runs in its own process, on its own dev server and database, one after the other.
for name in decision votes cohort surge parked; do
  [ -z "$only" ] || [ "$only" = "$name" ] || continue
  if [ ! -f "dist/bench/$name.bench.js" ]; then
    echo "no bench/$name.bench.ts in this checkout: skipped" >&2
    continue
  fi
  node "dist/bench/$name.bench.js"
done
