"""A form's register as a Qt table model over :class:`RegisterRow` lines, driven by the spec.

The columns are the record number, the spec's ``register`` columns (field keys, or the product /
batch summary) and the status; headers are the fields' labels.  Cells show values as a person reads
them (choices and statuses translated, dates as 2026-03-15, a score as "4 满意"); each column sorts
by its type: dates as dates, numbers and scores as numbers, the status in the order of work.

The rows come from ``RecordService.search``.  The view sees them through
:class:`RegisterSortProxyModel`, a ``QSortFilterProxyModel`` that hands sorting to this model:
letting the proxy compare 10,000 lines calls ``data()`` from C++ into Python some 300,000 times
(1.5 s here), while sorting the Python list with precomputed keys takes milliseconds.
:data:`SORT_ROLE` still gives each cell's sort value, for any proxy that wants it.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from ..domain.fields import SCORE_LABELS, Field, FieldType, FormSpec, format_value
from ..domain.forms import spec_for
from .row_tones import BACKGROUNDS, FOREGROUNDS, ROW_TONES
from .status_colours import status_colour, status_rank
from .texts import tr_field

if TYPE_CHECKING:  # the services load SQLAlchemy: not needed to draw the window
    from ..services.records import RegisterRow

SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the column's key (number, received_date, @product, …)

LOW_SCORE_COLOUR = QColor("#c62828")  # 1 or 2 points: a dissatisfied customer stands out

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def register_columns(spec: FormSpec) -> list[str]:
    """number, the spec's register columns, status."""
    return ["number", *spec.register, "status"]


def column_field(spec: FormSpec, key: str) -> Field | None:
    """The field behind a register column (``None`` for number, status and the summary columns)."""
    if key in ("number", "status") or key.startswith("@"):
        return None
    try:
        f = spec.element(key)
    except KeyError:
        return None
    return f if isinstance(f, Field) else None


def score_text(score: int) -> str:
    """4 → "4 满意" (translated)."""
    return f"{score} {tr_field(SCORE_LABELS[score - 1])}" if 1 <= score <= 5 else str(score)


def _sort_key(kind: str, key: str, f: Field | None) -> Callable[[RegisterRow], Any]:
    """One comparable value per row; every key of a column has the same Python type."""
    if key == "status":
        return lambda row: status_rank(kind, row.status)
    t = f.type if f is not None else FieldType.TEXT
    if t in (FieldType.DATE, FieldType.TIME):
        return lambda row: row[key].isoformat() if row[key] is not None else ""
    if t in (FieldType.SCORE, FieldType.INTEGER):
        return lambda row: int(row[key]) if row[key] is not None else -1
    if t is FieldType.DECIMAL:
        return lambda row: float(Decimal(row[key])) if row[key] is not None else float("-inf")
    if t is FieldType.BOOL:
        return lambda row: int(bool(row[key]))
    if t is FieldType.CHOICE and f is not None:
        # In the order of the choices (一般投诉 before 严重投诉), empty first.
        order = {c: i for i, c in enumerate(f.choices)}
        return lambda row: order.get(row[key], len(order)) if row[key] else -1
    return lambda row: str(row[key] or "")


def _mark_icon() -> Any:
    from PySide6.QtWidgets import QApplication, QStyle

    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


class RegisterTableModel(QAbstractTableModel):
    def __init__(self, kind: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.spec = spec_for(kind)
        self.keys = register_columns(self.spec)
        self.fields = [column_field(self.spec, k) for k in self.keys]
        self._sort_keys = [_sort_key(kind, k, f) for k, f in zip(self.keys, self.fields, strict=True)]
        self._headers = [tr_field(self.spec.label_of(k)) for k in self.keys]
        self._rows: list[RegisterRow] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        # Rows that stand out (a ticket past its deadline, a follow-up due): ``row_tones``.
        self._tone = ROW_TONES.get(kind)
        self._tones: dict[str, tuple[str, str] | None] = {}
        self._tone_minute = ""
        self._marks: dict[str, tuple[str, str]] = {}  # id → (state, tool tip): set_marks

    def column_of(self, key: str) -> int:
        return self.keys.index(key)

    def add_columns(self, columns: list[tuple[str, str]]) -> None:
        """Columns after the spec's, as (cell key, header): head office's 笔记本 and staff columns
        (``services.sync.head_office``); text, sorted as text."""
        self.beginResetModel()
        for key, header in columns:
            if key in self.keys:
                continue
            self.keys.append(key)
            self.fields.append(None)
            self._sort_keys.append(_sort_key(self.kind, key, None))
            self._headers.append(header)
        self.endResetModel()

    def set_marks(self, marks: dict[str, tuple[str, str]]) -> None:
        """Rows that stand out for what the page knows of them, not their values: (state, tool tip)
        by id (a customer head office did not take), with a warning sign in the first cell; a row's
        time tone comes first."""
        self._marks = dict(marks)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.keys) - 1))

    def set_rows(self, rows: list[RegisterRow]) -> None:
        """New lines (a new search); kept in the order the clerk last sorted by, if any."""
        self.beginResetModel()
        self._rows = list(rows)
        self._tones = {}
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (stable: lines that tie keep their previous order)."""
        if not 0 <= column < len(self.keys):
            self._sort = None
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        before = [self._rows[p.row()] for p in persistent]
        self._sort_rows(column, order)
        self._sort = (column, order)
        position = {id(row): r for r, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent, [self.index(position[id(row)], p.column()) for row, p in zip(before, persistent)]
        )
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._rows.sort(key=self._sort_keys[column], reverse=order == Qt.SortOrder.DescendingOrder)

    def row_at(self, row: int) -> RegisterRow:
        return self._rows[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.keys)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.keys):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == KEY_ROLE:
                return self.keys[section]
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def _text(self, row: RegisterRow, column: int) -> str:
        key, f = self.keys[column], self.fields[column]
        value = row[key]
        if value is None or value == "":
            return ""
        if key == "status":
            return tr_field(value)
        if f is None:
            return str(value)
        if f.type is FieldType.SCORE:
            return score_text(int(value))
        if f.type is FieldType.CHOICE:
            return tr_field(value)
        if f.type is FieldType.BOOL:
            return tr_field(format_value(f, value))
        return format_value(f, value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.keys):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and row.id in self._marks:
            return _mark_icon()  # the entry's first cell: seen at a glance, said in the tool tip
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and row.id in self._marks:
            return self._marks[row.id][1]  # said by a screen reader too
        if role == SORT_ROLE:
            return self._sort_keys[column](row)
        if role == ID_ROLE:
            return row.id
        if (self._tone is not None or self._marks) and role in (
                Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole):
            tone = self.row_tone(row) or self._marks.get(row.id)
            if tone is not None:
                if role == Qt.ItemDataRole.BackgroundRole:
                    return BACKGROUNDS[tone[0]]
                if role == Qt.ItemDataRole.ToolTipRole:
                    return tone[1]
                if self.keys[column] != "status":
                    return FOREGROUNDS[tone[0]]
        key, f = self.keys[column], self.fields[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "status":
                colour = status_colour(self.kind, row.status)
                return QColor(colour) if colour else None
            if f is not None and f.type is FieldType.SCORE and row[key] is not None and int(row[key]) <= 2:
                return LOW_SCORE_COLOUR
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and f is not None and f.type in (
                FieldType.DECIMAL, FieldType.INTEGER):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and (f is None or f.type is FieldType.TEXT) and key not in (
                "number", "status"):
            return self._text(row, column) or None
        return None


    def now(self) -> Any:
        """The time rows are judged by: the clock of the page's service (a test's fixed clock)."""
        service = getattr(self.parent(), "service", None)
        clock = getattr(service, "clock", None)
        if clock is None:
            from ..domain.clock import Clock

            clock = Clock()
        return clock.now()

    def row_tone(self, row: RegisterRow) -> tuple[str, str] | None:
        """(state, tool tip) of a row that stands out, else ``None``; worked out once a minute."""
        if self._tone is None:
            return None
        now = self.now()
        minute = now.strftime("%Y-%m-%d %H:%M")
        if minute != self._tone_minute:
            self._tones = {}
            self._tone_minute = minute
        if row.id not in self._tones:
            self._tones[row.id] = self._tone(row, now)
        return self._tones[row.id]


class RegisterSortProxyModel(QSortFilterProxyModel):
    """The register's proxy: sorting is passed on to :class:`RegisterTableModel` (see above)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, RegisterTableModel):
            source.sort(column, order)
        else:
            super().sort(column, order)
