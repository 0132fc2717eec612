"""Driving the widgets as a user does, including typing Chinese.

``qtbot.keyClicks`` maps ASCII characters to key codes only: Chinese text aborts the process.
A user types Chinese through an input method, which hands the widget a committed string; that is
what :func:`type_text` sends (``QInputMethodEvent`` with a commit string).
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QTableView, QTableWidget, QWidget


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget``: ASCII as key presses, everything else as IME commits."""
    widget.setFocus()
    for is_ascii, chunk in itertools.groupby(text, key=lambda ch: ch.isascii()):
        part = "".join(chunk)
        if is_ascii:
            qtbot.keyClicks(widget, part)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(part)
            QApplication.sendEvent(widget, event)


def replace_text(qtbot: Any, widget: QLineEdit, text: str) -> None:
    """Select all and type over it, as a user would."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def leave(qtbot: Any, widget: QWidget) -> None:
    """Tab away from a widget (it loses focus: the form checks the value)."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def pick(combo: QComboBox, text: str) -> None:
    """Choose an entry of a combo box by its shown text, as a click in its list does."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not among {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def edit_cell(qtbot: Any, table: QTableWidget, row: int, column: int, text: str) -> None:
    """Open a cell's editor, type or pick ``text``, and commit as a user does (Enter / a pick)."""
    table.setFocus()
    table.setCurrentCell(row, column)
    item = table.item(row, column)
    assert item is not None
    table.editItem(item)
    editor = QApplication.focusWidget()
    if isinstance(editor, QComboBox):
        pick(editor, text)
    else:
        assert isinstance(editor, QLineEdit), editor
        editor.selectAll()
        type_text(qtbot, editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QTableWidget.State.EditingState)


def double_click_row(qtbot: Any, view: QTableView, row: int, column: int = 0) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    point: QPoint = rect.center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def visible_rows(view: QTableView, column: int) -> list[str]:
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]
