#!/usr/bin/env bash
# npm test: install what is missing, typecheck, lint (ESLint and Prettier) and build (the start-up
# test runs the built service), then the unit, workflow and integration suites.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure.sh
npx tsc -p tsconfig.json --noEmit
npm run -s lint
npx tsc -p tsconfig.build.json
npx jest --runInBand "$@"
