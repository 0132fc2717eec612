"""总部 ▸ 笔记本删除的草稿…: what laptops deleted after a sync, and what head office did
(``services.sync.tombstones``, the ``server deletions`` command's list).

A laptop may delete its own draft; head office deletes its copy too unless the record moved on
there (a decision, a conflict, a later version): then it keeps it, says why, and the record goes
back to the laptop at its next sync.  Newest first, filtered by laptop; a kept record opens from
here (Enter or a double click).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.forms import SPECS
from ...services.errors import StorageError
from ...services.sync.tombstones import DELETED, deletions_log
from ..texts import error_text, tr_field
from ..ui_dates import iso_minute
from . import list_table

if TYPE_CHECKING:
    from ...services.records import RecordService

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # (kind, record id) of a kept record's row


class DeletionsDialog(QDialog):
    openRequested = Signal(str, str)  # kind, record id: a record head office kept

    def __init__(self, service: RecordService, laptops: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setObjectName("deletions_dialog")
        self.setWindowTitle(self.tr("笔记本删除的草稿"))
        self.resize(900, 520)  # fits 1366×768 with a taskbar

        intro = QLabel(self.tr("笔记本可以删除自己同步过的草稿；总部随后也删除它，除非它在总部已有进展"
                               "（审批、界定、冲突或更新的版本）：那样总部保留它，写明原因，并在下次同步时把它送回该笔记本。"), self)
        intro.setWordWrap(True)
        self.laptop_filter = QComboBox(self)
        self.laptop_filter.setObjectName("deletions_laptop")
        self.laptop_filter.setAccessibleName(self.tr("按笔记本筛选"))
        self.laptop_filter.addItem(self.tr("全部笔记本"), "")
        for code in laptops:
            self.laptop_filter.addItem(code, code)
        self.laptop_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("笔记本："), self))
        bar.addWidget(self.laptop_filter)
        bar.addStretch(1)

        self.table = list_table(self, "deletions_table", [self.tr("删除时间"), self.tr("笔记本"), self.tr("类型"),
                                                          self.tr("编号"), self.tr("总部的处理")])
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(self._open)
        self.empty = QLabel(self)
        self.empty.setObjectName("deletions_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        code = self.laptop_filter.currentData() or None
        try:
            rows = deletions_log(self.service, code)
        except StorageError as e:  # the database went away: said, the list kept
            self.empty.setText(error_text(e))
            self.empty.show()
            return
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            kept = r.outcome != DELETED
            kind = tr_field(SPECS[r.kind].short_title or SPECS[r.kind].title) if r.kind in SPECS else r.kind
            what = self.tr("总部已删除") if not kept else self.tr("总部保留：{reason}").format(reason=r.reason)
            cells = [iso_minute(r.at), r.laptop, kind, r.number, what]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if kept:
                    item.setData(RECORD_ROLE, (r.kind, r.record_id))
                    item.setToolTip(self.tr("总部保留了这条记录：按 Enter 或双击打开"))
                self.table.setItem(i, column, item)
        self.empty.setText(self.tr("没有笔记本删除过已同步的草稿") if not rows else "")
        self.empty.setVisible(not rows)

    def _open(self, item: QTableWidgetItem) -> Any:
        record = item.data(RECORD_ROLE)
        if record:
            self.openRequested.emit(*record)
