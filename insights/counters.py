"""Atomic increments of the daily counters.

One statement, `INSERT ... ON CONFLICT DO UPDATE SET count = count + n`, so concurrent events for the
same counter are all counted: the database serialises the conflicting rows, no read-modify-write in Python.
PostgreSQL and SQLite (3.24+) both accept this syntax.
"""

from django.db import connections
from django.utils import timezone

from .models import DailyCount

_TABLE = DailyCount._meta.db_table


def _upsert_sql(quote):
    table = quote(_TABLE)
    return (
        f"INSERT INTO {table} (day, page_id, event, channel, count) VALUES (%s, %s, %s, %s, %s) "  # noqa: S608 - names are ours
        f"ON CONFLICT (day, page_id, event, channel) DO UPDATE SET count = {table}.count + excluded.count"
    )


def increment(page_id, event, channel, n=1, day=None, using="default"):
    """Add n to one counter (creating it at n)."""
    connection = connections[using]
    day = day or timezone.localdate()
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(connection.ops.quote_name), [day, page_id, event, channel, n])
