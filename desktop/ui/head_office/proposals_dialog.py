"""总部 ▸ 笔记本提议的客户和产品…: the customers and products laptops sent, waiting for head office
(``services.sync.proposals``).  The register is head office's: a proposal is accepted into it, merged
into an entry already there (chosen from the register, searched as in the register), or rejected.

Only a 售后部经理 or an administrator decides; anyone else sees the list read-only, with the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.forms import SPECS
from ...services.sync.proposals import DECIDERS, PENDING, Proposal
from .. import dialogs
from ..texts import error_text, tr_field
from ..ui_dates import iso_minute
from . import list_table, refusal_text, role_text

if TYPE_CHECKING:
    from ...services.records import RecordService
    from ...services.sync.head_office import HeadOfficeUser


def status_text(status: str) -> str:
    from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

    texts = {"pending": QT_TRANSLATE_NOOP("ProposalsDialog", "待处理"),
             "accepted": QT_TRANSLATE_NOOP("ProposalsDialog", "已接受"),
             "merged": QT_TRANSLATE_NOOP("ProposalsDialog", "已合并"),
             "rejected": QT_TRANSLATE_NOOP("ProposalsDialog", "已拒绝")}
    return QCoreApplication.translate("ProposalsDialog", texts.get(status, status))


class ProposalsDialog(QDialog):
    decided = Signal()

    def __init__(self, service: RecordService, user: HeadOfficeUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.user = user
        self.may_decide = user.role in DECIDERS
        self.proposals: list[Proposal] = []
        self.setObjectName("proposals_dialog")
        self.setWindowTitle(self.tr("笔记本提议的客户和产品"))
        self.resize(1000, 600)  # fits 1366×768 with a taskbar

        intro = QLabel(self.tr("客户和产品档案由总部维护。笔记本新建或修改的客户、产品先作为提议送到这里："
                               "接受后进入档案并发给各笔记本；与档案中已有的同一单位或产品合并；或者拒绝。"), self)
        intro.setWordWrap(True)
        self.rights = QLabel(self)
        self.rights.setObjectName("proposals_rights")
        self.rights.setWordWrap(True)
        if not self.may_decide:
            self.rights.setText(self.tr("只能查看：处理提议需要{roles}；您是{role}。").format(
                roles=self.tr("、").join(role_text(r) for r in DECIDERS), role=role_text(user.role)))
            self.rights.setStyleSheet("color: #b45309;")
        self.rights.setVisible(not self.may_decide)

        self.show_filter = QComboBox(self)
        self.show_filter.setObjectName("proposals_filter")
        self.show_filter.addItem(self.tr("待处理的提议"), PENDING)
        self.show_filter.addItem(self.tr("全部提议"), "")
        self.show_filter.currentIndexChanged.connect(lambda _i: self.reload())

        self.list = list_table(self, "proposal_list", [self.tr("笔记本"), self.tr("类别"), self.tr("编号"), self.tr("名称"),
                                                       self.tr("状态"), self.tr("处理人"), self.tr("收到时间")])
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.list.itemSelectionChanged.connect(self._show_selected)

        self.detail = QTableWidget(0, 2, self)
        self.detail.setObjectName("proposal_detail")
        self.detail.setHorizontalHeaderLabels([self.tr("项目"), self.tr("笔记本提交的内容")])
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail.verticalHeader().setVisible(False)
        self.detail.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.detail.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        # Merge: the entry already in the register, found as in the register's search box.
        self.target_search = QLineEdit(self)
        self.target_search.setObjectName("merge_search")
        self.target_search.setPlaceholderText(self.tr("在档案中查找要并入的单位或产品（名称、电话、拼音首字母）"))
        self.target_search.setClearButtonEnabled(True)
        self.target_search.textChanged.connect(lambda _t: self._fill_targets())
        self.targets = QListWidget(self)
        self.targets.setObjectName("merge_targets")
        self.targets.itemSelectionChanged.connect(self._update_buttons)
        self.targets.itemDoubleClicked.connect(lambda _i: self.merge_selected())
        self.targets_note = QLabel(self)
        self.targets_note.setObjectName("merge_note")
        self.targets_note.setWordWrap(True)
        self.targets_note.setStyleSheet("color: #6b7280;")
        self.targets_note.hide()
        merge_box = QWidget(self)
        ml = QVBoxLayout(merge_box)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(QLabel(self.tr("合并到档案中已有的："), merge_box))
        ml.addWidget(self.target_search)
        ml.addWidget(self.targets_note)
        ml.addWidget(self.targets, 1)

        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.detail)
        lower.addWidget(merge_box)
        lower.setSizes([520, 440])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.list)
        split.addWidget(lower)
        split.setSizes([220, 300])

        self.accept_button = QPushButton(self.tr("接受（加入档案）"), self)
        self.accept_button.setObjectName("proposal_accept")
        self.accept_button.setProperty("step", True)
        self.accept_button.clicked.connect(self.accept_selected)
        self.merge_button = QPushButton(self.tr("合并到所选条目"), self)
        self.merge_button.setObjectName("proposal_merge")
        self.merge_button.clicked.connect(self.merge_selected)
        self.reject_button = QPushButton(self.tr("拒绝"), self)
        self.reject_button.setObjectName("proposal_reject")
        self.reject_button.clicked.connect(self.reject_selected)
        if not self.may_decide:
            for b in (self.accept_button, self.merge_button, self.reject_button):
                b.setToolTip(self.rights.text())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭窗口"))
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.merge_button, self.reject_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)

        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.show_filter)
        root = QVBoxLayout(self)
        root.addLayout(top)
        root.addWidget(self.rights)
        root.addWidget(split, 1)
        root.addLayout(buttons)
        self.reload()

    # ---------------------------------------------------------------- contents

    def reload(self) -> None:
        from ...services.errors import StorageError
        from ...services.sync.proposals import list_proposals

        try:
            self.proposals = list_proposals(self.service, self.show_filter.currentData() or None)
        except StorageError as e:
            self.proposals = []
            dialogs.error(self, self.windowTitle(), error_text(e))
        self.list.setRowCount(len(self.proposals))
        for r, p in enumerate(self.proposals):
            spec = SPECS.get(p.kind)
            cells = [p.laptop, tr_field(spec.short_title or spec.title) if spec else p.kind, p.number, p.summary,
                     status_text(p.status), p.decided_by, iso_minute(p.received_at)]
            for col, text in enumerate(cells):
                self.list.setItem(r, col, QTableWidgetItem(text))
        if self.proposals:
            self.list.setCurrentCell(0, 0)
        self._show_selected()

    def selected(self) -> Proposal | None:
        row = self.list.currentRow()
        return self.proposals[row] if 0 <= row < len(self.proposals) and self.list.selectedItems() else None

    def _show_selected(self) -> None:
        from ...services.sync.head_office import proposal_fields

        p = self.selected()
        rows = proposal_fields(self.service, p.id)[0] if p is not None else []
        self.detail.setRowCount(len(rows))
        for r, (label, value) in enumerate(rows):
            self.detail.setItem(r, 0, QTableWidgetItem(tr_field(label)))
            item = QTableWidgetItem(tr_field(value))  # a choice (在售, 消毒剂) as the user reads it
            item.setToolTip(value)
            self.detail.setItem(r, 1, item)
        text = p.summary if p is not None else ""
        if self.target_search.text() == text:
            self._fill_targets()
        else:
            self.target_search.setText(text)  # fills the targets
        self._update_buttons()

    def _fill_targets(self) -> None:
        """The register's entries of the selected proposal's kind that match the search."""
        from ...services.errors import StorageError

        p = self.selected()
        self.targets.clear()
        if p is None:
            return
        text = self.target_search.text()
        note = ""
        try:
            rows = self.service.search(p.kind, text, limit=200)
            if not rows and text.strip():  # nothing of that name: the whole register, to choose from
                rows = self.service.search(p.kind, "", limit=200)
                note = self.tr("档案中没有“{text}”，下面列出全部条目。").format(text=text.strip())
            if not rows:
                note = self.tr("档案中还没有这一类条目：只能接受或拒绝。")
        except StorageError as e:
            rows = []
            note = error_text(e)
        self.targets_note.setText(note)
        self.targets_note.setVisible(bool(self.targets_note.text()))
        spec = SPECS[p.kind]
        for row in rows:
            name = row[spec.customer_field] if spec.customer_field in spec.register else row[spec.register[0]]
            item = QListWidgetItem(f"{row.number}  {name or ''}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.targets.addItem(item)
        if self.targets.count():
            self.targets.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        p = self.selected()
        pending = p is not None and p.status == PENDING and self.may_decide
        self.accept_button.setEnabled(pending)
        self.reject_button.setEnabled(pending)
        self.merge_button.setEnabled(pending and bool(self.targets.selectedItems()))

    # ---------------------------------------------------------------- deciding

    def _run(self, what: str, act) -> bool:  # type: ignore[no-untyped-def]
        from ...services.errors import NotFound, StorageError
        from ...services.sync.proposals import ProposalRefused
        from ...services.transfer import ImportFailed

        try:
            act()
        except ProposalRefused as e:
            dialogs.error(self, what, refusal_text(e))
        except NotFound:
            dialogs.error(self, what, self.tr("所选条目已不在档案中。"))
        except ImportFailed as e:
            dialogs.error(self, what, self.tr("未接受：提议的内容不完整或无效。"),
                          "\n".join(line for p in e.problems for line in p.lines()))
        except StorageError as e:
            dialogs.error(self, what, error_text(e))
        else:
            self.decided.emit()
            self.reload()
            return True
        self.reload()
        return False

    def accept_selected(self) -> bool:
        from ...services.sync.proposals import accept

        p = self.selected()
        if p is None:
            return False
        return self._run(self.tr("接受提议"), lambda: accept(self.service, p.id, self.user.name))

    def merge_selected(self) -> bool:
        from ...services.sync.proposals import merge

        p = self.selected()
        items = self.targets.selectedItems()
        if p is None or not items or not self.may_decide or p.status != PENDING:
            return False
        target_id, target_text = items[0].data(Qt.ItemDataRole.UserRole), items[0].text()
        if not dialogs.confirm(self, self.tr("合并提议"), self.tr("把 {laptop} 提议的“{name}”并入档案中的 {target}？"
                                                            "档案不增加新条目。").format(
                laptop=p.laptop, name=p.summary, target=target_text), self.tr("合并")):
            return False
        return self._run(self.tr("合并提议"), lambda: merge(self.service, p.id, target_id, self.user.name))

    def reject_selected(self) -> bool:
        from ...services.sync.proposals import reject

        p = self.selected()
        if p is None:
            return False
        if not dialogs.confirm(self, self.tr("拒绝提议"), self.tr("拒绝 {laptop} 提议的“{name}”？档案不变。").format(
                laptop=p.laptop, name=p.summary), self.tr("拒绝")):
            return False
        return self._run(self.tr("拒绝提议"), lambda: reject(self.service, p.id, self.user.name))
