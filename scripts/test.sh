#!/usr/bin/env bash
# The tests of `npm test`, in three vitest runs (docs/benchmarks.md § Test suite time):
#   1. the browser files (project e2e: one at a time, one worker) in a process of their own, BESIDE
#   2. the unit and server files (two workers, modules kept across files; the two files that mock a module isolated).
#      One vitest process runs its projects' groups one after another, so the browser files, one after another the
#      longest chain of the run, would start only after every Node file.
#   3. then the files that assert a speed (project unit-alone), alone: beside a browser file the apply rate fell below
#      its floor.
# The browser run's output is kept in a file and printed after the Node run's, so neither interleaves with the other.
# Arguments are passed to every run (e.g. --reporter=dot). Fails if any run failed, after all of them ended.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

start=$SECONDS
npx vitest run --project e2e "$@" >"$log" 2>&1 &
browser=$!
npx vitest run --project unit --project unit-mocked --project server "$@"
node_status=$?
node_seconds=$((SECONDS - start))
wait "$browser"
browser_status=$?
browser_seconds=$((SECONDS - start))
echo
echo "== browser files (vitest run --project e2e), run beside the unit and server files:"
cat "$log"
npx vitest run --project unit-alone "$@"
alone_status=$?
echo "== unit + server: exit ${node_status} after ${node_seconds}s; browser: exit ${browser_status} after ${browser_seconds}s; unit-alone: exit ${alone_status}; total $((SECONDS - start))s"
[ "$node_status" = 0 ] && [ "$browser_status" = 0 ] && [ "$alone_status" = 0 ]
