"""Expiry of the batches a form names, from the delivery register (``domain.expiry``).

One query per call: the deliveries of every batch number the rows name (as typed, upper case, no
spaces), by the indexed ``batch_no`` column.  The domain picks, per row, the customer's delivery of
that product when there is one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.expiry import BatchDelivery, ExpiryNote, batch_expiry_note
from ..storage.schema import MODELS

if TYPE_CHECKING:
    from .records import RecordService

# Per kind: the item table with batches, the customer field, the date judged without a use date.
EXPIRY_FORMS: dict[str, tuple[str, str, str]] = {
    "complaint": ("items", "complainant_unit", "received_date"),
    "return-request": ("items", "customer_unit", "request_date"),
}


def deliveries_of(service: RecordService, batch_nos: Iterable[str]) -> list[BatchDelivery]:
    """Every delivery of these batch numbers (spaces and case aside)."""
    with service.db.session() as s:
        return deliveries_in(s, batch_nos)


def batch_variants(batch_nos: Iterable[str]) -> set[str]:
    """The ``batch_no`` values that :func:`deliveries_in` looks for: as typed, upper case, no spaces."""
    wanted: set[str] = set()
    for b in batch_nos:
        b = str(b or "").strip()
        if b:
            wanted |= {b, b.upper(), "".join(b.split()), "".join(b.split()).upper()}
    return wanted


def deliveries_in(s: Session, batch_nos: Iterable[str]) -> list[BatchDelivery]:
    """:func:`deliveries_of` in the caller's session (a complaint's derive, at save)."""
    wanted = batch_variants(batch_nos)
    if not wanted:
        return []
    rec = MODELS["delivery"].record
    q = select(rec.batch_no, rec.product_name, rec.customer_unit, rec.delivery_date, rec.expiry_date,
               rec.number).where(rec.batch_no.in_(sorted(wanted)))
    return [BatchDelivery(r[0] or "", r[1] or "", r[2] or "", r[3], r[4], r[5]) for r in s.connection().execute(q)]


def find_delivery(service: RecordService, batch_no: str, *, customer: str = "", product: str = "",
                  on: dt.date | None = None) -> BatchDelivery | None:
    """The delivery a batch named on a form came from (the customer's when known)."""
    from ..domain.expiry import pick_delivery

    return pick_delivery(deliveries_of(service, [batch_no]), batch_no, product, customer, on)


def expiry_notes(service: RecordService, kind: str, values: Mapping[str, Any] | Any) -> list[ExpiryNote]:
    """The expiry notes of a complaint's (or return request's) product rows.

    ``values`` is a ``RecordValues`` (typed: the form's parsed values or a saved record's) or a
    mapping of typed fields with the item table as a list of row mappings."""
    table, customer_key, date_key = EXPIRY_FORMS[kind]
    fields = getattr(values, "fields", values)
    tables = getattr(values, "tables", values)
    rows = list(tables.get(table) or [])
    received = fields.get(date_key)
    received = received if isinstance(received, dt.date) else None
    deliveries = deliveries_of(service, (r.get("batch_no") for r in rows))
    return batch_expiry_note(rows, deliveries, received_date=received, customer=str(fields.get(customer_key) or ""),
                             use_key="use_date" if kind == "complaint" else "",
                             fallback_label="received" if kind == "complaint" else "request")
