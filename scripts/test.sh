#!/usr/bin/env bash
# npm test: install what is missing, build (the start-up test runs the built service), then every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure.sh
npx tsc -p tsconfig.build.json
npx jest --runInBand "$@"
