"""Rules and lifecycle of the return / exchange request.

已申请 → 已界定 → 已批准 → 已完成, or 已界定 → 已驳回.  Who pays follows the source (第三节一):
faults at acceptance and quality problems in use at the company's cost, shipping included;
improper use at a small cost to the customer, whose amount must then be stated.
"""

from __future__ import annotations

import datetime as dt
import functools

from . import complaint as c
from . import return_request as rr
from .fields import RecordValues
from .i18n import MESSAGES, QT_TRANSLATE_NOOP
from .validation import Issue, not_after, not_before
from .workflow import Transition, Workflow

_LABEL = functools.cache(rr.SPEC.label_of)  # a label is looked up in the spec's sections


def _dates_and_cost(v: RecordValues, today: dt.date) -> list[Issue]:
    future = QT_TRANSLATE_NOOP(MESSAGES, "不能晚于今天（{today}）")
    issues: list[Issue] = []
    for key in ("request_date", "determined_date", "approval_date", "completed_date"):
        issues += not_after(v, key, today, future, today=today.isoformat())
    # The determination may come before the request: a complaint's investigation often makes it.
    for key in ("approval_date", "completed_date"):
        issues += not_before(v, key, "request_date", _LABEL("request_date"))
    issues += not_before(v, "approval_date", "determined_date", _LABEL("determined_date"))
    issues += not_before(v, "completed_date", "approval_date", _LABEL("approval_date"))
    if v.fields.get("cost_bearer") == rr.COMPANY_PAYS and v.fields.get("cost_amount"):
        issues.append(Issue("cost_amount", QT_TRANSLATE_NOOP(MESSAGES, "费用由公司承担时，客户承担金额应为空或 0")))
    return issues


def company_must_pay(v: RecordValues) -> bool:
    """Acceptance faults always, quality problems in use once determined as such."""
    reason = v.fields.get("reason_type")
    if reason in ("验收数量不足", "验收不合格"):
        return True
    return reason == "使用中质量问题" and v.fields.get("quality_determination") == c.QUALITY_PROBLEM


def _determination(v: RecordValues, today: dt.date) -> list[Issue]:
    if v.fields.get("quality_determination") == c.UNDETERMINABLE:
        return [Issue("quality_determination",
                      QT_TRANSLATE_NOOP(MESSAGES, "难以界定的，须退回公司质量部门鉴定后，按鉴定结论界定"))]
    return []


def _approval(v: RecordValues, today: dt.date) -> list[Issue]:
    issues: list[Issue] = []
    if v.fields.get("approval_decision") == "不同意":
        issues.append(Issue("approval_decision", QT_TRANSLATE_NOOP(MESSAGES, "审批未同意，应驳回申请")))
    if company_must_pay(v):
        if v.fields.get("cost_bearer") != rr.COMPANY_PAYS:
            issues.append(Issue("cost_bearer", QT_TRANSLATE_NOOP(
                MESSAGES, "验收问题或属于质量问题的，退换货费用由公司承担（承诺书）")))
        if v.fields.get("shipping_by_company") is not True and v.fields.get("shipping_way") != "无需退回":
            issues.append(Issue("shipping_by_company", QT_TRANSLATE_NOOP(MESSAGES, "此类退换货的运输费用由公司承担")))
    elif v.fields.get("cost_bearer") == rr.CUSTOMER_PAYS and not v.fields.get("cost_amount"):
        issues.append(Issue("cost_amount", QT_TRANSLATE_NOOP(MESSAGES, "客户承担费用时，须填写金额")))
    return issues


def _rejection(v: RecordValues, today: dt.date) -> list[Issue]:
    if v.fields.get("approval_decision") != "不同意":
        return [Issue("approval_decision", QT_TRANSLATE_NOOP(MESSAGES, "驳回须审批意见为“不同意”"))]
    return []


_APPROVAL_FIELDS = ("approver_name", "approver_role", "approval_decision", "approval_date")

WORKFLOW = Workflow(
    rules=(_dates_and_cost,),
    spec=rr.SPEC,
    initial=rr.REQUESTED,
    final=(rr.DONE, rr.REJECTED),
    transitions=(
        Transition(rr.REQUESTED, rr.DETERMINED, "完成质量界定",
                   requires=("quality_determination", "determined_by", "determined_role", "determined_date",
                             "determination_basis"),
                   check=_determination, date_defaults=("determined_date",)),
        Transition(rr.DETERMINED, rr.APPROVED, "批准退换货",
                   requires=("handling", "cost_bearer", "shipping_way", *_APPROVAL_FIELDS),
                   check=_approval, date_defaults=("approval_date",)),
        Transition(rr.DETERMINED, rr.REJECTED, "驳回申请", requires=(*_APPROVAL_FIELDS, "approval_comment"),
                   check=_rejection, date_defaults=("approval_date",)),
        Transition(rr.APPROVED, rr.DONE, "退换货已完成", requires=("completed_date", "completion_note"),
                   date_defaults=("completed_date",)),
    ),
)
