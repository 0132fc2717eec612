"""The home screen (首页) on its own, over records made through the services on the fixed clock, and
the follow-up form that opens a prefilled service report when the visit is completed."""

from __future__ import annotations

import datetime as dt

from conftest import NOW
from gui_helpers import double_click_row, pick, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit
from test_desk import _visit_of, seed

from desktop.domain import followup as fu
from desktop.ui.form_view import FormView
from desktop.ui.home_page import HomePage


def _home(qtbot, service) -> HomePage:
    page = HomePage()
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.attach(service)
    page.show()
    qtbot.waitExposed(page)
    return page


def _counts(page: HomePage) -> dict[str, str]:
    return {key: tile.count_label.text() for key, tile in page.tiles.items()}


def test_the_home_page_shows_todays_counts_and_lists(qtbot, gui_app, service) -> None:
    r = seed(service)
    page = _home(qtbot, service)
    assert _counts(page) == {
        "followups_overdue": "2", "followups_due": "2", "tickets_overdue": "2", "tickets_near": "3",
        "complaints_open": "10", "batches_expiring": "3", "batches_expired": "2",
    }
    assert page.date_label.text() == "2026-03-20 星期五"  # ISO in both languages (issue 14)
    # Late work is red on its tile; nothing to do is not coloured.
    assert page.tiles["followups_overdue"].property("tone") == "red"
    assert page.tiles["tickets_near"].property("tone") == "orange"

    # Follow-ups: today's first, then the overdue ones (oldest first), each group under its heading.
    lst = page.followup_list
    assert lst.topLevelItem(0).text(0) == "今天应回访（2）" and lst.topLevelItem(3).text(0) == "已逾期，最早的在前（2）"
    assert lst.row_texts() == ["今天", "今天", "逾期 10 天", "逾期 1 天"]
    assert lst.row_texts(1) == ["北京市第一人民医院", "苏州市立医院", "上海市第六人民医院", "杭州市西湖区疾控中心"]
    assert lst.row_ids() == [_visit_of(service, r["due_delivery"]), r["due_hand"].id,
                             _visit_of(service, r["late_delivery"]), r["late_hand"].id]
    late = lst.topLevelItem(4)
    assert late.foreground(0).color().name() == "#c62828"
    assert page.followups.caption.text() == "今天 2 · 逾期 2"

    assert page.ticket_list.row_texts() == ["超时 1 小时", "超时 1 分钟", "此刻到时", "剩 30 分钟", "剩 2 小时"]
    assert page.batch_list.row_texts() == ["今天到期", "还剩 29 天", "还剩 60 天", "已过期 1 天", "已过期 90 天"]
    assert page.batches.caption.text() == "60 天内到期 3 · 近 90 天已过期 2"

    assert page.findChild(QLabel, "complaints_已反馈").text() == "2"
    assert page.complaints.caption.text() == "共 10 件未结"


def test_a_double_click_or_enter_opens_the_record_and_a_heading_its_register(qtbot, gui_app, service) -> None:
    r = seed(service)
    page = _home(qtbot, service)
    # A group's heading line opens nothing; the line under it opens its record.
    with qtbot.assertNotEmitted(page.openRequested):
        double_click_row(qtbot, page.followup_list, 0, 1)
    with qtbot.waitSignal(page.openRequested) as opened:
        double_click_row(qtbot, page.followup_list, 4, 1)
    assert opened.args == ["followup", _visit_of(service, r["late_delivery"])]

    page.batch_list.setFocus()
    page.batch_list.setCurrentItem(page.batch_list.topLevelItem(5))
    with qtbot.waitSignal(page.openRequested) as opened:
        qtbot.keyClick(page.batch_list, Qt.Key.Key_Return)
    assert opened.args == ["delivery", r["expired_1"].id]

    with qtbot.waitSignal(page.registerRequested) as shown:
        qtbot.mouseClick(page.tickets.heading, Qt.MouseButton.LeftButton)
    assert shown.args == ["ticket"]
    with qtbot.waitSignal(page.groupRequested) as shown:
        qtbot.mouseClick(page.tiles["batches_expired"], Qt.MouseButton.LeftButton)
    assert shown.args == ["delivery", "batches_expired"]


def test_an_empty_day_says_so(qtbot, gui_app, service) -> None:
    page = _home(qtbot, service)
    assert set(_counts(page).values()) == {"0"}
    assert page.followups.empty.isVisible() and not page.followup_list.isVisible()
    assert page.followups.empty.text() == "今天没有要回访的客户，也没有逾期的回访。"


def test_refresh_follows_the_records_and_the_clock(qtbot, gui_app, service, clock) -> None:
    seed(service)
    page = _home(qtbot, service)
    clock.at = dt.datetime(2026, 3, 21, 0, 0, tzinfo=NOW.tzinfo)  # midnight: today's visits are late
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    assert _counts(page)["followups_due"] == "0"
    assert _counts(page)["followups_overdue"] == "4"
    assert page.date_label.text() == "2026-03-21 星期六"


def test_completing_a_follow_up_opens_a_prefilled_service_report(qtbot, window, service, dialogs) -> None:
    delivery = service.create("delivery", {
        "customer_unit": "北京市第一人民医院", "contact_name": "张丽", "contact_phone": "010-65123456",
        "delivery_date": "2025-12-20", "product_name": "84 消毒液", "batch_no": "SH251220", "quantity": "20",
        "unit": "桶", "shipped_by": "周发货"}).record
    visit_id = _visit_of(service, delivery)
    form = window.open_record("followup", visit_id)
    assert form.findChild(QLabel, "followup_due_state").text() == "今天应回访"

    pick(form.findChild(QComboBox, "way"), "电话")
    type_text(qtbot, form.findChild(QPlainTextEdit, "result_note"), "客户反馈使用正常，库房通风良好。")
    dialogs.answer(lambda box: box.StandardButton.Ok)
    qtbot.mouseClick(form.step_buttons[fu.DONE], Qt.MouseButton.LeftButton)
    assert service.get("followup", visit_id).status == fu.DONE

    report = window.current_form()
    assert isinstance(report, FormView) and report is not form
    assert report.kind == "service-report" and report.record is None
    assert report.findChild(QComboBox, "service_type").currentText() == "远程回访"
    assert report.findChild(QLineEdit, "customer_unit").text() == "北京市第一人民医院"
    assert report.findChild(QLineEdit, "contact_name").text() == "张丽"
    assert report.findChild(QLineEdit, "staff").text() == "周发货"
    assert report.tables["products"].raw()[0]["product_name"] == "84 消毒液"
    assert report.tables["products"].raw()[0]["batch_no"] == "SH251220"
    assert report.source is not None and report.source.id == visit_id

    # Saved, it is linked to the visit; the next visit of the delivery is already planned.
    assert report.save()
    links = service.linked("followup", visit_id)
    assert [(lk.kind, lk.relation) for lk in links] == [("delivery", "source"), ("service-report", "follow-on")]
    planned = [lk for lk in service.linked("delivery", delivery.id) if lk.status == fu.PLANNED]
    assert [service.get("followup", lk.id).values.fields["due_date"] for lk in planned] == [dt.date(2026, 6, 20)]


def test_saving_a_follow_up_without_completing_it_opens_nothing(qtbot, window, service, dialogs) -> None:
    record = service.create("followup", {"followup_type": fu.OTHER, "due_date": "2026-03-17",
                                         "customer_unit": "苏州市立医院"}).record
    form = window.open_record("followup", record.id)
    assert form.findChild(QLabel, "followup_due_state").text() == "逾期 3 天"
    type_text(qtbot, form.findChild(QLineEdit, "contact_name"), "陈红")
    assert form.save()
    assert window.current_form() is form


def test_the_page_reads_again_when_shown_and_every_minute(qtbot, gui_app, service, monkeypatch) -> None:
    from desktop.ui import home_page

    page = _home(qtbot, service)
    assert _counts(page)["followups_due"] == "0"
    page.hide()
    service.create("followup", {"followup_type": fu.OTHER, "due_date": "2026-03-20", "customer_unit": "苏州市立医院"})
    page.show()  # shown again at once: not read again yet
    assert _counts(page)["followups_due"] == "0"
    page._tick()  # the minute's tick
    assert _counts(page)["followups_due"] == "1"
    assert page.timer.isActive() and page.timer.interval() == 60_000

    page.hide()
    service.create("followup", {"followup_type": fu.OTHER, "due_date": "2026-03-19", "customer_unit": "无锡市人民医院"})
    monkeypatch.setattr(home_page, "SHOW_REFRESH_S", -1)  # as if the clerk came back minutes later
    page.show()
    assert _counts(page)["followups_overdue"] == "1"


def test_a_home_card_opens_its_register_with_exactly_its_rows_most_urgent_first(qtbot, window, service) -> None:
    """Issue 14: 逾期未回访 2 opens the follow-ups with those two and nothing else (not the whole
    register with them somewhere in the middle); the clerk clears the filter with the keyboard and
    the register lists what is due first; the status filter keeps 待回访 only."""
    from desktop.ui.register_page import RegisterPage

    r = seed(service)
    window.home.refresh()
    tile = window.home.tiles["followups_overdue"]
    assert tile.count_label.text() == "2"
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    page = window.tabs.currentWidget()
    assert isinstance(page, RegisterPage) and page.kind == "followup"
    qtbot.waitUntil(lambda: page.loaded)
    ids = [page.proxy.index(i, 0).data(page_id_role()) for i in range(page.proxy.rowCount())]
    assert ids == [_visit_of(service, r["late_delivery"]), r["late_hand"].id]  # oldest first
    assert page.group_filter.currentText() == "逾期未回访"

    page.group_filter.setFocus()
    qtbot.keyClick(page.group_filter, Qt.Key.Key_Home)  # 全部期限
    assert page.proxy.rowCount() == service.count("followup")
    dues = [page.model.row_at(i) for i in range(page.model.rowCount())]
    planned = [row["due_date"] for row in dues if row.status == fu.PLANNED]
    assert planned == sorted(planned) and dues[0].status == fu.PLANNED  # due first, nearest first
    pick(page.status_filter, fu.CANCELLED)
    assert page.proxy.rowCount() == 1

    window.tabs.setCurrentWidget(window.home)
    qtbot.mouseClick(window.home.tiles["tickets_overdue"], Qt.MouseButton.LeftButton)
    tickets = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: tickets.loaded)
    shown = {tickets.proxy.index(i, 0).data(page_id_role()) for i in range(tickets.proxy.rowCount())}
    assert shown == {row.id for row in window.home.summary.tickets_overdue.rows}


def page_id_role():
    from desktop.ui.register_table_model import ID_ROLE

    return ID_ROLE
