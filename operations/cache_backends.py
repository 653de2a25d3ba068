"""The page cache's backends: a Redis cache that degrades to "no cache" instead of failing the request, and, where
there is no Redis (`make run`), a file cache that skips compression.

Django's RedisCache raises redis.ConnectionError / TimeoutError when Redis is unreachable. For this site a cache
outage must only make pages slower, never break them, so every operation here turns those errors into a miss (reads)
or a no-op (writes), logs once per outage, and stops trying for a few seconds so a dead Redis does not add a
connection attempt to every request.
"""

import logging
import pickle
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
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


_MISSING = object()


class UncompressedFileCache(FileBasedCache):
    """Django's file cache without its zlib: a cached page is written once and read thousands of times, and inflating
    it was the largest single cost of a cache hit (in-process, a hit took 212-274 microseconds with it, 158-237
    without: bench/request_cost.py, docs/benchmarks.md). The pages of a few dozen addresses take a few megabytes
    uncompressed. Expiry works as in Django's."""

    def get(self, key, default=None, version=None):
        path = self._key_to_file(key, version)
        try:
            with open(path, "rb") as file:
                if self._is_expired(file):
                    return default
                return pickle.load(file)  # noqa: S301 - our own cache files, as Django's backend reads them
        except FileNotFoundError:
            return default
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError):
            # Written compressed by Django's backend (a cache folder from before this one) or cut short: removed, as
            # if expired, so the next write replaces it; left, an unreadable generation number would stop every purge.
            self._delete(path)
            return default

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's reads the value back through zlib; a fresh write (an atomic rename) does the same job.
        value = self.get(key, _MISSING, version)
        if value is _MISSING:
            return False
        self.set(key, value, timeout, version)
        return True
