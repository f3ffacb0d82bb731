#!/usr/bin/env bash
# Everything `npm test` runs, in lanes side by side (docs/benchmarks.md § Test suite time):
#   - the static checks (scripts/check.sh: typecheck, lint, build), each one CPU-bound process;
#   - the browser files (project e2e: one at a time, one worker) in a vitest process of their own;
#   - the unit and server files (two workers). One vitest process runs its projects' groups one after another, so
#     the browser files, one after another the longest chain of the run, would start only after every Node file;
#   then the files that assert a speed (project unit-alone), alone: beside a browser file the apply rate fell below
#   its floor.
# The static checks' and the browser run's output are kept in files and printed after the Node run's, so nothing
# interleaves. Arguments are passed to every vitest run (e.g. --reporter=dot). Fails if any lane failed, after all of
# them ended.
set -uo pipefail
cd "$(dirname "$0")/.."

checks_log=$(mktemp)
browser_log=$(mktemp)
trap 'rm -f "$checks_log" "$browser_log"' EXIT

start=$SECONDS
bash scripts/check.sh >"$checks_log" 2>&1 &
checks=$!
npx vitest run --project e2e "$@" >"$browser_log" 2>&1 &
browser=$!
npx vitest run --project unit --project server "$@"
node_status=$?
node_seconds=$((SECONDS - start))
wait "$browser"
browser_status=$?
browser_seconds=$((SECONDS - start))
wait "$checks"
checks_status=$?
checks_seconds=$((SECONDS - start))
echo
echo "== browser files (vitest run --project e2e), run beside the unit and server files:"
cat "$browser_log"
echo
echo "== static checks (scripts/check.sh), run beside the tests:"
cat "$checks_log"
npx vitest run --project unit-alone "$@"
alone_status=$?
echo "== checks: exit ${checks_status} after ${checks_seconds}s; unit + server: exit ${node_status} after ${node_seconds}s; browser: exit ${browser_status} after ${browser_seconds}s; unit-alone: exit ${alone_status}; total $((SECONDS - start))s"
[ "$checks_status" = 0 ] && [ "$node_status" = 0 ] && [ "$browser_status" = 0 ] && [ "$alone_status" = 0 ]
