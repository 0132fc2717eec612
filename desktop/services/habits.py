"""Defaults for a new record that follow the rules and the clerk's habits (issue 14).

A new complaint starts with the channel and the category of the last complaint this clerk
registered on this laptop (anyone's when the clerk has none yet; 电话, the hotline, when there is no
complaint at all) and as 一般投诉: a complaint is 严重 only when someone says so, not by habit.
Values a new record is made with (a ticket's channel, a follow-on's fields) come first: these only
fill what is still empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..domain import complaint as c
from ..storage.schema import MODELS

if TYPE_CHECKING:
    from .records import RecordService

# kind → (fields taken from the last record of that kind, fixed defaults by rule)
HABITS: dict[str, tuple[tuple[str, ...], dict[str, Any]]] = {
    c.SPEC.kind: (("channel", "category"), {"channel": "电话", "severity": "一般投诉"}),
}


def habit_defaults(records: RecordService, kind: str, staff: str = "") -> dict[str, Any]:
    """The defaults of a new ``kind`` record for the clerk ``staff``."""
    habit = HABITS.get(kind)
    if habit is None:
        return {}
    keys, fixed = habit
    rec = MODELS[kind].record
    cols = [getattr(rec, k) for k in keys]
    last = None
    with records.db.session() as s:
        for who in ((staff,) if staff else ()) + (None,):
            q = select(*cols)
            if who is not None:
                q = q.where(rec.created_by == who[:40])
            last = s.execute(q.order_by(rec.created_at.desc(), rec.number.desc()).limit(1)).first()
            if last is not None:
                break
    out = dict(fixed)
    if last is not None:
        out.update({k: v for k, v in zip(keys, last, strict=True) if v not in (None, "")})
    return out


def register_fills(records: RecordService, kind: str, values: dict[str, Any]) -> dict[str, Any]:
    """What the customer register knows of the unit a new record is made with and the record does
    not say yet (its address, customer number, phone, sales representative: a service report made
    from a follow-up, which holds no address, gets the unit's).  Contacts are not taken: they come
    with the record it is made from, or the clerk picks one."""
    from ..domain import roles
    from ..domain.forms import SPECS
    from .lookup import lookup_for

    spec = SPECS[kind]
    out: dict[str, Any] = {}
    products = _product_rows(records, spec, values)
    if products is not None:
        out[spec.item_table()] = products
    unit_key = spec.role(roles.UNIT)
    unit = str(values.get(unit_key) or "").strip() if unit_key else ""
    if not unit:
        return out
    wanted = {r: spec.role(r) for r in (roles.ADDRESS, roles.UNIT_NUMBER, roles.UNIT_PHONE, roles.SALES_REP)}
    wanted = {r: key for r, key in wanted.items() if key and values.get(key) in (None, "")}
    hit = lookup_for(records).customers.by_name(unit) if wanted else None
    if hit is not None:
        out.update({key: v for r, key in wanted.items() if (v := getattr(hit, roles.CUSTOMER_ATTRIBUTES[r]))})
    return out


# A product line's roles filled from the product register: role → ProductHit attribute.
PRODUCT_FILLS = {"packaging": "packaging", "measure": "unit"}


def _product_rows(records: RecordService, spec: Any, values: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The rows of the new record's product table with their empty 包装形式 and 单位 filled from the
    product register (a complaint made from a ticket, which names the product only); None when
    nothing was filled."""
    from .lookup import lookup_for

    table = spec.item_table()
    rows = values.get(table) if table else None
    name_col = spec.role_column("product") if table else ""
    if not rows or not name_col:
        return None
    cols = {r: spec.role_column(r) for r in PRODUCT_FILLS if spec.role_column(r)}
    choices = {c.key: c.choices for c in spec.element(table).columns}
    products = lookup_for(records).products
    out, changed = [], False
    for row in rows:
        row = dict(row)
        hit = products.by_name(str(row.get(name_col) or "")) if row.get(name_col) else None
        for role, col in cols.items():
            value = getattr(hit, PRODUCT_FILLS[role], "") if hit is not None else ""
            if value and row.get(col) in (None, "") and (not choices.get(col) or value in choices[col]):
                row[col] = value
                changed = True
        out.append(row)
    return out if changed else None
