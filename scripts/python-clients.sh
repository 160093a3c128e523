#!/usr/bin/env bash
# Provides a Python virtual environment holding the official Azure Language authoring SDKs of
# test/clients/requirements.txt (pinned, with hashes), for the suite in test/clients/, and prints
# the path of its python on stdout. Progress goes to stderr.
#
# The environment lives in .tools/python-clients/<key>/ (ignored by git), where <key> is a hash
# of the requirements file and of the Python version, so changing either builds a new one and an
# unchanged pair is reused at once. A build that did not finish leaves no stamp and is redone.
#
# Needs Python 3.9 or later with its venv module, as `python3` (or $PYTHON); fails with a message
# saying so when there is none. Packages come from PyPI through pip.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
requirements="$root/test/clients/requirements.txt"
python=${PYTHON:-python3}

say() { printf 'python-clients: %s\n' "$*" >&2; }

if ! command -v "$python" > /dev/null 2>&1; then
    say "Python 3 is required for the official-SDK suite (test/clients/) and '$python' was not found."
    say "Install Python 3.9 or later with its venv module (Debian: apt-get install python3 python3-venv), or set PYTHON."
    exit 3
fi
if ! "$python" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 9) else 1)' 2> /dev/null; then
    say "'$python' is not Python 3.9 or later with the venv module: $("$python" --version 2>&1 || true)."
    say "Install Python 3.9 or later with its venv module (Debian: apt-get install python3 python3-venv), or set PYTHON."
    exit 3
fi

version=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
key=$( (cat "$requirements"; echo "$version") | sha256sum | cut -c1-16)
venv="$root/.tools/python-clients/$key"
stamp="$venv/.complete"

if [[ -f "$stamp" ]]; then
    say "reusing $venv (Python $version)"
else
    started=$SECONDS
    rm -rf "$venv"
    mkdir -p "$(dirname "$venv")"
    say "creating $venv (Python $version)"
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
        --require-hashes --no-deps --only-binary=:all: -r "$requirements" >&2
    touch "$stamp"
    say "installed in $((SECONDS - started))s"
fi
echo "$venv/bin/python"
