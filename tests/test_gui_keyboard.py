"""Keyboard all the way (issue 14): Tab leaves an item table after its last cell, Ctrl+Tab from any
cell, Enter adds a line; the complaint flow register → new → fill → save → step without a mouse."""

from __future__ import annotations

import pytest
from gui_helpers import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from desktop.domain import complaint as c
from desktop.ui.item_table_editor import ItemTableEditor

pytestmark = pytest.mark.gui

TAB = Qt.Key.Key_Tab
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focus() -> QWidget:
    w = QApplication.focusWidget()
    assert w is not None
    return w


def key(k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    from pytestqt.qtbot import QtBot

    QtBot.keyClick(focus(), k, mod)
    QApplication.processEvents()


def typed(qtbot, text: str) -> None:
    """Type into whatever has the focus: ASCII as key presses, Chinese as an input method does."""
    if text.isascii():
        qtbot.keyClicks(focus(), text)
    else:
        type_text(qtbot, focus(), text)


def _active(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _table_of(form) -> ItemTableEditor:
    return form.findChild(ItemTableEditor, "items")


def test_tab_leaves_the_item_table_after_its_last_cell_and_ctrl_tab_from_anywhere(qtbot, window) -> None:
    _active(qtbot, window)
    form = window.new_record("complaint")
    items = _table_of(form)
    table = items.table
    table.setFocus()
    table.setCurrentCell(0, 0)
    for _ in range(table.columnCount() - 1):
        key(TAB)
        assert focus() is table
    assert table.currentColumn() == table.columnCount() - 1
    key(TAB)  # past the last cell: out of the table (to its 添加一行 button), not back to the first cell
    assert not table.isAncestorOf(focus()) and focus() is not table
    key(TAB, SHIFT)
    assert focus() is table or table.isAncestorOf(focus())

    # Ctrl+Tab from a cell being edited leaves the table and its buttons: 投诉原因详情 is next.
    table.setCurrentCell(0, 1)
    key(Qt.Key.Key_F2)  # edit the cell
    typed(qtbot, "桶装")
    assert table.isAncestorOf(focus())  # the cell's editor
    key(TAB, CTRL)
    assert not items.isAncestorOf(focus()) and focus() is not items
    assert isinstance(focus(), QPlainTextEdit) and focus().objectName() == "reason"
    assert table.item(0, 1).text() == "桶装"  # what was typed is kept
    # Ctrl+Shift+Tab goes back before the table.
    table.setFocus()
    table.setCurrentCell(0, 2)
    key(TAB, CTRL | SHIFT)
    assert not items.isAncestorOf(focus())


def test_enter_adds_a_line_at_the_end(qtbot, window) -> None:
    _active(qtbot, window)
    form = window.new_record("complaint")
    table = _table_of(form).table
    table.setFocus()
    table.setCurrentCell(0, 0)
    key(Qt.Key.Key_F2)
    typed(qtbot, "84 消毒液")
    key(Qt.Key.Key_Return)  # in the editor: keeps the text
    assert table.rowCount() == 1 and table.item(0, 0).text() == "84 消毒液"
    key(Qt.Key.Key_Return)  # on the cell: a new line at the end, its first cell being edited
    assert table.rowCount() == 2 and table.currentRow() == 1
    typed(qtbot, "75% 乙醇消毒液")
    key(Qt.Key.Key_Return)
    assert table.item(1, 0).text() == "75% 乙醇消毒液"


VALUES = {
    "complainant_unit": "北京市朝阳区第三医院", "complainant_name": "李明", "complainant_phone": "010-65123456",
    "complainant_address": "北京市朝阳区工体南路 8 号",
    "reason": "上月购入 84 消毒液 5 桶，按 1:100 稀释后气味明显偏淡。",
    "investigator": "冯志强",  # asked for by the step 开始调查
}
CHOICES = {"channel": "电话", "severity": "严重投诉", "category": "使用中质量问题"}
CELLS = ["84 消毒液（有效氯 5%）", "桶装", "5", "桶", "SH260101", "政府采购平台"]


def test_register_new_fill_save_and_step_with_the_keyboard_only(qtbot, window, service, dialogs) -> None:
    _active(qtbot, window)
    page = window.registers["complaint"]
    window.tabs.setCurrentWidget(page)
    page.search.setFocus()
    key(Qt.Key.Key_N, CTRL)  # 新建投诉
    form = window.current_form()
    assert form is not None and form.kind == "complaint" and form.record is None
    table = _table_of(form).table
    done: set[str] = set()
    for _ in range(80):  # Tab through the form as a clerk does, filling what is asked
        w = focus()
        name = w.objectName()
        if isinstance(w, QComboBox) and name in CHOICES and name not in done:
            for _ in range(w.count()):
                if w.currentText() == CHOICES[name]:
                    break
                key(Qt.Key.Key_Down)
            assert w.currentText() == CHOICES[name]
            done.add(name)
        elif isinstance(w, (QLineEdit, QPlainTextEdit)) and name in VALUES and name not in done:
            typed(qtbot, VALUES[name])
            done.add(name)
        elif w is table and "items" not in done:
            for i, text in enumerate(CELLS):
                assert table.currentColumn() == i
                key(Qt.Key.Key_F2)  # edit the cell (an input method's text goes into an open editor)
                typed(qtbot, text)
                key(TAB)  # commits the cell and goes on; after the last one, out of the table
            done.add("items")
            continue
        if done >= {*VALUES, *CHOICES, "items"}:
            break
        key(TAB)
    assert done >= {*VALUES, *CHOICES, "items"}, done
    key(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: form.record is not None)
    saved = service.get("complaint", form.record.id)
    assert saved.values.tables["items"][0]["batch_no"] == "SH260101"
    assert saved.values.fields["complainant_name"] == "李明"

    # The step: Tab to its button, Space presses it (and Enter confirms the question).
    step = form.step_buttons[c.INVESTIGATING]
    for _ in range(120):
        if focus() is step:
            break
        key(TAB)
    assert focus() is step
    dialogs.answer(lambda box: box.StandardButton.Ok)
    key(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: service.get("complaint", saved.id).status == c.INVESTIGATING)
    assert isinstance(step, QAbstractButton) and dialogs.seen and "调查中" in dialogs.seen[-1]["text"]
