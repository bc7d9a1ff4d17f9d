#!/usr/bin/env bash
# npm start: install what is missing, build, then run everything (scripts/start.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure.sh
npx tsc -p tsconfig.build.json
exec node dist/scripts/start.js
