#!/usr/bin/env bash
# The type checks (the app's config and the engine's, which has no DOM) and the linter, side by side:
# each is one single-threaded process, so together they finish in about the time of the longest.
set -uo pipefail
cd "$(dirname "$0")/.."
npx tsc -p tsconfig.json --noEmit & app=$!
npx tsc -p engine/tsconfig.json --noEmit & engine=$!
npx eslint . & lint=$!
status=0
for p in "$app" "$engine" "$lint"; do wait "$p" || status=1; done
exit "$status"
