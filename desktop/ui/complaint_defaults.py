"""What a complaint's form fills in as the clerk decides (issue 14), always to be changed at will:

- 属于质量问题 chosen: the handling the commitment requires — 免费更换 (unless 退货退款 was chosen),
  费用由公司承担, 运输费用由公司承担 (source 第二节三(三)1; ``complaint_rules._approval`` refuses
  anything else), said in the message line;
- an approval decision given (管理者代表意见, 总经理意见): its date, today, when still empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ..domain import complaint as c
from .form_extras import extra
from .texts import tr_field

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .form_view import FormView

# field → (the value filled in, the values that already agree with the rule)
QUALITY_HANDLING: dict[str, tuple[Any, tuple[Any, ...]]] = {
    "resolution": ("免费更换", ("免费更换", "退货退款")),
    "cost_bearer": ("公司承担", ("公司承担",)),
    "company_pays_shipping": (True, (True,)),
}
APPROVALS = (("mgmt_rep_decision", "mgmt_rep_date"), ("gm_decision", "gm_date"))


def fill_quality_handling(form: FormView) -> list[str]:
    """After 属于质量问题: the labels of the fields filled in (none when they already agree)."""
    det = form.editors.get("quality_determination")
    if det is None or form.read_only or det.raw() != c.QUALITY_PROBLEM:
        return []
    filled = []
    for key, (value, agreeing) in QUALITY_HANDLING.items():
        ed = form.editors.get(key)
        if ed is None or ed.raw() in agreeing:
            continue
        ed.set_value(value)
        filled.append(key)
    if filled:
        spec = form.spec
        parts = QCoreApplication.translate("ComplaintDefaults", "、").join(
            tr_field(spec.label_of(k)) + ("" if isinstance(QUALITY_HANDLING[k][0], bool) else QCoreApplication.translate(
                "ComplaintDefaults", "（{value}）").format(value=tr_field(QUALITY_HANDLING[k][0])))
            for k in filled)
        form.note_filled(QCoreApplication.translate(
            "ComplaintDefaults", "属于质量问题：已按承诺填入{fields}，可修改。").format(fields=parts), filled)
    return filled


def fill_approval_date(form: FormView, decision: str, date: str) -> bool:
    ed, day = form.editors.get(decision), form.editors.get(date)
    if ed is None or day is None or form.read_only or not ed.raw() or str(day.raw()).strip():
        return False
    day.set_value(form.service.clock.today())
    form.note_filled("", [date])
    return True


@extra("complaint")
def _complaint_defaults(form: FormView, parent: QWidget) -> None:
    det = form.editors.get("quality_determination")
    if det is not None:
        det.committed.connect(lambda: fill_quality_handling(form))
    for decision, date in APPROVALS:
        ed = form.editors.get(decision)
        if ed is not None:
            ed.committed.connect(lambda d=decision, t=date: fill_approval_date(form, d, t))
