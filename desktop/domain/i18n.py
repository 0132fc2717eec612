"""Translation markers for text declared outside widgets.

The domain must not import Qt, yet its labels and messages are what the user reads.  Strings are
written in Simplified Chinese (the source language) and wrapped in ``QT_TRANSLATE_NOOP(context,
text)``: the name is the one ``pyside6-lupdate`` looks for, so the strings land in the ``.ts`` files,
and the user interface translates them at display time with ``QCoreApplication.translate(context,
text)``.  Documents (PDFs) are printed in Chinese, the language of the contract, and use the text
as it is.
"""

from __future__ import annotations

FIELDS = "fields"
"""Context of form labels, section titles and choice values."""

MESSAGES = "messages"
"""Context of validation and workflow messages."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate recognises
    """Mark ``text`` for translation in ``context`` and return it unchanged."""
    return text
