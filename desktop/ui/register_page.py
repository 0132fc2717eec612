"""A form's register: a search box over a sortable table of every record of one kind.

The rows are loaded from ``RecordService.search`` (when the page is first shown, and again after a
save) and filtered in memory as the clerk types (``filter_rows``, the same rule as the service's SQL
search): on the phone the caller gives a unit name or a batch number and the record must come up
while they are still talking, with no database round trip per key.  Double-click or Enter opens the
record.  Everything shown comes from the kind's :class:`FormSpec`: columns, headers, what the
search box looks in, the "新建" button.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.fields import BATCH_COLUMN, PRODUCT_COLUMN, SCORE_LABELS, Field, FieldType
from ..domain.forms import spec_for
from ..services.errors import StorageError
from .register_table_model import ID_ROLE, SORT_ROLE, RegisterSortProxyModel, RegisterTableModel
from .texts import error_text, tr_field

if TYPE_CHECKING:  # the services load SQLAlchemy: not needed to draw the window
    from ..services.records import RecordService, RegisterRow

SEARCH_DELAY_MS = 60  # coalesces an input method's burst of edits; filtering itself takes ms


class RegisterPage(QWidget):
    openRequested = Signal(str)  # a record id of this page's kind
    newRequested = Signal()
    countChanged = Signal(int, int)  # shown, total

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: RecordService | None = None
        self.kind = kind
        self.spec = spec_for(kind)
        self.setObjectName(f"register_{kind}")
        self.total = 0
        self.shown = 0
        self.more = False  # a limited register (head office) has more rows that match than it shows
        self._loaded_key: tuple[str, str, str, str] | None = None
        self.loaded = False  # rows are read when the page is first shown (start-up reads one register)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setAccessibleName(self.tr("搜索"))
        self.search.setPlaceholderText(self._search_hint())
        self.search.setToolTip(self._search_hint())  # the whole hint, should the box be narrow
        self.search.setClearButtonEnabled(True)
        self.search.setEnabled(False)
        self.search.textChanged.connect(self._schedule)
        self.search.returnPressed.connect(self.apply_filter)
        self.search.installEventFilter(self)

        self.new_button = QPushButton(self.new_text(), self)
        self.new_button.setObjectName("register_new")
        self.new_button.setProperty("step", True)
        self.new_button.clicked.connect(self.newRequested)
        self.new_button.setEnabled(False)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.apply_filter)
        self._all: list[RegisterRow] = []  # every RegisterRow of the kind, newest first

        self.model = RegisterTableModel(kind, self)
        self.proxy = RegisterSortProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.view = QTableView(self)
        self.view.setObjectName("register")
        self.view.setAccessibleName(tr_field(self.spec.register_title))
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

        # Filters (issue 14): by status, and by the 首页 figure (due today, overdue, …) — a 首页
        # card opens the register with exactly its rows.
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("status_filter")
        self.status_filter.setAccessibleName(self.tr("按状态筛选"))
        self.status_filter.addItem(self.tr("全部状态"), "")
        for st in self.spec.statuses:
            self.status_filter.addItem(tr_field(st), st)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.status_filter.setVisible(bool(self.spec.statuses))
        from ..services.desk_groups import GROUPS_OF_KIND

        self.group_filter = QComboBox(self)
        self.group_filter.setObjectName("group_filter")
        self.group_filter.setAccessibleName(self.tr("按期限筛选"))
        self.group_filter.addItem(self.tr("全部期限"), "")
        for key in GROUPS_OF_KIND.get(kind, ()):
            self.group_filter.addItem(group_label(key), key)
        self.group_filter.currentIndexChanged.connect(lambda _i: self._group_changed())
        self.group_filter.setVisible(self.group_filter.count() > 1)
        self._group_ids: list[str] | None = None  # the chosen 首页 figure's records, in its order

        # Head office (issue 12): which laptop made the record; hidden until ``show_origin``.
        self.origin_filter = QComboBox(self)
        self.origin_filter.setObjectName("origin_filter")
        self.origin_filter.setAccessibleName(self.tr("按笔记本筛选"))
        self.origin_filter.addItem(self.tr("全部笔记本"), "")
        self.origin_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.origin_filter.hide()

        self.bar = QHBoxLayout()
        self.bar.addWidget(self.search, 1)
        self.bar.addWidget(self.status_filter)
        self.bar.addWidget(self.group_filter)
        self.bar.addWidget(self.origin_filter)
        self.bar.addWidget(self.new_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 10, 10, 6)
        lay.addLayout(self.bar)
        lay.addWidget(self.view, 1)

    # ------------------------------------------------------------------ texts and sizes

    def new_text(self) -> str:
        """新建投诉, 新建服务报告, …"""
        return self.tr("新建{title}").format(title=tr_field(self.spec.short_title))

    def _search_hint(self) -> str:
        keys = ["number", *self.spec.search_fields]
        if self.spec.summary is not None:
            keys.append(PRODUCT_COLUMN)
            if self.spec.summary.batch:
                keys.append(BATCH_COLUMN)
        labels = list(dict.fromkeys(tr_field(self.spec.label_of(k)) for k in keys))
        items = self.tr("{items}或{last}").format(items=self.tr("、").join(labels[:-1]), last=labels[-1]) \
            if len(labels) > 1 else labels[0]
        return self.tr("搜索{items}，也可输入人员、电话或拼音首字母（多个词用空格隔开）").format(items=items)

    def show_origin(self, columns: list[tuple[str, str]], origin_key: str, laptops: list[str]) -> None:
        """Head office: the laptop and staff columns (cells ``columns`` of the service's rows) and the
        filter by laptop (``origin_key``'s value), one entry per code in ``laptops``."""
        self._origin_key = origin_key
        self.model.add_columns(columns)
        self._size_columns()
        for code in laptops:
            if self.origin_filter.findData(code) < 0:
                self.origin_filter.addItem(code, code)
        self.origin_filter.show()

    _origin_key = ""

    def add_bar_widget(self, widget: QWidget) -> None:
        """A button of the kind's own beside 新建 (打印空白调查表…)."""
        self.bar.insertWidget(self.bar.count() - 1, widget)

    def _size_columns(self) -> None:
        # Fixed widths from the font: ResizeToContents would measure all 10,000 rows.
        header = self.view.horizontalHeader()
        fm = self.fontMetrics()
        pad = 28  # room for the sort indicator

        def text_width(*samples: str) -> int:
            return max(fm.horizontalAdvance(s) for s in samples) + pad

        for i, key in enumerate(self.model.keys):
            f: Field | None = self.model.fields[i]
            head = text_width(self.model.headerData(i, Qt.Orientation.Horizontal))
            stretch = key == PRODUCT_COLUMN or (
                f is not None and f.type is FieldType.TEXT and (f.max_length or 200) >= 100)
            if stretch:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
                continue
            if key == "number":
                width = text_width(f"{self.spec.number_prefix}-2026-AB12-0000")
            elif key == "status":
                width = text_width("已登记状态", *(tr_field(s) for s in self.spec.statuses))
            elif key == BATCH_COLUMN:
                width = text_width("SH250301、HL250412、XD25")  # a batch number whole, and the next begun
            elif key == self._origin_key:
                width = text_width("AB12")  # a laptop's code: 1 to 4 letters or digits
            elif f is None:
                width = text_width("一二三四五六")
            elif f.type is FieldType.DATE:
                width = text_width("2026-03-15")
            elif f.type is FieldType.TIME:
                width = text_width("00:00")
            elif f.type is FieldType.SCORE:
                width = text_width(*(f"5 {tr_field(s)}" for s in SCORE_LABELS))
            elif f.type is FieldType.CHOICE:
                width = text_width("一二三四五", *(tr_field(c) for c in f.choices))
            else:  # a worked-out text (a ticket's deadline) is a date and time: show it whole
                width = text_width("一二三四五六", "2026-03-15 09:30" if f.computed else "")
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(i, max(width, head))
        header.setMinimumSectionSize(fm.horizontalAdvance("状态") + 24)

    # ------------------------------------------------------------------ loading and searching

    def attach(self, service: RecordService) -> None:
        self.service = service
        self.search.setEnabled(True)
        self.new_button.setEnabled(True)
        if self.isVisible():
            self.refresh()
            self.search.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_loaded()

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.refresh()

    def rows(self) -> list[RegisterRow]:
        """Every row of the kind (loaded if need be), newest first."""
        self.ensure_loaded()
        return list(self._all)

    def _schedule(self) -> None:
        self.timer.start()

    def refresh(self) -> None:
        """Reload every row from the database (after a save), then filter by the search text."""
        if self.service is None:
            return
        try:
            from ..services.search import due_first

            limit = self.service.register_limit
            self._load_group()
            if limit:  # head office: the newest rows that match, found by the database
                key = self._query_key()
                # A 首页 figure's records from its first on (every open complaint, not only the newest)
                rows = self.service.search(self.kind, key[0], limit=limit + 1, status=key[1] or None,
                                           origin=key[2] or None, ids=self._group_ids)
                self._loaded_key = key
                self.more = len(rows) > limit
                self._all = due_first(self.kind, rows[:limit])
            else:
                self._all = due_first(self.kind, self.service.search(self.kind, ""))
            self.model.set_marks(self._marks())
        except StorageError as e:  # locked by another program, a vanished USB stick: say so, keep the rows
            self.empty.setText(error_text(e))
            self.empty.show()
            return
        self.total = self.service.count(self.kind) if self.service.register_limit else len(self._all)
        self.loaded = True
        self.apply_filter()

    def _marks(self) -> dict[str, tuple[str, str]]:
        """The laptop's customers or products head office did not take (greyed with a warning sign,
        who and when in the tool tip)."""
        from ..services.sync.register_notes import rejected_now
        from .row_tones import NOT_TAKEN, not_taken_tip

        return {rid: (NOT_TAKEN, not_taken_tip(n.decided_by or "", n.decided_at))
                for rid, n in rejected_now(self.service, self.kind).items()}

    def _query_key(self) -> tuple[str, str, str, str]:
        """What a limited register asks the database: search text, status, laptop, 首页 figure."""
        origin = self.origin_filter.currentData() if self._origin_key else ""
        return (self.search.text().strip(), self.status_filter.currentData() or "", origin or "",
                self.group_filter.currentData() or "")

    def invalidate(self) -> None:
        """A record of this kind changed: reload now if the page is loaded, else when shown."""
        if self.loaded:
            self.refresh()

    def apply_filter(self) -> None:
        """Show the loaded rows that match the search text, keeping the selected record selected."""
        self.timer.stop()
        if self.service is None or not self.loaded:
            return
        from ..services.records import filter_rows

        if self.service.register_limit and self._query_key() != self._loaded_key:
            self.refresh()  # a limited register is searched in the database, not in the rows shown
            return
        selected = self.selected_id()
        rows = filter_rows(self._all, self.search.text())
        status = self.status_filter.currentData()
        if status:
            rows = [r for r in rows if r.status == status]
        origin = self.origin_filter.currentData() if self._origin_key else ""
        if origin:
            rows = [r for r in rows if r[self._origin_key] == origin]
        if self._group_ids is not None:
            place = {rid: i for i, rid in enumerate(self._group_ids)}
            rows = sorted((r for r in rows if r.id in place), key=lambda r: place[r.id])
        self.model.set_rows(rows)
        if not rows:
            text = self.search.text().strip()
            filtered = bool(status) or bool(origin) or self._group_ids is not None
            self.empty.setText(
                self.tr("没有找到符合“{text}”的记录。").format(text=text) if text
                else self.tr("没有符合筛选条件的记录。") if filtered
                else self.tr("还没有记录。点“{action}”登记第一条。").format(action=self.new_text())
            )
            self._place_empty()
        self.empty.setVisible(not rows)
        if selected:
            self.select_id(selected)
        self.shown = len(rows)
        self.countChanged.emit(len(rows), self.total)

    # ------------------------------------------------------------------ filters

    def show_group(self, key: str) -> None:
        """Show exactly the records of a 首页 figure (``services.desk.GROUPS_OF_KIND``), search
        and status filter cleared."""
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        i = self.group_filter.findData(key)
        if i < 0:
            return
        if self.group_filter.currentIndex() == i:
            self._group_changed()
        else:
            self.group_filter.setCurrentIndex(i)

    def clear_filters(self) -> None:
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        self.group_filter.setCurrentIndex(0)

    def _group_changed(self) -> None:
        if self.service is not None and self.service.register_limit:
            self.refresh()  # a limited register asks the database for the figure's records
            return
        self._load_group()
        self.apply_filter()

    def _load_group(self) -> None:
        key = self.group_filter.currentData()
        if not key or self.service is None:
            self._group_ids = None
            return
        from ..services.desk import group_ids

        try:
            self._group_ids = group_ids(self.service, key, self.service.clock.now())
        except StorageError as e:
            self.empty.setText(error_text(e))
            self._group_ids = []

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


def group_label(key: str) -> str:
    """The name of a 首页 figure, as its card says it."""
    from PySide6.QtCore import QCoreApplication

    texts = {
        "followups_due": "今日待回访", "followups_overdue": "逾期未回访",
        "tickets_overdue": "保障单已超时", "tickets_near": "保障单即将到时",
        "complaints_open": "未结投诉",
        "batches_expiring": "批次即将到期", "batches_expired": "批次已过期",
    }
    return QCoreApplication.translate("HomePage", texts[key])
