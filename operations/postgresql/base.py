"""Django's PostgreSQL backend, failing fast while the server cannot be reached.

A hung PostgreSQL (a stopped postmaster, a full connection queue) accepts the TCP connection and then says nothing:
without a limit, every request needing a new connection waits for ever and the workers freeze, cached pages included.
`connect_timeout` (settings: DB_CONNECT_TIMEOUT) bounds one attempt, but libpq's floor is 2 seconds, and every
request would pay it. So after a failed connection this process refuses new connections at once for
DB_RETRY_AFTER_SECONDS, then lets one request try again: the site recovers by itself when the server returns.
Requests meanwhile get the static 500 page (or 503 from /healthz and /events/) without waiting.
"""

import logging
import threading
import time

from django.conf import settings
from django.db.backends.postgresql import base
from psycopg import OperationalError

logger = logging.getLogger(__name__)

# One record per server, shared by this process's threads: {"down_until": monotonic time}.
_servers = {}
_lock = threading.Lock()


class DatabaseUnreachable(OperationalError):
    """Refused without trying: a connection to this server failed moments ago."""


class DatabaseWrapper(base.DatabaseWrapper):
    def _server(self):
        key = (self.settings_dict.get("HOST"), self.settings_dict.get("PORT"), self.settings_dict.get("NAME"))
        with _lock:
            return _servers.setdefault(key, {"down_until": 0.0})

    def get_new_connection(self, conn_params):
        server = self._server()
        if time.monotonic() < server["down_until"]:
            raise DatabaseUnreachable("database unreachable a moment ago; not retrying yet")
        try:
            connection = super().get_new_connection(conn_params)
        except OperationalError:
            if not server["down_until"]:
                logger.warning("Database unreachable; new connections refused for %s s at a time", _retry_after())
            server["down_until"] = time.monotonic() + _retry_after()
            raise
        if server["down_until"]:
            logger.warning("Database reachable again")
            server["down_until"] = 0.0
        return connection


def _retry_after():
    return getattr(settings, "DB_RETRY_AFTER_SECONDS", 3)
