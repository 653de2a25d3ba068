#!/usr/bin/env bash
# How long the test suite takes: wall clock and CPU seconds (pytest, its xdist workers and their browsers), with the
# machine's load before and after, since other work on a shared machine stretches the wall clock. Figures go in
# docs/benchmarks.md ("Test suite duration").
#
#   bench/suite_duration.sh test                    # make test (SQLite)
#   bench/suite_duration.sh test-postgres DATABASE_URL=postgres://postgres@127.0.0.1:5432/campaign_bench
#   bench/suite_duration.sh test TEST_WORKERS=0     # without pytest-xdist
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?make target: test or test-postgres}
shift
log=$(mktemp)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
TIMEFORMAT="wall %R s, CPU %U s user + %S s system"
time { make "$target" "$@" >"$log" 2>&1 || status=$?; }
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "^=+ .*(passed|failed).* =+$" "$log" || tail -20 "$log"
echo "full output: $log"
exit "$status"
