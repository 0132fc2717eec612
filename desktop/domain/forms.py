"""Every form the application knows, by its JSON kind.  Later forms register here."""

from __future__ import annotations

from .complaint import SPEC as COMPLAINT
from .complaint_rules import WORKFLOW as COMPLAINT_WORKFLOW
from .fields import FormSpec
from .workflow import Workflow

SPECS: dict[str, FormSpec] = {COMPLAINT.kind: COMPLAINT}
WORKFLOWS: dict[str, Workflow] = {COMPLAINT.kind: COMPLAINT_WORKFLOW}


def spec_for(kind: str) -> FormSpec:
    try:
        return SPECS[kind]
    except KeyError:
        raise KeyError(f"unknown kind {kind!r}; known: {', '.join(SPECS)}") from None
