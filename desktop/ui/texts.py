"""Showing the domain's Chinese strings through Qt's translator.

The domain declares labels, choices and messages in Simplified Chinese inside
``QT_TRANSLATE_NOOP`` (``domain.i18n``); widgets must pass them through
``QCoreApplication.translate`` at display time so that an English ``.qm`` can replace them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.i18n import FIELDS, MESSAGES
from ..domain.validation import REQUIRED, Issue


def tr_field(text: str) -> str:
    """A label, section title, choice value or status (context ``fields``)."""
    return QCoreApplication.translate(FIELDS, text) if text else text


# Arguments that hold a label, a status or a choice value of the spec (context ``fields``).
_FIELD_ARGS = frozenset({"label", "value", "a", "b", "status"})


def tr_message(template: str, **args: object) -> str:
    """A validation or workflow message (context ``messages``), with its arguments filled in."""
    text = QCoreApplication.translate(MESSAGES, template)
    if not args:
        return text
    args = {k: tr_field(v) if k in _FIELD_ARGS and isinstance(v, str) else v for k, v in args.items()}
    try:
        return text.format(**args)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return template.format(**args)


def issue_text(issue: Issue) -> str:
    return tr_message(issue.template, **dict(issue.args))


def is_required(issue: Issue) -> bool:
    """An empty required value: shown on save or before a step, not while tabbing through."""
    return issue.template == REQUIRED


def error_text(e: BaseException) -> str:
    """The message of a refusal (``TransitionRefused``) or a storage error (``StorageError``, with
    its arguments), translated."""
    template = getattr(e, "template", None)
    if isinstance(template, str):
        return tr_message(template, **dict(getattr(e, "args_", {}) or {}))
    return str(e)
