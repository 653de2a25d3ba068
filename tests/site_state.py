"""The database states tests start from, captured once per test session, and a fast way back to each.

Building the demo site takes seconds (pages published one by one, images drawn with Pillow); a test needs it in
milliseconds. So the session builds it once and captures the rows of every table at three moments:

- `migrated`: what migrations leave (Wagtail's root page and default site, groups, permissions);
- `loaded`: right after `load_demo_content`, as `make run` leaves it before anyone visits;
- `rendered`: after every demo page was viewed once (image renditions and share cards exist).

`restore` puts the database back into one of them by deleting, updating and inserting only the rows that differ,
with plain SQL (no model signals: restoring is not an edit). Inside a test's transaction this is rolled back with
the test; for live-server tests, which commit and are flushed afterwards, it rebuilds the state from nothing
without drawing a single image again.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections, router

# Kept in step with another table by the database's own triggers (Wagtail's SQLite full-text index follows
# wagtailsearch_indexentry): writing its rows too would write them twice.
MAINTAINED_BY_TRIGGERS = {"wagtailsearch_indexentry_fts"}


@dataclass(frozen=True)
class Table:
    name: str
    pk: str  # column
    columns: tuple  # column names, pk first

    def read(self, cursor, quote):
        """{pk: row} with the values as the database driver returns them (written back as they are)."""
        columns = ", ".join(quote(column) for column in self.columns)
        cursor.execute(f"SELECT {columns} FROM {quote(self.name)}")  # noqa: S608 - names from Django's models
        # PostgreSQL's bytea arrives as a memoryview, which neither compares by value nor pickles.
        return {
            row[0]: tuple(bytes(value) if isinstance(value, memoryview) else value for value in row)
            for row in cursor.fetchall()
        }


@dataclass
class Snapshot:
    rows: dict = field(default_factory=dict)  # Table -> {pk: row}


def tables(alias=DEFAULT_DB_ALIAS):
    """Every table Django manages for this database, each once (a child page's own columns in its own table)."""
    found, seen = [], set()
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or meta.swapped or not meta.managed or not router.allow_migrate_model(alias, model):
            continue
        if meta.db_table in MAINTAINED_BY_TRIGGERS:
            continue
        columns = [f.column for f in meta.local_concrete_fields if f.column]
        if meta.pk.column not in columns or meta.db_table in seen:
            continue  # a table without its own primary key column cannot be compared row by row
        seen.add(meta.db_table)
        columns.remove(meta.pk.column)
        found.append(Table(meta.db_table, meta.pk.column, (meta.pk.column, *columns)))
    return found


def capture(alias=DEFAULT_DB_ALIAS):
    connection = connections[alias]
    with connection.cursor() as cursor:
        return Snapshot({table: table.read(cursor, connection.ops.quote_name) for table in tables(alias)})


@dataclass
class Changes:
    """What turns one state into another: rows to delete, to overwrite and to insert, per table."""

    delete: dict = field(default_factory=dict)  # Table -> [pk]
    update: dict = field(default_factory=dict)  # Table -> [row]
    insert: dict = field(default_factory=dict)  # Table -> [row]

    def __bool__(self):
        return bool(self.delete or self.update or self.insert)


def changes(current, target):
    result = Changes()
    for table, wanted in target.rows.items():
        have = current.rows.get(table, {})
        delete = [pk for pk in have if pk not in wanted]
        update = [row for pk, row in wanted.items() if pk in have and have[pk] != row]
        insert = [row for pk, row in wanted.items() if pk not in have]
        if delete:
            result.delete[table] = delete
        if update:
            result.update[table] = update
        if insert:
            result.insert[table] = insert
    return result


def apply(result, alias=DEFAULT_DB_ALIAS):
    """Deletes first (so unique values can be taken again), then updates, then inserts. Foreign keys are checked
    when the transaction ends (Django creates them deferrable), so the order between tables does not matter."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table, pks in result.delete.items():
            for start in range(0, len(pks), 500):
                chunk = pks[start : start + 500]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(f"DELETE FROM {quote(table.name)} WHERE {quote(table.pk)} IN ({marks})", chunk)  # noqa: S608
        for table, rows in result.update.items():
            assignments = ", ".join(f"{quote(column)} = %s" for column in table.columns[1:])
            sql = f"UPDATE {quote(table.name)} SET {assignments} WHERE {quote(table.pk)} = %s"  # noqa: S608
            cursor.executemany(sql, [[*row[1:], row[0]] for row in rows])
        for table, rows in result.insert.items():
            columns = ", ".join(quote(column) for column in table.columns)
            marks = ", ".join(["%s"] * len(table.columns))
            sql = f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({marks})"  # noqa: S608
            cursor.executemany(sql, rows)


def restore(target, alias=DEFAULT_DB_ALIAS):
    """Makes the database hold exactly `target`'s rows, whatever it holds now."""
    apply(changes(capture(alias), target), alias)
