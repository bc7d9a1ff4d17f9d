#!/usr/bin/env bash
# npm test: install what is missing, typecheck, lint (ESLint and Prettier) and build (the start-up
# test runs the built service; the browser tests the built console), then the unit, workflow and integration suites.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure.sh
# The integration suites want a real PostgreSQL: without DATABASE_URL, a scratch database on the
# machine's own server when one answers (as CI does), dropped afterwards; else the embedded one.
if [ -z "${DATABASE_URL:-}" ] && command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null \
  && psql -h 127.0.0.1 -U postgres -d postgres -qc "SELECT 1" >/dev/null 2>&1; then
  scratch="npm_test_$(date +%s)_$$"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $scratch"
  trap 'psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $scratch WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$scratch"
fi
npx tsc -p tsconfig.json --noEmit
npx tsc -p apps/console/tsconfig.json
npm run -s lint
npx tsc -p tsconfig.build.json
node scripts/console-build.mjs
npx jest --runInBand "$@"
