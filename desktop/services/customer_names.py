"""One customer record per purchasing unit: a second customer of the same unit name is refused.

A policy (``services.policies``): it runs inside the transaction that writes the customer, so a
refused save writes nothing.  Names are compared as ``lookup.normalise_name`` does — spaces,
letter case and full- or half-width brackets aside — so "北京第一医院（东院）" and
"北京第一医院 (东院)" are the same unit.  It runs for imported customers too: a file must not bring a
second record of a unit this laptop has (the same customer twice is one record by its id).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import customer as cu
from ..domain import roles
from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ..domain.records import Record
from ..domain.validation import Issue, ValidationFailed
from ..storage.schema import MODELS
from .lookup import normalise_name

if TYPE_CHECKING:
    from .records import RecordService

UNIT = cu.SPEC.role(roles.UNIT)  # the customer register's unit name
DUPLICATE = QT_TRANSLATE_NOOP(MESSAGES, "客户档案中已有同名单位（{number}），请勿重复建档")


def _sql_normalised(column: Any) -> Any:
    expr = column
    for old, new in ((" ", ""), ("\u3000", ""), ("（", "("), ("）", ")")):
        expr = func.replace(expr, old, new)
    return func.lower(expr)


def same_name(s: Session, name: str, except_id: str | None = None) -> str | None:
    """The number of another customer with this unit name, or None."""
    key = normalise_name(name)
    if not key:
        return None
    rec = MODELS["customer"].record
    q = select(rec.number).where(_sql_normalised(getattr(rec, UNIT)) == key)
    if except_id:
        q = q.where(rec.id != except_id)
    return s.scalars(q.order_by(rec.number).limit(1)).first()


def unique_customer_name(service: RecordService, s: Session, record: Record, status_before: str | None) -> None:
    """Refuse the save of a customer whose unit name another customer already has."""
    if record.kind != "customer":
        return
    key = UNIT
    other = same_name(s, str(record.get(key) or ""), record.id)
    if other is not None:
        raise ValidationFailed([Issue(key, DUPLICATE, {"number": other})])
