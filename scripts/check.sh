#!/usr/bin/env bash
# The static checks of `npm test` (before scripts/test.sh), side by side: typecheck (`tsc -b`), lint (eslint), format
# (prettier) and the Electron build (`electron-vite build`). Each is one CPU-bound process, so on the 2-core CI machine
# two at a time take about half as long as one after another (docs/benchmarks.md § Test suite time). eslint and
# prettier are separate jobs: one after the other (~130 s of CPU) they were the longest chain once the typecheck
# shrank, and apart the four pack onto the two cores. Every check's output is kept and printed in order; the script
# fails if any check failed, after all of them ended.
set -uo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

names=(typecheck lint format build)
commands=("npx tsc -b" "npx eslint ." "npx prettier --check ." "npx electron-vite build")

pids=()
for i in "${!names[@]}"; do
  (
    start=$SECONDS
    bash -c "${commands[$i]}" >"$out/${names[$i]}.log" 2>&1
    status=$?
    echo "$status $((SECONDS - start))" >"$out/${names[$i]}.status"
    exit $status
  ) &
  pids+=($!)
done

failed=0
for i in "${!names[@]}"; do
  wait "${pids[$i]}" || true
  read -r status seconds <"$out/${names[$i]}.status"
  echo "== ${names[$i]}: $([ "$status" = 0 ] && echo ok || echo "FAILED ($status)") in ${seconds}s (${commands[$i]})"
  if [ "$status" != 0 ]; then
    cat "$out/${names[$i]}.log"
    failed=1
  fi
done
exit $failed
