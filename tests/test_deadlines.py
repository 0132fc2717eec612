"""Both deadlines of a hotline ticket count in its register row (issue 14)."""

from __future__ import annotations

import datetime as dt

from conftest import NOW

from desktop.domain import ticket as tk
from desktop.services.records import RegisterRow
from desktop.ui.row_tones import OVERDUE, SOON, ticket_tone


def _row(status: str, response: str, handling: str) -> RegisterRow:
    return RegisterRow("id", "BZ-2026-T1-0001", status, {"response_deadline": response, "handling_deadline": handling})


def test_a_ticket_past_its_phone_response_is_red_though_handling_has_time_left():
    state, tip = ticket_tone(_row(tk.RECEIVED, "2026-03-20 09:00", "2026-03-21 07:00"), NOW)
    assert state == OVERDUE and "电话响应时限 2026-03-20 09:00" in tip and "处理时限" not in tip


def test_the_phone_response_stops_counting_once_staff_is_assigned():
    assert ticket_tone(_row(tk.ASSIGNED, "2026-03-20 09:00", "2026-03-21 07:00"), NOW) is None
    state, tip = ticket_tone(_row(tk.ASSIGNED, "2026-03-20 09:00", "2026-03-20 10:30"), NOW)
    assert state == SOON and tip.startswith("处理时限")


def test_both_near_or_past_are_both_named_and_the_worse_wins():
    state, tip = ticket_tone(_row(tk.RECEIVED, "2026-03-20 10:00", "2026-03-20 09:00"), NOW)
    assert state == OVERDUE and "电话响应时限" in tip and "处理时限 2026-03-20 09:00，已超时" in tip
    assert ticket_tone(_row(tk.DONE, "2026-03-19 09:00", "2026-03-19 10:00"), NOW + dt.timedelta(days=1)) is None
