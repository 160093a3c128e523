#!/usr/bin/env bash
# Runs `npm ci` when node_modules is missing or older than package-lock.json, so that `npm start`
# and `npm test` work on a fresh clone without a separate install step. One line says what it
# did and how long it took; npm's own output goes to .tools/logs/npm-ci.log, printed on failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
installed=node_modules/.package-lock.json
if [ -f "$installed" ] && [ ! package-lock.json -nt "$installed" ]; then
  exit 0
fi
mkdir -p .tools/logs
log=.tools/logs/npm-ci.log
started=$SECONDS
# One line per phase: its start, then how it ended.
printf 'install: npm dependencies (npm ci)... ' >&2
if ! npm ci --no-audit --no-fund >"$log" 2>&1; then
  printf 'failed:\n' >&2
  cat "$log" >&2
  printf 'install: the log above is also in %s\n' "$log" >&2
  exit 1
fi
printf 'ready in %ss\n' "$((SECONDS - started))" >&2
