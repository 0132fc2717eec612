"""Every field of the complaint sheet, typed into the real widgets, saved, closed and reopened.

Driven by the form specification: a field added to the spec is covered here without a change,
and a field whose widget, storage or loading is wrong fails by its key.  The values are those of
``example complaint`` (valid together), with markup characters added to every long text.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY
from gui_helpers import edit_cell, pick, replace_text, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QPushButton

from desktop.domain import complaint as c
from desktop.domain.fields import FieldType, format_value, parse_value
from desktop.services.demo import example_object
from desktop.ui.item_table_editor import ItemTableEditor
from desktop.ui.photo_list import PhotoListEditor
from desktop.ui.texts import tr_field

pytestmark = pytest.mark.gui
SPEC = c.SPEC


def _example() -> dict:
    obj = example_object("complaint", TODAY)
    # The example is made for today; the tests' today is earlier, so move every date back with it.
    for f in SPEC.fields():
        if f.type is FieldType.DATE and obj.get(f.key):
            obj[f.key] = (dt.date.fromisoformat(obj[f.key]) - dt.timedelta(days=3)).isoformat()
    for f in SPEC.fields():
        if f.type is FieldType.LONGTEXT:
            obj[f.key] = obj[f.key] + " <b>&amp; 原样"
    return obj


def _set(qtbot, form, f, value) -> None:
    text = format_value(f, parse_value(f, value))
    if f.type is FieldType.CHOICE:
        pick(form.findChild(QComboBox, f.key), tr_field(text))
    elif f.type is FieldType.BOOL:
        box = form.findChild(QCheckBox, f.key)
        if box.isChecked() != bool(value):
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().topLeft() + box.rect().center() / 4)
            if box.isChecked() != bool(value):  # the click landed on the label's text
                box.click()
    elif f.type is FieldType.LONGTEXT:
        edit = form.findChild(QPlainTextEdit, f.key)
        edit.clear()
        type_text(qtbot, edit, text)
    else:
        replace_text(qtbot, form.findChild(QLineEdit, f.key), text)


def _shown(form, f) -> str:
    if f.type is FieldType.CHOICE:
        return form.findChild(QComboBox, f.key).currentText()
    if f.type is FieldType.BOOL:
        return "是" if form.findChild(QCheckBox, f.key).isChecked() else "否"
    if f.type is FieldType.LONGTEXT:
        return form.findChild(QPlainTextEdit, f.key).toPlainText()
    return form.findChild(QLineEdit, f.key).text()


def test_every_field_survives_save_close_and_reopen(qtbot, window, service, dialogs, png_file) -> None:
    obj = _example()
    window.act_new.trigger()
    form = window.current_form()
    fields = [f for f in SPEC.fields() if not f.read_only]
    for f in fields:
        _set(qtbot, form, f, obj[f.key])

    items = form.findChild(ItemTableEditor, "items")
    table = items.table
    for i, row in enumerate(obj["items"]):
        if i >= table.rowCount():
            qtbot.mouseClick(form.findChild(QPushButton, "items_add"), Qt.MouseButton.LeftButton)
        for col_index, col in enumerate(SPEC.element("items").columns):
            text = format_value(col, parse_value(col, row[col.key]))
            edit_cell(qtbot, table, i, col_index, tr_field(text) if col.choices else text)

    dialogs.open_files = [str(png_file("现场一.png")), str(png_file("现场二.png", stripe=9))]
    qtbot.mouseClick(form.findChild(QPushButton, "photos_add"), Qt.MouseButton.LeftButton)

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.message_bar.text()
    record_id = form.record.id

    stored = service.get("complaint", record_id)
    for f in fields:
        assert stored.values.fields[f.key] == parse_value(f, obj[f.key]), f.key
    expected_items = [{col.key: parse_value(col, row.get(col.key)) for col in SPEC.element("items").columns}
                      for row in obj["items"]]
    assert stored.values.tables["items"] == expected_items
    assert [p.filename for p in stored.values.photos["photos"]] == ["现场一.png", "现场二.png"]

    window.close_current_tab()
    assert window.current_form() is None and dialogs.seen == []
    again = window.open_record(record_id)
    for f in fields:
        expected = format_value(f, parse_value(f, obj[f.key]))
        assert _shown(again, f) == (tr_field(expected) if f.type is FieldType.CHOICE else expected), f.key
    table = again.findChild(ItemTableEditor, "items").table
    assert table.rowCount() >= len(obj["items"])
    for i, row in enumerate(obj["items"]):
        for col_index, col in enumerate(SPEC.element("items").columns):
            text = format_value(col, parse_value(col, row[col.key]))
            assert table.item(i, col_index).text() == (tr_field(text) if col.choices else text), (i, col.key)
    assert again.findChild(PhotoListEditor, "photos").list.count() == 2
    assert not again.is_dirty
