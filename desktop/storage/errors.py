"""Storage errors the user can act on, told apart by SQLite's error codes (ARCHITECTURE.md pattern 5).

Errors that come from the machine (disk full, read-only folder, database locked by another window
or program, a damaged file, a vanished USB stick) become :class:`StorageError`, whose message says
what happened, whether anything was written and what to do; everything else is a bug and is left
to the crash handler.  The codes are SQLite's primary result codes (``sqlite3.Error.sqlite_errorcode``
carries the extended code: its low byte is the primary one), not the wording of the message, which
changes between SQLite versions.  A read says that nothing was changed; a write that nothing was
saved and that what was saved before is intact.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP

# SQLite primary result codes (https://www.sqlite.org/rescode.html)
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

LOCKED = "locked"
READ_ONLY = "read-only"
FULL = "full"
DAMAGED = "damaged"
IO = "io"
CANNOT_OPEN = "cannot-open"
NO_MEMORY = "no-memory"
SCHEMA = "schema"

_REASON_BY_CODE = {
    SQLITE_BUSY: LOCKED,
    SQLITE_LOCKED: LOCKED,
    SQLITE_READONLY: READ_ONLY,
    SQLITE_PERM: READ_ONLY,
    SQLITE_FULL: FULL,
    SQLITE_CORRUPT: DAMAGED,
    SQLITE_NOTADB: DAMAGED,
    SQLITE_IOERR: IO,
    SQLITE_CANTOPEN: CANNOT_OPEN,
    SQLITE_NOMEM: NO_MEMORY,
}

# (reason, writing) → message; every message says whether anything was written.
_MESSAGES = {
    (LOCKED, True): QT_TRANSLATE_NOOP(
        MESSAGES, "数据库正被另一个窗口或程序写入，等候后仍未轮到，本次未保存；已保存的记录没有受影响。请稍后重试。"),
    (LOCKED, False): QT_TRANSLATE_NOOP(
        MESSAGES, "数据库正被另一个窗口或程序占用，暂时无法读取；数据没有改动。请稍后重试。"),
    (READ_ONLY, True): QT_TRANSLATE_NOOP(
        MESSAGES, "数据文件夹或数据库文件为只读，本次未保存；已保存的记录没有受影响。请检查文件夹权限。"),
    (READ_ONLY, False): QT_TRANSLATE_NOOP(
        MESSAGES, "数据文件夹或数据库文件为只读，无法读取；数据没有改动。请检查文件夹权限。"),
    (FULL, True): QT_TRANSLATE_NOOP(
        MESSAGES, "磁盘已满，本次未保存；已保存的记录没有受影响。请清理磁盘空间后重试。"),
    (FULL, False): QT_TRANSLATE_NOOP(MESSAGES, "磁盘已满，无法读取；数据没有改动。请清理磁盘空间后重试。"),
    (DAMAGED, True): QT_TRANSLATE_NOOP(
        MESSAGES, "数据库文件已损坏，本次未保存。请不要继续使用，并从备份恢复（工具 ▸ 备份与恢复）。"),
    (DAMAGED, False): QT_TRANSLATE_NOOP(
        MESSAGES, "数据库文件已损坏，无法读取。请不要继续使用，并从备份恢复（工具 ▸ 备份与恢复）。"),
    (IO, True): QT_TRANSLATE_NOOP(
        MESSAGES, "磁盘读写错误，本次未保存；已保存的记录没有受影响。请检查磁盘，或 U 盘是否已拔出。"),
    (IO, False): QT_TRANSLATE_NOOP(MESSAGES, "磁盘读写错误，无法读取；数据没有改动。请检查磁盘，或 U 盘是否已拔出。"),
    (CANNOT_OPEN, True): QT_TRANSLATE_NOOP(
        MESSAGES, "无法打开数据库文件，本次未保存。请检查数据文件夹是否存在、是否可写。"),
    (CANNOT_OPEN, False): QT_TRANSLATE_NOOP(MESSAGES, "无法打开数据库文件。请检查数据文件夹是否存在、是否可读。"),
    (NO_MEMORY, True): QT_TRANSLATE_NOOP(MESSAGES, "内存不足，本次未保存；已保存的记录没有受影响。请关闭其他程序后重试。"),
    (NO_MEMORY, False): QT_TRANSLATE_NOOP(MESSAGES, "内存不足，无法读取；数据没有改动。请关闭其他程序后重试。"),
}


class StorageError(Exception):
    """An environmental storage problem.  ``template`` and ``args`` are the message (Chinese, to be
    translated with the ``messages`` context); ``str(e)`` is it filled in; ``reason`` is one of
    the constants above (``locked``, ``full``, …) and ``writing`` whether a write was refused."""

    def __init__(self, template: str, args: Mapping[str, Any] | None = None, *, reason: str = "",
                 writing: bool = False) -> None:
        self.template = template
        self.args_ = dict(args or {})
        self.reason = reason
        self.writing = writing
        super().__init__(template.format(**self.args_) if self.args_ else template)


class SchemaTooNew(StorageError):
    pass


def storage_error(reason: str, *, writing: bool) -> StorageError:
    return StorageError(_MESSAGES[(reason, writing)], reason=reason, writing=writing)


def reason_of(e: BaseException) -> str | None:
    """The environmental reason of an SQLite error (by its result code), else ``None``."""
    from sqlalchemy.exc import DBAPIError

    orig = e.orig if isinstance(e, DBAPIError) else e
    if not isinstance(orig, sqlite3.Error):
        return None
    code = getattr(orig, "sqlite_errorcode", None)
    if code is None:  # raised by the module itself (a closed connection, a bad parameter): a bug
        return None
    return _REASON_BY_CODE.get(code & 0xFF)


def translate_error(e: BaseException, *, writing: bool = True) -> StorageError | None:
    """A :class:`StorageError` for an environmental SQLite failure or a write refused by the
    retention triggers (``storage.retention``), else ``None``."""
    if isinstance(e, StorageError):
        return e
    from .retention import retention_error  # a write the database's retention triggers refused

    refused = retention_error(e)
    if refused is not None:
        return refused
    reason = reason_of(e)
    return None if reason is None else storage_error(reason, writing=writing)
