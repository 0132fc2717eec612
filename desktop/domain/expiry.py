"""Had the batch expired when it was used?  (Issue 6: a complaint about a batch says so at once.)

A batch's expiry is that of its delivery: the delivery date plus the shelf life
(``register_rules.expiry_date``; 承诺书 §五: 自发货日起保质期为一年), the expiry date being the last
day it may be used.  A complaint's product row names the batch and, when known, the day it was used
(``use_date``); without one the complaint's date (``received_date``) stands in.  A batch expiring
on the day it was used had not expired; the day after, it had (1 day over).

Pure functions: the deliveries are given (``services.expiry`` finds them by batch and customer).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .i18n import MESSAGES, QT_TRANSLATE_NOOP

NOT_FOUND = QT_TRANSLATE_NOOP(MESSAGES, "批号 {batch}：发货记录中没有此批号")
NO_EXPIRY = QT_TRANSLATE_NOOP(MESSAGES, "批号 {batch}：发货记录（{delivery}）没有有效期")
NO_DATE = QT_TRANSLATE_NOOP(MESSAGES, "批号 {batch}：有效期至 {expiry}（未填使用日期，无法判断是否过期）")
VALID_USED = QT_TRANSLATE_NOOP(MESSAGES, "批号 {batch}：有效期至 {expiry}，使用时（{day}）未过期")
EXPIRED_USED = QT_TRANSLATE_NOOP(MESSAGES, "批号 {batch}：有效期至 {expiry}，使用时（{day}）已过期 {days} 天")
VALID_RECEIVED = QT_TRANSLATE_NOOP(MESSAGES, "批号 {batch}：有效期至 {expiry}，投诉登记时（{day}）未过期")
EXPIRED_RECEIVED = QT_TRANSLATE_NOOP(MESSAGES,
                                     "批号 {batch}：有效期至 {expiry}，投诉登记时（{day}）已过期 {days} 天")
VALID_REQUEST = QT_TRANSLATE_NOOP(MESSAGES, "批号 {batch}：有效期至 {expiry}，申请退换货时（{day}）未过期")
EXPIRED_REQUEST = QT_TRANSLATE_NOOP(MESSAGES,
                                    "批号 {batch}：有效期至 {expiry}，申请退换货时（{day}）已过期 {days} 天")


@dataclass(frozen=True)
class BatchDelivery:
    """What the expiry check needs of one delivery of a batch (from the delivery register)."""

    batch_no: str
    product_name: str
    customer_unit: str
    delivery_date: dt.date | None
    expiry_date: dt.date | None
    number: str = ""


@dataclass(frozen=True)
class ExpiryNote:
    """The expiry state of the batch of one product row.

    ``expired`` is None when it cannot be said (batch not delivered, no expiry, no date);
    ``on`` is the day judged (the use date, else the complaint's date) and ``on_use`` says which.
    ``template``/``args`` give the line to show (``ui.texts.tr_message``) or print (:meth:`text`).
    """

    row: int
    batch_no: str
    product_name: str
    delivery: BatchDelivery | None
    expiry_date: dt.date | None
    on: dt.date | None
    on_use: bool
    expired: bool | None
    days_over: int
    template: str
    args: Mapping[str, Any] = field(default_factory=dict)

    @property
    def found(self) -> bool:
        return self.delivery is not None

    def text(self) -> str:
        """The line in Chinese, as printed on the form."""
        return self.template.format(**self.args)


def judge(expiry: dt.date, on: dt.date) -> tuple[bool, int]:
    """Whether a batch whose last day is ``expiry`` had expired on ``on``, and by how many days."""
    days = (on - expiry).days
    return days > 0, max(days, 0)


def pick_delivery(deliveries: Sequence[BatchDelivery], batch_no: str, product_name: str = "",
                  customer: str = "", on: dt.date | None = None) -> BatchDelivery | None:
    """The delivery a product row's batch came from: same batch number (spaces and case aside),
    the same product and customer when the register has such a delivery, and of those the latest
    delivered on or before the day judged (what was used had arrived), else the earliest after."""
    key = _batch_key(batch_no)
    if not key:
        return None
    same = [d for d in deliveries if _batch_key(d.batch_no) == key]
    for attr, want in (("product_name", product_name), ("customer_unit", customer)):
        if want.strip():
            narrowed = [d for d in same if _name_key(getattr(d, attr)) == _name_key(want)]
            same = narrowed or same
    if not same:
        return None
    undated = dt.date.max
    if on is not None:
        before = [d for d in same if d.delivery_date is not None and d.delivery_date <= on]
        if before:
            return max(before, key=lambda d: (d.delivery_date or undated, d.number))
        return min(same, key=lambda d: (d.delivery_date or undated, d.number))
    return max(same, key=lambda d: (d.delivery_date or dt.date.min, d.number))


def batch_expiry_note(
    items: Iterable[Mapping[str, Any]],
    deliveries: Sequence[BatchDelivery] | Callable[[str], Sequence[BatchDelivery]],
    *,
    received_date: dt.date | None = None,
    customer: str = "",
    batch_key: str = "batch_no",
    product_key: str = "product_name",
    use_key: str = "use_date",
    fallback_label: str = "received",
) -> list[ExpiryNote]:
    """One note per product row that names a batch, in row order (a batch named twice is noted
    for each row: the use dates may differ).

    ``deliveries`` are the deliveries of the rows' batches, or a function giving those of one
    batch number.  Each row is judged on its ``use_date``, else on ``received_date`` (the
    complaint's date; ``fallback_label`` "received" names it 投诉登记时
    date; "request" names it 申请退换货时, for a return request).  Rows without a batch number get
    no note.
    """
    out: list[ExpiryNote] = []
    for i, row in enumerate(items):
        batch = str(row.get(batch_key) or "").strip()
        if not batch:
            continue
        product = str(row.get(product_key) or "").strip()
        used = row.get(use_key) if use_key else None
        used = used if isinstance(used, dt.date) else None
        on = used or received_date
        candidates = deliveries(batch) if callable(deliveries) else deliveries
        delivery = pick_delivery(candidates, batch, product, customer, on)
        args: dict[str, Any] = {"batch": batch}
        if delivery is None:
            out.append(ExpiryNote(i, batch, product, None, None, on, used is not None, None, 0, NOT_FOUND, args))
            continue
        expiry = delivery.expiry_date
        if expiry is None:
            args["delivery"] = delivery.number
            out.append(ExpiryNote(i, batch, product, delivery, None, on, used is not None, None, 0, NO_EXPIRY,
                                  args))
            continue
        args["expiry"] = expiry.isoformat()
        if on is None:
            out.append(ExpiryNote(i, batch, product, delivery, expiry, None, False, None, 0, NO_DATE, args))
            continue
        expired, days = judge(expiry, on)
        args.update(day=on.isoformat(), days=days)
        if used is not None:
            template = EXPIRED_USED if expired else VALID_USED
        elif fallback_label == "received":
            template = EXPIRED_RECEIVED if expired else VALID_RECEIVED
        else:
            template = EXPIRED_REQUEST if expired else VALID_REQUEST
        out.append(ExpiryNote(i, batch, product, delivery, expiry, on, used is not None, expired, days, template,
                              args))
    return out


def _batch_key(batch: str) -> str:
    return "".join(str(batch or "").split()).upper()


def _name_key(name: str) -> str:
    return "".join(str(name or "").split()).replace("（", "(").replace("）", ")").lower()
