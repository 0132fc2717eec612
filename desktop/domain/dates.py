"""The one way a date is printed: ISO 8601, ``2026-10-13`` (issue 13).

Why ISO 8601 (``YYYY-MM-DD``, zero-padded) and not ``2026年10月13日``:

* **What the data holds.**  Dates are stored, exchanged (JSON, Excel, the sync server) and typed in
  this form already (``domain.fields.parse_value`` reads it; every ``to_json_value`` writes it), so
  what is printed is exactly what is searched for and what an auditor compares against an export.
* **Sortable and fixed-width.**  A 台账 of printed dates sorts by its text; columns of dates line up.
* **Unambiguous and the same in both languages.**  ``2026-10-13`` reads the same to a Chinese and an
  English reader (no 10/13 against 13/10), needs no translation, and is GB/T 7408 (the Chinese
  national standard for dates, identical to ISO 8601), accepted on official paper.
* **Short.**  It fits narrow table cells without wrapping, unlike ``2026 年 10 月 13 日``.

A date left to fill *by hand* on paper is the exception: it stays ``年 月 日`` blanks, the way a
person writes a date with a pen (see ``documents.pdf_values``).

No Qt and no ReportLab here: the screen (``desktop/ui``) and every PDF use the same functions.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["DATETIME_PATTERN", "DATE_PATTERN", "format_date", "format_datetime"]

DATE_PATTERN = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
"""A printed date (what :func:`format_date` gives), for finding dates in a text."""

DATETIME_PATTERN = re.compile(r"\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}\b")
"""A printed moment (what :func:`format_datetime` gives)."""


def format_date(value: dt.date | dt.datetime | None) -> str:
    """``2026-10-13``; a datetime prints its (local) date; ``None`` prints as ``""``."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def format_datetime(value: dt.datetime | None) -> str:
    """``2026-10-13 09:30`` (minutes, in the time zone the value carries); ``None`` prints as ``""``."""
    if value is None:
        return ""
    return f"{format_date(value)} {value.hour:02d}:{value.minute:02d}"
