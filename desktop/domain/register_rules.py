"""Rules and lifecycles of the registers behind the forms: customers, products, deliveries and the
customer's use records (issue 6).

Customers and products are kept, not finished: 合作中 ⇄ 已停用, 在售 ⇄ 停售.  A delivery is
已发货 until the customer's acceptance is recorded.  The expiry of a delivered batch is the delivery
date plus the shelf life (承诺书 §五: 自发货日起), worked out at every save by :func:`derive_delivery`.
"""

from __future__ import annotations

import calendar
import datetime as dt

from . import customer as cu
from . import delivery as de
from . import product as pr
from . import use_record as ur
from .fields import RecordValues
from .i18n import MESSAGES, QT_TRANSLATE_NOOP
from .validation import Issue, not_after, not_before
from .workflow import DeriveContext, Transition, Workflow

FUTURE = QT_TRANSLATE_NOOP(MESSAGES, "不能晚于今天（{today}）")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months; the 31st becomes the month's last day (2026-01-31 + 1 = 02-28)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def expiry_date(delivery_date: dt.date, shelf_life_months: int) -> dt.date:
    """The last day a batch may be used: a year's shelf life from 2026-03-15 ends on 2027-03-14."""
    return add_months(delivery_date, shelf_life_months) - dt.timedelta(days=1)


def shelf_life(v: RecordValues, ctx: DeriveContext) -> int:
    """The delivery's own shelf life, else the product's, else the settings' default."""
    own = v.fields.get("shelf_life_months")
    if own:
        return int(own)
    product = v.fields.get("product_name")
    from_product = ctx.shelf_life_of(product) if product else None
    return from_product or ctx.settings.shelf_life_months


def derive_delivery(v: RecordValues, ctx: DeriveContext) -> None:
    day = v.fields.get("delivery_date")
    v.fields["expiry_date"] = expiry_date(day, shelf_life(v, ctx)) if day else None


def _customer(v: RecordValues, today: dt.date) -> list[Issue]:
    issues = not_after(v, "registered_date", today, FUTURE, today=today.isoformat())
    primary = [i for i, row in enumerate(v.tables.get("contacts", [])) if row.get("primary")]
    issues += [Issue(f"contacts[{i}].primary", QT_TRANSLATE_NOOP(MESSAGES, "只能有一位主要联系人"))
               for i in primary[1:]]
    return issues


def _product(v: RecordValues, today: dt.date) -> list[Issue]:
    return not_after(v, "registered_date", today, FUTURE, today=today.isoformat())


def _delivery(v: RecordValues, today: dt.date) -> list[Issue]:
    issues = not_after(v, "delivery_date", today, FUTURE, today=today.isoformat())
    issues += not_after(v, "acceptance_date", today, FUTURE, today=today.isoformat())
    issues += not_after(v, "production_date", today, FUTURE, today=today.isoformat())
    issues += not_before(v, "acceptance_date", "delivery_date", de.SPEC.label_of("delivery_date"))
    made, sent = v.fields.get("production_date"), v.fields.get("delivery_date")
    if made and sent and sent < made:
        issues.append(Issue("delivery_date", QT_TRANSLATE_NOOP(MESSAGES, "不能早于生产日期（{date}）"),
                            {"date": made.isoformat()}))
    return issues


def _use_record(v: RecordValues, today: dt.date) -> list[Issue]:
    issues = not_after(v, "record_date", today, FUTURE, today=today.isoformat())
    for i, row in enumerate(v.tables.get("uses", [])):
        used = row.get("use_date")
        if used and used > today:
            issues.append(Issue(f"uses[{i}].use_date", FUTURE, {"today": today.isoformat()}))
        if row.get("amount") is not None and row.get("amount_unit") is None:
            issues.append(Issue(f"uses[{i}].amount_unit", QT_TRANSLATE_NOOP(MESSAGES, "填写用量时须选择单位")))
    return issues


CUSTOMER_WORKFLOW = Workflow(
    rules=(_customer,),
    spec=cu.SPEC,
    initial=cu.ACTIVE,
    transitions=(
        Transition(cu.ACTIVE, cu.INACTIVE, "停用客户"),
        Transition(cu.INACTIVE, cu.ACTIVE, "恢复合作"),
    ),
)
PRODUCT_WORKFLOW = Workflow(
    rules=(_product,),
    spec=pr.SPEC,
    initial=pr.ON_SALE,
    transitions=(
        Transition(pr.ON_SALE, pr.WITHDRAWN, "停售"),
        Transition(pr.WITHDRAWN, pr.ON_SALE, "恢复销售"),
    ),
)
DELIVERY_WORKFLOW = Workflow(
    rules=(_delivery,),
    spec=de.SPEC,
    initial=de.DELIVERED,
    transitions=(
        Transition(de.DELIVERED, de.ACCEPTED, "登记验收结果", requires=("acceptance_result", "acceptance_date"),
                   date_defaults=("acceptance_date",)),
    ),
    derive=derive_delivery,
)
USE_RECORD_WORKFLOW = Workflow(
    rules=(_use_record,),
    spec=ur.SPEC,
    initial=ur.OPEN,
    final=(ur.CHECKED,),
    transitions=(
        Transition(ur.OPEN, ur.CHECKED, "核查完毕", requires=("storage_state", "container_disposal")),
    ),
)
