"""The small table of a record's status changes (who moved it where, and when)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ..domain.forms import SPECS
from ..domain.records import Event
from .texts import tr_field


class StatusHistoryTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setTabKeyNavigation(False)  # Tab moves on through the form (issue 14), arrows within
        self.setObjectName("history")
        self.setAccessibleName(self.tr("状态记录"))
        self.setHorizontalHeaderLabels([self.tr("时间"), self.tr("原状态"), self.tr("新状态"), self.tr("操作人"),
                                        self.tr("备注")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(self.focusPolicy().NoFocus)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        fm = self.fontMetrics()
        header.resizeSection(0, fm.horizontalAdvance("2026-03-15 10:00") + 28)
        statuses = {s for spec in SPECS.values() for s in spec.statuses}
        status_width = max(fm.horizontalAdvance(t) for t in ("一二三四五六", *map(tr_field, statuses)))
        for col in (1, 2, 3):
            header.resizeSection(col, status_width + 20)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.set_events([])

    def set_events(self, events: list[Event]) -> None:
        self.setRowCount(len(events))
        for r, e in enumerate(events):
            at = e.at.astimezone().strftime("%Y-%m-%d %H:%M")
            values = [at, tr_field(e.from_status or ""), tr_field(e.to_status), e.by, e.note]
            for c, text in enumerate(values):
                self.setItem(r, c, QTableWidgetItem(text))
        rows = max(len(events), 1)
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        self.setFixedHeight(height + rows * self.verticalHeader().defaultSectionSize())
