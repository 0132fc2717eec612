"""Retention enforced by the database itself (issue 11): the triggers made by migration 0006.

Whichever route a write takes — a form, an import, a conflict resolved, a script — the database
refuses to delete a complaint before five years after its closing, to move a closing date back (or
clear it while the complaint stays closed), to rewrite an archived revision or a signature, and to
remove a signed revision or the signatures of an archived one (unless their record itself is being
deleted, where the rules allow that).  The services check the same rules first and say so in their
own words; these triggers are what holds when a route forgets.

A refused write raises the database's own error carrying ``retention:<rule>``;
:func:`retention_error` turns it into a :class:`StorageError` with a Chinese message.  Because
SQLite drops a table's triggers when a migration rebuilds the table (batch mode), the start-up shape
check (``migrate.shape_problems``) requires every trigger named in :data:`TRIGGERS`: a later
migration that rebuilds one of these tables must create its triggers again.
"""

from __future__ import annotations

from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from .errors import StorageError

RETENTION = "retention"

KINDS = ("complaint", "service_report", "survey", "return_request", "training", "ticket", "followup",
         "customer", "product", "delivery", "use_record")

TRIGGERS: tuple[str, ...] = ("retention_complaint_delete", "retention_complaint_closed_date") + tuple(
    f"retention_{k}_{what}" for k in KINDS
    for what in ("revision_update", "revision_delete", "signature_update", "signature_delete"))

_MESSAGES = {
    "complaint-delete": QT_TRANSLATE_NOOP(MESSAGES, "投诉资料须在关闭后保存五年，数据库拒绝删除，没有改动任何数据。"),
    "closed-date": QT_TRANSLATE_NOOP(MESSAGES, "已关闭投诉的结案日期不能提前或清除（保管期限从结案日期起算），没有改动任何数据。"),
    "revision-update": QT_TRANSLATE_NOOP(MESSAGES, "存档的版本不能改写，没有改动任何数据。"),
    "revision-delete": QT_TRANSLATE_NOOP(MESSAGES, "已签字的版本不能删除，没有改动任何数据。"),
    "signature-update": QT_TRANSLATE_NOOP(MESSAGES, "签字不能改写，没有改动任何数据。"),
    "signature-delete": QT_TRANSLATE_NOOP(MESSAGES, "存档版本上的签字不能删除，没有改动任何数据。"),
}


def retention_error(e: BaseException) -> StorageError | None:
    """A :class:`StorageError` for a write one of the retention triggers refused, else ``None``."""
    text = str(getattr(e, "orig", None) or e)
    marker = text.find("retention:")
    if marker < 0:
        return None
    rest = text[marker + len("retention:"):].split()
    template = _MESSAGES.get(rest[0].strip(".'\"")) if rest else None
    if template is None:
        return None
    return StorageError(template, reason=RETENTION, writing=True)
