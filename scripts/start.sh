#!/usr/bin/env bash
# npm start: install what is missing, build (the API and worker, and the web console when out of date), then run everything (scripts/start.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure.sh
npx tsc -p tsconfig.build.json
node scripts/console-build.mjs
exec node dist/scripts/start.js
