"""The 首页 figures a register can be filtered by, per kind (issue 14): the keys of
``DeskSummary.groups`` plus ``complaints_open``.  No SQL here: the window imports this at start-up."""

from __future__ import annotations

GROUPS_OF_KIND: dict[str, tuple[str, ...]] = {
    "followup": ("followups_due", "followups_overdue"),
    "ticket": ("tickets_overdue", "tickets_near"),
    "delivery": ("batches_expiring", "batches_expired"),
    "complaint": ("complaints_open",),
}
