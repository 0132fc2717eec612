"""Helpers the four reports share: refs, counting with refs, rates, averages."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ...domain.reports import Ref, Row


class Tally:
    """Counts by key, keeping the records behind each count (in order, each once)."""

    def __init__(self) -> None:
        self.refs: dict[Any, dict[str, Ref]] = defaultdict(dict)

    def add(self, key: Any, ref: Ref) -> None:
        self.refs[key][ref.id] = ref

    def count(self, key: Any) -> int:
        return len(self.refs.get(key, {}))

    def of(self, key: Any) -> tuple[Ref, ...]:
        return tuple(self.refs.get(key, {}).values())

    def keys(self) -> list[Any]:
        return list(self.refs)

    def by_count(self) -> list[Any]:
        """Keys, the most counted first (then by name)."""
        return sorted(self.refs, key=lambda k: (-self.count(k), str(k)))


def union(*groups: Iterable[Ref]) -> tuple[Ref, ...]:
    out: dict[str, Ref] = {}
    for g in groups:
        for r in g:
            out.setdefault(r.id, r)
    return tuple(out.values())


def count_row(name: Any, tally: Tally, key: Any = None) -> Row:
    key = name if key is None else key
    return Row((name, tally.count(key)), tally.of(key))


def rate(part: int, whole: int) -> float | None:
    """A percentage with one decimal, None when there is nothing to count."""
    return round(100.0 * part / whole, 1) if whole else None


def mean(values: Iterable[float | int | None]) -> float | None:
    got = [v for v in values if v is not None]
    return round(sum(got) / len(got), 2) if got else None


_NAMES = re.compile(r"[、，,;；/\s]+")


@lru_cache(maxsize=4096)
def _names(text: str) -> tuple[str, ...]:
    return tuple(n for n in _NAMES.split(text) if n)


def names_in(text: str | None) -> list[str]:
    """The people named in a staff field ("王强、李娜" → two)."""
    return list(_names(text or ""))


def deadline(text: str | None) -> dt.datetime | None:
    """A ticket's stored deadline ("YYYY-MM-DD HH:MM"), read fast (a year has thousands)."""
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def moment(day: dt.date | None, time: dt.time | None) -> dt.datetime | None:
    if day is None:
        return None
    return dt.datetime.combine(day, time or dt.time(0, 0))


def days_between(a: dt.date, b: dt.date) -> int:
    return (b - a).days
