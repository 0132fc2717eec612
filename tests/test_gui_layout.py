"""A layout that stays put (issue 14): a field's message has its room kept, so nothing moves when
it appears or goes; messages and the "有 N 处需要修改" banner go as soon as the fields are right."""

from __future__ import annotations

import pytest
from gui_helpers import pick, type_text
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

pytestmark = pytest.mark.gui


def _y(widget, form) -> int:
    return widget.mapTo(form, QPoint(0, 0)).y()


def test_messages_move_nothing_and_go_once_the_fields_are_right(qtbot, window) -> None:
    form = window.new_record("complaint")
    qtbot.wait(20)
    unit = form.findChild(QLineEdit, "complainant_unit")
    name = form.findChild(QLineEdit, "complainant_name")
    address = form.findChild(QLineEdit, "complainant_address")
    label = form.findChild(QLabel, "complainant_name_label")
    before = {w.objectName(): _y(w, form) for w in (unit, name, address, label)}
    label_offset = _y(label, form) - _y(name, form)

    assert not form.save()
    banner = form.message_bar
    assert banner.isVisible() and "处需要修改" in banner.text()
    first_count = int(banner.text().split("有 ")[1].split(" 处")[0])
    error = form.findChild(QLabel, "complainant_unit_error")
    assert error.isVisible() and error.text() == "必填"
    form.scroll.verticalScrollBar().setValue(0)
    qtbot.wait(20)
    # Nothing below the red lines moved; labels still level with their fields.
    assert {w.objectName(): _y(w, form) for w in (unit, name, address, label)} == before
    assert _y(label, form) - _y(name, form) == label_offset

    type_text(qtbot, unit, "北京市朝阳区第三医院")
    qtbot.waitUntil(lambda: not error.isVisible())  # gone while typing, not only after leaving the field
    assert {w.objectName(): _y(w, form) for w in (unit, name, address, label)} == before
    qtbot.waitUntil(lambda: f"有 {first_count - 1} 处" in banner.text())

    # Everything else put right: the banner goes too.
    pick(form.findChild(QComboBox, "channel"), "电话")
    pick(form.findChild(QComboBox, "severity"), "一般投诉")
    pick(form.findChild(QComboBox, "category"), "其他")
    type_text(qtbot, name, "李明")
    type_text(qtbot, form.findChild(QLineEdit, "complainant_phone"), "010-65123456")
    from gui_helpers import edit_cell

    from desktop.ui.item_table_editor import ItemTableEditor

    table = form.findChild(ItemTableEditor, "items").table
    for col, text in enumerate(["84 消毒液", "桶装", "5", "桶", "SH260101"]):
        edit_cell(qtbot, table, 0, col, text)
    from PySide6.QtWidgets import QPlainTextEdit

    type_text(qtbot, form.findChild(QPlainTextEdit, "reason"), "稀释后气味偏淡。")
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=3000)
    assert not any(lbl.isVisible() for lbl in form.findChildren(QLabel) if lbl.objectName().endswith("_error"))


def test_the_toolbars_new_names_what_it_makes_for_the_tab_in_view(qtbot, window) -> None:
    """Issue 14: on 承诺书 or 首页 the toolbar's 新建 no longer makes the last register's kind."""
    window.tabs.setCurrentWidget(window.registers["use-record"])
    assert window.act_new.text() == "新建使用记录"
    window.tabs.setCurrentWidget(window.letter)
    assert window.act_new.text() == "新建投诉"
    window.act_new.trigger()
    assert window.current_form().kind == "complaint"
    window.tabs.setCurrentWidget(window.registers["followup"])
    assert window.act_new.text() == "新建回访"
    window.tabs.setCurrentWidget(window.home)
    assert window.act_new.text() == "新建投诉"
