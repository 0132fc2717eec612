"""The hotline desk as a clerk uses it with the phone at the ear (issue 6, 保障单): find the unit by
its pinyin initials, check the caller, record a new contact, the issue, see the deadlines, assign
and save; then follow the ticket up in its form and turn it into a complaint."""

from __future__ import annotations

from typing import Any

from conftest import STAFF, TODAY
from gui_helpers import edit_cell, pick, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton

from desktop.domain import ticket as tk
from desktop.ui.form_view import FormView
from desktop.ui.item_table_editor import ItemTableEditor
from desktop.ui.register_table_model import ID_ROLE
from desktop.ui.row_tones import BACKGROUNDS
from desktop.ui.ticket_desk import TicketDesk


def make_customer(service: Any) -> Any:
    return service.create("customer", {
        "name": "北京第一医院", "phone": "010-66778899", "address": "北京市西城区示例路 8 号", "sales_rep": "赵销售",
        "registered_date": TODAY.isoformat(),
        "contacts": [{"name": "李护士长", "post": "感染科", "phone": "13812345678", "primary": True}],
    }).record


def open_desk(qtbot: Any, window: Any) -> TicketDesk:
    window.act_ticket_desk.trigger()
    desk = window.ticket_desk
    assert isinstance(desk, TicketDesk) and window.tabs.currentWidget() is desk
    assert window.act_ticket_desk.shortcut().toString() == "F2"
    return desk


def test_a_call_taken_on_the_desk_from_the_unit_to_the_saved_ticket(qtbot, window, service, dialogs) -> None:
    customer = make_customer(service)
    service.create("customer", {"name": "北京第二医院", "registered_date": TODAY.isoformat()})
    desk = open_desk(qtbot, window)
    assert desk.search.hasFocus()
    # The call's time is now (the service clock: 09:30), the clerk from the settings.
    assert desk.editors["call_date"].raw() == TODAY.isoformat()
    assert desk.editors["call_time"].raw() == "09:30"
    assert desk.editors["receiver"].raw() == STAFF

    # ① The unit: its pinyin initials, the results as typed, Enter picks the first one.
    qtbot.keyClicks(desk.search, "bjdyyy")
    qtbot.waitUntil(lambda: desk.results.count() > 0)
    assert desk.results.item(0).text().startswith("北京第一医院")
    assert desk.results.count() == 1  # 北京第二医院 is bjdeyy
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    assert desk.customer is not None and desk.customer.id == customer.id
    assert "北京第一医院" in desk.chosen.text() and customer.number in desk.chosen.text()
    assert desk.editors["sales_person"].raw() == "赵销售"  # the unit's sales rep, by default

    # ② The caller: the contacts on file, then the new-contact line; Enter picks.
    assert desk.contacts.hasFocus()
    assert [desk.contacts.item(i).text() for i in range(desk.contacts.count())] == [
        "李护士长　感染科　13812345678（主要联系人）", "＋ 不在档案中：新联系人（在下方填写）"]
    qtbot.keyClick(desk.contacts, Qt.Key.Key_Return)
    assert desk.editors["caller_name"].raw() == "李护士长"
    assert desk.editors["caller_phone"].raw() == "13812345678"
    assert desk.raw()["caller_on_file"] is True
    assert desk.on_file.text() == "✓ 来电人是档案联系人"
    assert desk.editors["issue_type"].hasFocus()
    # It is someone else on the line: a new contact.
    desk.contacts.setFocus()
    qtbot.keyClick(desk.contacts, Qt.Key.Key_Down)
    qtbot.keyClick(desk.contacts, Qt.Key.Key_Return)
    assert desk.editors["caller_name"].raw() == "" and desk.editors["caller_name"].hasFocus()
    type_text(qtbot, desk.editors["caller_name"], "王主任")
    type_text(qtbot, desk.editors["caller_phone"], "13900001111")
    type_text(qtbot, desk.caller_post, "总务科")
    assert desk.raw()["caller_on_file"] is False
    assert desk.on_file.text() == "来电人不在档案中：新联系人" and not desk.add_to_file.isChecked()
    qtbot.mouseClick(desk.add_to_file, Qt.MouseButton.LeftButton)  # the clerk says so (issue 14)
    assert desk.add_to_file.isChecked()

    # ③ The issue; ④ the deadlines follow the issue type at once, the promised call back too.
    pick(desk.editors["issue_type"], "验收数量不足")
    assert "2026-03-20 11:30" in desk.deadline_labels["response_deadline"].text()  # 2 h
    assert "2026-03-21 09:30" in desk.deadline_labels["handling_deadline"].text()  # 24 h
    pick(desk.editors["issue_type"], "使用中质量问题")
    assert "2026-03-22 09:30" in desk.deadline_labels["handling_deadline"].text()  # 48 h
    assert (desk.editors["callback_date"].raw(), desk.editors["callback_time"].raw()) == (TODAY.isoformat(),
                                                                                           "11:30")
    type_text(qtbot, desk.editors["product_name"], "84 消毒液（有效氯 5%）")
    type_text(qtbot, desk.editors["batch_no"], "20260105")
    type_text(qtbot, desk.editors["issue"], "稀释后气味异常，地面发白")
    type_text(qtbot, desk.editors["assigned_staff"], "张工")
    qtbot.mouseClick(desk.editors["sales_informed"], Qt.MouseButton.LeftButton)
    assert desk.is_dirty and window.tabs.tabText(window.tabs.indexOf(desk)).endswith("*")

    # ⑤ Save with Ctrl+S: the ticket, already 已派工, opens as a form; the desk is ready again.
    qtbot.keyClick(desk.editors["issue"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    rows = service.search("ticket")
    assert len(rows) == 1, desk.message_bar.text()
    ticket = service.get("ticket", rows[0].id)
    v = ticket.values.fields
    assert ticket.status == tk.ASSIGNED
    assert (v["customer_unit"], v["customer_number"], v["customer_address"]) == (
        "北京第一医院", customer.number, "北京市西城区示例路 8 号")
    assert (v["caller_name"], v["caller_phone"], v["caller_on_file"]) == ("王主任", "13900001111", False)
    assert (v["response_deadline"], v["handling_deadline"]) == ("2026-03-20 11:30", "2026-03-22 09:30")
    assert (v["assigned_staff"], v["sales_informed"], v["sales_person"]) == ("张工", True, "赵销售")
    contacts = service.get("customer", customer.id).values.tables["contacts"]
    assert [(c["name"], c["post"], c["phone"]) for c in contacts] == [
        ("李护士长", "感染科", "13812345678"), ("王主任", "总务科", "13900001111")]
    form = window.current_form()
    assert isinstance(form, FormView) and form.record.id == ticket.id
    assert desk.customer is None and desk.search.text() == "" and not desk.is_dirty
    assert ticket.number in desk.message_bar.text()
    # The new contact is found on the next call.
    window.act_ticket_desk.trigger()
    qtbot.keyClicks(desk.search, "13900001111")
    qtbot.waitUntil(lambda: desk.results.count() > 0)
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    assert [desk.contacts.item(i).text().split("　")[0] for i in range(desk.contacts.count() - 1)] == [
        "李护士长", "王主任"]


def test_what_is_missing_is_said_beside_each_field_and_nothing_is_saved(qtbot, window, service, dialogs) -> None:
    desk = open_desk(qtbot, window)
    type_text(qtbot, desk.editors["caller_phone"], "12")
    qtbot.mouseClick(desk.save_button, Qt.MouseButton.LeftButton)
    assert service.count("ticket") == 0
    errors = {key: cell.error.text() for key, cell in desk.cells.items() if cell.error.isVisibleTo(desk)}
    assert errors["customer_unit"] == "请在客户档案中选择来电单位，或新建客户"
    assert errors["caller_name"] == "必填" and errors["issue_type"] == "必填" and errors["issue"] == "必填"
    assert "caller_phone" in errors and errors["caller_phone"] != "必填"
    assert desk.search.property("invalid") is True
    assert desk.message_bar.text().startswith("未保存：")
    assert desk.search.hasFocus()


def test_a_unit_not_on_file_is_registered_inline_and_picked(qtbot, window, service, dialogs) -> None:
    desk = open_desk(qtbot, window)
    type_text(qtbot, desk.search, "南京市第三中学")
    desk.search_now()
    assert desk.results.count() == 0 and "没有找到" in desk.results_hint.text()
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)  # nothing found: Enter opens 新建客户
    assert desk.new_customer.isVisibleTo(desk)
    assert desk.customer_editors["name"].raw() == "南京市第三中学"
    assert desk.customer_editors["phone"].hasFocus()
    type_text(qtbot, desk.customer_editors["phone"], "12")
    qtbot.mouseClick(desk.save_customer_button, Qt.MouseButton.LeftButton)
    assert service.count("customer") == 0
    assert desk.customer_cells["phone"].error.isVisibleTo(desk)
    desk.customer_editors["phone"].clear()
    type_text(qtbot, desk.customer_editors["phone"], "025-88990011")
    type_text(qtbot, desk.customer_editors["address"], "南京市鼓楼区北京西路 1 号")
    qtbot.mouseClick(desk.save_customer_button, Qt.MouseButton.LeftButton)
    rows = service.search("customer")
    assert [r["name"] for r in rows] == ["南京市第三中学"]
    assert desk.customer is not None and desk.customer.id == rows[0].id
    assert not desk.new_customer.isVisibleTo(desk)
    assert desk.editors["caller_name"].hasFocus()  # no contacts yet: straight to the caller


def ticket_raw(**over: Any) -> dict[str, Any]:
    raw = {"call_date": TODAY.isoformat(), "call_time": "09:30", "receiver": STAFF, "customer_unit": "北京第一医院",
           "customer_address": "北京市西城区示例路 8 号", "caller_name": "李护士长", "caller_phone": "13812345678",
           "issue_type": "使用中质量问题", "product_name": "84 消毒液（有效氯 5%）", "batch_no": "20260105",
           "issue": "稀释后气味异常"}
    raw.update(over)
    return raw


def test_the_ticket_form_shows_time_left_and_turns_into_a_complaint(qtbot, window, service, dialogs) -> None:
    ticket = service.create("ticket", ticket_raw()).record  # called 09:30 (now): response by 11:30
    form = window.open_record("ticket", ticket.id)
    left = form.findChild(QLabel, "response_deadline_left")
    assert left.text() == "还剩 2 小时" and "#b45309" in left.styleSheet()  # amber: within 2 hours
    handling = form.findChild(QLabel, "handling_deadline_left")
    assert handling.text() == "还剩 2 天" and "#2e7d32" in handling.styleSheet()
    badge = form.findChild(QLabel, "ticket_deadline_badge")
    assert badge.text() == "电话响应时限：还剩 2 小时" and badge.property("state") == "soon"
    assert not form.follow_on_button.isVisible()  # 转为投诉 is the one follow-on

    late = service.create("ticket", ticket_raw(call_time="06:00")).record
    late_form = window.open_record("ticket", late.id)
    left = late_form.findChild(QLabel, "response_deadline_left")
    assert left.text() == "已超时 1 小时 30 分" and "#c62828" in left.styleSheet()
    assert late_form.findChild(QLabel, "ticket_deadline_badge").property("state") == "overdue"

    # 转为投诉: a new complaint, prefilled.
    window.tabs.setCurrentWidget(form)
    qtbot.mouseClick(form.findChild(QPushButton, "ticket_escalate"), Qt.MouseButton.LeftButton)
    complaint = window.current_form()
    assert complaint is not form and complaint.kind == "complaint" and complaint.record is None
    assert complaint.source.id == ticket.id
    assert complaint.findChild(QComboBox, "channel").currentData() == "电话"
    assert complaint.findChild(QComboBox, "category").currentData() == "使用中质量问题"
    for key, value in (("complainant_unit", "北京第一医院"), ("complainant_name", "李护士长"),
                       ("complainant_phone", "13812345678"), ("complainant_address", "北京市西城区示例路 8 号")):
        assert complaint.findChild(QLineEdit, key).text() == value, key
    assert complaint.findChild(QPlainTextEdit, "reason").toPlainText() == "稀释后气味异常"
    table = complaint.findChild(ItemTableEditor, "items")
    assert table.raw()[0]["product_name"] == "84 消毒液（有效氯 5%）" and table.raw()[0]["batch_no"] == "20260105"
    assert service.get("ticket", ticket.id).status == tk.RECEIVED  # nothing happens until it is saved

    pick(complaint.findChild(QComboBox, "severity"), "一般投诉")
    edit_cell(qtbot, table.table, 0, 2, "2")
    edit_cell(qtbot, table.table, 0, 3, "桶")
    assert complaint.save(), complaint.message_bar.text()
    assert service.get("ticket", ticket.id).status == tk.ESCALATED
    # The ticket's form, still open, shows it at once; it cannot be escalated twice.
    assert form.status == tk.ESCALATED and form.read_only
    assert not form.findChild(QPushButton, "ticket_escalate").isEnabled()
    assert form.findChild(QLabel, "response_deadline_left").text() == "已转投诉"
    assert not form.findChild(QLabel, "ticket_deadline_badge").isVisibleTo(form)


def test_tickets_near_or_past_their_deadline_stand_out_in_the_register(qtbot, window, service, dialogs) -> None:
    def answered(**kw):  # called back and assigned: only the handling deadline runs (issue 14)
        made = service.create("ticket", ticket_raw(**kw)).record
        raw = ticket_raw(**kw, assigned_staff="张工", callback_date=kw.get("call_date", "2026-03-20"),
                         callback_time="10:00")
        return service.transition("ticket", made.id, tk.ASSIGNED, raw).record

    late = answered(call_date="2026-03-17", call_time="08:00")  # handling 03-19 08:00
    soon = answered(call_date="2026-03-18", call_time="11:00")  # 03-20 11:00
    fine = answered(call_date="2026-03-20", call_time="09:00")  # 03-22 09:00
    waiting = service.create("ticket", ticket_raw(call_date="2026-03-20", call_time="07:00")).record  # nobody called back
    done = service.create("ticket", ticket_raw(call_date="2026-03-17", call_time="08:00", issue_type="其他")).record
    raw = ticket_raw(call_date="2026-03-17", call_time="08:00", issue_type="其他", assigned_staff="张工",
                     callback_date="2026-03-17", callback_time="10:00")
    service.transition("ticket", done.id, tk.ASSIGNED, raw)
    service.transition("ticket", done.id, tk.DONE, dict(raw, result="已解答", done_date="2026-03-18"))
    page = window.registers["ticket"]
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.loaded)
    model = page.view.model()
    tones = {}
    for r in range(model.rowCount()):
        index = model.index(r, 1)
        tones[index.data(ID_ROLE)] = (index.data(Qt.ItemDataRole.BackgroundRole), index.data(Qt.ItemDataRole.ToolTipRole))
    assert tones[late.id] == (BACKGROUNDS["overdue"], "处理时限 2026-03-19 08:00，已超时 1 天 1 小时")
    assert tones[soon.id] == (BACKGROUNDS["soon"], "处理时限 2026-03-20 11:00，还剩 1 小时 30 分")
    assert tones[fine.id][0] is None
    assert tones[done.id][0] is None  # handled: no longer late, whatever its deadline
    # Not yet answered: past the phone response (2 h) though the handling has days left.
    assert tones[waiting.id] == (BACKGROUNDS["overdue"], "电话响应时限 2026-03-20 09:00，已超时 30 分")


def test_closing_the_desk_with_a_call_half_typed_asks_first(qtbot, window, service, dialogs) -> None:
    from PySide6.QtWidgets import QMessageBox

    desk = open_desk(qtbot, window)
    type_text(qtbot, desk.editors["issue"], "客户询问灭鼠毒饵的投放方法")
    dialogs.answer(QMessageBox.StandardButton.Cancel)
    window.tabs.tabCloseRequested.emit(window.tabs.indexOf(desk))
    assert window.ticket_desk is desk and window.tabs.indexOf(desk) >= 0
    dialogs.answer(QMessageBox.StandardButton.Discard)
    window.tabs.tabCloseRequested.emit(window.tabs.indexOf(desk))
    assert window.ticket_desk is None
    QApplication.processEvents()
