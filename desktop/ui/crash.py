"""Unexpected errors (bugs): a report file and a message in Chinese, never a silent exit.

Environmental storage errors are handled where they happen (``StorageError``, shown beside the
action that failed); anything else that reaches the event loop is a bug.  The traceback is written
to ``<data>/logs/crash-<time>.txt`` for the developers, and the user is told that what was saved
is safe (every save is its own committed transaction) and where the report is.
"""

from __future__ import annotations

import datetime as dt
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from . import dialogs


def write_report(folder: Path, exc: BaseException) -> Path | None:
    """Write the crash report; ``None`` when even that is impossible (disk full, read-only)."""
    from .. import __version__

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    lines = [
        f"Aftersales Desk {__version__}",
        f"time: {dt.datetime.now().astimezone().isoformat()}",
        f"python: {sys.version.split()[0]} on {platform.platform()}",
        "",
        *traceback.format_exception(type(exc), exc, exc.__traceback__),
    ]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}.txt"
        path.write_text("".join(line if line.endswith("\n") else line + "\n" for line in lines), encoding="utf-8")
        return path
    except OSError:
        return None


def install(data_dir: Path) -> None:
    """Route uncaught exceptions to :func:`handle` (replaces ``sys.excepthook``)."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        handle(data_dir, exc)

    sys.excepthook = hook


def handle(data_dir: Path, exc: BaseException) -> Path | None:
    path = write_report(data_dir / "logs", exc)
    traceback.print_exception(type(exc), exc, exc.__traceback__)
    where = (
        QCoreApplication.translate("crash", "错误报告已保存到：{path}。请把它发给软件维护人员。").format(path=path)
        if path
        else QCoreApplication.translate("crash", "错误报告无法保存（磁盘已满或文件夹只读）。")
    )
    dialogs.error(
        QApplication.activeWindow(),
        QCoreApplication.translate("crash", "程序出错"),
        QCoreApplication.translate(
            "crash", "程序遇到了一个意外错误。已保存的记录不受影响；正在编辑、尚未保存的内容请检查后再保存。"
        ),
        where,
    )
    return path
