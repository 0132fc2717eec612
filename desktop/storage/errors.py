"""Storage errors the user can act on, told in Chinese (ARCHITECTURE.md pattern 5).

Errors that come from the machine (disk full, read-only folder, database locked by another
program, a damaged file) become :class:`StorageError` with a message that says what to do;
everything else is a bug and is left to the crash handler.
"""

from __future__ import annotations

import sqlite3


class StorageError(Exception):
    """An environmental storage problem; ``str(e)`` is a message for the user, in Chinese."""


class SchemaTooNew(StorageError):
    pass


_ENVIRONMENTAL = (
    ("disk is full", "磁盘已满，记录未保存。请清理磁盘空间后重试。"),
    ("database or disk is full", "磁盘已满，记录未保存。请清理磁盘空间后重试。"),
    ("readonly database", "数据文件夹为只读，记录未保存。请检查文件夹权限。"),
    ("attempt to write a readonly", "数据文件夹为只读，记录未保存。请检查文件夹权限。"),
    ("database is locked", "数据库正被其他程序占用，记录未保存。请稍后重试。"),
    ("unable to open database", "无法打开数据库文件。请检查数据文件夹是否存在、是否可写。"),
    ("disk i/o error", "磁盘读写错误，记录未保存。请检查磁盘或 U 盘是否已拔出。"),
    ("file is not a database", "数据库文件已损坏或不是本程序的数据库。请从备份恢复。"),
    ("database disk image is malformed", "数据库文件已损坏。请从备份恢复。"),
)


def translate_error(e: BaseException) -> StorageError | None:
    """A :class:`StorageError` for an environmental SQLite failure, else ``None``."""
    # Imported here so that the window can catch StorageError before SQLAlchemy is loaded
    # (start-up shows the window first, then opens the database).
    from sqlalchemy.exc import DBAPIError

    orig = e.orig if isinstance(e, DBAPIError) else e
    if not isinstance(orig, sqlite3.Error):
        return None
    text = str(orig).lower()
    for needle, message in _ENVIRONMENTAL:
        if needle in text:
            return StorageError(message)
    return None
