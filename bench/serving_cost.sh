#!/usr/bin/env bash
# What a request costs the app server under load, and how the load spreads over its workers: serves the site as
# `make run` does, then for the static file and the story page runs wrk at 64 connections and prints the rate, p50,
# p99, the workers' CPU per request, their threads' context switches per request and how many of the connections
# each worker held. Figures go in docs/benchmarks.md ("Serving under load"). gunicorn's settings come from the
# environment, e.g. the behaviour before workers had sockets and cores of their own:
#
#   bench/serving_cost.sh [PORT] [RUNS]
#   GUNICORN_REUSE_PORT=false GUNICORN_PIN_WORKERS=false bench/serving_cost.sh 8370 2
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-8370}
runs=${2:-1}
base="http://127.0.0.1:$port"
setsid make run PORT="$port" >/dev/null 2>&1 &
make_pid=$!
trap 'kill -- -$make_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf -o /dev/null "$base/healthz" && break; sleep 1; done
css=$(curl -s "$base/" | grep -o 'href="/static/[^"]*\.css"' | head -1 | cut -d'"' -f2)
for _ in $(seq 40); do curl -s -o /dev/null "$base/stories/lillian/"; curl -s -o /dev/null "$base$css"; done
# gunicorn's master is the one process of this session (setsid made make its leader) whose parent is not gunicorn.
for pid in $(pgrep -s "$make_pid" -f "gunicorn -c campaign_site"); do
  ps -o args= -p "$(ps -o ppid= -p "$pid" | tr -d ' ')" | grep -q gunicorn || master=$pid
done
workers=$(pgrep -P "$master" | tr '\n' ' ')
ticks() { local t=0; for p in $workers; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
switches() { cat $(for p in $workers; do echo /proc/"$p"/task/*/status; done) | awk '/ctxt_switches/ {s += $2} END {print s}'; }
held() { for p in $workers; do echo -n "$(ss -tnp state established "( sport = :$port )" | grep -c "pid=$p,") "; done; }
echo "workers: $workers(cores: $(for p in $workers; do taskset -cp "$p" | awk '{print $NF}'; done | tr '\n' ' '))"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
hz=$(getconf CLK_TCK)
for run in $(seq "$runs"); do
  for path in "$css" /stories/lillian/; do
    before_ticks=$(ticks); before_switches=$(switches)
    wrk -t2 -c64 -d10s --latency "$base$path" >/tmp/serving_cost.$$ &
    sleep 5; connections=$(held)
    wait $!
    out=$(cat /tmp/serving_cost.$$)
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    printf '%-8s run %s  req/s %8s  p50 %8s  p99 %8s  CPU ms/request %s  switches/request %s  connections per worker: %s\n' \
      "$([ "$path" = "$css" ] && echo static || echo story)" "$run" \
      "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1 == "50%" {print $2}' <<<"$out")" \
      "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
      "$(echo "scale=3; ($(ticks) - $before_ticks) * 1000 / $hz / $requests" | bc)" \
      "$(echo "scale=2; ($(switches) - $before_switches) / $requests" | bc)" "$connections"
  done
done
rm -f /tmp/serving_cost.$$
