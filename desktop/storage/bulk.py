"""Rows written by the set: one ``INSERT`` per table executed with many parameter sets (psycopg's
pipelined executemany on PostgreSQL, ``executemany`` on SQLite), inside the caller's transaction.

For records new to this database that arrive by the thousand (a laptop's first sync at head office,
a big JSON import): the ORM's unit of work builds, tracks and flushes one object graph per record,
which costs more than everything else a sync does.  The rows are the same as the ORM would write
(``tests/test_bulk_arrivals.py`` compares them); the tables' column types still convert each value.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

# Rows in one statement's parameter list: bounded so one batch's memory stays small.
CHUNK = 1000


class TableRows:
    """Rows to insert, by table, in the order the tables were first given (parents before children:
    each record's table is given before its child tables)."""

    def __init__(self) -> None:
        self._rows: dict[Table, list[dict[str, Any]]] = {}

    def add(self, table: Table, row: dict[str, Any]) -> None:
        self._rows.setdefault(table, []).append(row)

    def extend(self, table: Table, rows: Iterable[dict[str, Any]]) -> None:
        self._rows.setdefault(table, []).extend(rows)

    def write(self, s: Session) -> None:
        """Insert every row (in the session's transaction) and forget them: by ``COPY`` on PostgreSQL
        (a third of the server's and the client's time of an executemany), by executemany on SQLite."""
        copy = s.get_bind().dialect.name == "postgresql"
        for table, rows in self._rows.items():
            for keys, group in _by_keys(rows).items():
                if copy:
                    _copy(s, table, keys, group)
                    continue
                stmt = insert(table)
                for start in range(0, len(group), CHUNK):
                    s.execute(stmt, group[start:start + CHUNK])
        self._rows.clear()


def _copy(s: Session, table: Table, keys: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    """``COPY table (keys) FROM STDIN`` of ``rows`` on the session's own connection (its transaction),
    each value made ready by its column's type as an INSERT would (a time to UTC, a decimal to text)."""
    from psycopg import sql

    dialect = s.get_bind().dialect
    procs = [table.c[k].type.dialect_impl(dialect).bind_processor(dialect) for k in keys]
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(sql.Identifier(k) for k in keys))
    converted = [(i, proc) for i, proc in enumerate(procs) if proc is not None]
    raw = s.connection().connection.driver_connection
    with raw.cursor() as cur, cur.copy(statement) as out:
        for row in rows:
            values = [row[k] for k in keys]
            for i, proc in converted:  # most columns are text as they are: only the others converted
                values[i] = proc(values[i])
            out.write_row(values)


def _by_keys(rows: list[dict[str, Any]]) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    """An executemany needs one set of columns: rows grouped by theirs (normally one group)."""
    out: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(tuple(row), []).append(row)
    return out
