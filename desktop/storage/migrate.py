"""Schema migrations (Alembic), applied automatically when a database is opened.

Start-up stays fast: the current revision is read with plain ``sqlite3`` and compared with
:data:`HEAD`; Alembic is imported only when there is something to do.  Before upgrading an
existing file it is backed up with SQLite's backup API (a consistent copy even if another
connection writes) under a name that is never reused, so a later copy never overwrites it.

The whole upgrade is one unit: one SQLite transaction (``BEGIN IMMEDIATE``, emitted by us since the
pysqlite driver would not give Alembic a transaction around DDL; SQLite's DDL is transactional)
holds every revision's DDL, the data blocks, the version stamp and the ``foreign_key_check``, and is
committed only when all of them succeeded: a kill, a power cut or an error half way leaves the file
exactly as it was, and the next start simply upgrades again.  Migrations run with
``foreign_keys=OFF`` (PITFALLS.md: SQLite batch mode rebuilds tables, and with foreign keys on,
``ON DELETE CASCADE`` would empty every child table).  A database made by a newer version of the
app is refused rather than damaged.

Every start also checks that the file is a database (a zero-byte or foreign file is refused, never
replaced by a new empty one), runs SQLite's ``quick_check`` and compares the tables and columns with
the ones its stamped revision must have; a damaged file stops the app with a message saying how to
restore it from a backup (``storage.backup``).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from .errors import CANNOT_OPEN, DAMAGED, SCHEMA, SchemaTooNew, StorageError, reason_of, storage_error

# Every revision in order, oldest first.  A test checks this against Alembic's own history.
REVISIONS: tuple[str, ...] = ("0001_complaint", "0002_other_forms", "0003_revision", "0004_signatures", "0005_desk",
                              "0006_versions", "0007_server")
HEAD = REVISIONS[-1]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def current_revision(path: Path) -> str | None:
    if not path.exists():
        return None
    con = sqlite3.connect(path)
    try:
        row = con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        got = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return got[0] if got else None
    finally:
        con.close()


def _unused_name(folder: Path, stem: str, suffix: str) -> Path:
    target = folder / f"{stem}{suffix}"
    n = 2
    while target.exists():
        target = folder / f"{stem}-{n}{suffix}"
        n += 1
    return target


def backup(path: Path, backup_dir: Path, label: str) -> Path:
    """A consistent copy of the database file (SQLite online backup, in one step), checked with
    ``quick_check``, under a name no other backup has: written beside under a temporary name, then
    linked to its own name, which fails rather than replace a file already there."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    while True:
        target = _unused_name(backup_dir, f"aftersales-{stamp}-{label}", ".sqlite")
        tmp = backup_dir / f".{target.name}.{os.getpid()}.part"
        src = sqlite3.connect(path)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            ok = dst.execute("PRAGMA quick_check").fetchone()
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
        try:
            if ok != ("ok",):
                raise StorageError(QT_TRANSLATE_NOOP(MESSAGES, "备份副本检查未通过：{detail}"), {"detail": str(ok)},
                                   reason=DAMAGED)
            try:
                os.link(tmp, target)
            except FileExistsError:
                continue  # another process took the name in between: pick the next one
            except OSError:  # a file system without hard links (FAT USB stick): claim the name exclusively
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
                os.close(fd)
                os.replace(tmp, target)
            return target
        finally:
            Path(tmp).unlink(missing_ok=True)


def alembic_config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def _migration_engine(path: Path):  # type: ignore[no-untyped-def]
    """An engine whose transactions are real SQLite transactions around DDL too, foreign keys off."""
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # the driver starts no transaction of its own
        cur = dbapi_conn.cursor()
        try:
            cur.execute("PRAGMA busy_timeout=5000")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=OFF")  # before the transaction, or it is ignored
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


# A test hook: called with the revision just applied, inside the transaction (to kill or fail there).
_after_step = None


def upgrade(path: Path, target: str = "head") -> None:
    """Upgrade to ``target`` in one transaction: every revision, the stamp, the foreign-key check."""
    from alembic import command

    engine = _migration_engine(path)
    try:
        with engine.connect() as conn, conn.begin():
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            cfg.attributes["after_step"] = _after_step
            command.upgrade(cfg, target)
            if target in ("head", HEAD):  # the retention triggers, in the same transaction
                from .retention import install

                install(conn)
            bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if bad:  # raised inside the transaction: nothing of the upgrade is kept
                raise StorageError(QT_TRANSLATE_NOOP(MESSAGES, "数据库升级后外键检查失败，升级未进行：{rows}"),
                                   {"rows": str(bad[:5])}, reason=SCHEMA)
    finally:
        engine.dispose()


SQLITE_HEADER = b"SQLite format 3\x00"


def _restore_hint(path: Path) -> dict[str, str]:
    from .backup import latest_backup_hint

    return {"path": str(path), "hint": latest_backup_hint(path.parent)}


def _raise_unless_damaged(e: sqlite3.Error) -> None:
    """A locked, read-only or unreadable file is said as such, not as damage."""
    reason = reason_of(e)
    if reason is not None and reason != DAMAGED:
        raise storage_error(reason, writing=False) from e


def check_file(path: Path) -> None:
    """Refuse a file that is not a database: empty (zero bytes) or foreign; say how to restore."""
    if not path.exists():
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as e:
        raise StorageError(QT_TRANSLATE_NOOP(MESSAGES, "无法读取数据库文件 {path}：{error}"),
                           {"path": str(path), "error": e.strerror or str(e)}, reason=CANNOT_OPEN) from e
    if not head:
        raise StorageError(QT_TRANSLATE_NOOP(
            MESSAGES, "数据库文件 {path} 是空的（0 字节），可能是磁盘故障或复制中断。程序已停止，没有改动它，也不会新建空数据库。"
                      "{hint}"), _restore_hint(path), reason=DAMAGED)
    if head != SQLITE_HEADER:
        raise StorageError(QT_TRANSLATE_NOOP(
            MESSAGES, "文件 {path} 不是本程序的数据库（文件头不符），可能已损坏。程序已停止，没有改动它。{hint}"),
            _restore_hint(path), reason=DAMAGED)


def quick_check(path: Path) -> None:
    """SQLite's ``quick_check`` (a few milliseconds per MB): a damaged page stops the app here."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.DatabaseError as e:
        _raise_unless_damaged(e)
        rows = [(str(e),)]
    finally:
        con.close()
    if rows != [("ok",)]:
        raise StorageError(QT_TRANSLATE_NOOP(
            MESSAGES, "数据库文件 {path} 已损坏（{detail}）。程序已停止，请不要继续使用这个文件。{hint}"),
            {**_restore_hint(path), "detail": "；".join(str(r[0]) for r in rows)[:300]}, reason=DAMAGED)


def shape_problems(path: Path) -> list[str]:
    """What the file lacks of the tables and columns the current schema has (for a file stamped
    :data:`HEAD`): a table or column missing means the stamp does not tell the truth."""
    from .schema import full_metadata

    con = sqlite3.connect(path)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        problems = []
        for table in full_metadata().sorted_tables:
            if table.name not in tables:
                problems.append(QT_TRANSLATE_NOOP(MESSAGES, "缺少表 {table}").format(table=table.name))
                continue
            have = {r[1] for r in con.execute(f'PRAGMA table_info("{table.name}")')}
            problems += [QT_TRANSLATE_NOOP(MESSAGES, "表 {table} 缺少列 {column}").format(table=table.name, column=c.name)
                         for c in table.columns if c.name not in have]
        return problems
    finally:
        con.close()


def _check_shape(path: Path, rev: str) -> None:
    problems = shape_problems(path)
    if problems:
        raise StorageError(QT_TRANSLATE_NOOP(
            MESSAGES, "数据库 {path} 标为版本 {rev}，但结构与该版本不符（{problems}）。程序已停止，没有改动它。{hint}"),
            {**_restore_hint(path), "rev": rev, "problems": "；".join(problems[:5])}, reason=SCHEMA)


def ensure_schema(path: Path, backup_dir: Path) -> None:
    check_file(path)
    try:
        rev = current_revision(path)
    except sqlite3.DatabaseError as e:
        _raise_unless_damaged(e)
        quick_check(path)  # says damaged, with the way to restore
        raise StorageError(QT_TRANSLATE_NOOP(MESSAGES, "无法读取数据库 {path}：{error}。{hint}"),
                           {**_restore_hint(path), "error": str(e)}, reason=DAMAGED) from e
    if rev is not None and rev not in REVISIONS:
        raise SchemaTooNew(
            QT_TRANSLATE_NOOP(MESSAGES, "数据库 {path} 由更新版本的程序创建（版本 {rev}），本程序无法打开。请升级程序。"),
            {"path": str(path), "rev": rev}, reason=SCHEMA)
    if path.exists():
        quick_check(path)
    if rev == HEAD:
        _check_shape(path, rev)
        _ensure_retention(path)
        return
    if rev is None and path.exists() and _has_tables(path):
        raise StorageError(QT_TRANSLATE_NOOP(
            MESSAGES, "数据库 {path} 有数据表，却没有版本标记，不是本程序能识别的数据库。程序已停止，没有改动它。{hint}"),
            _restore_hint(path), reason=SCHEMA)
    if rev is not None:
        backup(path, backup_dir, f"{rev}-before-{HEAD}")
    upgrade(path)
    _check_shape(path, HEAD)


def _ensure_retention(path: Path) -> None:
    """Put back any retention trigger a migration dropped (``storage.retention``): one transaction."""
    from .retention import TRIGGERS, install

    con = sqlite3.connect(path)
    try:
        have = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    finally:
        con.close()
    if set(TRIGGERS) <= have:
        return
    engine = _migration_engine(path)
    try:
        with engine.connect() as conn, conn.begin():
            install(conn)
    finally:
        engine.dispose()


def _has_tables(path: Path) -> bool:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0] > 0
    finally:
        con.close()
