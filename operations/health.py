"""Health endpoint for load balancers: database and cache status only (no versions, no secrets)."""

import logging
import secrets

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure is "error"; details go to the log, not to the caller
        logger.warning("Health check: database unreachable")
        return "error"
    return "ok"


def cache_status():
    cache = caches[settings.PAGE_CACHE_ALIAS]
    probe = secrets.token_hex(8)
    try:
        cache.set("healthz:probe", probe, 10)
        ok = cache.get("healthz:probe") == probe
    except Exception:  # noqa: BLE001
        ok = False
    if not ok:
        logger.warning("Health check: cache unreachable")
    return "ok" if ok else "error"


@never_cache
@require_safe
def healthz(request):
    status = {"database": database_status(), "cache": cache_status()}
    # Without the cache the site still serves (uncached), so only the database decides whether this instance
    # should take traffic; a cache outage is reported for monitoring.
    return JsonResponse(status, status=200 if status["database"] == "ok" else 503)
