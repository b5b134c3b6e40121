#!/usr/bin/env bash
# Runs every Go fuzz target of the module, one after the other, each for a while, at low
# priority, and prints one summary line per target (the figures docs/reliability.md records).
#
#   tools/fuzz/run.sh [DURATION] [PATTERN]     e.g. tools/fuzz/run.sh 10m, tools/fuzz/run.sh 30s Date
#
# Each new interesting input is minimized for at most FUZZ_MINIMIZE (default 5s) rather than
# Go's 60 s: inputs grown from a pack file of a few kilobytes otherwise take the run's minutes
# being shrunk instead of fuzzed.
#
# A target is any func Fuzz… in a _test.go file: new ones (the user-GeoJSON loader, the tour
# parser) are found without editing this script. A failing input is written by Go to the
# package's testdata/fuzz/<Target>/; commit it with the fix, as a regression seed. Logs go to
# ${FUZZ_LOG:-/tmp/frontline-fuzz}/<Target>.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10m}
pattern=${2:-.}
logs=${FUZZ_LOG:-/tmp/frontline-fuzz}
mkdir -p "$logs"
export LANG=${LANG:-en_US.UTF-8}
for pkg in $(go list ./...); do
  for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' | grep -E -- "$pattern" || true); do
    log="$logs/$target.log"
    start=$(date +%s)
    if nice -n 19 go test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$duration" \
        -fuzzminimizetime "${FUZZ_MINIMIZE:-5s}" >"$log" 2>&1; then
      status=ok
    else
      status=FAILED
    fi
    last=$(grep -E '^fuzz: elapsed' "$log" | tail -1 || true)
    echo "$target ($pkg): $status in $(( $(date +%s) - start ))s; $last"
  done
done
