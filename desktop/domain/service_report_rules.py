"""Rules and lifecycle of the service report: 填写中 → 已完成."""

from __future__ import annotations

import datetime as dt

from . import service_report as sr
from .fields import RecordValues
from .i18n import MESSAGES, QT_TRANSLATE_NOOP
from .validation import Issue, not_after
from .workflow import Transition, Workflow


def _times(v: RecordValues, today: dt.date) -> list[Issue]:
    issues = not_after(v, "service_date", today, QT_TRANSLATE_NOOP(MESSAGES, "不能晚于今天（{today}）"),
                       today=today.isoformat())
    arrival, departure = v.fields.get("arrival_time"), v.fields.get("departure_time")
    if arrival and departure and departure < arrival:
        issues.append(Issue("departure_time", QT_TRANSLATE_NOOP(MESSAGES, "离开时间不能早于到达时间（{time}）"),
                            {"time": arrival.strftime("%H:%M")}))
    if v.fields.get("service_type") == "上门走访" and v.fields.get("contact_way") not in (None, "上门"):
        issues.append(Issue("contact_way", QT_TRANSLATE_NOOP(MESSAGES, "上门走访的联系方式应为“上门”")))
    for i, row in enumerate(v.tables.get("materials", [])):
        if row.get("amount") is not None and row.get("amount_unit") is None:
            issues.append(Issue(f"materials[{i}].amount_unit", QT_TRANSLATE_NOOP(MESSAGES, "填写用量时须选择单位")))
    return issues


def _visit_times(v: RecordValues, today: dt.date) -> list[Issue]:
    # 上门服务要记录到达、离开时间 (source 六(八): 严格记录…到每个环节的处理时间)
    if v.fields.get("contact_way") == "上门" or v.fields.get("service_type") == "上门走访":
        return [Issue(k, QT_TRANSLATE_NOOP(MESSAGES, "上门服务须填写到达和离开时间"))
                for k in ("arrival_time", "departure_time") if v.fields.get(k) is None]
    return []


WORKFLOW = Workflow(
    rules=(_times,),
    spec=sr.SPEC,
    initial=sr.IN_PROGRESS,
    final=(sr.COMPLETED,),
    transitions=(
        Transition(sr.IN_PROGRESS, sr.COMPLETED, "完成服务报告", requires=("actions_taken", "customer_comment"),
                   check=_visit_times),
    ),
)
