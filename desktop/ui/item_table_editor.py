"""The editor of an :class:`ItemTable` (the product lines of a complaint), built from its columns.

Cells hold text as typed; CHOICE columns edit through a combo box and keep the choice value in the
cell (shown translated).  ``raw()`` leaves out lines the user left entirely empty and remembers
which visible line each remaining one came from, so that an issue about ``items[1].quantity`` is
pointed at the right line even when an empty line sits above it.

Keyboard (issue 14): Tab moves from cell to cell and, after the last cell, on to what follows the
table (Shift+Tab before the first cell back to what precedes it); Ctrl+Tab / Ctrl+Shift+Tab leave
the table (and its buttons) from any cell, editing or not; Enter on a cell not being edited adds
a line at the end (Enter in a cell being edited keeps what was typed, as everywhere); F2 edits the
cell (not the window's F2, the hotline, while the table has the focus).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.fields import Field, FieldType, ItemTable, format_value
from .texts import tr_field

ERROR_BACKGROUND = QColor("#fdecea")
Index = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for a CHOICE column; the cell keeps the untranslated choice value."""

    def __init__(self, f: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = f

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName(f"{self.field.key}_editor")
        combo.setAccessibleName(tr_field(self.field.label))
        combo.addItem("", "")
        for choice in self.field.choices:
            combo.addItem(tr_field(choice), choice)
        # Picking an entry is the whole edit: commit at once rather than on focus loss.
        combo.activated.connect(lambda _i, c=combo: (self.commitData.emit(c), self.closeEditor.emit(c)))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole) or ""), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData() or "", Qt.ItemDataRole.EditRole)

    def displayText(self, value: Any, locale: Any) -> str:
        return tr_field(str(value)) if value else ""


class _ItemTable(QTableWidget):
    """A table that lets the focus go (see the module's doc)."""

    addRequested = Signal()

    def __init__(self, rows: int, columns: int, parent: QWidget) -> None:
        super().__init__(rows, columns, parent)
        self.viewport().installEventFilter(self)

    def _at_edge(self, forward: bool) -> bool:
        index = self.currentIndex()
        if not index.isValid():
            return True
        if forward:
            return index.row() == self.rowCount() - 1 and index.column() == self.columnCount() - 1
        return index.row() == 0 and index.column() == 0

    def leave(self, forward: bool, whole: bool = False) -> None:
        """Give the focus to the next (previous) widget outside the table — outside the whole
        editor and its buttons when ``whole``."""
        outer: QWidget = self.parentWidget() if whole and self.parentWidget() is not None else self
        w: QWidget = self
        for _ in range(500):
            w = w.nextInFocusChain() if forward else w.previousInFocusChain()
            if w is self or w is None:
                return
            if outer.isAncestorOf(w) or w is outer:
                continue
            if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus:
                w.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
                return

    def _leaving(self, event: QKeyEvent) -> tuple[bool, bool] | None:
        """(forward, whole) if this key leaves the table from the current cell."""
        key = event.key()
        if key not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return None
        forward = key == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        whole = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if whole or self._at_edge(forward):
            return forward, whole
        return None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # A cell's editor is a child of the viewport: look at its keys before its delegate does
        # (the delegate turns every Tab into "edit the next cell", wrapping around for ever).
        if obj is self.viewport() and event.type() == QEvent.Type.ChildAdded:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget):
                child.installEventFilter(self)
        elif event.type() == QEvent.Type.FocusIn and isinstance(obj, QWidget) and obj is not self.viewport():
            # The delegate installs its own filter after the editor is made: installing ours again
            # puts it in front (the filter installed last is asked first).
            obj.installEventFilter(self)
        elif event.type() == QEvent.Type.KeyPress and isinstance(obj, QWidget) and obj is not self.viewport():
            assert isinstance(event, QKeyEvent)
            leaving = self._leaving(event)
            if leaving is not None:
                self.commitData(obj)
                self.closeEditor(obj, QAbstractItemDelegate.EndEditHint.NoHint)
                self.leave(*leaving)
                return True
        return super().eventFilter(obj, event)

    def event(self, event: QEvent) -> bool:
        # Tab and Shift+Tab reach QWidget.event first (focus navigation), Ctrl+Tab reaches keyPressEvent.
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_F2 and not event.modifiers():
                event.accept()  # F2 edits the cell here (the window's F2 is the hotline)
                return True
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            leaving = self._leaving(event)
            if leaving is not None:
                self.leave(*leaving)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self.addRequested.emit()
            return
        super().keyPressEvent(event)


class ItemTableEditor(QWidget):
    """Lines of an item table with 添加一行 / 删除所选行."""

    edited = Signal()
    committed = Signal()

    def __init__(self, spec: ItemTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(spec.key)
        self.setAccessibleName(tr_field(spec.label))
        self._loading = False
        self._row_map: list[int] = []  # raw() index → visible row
        self._read_only = False

        self.table = _ItemTable(0, len(spec.columns), self)
        self.table.addRequested.connect(self.add_row)
        self.table.setObjectName(f"{spec.key}_table")
        self.table.setAccessibleName(tr_field(spec.label))
        labels = []
        for col in spec.columns:
            labels.append(tr_field(col.label) + (" *" if col.required else ""))
        self.table.setHorizontalHeaderLabels(labels)
        for i, col in enumerate(spec.columns):
            header_item = self.table.horizontalHeaderItem(i)
            if col.required and header_item is not None:
                header_item.setToolTip(self.tr("必填"))
            if col.type is FieldType.CHOICE:
                self.table.setItemDelegateForColumn(i, ChoiceDelegate(col, self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for i, col in enumerate(spec.columns):
            if col.type is FieldType.TEXT and (col.max_length or 200) >= 100:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(i, self._column_width(col))
        self.table.itemChanged.connect(self._item_changed)

        self.add_button = QPushButton(self.tr("添加一行"), self)
        self.add_button.setObjectName(f"{spec.key}_add")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("删除所选行"), self)
        self.remove_button.setObjectName(f"{spec.key}_remove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.table)
        lay.addLayout(buttons)
        self._fit_height()
        self._update_buttons()

    def _column_width(self, col: Field) -> int:
        fm = self.fontMetrics()
        sample = max([tr_field(col.label) + " *", *(tr_field(c) for c in col.choices), "0000000000"], key=len)
        return max(fm.horizontalAdvance(sample) + 36, fm.horizontalAdvance("一二三四五六") + 24)

    # ------------------------------------------------------------------ values

    def raw(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        self._row_map = []
        for r in range(self.table.rowCount()):
            row = {col.key: self._cell_text(r, c) for c, col in enumerate(self.spec.columns)}
            if any(str(v).strip() for v in row.values()):
                rows.append(row)
                self._row_map.append(r)
        return rows

    def visible_row(self, raw_index: int) -> int:
        """The table line of ``items[raw_index]`` as last returned by :meth:`raw`."""
        if 0 <= raw_index < len(self._row_map):
            return self._row_map[raw_index]
        return raw_index

    def _cell_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        if item is None:
            return ""
        return str(item.data(Qt.ItemDataRole.EditRole) or "")

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self._loading = True
        try:
            self.table.setRowCount(0)
            for row in rows:
                self._append(row)
        finally:
            self._loading = False
        self._fit_height()
        self._update_buttons()

    def _append(self, values: dict[str, Any] | None = None) -> int:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, col in enumerate(self.spec.columns):
            value = (values or {}).get(col.key)
            item = QTableWidgetItem(format_value(col, value) if value is not None else "")
            if col.type in (FieldType.DECIMAL, FieldType.INTEGER):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col.computed:  # worked out at save (Workflow.derive): shown, not typed
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(self.tr("保存时自动计算"))
            self.table.setItem(r, c, item)
        return r

    # ------------------------------------------------------------------ editing

    def add_row(self) -> None:
        if self._read_only or self.table.rowCount() >= self.spec.max_rows:
            return
        self._loading = True
        try:
            r = self._append()
        finally:
            self._loading = False
        self._fit_height()
        self.table.setCurrentCell(r, 0)
        self.table.setFocus()
        self.table.editItem(self.table.item(r, 0))
        self.edited.emit()

    def remove_selected(self) -> None:
        if self._read_only:
            return
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        if not rows:
            return
        for r in rows:
            self.table.removeRow(r)
        self._fit_height()
        self._update_buttons()
        self.edited.emit()
        self.committed.emit()

    def _item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self.edited.emit()
            self.committed.emit()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(not self._read_only)
        has_selection = bool(self.table.selectedIndexes()) or self.table.currentRow() >= 0
        self.remove_button.setEnabled(not self._read_only and has_selection and self.table.rowCount() > 0)

    def _fit_height(self) -> None:
        """Show every line (at least three): a table scrolling inside a scrolling form is awkward."""
        rows = max(self.table.rowCount(), 3)
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += rows * self.table.verticalHeader().defaultSectionSize()
        if self.table.horizontalScrollBar().isVisible():
            height += self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(height)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)
        self._update_buttons()

    # ------------------------------------------------------------------ errors

    def mark_cells(self, cells: dict[tuple[int, str], str]) -> None:
        """Tint the cells that have an issue ((visible row, column key) → message)."""
        self._loading = True
        try:
            for r in range(self.table.rowCount()):
                for c, col in enumerate(self.spec.columns):
                    item = self.table.item(r, c)
                    if item is None:
                        continue
                    message = cells.get((r, col.key))
                    item.setData(Qt.ItemDataRole.BackgroundRole, ERROR_BACKGROUND if message else None)
                    item.setToolTip(message or "")
        finally:
            self._loading = False

    def focus_cell(self, row: int, column_key: str | None) -> None:
        col = 0
        if column_key is not None:
            keys = [c.key for c in self.spec.columns]
            col = keys.index(column_key) if column_key in keys else 0
        if 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, col)
        self.table.setFocus()
