"""修订记录: a record's revisions, who signed each, and their content hash; a double-click opens
an earlier revision read-only (the form asks the window for it)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ..domain.signatures import RevisionInfo
from .texts import tr_field


class RevisionsTable(QTableWidget):
    openRequested = Signal(int)  # revision number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setTabKeyNavigation(False)  # Tab moves on through the form (issue 14), arrows within
        self.setObjectName("revisions")
        self.setAccessibleName(self.tr("修订记录"))
        self.setHorizontalHeaderLabels([self.tr("版本"), self.tr("保存时间"), self.tr("签字"), self.tr("内容校验码")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        fm = self.fontMetrics()
        header.resizeSection(0, fm.horizontalAdvance("第 10 版（当前）") + 24)
        header.resizeSection(1, fm.horizontalAdvance("2026-03-15 10:00") + 28)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(3, fm.horizontalAdvance("0000 0000 0000") + 24)
        self.setToolTip(self.tr("双击较早的一版，以只读方式打开并可再次导出 PDF"))
        self.revisions: list[RevisionInfo] = []
        self.cellDoubleClicked.connect(self._open)
        self.set_revisions([])

    def set_revisions(self, revisions: list[RevisionInfo]) -> None:
        self.revisions = revisions
        self.setRowCount(len(revisions))
        for r, info in enumerate(revisions):
            version = self.tr("第 {n} 版").format(n=info.revision)
            if info.current:
                version += self.tr("（当前）")
            signers = self.tr("、").join(
                self.tr("{role} {name}（{time}）").format(
                    role=tr_field(s.role), name=s.name, time=s.signed_at.astimezone().strftime("%m-%d %H:%M"))
                for s in info.signatures) or self.tr("未签字")
            digest = info.content_hash[:12].upper()
            values = [version, info.saved_at.astimezone().strftime("%Y-%m-%d %H:%M"), signers,
                      " ".join(digest[i:i + 4] for i in range(0, 12, 4))]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(info.content_hash if c == 3 else text)
                self.setItem(r, c, item)
        rows = max(len(revisions), 1)
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        self.setFixedHeight(height + rows * self.verticalHeader().defaultSectionSize())

    def _open(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.revisions) and not self.revisions[row].current:
            self.openRequested.emit(self.revisions[row].revision)
