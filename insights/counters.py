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

from .models import DailyCount

_TABLE = DailyCount._meta.db_table


def _upsert_sql(connection):
    table = connection.ops.quote_name(_TABLE)
    conflict = f"ON CONFLICT (day, page_id, event, channel) DO UPDATE SET count = {table}.count + excluded.count"
    columns = f"INSERT INTO {table} (day, page_id, event, channel, count)"
    if connection.vendor == "postgresql":
        # One round trip: set_config(..., true) turns synchronous_commit off for this statement's own
        # transaction only (autocommit), and the commit that ends it does not wait for the disk.
        return (
            f"{columns} SELECT %s::date, %s::integer, %s, %s, %s::bigint "  # noqa: S608 - names are ours
            f"FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit {conflict}"
        )
    return f"{columns} VALUES (%s, %s, %s, %s, %s) {conflict}"  # noqa: S608 - names are ours


def increment(page_id, event, channel, n=1, day=None, using="default"):
    """Add n to one counter (creating it at n)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(connection), [day or timezone.localdate(), page_id, event, channel, n])
