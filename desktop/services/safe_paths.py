"""File names this app writes, made from record numbers that may have come from a file.

A number is checked when it arrives (``services.trust``), but a database may hold numbers from
before that check, and a name is the last line of defence: :func:`safe_stem` keeps letters,
digits, ``-`` and ``_`` only (``../x`` becomes ``x``), and :func:`inside` refuses a name that would
land outside its folder.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP

_UNSAFE = re.compile(r"[^A-Za-z0-9_\-\u4e00-\u9fff]+")
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


class UnsafePath(ValueError):
    """A name that would be written outside its folder; the message is for the user."""


def safe_stem(number: str, fallback: str = "record") -> str:
    """A file-name stem from ``number``: no separators, no dots, no Windows device name, bounded."""
    stem = _UNSAFE.sub("_", str(number)).strip("_-")[:80] or fallback
    return f"_{stem}" if stem.upper() in _RESERVED else stem


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, or :class:`UnsafePath` if that is not a file directly inside ``folder``."""
    target = folder / name
    if Path(name).name != name or name in ("", ".", "..") or target.resolve().parent != folder.resolve():
        raise UnsafePath(QT_TRANSLATE_NOOP(MESSAGES, "文件名“{name}”会写到文件夹 {folder} 之外，已拒绝").format(
            name=name, folder=folder))
    return target
