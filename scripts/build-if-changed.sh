#!/usr/bin/env bash
# Compiles the project only when a source or build setting changed since the last build. An
# up-to-date `tsc -b` still takes over half a second to find that out; an everyday command such
# as `npm run local -- preview` should not pay it (it is a tenth of the preview itself).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

stamp=bin/.tsbuildinfo
if [[ -f $stamp ]]; then
    changed=$(find provider emulator runtime scripts stacks test tsconfig.json package-lock.json \
        -newer "$stamp" \( -name '*.ts' -o -name '*.json' \) -print -quit)
    [[ -z $changed ]] && exit 0
fi
node_modules/.bin/tsc -b tsconfig.json
# tsc leaves the stamp alone when a touched file compiles to what it did: mark the check done.
touch "$stamp"
