"""The complaint's own rules and its lifecycle (source 第二节三, 第三节一).

已登记 → 调查中 → 已界定 → 处理中 → 已反馈 → 已回访/已关闭.  Each step asks for what the source says
that step produces: an investigator before the investigation, findings, an opinion and a quality
determination (with photos when it is a quality problem) before 已界定, a handling plan approved by
the management representative and the general manager before 处理中, feedback that tells the
complainant of the right of appeal before 已反馈.
"""

from __future__ import annotations

import datetime as dt
import functools

from . import complaint as c
from .expiry import pick_delivery
from .fields import RecordValues
from .i18n import MESSAGES, QT_TRANSLATE_NOOP
from .validation import Issue, not_after, not_before
from .workflow import DeriveContext, Transition, Workflow

_LABEL = functools.cache(c.SPEC.label_of)  # a label is looked up in the spec's sections


def derive_complaint(v: RecordValues, ctx: DeriveContext) -> None:
    """Each product row's 有效期至: the expiry of the delivery its batch came from (this customer's
    delivery of that product when the register has one, the last delivered by the day of use), so
    the printed sheet shows whether the batch had expired when it was used."""
    rows = v.tables.get("items", [])
    deliveries = ctx.deliveries_of([str(r.get("batch_no") or "") for r in rows])
    customer = str(v.fields.get("complainant_unit") or "")
    for row in rows:
        found = pick_delivery(deliveries, str(row.get("batch_no") or ""), str(row.get("product_name") or ""),
                              customer, row.get("use_date") or v.fields.get("received_date"))
        row["expiry_date"] = found.expiry_date if found is not None else None


def _dates_in_order(v: RecordValues, today: dt.date) -> list[Issue]:
    issues: list[Issue] = []
    future = QT_TRANSLATE_NOOP(MESSAGES, "不能晚于今天（{today}）")
    for key in (
        "received_date",
        "investigation_date",
        "determined_date",
        "mgmt_rep_date",
        "gm_date",
        "feedback_date",
        "revisit_date",
        "closed_date",
    ):
        issues += not_after(v, key, today, future, today=today.isoformat())
    for key in ("investigation_date", "determined_date", "mgmt_rep_date", "gm_date", "feedback_date", "closed_date"):
        issues += not_before(v, key, "received_date", _LABEL("received_date"))
    issues += not_before(v, "determined_date", "investigation_date", _LABEL("investigation_date"))
    issues += not_before(v, "feedback_date", "determined_date", _LABEL("determined_date"))
    issues += not_before(v, "revisit_date", "feedback_date", _LABEL("feedback_date"))
    issues += not_before(v, "closed_date", "feedback_date", _LABEL("feedback_date"))
    return issues


def _cost(v: RecordValues, today: dt.date) -> list[Issue]:
    amount = v.fields.get("cost_amount")
    if amount and v.fields.get("cost_bearer") == "公司承担":
        return [Issue("cost_amount", QT_TRANSLATE_NOOP(MESSAGES, "费用由公司承担时，客户承担金额应为空或 0"))]
    return []


def _determination(v: RecordValues, today: dt.date) -> list[Issue]:
    issues: list[Issue] = []
    det = v.fields.get("quality_determination")
    if det == c.UNDETERMINABLE:
        issues.append(
            Issue(
                "quality_determination",
                QT_TRANSLATE_NOOP(MESSAGES, "难以界定的，须退回公司质量部门鉴定后，按鉴定结论界定"),
            )
        )
    if det == c.QUALITY_PROBLEM and not v.photos.get("photos"):
        # 属于产品质量问题，现场调查人员必须取得投诉产品的质量问题照片 (source 第二节三(二)3)
        issues.append(Issue("photos", QT_TRANSLATE_NOOP(MESSAGES, "属于质量问题的，须附质量问题照片")))
    return issues


def _approval(v: RecordValues, today: dt.date) -> list[Issue]:
    issues: list[Issue] = []
    for key in ("mgmt_rep_decision", "gm_decision"):
        if v.fields.get(key) == "不同意":
            issues.append(Issue(key, QT_TRANSLATE_NOOP(MESSAGES, "审批未同意，不能进入处理")))
    if v.fields.get("quality_determination") == c.QUALITY_PROBLEM:
        # 明显的品质质量问题：公司给予无条件免费产品更换，运输费用由公司承担 (第二节三(三)1, (二)3)
        if v.fields.get("resolution") not in ("免费更换", "退货退款"):
            issues.append(
                Issue("resolution", QT_TRANSLATE_NOOP(MESSAGES, "属于质量问题的，应免费更换或退货退款"))
            )
        if v.fields.get("cost_bearer") != "公司承担":
            issues.append(Issue("cost_bearer", QT_TRANSLATE_NOOP(MESSAGES, "属于质量问题的，费用由公司承担")))
        if v.fields.get("company_pays_shipping") is not True:
            issues.append(
                Issue("company_pays_shipping", QT_TRANSLATE_NOOP(MESSAGES, "属于质量问题的，运输费用由公司承担"))
            )
    return issues


def _feedback(v: RecordValues, today: dt.date) -> list[Issue]:
    if v.fields.get("appeal_notice_given") is not True:
        # 客户对界定有异议的，可以向国家有关部门投诉 (第二节三(三)3): the complainant must be told.
        return [
            Issue(
                "appeal_notice_given",
                QT_TRANSLATE_NOOP(MESSAGES, "反馈时须告知投诉人：对界定有异议可向国家有关部门投诉"),
            )
        ]
    return []


WORKFLOW = Workflow(
    rules=(_dates_in_order, _cost),
    spec=c.SPEC,
    initial=c.REGISTERED,
    final=(c.CLOSED, c.VOIDED),
    voided=(c.VOIDED,),
    derive=derive_complaint,
    transitions=(
        Transition(c.REGISTERED, c.INVESTIGATING, "开始调查", requires=("investigator",)),
        Transition(
            c.INVESTIGATING,
            c.DETERMINED,
            "完成质量界定",
            requires=(
                "investigation_date",
                "findings",
                "investigation_opinion",
                "quality_determination",
                "determined_by",
                "determined_role",
                "determined_date",
            ),
            check=_determination,
            date_defaults=("determined_date",),
        ),
        Transition(c.DETERMINED, c.INVESTIGATING, "退回重新调查"),
        Transition(
            c.DETERMINED,
            c.HANDLING,
            "审批通过，开始处理",
            requires=(
                "resolution",
                "cost_bearer",
                "improvement_measures",
                "mgmt_rep_name",
                "mgmt_rep_decision",
                "mgmt_rep_date",
                "gm_name",
                "gm_decision",
                "gm_date",
            ),
            check=_approval,
        ),
        Transition(
            c.HANDLING,
            c.FED_BACK,
            "反馈投诉人",
            requires=("feedback_date", "feedback_content"),
            check=_feedback,
            date_defaults=("feedback_date",),
        ),
        Transition(
            c.FED_BACK,
            c.REVISITED,
            "完成回访",
            requires=("revisit_date", "revisit_result", "complainant_opinion"),
            date_defaults=("revisit_date",),
        ),
        Transition(c.FED_BACK, c.CLOSED, "结案", requires=("closed_date",), date_defaults=("closed_date",)),
        Transition(c.REVISITED, c.CLOSED, "结案", requires=("closed_date",), date_defaults=("closed_date",)),
        # A closed case the complainant raises again: back to handling, for a reason, in a new
        # revision (the closed one stays as it was, with its 结案日期).
        Transition(c.CLOSED, c.HANDLING, "重新打开", requires=("reopen_reason",), reason="reopen_reason",
                   clears=("closed_date",), new_revision=True),
        # A duplicate (or a complaint registered by mistake) is voided, not deleted: kept five years
        # from the day it was voided, counted nowhere as open.
        *(Transition(st, c.VOIDED, "作废", requires=("void_reason",), reason="void_reason", stamps=("closed_date",))
          for st in c.WORK_STATUSES if st != c.CLOSED),
    ),
)


def retention_ends(closed_date: dt.date | None) -> dt.date | None:
    """The first day a closed complaint's file may be destroyed: five years after closing."""
    if closed_date is None:
        return None
    try:
        return closed_date.replace(year=closed_date.year + c.RETENTION_YEARS)
    except ValueError:  # 29 February
        return closed_date.replace(year=closed_date.year + c.RETENTION_YEARS, day=28)


def open_statuses() -> list[str]:
    """The complaint statuses that still need work, in the order of work: not closed or voided, and
    not 已回访 either (issue 14: the case is settled and the complainant called back; only the formal
    结案 is left, which the register's status filter finds)."""
    return [st for st in c.SPEC.statuses if not WORKFLOW.is_final(st) and st != c.REVISITED]
