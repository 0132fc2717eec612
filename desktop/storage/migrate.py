"""Schema migrations (Alembic), applied automatically when a database is opened.

Start-up stays fast: the current revision is read with plain ``sqlite3`` and compared with
:data:`HEAD`; Alembic is imported only when there is something to do.  Before upgrading an
existing file it is backed up with SQLite's backup API (a consistent copy even if another
connection writes).  Migrations run with ``foreign_keys=OFF`` (PITFALLS.md: SQLite batch mode
rebuilds tables, and with foreign keys on, ``ON DELETE CASCADE`` would empty every child table),
then ``foreign_key_check`` must come back empty.  A database made by a newer version of the app is
refused rather than damaged.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from .errors import SCHEMA, SchemaTooNew, StorageError

# Every revision in order, oldest first.  A test checks this against Alembic's own history.
REVISIONS: tuple[str, ...] = ("0001_complaint", "0002_other_forms", "0003_revision", "0004_signatures", "0005_desk",
                              "0006_versions")
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


def backup(path: Path, backup_dir: Path, label: str) -> Path:
    """A consistent copy of the database file (SQLite online backup, in one step)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"aftersales-{stamp}-{label}.sqlite"
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def alembic_config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def upgrade(path: Path, target: str = "head") -> None:
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
            conn.exec_driver_sql("PRAGMA synchronous=FULL")
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
            # Checked before the commit: an upgrade that broke a reference is not kept.
            bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if bad:
                conn.rollback()
                raise StorageError(QT_TRANSLATE_NOOP(MESSAGES, "数据库升级后外键检查失败：{rows}"), {"rows": str(bad[:5])},
                                   reason=SCHEMA)
            conn.commit()
    finally:
        engine.dispose()


def ensure_schema(path: Path, backup_dir: Path) -> None:
    rev = current_revision(path)
    if rev == HEAD:
        return
    if rev is not None and rev not in REVISIONS:
        raise SchemaTooNew(
            QT_TRANSLATE_NOOP(MESSAGES, "数据库 {path} 由更新版本的程序创建（版本 {rev}），本程序无法打开。请升级程序。"),
            {"path": str(path), "rev": rev}, reason=SCHEMA)
    if rev is not None:
        backup(path, backup_dir, f"before-{HEAD}")
    upgrade(path)
