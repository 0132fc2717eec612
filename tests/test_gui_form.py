"""The complaint form, driven as a clerk drives it: type, pick, add a line, attach a photo, save."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import STAFF, TODAY
from gui_helpers import edit_cell, leave, pick, replace_text, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.domain import complaint as c
from desktop.domain.fields import FieldType
from desktop.domain.forms import SPECS
from desktop.ui.form_view import FormView
from desktop.ui.item_table_editor import ItemTableEditor
from desktop.ui.photo_list import PhotoListEditor
from desktop.ui.score_editor import ScoreEditor

pytestmark = pytest.mark.gui


def w(form: FormView, cls: type, key: str):
    """The widget named ``key`` (every input's objectName is its field key)."""
    found = form.findChild(cls, key)
    assert found is not None, f"no {cls.__name__} named {key!r}"
    return found


def fill_valid_complaint(qtbot, form: FormView) -> None:
    pick(w(form, QComboBox, "channel"), "电话")
    pick(w(form, QComboBox, "severity"), "严重投诉")
    pick(w(form, QComboBox, "category"), "使用中质量问题")
    type_text(qtbot, w(form, QLineEdit, "complainant_unit"), "北京市朝阳区第三医院")
    type_text(qtbot, w(form, QLineEdit, "complainant_name"), "李明")
    type_text(qtbot, w(form, QLineEdit, "complainant_phone"), "010-65123456")
    type_text(qtbot, w(form, QLineEdit, "complainant_address"), "北京市朝阳区工体南路 8 号")
    type_text(qtbot, w(form, QPlainTextEdit, "reason"), "上月购入 84 消毒液 5 桶，按 1:100 稀释后气味明显偏淡。")
    table = w(form, ItemTableEditor, "items").table
    edit_cell(qtbot, table, 0, 0, "84 消毒液（有效氯 5%）")
    edit_cell(qtbot, table, 0, 1, "桶装")
    edit_cell(qtbot, table, 0, 2, "5")
    edit_cell(qtbot, table, 0, 3, "桶")
    edit_cell(qtbot, table, 0, 4, "SH260101")
    edit_cell(qtbot, table, 0, 5, "政府采购平台")


def test_new_complaint_is_typed_saved_closed_and_reopened(qtbot, window, service, dialogs, png_file) -> None:
    window.act_new.trigger()
    form = window.current_form()
    assert isinstance(form, FormView) and form.record is None
    # Defaults of a new complaint: today, the clerk from the settings, one empty product line.
    assert w(form, QLineEdit, "received_date").text() == TODAY.isoformat()
    assert w(form, QLineEdit, "receiver").text() == STAFF
    assert w(form, ItemTableEditor, "items").table.rowCount() == 1
    assert not form.is_dirty

    fill_valid_complaint(qtbot, form)
    assert form.is_dirty
    assert window.isWindowModified()
    assert window.tabs.tabText(window.tabs.currentIndex()).endswith("*")

    # A second product line with the add button.
    items = w(form, ItemTableEditor, "items")
    qtbot.mouseClick(w(form, QPushButton, "items_add"), Qt.MouseButton.LeftButton)
    assert items.table.rowCount() == 2
    for col, text in enumerate(["75% 乙醇消毒液", "瓶装", "12", "瓶", "YC250507"]):
        edit_cell(qtbot, items.table, 1, col, text)

    # A photo, through the file dialog.
    photo_path = png_file("渗漏.png")
    dialogs.open_files = [str(photo_path)]
    photos = w(form, PhotoListEditor, "photos")
    qtbot.mouseClick(w(form, QPushButton, "photos_add"), Qt.MouseButton.LeftButton)
    assert photos.list.count() == 1
    assert photos.list.item(0).text() == "渗漏.png"

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.message_bar.text()
    number = form.record.number
    assert number == f"TS-{TODAY.year}-T1-0001"
    assert not form.is_dirty and not window.isWindowModified()
    assert window.tabs.tabText(window.tabs.currentIndex()) == number
    assert w(form, QLabel, "number").text() == number
    assert form.status_badge.text() == "已登记"

    stored = service.get("complaint", form.record.id)
    f = stored.values.fields
    assert stored.status == c.REGISTERED
    assert f["received_date"] == TODAY
    assert f["channel"] == "电话" and f["severity"] == "严重投诉" and f["category"] == "使用中质量问题"
    assert f["complainant_unit"] == "北京市朝阳区第三医院"
    assert f["complainant_phone"] == "010-65123456"
    assert f["reason"].startswith("上月购入 84 消毒液")
    assert f["receiver"] == STAFF
    rows = stored.values.tables["items"]
    assert [(r["product_name"], r["packaging"], r["quantity"], r["unit"], r["batch_no"]) for r in rows] == [
        ("84 消毒液（有效氯 5%）", "桶装", Decimal(5), "桶", "SH260101"),
        ("75% 乙醇消毒液", "瓶装", Decimal(12), "瓶", "YC250507"),
    ]
    assert [p.filename for p in stored.values.photos["photos"]] == ["渗漏.png"]
    assert service.photo_bytes(stored.values.photos["photos"][0].sha256) == photo_path.read_bytes()
    assert [e.to_status for e in stored.events] == [c.REGISTERED]

    # The register shows it; close the tab (nothing unsaved: no question) and reopen it from there.
    qtbot.waitUntil(lambda: window.register.proxy.rowCount() == 1)
    window.close_current_tab()
    assert window.current_form() is None and dialogs.seen == []
    view = window.register.view
    from gui_helpers import double_click_row

    double_click_row(qtbot, view, 0)
    again = window.current_form()
    assert again is not None and again is not form and again.record.number == number
    assert w(again, QComboBox, "category").currentText() == "使用中质量问题"
    assert w(again, QLineEdit, "complainant_phone").text() == "010-65123456"
    assert w(again, QPlainTextEdit, "reason").toPlainText().startswith("上月购入")
    table = w(again, ItemTableEditor, "items").table
    assert table.rowCount() == 2
    assert table.item(0, 2).text() == "5" and table.item(1, 4).text() == "YC250507"
    assert w(again, PhotoListEditor, "photos").list.count() == 1
    assert again.history.rowCount() == 1
    assert not again.is_dirty


@pytest.mark.parametrize("kind", list(SPECS))
def test_every_input_is_named_by_its_key_and_labelled_in_chinese(window, kind) -> None:
    form = window.new_record(kind)
    spec = form.spec
    for f in spec.fields():
        widget = form.findChild(QWidget, f.key)
        assert widget is not None, f.key
        assert widget.accessibleName() == f.label
        if f.required and not f.read_only:
            label = form.findChild(QLabel, f"{f.key}_label")
            assert "*" in label.text() and f.label in label.text()
        if f.type is FieldType.BOOL:
            assert isinstance(widget, QCheckBox)
        if f.type is FieldType.SCORE:
            assert isinstance(widget, ScoreEditor)
    for element in [*spec.tables(), *spec.photo_lists()]:
        assert form.findChild(QWidget, element.key).accessibleName() == spec.label_of(element.key)
    assert isinstance(form.findChild(QWidget, "number"), QLabel)
    # The clerk and today are filled in; the cursor waits in the first empty field.
    assert form.findChild(QLineEdit, spec.date_field).text() == TODAY.isoformat()
    assert form.findChild(QLineEdit, spec.staff_field).text() == STAFF
    assert window.tabs.tabText(window.tabs.currentIndex()) == f"新{spec.short_title}"


def test_bad_input_is_refused_with_messages_beside_the_fields(qtbot, window, service) -> None:
    form = window.new_record("complaint")
    fill_valid_complaint(qtbot, form)
    replace_text(qtbot, w(form, QLineEdit, "received_date"), "2026-02-30")
    w(form, QLineEdit, "complainant_unit").clear()
    replace_text(qtbot, w(form, QLineEdit, "complainant_phone"), "12345")
    table = w(form, ItemTableEditor, "items").table
    edit_cell(qtbot, table, 0, 2, "-3")
    edit_cell(qtbot, table, 0, 3, "")  # the unit: back to the empty entry

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert form.record is None and form.is_dirty
    assert service.count("complaint") == 0

    def error(key: str) -> QLabel:
        label = w(form, QLabel, f"{key}_error")
        assert label.isVisible(), key
        return label

    assert error("received_date").text() == "日期无效：2026 年 2 月没有 30 日"
    assert error("complainant_unit").text() == "必填"
    assert error("complainant_phone").text().startswith("不是有效的电话号码")
    assert error("items").text().splitlines() == ["第 1 行 投诉量：应大于 0", "第 1 行 单位：必填"]
    assert w(form, QLineEdit, "received_date").property("invalid") is True
    assert table.item(0, 2).toolTip() == "应大于 0"
    assert not w(form, QLabel, "receiver_error").isVisible()
    assert "未保存" in form.message_bar.text() and form.message_bar.isVisible()
    # The first issue in form order gets the focus (scrolled into view).
    qtbot.waitUntil(lambda: w(form, QLineEdit, "received_date").hasFocus())

    # Put it right: the messages go and the complaint is stored.
    replace_text(qtbot, w(form, QLineEdit, "received_date"), "2026/3/15")
    type_text(qtbot, w(form, QLineEdit, "complainant_unit"), "北京市朝阳区第三医院")
    replace_text(qtbot, w(form, QLineEdit, "complainant_phone"), "13812345678")
    edit_cell(qtbot, table, 0, 2, "3")
    edit_cell(qtbot, table, 0, 3, "桶")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.message_bar.text()
    assert not w(form, QLabel, "received_date_error").isVisible()
    assert service.get("complaint", form.record.id).values.fields["received_date"] == dt.date(2026, 3, 15)


def test_a_field_is_checked_when_the_clerk_leaves_it(qtbot, window) -> None:
    form = window.new_record("complaint")
    phone = w(form, QLineEdit, "complainant_phone")
    phone_error = w(form, QLabel, "complainant_phone_error")
    type_text(qtbot, phone, "12345")
    leave(qtbot, phone)
    qtbot.waitUntil(phone_error.isVisible)
    assert phone_error.text().startswith("不是有效的电话号码")
    replace_text(qtbot, phone, "021-64370045")
    leave(qtbot, phone)
    qtbot.waitUntil(lambda: not phone_error.isVisible())

    # Passing over an empty required field says nothing yet (that is for 保存).
    unit = w(form, QLineEdit, "complainant_unit")
    leave(qtbot, unit)
    assert not w(form, QLabel, "complainant_unit_error").isVisible()

    # A date in the future is refused as soon as it is typed.
    date = w(form, QLineEdit, "received_date")
    replace_text(qtbot, date, "20990101")
    leave(qtbot, date)
    qtbot.waitUntil(w(form, QLabel, "received_date_error").isVisible)
    assert "不能晚于今天" in w(form, QLabel, "received_date_error").text()
    assert date.text() == "2099-01-01"  # compact input shown the one way


def test_dates_can_be_typed_many_ways_picked_from_a_calendar_or_left_empty(qtbot, window, service) -> None:
    form = window.new_record("complaint")
    fill_valid_complaint(qtbot, form)
    replace_text(qtbot, w(form, QLineEdit, "received_date"), "2026-3-10")
    inv = w(form, QLineEdit, "investigation_date")
    assert inv.text() == "" and inv.placeholderText()
    inv.calendar_action.trigger()
    calendar = inv.calendar
    assert calendar is not None and calendar.isVisible()
    from PySide6.QtCore import QDate

    calendar.clicked.emit(QDate(2026, 3, 18))
    assert inv.text() == "2026-03-18" and inv.calendar is None
    replace_text(qtbot, inv, "2026年3月19日")
    leave(qtbot, inv)
    assert inv.text() == "2026-03-19"
    assert form.save(), form.message_bar.text()
    assert service.get("complaint", form.record.id).values.fields["investigation_date"] == dt.date(2026, 3, 19)
    # Emptied again: an optional date may be empty.
    replace_text(qtbot, inv, "")
    assert form.is_dirty
    assert form.save(), form.message_bar.text()
    assert service.get("complaint", form.record.id).values.fields["investigation_date"] is None


def test_unsaved_changes_are_asked_about_on_close(qtbot, demo_window, demo_ctx, dialogs) -> None:
    window, service = demo_window, demo_ctx.records
    row = next(r for r in service.search("complaint") if r.status == c.REGISTERED)
    form = window.open_record("complaint", row.id)
    address = w(form, QLineEdit, "complainant_address")
    before = address.text()
    address.setFocus()
    qtbot.keyClick(address, Qt.Key.Key_End)
    type_text(qtbot, address, "（东门）")
    assert form.is_dirty and window.isWindowModified()
    assert window.windowTitle() == f"{row.number}[*] — 消杀药品售后服务台"  # Qt shows [*] as *

    # 取消: the tab stays, with its changes.
    dialogs.answer(lambda box: box.StandardButton.Cancel)
    window.close_current_tab()
    assert window.current_form() is form and form.is_dirty
    assert set(dialogs.seen[-1]["buttons"].split(",")) == {"保存", "不保存", "取消"}
    assert row.number in dialogs.seen[-1]["text"]

    # 不保存: closed, nothing written.
    dialogs.answer(lambda box: box.StandardButton.Discard)
    window.close_current_tab()
    assert window.current_form() is None
    assert service.get("complaint", row.id).values.fields["complainant_address"] == before

    # 保存: written, then closed.
    form = window.open_record("complaint", row.id)
    address = w(form, QLineEdit, "complainant_address")
    address.setFocus()
    qtbot.keyClick(address, Qt.Key.Key_End)
    type_text(qtbot, address, "（东门）")
    dialogs.answer(lambda box: box.StandardButton.Save)
    window.close_current_tab()
    assert window.current_form() is None
    assert service.get("complaint", row.id).values.fields["complainant_address"] == before + "（东门）"


def test_closing_the_window_asks_about_every_changed_form(qtbot, window, dialogs) -> None:
    form = window.new_record("complaint")
    type_text(qtbot, w(form, QLineEdit, "complainant_name"), "李明")
    dialogs.answer(lambda box: box.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()
    dialogs.answer(lambda box: box.StandardButton.Discard)
    assert window.close()


def test_reopening_an_open_record_brings_its_tab_forward(demo_window, demo_ctx) -> None:
    window = demo_window
    rows = demo_ctx.records.search("complaint")
    first = window.open_record("complaint", rows[0].id)
    second = window.open_record("complaint", rows[1].id)
    assert window.current_form() is second
    count = window.tabs.count()
    assert window.open_record("complaint", rows[0].id) is first
    assert window.current_form() is first and window.tabs.count() == count


def test_photo_double_click_shows_it_larger_and_remove_takes_it_off(qtbot, window, dialogs, png_file) -> None:
    form = window.new_record("complaint")
    photos = w(form, PhotoListEditor, "photos")
    dialogs.open_files = [str(png_file("a.png", 0)), str(png_file("b.png", 9))]
    qtbot.mouseClick(w(form, QPushButton, "photos_add"), Qt.MouseButton.LeftButton)
    assert photos.list.count() == 2
    assert Path(dialogs.file_dialog_calls[0][1][2]).exists()  # starts in an existing folder
    item = photos.list.item(1)
    rect = photos.list.visualItemRect(item)
    qtbot.mouseClick(photos.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(photos.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: photos.viewer.isVisible())
    assert photos.viewer.windowTitle() == "b.png"
    assert not photos.viewer.image.pixmap().isNull()
    photos.viewer.close()
    photos.list.setCurrentRow(0)
    qtbot.mouseClick(w(form, QPushButton, "photos_remove"), Qt.MouseButton.LeftButton)
    assert [p.filename for p in photos.raw()] == ["b.png"]
    assert form.is_dirty


def test_a_file_that_is_not_a_picture_is_refused_in_chinese(qtbot, window, dialogs, tmp_path) -> None:
    form = window.new_record("complaint")
    bad = tmp_path / "说明.txt"
    bad.write_text("not a picture", encoding="utf-8")
    dialogs.open_files = [str(bad)]
    dialogs.answer(lambda box: box.StandardButton.Ok)
    qtbot.mouseClick(w(form, QPushButton, "photos_add"), Qt.MouseButton.LeftButton)
    assert "不是可识别的图片" in dialogs.seen[-1]["text"] + dialogs.seen[-1]["detail"]
    assert w(form, PhotoListEditor, "photos").list.count() == 0
    assert not form.is_dirty


def test_export_pdf_offers_the_number_as_file_name_and_opens_the_file(
    qtbot, demo_window, demo_ctx, dialogs, tmp_path, monkeypatch
) -> None:
    from desktop.services import export

    made: list[tuple[str, Path]] = []

    def fake_export(service, record, target):
        target.write_bytes(b"%PDF-1.4 test")
        made.append((record.number, target))
        return target

    monkeypatch.setattr(export, "export_record", fake_export)
    row = demo_ctx.records.search("complaint")[0]
    form = demo_window.open_record("complaint", row.id)
    dialogs.save_file = str(tmp_path / "out")
    qtbot.mouseClick(form.export_button, Qt.MouseButton.LeftButton)
    name, args = dialogs.file_dialog_calls[-1]
    assert name == "getSaveFileName" and Path(args[2]).name == f"{row.number}.pdf"
    assert made == [(row.number, tmp_path / "out.pdf")]
    assert dialogs.opened_urls and dialogs.opened_urls[0].toLocalFile() == str(tmp_path / "out.pdf")
    assert "已导出" in form.message_bar.text()


def test_export_pdf_for_real(qtbot, demo_window, demo_ctx, dialogs, tmp_path) -> None:
    pytest.importorskip("desktop.documents.form_pdf", reason="the PDF renderer is not there yet")
    row = demo_ctx.records.search("complaint")[0]
    form = demo_window.open_record("complaint", row.id)
    dialogs.save_file = str(tmp_path / f"{row.number}.pdf")
    assert form.export_pdf(), form.message_bar.text()
    assert (tmp_path / f"{row.number}.pdf").read_bytes().startswith(b"%PDF")


def test_ctrl_s_saves_the_current_form(qtbot, window, service) -> None:
    form = window.new_record("complaint")
    fill_valid_complaint(qtbot, form)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    unit = w(form, QLineEdit, "complainant_unit")
    unit.setFocus()
    qtbot.keyClick(unit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.record is not None)
    assert service.count("complaint") == 1 and not form.is_dirty
