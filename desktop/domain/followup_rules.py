"""Rules and lifecycle of a planned follow-up: 待回访 → 已完成 or 已取消.

The dates the program plans by itself (issue 6) are worked out here, without storage, so they can
be tested around their limits; ``services.planning`` applies them when records are saved.

- After a delivery: the return visits fall on the delivery date plus whole multiples of the
  interval (3 months by default: 每季度至少一次远程回访).  The schedule stays anchored to the
  delivery: completing a visit plans the next date *of that schedule* after both the visit's due
  date and the day it was done.  A late call then neither pushes every later visit back (the
  chain would drift and lose a visit over the batch's life) nor leaves a visit that is overdue the
  moment it is planned; an early call does not pull the next one forward; and a delivery on the
  31st keeps its month ends (01-31 → 04-30 → 07-31, not 04-30 → 07-30).  No visit is planned
  after the batch's expiry date: there is nothing left to use then.
- After a complaint's handling was fed back (已反馈): a call back within ``complaint_callback_days``
  of the feedback date.
- Due and overdue: a follow-up due today is due, not overdue, all day; at midnight it becomes
  overdue (the local date of "now" is past its due date).
"""

from __future__ import annotations

import datetime as dt

from . import followup as fu
from .fields import RecordValues
from .i18n import MESSAGES, QT_TRANSLATE_NOOP
from .register_rules import add_months
from .validation import Issue, not_after
from .workflow import Transition, Workflow

DUE = "due"  # due today
OVERDUE = "overdue"
LATER = "later"


def _followup(v: RecordValues, today: dt.date) -> list[Issue]:
    return not_after(v, "done_date", today, QT_TRANSLATE_NOOP(MESSAGES, "不能晚于今天（{today}）"),
                     today=today.isoformat())


def _opinion_of_complainant(v: RecordValues, today: dt.date) -> list[Issue]:
    """A complaint's call back records what the complainant thinks of the handling: it becomes the
    complaint's 投诉人意见 when the complaint is revisited (``services.planning``)."""
    if v.fields.get("followup_type") == fu.COMPLAINT_CALLBACK and not v.fields.get("customer_opinion"):
        return [Issue("customer_opinion", QT_TRANSLATE_NOOP(MESSAGES, "投诉处理后回访须记录投诉人的意见"))]
    return []


def visit_due(delivery_date: dt.date, interval_months: int, after: dt.date | None = None) -> dt.date:
    """The first date of the delivery's visit schedule (delivery date + k × interval, k ≥ 1) that
    is later than ``after`` (``None``: the first visit)."""
    if interval_months < 1:
        raise ValueError("interval_months must be at least 1")
    k = 1
    due = add_months(delivery_date, interval_months)
    if after is not None:
        # Jump close to the answer first, so a delivery years back costs a few steps, not hundreds.
        months = (after.year - delivery_date.year) * 12 + after.month - delivery_date.month
        k = max(1, months // interval_months)
        due = add_months(delivery_date, k * interval_months)
        while due <= after:
            k += 1
            due = add_months(delivery_date, k * interval_months)
    return due


def first_visit(
    delivery_date: dt.date, interval_months: int, expiry: dt.date | None, today: dt.date | None = None
) -> dt.date | None:
    """The first return visit planned for a delivery: delivery date + interval, or ``None`` when
    the batch expires before it.

    A delivery entered late (``today`` given, past visits of its schedule already gone) gets one
    visit, the latest one of its schedule not after today, overdue so the call is made now, rather
    than one for every quarter missed; a batch already expired gets none."""
    due = visit_due(delivery_date, interval_months)
    if today is not None:
        if expiry is not None and expiry < today:
            return None
        while (later := visit_due(delivery_date, interval_months, due)) <= today:
            due = later
    return due if expiry is None or due <= expiry else None


def on_schedule(delivery_date: dt.date, interval_months: int, due: dt.date) -> bool:
    """Whether ``due`` is one of the delivery's visit dates (delivery date + k × interval)."""
    return visit_due(delivery_date, interval_months, due - dt.timedelta(days=1)) == due


def next_visit(
    delivery_date: dt.date, interval_months: int, due_date: dt.date, done_date: dt.date | None,
    expiry: dt.date | None,
) -> dt.date | None:
    """The visit after one due on ``due_date`` and done on ``done_date``: the next date of the
    delivery's schedule after both, or ``None`` when the batch has expired by then."""
    after = max(due_date, done_date) if done_date else due_date
    due = visit_due(delivery_date, interval_months, after)
    return due if expiry is None or due <= expiry else None


def callback_due(feedback_date: dt.date, days: int) -> dt.date:
    """The call back after a complaint's feedback: within ``days`` of it (the last day allowed)."""
    return feedback_date + dt.timedelta(days=days)


def due_state(due_date: dt.date, now: dt.datetime | dt.date) -> str:
    """``due`` (today), ``overdue`` (a day before today or earlier) or ``later``, for the local date
    of ``now``: due all day on its date, overdue from midnight."""
    today = now.date() if isinstance(now, dt.datetime) else now
    if due_date < today:
        return OVERDUE
    return DUE if due_date == today else LATER


WORKFLOW = Workflow(
    rules=(_followup,),
    spec=fu.SPEC,
    initial=fu.PLANNED,
    final=(fu.DONE, fu.CANCELLED),
    transitions=(
        Transition(fu.PLANNED, fu.DONE, "回访完成", requires=("way", "done_date", "result_note"),
                   check=_opinion_of_complainant, date_defaults=("done_date",)),
        Transition(fu.PLANNED, fu.CANCELLED, "取消回访", requires=("result_note",)),
    ),
)
