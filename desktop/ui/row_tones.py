"""Rows of a register that must stand out: hotline tickets near or past a deadline (phone response or handling),
follow-ups due today or overdue (issue 6).

A tone function per kind takes a register row and the service clock's time and returns
(state, tool tip) or ``None``; ``RegisterTableModel`` paints the whole row with the state's
background (red for overdue, amber for due soon) and shows the tool tip on every cell.  The same
time-left texts are used by the ticket's form (``ticket_extras``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ..domain import followup as fu
from ..domain import ticket as tk
from ..domain import ticket_rules as rules

if TYPE_CHECKING:
    from ..services.records import RegisterRow

OVERDUE = rules.OVERDUE
SOON = rules.DUE_SOON_STATE
NOT_TAKEN = "not_taken"  # a customer or product this laptop proposed that head office rejected
BACKGROUNDS = {OVERDUE: QColor("#fbd9d6"), SOON: QColor("#ffedb8"), NOT_TAKEN: QColor("#e6e6e6")}
FOREGROUNDS = {OVERDUE: QColor("#8e1b1b"), SOON: QColor("#5d3a00"), NOT_TAKEN: QColor("#555555")}

RowTone = Callable[["RegisterRow", dt.datetime], "tuple[str, str] | None"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Deadlines", text)


def span_text(delta: dt.timedelta) -> str:
    """1 天 3 小时 / 2 小时 5 分 / 12 分 (whole minutes, never negative)."""
    minutes = max(int(delta.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return _tr("{d} 天 {h} 小时").format(d=days, h=hours) if hours else _tr("{d} 天").format(d=days)
    if hours:
        return _tr("{h} 小时 {m} 分").format(h=hours, m=mins) if mins else _tr("{h} 小时").format(h=hours)
    return _tr("{m} 分").format(m=mins)


def left_text(deadline: dt.datetime, now: dt.datetime) -> tuple[str, str]:
    """(text, state): 还剩 1 小时 20 分 / 已超时 35 分 / 已到时限, and the deadline's state."""
    wall = rules.wall_clock(now)
    state = rules.deadline_state(deadline, now)
    if state == OVERDUE:
        return _tr("已超时 {span}").format(span=span_text(wall - deadline)), state
    if wall == deadline:
        return _tr("已到时限"), state
    return _tr("还剩 {span}").format(span=span_text(deadline - wall)), state


def ticket_tone(row: RegisterRow, now: dt.datetime) -> tuple[str, str] | None:
    """Both deadlines count (issue 14): the phone response while nobody has answered the caller
    (``RESPONSE_OPEN``), the handling until the issue is settled (``HANDLING_OPEN``); the row takes
    the worse of the two, and its tool tip names each one that is near or past."""
    states: list[tuple[str, str]] = []
    for key, open_statuses, label in (("response_deadline", rules.RESPONSE_OPEN, _tr("电话响应时限")),
                                      ("handling_deadline", rules.HANDLING_OPEN, _tr("处理时限"))):
        if row.status not in open_statuses:
            continue
        deadline = rules.parse_deadline(row[key])
        if deadline is None:
            continue
        text, state = left_text(deadline, now)
        if state:
            states.append((state, _tr("{what} {at}，{left}").format(
                what=label, at=deadline.strftime(rules.DEADLINE_FORMAT), left=text)))
    if not states:
        return None
    worst = OVERDUE if any(s == OVERDUE for s, _t in states) else SOON
    return worst, "\n".join(t for _s, t in states)


def followup_tone(row: RegisterRow, now: dt.datetime) -> tuple[str, str] | None:
    due = row["due_date"]
    if row.status != fu.PLANNED or not isinstance(due, dt.date):
        return None
    today = now.date()
    if due < today:
        return OVERDUE, _tr("应于 {date} 回访，已逾期 {n} 天").format(date=due.isoformat(), n=(today - due).days)
    if due == today:
        return SOON, _tr("今天应回访")
    return None


ROW_TONES: dict[str, RowTone] = {
    tk.SPEC.kind: ticket_tone,
    fu.SPEC.kind: followup_tone,
}


def not_taken_tip(decided_by: str, decided_at: dt.datetime | None) -> str:
    """The tool tip of a register entry head office did not take (``services.sync.register_notes``)."""
    when = decided_at.astimezone().strftime("%Y-%m-%d") if decided_at is not None else ""
    who = " ".join(x for x in (decided_by, when) if x)
    text = _tr("总部未采纳这条登记（{who}）：它只留在本机；修改后下次同步会再次提交").format(who=who) if who \
        else _tr("总部未采纳这条登记：它只留在本机；修改后下次同步会再次提交")
    return text

