"""Dates on screen in one style in both languages (issue 14): ISO, ``2026-12-02`` and
``2026-12-02 09:30``, as the PDFs print them.

Issue 13 adds ``desktop/domain/dates.py``, the one formatter of the documents; when it is on main
these two should call it (they give the same text).
"""

from __future__ import annotations

import datetime as dt

DATE_FORMAT = "%Y-%m-%d"
MINUTE_FORMAT = "%Y-%m-%d %H:%M"


def iso_date(day: dt.date | None) -> str:
    """``2026-12-02`` ("" for no date)."""
    return day.strftime(DATE_FORMAT) if day is not None else ""


def iso_minute(moment: dt.datetime | None, local: bool = True) -> str:
    """``2026-12-02 09:30``, in local time unless ``local`` is False ("" for none)."""
    if moment is None:
        return ""
    if local and moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime(MINUTE_FORMAT)
