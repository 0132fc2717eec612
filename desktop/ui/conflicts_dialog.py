"""工具 ▸ 冲突记录…: the copies of records that arrived changed differently from ours (an import,
later a sync), each shown beside ours, field by field, to keep one of the two.

Nothing was merged or overwritten when the copy arrived: ours stayed as it was and the other copy
was kept aside (``services.conflicts``).  Keeping either side makes a new version of the record
that both laptops will recognise as newer than what each had.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.forms import SPECS
from ..domain.validation import ValidationFailed
from ..services.conflicts import (
    KEEP_INCOMING,
    KEEP_LOCAL,
    ConflictInfo,
    conflict_detail,
    list_conflicts,
    resolve,
)
from ..services.errors import NotFound, StorageError
from ..services.transfer import CONFLICT_REASONS
from . import dialogs
from .texts import error_text, issue_text, tr_field, tr_message

if TYPE_CHECKING:
    from ..services.records import Outcome, RecordService


class ConflictsDialog(QDialog):
    """The open conflicts (above) and the one selected, side by side (below)."""

    resolved = Signal(object)  # the Outcome of keeping one side

    def __init__(self, service: RecordService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setObjectName("conflicts_dialog")
        self.setWindowTitle(self.tr("冲突记录"))
        self.resize(900, 560)  # fits 1366×768 with a taskbar
        self.conflicts: list[ConflictInfo] = []

        self.intro = QLabel(self.tr(
            "这些记录在本机和导入的文件中各自修改过。导入时本机记录没有改动，另一份单独保留。"
            "请逐条对照，保留其中一份；保留后生成新的版本。"))
        self.intro.setWordWrap(True)
        self.list = QTableWidget(0, 5)
        self.list.setObjectName("conflict_list")
        self.list.setHorizontalHeaderLabels([self.tr("编号"), self.tr("表单"), self.tr("原因"),
                                             self.tr("导入时间"), self.tr("来源")])
        self.diffs = QTableWidget(0, 3)
        self.diffs.setObjectName("conflict_differences")
        self.diffs.setHorizontalHeaderLabels([self.tr("项目"), self.tr("本机"), self.tr("导入的")])
        for table in (self.list, self.diffs):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.diffs.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("conflict_summary")
        self.summary.setWordWrap(True)

        self.keep_local = QPushButton(self.tr("保留本机的版本"))
        self.keep_local.setObjectName("keep_local")
        self.keep_incoming = QPushButton(self.tr("采用导入的版本"))
        self.keep_incoming.setObjectName("keep_incoming")
        self.keep_local.clicked.connect(lambda: self._resolve(KEEP_LOCAL))
        self.keep_incoming.clicked.connect(lambda: self._resolve(KEEP_INCOMING))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭窗口"))
        close.rejected.connect(self.reject)

        below = QWidget()
        lay = QVBoxLayout(below)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.summary)
        lay.addWidget(self.diffs)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(below)
        split.setSizes([180, 320])
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_local)
        buttons.addWidget(self.keep_incoming)
        buttons.addStretch(1)
        buttons.addWidget(close)
        root = QVBoxLayout(self)
        root.addWidget(self.intro)
        root.addWidget(split, 1)
        root.addLayout(buttons)
        self.list.itemSelectionChanged.connect(self._show_selected)
        self.reload()

    # ---------------------------------------------------------------- contents

    def reload(self) -> None:
        try:
            self.conflicts = list_conflicts(self.service)
        except StorageError as e:
            self.conflicts = []
            dialogs.error(self, self.tr("冲突记录"), error_text(e))
        self.list.setRowCount(len(self.conflicts))
        for r, c in enumerate(self.conflicts):
            spec = SPECS.get(c.kind)
            cells = [c.number, tr_field(spec.short_title or spec.title) if spec else c.kind,
                     tr_message(CONFLICT_REASONS.get(c.reason, c.reason)),
                     c.received_at.astimezone().strftime("%Y-%m-%d %H:%M"), c.source]
            for col, text in enumerate(cells):
                self.list.setItem(r, col, QTableWidgetItem(text))
        if self.conflicts:
            self.list.setCurrentCell(0, 0)
        else:
            self.summary.setText(self.tr("没有待处理的冲突。"))
            self.diffs.setRowCount(0)
        self._show_selected()

    def selected(self) -> ConflictInfo | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) and self.list.selectedItems() else None

    def _show_selected(self) -> None:
        c = self.selected()
        self.keep_local.setEnabled(c is not None)
        self.keep_incoming.setEnabled(c is not None)
        if c is None:
            return
        try:
            _info, local, other, diffs = conflict_detail(self.service, c.id)
        except (NotFound, StorageError) as e:
            self.summary.setText(self.tr("记录 {number} 已不在本机。").format(number=c.number)
                                 if isinstance(e, NotFound) else error_text(e))
            self.diffs.setRowCount(0)
            return
        self.summary.setText(self.tr("{number}：本机第 {local} 版（{local_by}）↔ 导入的第 {other} 版（{other_by}）").format(
            number=c.number, local=local.version, local_by=local.updated_by or "—", other=other.version,
            other_by=other.updated_by or "—"))
        self.diffs.setRowCount(len(diffs))
        empty = self.tr("（空）")
        for r, d in enumerate(diffs):
            for col, text in enumerate((tr_field(d.label), d.local or empty, d.incoming or empty)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.diffs.setItem(r, col, item)
        self.diffs.resizeRowsToContents()

    # ---------------------------------------------------------------- keeping one side

    def _resolve(self, keep: str) -> None:
        c = self.selected()
        if c is None:
            return
        which = self.tr("本机的版本") if keep == KEEP_LOCAL else self.tr("导入的版本")
        if not dialogs.confirm(self, self.tr("处理冲突"),
                               self.tr("保留{which}作为 {number} 的新版本？另一份不再使用（仍记在版本历史中）。")
                               .format(which=which, number=c.number), self.tr("保留")):
            return
        try:
            out: Outcome = resolve(self.service, c.id, keep, by=self.service.settings().staff_name)
        except ValidationFailed as e:
            dialogs.error(self, self.tr("处理冲突"), "\n".join(issue_text(i) for i in e.issues))
            self.reload()
            return
        except (NotFound, StorageError) as e:
            dialogs.error(self, self.tr("处理冲突"), error_text(e) if isinstance(e, StorageError)
                          else self.tr("记录 {number} 已不在本机。").format(number=c.number))
            self.reload()
            return
        self.resolved.emit(out)
        self.reload()
