"""A Redis cache that degrades to "no cache" instead of failing the request.

Django's RedisCache raises redis.ConnectionError / TimeoutError when Redis is unreachable. For this site a cache
outage must only make pages slower, never break them, so every operation here turns those errors into a miss (reads)
or a no-op (writes), logs once per outage, and stops trying for a few seconds so a dead Redis does not add a
connection attempt to every request.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)
# Sent (sender: the cache) by the first call that succeeds after an outage this process saw: writes made during the
# outage were lost, e.g. the page cache's expiry on a publish (operations/page_cache.py replays it).
cache_recovered = Signal()


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("RETRY_AFTER_SECONDS", 5))
        # Fail fast: a cache that answers slowly is worse than none.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        params["OPTIONS"] = options
        super().__init__(server, params)
        # Shared by every alias and thread using this server, so an outage is noticed and logged once.
        self._state = self._outages.setdefault(str(server), {"down_until": 0.0, "in_outage": False})

    _outages = {}

    @property
    def is_available(self):
        return time.monotonic() >= self._state["down_until"]

    def _guard(self, operation, fallback, *args, **kwargs):
        if not self.is_available:
            return fallback
        state = self._state
        try:
            result = operation(*args, **kwargs)
        except OUTAGE_ERRORS as error:
            if not state["in_outage"]:
                logger.warning("Cache unreachable, serving without it: %s", error.__class__.__name__)
            state["in_outage"] = True
            state["down_until"] = time.monotonic() + self.retry_after
            return fallback
        if state["in_outage"]:
            logger.warning("Cache reachable again")
            state["in_outage"] = False
            cache_recovered.send(sender=self)
        return result

    def add(self, *args, **kwargs):
        return self._guard(super().add, False, *args, **kwargs)

    def get(self, key, default=None, version=None):
        return self._guard(super().get, default, key, default, version)

    def set(self, *args, **kwargs):
        return self._guard(super().set, None, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guard(super().touch, False, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._guard(super().delete, False, *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._guard(super().get_many, {}, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._guard(super().has_key, False, *args, **kwargs)

    def incr(self, key, delta=1, version=None):
        # A missing key still raises ValueError, as the API promises; an outage answers None.
        return self._guard(super().incr, None, key, delta, version)

    def set_many(self, *args, **kwargs):
        return self._guard(super().set_many, [], *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guard(super().delete_many, None, *args, **kwargs)

    def clear(self):
        return self._guard(super().clear, None)
