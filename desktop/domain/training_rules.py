"""Rules and lifecycle of a training session: 计划中 → 已培训 → 已考核."""

from __future__ import annotations

import datetime as dt

from . import training as tr
from .fields import RecordValues
from .i18n import MESSAGES, QT_TRANSLATE_NOOP
from .validation import Issue, rule
from .workflow import DeriveContext, Transition, Workflow


def pass_mark(v: RecordValues, ctx: DeriveContext) -> int:
    return int(v.fields.get("pass_mark") or ctx.settings.pass_mark)


def derive_training(v: RecordValues, ctx: DeriveContext) -> None:
    mark = pass_mark(v, ctx)
    for row in v.tables.get("attendees", []):
        score = row.get("score")
        row["result"] = None if score is None else ("合格" if score >= mark else "不合格")


@rule(tr.SPEC.kind)
def _training(v: RecordValues, today: dt.date) -> list[Issue]:
    start, end = v.fields.get("start_time"), v.fields.get("end_time")
    if start and end and end <= start:
        return [Issue("end_time", QT_TRANSLATE_NOOP(MESSAGES, "结束时间应晚于开始时间（{time}）"),
                      {"time": start.strftime("%H:%M")})]
    return []


def _has_attendees(v: RecordValues, today: dt.date) -> list[Issue]:
    if not v.tables.get("attendees"):
        return [Issue("attendees", QT_TRANSLATE_NOOP(MESSAGES, "请登记参加人员"))]
    return []


def _all_scored(v: RecordValues, today: dt.date) -> list[Issue]:
    issues = _has_attendees(v, today)
    for i, row in enumerate(v.tables.get("attendees", [])):
        if row.get("score") is None:
            issues.append(Issue(f"attendees[{i}].score", QT_TRANSLATE_NOOP(MESSAGES, "请填写考核得分或答卷")))
    return issues


WORKFLOW = Workflow(
    spec=tr.SPEC,
    initial=tr.PLANNED,
    final=(tr.ASSESSED,),
    transitions=(
        Transition(tr.PLANNED, tr.HELD, "培训已举行", check=_has_attendees),
        Transition(tr.HELD, tr.ASSESSED, "登记考核结果", check=_all_scored),
    ),
    derive=derive_training,
)
