"""Settings stored in the database (so they are backed up and travel with it)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.settings import Settings
from .schema import Setting

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I/O/0/1: read aloud over the phone


# ``session.info`` key: the settings as read once for a whole batch (``settings_held``).
_HELD = "settings_held"


@contextmanager
def settings_held(session: Session) -> Iterator[None]:
    """Read the settings once for the operations inside the block (an import's or a sync's batch:
    the policies and computed fields of every record ask for them); each caller still gets a copy
    of its own.  Nothing inside may save settings."""
    session.info[_HELD] = load_settings(session)
    try:
        yield
    finally:
        session.info.pop(_HELD, None)


def load_settings(session: Session) -> Settings:
    held = session.info.get(_HELD)
    if held is not None:
        return replace(held)
    stored = {s.key: s.value for s in session.scalars(select(Setting))}
    known: dict[str, object] = {k: stored[k] for k in Settings.keys() if k in stored}
    for key in Settings.int_keys():
        if key in known:
            try:
                known[key] = int(str(known[key]))
            except ValueError:
                del known[key]  # a damaged value falls back to the default
    return Settings(**known)  # type: ignore[arg-type]


def save_settings(session: Session, settings: Settings) -> None:
    session.info.pop(_HELD, None)
    for key in Settings.keys():
        value = str(getattr(settings, key))
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value


def ensure_laptop_code(session: Session) -> str:
    """Give a new database a random laptop code until the user chooses one in the settings.

    Random 4-character codes from 32 symbols make a clash between two laptops very unlikely; the
    settings ask head office to assign codes so it cannot happen.
    """
    row = session.get(Setting, "laptop_code")
    if row is not None and row.value:
        return row.value
    session.info.pop(_HELD, None)
    code = "".join(secrets.choice(_ALPHABET) for _ in range(4))
    if row is None:
        session.add(Setting(key="laptop_code", value=code))
    else:
        row.value = code
    return code
