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

from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from .errors import StorageError, reason_of, storage_error, translate_error

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


def make_engine(path: Path, *, immediate: bool = False) -> Engine:
    """An engine on the file whose transactions SQLite really begins when SQLAlchemy does.

    The pysqlite driver would begin a transaction only at the first write, so "read the counter,
    then write the record" could interleave with another process (PITFALLS.md, concurrency): the
    driver's own handling is switched off and the ``begin`` event emits BEGIN itself —
    ``BEGIN IMMEDIATE`` for the write engine, which takes the write lock at once (waiting up to the
    busy timeout for another writer) so two writers never allocate the same number.
    """
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)

    @event.listens_for(engine, "connect")
    def _no_driver_transactions(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Database:
    """An opened, migrated database file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = make_engine(path)
        self.write_engine = make_engine(path, immediate=True)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self.write_engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A reading transaction (it may write a little, such as a first laptop code): committed
        when the block ends, rolled back on any exception.

        SQLite errors that come from the environment (disk full, read-only, locked, corrupt) are
        raised as :class:`StorageError` with a message that says what happened; anything else
        propagates as the bug it is.
        """
        with self._transaction(self._sessions, writing=False) as s:
            yield s

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A writing transaction: it holds SQLite's write lock from its first statement (waiting
        briefly for another writer, then refused with a message), so everything it reads — a number
        counter, a record's version — stays as read until it commits."""
        with self._transaction(self._write_sessions, writing=True) as s:
            yield s

    @contextmanager
    def _transaction(self, factory: sessionmaker[Session], *, writing: bool) -> Iterator[Session]:
        s = factory()
        try:
            yield s
            s.commit()
        except Exception as e:
            s.rollback()
            translated = translate_error(e, writing=writing)
            if translated is not None:
                raise translated from e
            raise
        finally:
            s.close()

    def dispose(self) -> None:
        self.engine.dispose()
        self.write_engine.dispose()


def _user_only(data_dir: Path) -> None:
    """The data folder readable by this user alone (0700 on POSIX; on Windows the user's own
    %LOCALAPPDATA% already is): records, photos and keys are not for other local accounts."""
    import os
    import stat

    if os.name != "posix":
        return
    try:
        if stat.S_IMODE(data_dir.stat().st_mode) & 0o077:
            os.chmod(data_dir, 0o700)
    except OSError:
        pass  # a folder we do not own (a shared drive): its owner decides


def open_database(data_dir: Path) -> Database:
    """Open (creating and migrating as needed) the database in ``data_dir``."""
    from .migrate import ensure_schema

    data_dir.mkdir(parents=True, exist_ok=True)
    _user_only(data_dir)
    path = data_dir / DB_FILENAME
    try:
        ensure_schema(path, data_dir / "backups")
    except sqlite3.Error as e:
        reason = reason_of(e)
        if reason is not None:
            raise storage_error(reason, writing=False) from e
        raise StorageError(QT_TRANSLATE_NOOP(MESSAGES, "无法打开数据库 {path}：{error}"),
                           {"path": str(path), "error": str(e)}) from e
    return Database(path)
