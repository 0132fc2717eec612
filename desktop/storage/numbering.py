"""Allocating form numbers inside the saving transaction (see ``domain.numbering``)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..domain.numbering import format_number
from .schema import NumberCounter


def next_number(session: Session, prefix: str, year: int, laptop: str) -> str:
    """The next free number; the counter row is written in the caller's transaction, so a number
    is used up only if the record that takes it is committed."""
    row = session.get(NumberCounter, (prefix, year, laptop))
    if row is None:
        row = NumberCounter(prefix=prefix, year=year, laptop=laptop, last=0)
        session.add(row)
    row.last += 1
    return format_number(prefix, year, laptop, row.last)


def note_number(session: Session, prefix: str, year: int, laptop: str, seq: int) -> None:
    """Record a number that arrived with an import, so this laptop never hands it out again."""
    row = session.get(NumberCounter, (prefix, year, laptop))
    if row is None:
        session.add(NumberCounter(prefix=prefix, year=year, laptop=laptop, last=seq))
    elif row.last < seq:
        row.last = seq
