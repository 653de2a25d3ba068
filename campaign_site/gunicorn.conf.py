"""gunicorn settings, from the environment. The access log carries no client address or user agent."""

import gc
import multiprocessing
import os
from collections import Counter

from campaign_site.settings.env import env_bool

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Each worker listens on its own socket (SO_REUSEPORT) and the kernel spreads new connections over them. On one shared
# socket whichever worker woke first took them: measured, one worker held all 64 of wrk's keep-alive connections while
# the other idled (a third of the rate, twice the latency; docs/benchmarks.md). Only for TCP: a unix socket is a file
# each worker would replace.
reuse_port = env_bool("GUNICORN_REUSE_PORT", True) and not bind.startswith(("unix:", "fd://"))
# gthread workers: each thread answers one request while the worker keeps idle keep-alive connections open, so a
# burst of connections queues in no TCP backlog and a slow reader ties up one thread, not a process. Threads share one
# worker's memory; 2 workers × 8 threads on 2 cores measured best (docs/benchmarks.md).
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Only a worker that stops answering its master is killed after `timeout`: a gthread worker streaming a film to a
# slow client keeps answering, so the stream is not cut.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Django and Wagtail are imported once in the master and shared by the forked workers: a worker starts in
# milliseconds, not after seconds of imports while requests queue for it.
preload_app = env_bool("GUNICORN_PRELOAD", True)
# No recycling by default: recycling every 2,000 requests re-imported Wagtail under load (p99 of 2 s). Measured with
# the soak in docs/benchmarks.md, memory stays flat. A deployment that wants it sets GUNICORN_MAX_REQUESTS, and the
# jitter (half of it by default) keeps workers from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", str(max_requests // 2)))
# gunicorn ≥ 25.1 opens a control socket (`gunicornc`) in $XDG_RUNTIME_DIR or ~/.gunicorn by default: one path for
# every gunicorn of the account, so several servers on one machine (tests, a scale-out) would take it from each other.
# Nothing here uses it; GUNICORN_CONTROL_SOCKET names a path to turn it on.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "") or None
control_socket_disable = not control_socket
if control_socket is None:
    del control_socket
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # empty: no access log
# LOG_FORMAT=plain only: time, request line, status, size, duration. Deliberately no %(h)s (address), no %(a)s (user
# agent) and %(U)s (the path) rather than %(r)s (which holds the query string).
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"

# --- Logging (issue 19) ---
# One JSON object per line for the access and error logs (LOG_FORMAT=json, the default), in the shape of the site's
# own lines, and the same redaction of addresses and query strings either way (operations/gunicorn_logging.py,
# docs/deployment.md).
logger_class = "operations.gunicorn_logging.SiteLogger"


# --- Memory ---
def when_ready(server):
    """In the master, after the app is preloaded and before any worker is forked: Django's and Wagtail's 180,000
    objects are moved out of the garbage collector's sight (`gc.freeze`, as Python's documentation advises before a
    fork). A worker's full collection then skips them: without it one takes 86-104 ms in-process (bench/gc_pause.py)
    and took 241 ms once in a worker during a 64-connection run, holding every request of that worker
    (docs/benchmarks.md); and the forked workers keep sharing those pages of memory instead of copying them when the
    collector touches them."""
    gc.collect()
    gc.freeze()


# --- Cores ---
# Each worker keeps to one core of its own. A worker runs one thread at a time anyway (the GIL), and its threads hand
# the GIL and the connections to each other several times per request: on one core each hand-off is a local wake-up,
# across cores it was a cross-processor one, which on this 2-core VM cost more CPU than the page itself (measured with
# `perf`: 57 % of a worker's CPU in the kernel's task switching, 18 % once pinned; docs/benchmarks.md).
# GUNICORN_PIN_WORKERS=false turns it off (e.g. on a host where other services are pinned to the same cores).
pin_workers = env_bool("GUNICORN_PIN_WORKERS", True) and hasattr(os, "sched_setaffinity")


def pre_fork(server, worker):
    """In the master, before a worker starts: the core it will keep to, the one its running siblings use least.
    Several servers on one machine start from different cores (the master's process id)."""
    if not pin_workers:
        return
    cores = sorted(os.sched_getaffinity(0))
    in_use = Counter(getattr(sibling, "core", None) for sibling in server.WORKERS.values())
    first = os.getpid() % len(cores)
    worker.core = min(cores[first:] + cores[:first], key=lambda core: in_use[core])


def post_fork(server, worker):
    """In the new worker: keep to its core (its threads, started later, inherit it), never wait at exit for the page
    cache, and close any connection the master opened while preloading (the forked workers must not share it)."""
    if getattr(worker, "core", None) is not None:
        os.sched_setaffinity(0, {worker.core})

    # A web worker pays an expiry it owes when it next reaches the cache; waiting for it would hold up its exit.
    from operations import page_cache

    page_cache.wait_at_exit_for_owed_expiry = False

    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.close()
