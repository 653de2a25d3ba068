"""Atomic increments of the daily counters.

One statement, `INSERT ... ON CONFLICT DO UPDATE SET count = count + n`, so concurrent events for the
same counter are all counted: the database serialises the conflicting rows, no read-modify-write in Python.
PostgreSQL and SQLite (3.24+) both accept this syntax.

On PostgreSQL the counter's own transaction commits asynchronously (`synchronous_commit` off for that
transaction only): the increment is still atomic and isolated, but the request does not wait for the disk
flush, which is most of its cost. The price: if the database server itself crashes, counts from its last
fraction of a second can be lost. That is accepted for anonymous tallies, and for nothing else on the site.
"""

from django.db import connections
from django.utils import timezone

from .models import CappedBurst, DailyCount

COUNTERS = (DailyCount._meta.db_table, ("day", "page_id", "event", "channel"), "count")
CAPPED = (CappedBurst._meta.db_table, ("day", "page_id", "event"), "refused")


def _upsert_sql(connection, table, keys, total):
    table = connection.ops.quote_name(table)
    conflict = f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {total} = {table}.{total} + excluded.{total}"
    columns = f"INSERT INTO {table} ({', '.join(keys)}, {total})"
    if connection.vendor == "postgresql":
        # One round trip: set_config(..., true) turns synchronous_commit off for this statement's own
        # transaction only (autocommit), and the commit that ends it does not wait for the disk.
        casts = {"day": "%s::date", "page_id": "%s::integer"}
        values = ", ".join(casts.get(key, "%s") for key in keys)
        return (
            f"{columns} SELECT {values}, %s::bigint "  # noqa: S608 - names are ours
            f"FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit {conflict}"
        )
    return f"{columns} VALUES ({', '.join(['%s'] * (len(keys) + 1))}) {conflict}"  # noqa: S608 - names are ours


def _add(target, key_values, n, using):
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(connection, *target), [*key_values, n])


def increment(page_id, event, channel, n=1, day=None, using="default"):
    """Add n to one counter (creating it at n)."""
    _add(COUNTERS, (day or timezone.localdate(), page_id, event, channel), n, using)


def add_refused(page_id, event, n, day=None, using="default"):
    """Record that n events of one kind for one page were refused as a burst today (the dashboard marks the day)."""
    _add(CAPPED, (day or timezone.localdate(), page_id, event), n, using)
