"""Defaults and carrying over, as the clerk meets them (issue 14): a new complaint's channel,
severity and category; the handling a quality problem requires; approval dates; a service report
from a follow-up with every product as its row and the unit's address; a complaint from a hotline
ticket with the product's packaging and unit; no contact added without the clerk saying so."""

from __future__ import annotations

import pytest
from conftest import STAFF, TODAY
from gui_helpers import pick, replace_text, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from desktop.domain import complaint as c
from desktop.domain import followup as fu
from desktop.domain.forms import SPECS
from desktop.domain.records import to_json
from desktop.services.demo import demo_objects
from desktop.services.transfer import import_records

pytestmark = pytest.mark.gui


def _combo(form, key: str) -> str:
    return form.findChild(QComboBox, key).currentData()


def test_a_new_complaint_starts_with_the_rules_and_the_last_complaints_habits(qtbot, window, service) -> None:
    window.act_new.trigger()
    form = window.current_form()
    assert form.kind == "complaint"
    # Nothing registered yet: the hotline channel, an ordinary complaint, the category left to the clerk.
    assert (_combo(form, "channel"), _combo(form, "severity"), _combo(form, "category")) == ("电话", "一般投诉", "")
    obj = next(o for o in demo_objects(TODAY, 7) if o["status"] == c.REGISTERED)
    obj.update(channel="上门", category="验收不合格", severity="严重投诉")
    raw = {k: v for k, v in obj.items() if k not in ("kind", "status", "history")}
    service.create("complaint", raw, by=STAFF)
    window.act_new.trigger()
    second = window.current_form()
    assert second is not form
    # The last complaint's channel and category; 严重 only when someone says so.
    assert (_combo(second, "channel"), _combo(second, "severity"), _combo(second, "category")) == (
        "上门", "一般投诉", "验收不合格")
    assert not second.is_dirty  # defaults are not changes


def test_a_quality_problem_fills_the_handling_it_requires_and_approvals_their_dates(qtbot, window, service,
                                                                                 dialogs) -> None:
    obj = next(o for o in demo_objects(TODAY, 14) if o["status"] == c.INVESTIGATING)
    record = import_records(service, [obj]).records[0]
    form = window.open_record("complaint", record.id)
    pick(form.findChild(QComboBox, "cost_bearer"), "客户承担")  # contradicts the rule: replaced
    pick(form.findChild(QComboBox, "quality_determination"), c.QUALITY_PROBLEM)
    assert _combo(form, "resolution") == "免费更换"
    assert _combo(form, "cost_bearer") == "公司承担"
    assert form.findChild(QCheckBox, "company_pays_shipping").isChecked()
    assert form.message_bar.text() == (
        "属于质量问题：已按承诺填入处理方式（免费更换）、费用承担（公司承担）、运输费用由公司承担，可修改。")
    assert form.is_dirty
    # The clerk changes the handling: it stays as chosen.
    pick(form.findChild(QComboBox, "resolution"), "退货退款")
    assert _combo(form, "resolution") == "退货退款"
    # Not a quality problem: nothing is filled.
    pick(form.findChild(QComboBox, "resolution"), "")
    pick(form.findChild(QComboBox, "quality_determination"), c.NOT_QUALITY_PROBLEM)
    assert _combo(form, "resolution") == ""

    # An approval given: its date is today unless typed.
    date = form.findChild(QLineEdit, "mgmt_rep_date")
    assert date.text() == ""
    pick(form.findChild(QComboBox, "mgmt_rep_decision"), "同意")
    assert date.text() == TODAY.isoformat()
    gm_date = form.findChild(QLineEdit, "gm_date")
    type_text(qtbot, gm_date, "2026-03-18")
    pick(form.findChild(QComboBox, "gm_decision"), "同意")
    assert gm_date.text() == "2026-03-18"


def test_a_service_report_from_a_follow_up_has_a_row_per_product_and_the_address(qtbot, forms_window, forms_ctx,
                                                                                dialogs) -> None:
    service = forms_ctx.records
    fup = next(r for r in service.all_records("followup")
               if "、" in str(r.values.fields.get("product_name")) and r.status == fu.PLANNED)
    products = fup.values.fields["product_name"].split("、")
    batches = fup.values.fields["batch_no"].split("、")
    customer = next(r for r in service.all_records("customer")
                    if r.values.fields["name"] == fup.values.fields["customer_unit"])
    form = forms_window.open_record("followup", fup.id)
    pick(form.findChild(QComboBox, "way"), "电话")
    type_text(qtbot, form.findChild(QLineEdit, "done_date"), TODAY.isoformat())
    type_text(qtbot, form.editors["result_note"], "电话回访，两种产品使用正常")
    type_text(qtbot, form.editors["customer_opinion"], "满意")
    dialogs.answer(lambda box: box.StandardButton.Ok)
    qtbot.mouseClick(form.step_buttons[fu.DONE], Qt.MouseButton.LeftButton)
    report = forms_window.current_form()
    assert report.kind == "service-report" and report.record is None, (form.message_bar.text(), dialogs.seen)
    rows = report.tables["products"].raw()
    assert [(r["product_name"], r["batch_no"]) for r in rows] == list(zip(products, batches, strict=True))
    assert report.findChild(QLineEdit, "customer_address").text() == customer.values.fields["address"]
    # Saved so, and printed so (one row each).
    assert report.save(), report.message_bar.text()
    stored = service.get("service-report", report.record.id)
    assert [r["batch_no"] for r in stored.values.tables["products"]] == batches


def test_a_complaint_from_a_ticket_takes_the_products_packaging_and_unit(qtbot, forms_window, forms_ctx) -> None:
    service = forms_ctx.records
    product = next(r for r in service.all_records("product") if r.values.fields["name"] == "84 消毒液（有效氯 5%）")
    ticket = next(r for r in service.all_records("ticket") if r.status not in ("已转投诉",))
    raw = to_json(SPECS["ticket"], ticket)
    raw["product_name"] = product.values.fields["name"]
    service.update("ticket", ticket.id, raw, by=STAFF)
    values, link = service.follow_on("ticket", ticket.id, "complaint")
    form = forms_window.new_record("complaint", values, link)
    (row,) = form.tables["items"].raw()
    assert (row["product_name"], row["packaging"], row["unit"]) == ("84 消毒液（有效氯 5%）", "桶装", "桶")


def test_the_hotline_desk_completes_products_and_adds_no_contact_unasked(qtbot, forms_window, forms_ctx,
                                                                         dialogs) -> None:
    service = forms_ctx.records
    desk = forms_window.open_ticket_desk()
    line = desk.editors["product_name"]
    type_text(qtbot, line, "84")
    texts = [s.value for s in desk.product_suggestions.suggestions()]
    assert "84 消毒液（有效氯 5%）" in texts
    desk.product_suggestions.choose(texts.index("84 消毒液（有效氯 5%）"))
    assert line.text() == "84 消毒液（有效氯 5%）"

    # A known caller, the phone mistyped: said so, and not ticked to be added.
    customer = next(r for r in service.all_records("customer") if r.values.fields["name"] == "北京市第一人民医院")
    type_text(qtbot, desk.search, "北京市第一人民医院")
    desk.search_now()
    desk.pick_customer(desk.lookup.by_name("北京市第一人民医院"))
    assert desk.customer is not None and desk.customer.name == "北京市第一人民医院"
    replace_text(qtbot, desk.editors["caller_name"], "吴强")
    replace_text(qtbot, desk.editors["caller_phone"], "13845854176")  # one digit off
    assert desk.on_file.text() == "档案中的吴强电话为 13845854175：请核对来电号码；是新号码才勾选加入档案"
    assert desk.add_to_file.isVisible() and not desk.add_to_file.isChecked()
    pick(desk.editors["issue_type"], "使用中质量问题")
    type_text(qtbot, desk.editors["issue"], "配制后有沉淀")
    before = service.get("customer", customer.id).values.tables["contacts"]
    qtbot.keyClick(desk.editors["issue"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert service.get("customer", customer.id).values.tables["contacts"] == before
