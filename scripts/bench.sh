#!/usr/bin/env bash
# npm run bench: measures, does not assert. BENCH_CANDIDATES sets the sample size (4 decisions each).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure.sh
npx tsc -p tsconfig.build.json
exec node dist/bench/decision.bench.js
