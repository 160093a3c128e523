#!/usr/bin/env bash
# Provides the Pulumi CLI offline in .tools/pulumi/bin (ignored by git), three programs side by
# side so the engine never tries to download a plugin:
#   pulumi                          the CLI and engine, the exact version of @pulumi/pulumi in package.json
#   pulumi-language-nodejs          the Node.js language host, so plain `pulumi up` runs a program
#   pulumi-resource-pulumi-nodejs   the dynamic-provider launcher shipped in @pulumi/pulumi
#
# Each Go program comes from, in order: .tools already holding the right version; a program of the
# same version on PATH; a build in the machine cache (~/.cache/replicated-language-project/); a
# build from the Go module proxy into that cache. One line per phase is printed, with its time;
# a build's full log goes to .tools/logs/ and is printed only when the build fails.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# The exact devDependency (the peer range starts with ^), read without starting Node: this
# script runs before every local command.
cli_version="v$(sed -n 's/^ *"@pulumi\/pulumi": "\([0-9][0-9.]*\)".*/\1/p' package.json | head -n 1)"
# The last release whose sdk module still holds nodejs/cmd/pulumi-language-nodejs; later hosts
# live in a module of their own that the Go module proxy does not serve. It runs programs under
# newer engines, but ignores Pulumi.yaml's `main:` (see README, "The Pulumi CLI, offline").
host_version=v3.68.0
target="$root/.tools/pulumi/bin"
logs="$root/.tools/logs"
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/replicated-language-project"
launcher="$root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"

say() { printf 'install: %s\n' "$*" >&2; }

# Every copy we make carries a stamp file with its version (the language host has no version
# command, and reading a stamp keeps everyday commands fast).
is_ready() {
  local dir=$1 program=$2 version=$3
  [ -x "$dir/$program" ] && [ "$(cat "$dir/$program.version" 2>/dev/null)" = "$version" ]
}

# A pulumi CLI installed by other means, if it has the version we need.
pulumi_on_path() {
  local found
  found=$(command -v pulumi || true)
  [ -n "$found" ] && [ "$("$found" version 2>/dev/null || true)" = "$1" ] && echo "$found"
}

# Builds `package` of `module@version` into the cache, in a throwaway main module: replace
# directives in pulumi's own go.mod files are ignored in a dependency, which is what makes
# `go install module@version` impossible. Extra `go get` arguments pin companion modules.
go_build() {
  local program=$1 version=$2 package=$3 log=$4
  shift 4
  command -v go >/dev/null || { say "Go >= 1.25 is needed to build $program $version"; exit 1; }
  local cache="$cache_root/$program-$version" work
  work=$(mktemp -d)
  (
    set -e
    cd "$work"
    printf 'module local/%s-build\n\ngo 1.25.11\n' "$program" >go.mod
    export CGO_ENABLED=0 GOFLAGS=-mod=mod
    go get "$@"
    go build -trimpath -tags osusergo,grpcnotrace \
      -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" \
      -o "$work/$program" "$package"
    mkdir -p "$cache"
    mv "$work/$program" "$cache/$program"
    echo "$version" >"$cache/$program.version"
  ) >"$log" 2>&1 || {
    printf 'failed:\n' >&2
    cat "$log" >&2
    rm -rf "$work"
    say "the log above is also in ${log#"$root"/}"
    exit 1
  }
  rm -rf "$work"
}

# Puts `program` at `version` into .tools/pulumi/bin, building it if no copy is at hand.
provide() {
  local program=$1 version=$2 package=$3
  shift 3
  local started=$SECONDS found="" cache="$cache_root/$program-$version" how
  if is_ready "$target" "$program" "$version"; then
    return
  fi
  rm -f "$target/$program" "$target/$program.version"
  if [ "$program" = pulumi ]; then found=$(pulumi_on_path "$version" || true); fi
  if [ -n "$found" ]; then
    ln -s "$found" "$target/$program"
    how="found on PATH at $found"
  else
    how="copied from the machine cache"
    if ! is_ready "$cache" "$program" "$version"; then
      # The line is finished when the build ends: one line per phase.
      printf 'install: %s %s: building from the Go module proxy (minutes on a cold machine)... ' \
        "$program" "$version" >&2
      go_build "$program" "$version" "$package" "$logs/$program-build.log" "$@"
      printf 'ready in %ss\n' "$((SECONDS - started))" >&2
      how=""
    fi
    cp "$cache/$program" "$target/$program"
  fi
  echo "$version" >"$target/$program.version"
  if [ -n "$how" ]; then say "$program $version ready ($how, $((SECONDS - started))s)"; fi
}

[ -f "$launcher" ] || { say "missing $launcher: run 'npm ci' first"; exit 1; }
mkdir -p "$target" "$logs"

# pkg and sdk pinned to the SAME release, or minimal version selection mixes them.
provide pulumi "$cli_version" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi \
  "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@$cli_version" \
  "github.com/pulumi/pulumi/pkg/v3@$cli_version" "github.com/pulumi/pulumi/sdk/v3@$cli_version"
provide pulumi-language-nodejs "$host_version" github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs \
  "github.com/pulumi/pulumi/sdk/v3@$host_version"
if ! cmp -s "$launcher" "$target/pulumi-resource-pulumi-nodejs"; then
  install -m 0755 "$launcher" "$target/pulumi-resource-pulumi-nodejs"
fi
