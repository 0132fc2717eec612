"""What a hotline ticket's form shows beyond its fields (``form_extras``).

- Under each of the two deadlines (电话响应时限, 处理时限) the time left or how long it is overdue,
  red once overdue and amber within two hours of it (``ticket_rules.deadline_state``), worked out
  again every half minute and as the call's time or the issue type is changed; the most pressing
  one also in the form's header, so it is seen without scrolling.
- **转为投诉** in the header: one action that opens a new complaint prefilled from the ticket
  (``domain.links``); when that complaint is saved the ticket moves to 已转投诉 in the same
  transaction (``services.tickets.escalate_ticket``).  It replaces the header's generic
  "由此新建" menu, whose only entry would be the same complaint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ..domain import ticket as tk
from ..domain import ticket_rules as rules
from ..domain.fields import RecordValues
from ..domain.settings import Settings
from ..services.errors import StorageError
from .form_extras import extra
from .row_tones import left_text
from .texts import tr_field

if TYPE_CHECKING:
    from .form_view import FormView

REFRESH_MS = 30_000
TONE_STYLE = {
    rules.OVERDUE: "color: #c62828; font-weight: bold;",
    rules.DUE_SOON_STATE: "color: #b45309; font-weight: bold;",
    "": "color: #2e7d32;",
    "closed": "color: #6b7280;",
}
HEADER_STYLE = {
    rules.OVERDUE: "QLabel { color: #ffffff; background: #c62828; border-radius: 9px; padding: 2px 10px; }",
    rules.DUE_SOON_STATE: "QLabel { color: #5d3a00; background: #ffd54f; border-radius: 9px; padding: 2px 10px; }",
    "": "QLabel { color: #2e7d32; padding: 2px 4px; }",
}


class TicketDeadlines(QWidget):
    """The time-left labels and the 转为投诉 button of one ticket form (not shown itself)."""

    def __init__(self, form: FormView, parent: QWidget) -> None:
        super().__init__(parent)
        self.form = form
        self.setObjectName("ticket_deadlines")
        self.hide()
        self._settings: Settings | None = None
        self.labels: dict[str, QLabel] = {}
        for key in ("response_deadline", "handling_deadline"):
            label = QLabel(form)
            label.setObjectName(f"{key}_left")
            cell = form.cells.get(key)
            if cell is not None:
                cell.layout().addWidget(label)
            self.labels[key] = label
        self.header = QLabel(form)
        self.header.setObjectName("ticket_deadline_badge")
        self.escalate = QPushButton(self.tr("转为投诉"), form)
        self.escalate.setObjectName("ticket_escalate")
        self.escalate.setToolTip(self.tr("新建一份投诉登记表，单位、来电人、产品、批号和问题从本保障单带入；"
                                         "投诉保存后本单转为“已转投诉”"))
        self.escalate.clicked.connect(self.make_complaint)
        form.header_extras.addWidget(self.header)
        form.header_extras.addWidget(self.escalate)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        form.loaded.connect(self._loaded)
        form.saved.connect(lambda _record: self._loaded())
        for key in ("call_date", "call_time", "issue_type"):
            editor = form.editors.get(key)
            if editor is not None:
                editor.edited.connect(self.refresh)

    # ------------------------------------------------------------------ state

    def settings(self) -> Settings:
        if self._settings is None:
            try:
                self._settings = self.form.service.settings()
            except StorageError:
                self._settings = Settings()
        return self._settings

    def _loaded(self) -> None:
        self._settings = None  # the response-time table may have been changed meanwhile
        if self.form.follow_on_button is not None:
            self.form.follow_on_button.hide()  # 转为投诉 is the one follow-on of a ticket
        for key in self.labels:  # worked out at save from the call and the settings, never typed
            editor = self.form.editors.get(key)
            if editor is not None:
                editor.set_read_only(True)
        status = self.form.status
        self.escalate.setVisible(not self.form.archived)
        self.escalate.setEnabled(self.form.record is not None and status not in (tk.CALLED_BACK, tk.ESCALATED))
        self.refresh()

    def _values(self) -> RecordValues:
        eds = self.form.editors
        day = eds["call_date"].date() if hasattr(eds["call_date"], "date") else None
        time = eds["call_time"].time() if hasattr(eds["call_time"], "time") else None
        return RecordValues({"call_date": day, "call_time": time, "issue_type": eds["issue_type"].raw() or None})

    def refresh(self) -> None:
        form = self.form
        status = form.status or tk.RECEIVED
        got = rules.deadlines(self._values(), self.settings())
        now = form.service.clock.now()
        worst = ""
        badge = ""
        for key, deadline, open_statuses in (("response_deadline", got[0] if got else None, rules.RESPONSE_OPEN),
                                             ("handling_deadline", got[1] if got else None, rules.HANDLING_OPEN)):
            label = self.labels[key]
            editor = form.editors.get(key)
            if editor is not None and (form.record is None or form.is_dirty):
                # Not saved yet (or changed): the deadline as it will be stored.
                editor.setText(deadline.strftime(rules.DEADLINE_FORMAT) if deadline else "")
            if deadline is None:
                label.setText(self.tr("选择问题类型并填写来电时间后自动计算") if form.record is None else "")
                label.setStyleSheet(TONE_STYLE["closed"])
                continue
            if status not in open_statuses:
                label.setText(self._closed_text(key, status))
                label.setStyleSheet(TONE_STYLE["closed"])
                continue
            text, state = left_text(deadline, now)
            label.setText(text)
            label.setStyleSheet(TONE_STYLE[state])
            label.setToolTip(self.tr("时限：{at}").format(at=deadline.strftime(rules.DEADLINE_FORMAT)))
            rank = {rules.OVERDUE: 2, rules.DUE_SOON_STATE: 1, "": 0}
            if not badge or rank[state] > rank[worst]:
                worst = state
                badge = self.tr("{what}{left}").format(what=tr_field(form.spec.label_of(key)) + self.tr("："),
                                                       left=text)
        self.header.setText(badge)
        self.header.setVisible(bool(badge) and not form.archived)
        self.header.setStyleSheet(HEADER_STYLE[worst])
        self.header.setProperty("state", worst)

    def _closed_text(self, key: str, status: str) -> str:
        if status == tk.ESCALATED:
            return self.tr("已转投诉")
        if key == "response_deadline" and status in (tk.ASSIGNED, tk.DONE, tk.CALLED_BACK):
            return self.tr("已答复客户并派工")
        done = self.form.editors.get("done_date")
        day = done.raw() if done is not None else ""
        return self.tr("已处理（{date}）").format(date=day) if day else self.tr("已处理")

    # ------------------------------------------------------------------ 转为投诉

    def make_complaint(self) -> None:
        """Open a new complaint from this ticket (saving the ticket first if it was changed)."""
        self.form.request_follow_on("complaint")


@extra(tk.SPEC.kind)
def ticket_deadlines(form: FormView, parent: QWidget) -> QWidget | None:
    TicketDeadlines(form, parent)
    return None
