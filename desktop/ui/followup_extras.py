"""What a follow-up's form shows and does beyond its fields (``form_extras``).

- In the header, while the follow-up is still planned: whether it is due today (amber) or overdue
  and by how many days (red), from ``followup_rules.due_state`` — due all day, overdue from
  midnight.
- After the step 回访完成 the service report of the visit opens at once, filled in from it
  (``domain.links``: 远程回访 by phone, e-mail or online, else 上门走访; customer, contact, product,
  batch, staff, the visit's notes) and linked to it when saved.  The form's "由此新建" menu offers
  the same report later, if that one was closed unsaved.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from ..domain import followup as fu
from ..domain import followup_rules as rules
from ..domain.records import Record
from ..services.errors import StorageError
from .form_extras import extra

if TYPE_CHECKING:
    from .form_view import FormView

log = logging.getLogger(__name__)

SERVICE_REPORT = "service-report"
STATE_STYLE = {
    rules.OVERDUE: "QLabel { color: #ffffff; background: #c62828; border-radius: 9px; padding: 2px 10px; }",
    rules.DUE: "QLabel { color: #5d3a00; background: #ffd54f; border-radius: 9px; padding: 2px 10px; }",
    rules.LATER: "QLabel { color: #2e7d32; padding: 2px 4px; }",
}


class FollowupExtras(QWidget):
    """The due-state label and the service report after completion (not shown itself)."""

    def __init__(self, form: FormView, parent: QWidget) -> None:
        super().__init__(parent)
        self.form = form
        self.setObjectName("followup_extras")
        self.hide()
        self.state_label = QLabel(form)
        self.state_label.setObjectName("followup_due_state")
        form.header_extras.addWidget(self.state_label)
        # The status of the shown record as last saved: a save that moves it from 待回访 to 已完成
        # is the 回访完成 step (``FormView.step`` loads the record, then emits ``saved``).
        self._record_id: str | None = None
        self._status: str | None = None
        form.loaded.connect(self._loaded)
        form.saved.connect(self._saved)
        self._loaded()

    def _loaded(self) -> None:
        record = self.form.record
        if record is None or record.id != self._record_id:
            self._record_id = record.id if record else None
            self._status = record.status if record else None
        self._show_state()

    def _show_state(self) -> None:
        record = self.form.record
        due = record.values.fields.get("due_date") if record else None
        if record is None or record.status != fu.PLANNED or due is None or self.form.archived:
            self.state_label.hide()
            return
        today = self.form.service.clock.today()
        state = rules.due_state(due, today)
        days = (today - due).days
        if state == rules.OVERDUE:
            text = self.tr("逾期 {n} 天").format(n=days)
        elif state == rules.DUE:
            text = self.tr("今天应回访")
        else:
            text = self.tr("还有 {n} 天").format(n=-days)
        self.state_label.setText(text)
        self.state_label.setStyleSheet(STATE_STYLE[state])
        self.state_label.show()

    def _saved(self, record: Record) -> None:
        before, self._status = self._status, record.status
        self._record_id = record.id
        self._show_state()
        if before == fu.PLANNED and record.status == fu.DONE:
            self.open_service_report(record)

    def open_service_report(self, record: Record) -> None:
        """Ask the window to open a new service report filled in from the completed visit."""
        from ..services.records import NotFound

        try:
            values, link = self.form.service.follow_on(record.kind, record.id, SERVICE_REPORT)
        except (NotFound, StorageError):
            log.exception("service report of %s not prefilled", record.number)
            return
        self.form.newRecordRequested.emit(SERVICE_REPORT, values, link)


@extra(fu.SPEC.kind)
def followup_extras(form: FormView, parent: QWidget) -> QWidget | None:
    return FollowupExtras(form, parent)
