"""The head-office database on PostgreSQL: the same tables, migrations and write path as a laptop's
SQLite file (issue 12 builds the sync service and the head-office window on it).

What differs from SQLite is only here: the engine (psycopg 3), the migration run in one transaction
(PostgreSQL's DDL is transactional, so an upgrade is done entirely or not at all), and how a
writing transaction takes the write lock — SQLite's ``BEGIN IMMEDIATE`` becomes a transaction-level
advisory lock, so two writers (two sync requests, a manager's save) are serialised exactly as two
windows on a laptop are, and a number counter or a record's version read inside ``write()`` stays
as read until the commit.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from ..domain.fields import Photo
from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from .db import Database
from .errors import StorageError
from .photos import _SHA256_RE, PhotoStore, sniff_media_type

WRITE_LOCK = 0x5A5A_0001  # the advisory lock every writing transaction holds (an arbitrary constant)


def server_engine(url: str, prepared: bool = True) -> Engine:
    """An engine on a ``postgresql://`` URL (the psycopg 3 driver whatever the URL names).

    ``prepared=False`` for the sync service: no server-side prepared statements (psycopg prepares a
    query after its fifth run, and PostgreSQL may then settle on one generic plan).  A sync runs the
    same ``id IN ($1 … $200)`` queries batch after batch while the tables grow, and a generic plan made
    while a table was nearly empty scanned the whole table for every batch (120 ms a query at 11,000
    records instead of 1 ms); each query is planned for its values instead.  The window keeps them:
    its register searches repeat a few queries whose generic plans serve it well (a rare name among
    100,000 complaints with a status: 52 ms, against 1.7 s planned for the values)."""
    try:
        u = make_url(url)
    except ArgumentError as e:
        raise StorageError(QT_TRANSLATE_NOOP(MESSAGES, "数据库地址无效：{url}"), {"url": url}) from e
    if u.get_backend_name() != "postgresql":
        raise StorageError(QT_TRANSLATE_NOOP(MESSAGES, "总部数据库应为 PostgreSQL（postgresql://…）：{url}"),
                           {"url": url})
    return create_engine(u.set(drivername="postgresql+psycopg"), pool_pre_ping=True, future=True,
                         connect_args={} if prepared else {"prepare_threshold": None})


def upgrade_server(engine: Engine, target: str = "head") -> None:
    """Create or upgrade the head-office schema in one transaction."""
    from alembic import command

    from .migrate import alembic_config

    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})  # one upgrade at a time
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
        if target == "head":
            from .retention import install  # the retention triggers, in the same transaction

            install(conn)


def server_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if conn.execute(text("SELECT to_regclass('alembic_version')")).scalar() is None:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


class ServerDatabase(Database):
    """The head-office database (see the module text); used wherever a laptop's ``Database`` is."""

    def __init__(self, url: str, prepared: bool = True) -> None:
        self.path = None  # type: ignore[assignment]
        self.url = url
        self.engine = server_engine(url, prepared)  # prepared=False: the sync service (server_engine)
        self.write_engine = self.engine
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._transaction(self._write_sessions, writing=True) as s:
            s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})
            yield s

    def dispose(self) -> None:
        self.engine.dispose()


def open_server_database(url: str, prepared: bool = True) -> ServerDatabase:
    """Open the head-office database, creating or upgrading its schema first (``prepared``: see
    :func:`server_engine`)."""
    from .errors import SCHEMA, SchemaTooNew
    from .migrate import HEAD, REVISIONS

    db = ServerDatabase(url, prepared)
    rev = server_revision(db.engine)
    if rev is not None and rev not in REVISIONS:
        db.dispose()
        raise SchemaTooNew(
            QT_TRANSLATE_NOOP(MESSAGES,
                              "数据库 {path} 由更新版本的程序创建（版本 {rev}），本程序无法打开。请升级程序。"),
            {"path": db.engine.url.render_as_string(hide_password=True), "rev": rev}, reason=SCHEMA)
    if rev != HEAD:
        upgrade_server(db.engine)
    return db


class DatabasePhotoStore(PhotoStore):
    """Head office's photos, in the database (``server_photo``) rather than in a folder: the same
    interface as a laptop's :class:`PhotoStore` (by content hash; bytes checked against it when they
    come in, so what is there is what its name promises)."""

    def __init__(self, db: ServerDatabase) -> None:
        super().__init__(Path("/nonexistent-server-photos"))
        self.db = db
        # Hashes known to be stored (a picture is never removed from ``server_photo``): a record's
        # photos are checked several times while it is received, once against the database.
        self._stored: set[str] = set()

    def has(self, sha256: str) -> bool:
        from .server_accounts import ServerPhoto

        if not isinstance(sha256, str) or not _SHA256_RE.match(sha256):
            return False
        if sha256 in self._stored:
            return True
        with self.db.session() as s:
            found = s.get(ServerPhoto, sha256) is not None
        if found:
            self._stored.add(sha256)
        return found

    def holds(self, sha256: str) -> bool:
        return self.has(sha256)

    def missing(self, shas: list[str]) -> list[str]:
        """Of these content hashes, the ones not in the store (one query)."""
        from sqlalchemy import select

        from .server_accounts import ServerPhoto

        wanted = sorted({x for x in shas if isinstance(x, str) and _SHA256_RE.match(x)} - self._stored)
        have: set[str] = set()
        with self.db.session() as s:
            for start in range(0, len(wanted), 1000):
                chunk = wanted[start:start + 1000]
                have.update(s.scalars(select(ServerPhoto.sha256).where(ServerPhoto.sha256.in_(chunk))))
        self._stored |= have
        return [x for x in wanted if x not in have]

    def add_bytes(self, data: bytes, filename: str, caption: str = "") -> Photo:
        import hashlib

        from .server_accounts import ServerPhoto

        media = sniff_media_type(data, filename)
        digest = hashlib.sha256(data).hexdigest()
        if digest not in self._stored:
            from sqlalchemy.dialects.postgresql import insert

            with self.db.session() as s:  # one round trip; a picture another request stored meanwhile is kept
                s.execute(insert(ServerPhoto).values(sha256=digest, media_type=media, data=data)
                          .on_conflict_do_nothing(index_elements=[ServerPhoto.sha256]))
            self._stored.add(digest)
        return Photo(sha256=digest, filename=Path(filename).name, caption=caption, media_type=media)

    def add_many(self, pictures: list[bytes]) -> list[str]:
        """:meth:`add_bytes` for many pictures (a sync's batch upload) in one transaction and one
        executemany; each is sniffed and hashed here as there.  Their content hashes, in order."""
        import hashlib

        from sqlalchemy.dialects.postgresql import insert

        from .server_accounts import ServerPhoto

        rows: dict[str, dict[str, Any]] = {}
        out = []
        for data in pictures:
            digest = hashlib.sha256(data).hexdigest()
            media = sniff_media_type(data, f"{digest}.bin")
            out.append(digest)
            if digest not in self._stored:
                rows[digest] = {"sha256": digest, "media_type": media, "data": data}
        if rows:
            with self.db.session() as s:  # a picture another request stored meanwhile is kept
                s.execute(insert(ServerPhoto).on_conflict_do_nothing(index_elements=[ServerPhoto.sha256]),
                          list(rows.values()))
            self._stored.update(rows)
        return out

    def read(self, sha256: str) -> bytes:
        from .server_accounts import ServerPhoto

        self.path_for(sha256)  # refuses a reference that is not a content hash
        with self.db.session() as s:
            row = s.get(ServerPhoto, sha256)
            if row is None:
                raise FileNotFoundError(sha256)
            return bytes(row.data)

