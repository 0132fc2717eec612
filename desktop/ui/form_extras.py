"""Kind-specific additions to the generic form (``FormView``).

The form itself is built from the spec alone.  What one kind needs beyond its fields — the
training session's sign-in sheet and assessment buttons, a complaint's batch-expiry notes, a
hotline ticket's deadlines, a follow-up's "write the service report" — is a widget made by a
function registered here for that kind.  The function gets the form and a parent widget and
returns the widget to show below the form's sections (or ``None`` when it only adds buttons to
``form.header_extras``); it listens to ``form.loaded`` and ``form.saved`` to refresh itself.
Modules that register extras are imported by :func:`extras_for` (see ``EXTRA_MODULES``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from .form_view import FormView

MakeExtra = Callable[["FormView", QWidget], QWidget | None]

_EXTRAS: dict[str, list[MakeExtra]] = {}

# The modules that call :func:`extra`; imported the first time a form is built.
EXTRA_MODULES: tuple[str, ...] = (".ticket_extras", ".followup_extras", ".training_extras", ".completion",
                                  ".complaint_extras", ".survey_extras", ".complaint_defaults")
_loaded = False


def extra(kind: str) -> Callable[[MakeExtra], MakeExtra]:
    """Register ``fn(form, parent)`` as an addition to every form of ``kind``."""

    def add(fn: MakeExtra) -> MakeExtra:
        _EXTRAS.setdefault(kind, []).append(fn)
        return fn

    return add


def extras_for(kind: str) -> list[MakeExtra]:
    global _loaded
    if not _loaded:
        _loaded = True
        for name in EXTRA_MODULES:
            importlib.import_module(name, __package__)
    return list(_EXTRAS.get(kind, []))
