"""Dates on screen in one style in both languages (issue 14): ISO, ``2026-12-02`` and
``2026-12-02 09:30``, through ``domain.dates`` (issue 13), the one formatter the PDFs use too."""

from __future__ import annotations

import datetime as dt

from ..domain.dates import format_date, format_datetime


def iso_date(day: dt.date | None) -> str:
    """``2026-12-02`` ("" for no date)."""
    return format_date(day)


def iso_minute(moment: dt.datetime | None, local: bool = True) -> str:
    """``2026-12-02 09:30``, in local time unless ``local`` is False ("" for none)."""
    if moment is not None and local and moment.tzinfo is not None:
        moment = moment.astimezone()
    return format_datetime(moment)
