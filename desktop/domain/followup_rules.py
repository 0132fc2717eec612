"""Rules and lifecycle of a planned follow-up: 待回访 → 已完成 or 已取消."""

from __future__ import annotations

import datetime as dt

from . import followup as fu
from .fields import RecordValues
from .i18n import MESSAGES, QT_TRANSLATE_NOOP
from .validation import Issue, not_after, rule
from .workflow import Transition, Workflow


@rule(fu.SPEC.kind)
def _followup(v: RecordValues, today: dt.date) -> list[Issue]:
    return not_after(v, "done_date", today, QT_TRANSLATE_NOOP(MESSAGES, "不能晚于今天（{today}）"),
                     today=today.isoformat())


WORKFLOW = Workflow(
    spec=fu.SPEC,
    initial=fu.PLANNED,
    final=(fu.DONE, fu.CANCELLED),
    transitions=(
        Transition(fu.PLANNED, fu.DONE, "回访完成", requires=("way", "done_date", "result_note"),
                   date_defaults=("done_date",)),
        Transition(fu.PLANNED, fu.CANCELLED, "取消回访", requires=("result_note",)),
    ),
)
