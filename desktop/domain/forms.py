"""Every form the application knows, by its JSON kind (the order is the order of the menus)."""

from __future__ import annotations

from . import complaint, return_request, service_report, survey
from .complaint_rules import WORKFLOW as COMPLAINT_WORKFLOW
from .fields import FormSpec
from .return_request_rules import WORKFLOW as RETURN_WORKFLOW
from .service_report_rules import WORKFLOW as SERVICE_WORKFLOW
from .survey_rules import WORKFLOW as SURVEY_WORKFLOW
from .workflow import Workflow

WORKFLOWS: dict[str, Workflow] = {
    wf.spec.kind: wf for wf in (COMPLAINT_WORKFLOW, SERVICE_WORKFLOW, SURVEY_WORKFLOW, RETURN_WORKFLOW)
}
SPECS: dict[str, FormSpec] = {kind: wf.spec for kind, wf in WORKFLOWS.items()}
assert list(SPECS) == [complaint.SPEC.kind, service_report.SPEC.kind, survey.SPEC.kind, return_request.SPEC.kind]


def spec_for(kind: str) -> FormSpec:
    try:
        return SPECS[kind]
    except KeyError:
        raise KeyError(f"unknown kind {kind!r}; known: {', '.join(SPECS)}") from None
