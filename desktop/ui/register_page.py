"""The complaint register: a search box over a sortable table of every complaint.

The rows are loaded once from ``RecordService.search`` (and again after a save) and filtered in
memory as the clerk types (``filter_rows``, the same rule as the service's SQL search): on the phone
the caller gives a unit name or a batch number and the record must come up while they are still
talking, with no database round trip per key.  Double-click or Enter opens the record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain import complaint as c
from .register_table_model import COLUMNS, ID_ROLE, SORT_ROLE, RegisterSortProxyModel, RegisterTableModel
from .texts import tr_field

if TYPE_CHECKING:  # the services load SQLAlchemy: not needed to draw the window
    from ..services.records import RecordService

SEARCH_DELAY_MS = 60  # coalesces an input method's burst of edits; filtering itself takes ms


class RegisterPage(QWidget):
    openRequested = Signal(str)
    newRequested = Signal()
    countChanged = Signal(int, int)

    def __init__(self, kind: str = "complaint", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: RecordService | None = None
        self.kind = kind
        self.setObjectName(f"register_{kind}")
        self.total = 0

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setAccessibleName(self.tr("搜索"))
        self.search.setPlaceholderText(self.tr("搜索备案编号、投诉单位、产品或生产批号（多个词用空格隔开）"))
        self.search.setClearButtonEnabled(True)
        self.search.setEnabled(False)
        self.search.textChanged.connect(self._schedule)
        self.search.returnPressed.connect(self.apply_filter)
        self.search.installEventFilter(self)

        self.new_button = QPushButton(self.tr("新建投诉"), self)
        self.new_button.setObjectName("register_new")
        self.new_button.setProperty("step", True)
        self.new_button.clicked.connect(self.newRequested)
        self.new_button.setEnabled(False)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.apply_filter)
        self._all: list = []  # every RegisterRow of the kind, newest first

        self.model = RegisterTableModel(self)
        self.proxy = RegisterSortProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.view = QTableView(self)
        self.view.setObjectName("register")
        self.view.setAccessibleName(self.tr("投诉登记簿"))
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # No sort at first: the service's order (newest first) stands until a header is clicked.
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorClearable(True)
        self._size_columns()
        self.view.doubleClicked.connect(self._open_index)
        self.view.installEventFilter(self)

        # Shown over the empty table: why it is empty, and what to do.
        self.empty = QLabel(self.view.viewport())
        self.empty.setObjectName("register_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #6b7280; padding: 24px;")
        self.empty.hide()
        self.view.viewport().installEventFilter(self)

        self.notice = QLabel(self)
        self.notice.setObjectName("register_notice")
        self.notice.setWordWrap(True)
        self.notice.setProperty("kind", "sticky")
        self.notice.hide()

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.new_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 10, 10, 6)
        lay.addWidget(self.notice)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)

    def _size_columns(self) -> None:
        # Fixed widths from the font: ResizeToContents would measure all 10,000 rows.
        header = self.view.horizontalHeader()
        fm = self.fontMetrics()

        def widest(sample: str, values: tuple[str, ...], pad: int) -> int:
            # The Chinese sample, or the longest value as shown (English ones are longer).
            return max(fm.horizontalAdvance(sample), *(fm.horizontalAdvance(tr_field(v)) + pad for v in values))

        widths = {
            "number": fm.horizontalAdvance("TS-2026-AB12-0000") + 28,
            "date": fm.horizontalAdvance("2026-03-15") + 28,
            "batch": fm.horizontalAdvance("SH250301、HL250412") + 20,
            "category": widest("使用中质量问题", c.CATEGORIES, 0) + 24,
            "severity": widest("严重投诉", c.SEVERITIES, 0) + 24,
            "status": widest("已登记状态", c.STATUSES, 12) + 12,
        }
        for i, (attr, _h) in enumerate(COLUMNS):
            if attr in ("unit", "product"):
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(i, widths[attr])
        header.setMinimumSectionSize(fm.horizontalAdvance("状态") + 24)

    def attach(self, service: RecordService) -> None:
        self.service = service
        self.search.setEnabled(True)
        self.new_button.setEnabled(True)
        self.refresh()
        self.search.setFocus()

    # ------------------------------------------------------------------ searching

    def _schedule(self) -> None:
        self.timer.start()

    def refresh(self) -> None:
        """Reload every row from the database (after a save), then filter by the search text."""
        if self.service is None:
            return
        self._all = self.service.search(self.kind, "")
        self.total = len(self._all)
        self.apply_filter()

    def apply_filter(self) -> None:
        """Show the loaded rows that match the search text, keeping the selected record selected."""
        self.timer.stop()
        if self.service is None:
            return
        from ..services.records import filter_rows

        selected = self.selected_id()
        rows = filter_rows(self._all, self.search.text())
        self.model.set_rows(rows)
        if not rows:
            self.empty.setText(
                self.tr("没有找到符合“{text}”的投诉。").format(text=self.search.text().strip())
                if self.search.text().strip()
                else self.tr("还没有投诉记录。点“新建投诉”登记第一条。")
            )
            self._place_empty()
        self.empty.setVisible(not rows)
        if selected:
            self.select_id(selected)
        self.countChanged.emit(len(rows), self.total)

    # ------------------------------------------------------------------ selection and opening

    def selected_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return index.data(ID_ROLE)

    def select_id(self, record_id: str) -> bool:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if index.data(ID_ROLE) == record_id:
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                return True
        return False

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openRequested.emit(index.data(ID_ROLE))

    def open_selected(self) -> bool:
        record_id = self.selected_id()
        if record_id:
            self.openRequested.emit(record_id)
            return True
        return False

    def _place_empty(self) -> None:
        self.empty.setGeometry(self.view.viewport().rect().adjusted(0, 0, 0, -self.view.viewport().height() // 2))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._place_empty()
            return False
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if obj is self.view and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_index(self.view.currentIndex())
                return True
            if obj is self.search and key == Qt.Key.Key_Down and self.proxy.rowCount():
                # From the search box straight into the results, at the first one.
                self.view.setFocus()
                self.view.setCurrentIndex(self.proxy.index(0, 0))
                return True
        return False

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
