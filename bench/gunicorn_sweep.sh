#!/usr/bin/env bash
# Static file and story page at 16 and 64 connections (wrk, 10 s each) for one gunicorn workers × threads setting,
# served with `make run`'s settings. Run `make run PORT=8370` once first (database, demo, static files), stop it,
# then e.g.:
#
#   bench/gunicorn_sweep.sh 2 8      # the default: one worker per core, 8 threads
#   bench/gunicorn_sweep.sh 4 16
#
# Figures go in docs/benchmarks.md ("Serving under load").
set -euo pipefail
cd "$(dirname "$0")/.."
workers=${1:?workers}
threads=${2:?threads}
port=${PORT:-8370}
export DJANGO_SETTINGS_MODULE=campaign_site.settings.production SECRET_KEY="$(cat .local/secret-key)" \
  ALLOWED_HOSTS=127.0.0.1,localhost SITE_URL="http://127.0.0.1:$port" SECURE_SSL_REDIRECT=false COOKIE_SECURE=false \
  PORT="$port" WEB_CONCURRENCY="$workers" GUNICORN_THREADS="$threads"
.venv/bin/gunicorn -c campaign_site/gunicorn.conf.py campaign_site.wsgi >/dev/null 2>&1 &
server=$!
trap 'kill $server; wait $server 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -sf -o /dev/null "$base/" && break; sleep 0.3; done
for _ in $(seq 40); do curl -s -o /dev/null "$base/stories/lillian/"; curl -s -o /dev/null "$base/"; done  # warm
css=$(curl -s "$base/" | grep -o 'href="/static/[^"]*\.css"' | head -1 | cut -d'"' -f2)
for connections in 16 64; do
  for path in "$css" /stories/lillian/; do
    out=$(wrk -t2 -c"$connections" -d10s --latency --timeout 5s "$base$path")
    rate=$(awk '/Requests\/sec/{print $2}' <<<"$out")
    p50=$(awk '$1 == "50%"{print $2}' <<<"$out")
    p99=$(awk '$1 == "99%"{print $2}' <<<"$out")
    errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ' || true)
    echo "${workers}x${threads} c=$connections $path: $rate req/s, p50 $p50, p99 $p99 $errors"
  done
done
