"""Under a complaint's products (and a return request's): had each batch expired when it was used?

One line per product row naming a batch, from the delivery register (``services.expiry``):
"批号 HL250412：有效期至 2026-04-11，使用时（2026-03-01）未过期", an expired batch in red with the
days over, a batch the deliveries do not know in amber.  The lines follow the form as it is typed
(items, use dates, customer, complaint date), a moment after the last change: one query each time.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ..domain.expiry import ExpiryNote
from ..domain.validation import parse_record, strip_blank_rows
from .form_extras import extra
from .texts import tr_message

if TYPE_CHECKING:
    from .form_view import FormView

log = logging.getLogger(__name__)

EXPIRED_STYLE = "color: #c62828; font-weight: bold;"
VALID_STYLE = "color: #2e7d32;"
UNKNOWN_STYLE = "color: #8d6e63;"
DELAY_MS = 250


def note_tone(note: ExpiryNote) -> str:
    """expired / valid / unknown (not delivered, no expiry or no date)."""
    if note.expired is True:
        return "expired"
    if note.expired is False:
        return "valid"
    return "unknown"


class ExpiryPanel(QFrame):
    """批次有效期: the expiry line of each batch the form names, just under the product table."""

    def __init__(self, form: FormView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("expiry_panel")
        self.form = form
        self.notes: list[ExpiryNote] = []
        self.labels: list[QLabel] = []
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(0, 4, 0, 0)
        self._lay.setSpacing(2)
        self.title = QLabel(self.tr("批次有效期"), self)
        self.title.setObjectName("expiry_title")
        self.title.setStyleSheet("font-weight: bold;")
        self._lay.addWidget(self.title)
        self.empty = QLabel(self.tr("填写产品的生产批号后，这里显示该批次是否在有效期内（按使用日期判断，未填使用日期按投诉登记日期）")
                            if form.kind == "complaint" else
                            self.tr("填写产品的生产批号后，这里显示该批次是否在有效期内"), self)
        self.empty.setObjectName("expiry_empty")
        self.empty.setProperty("hint", True)
        self.empty.setWordWrap(True)
        self._lay.addWidget(self.empty)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        form.loaded.connect(self.refresh)  # also after a save: the form shows the record as stored
        from ..services.expiry import EXPIRY_FORMS

        table_key, customer_key, date_key = EXPIRY_FORMS[form.kind]
        table = form.tables.get(table_key)
        if table is not None:
            table.edited.connect(self.timer.start)
        for key in (customer_key, date_key):
            ed = form.editors.get(key)
            if ed is not None:
                ed.committed.connect(self.timer.start)

    def refresh(self) -> None:
        self.timer.stop()
        from ..services.expiry import expiry_notes

        spec = self.form.spec
        values, _issues = parse_record(spec, self.form.raw())  # a date that does not parse counts as empty
        strip_blank_rows(spec, values)
        try:
            self.notes = expiry_notes(self.form.service, self.form.kind, values)
        except Exception:  # the note is a help: never let it break the form
            log.exception("expiry notes failed")
            self.notes = []
        self._show()

    def _show(self) -> None:
        for label in self.labels:
            self._lay.removeWidget(label)
            label.deleteLater()
        self.labels = []
        for i, note in enumerate(self.notes):
            label = QLabel(tr_message(note.template, **dict(note.args)), self)
            label.setObjectName(f"expiry_note_{i}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            tone = note_tone(note)
            label.setProperty("tone", tone)
            label.setStyleSheet({"expired": EXPIRED_STYLE, "valid": VALID_STYLE}.get(tone, UNKNOWN_STYLE))
            if note.delivery is not None and note.delivery.number:
                label.setToolTip(self.tr("发货单 {number}，发货日期 {date}").format(
                    number=note.delivery.number,
                    date=note.delivery.delivery_date.isoformat() if note.delivery.delivery_date else "—"))
            self._lay.addWidget(label)
            self.labels.append(label)
        self.empty.setVisible(not self.notes)

    def texts(self) -> list[str]:
        return [label.text() for label in self.labels]


def _panel(form: FormView, parent: QWidget) -> QWidget | None:
    """The panel, placed right under the product table (in its cell, below its messages); at
    the foot of the form if the table is not there."""
    from ..services.expiry import EXPIRY_FORMS

    cell = form.cells.get(EXPIRY_FORMS[form.kind][0])
    panel = ExpiryPanel(form, cell if cell is not None else parent)
    form.expiry_panel = panel  # type: ignore[attr-defined]
    if cell is not None and cell.layout() is not None:
        cell.layout().addWidget(panel)
        return None
    return panel


extra("complaint")(_panel)
extra("return-request")(_panel)
