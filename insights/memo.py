"""A value kept in this process for a short time, so the event endpoint does not query the database per beacon."""

import threading
import time


class TimedMemo:
    """`get()` returns what `load()` returned at most `ttl` seconds ago; `forget()` makes the next `get()` reload.

    Each worker process has its own copy: a change made in another process shows here within `ttl` seconds.
    """

    def __init__(self, load, ttl=60.0):
        self._load = load
        self.ttl = ttl
        self._value = None
        self._expires = 0.0
        self._lock = threading.Lock()

    def get(self):
        if time.monotonic() >= self._expires:
            value = self._load()
            with self._lock:
                self._value = value
                self._expires = time.monotonic() + self.ttl
        return self._value

    def forget(self):
        self._expires = 0.0
