#!/usr/bin/env bash
# Runs `npm ci` when node_modules is missing or older than package-lock.json, so that `npm start`
# and `npm test` work on a fresh clone without a separate install step.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
installed=node_modules/.package-lock.json
if [ ! -f "$installed" ] || [ package-lock.json -nt "$installed" ]; then
  echo "ensure-dependencies: installing npm dependencies (npm ci)" >&2
  npm ci
fi
