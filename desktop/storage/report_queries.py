"""The reads behind the reports (issue 15): chosen columns of chosen records, as plain tuples.

The reports (``services.reports``) never load whole records: on 100,000 complaints a month's report
reads the few columns it counts, of the month's rows only, through the indexed date column of each
kind (``FormSpec.date_field``), and the twelve months' trend is one ``GROUP BY``.  Everything here is
Core ``select`` on the generated tables (``schema.MODELS``), so it runs the same on SQLite (a laptop)
and PostgreSQL (head office).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import String, and_, cast, func, select

from .schema import MODELS

_CHUNK = 500  # ids per IN (…): well under every database's limit of bound parameters


def _run(s: Any, q: Any) -> Any:
    """Execute on the session's connection: Core rows, without the ORM's result processing (a third
    of the time on 30,000 rows)."""
    conn = s.connection() if hasattr(s, "connection") else s
    return conn.execute(q)


def _where(rec: Any, between: tuple[str, Any, Any] | None, statuses: Iterable[str] | None,
           not_statuses: Iterable[str] | None, not_null: Iterable[str] = ()) -> list[Any]:
    out: list[Any] = []
    if between is not None:
        column, start, end = between
        col = getattr(rec, column)
        if start is not None:
            out.append(col >= start)
        if end is not None:
            out.append(col < end)
    if statuses is not None:
        out.append(rec.status.in_(list(statuses)))
    if not_statuses is not None:
        out.append(rec.status.not_in(list(not_statuses)))
    out += [getattr(rec, c).is_not(None) for c in not_null]
    return out


def read_rows(s: Any, kind: str, columns: Sequence[str], *, between: tuple[str, Any, Any] | None = None,
              statuses: Iterable[str] | None = None, not_statuses: Iterable[str] | None = None,
              not_null: Iterable[str] = ()) -> list[tuple[Any, ...]]:
    """``columns`` of the records of ``kind``, as tuples in that order; ``between=(column, start,
    end)`` keeps ``start <= column < end`` (either end may be None)."""
    rec = MODELS[kind].record
    q = select(*(getattr(rec, c) for c in columns))
    conds = _where(rec, between, statuses, not_statuses, not_null)
    if conds:
        q = q.where(and_(*conds))
    return [tuple(r) for r in _run(s, q.order_by(rec.number))]


def read_item_rows(s: Any, kind: str, table: str, columns: Sequence[str], *,
                   between: tuple[str, Any, Any] | None = None, statuses: Iterable[str] | None = None,
                   not_statuses: Iterable[str] | None = None) -> list[tuple[Any, ...]]:
    """(record id, *columns) of the rows of item table ``table`` of the records chosen as in
    :func:`read_rows` (one join on the record's indexed columns)."""
    m = MODELS[kind]
    rec, row = m.record, m.rows[table]
    q = select(row.record_id, *(getattr(row, c) for c in columns)).join(rec, rec.id == row.record_id)
    conds = _where(rec, between, statuses, not_statuses)
    if conds:
        q = q.where(and_(*conds))
    return [tuple(r) for r in _run(s, q.order_by(rec.number, row.position))]


def read_rows_of(s: Any, kind: str, columns: Sequence[str], ids: Iterable[str]) -> list[tuple[Any, ...]]:
    """``columns`` of the records of ``kind`` with these ids (any order)."""
    rec = MODELS[kind].record
    ids = list(dict.fromkeys(ids))
    out: list[tuple[Any, ...]] = []
    for i in range(0, len(ids), _CHUNK):
        q = select(*(getattr(rec, c) for c in columns)).where(rec.id.in_(ids[i:i + _CHUNK]))
        out += [tuple(r) for r in _run(s, q)]
    return out


def read_rows_where_in(s: Any, kind: str, columns: Sequence[str], column: str,
                       values: Iterable[Any]) -> list[tuple[Any, ...]]:
    """``columns`` of the records whose ``column`` is one of ``values`` (e.g. deliveries by batch)."""
    rec = MODELS[kind].record
    values = [v for v in dict.fromkeys(values) if v is not None]
    out: list[tuple[Any, ...]] = []
    for i in range(0, len(values), _CHUNK):
        q = select(*(getattr(rec, c) for c in columns)).where(getattr(rec, column).in_(values[i:i + _CHUNK]))
        out += [tuple(r) for r in _run(s, q.order_by(rec.number))]
    return out


def count_by_month(s: Any, kind: str, column: str, start: dt.date, end: dt.date, *,
                   not_statuses: Iterable[str] | None = None) -> dict[str, int]:
    """How many records of ``kind`` have ``column`` in each month of ``[start, end)``: {"2026-11": n}
    (records in ``not_statuses`` left out: a voided duplicate).

    Dates are grouped by their text's first seven characters (``YYYY-MM``), which both SQLite and
    PostgreSQL give for a ``DATE`` cast to text."""
    rec = MODELS[kind].record
    col = getattr(rec, column)
    month = func.substr(cast(col, String(10)), 1, 7)
    q = select(month, func.count()).where(and_(col >= start, col < end, *_where(rec, None, None, not_statuses)))
    q = q.group_by(month)
    return {str(k): int(n) for k, n in _run(s, q)}


def count_by(s: Any, kind: str, column: str, *, between: tuple[str, Any, Any] | None = None) -> dict[Any, int]:
    """How many records of ``kind`` have each value of ``column`` (None included)."""
    rec = MODELS[kind].record
    col = getattr(rec, column)
    q = select(col, func.count()).group_by(col)
    conds = _where(rec, between, None, None)
    if conds:
        q = q.where(and_(*conds))
    return {k: int(n) for k, n in _run(s, q)}


def count_items_by(s: Any, kind: str, table: str, columns: Sequence[str], *,
                   between: tuple[str, Any, Any] | None = None,
                   not_statuses: Iterable[str] | None = None) -> dict[tuple[Any, ...], int]:
    """How many records of ``kind`` (each once) have item rows with each combination of ``columns``."""
    m = MODELS[kind]
    rec, row = m.record, m.rows[table]
    cols = [getattr(row, c) for c in columns]
    q = select(*cols, func.count(func.distinct(row.record_id))).join(rec, rec.id == row.record_id).group_by(*cols)
    conds = _where(rec, between, None, not_statuses)
    if conds:
        q = q.where(and_(*conds))
    return {tuple(r[:-1]): int(r[-1]) for r in _run(s, q)}


def find_ids(s: Any, kind: str, *, between: tuple[str, Any, Any] | None = None,
             equals: Sequence[tuple[str, Any]] = (), item_table: str = "",
             statuses: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(id, number) of the records chosen as in :func:`read_rows`, with ``equals`` on the record's
    columns, or on its item table's when ``item_table`` is named (each record once)."""
    m = MODELS[kind]
    rec = m.record
    q = select(rec.id, rec.number)
    conds = _where(rec, between, statuses, None)
    if item_table:
        row = m.rows[item_table]
        q = q.where(rec.id.in_(select(row.record_id).where(and_(*(getattr(row, c) == v for c, v in equals)))))
    else:
        conds += [getattr(rec, c) == v for c, v in equals]
    if conds:
        q = q.where(and_(*conds))
    return [(r[0], r[1]) for r in _run(s, q.order_by(rec.number))]
