"""How a :class:`FormView` lays out its specification: one group box per section, a label and an
editor per field, item tables and photo lists across the section, SCORE sections like the paper.

A mixin of ``FormView`` (it fills the form's ``editors``, ``tables``, ``photo_lists`` and ``cells``
and connects every editor to the form's dirty tracking and checks); kept apart so that the form
itself is about values, state and actions.  Its texts are translated in the ``FormView`` context.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..domain.fields import Field, FieldType, ItemTable, PhotoList, Section, ValueError_, parse_value
from .field_widgets import FieldEditor, make_editor
from .item_table_editor import ItemTableEditor
from .photo_list import PhotoListEditor
from .score_editor import ScoreCaptions
from .score_section import AVERAGES, ScoreAverage
from .texts import tr_field

if TYPE_CHECKING:
    from ..services.records import RecordService


def prefill_value(f: Field, value: Any) -> Any:
    """A prefilled value as the editors show it: a follow-on's JSON-like values (text dates, float
    quantities) are parsed; one that does not parse is left out."""
    if value is not None and f.type not in (FieldType.TEXT, FieldType.LONGTEXT, FieldType.CHOICE):
        try:
            return parse_value(f, value)
        except ValueError_:
            return None
    return value


class FieldCell(QWidget):
    """An editor with the line for its messages just below it.

    The line's room is kept whether a message shows or not (issue 14): a 必填 appearing or going
    moves nothing, so a click lands on the field it was aimed at.  One line: several messages
    are joined, and the whole text is in the tool tip.  An item table's messages (one per line
    of the table) may take more lines: they sit below the table, where nothing else follows."""

    def __init__(self, key: str, editor: QWidget, parent: QWidget | None = None, lines: int = 1) -> None:
        super().__init__(parent)
        self.editor = editor
        self.lines = lines
        self.error = QLabel(self)
        self.error.setObjectName(f"{key}_error")
        self.error.setProperty("fieldError", True)
        self.error.setWordWrap(lines != 1)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if lines == 1:
            policy = self.error.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)  # a long message never widens the form
            policy.setRetainSizeWhenHidden(True)
            self.error.setSizePolicy(policy)
            self.error.setFixedHeight(self.error.fontMetrics().height() + 2)
        self.error.hide()
        if editor.sizePolicy().verticalPolicy() == QSizePolicy.Policy.Fixed:
            # The red frame of an invalid field is drawn by a style sheet, whose box is smaller
            # than the platform's frame: keep the height, or every row below would move up.
            editor.setMinimumHeight(editor.sizeHint().height())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(editor)
        lay.addWidget(self.error)

    def set_messages(self, messages: list[str]) -> None:
        text = ("；" if self.lines == 1 else "\n").join(messages)
        self.error.setText(text)
        self.error.setToolTip(text if self.lines == 1 else "")
        self.error.setVisible(bool(messages))


class FormSections:
    """Building the sections of a form (see the module docstring)."""

    service: RecordService
    kind: str
    editors: dict[str, FieldEditor]
    tables: dict[str, ItemTableEditor]
    photo_lists: dict[str, PhotoListEditor]
    cells: dict[str, FieldCell]
    score_average: ScoreAverage | None
    _label_width: int
    _label_pad: int

    if TYPE_CHECKING:  # provided by FormView and QWidget
        def _on_edited(self) -> None: ...
        def _validate_key(self, key: str) -> None: ...
        def fontMetrics(self) -> Any: ...  # noqa: N802

    def _measure_label_width(self) -> int:
        # Wide enough for the usual labels (管理者代表审批日期); longer ones wrap onto a second line.
        fm = self.fontMetrics()
        return fm.horizontalAdvance(QCoreApplication.translate("FormView", "管理者代表审批日期") + " *") + 8

    def _label(self, text: str, required: bool, key: str, parent: QWidget) -> QLabel:
        shown = html.escape(tr_field(text))
        if required:
            shown += '<span style="color:#d32f2f;">&nbsp;*</span>'
        label = QLabel(shown, parent)
        label.setObjectName(f"{key}_label")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        label.setMaximumWidth(self._label_width)
        label.setContentsMargins(0, self._label_pad, 0, 0)
        return label

    def _build_section(self, section: Section) -> QGroupBox:
        box = QGroupBox(tr_field(section.title))
        box.setObjectName(f"section_{section.key}")
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)  # each field keeps a line below it for its message (FieldCell)
        columns = max(section.columns, 1)
        row = pos = 0
        for element in section.elements:
            if isinstance(element, ItemTable):
                editor: QWidget = self._make_table(element)
                span, label = columns, None
            elif isinstance(element, PhotoList):
                editor = self._make_photo_list(element)
                span, label = columns, self._label(element.label, False, element.key, box)
            else:
                editor = self._make_field(element)
                span = min(max(element.span, 1), columns)
                required = element.required and not element.read_only
                # A check box carries its own label (these labels are whole statements).
                label = None if element.type is FieldType.BOOL else self._label(
                    element.label, required, element.key, box)
            if pos + span > columns:
                row, pos = row + 1, 0
            cell = FieldCell(element.key, editor, box, lines=0 if isinstance(element, ItemTable) else 1)
            self.cells[element.key] = cell
            if isinstance(element, ItemTable):
                grid.addWidget(cell, row, 0, 1, 2 * columns)
            else:
                if label is not None:
                    label.setBuddy(editor)
                    grid.addWidget(label, row, 2 * pos)
                grid.addWidget(cell, row, 2 * pos + 1, 1, 2 * span - 1)
            pos += span
            if pos >= columns:
                row, pos = row + 1, 0
        for c in range(columns):
            grid.setColumnMinimumWidth(2 * c, self._label_width)
            grid.setColumnStretch(2 * c + 1, 1)
        return box

    def _build_score_section(self, section: Section) -> QGroupBox:
        """Item label and five boxes per row, the captions once on top, the average before the
        last (overall) score: the layout of the paper survey (``score_section``)."""
        box = QGroupBox(tr_field(section.title))
        box.setObjectName(f"section_{section.key}")
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.addWidget(ScoreCaptions(box), 0, 1)
        fields = [e for e in section.elements if isinstance(e, Field)]
        row = 1
        for i, f in enumerate(fields):
            if i == len(fields) - 1 and len(fields) > 2 and self.kind in AVERAGES:
                self.score_average = ScoreAverage(self.kind, [g.key for g in fields[:-1]], box)
                caption = QLabel(QCoreApplication.translate("FormView", "各项平均"), box)
                caption.setObjectName("score_average_label")
                caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                grid.addWidget(caption, row, 0)
                grid.addWidget(self.score_average, row, 1)
                row += 1
            editor = self._make_field(f)
            editor.edited.connect(self._update_average)
            label = self._label(f.label, f.required, f.key, box)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setContentsMargins(0, 0, 0, 0)
            label.setBuddy(editor)
            cell = FieldCell(f.key, editor, box)
            self.cells[f.key] = cell
            grid.addWidget(label, row, 0)
            grid.addWidget(cell, row, 1)
            row += 1
        grid.setColumnMinimumWidth(0, self._label_width)
        grid.setColumnStretch(1, 1)
        return box

    def _update_average(self) -> None:
        if self.score_average is not None:
            self.score_average.update_from({k: self.editors[k].value() for k in self.score_average.keys})

    def _make_field(self, f: Field) -> QWidget:
        editor = make_editor(f)
        self.editors[f.key] = editor
        editor.edited.connect(self._on_edited)
        editor.committed.connect(lambda key=f.key: self._validate_key(key))
        if f.type in (FieldType.DATE, FieldType.PHONE, FieldType.DECIMAL, FieldType.INTEGER, FieldType.CHOICE):
            # Short values: a full-width box would suggest a paragraph is expected.
            editor.setMaximumWidth(max(self.fontMetrics().horizontalAdvance("0" * 28), 260))
            editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        elif f.type is FieldType.TIME:
            editor.setMaximumWidth(max(self.fontMetrics().horizontalAdvance("0" * 16), 140))
            editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return editor

    def _make_table(self, t: ItemTable) -> ItemTableEditor:
        editor = ItemTableEditor(t)
        self.tables[t.key] = editor
        editor.edited.connect(self._on_edited)
        editor.committed.connect(lambda key=t.key: self._validate_key(key))
        return editor

    def _make_photo_list(self, p: PhotoList) -> PhotoListEditor:
        editor = PhotoListEditor(p, self.service.photo_bytes, self.service.add_photo_files)
        self.photo_lists[p.key] = editor
        editor.edited.connect(self._on_edited)
        editor.committed.connect(lambda key=p.key: self._validate_key(key))
        return editor

    def editor(self, key: str) -> QWidget:
        """The input widget of a field, table or photo list."""
        if key in self.editors:
            return self.editors[key]
        if key in self.tables:
            return self.tables[key]
        return self.photo_lists[key]
