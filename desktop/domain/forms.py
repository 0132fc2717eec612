"""Every form the application knows, by its JSON kind (the order is the order of the menus)."""

from __future__ import annotations

from . import complaint, return_request, service_report, survey
from .complaint_rules import WORKFLOW as COMPLAINT_WORKFLOW
from .fields import FormSpec
from .followup_rules import WORKFLOW as FOLLOWUP_WORKFLOW
from .register_rules import CUSTOMER_WORKFLOW, DELIVERY_WORKFLOW, PRODUCT_WORKFLOW, USE_RECORD_WORKFLOW
from .return_request_rules import WORKFLOW as RETURN_WORKFLOW
from .service_report_rules import WORKFLOW as SERVICE_WORKFLOW
from .survey_rules import WORKFLOW as SURVEY_WORKFLOW
from .ticket_rules import WORKFLOW as TICKET_WORKFLOW
from .training_rules import WORKFLOW as TRAINING_WORKFLOW
from .workflow import Workflow

# The forms a customer signs, then the service desk's records, then the registers behind them.
WORKFLOWS: dict[str, Workflow] = {
    wf.spec.kind: wf
    for wf in (
        COMPLAINT_WORKFLOW,
        SERVICE_WORKFLOW,
        SURVEY_WORKFLOW,
        RETURN_WORKFLOW,
        TRAINING_WORKFLOW,
        TICKET_WORKFLOW,
        FOLLOWUP_WORKFLOW,
        CUSTOMER_WORKFLOW,
        PRODUCT_WORKFLOW,
        DELIVERY_WORKFLOW,
        USE_RECORD_WORKFLOW,
    )
}
SPECS: dict[str, FormSpec] = {kind: wf.spec for kind, wf in WORKFLOWS.items()}
assert list(SPECS)[:4] == [complaint.SPEC.kind, service_report.SPEC.kind, survey.SPEC.kind, return_request.SPEC.kind]
# The service desk's lists: a save of another kind may change them (save hooks plan follow-ups and
# move tickets), so the window refreshes them after every save.
DESK = ("ticket", "followup")


def spec_for(kind: str) -> FormSpec:
    try:
        return SPECS[kind]
    except KeyError:
        raise KeyError(f"unknown kind {kind!r}; known: {', '.join(SPECS)}") from None
