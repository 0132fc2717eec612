"""Every field of every form, typed into the real widgets, saved, closed and reopened.

Driven by the form specifications: a field or a form added to ``SPECS`` is covered here without a
change, and a field whose widget, storage or loading is wrong fails by its kind and key.  The values
are those of ``example KIND`` (valid together), with markup characters added to every long text.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY
from gui_helpers import edit_cell, pick, replace_text, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QPushButton, QToolButton

from desktop.domain.fields import FieldType, FormSpec, format_value, parse_value
from desktop.domain.forms import SPECS, WORKFLOWS
from desktop.services.demo import example_object
from desktop.ui.item_table_editor import ItemTableEditor
from desktop.ui.photo_list import PhotoListEditor
from desktop.ui.score_editor import ScoreEditor
from desktop.ui.texts import tr_field

pytestmark = pytest.mark.gui


def _example(spec: FormSpec) -> dict:
    obj = example_object(spec.kind, TODAY)
    # Some dates of an example may be today; move every date back a few days, keeping their order.
    for f in spec.fields():
        if f.type is FieldType.DATE and obj.get(f.key):
            obj[f.key] = (dt.date.fromisoformat(obj[f.key]) - dt.timedelta(days=3)).isoformat()
    for f in spec.fields():
        if f.type is FieldType.LONGTEXT and obj.get(f.key):
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
    elif f.type is FieldType.SCORE:
        editor = form.findChild(ScoreEditor, f.key)
        form.scroll.ensureWidgetVisible(editor)
        qtbot.mouseClick(editor.findChild(QToolButton, f"{f.key}_{value}"), Qt.MouseButton.LeftButton)
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
    if f.type is FieldType.SCORE:
        editor = form.findChild(ScoreEditor, f.key)
        checked = [b.text() for b in editor.buttons.values() if b.isChecked()]
        return "".join(checked)
    return form.findChild(QLineEdit, f.key).text()


def _cell_text(col, value) -> str:
    text = format_value(col, parse_value(col, value))
    return tr_field(text) if col.choices else text


@pytest.mark.parametrize("kind", list(SPECS))
def test_every_field_survives_save_close_and_reopen(qtbot, window, service, dialogs, png_file, kind) -> None:
    spec = SPECS[kind]
    obj = _example(spec)
    window.new_actions[kind].trigger()
    form = window.current_form()
    assert form.kind == kind and form.record is None
    fields = [f for f in spec.fields() if not f.read_only and obj.get(f.key) is not None]
    typed = [f for f in spec.fields() if not f.read_only and not f.computed]
    assert len(fields) >= len(typed) - 1, "the example leaves fields empty"
    for f in fields:
        _set(qtbot, form, f, obj[f.key])

    for t in spec.tables():
        table = form.findChild(ItemTableEditor, t.key).table
        for i, row in enumerate(obj.get(t.key, [])):
            if i >= table.rowCount():
                qtbot.mouseClick(form.findChild(QPushButton, f"{t.key}_add"), Qt.MouseButton.LeftButton)
            for col_index, col in enumerate(t.columns):
                if row.get(col.key) is not None:
                    edit_cell(qtbot, table, i, col_index, _cell_text(col, row[col.key]))

    for p in spec.photo_lists():
        dialogs.open_files = [str(png_file(f"{p.key}一.png")), str(png_file(f"{p.key}二.png", stripe=9))]
        qtbot.mouseClick(form.findChild(QPushButton, f"{p.key}_add"), Qt.MouseButton.LeftButton)

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.message_bar.text()
    record_id = form.record.id
    assert form.record.number.startswith(spec.number_prefix)

    stored = service.get(kind, record_id)
    derived, _issues = service.validate(kind, obj)  # computed fields as a save works them out
    for f in fields:
        assert stored.values.fields[f.key] == parse_value(f, obj[f.key]), f.key
    # A step's reason (重新打开原因, 作废原因) is computed too, but written by its step, not at a save.
    reasons = {t.reason for t in WORKFLOWS[kind].transitions if t.reason}
    for f in (f for f in spec.fields() if f.computed and f.key not in reasons):
        assert stored.values.fields[f.key] == derived.fields[f.key] is not None, f.key
    for t in spec.tables():
        expected = [{col.key: derived.tables[t.key][i][col.key] if col.computed else parse_value(col, row.get(col.key))
                     for col in t.columns}
                    for i, row in enumerate(obj.get(t.key, []))]
        assert stored.values.tables[t.key] == expected, t.key
    for p in spec.photo_lists():
        assert [ph.filename for ph in stored.values.photos[p.key]] == [f"{p.key}一.png", f"{p.key}二.png"]

    window.close_current_tab()
    assert window.current_form() is None and dialogs.seen == []
    again = window.open_record(kind, record_id)
    for f in fields:
        expected = format_value(f, parse_value(f, obj[f.key]))
        assert _shown(again, f) == (tr_field(expected) if f.type is FieldType.CHOICE else expected), f.key
    for t in spec.tables():
        table = again.findChild(ItemTableEditor, t.key).table
        rows = obj.get(t.key, [])
        assert table.rowCount() >= len(rows)
        for i, row in enumerate(rows):
            for col_index, col in enumerate(t.columns):
                if row.get(col.key) is not None:
                    assert table.item(i, col_index).text() == _cell_text(col, row[col.key]), (t.key, i, col.key)
    for p in spec.photo_lists():
        assert again.findChild(PhotoListEditor, p.key).list.count() == 2
    assert not again.is_dirty
