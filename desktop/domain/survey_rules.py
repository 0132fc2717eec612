"""Rules and lifecycle of the satisfaction survey: 已发放 (printed, handed out) → 已回收."""

from __future__ import annotations

import datetime as dt
from statistics import mean

from . import survey as sv
from .fields import RecordValues
from .i18n import MESSAGES, QT_TRANSLATE_NOOP
from .validation import Issue, not_after, not_before
from .workflow import Transition, Workflow

# Training may not have taken place for every customer: that score may stay empty.
REQUIRED_SCORES = tuple(k for k, _ in sv.SCORE_ITEMS if k != "score_training") + (sv.OVERALL[0],)


def _dates(v: RecordValues, today: dt.date) -> list[Issue]:
    future = QT_TRANSLATE_NOOP(MESSAGES, "不能晚于今天（{today}）")
    issues = not_after(v, "survey_date", today, future, today=today.isoformat())
    issues += not_after(v, "returned_date", today, future, today=today.isoformat())
    issues += not_before(v, "returned_date", "survey_date", sv.SPEC.label_of("survey_date"))
    return issues


def average_score(v: RecordValues) -> float | None:
    """The mean of the seven item scores that were given (the overall score is the customer's own)."""
    scores = [v.fields[k] for k, _ in sv.SCORE_ITEMS if v.fields.get(k) is not None]
    return round(mean(scores), 2) if scores else None


WORKFLOW = Workflow(
    rules=(_dates,),
    spec=sv.SPEC,
    initial=sv.ISSUED,
    final=(sv.RETURNED,),
    transitions=(
        Transition(sv.ISSUED, sv.RETURNED, "登记回收的调查表", requires=REQUIRED_SCORES + ("returned_date",),
                   date_defaults=("returned_date",)),
    ),
)
