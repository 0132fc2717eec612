"""Head office's decisions on a laptop's record, each made by the role the source names and recorded
with who and when (the record's version lineage: ``updated_by``, ``updated_via = head-office``, the
time), and carried to the laptop by its next sync as a new version of the record:

- 质量界定 (quality determination): 品质部;
- 管理者代表 / 总经理 approval of a complaint's handling: that role, its name and date filled from the
  user and today;
- a return request's approval: 售后部经理, 管理者代表 or 总经理, whose role is written as the approver's.

Anyone else (a 售后服务人员, an administrator, an unknown user) is refused; nothing is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ...domain.return_request import APPROVER_ROLES
from ...storage.server_accounts import user_role
from ..errors import Refusal
from ..records import Outcome, RecordService
from ..tickets import raw_of

VIA_HEAD_OFFICE = "head-office"

# kind → step → (roles allowed, fields the decision sets, name field, date field, role field)
STEPS: dict[str, dict[str, tuple[tuple[str, ...], tuple[str, ...], str | None, str | None, str | None]]] = {
    "complaint": {
        "quality": (("品质部",), ("quality_determination",), None, None, None),
        "mgmt_rep": (("管理者代表",), ("mgmt_rep_decision", "approval_comment"), "mgmt_rep_name", "mgmt_rep_date", None),
        "gm": (("总经理",), ("gm_decision", "approval_comment"), "gm_name", "gm_date", None),
    },
    "return-request": {
        "quality": (("品质部",), ("quality_determination",), None, None, None),
        "approval": (APPROVER_ROLES, ("approval_decision", "approval_comment"), "approver_name", "approval_date",
                     "approver_role"),
    },
}


class DecisionRefused(Refusal):
    """The user may not make this decision (the window says it with ``ui.head_office.refusal_text``)."""


def decide(service: RecordService, user: str, kind: str, record_id: str, step: str, values: Mapping[str, Any],
           expected_version: int | None = None) -> Outcome:
    steps = STEPS.get(kind, {})
    if step not in steps:
        raise DecisionRefused(QT_TRANSLATE_NOOP(MESSAGES, "{kind} 没有“{step}”这一审批步骤"), kind=kind, step=step)
    roles, keys, name_key, date_key, role_key = steps[step]
    with service.db.session() as s:
        role = user_role(s, user)
    if role not in roles:
        raise DecisionRefused(QT_TRANSLATE_NOOP(MESSAGES, "{user}（{role}）无权做这一步：需要 {roles}"),
                              user=user, role=role or QT_TRANSLATE_NOOP(MESSAGES, "未知用户"), roles="、".join(roles))
    unknown = sorted(set(values) - set(keys))
    if unknown:
        raise DecisionRefused(QT_TRANSLATE_NOOP(MESSAGES, "这一步只能填写：{keys}（不能填写 {unknown}）"),
                              keys="、".join(keys), unknown="、".join(unknown))
    raw = raw_of(service.get(kind, record_id))
    raw.update(values)
    if name_key:
        raw[name_key] = user
    if date_key:
        raw[date_key] = service.clock.today().isoformat()
    if role_key:
        raw[role_key] = role
    return service.update(kind, record_id, raw, by=f"{user}（{role}）"[:40], expected_version=expected_version, via=VIA_HEAD_OFFICE)
