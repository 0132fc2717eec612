"""Settings stored in the database (so they are backed up and travel with it)."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.settings import Settings
from .schema import Setting

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I/O/0/1: read aloud over the phone


def load_settings(session: Session) -> Settings:
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
    code = "".join(secrets.choice(_ALPHABET) for _ in range(4))
    if row is None:
        session.add(Setting(key="laptop_code", value=code))
    else:
        row.value = code
    return code
