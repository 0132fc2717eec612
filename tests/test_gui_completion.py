"""Completion in the forms (issue 6): a unit found by its pinyin initials fills the complaint's
contact, phone and address; product names fill their row; the batch line says whether the batch
had expired when it was used."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY
from gui_helpers import edit_cell, leave, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.ui.item_table_editor import ItemTableEditor

pytestmark = pytest.mark.gui


def add_customer(service, name: str, phone: str, address: str, contacts: list[tuple[str, str, bool]]):
    return service.create("customer", {
        "name": name, "phone": phone, "address": address, "registered_date": "2026-01-05",
        "contacts": [{"name": n, "phone": p, "primary": primary, "post": "后勤科"} for n, p, primary in contacts],
    }).record


def add_delivery(service, unit: str, product: str, batch: str, delivered: dt.date, months: int = 12):
    return service.create("delivery", {
        "customer_unit": unit, "delivery_date": delivered.isoformat(), "product_name": product,
        "batch_no": batch, "quantity": "10", "unit": "瓶", "shelf_life_months": str(months),
    }).record


def add_product(service, name: str) -> None:
    service.create("product", {
        "name": name, "category": "消毒剂", "active_ingredient": "乙醇", "packaging": "瓶装", "unit": "瓶",
        "registration_no": "苏卫消证字（2022）第 0108 号", "shelf_life_months": "12", "registered_date": "2026-01-05",
    })


@pytest.fixture
def registers(service):
    add_customer(service, "北京第一医院", "010-88881234", "北京市西城区示例路 1 号",
                 [("王后勤", "13900001111", False), ("李院感", "13900002222", True)])
    add_customer(service, "北京第二医院", "010-77770000", "北京市东城区示例路 2 号", [("赵总务", "13700003333", True)])
    add_customer(service, "重庆市第三中学", "023-66554433", "重庆市渝中区示例路 3 号", [("钱老师", "13600004444", True)])
    add_product(service, "75% 乙醇消毒液")
    return service


def new_form(window, kind: str):
    form = window.new_record(kind)
    assert form is not None
    return form


def test_initials_find_the_unit_and_picking_it_fills_contact_phone_and_address(qtbot, window, registers) -> None:
    form = new_form(window, "complaint")
    unit = form.findChild(QLineEdit, "complainant_unit")
    suggestions = form.completion.suggestions["complainant_unit"]
    type_text(qtbot, unit, "bjdyyy")
    popup = suggestions.popup()
    qtbot.waitUntil(popup.isVisible)
    assert suggestions.suggestions()[0].value == "北京第一医院"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert unit.text() == "北京第一医院"
    assert not popup.isVisible()
    # The primary contact (not the first one) and their phone; the unit's address.
    assert form.findChild(QLineEdit, "complainant_name").text() == "李院感"
    assert form.findChild(QLineEdit, "complainant_phone").text() == "13900002222"
    assert form.findChild(QLineEdit, "complainant_address").text() == "北京市西城区示例路 1 号"
    assert form.is_dirty
    assert form.raw()["complainant_phone"] == "13900002222"


def test_filling_keeps_what_the_clerk_typed_and_contacts_complete_with_their_phone(qtbot, window, registers) -> None:
    form = new_form(window, "service-report")
    phone = form.findChild(QLineEdit, "contact_phone")
    type_text(qtbot, phone, "010-12345678")
    unit = form.findChild(QLineEdit, "customer_unit")
    type_text(qtbot, unit, "北京第一")
    suggestions = form.completion.suggestions["customer_unit"]
    assert suggestions.suggestions()[0].value == "北京第一医院"
    suggestions.choose(0)
    assert phone.text() == "010-12345678"  # not overwritten
    assert form.findChild(QLineEdit, "customer_address").text() == "北京市西城区示例路 1 号"
    # The contact field offers that unit's contacts; choosing one fills an empty phone only.
    name = form.findChild(QLineEdit, "contact_name")
    name.clear()
    phone.clear()
    type_text(qtbot, name, "王")
    contacts = form.completion.suggestions["contact_name"]
    assert [s.value for s in contacts.suggestions()] == ["王后勤"]
    contacts.choose(0)
    assert name.text() == "王后勤"
    assert phone.text() == "13900001111"


def test_phone_digits_and_polyphonic_initials_find_units(qtbot, window, registers) -> None:
    form = new_form(window, "return-request")
    unit = form.findChild(QLineEdit, "customer_unit")
    suggestions = form.completion.suggestions["customer_unit"]
    type_text(qtbot, unit, "13700003333")
    assert [s.value for s in suggestions.suggestions()] == ["北京第二医院"]
    unit.clear()
    type_text(qtbot, unit, "cqsd")  # 重庆 read chong qing
    assert [s.value for s in suggestions.suggestions()] == ["重庆市第三中学"]


def test_product_completion_in_the_items_fills_the_row(qtbot, window, registers) -> None:
    form = new_form(window, "complaint")
    table = form.findChild(ItemTableEditor, "items").table
    keys = [c.key for c in form.tables["items"].spec.columns]
    table.setFocus()
    table.setCurrentCell(0, keys.index("product_name"))
    table.editItem(table.item(0, keys.index("product_name")))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_text(qtbot, editor, "yc")  # 乙醇 initials
    suggestions = editor.property("suggestions")
    assert [s.value for s in suggestions.suggestions()] == ["75% 乙醇消毒液"]
    suggestions.choose(0)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    rows = form.tables["items"].raw()
    assert rows[0]["product_name"] == "75% 乙醇消毒液"
    assert rows[0]["unit"] == "瓶" and rows[0]["packaging"] == "瓶装"
    assert form.is_dirty


def test_expired_batch_is_red_under_the_items(qtbot, window, registers) -> None:
    # Delivered 2025-03-01 with 12 months: usable to 2026-02-28; used 2026-03-12 → 12 days over.
    add_delivery(registers, "北京第一医院", "75% 乙醇消毒液", "HL250301", dt.date(2025, 3, 1))
    add_delivery(registers, "北京第一医院", "75% 乙醇消毒液", "HL250412", dt.date(2025, 4, 12))
    form = new_form(window, "complaint")
    type_text(qtbot, form.findChild(QLineEdit, "complainant_unit"), "北京第一医院")
    table = form.tables["items"].table
    keys = [c.key for c in form.tables["items"].spec.columns]
    edit_cell(qtbot, table, 0, keys.index("product_name"), "75% 乙醇消毒液")
    edit_cell(qtbot, table, 0, keys.index("batch_no"), "HL250301")
    edit_cell(qtbot, table, 0, keys.index("use_date"), "2026-03-12")
    form.tables["items"].add_row()
    edit_cell(qtbot, table, 1, keys.index("product_name"), "75% 乙醇消毒液")
    edit_cell(qtbot, table, 1, keys.index("batch_no"), "HL250412")
    form.tables["items"].add_row()
    edit_cell(qtbot, table, 2, keys.index("product_name"), "75% 乙醇消毒液")
    edit_cell(qtbot, table, 2, keys.index("batch_no"), "XX999")
    panel = form.expiry_panel
    qtbot.waitUntil(lambda: len(panel.labels) == 3)
    expired, valid, unknown = panel.labels
    assert expired.text() == "批号 HL250301：有效期至 2026-02-28，使用时（2026-03-12）已过期 12 天"
    assert expired.property("tone") == "expired" and "#c62828" in expired.styleSheet()
    # No use date: judged on the complaint's date (today, 2026-03-20).
    assert valid.text() == f"批号 HL250412：有效期至 2026-04-11，投诉登记时（{TODAY.isoformat()}）未过期"
    assert valid.property("tone") == "valid" and "#c62828" not in valid.styleSheet()
    assert unknown.text() == "批号 XX999：发货记录中没有此批号"
    assert unknown.property("tone") == "unknown"
    # The panel sits right under the product table, not at the foot of the form.
    assert panel.parentWidget() is form.cells["items"]
    # A product name typed out in full filled its row as choosing it would.
    rows = form.tables["items"].raw()
    assert (rows[0]["unit"], rows[0]["packaging"]) == ("瓶", "瓶装")
    # The batch line follows the use date.
    edit_cell(qtbot, table, 0, keys.index("use_date"), "2026-02-28")
    qtbot.waitUntil(lambda: "未过期" in panel.labels[0].text())
    assert panel.labels[0].text() == "批号 HL250301：有效期至 2026-02-28，使用时（2026-02-28）未过期"
    assert panel.labels[0].property("tone") == "valid"


def test_a_unit_typed_out_in_full_fills_the_form_when_the_field_is_left(qtbot, window, registers) -> None:
    form = new_form(window, "return-request")
    unit = form.findChild(QLineEdit, "customer_unit")
    type_text(qtbot, unit, "重庆市第三中学")
    leave(qtbot, unit)
    assert form.findChild(QLineEdit, "contact_name").text() == "钱老师"
    assert form.findChild(QLineEdit, "contact_phone").text() == "13600004444"
    assert form.findChild(QLineEdit, "customer_address").text() == "重庆市渝中区示例路 3 号"


def test_batch_completion_offers_the_customers_deliveries(qtbot, window, registers) -> None:
    add_delivery(registers, "北京第一医院", "75% 乙醇消毒液", "HL250412", dt.date(2025, 4, 12))
    add_delivery(registers, "北京第二医院", "75% 乙醇消毒液", "HL250999", dt.date(2025, 9, 9))
    form = new_form(window, "followup")
    type_text(qtbot, form.findChild(QLineEdit, "customer_unit"), "北京第一医院")
    batch = form.findChild(QLineEdit, "batch_no")
    type_text(qtbot, batch, "HL")
    suggestions = form.completion.suggestions["batch_no"]
    assert [s.value for s in suggestions.suggestions()] == ["HL250412"]
    assert "有效期至 2026-04-11" in suggestions.suggestions()[0].text
    suggestions.choose(0)
    assert form.findChild(QLineEdit, "product_name").text() == "75% 乙醇消毒液"


def test_a_second_customer_of_the_same_unit_is_refused_beside_the_name(qtbot, window, registers) -> None:
    form = new_form(window, "customer")
    assert not hasattr(form, "completion")  # the register itself does not complete its own name
    type_text(qtbot, form.findChild(QLineEdit, "name"), "北京第一医院")
    assert not form.save()
    error = form.cells["name"].error
    assert error.isVisible()
    assert error.text().startswith("客户档案中已有同名单位（KH-2026-T1-")
    assert registers.count("customer") == 3


def test_tabbing_through_a_saved_records_unit_fills_nothing(qtbot, window, registers) -> None:
    from support import raw_complaint

    rec = registers.create("complaint", raw_complaint(received_date="2026-03-18", complainant_unit="北京第一医院",
                                                      complainant_address="")).record
    form = window.open_record("complaint", rec.id)
    assert form is not None and not form.is_dirty
    unit = form.findChild(QLineEdit, "complainant_unit")
    unit.setFocus()
    leave(qtbot, unit)
    assert form.findChild(QLineEdit, "complainant_address").text() == ""
    assert not form.is_dirty
    # The saved expiry line is there at once: the batch is not in the deliveries.
    assert form.expiry_panel.texts() == ["批号 SH250301：发货记录中没有此批号"]
