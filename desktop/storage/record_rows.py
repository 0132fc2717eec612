"""Records read by the set for a dump (a sync batch, head office's answer, a JSON export): one query
per table for a whole chunk of records, each row a plain read-only object, not an ORM instance.

The ORM builds, identifies and tracks an instance for each record and each of its child rows (a
complaint has a dozen), which cost a sync more than the queries.  What is read here has the
attributes an ORM record has (its columns; ``rows_<table>``, ``photos``, ``events``, ``signatures``
in the relationships' order), so ``RecordService._to_record`` reads either the same way.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .schema import FormModels


def read_records(s: Session, m: FormModels, ids: list[str] | None) -> dict[str, Any]:
    """id → the record (with its child rows) of each of ``ids`` that is stored, or of every record of
    the kind by number when ``ids`` is None.  ``ids``: a chunk (a few hundred)."""
    rec = m.record.__table__
    q = select(rec)
    q = q.order_by(rec.c.number) if ids is None else q.where(rec.c.id.in_(ids))
    out: dict[str, Any] = {}
    for row in s.execute(q).mappings():
        item = SimpleNamespace(**row)
        item.photos, item.events, item.signatures = [], [], []
        for key in m.rows:
            setattr(item, f"rows_{key}", [])
        out[row["id"]] = item
    if not out:
        return out
    keys = list(out)
    children: list[tuple[str, Any, tuple[Any, ...]]] = [
        *((f"rows_{key}", cls.__table__, ("position",)) for key, cls in m.rows.items()),
        ("photos", m.photo.__table__, ("position",)),
        ("events", m.event.__table__, ("at",)),
        ("signatures", m.signature.__table__, ("revision", "signed_at")),
    ]
    for attr, table, order in children:
        for start in range(0, len(keys), 500):
            q = (select(table).where(table.c.record_id.in_(keys[start:start + 500]))
                 .order_by(table.c.record_id, *(table.c[c] for c in order)))
            for row in s.execute(q):
                getattr(out[row.record_id], attr).append(row)
    return out
