"""One input widget per :class:`FieldType`, all with the same small contract.

Every editor is the input widget itself (objectName = field key, accessibleName = translated
label) and offers:

- ``edited``: the user changed the value (dirty tracking);
- ``committed``: the user is done with the value (focus left, Enter, a choice picked): the form
  validates that one field then;
- ``raw()``: the value as the services expect it in a "raw" dict (text, a choice value, a bool);
- ``set_value(value)``: show a Python value from a record (no ``edited`` signal);
- ``set_read_only(flag)``.

Parsing and checking stay in the domain: a date editor accepts any text, so that "2026-02-30"
reaches ``parse_value`` and comes back as a message in Chinese beside the field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QEvent,
    QObject,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFocusEvent, QIcon, QPainter, QPen, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.fields import Field, FieldType, ValueError_, format_value, parse_date, parse_time
from .score_editor import ScoreEditor
from .texts import tr_field


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark a widget for the ``[invalid="true"]`` rule of the application style sheet."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def _describe(widget: QWidget, f: Field) -> None:
    widget.setObjectName(f.key)
    widget.setAccessibleName(tr_field(f.label))
    if f.help:
        widget.setToolTip(tr_field(f.help))


# ------------------------------------------------------------------------------------------ text


class LineEditor(QLineEdit):
    """TEXT, PHONE, DECIMAL and INTEGER: one line of text, checked by the domain."""

    edited = Signal()
    committed = Signal()

    _PLACEHOLDERS: ClassVar[dict[FieldType, str]] = {
        FieldType.PHONE: QT_TRANSLATE_NOOP("LineEditor", "手机 13812345678 或座机 010-12345678"),
        FieldType.DECIMAL: QT_TRANSLATE_NOOP("LineEditor", "数字"),
        FieldType.INTEGER: QT_TRANSLATE_NOOP("LineEditor", "整数"),
    }

    def __init__(self, f: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = f
        _describe(self, f)
        if f.placeholder:
            self.setPlaceholderText(tr_field(f.placeholder))
        elif f.type in self._PLACEHOLDERS:
            self.setPlaceholderText(QCoreApplication.translate("LineEditor", self._PLACEHOLDERS[f.type]))
        if f.type in (FieldType.TEXT, FieldType.PHONE):
            self.setMaxLength(f.default_max_length)
        self.textEdited.connect(self.edited)
        self.editingFinished.connect(self.committed)

    def raw(self) -> Any:
        return self.text()

    def set_value(self, value: Any) -> None:
        self.setText(format_value(self.field, value))
        self.setCursorPosition(0)

    def set_read_only(self, read_only: bool) -> None:
        self.setReadOnly(read_only)


def _calendar_icon(size: int = 16) -> QIcon:
    """A small calendar drawn in code: no icon theme is needed on any platform."""
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#5f6b7a"), 1.2))
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRect(1, 3, size - 3, size - 5), 2, 2)
    p.fillRect(QRect(2, 4, size - 4, 3), QColor("#d9534f"))
    p.setPen(QPen(QColor("#5f6b7a"), 1.5))
    p.drawLine(5, 1, 5, 4)
    p.drawLine(size - 6, 1, size - 6, 4)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#5f6b7a"))
    for row in range(2):
        for col in range(3):
            p.drawRect(4 + col * 3, 9 + row * 3, 2, 2)
    p.end()
    return QIcon(pm)


class DateEditor(LineEditor):
    """A date typed as 2026-03-15, 2026/3/15 or 20260315, or picked from a calendar; may be empty.

    A bare ``QDateEdit`` cannot be empty and silently corrects 2026-02-30; this editor keeps the
    text so the domain can say what is wrong with it.
    """

    def __init__(self, f: Field, parent: QWidget | None = None) -> None:
        super().__init__(f, parent)
        self.setPlaceholderText(self.tr("年-月-日，如 2026-03-15"))
        self.setMaxLength(20)
        self.calendar_action = self.addAction(_calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(self.tr("从日历中选择"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.editingFinished.connect(self._tidy)
        self._popup: QFrame | None = None
        self.calendar: QCalendarWidget | None = None

    def date(self) -> dt.date | None:
        try:
            return parse_date(self.text()) if self.text().strip() else None
        except ValueError_:
            return None

    def _tidy(self) -> None:
        """Show an accepted date the one way (20260315 → 2026-03-15); leave bad text alone."""
        d = self.date()
        if d is not None and self.text() != d.isoformat():
            self.setText(d.isoformat())
            self.edited.emit()

    def show_calendar(self) -> None:
        if self.isReadOnly():
            return
        popup = QFrame(self, Qt.WindowType.Popup)
        popup.setObjectName(f"{self.objectName()}_calendar_popup")
        popup.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(popup)
        lay.setContentsMargins(2, 2, 2, 2)
        cal = QCalendarWidget(popup)
        cal.setObjectName(f"{self.objectName()}_calendar")
        cal.setGridVisible(True)
        cal.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        current = self.date() or dt.date.today()
        cal.setSelectedDate(QDate(current.year, current.month, current.day))
        cal.clicked.connect(self._picked)
        cal.activated.connect(self._picked)
        lay.addWidget(cal)
        self._popup, self.calendar = popup, cal
        popup.adjustSize()
        pos = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and pos.y() + popup.height() > screen.bottom():
            pos = self.mapToGlobal(QPoint(0, -popup.height()))
        popup.move(pos)
        popup.show()
        cal.setFocus()

    def _picked(self, qdate: QDate) -> None:
        text = dt.date(qdate.year(), qdate.month(), qdate.day()).isoformat()
        if self._popup is not None:
            self._popup.close()
            self._popup.deleteLater()
            self._popup = self.calendar = None
        if text != self.text():
            self.setText(text)
            self.edited.emit()
        self.setFocus()
        self.committed.emit()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.calendar_action.setVisible(not read_only)


class TimeEditor(LineEditor):
    """A time of day typed as 09:30, 9:30, 930 or 0930; may be empty.  Shown as 09:30 once left."""

    def __init__(self, f: Field, parent: QWidget | None = None) -> None:
        super().__init__(f, parent)
        self.setPlaceholderText(self.tr("时:分，如 09:30"))
        self.setMaxLength(10)
        self.editingFinished.connect(self._tidy)

    def time(self) -> dt.time | None:
        text = self.text().strip()
        if text.isdigit() and len(text) == 3:  # 930: a clerk skips the leading zero
            text = "0" + text
        try:
            return parse_time(text) if text else None
        except ValueError_:
            return None

    def raw(self) -> Any:
        t = self.time()
        return t.strftime("%H:%M") if t is not None else self.text()

    def _tidy(self) -> None:
        t = self.time()
        if t is not None and self.text() != t.strftime("%H:%M"):
            self.setText(t.strftime("%H:%M"))
            self.edited.emit()


# ------------------------------------------------------------------------------------ long text


class LongTextEditor(QPlainTextEdit):
    """LONGTEXT: paragraphs; Tab moves on to the next field, as in every other input."""

    edited = Signal()
    committed = Signal()

    def __init__(self, f: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = f
        _describe(self, f)
        if f.placeholder:
            self.setPlaceholderText(tr_field(f.placeholder))
        self.setTabChangesFocus(True)
        lines = 4 if f.required or f.span > 1 else 3
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)
        self._loading = False
        self.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def focusOutEvent(self, e: QFocusEvent) -> None:
        super().focusOutEvent(e)
        self.committed.emit()

    def raw(self) -> Any:
        return self.toPlainText()

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self.setPlainText(format_value(self.field, value))
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        self.setReadOnly(read_only)


# -------------------------------------------------------------------------------------- choices


class NoWheelWhenUnfocused(QObject):
    """Scrolling the form must not change a combo box the pointer happens to pass over."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(obj, QWidget) and not obj.hasFocus():
            assert isinstance(event, QWheelEvent)
            event.ignore()
            return True
        return False


class ChoiceEditor(QComboBox):
    """CHOICE: a fixed list with an empty first entry (nothing chosen yet)."""

    edited = Signal()
    committed = Signal()

    def __init__(self, f: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = f
        _describe(self, f)
        self.setEditable(False)
        self.addItem("", "")
        for choice in f.choices:
            self.addItem(tr_field(choice), choice)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._wheel_guard = NoWheelWhenUnfocused(self)
        self.installEventFilter(self._wheel_guard)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(6)
        self._loading = False
        self.currentIndexChanged.connect(self._changed)

    def _changed(self, _index: int) -> None:
        if not self._loading:
            self.edited.emit()
            self.committed.emit()

    def raw(self) -> Any:
        return self.currentData() or ""

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            index = self.findData(value if value is not None else "")
            if index < 0 and value:
                # A value the list no longer offers (an import from an older version): keep it.
                self.addItem(tr_field(str(value)), value)
                index = self.count() - 1
            self.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)


class BoolEditor(QCheckBox):
    """BOOL: the label is the check box's own text (these labels are whole statements)."""

    edited = Signal()
    committed = Signal()

    def __init__(self, f: Field, parent: QWidget | None = None) -> None:
        super().__init__(tr_field(f.label), parent)
        self.field = f
        _describe(self, f)
        self._loading = False
        self.toggled.connect(self._changed)

    def _changed(self, _on: bool) -> None:
        if not self._loading:
            self.edited.emit()
            self.committed.emit()

    def raw(self) -> Any:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self.setChecked(bool(value))
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)


class ReadOnlyValue(QLabel):
    """Values the program fills (备案编号, 状态): shown, never typed."""

    edited = Signal()
    committed = Signal()

    def __init__(self, f: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = f
        _describe(self, f)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setProperty("readonlyValue", True)

    def raw(self) -> Any:
        return None

    def set_value(self, value: Any) -> None:
        self.setText(tr_field(format_value(self.field, value)) if value else "")

    def set_read_only(self, read_only: bool) -> None:
        pass


FieldEditor = LineEditor | DateEditor | TimeEditor | LongTextEditor | ChoiceEditor | BoolEditor | ReadOnlyValue \
    | ScoreEditor


def make_editor(f: Field, parent: QWidget | None = None) -> FieldEditor:
    """The widget for one field, chosen by its type alone."""
    if f.read_only:
        return ReadOnlyValue(f, parent)
    if f.type is FieldType.DATE:
        return DateEditor(f, parent)
    if f.type is FieldType.TIME:
        return TimeEditor(f, parent)
    if f.type is FieldType.SCORE:
        return ScoreEditor(f, parent)
    if f.type is FieldType.LONGTEXT:
        return LongTextEditor(f, parent)
    if f.type is FieldType.CHOICE:
        return ChoiceEditor(f, parent)
    if f.type is FieldType.BOOL:
        return BoolEditor(f, parent)
    return LineEditor(f, parent)
