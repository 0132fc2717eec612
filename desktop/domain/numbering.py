"""Readable form numbers that never collide between laptops: PREFIX-YEAR-LAPTOP-SEQ.

Each laptop has its own code (settings, e.g. ``A3``) and counts per form and year on its own, so
``TS-2026-A3-0007`` can only ever be made on laptop A3.  The counter is kept in the database and
advanced in the same transaction as the record that takes the number (storage.numbering).
"""

from __future__ import annotations

import re

LAPTOP_CODE_RE = re.compile(r"^[A-Z0-9]{1,4}$")
NUMBER_RE = re.compile(r"^(?P<prefix>[A-Z]{2,4})-(?P<year>\d{4})-(?P<laptop>[A-Z0-9]{1,4})-(?P<seq>\d{4,})$")


def valid_laptop_code(code: str) -> bool:
    return bool(LAPTOP_CODE_RE.match(code))


def format_number(prefix: str, year: int, laptop: str, seq: int) -> str:
    return f"{prefix}-{year:04d}-{laptop}-{seq:04d}"


def parse_number(number: str) -> tuple[str, int, str, int] | None:
    m = NUMBER_RE.match(number)
    if not m:
        return None
    return m["prefix"], int(m["year"]), m["laptop"], int(m["seq"])
