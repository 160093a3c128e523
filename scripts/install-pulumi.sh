#!/usr/bin/env bash
# Provides the Pulumi CLI offline in .tools/pulumi/bin (ignored by git): `pulumi` and the
# dynamic-provider launcher `pulumi-resource-pulumi-nodejs` side by side, plus the Node.js
# language host `pulumi-language-nodejs` when it can be had (see README, "The Pulumi CLI").
# Bundled plugins found next to `pulumi` are never downloaded.
#
# Order of preference:
#   1. .tools/pulumi/bin already holds the right version: nothing to do.
#   2. a `pulumi` of the same version on PATH: link to it (and to its language host).
#   3. a build of that version in the machine cache (~/.cache/...): copy it.
#   4. build it from the Go module proxy into that cache, then copy it.
#
# The CLI version is the exact @pulumi/pulumi version in package.json: the Node.js SDK and
# the engine are released together.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

version="v$(node -p 'require("./package.json").dependencies["@pulumi/pulumi"]')"
target="$root/.tools/pulumi/bin"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/replicated-language-project/pulumi-${version}"
launcher="$root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"

log() { printf 'install-pulumi: %s\n' "$*" >&2; }

has_version() { [ -x "$1/pulumi" ] && [ "$("$1/pulumi" version 2>/dev/null)" = "$version" ]; }

if has_version "$target" && [ -x "$target/pulumi-resource-pulumi-nodejs" ]; then
  log "pulumi $version ready in .tools/pulumi/bin"
  exit 0
fi
[ -f "$launcher" ] || { log "missing $launcher: run 'npm ci' first"; exit 1; }
rm -rf "$target" && mkdir -p "$target"

# Builds pulumi (and the language host, when the proxy serves it) into $cache.
build_from_go_proxy() {
  command -v go >/dev/null || { log "Go >= 1.25 is needed to build pulumi $version"; exit 1; }
  local work="$cache/build"
  rm -rf "$work" && mkdir -p "$work"
  cd "$work"
  # A throwaway main module: replace directives in pulumi's own go.mod files are ignored in a
  # dependency, which is what makes `go install pkg@version` impossible.
  printf 'module local/pulumi-cli-build\n\ngo 1.25.11\n' >go.mod
  export CGO_ENABLED=0 GOFLAGS=-mod=mod
  local flags="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${version}"
  local tags=osusergo,grpcnotrace
  log "building pulumi $version from the Go module proxy (a cold build takes several minutes)"
  go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@${version}"
  # The language host has no module tags: it is reachable only by the commit that the proxy
  # records for the pkg tag of the same release, and only if the proxy serves that commit.
  local host_module=github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 host_commit
  host_commit=$(go list -m -json "github.com/pulumi/pulumi/pkg/v3@${version}" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).Origin.Hash))')
  local with_host=yes
  go get "${host_module}@${host_commit}" 2>/dev/null || with_host=no
  # Pin pkg and sdk to the SAME release, or minimal version selection mixes them.
  go get "github.com/pulumi/pulumi/pkg/v3@${version}" "github.com/pulumi/pulumi/sdk/v3@${version}"
  go build -trimpath -tags "$tags" -ldflags "$flags" -o "$work/out/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
  if [ "$with_host" = yes ]; then
    go build -trimpath -tags "$tags" -ldflags "$flags" -o "$work/out/pulumi-language-nodejs" "$host_module"
  else
    log "the Go module proxy does not serve $host_module at ${host_commit:0:12}: built without it"
  fi
  mv "$work"/out/* "$cache/"
  cd "$root"
  rm -rf "$work"
}

found=$(command -v pulumi || true)
if [ -n "$found" ] && has_version "$(dirname "$found")"; then
  log "reusing pulumi $version found at $found"
  for tool in pulumi pulumi-language-nodejs; do
    if [ -x "$(dirname "$found")/$tool" ]; then ln -s "$(dirname "$found")/$tool" "$target/$tool"; fi
  done
else
  has_version "$cache" || build_from_go_proxy
  cp "$cache"/pulumi* "$target/"
fi
install -m 0755 "$launcher" "$target/pulumi-resource-pulumi-nodejs"
log "pulumi $("$target/pulumi" version) installed in .tools/pulumi/bin: $(ls "$target" | tr '\n' ' ')"
