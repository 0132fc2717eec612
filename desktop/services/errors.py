"""Errors of the services (beside the domain's ``ValidationFailed`` and ``TransitionRefused``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# What the storage raises, as the window sees it: the window talks to the services only.
from ..storage.errors import StorageError
from ..storage.photos import PhotoError

__all__ = ["NotFound", "PhotoError", "Refusal", "StaleRecord", "StorageError"]


class Refusal(Exception):
    """A step this user may not take, said to the user.  ``template`` and ``args_`` are the message
    (Chinese, the ``messages`` context: the window translates it); ``str(e)`` is it filled in (the
    command line)."""

    def __init__(self, template: str, **args: str) -> None:
        self.template = template
        self.args_ = args
        super().__init__(template.format(**args) if args else template)


class NotFound(Exception):
    """No record with that id (or number, or revision)."""


@dataclass
class StaleRecord(Exception):
    """A save, step or signature based on a version of the record that is no longer the stored
    one: someone or something changed it since it was opened.  Nothing was written.

    ``by`` and ``via`` say who changed it and through what (``form``, ``import``, ``excel``,
    ``hotline``, ``policy:…``, ``sync``), ``at`` when; the window offers to reload and shows the
    differences."""

    kind: str
    record_id: str
    number: str
    expected: int
    current: int
    by: str
    via: str
    at: dt.datetime | None

    def __str__(self) -> str:
        return (f"{self.number} 已被修改（第 {self.expected} 版 → 第 {self.current} 版，"
                f"{self.by or '—'}，{self.via or '—'}），记录未保存")
