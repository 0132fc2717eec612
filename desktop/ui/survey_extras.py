"""A survey typed in from the returned paper becomes 已回收 as it is saved (issue 14).

A clerk copying the customer's ticks into a survey still 已发放 does not also look for the step
登记回收的调查表: when a save leaves every required score given, the survey is registered as
returned at once (回收日期 today unless typed), through the same step and its checks.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ..domain import survey as sv
from ..domain import survey_rules as rules
from ..domain.records import Record
from ..services.errors import StaleRecord, StorageError
from .form_extras import extra
from .texts import tr_field

if TYPE_CHECKING:
    from .form_view import FormView

log = logging.getLogger(__name__)


class SurveyExtras(QWidget):
    def __init__(self, form: FormView, parent: QWidget) -> None:
        super().__init__(parent)
        self.form = form
        self.setObjectName("survey_extras")
        self.hide()
        form.saved.connect(self._saved)

    def _saved(self, record: Record) -> None:
        if record.status != sv.ISSUED or any(record.values.fields.get(k) is None for k in rules.REQUIRED_SCORES):
            return
        from ..domain.validation import ValidationFailed
        from ..domain.workflow import TransitionRefused

        raw = self.form.raw()
        if not raw.get("returned_date"):
            raw["returned_date"] = self.form.service.clock.today().isoformat()
        try:
            moved = self.form.service.transition(sv.SPEC.kind, record.id, sv.RETURNED, raw, by=self.form._staff(),
                                                 expected_version=record.version).record
        except (ValidationFailed, TransitionRefused, StaleRecord, StorageError):
            log.info("survey %s stays %s", record.number, record.status, exc_info=True)
            return  # the step's own button stays, with its checks
        self.form.load(moved)
        self.form._message(self.tr("评分已填齐：调查表已登记为“{status}”。").format(status=tr_field(sv.RETURNED)), "info")
        self.form.saved.emit(moved)


@extra(sv.SPEC.kind)
def survey_extras(form: FormView, parent: QWidget) -> QWidget:
    return SurveyExtras(form, parent)
