"""A colour per status, from the workflow alone: the same rule for every form.

Statuses are coloured in the order of work (``FormSpec.statuses``): the first blue, then orange,
purple, pink, cyan, green; a final status (closed, completed, returned, rejected) is grey, so that
open work stands out in a register and finished work fades.  For the complaint this gives the
colours it always had (已登记 blue … 已回访 green, 已关闭 grey).
"""

from __future__ import annotations

from ..domain.forms import WORKFLOWS

# tone → (text colour, badge background)
TONES: dict[str, tuple[str, str]] = {
    "blue": ("#1565c0", "#e3f2fd"),
    "orange": ("#e65100", "#fff3e0"),
    "purple": ("#6a1b9a", "#f3e5f5"),
    "pink": ("#ad1457", "#fce4ec"),
    "cyan": ("#00838f", "#e0f7fa"),
    "green": ("#2e7d32", "#e8f5e9"),
    "grey": ("#616161", "#eeeeee"),
}
_OPEN_TONES = ("blue", "orange", "purple", "pink", "cyan", "green")


def status_tone(kind: str, status: str | None) -> str:
    """The tone of ``status`` in the workflow of ``kind`` ("" when unknown, e.g. a new record)."""
    wf = WORKFLOWS.get(kind)
    if wf is None or not status or status not in wf.spec.statuses:
        return ""
    if wf.is_final(status):
        return "grey"
    open_statuses = [s for s in wf.spec.statuses if not wf.is_final(s)]
    return _OPEN_TONES[min(open_statuses.index(status), len(_OPEN_TONES) - 1)]


def status_colour(kind: str, status: str | None) -> str | None:
    """The text colour of ``status`` in a register (``None``: the palette's)."""
    tone = status_tone(kind, status)
    return TONES[tone][0] if tone else None


def status_rank(kind: str, status: str | None) -> int:
    """The position of ``status`` in the order of work (unknown statuses last)."""
    statuses = WORKFLOWS[kind].spec.statuses
    return statuses.index(status) if status in statuses else len(statuses)
