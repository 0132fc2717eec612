"""The SQLite database: engine, connection settings, one short transaction per user action.

Durability (DEVELOPERS.md "Nothing lost"): WAL journal with ``synchronous=FULL`` so a commit that
returned survives a power cut, foreign keys on, and a busy timeout so a second process (the command
line while the window is open) waits instead of failing.  The PRAGMAs are set with a plain cursor on
every new connection, outside any transaction (PITFALLS.md: inside one, ``foreign_keys`` is ignored).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from .errors import StorageError, translate_error

DB_FILENAME = "aftersales.sqlite"


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA busy_timeout=5000")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
    finally:
        cur.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


class Database:
    """An opened, migrated database file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = make_engine(path)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception.

        SQLite errors that come from the environment (disk full, read-only, locked, corrupt) are
        raised as :class:`StorageError` with a message in Chinese; anything else propagates as the
        bug it is.
        """
        s = self._sessions()
        try:
            yield s
            s.commit()
        except Exception as e:
            s.rollback()
            translated = translate_error(e)
            if translated is not None:
                raise translated from e
            raise
        finally:
            s.close()

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(data_dir: Path) -> Database:
    """Open (creating and migrating as needed) the database in ``data_dir``."""
    from .migrate import ensure_schema

    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DB_FILENAME
    try:
        ensure_schema(path, data_dir / "backups")
    except sqlite3.DatabaseError as e:
        raise StorageError(f"无法打开数据库 {path}：{e}") from e
    return Database(path)
