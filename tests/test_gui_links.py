"""由此新建 and 关联记录: a return request and a service report made from a complaint, a survey made
from a service report — prefilled, saved with their source, shown and opened from both sides."""

from __future__ import annotations

import re

import pytest
from conftest import STAFF, TODAY
from gui_helpers import double_click_row, pick, replace_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

from desktop.domain import complaint as c
from desktop.services.demo import demo_objects
from desktop.services.transfer import import_records
from desktop.ui.item_table_editor import ItemTableEditor

pytestmark = pytest.mark.gui


def _complaint(service):
    """A determined complaint with several product lines (imported as any file is)."""
    obj = next(o for o in demo_objects(TODAY, 14)
               if o["status"] in (c.DETERMINED, c.HANDLING) and len(o["items"]) > 1)
    return import_records(service, [obj]).records[0]


def _table(form, key: str) -> list[dict[str, str]]:
    editor = form.findChild(ItemTableEditor, key)
    return [{col.key: editor.table.item(r, i).text() for i, col in enumerate(editor.spec.columns)}
            for r in range(editor.table.rowCount())]


def _plain(label) -> str:
    return re.sub(r"<[^>]+>", "", label.text()).replace("&emsp;", " ")


def _href(form, number: str) -> str:
    match = re.search(r'<a href="([^"]+)">[^<]*' + re.escape(number), form.links_line.text())
    assert match, form.links_line.text()
    return match.group(1)


def test_a_return_request_made_from_a_complaint(qtbot, window, service, dialogs) -> None:
    complaint = _complaint(service)
    source = window.open_record("complaint", complaint.id)
    assert source.links_panel.links() == []
    assert {b.objectName() for b in source.links_panel.findChildren(QPushButton) if b.objectName()} >= {
        "follow_on_return-request", "follow_on_service-report"}

    qtbot.mouseClick(source.findChild(QPushButton, "follow_on_return-request"), Qt.MouseButton.LeftButton)
    form = window.current_form()
    assert form is not source and form.kind == "return-request" and form.record is None
    assert form.source.id == complaint.id
    # Customer, contact, products and batches come from the complaint; the clerk from the settings.
    v = complaint.values.fields
    for key, source_key in (("customer_unit", "complainant_unit"), ("contact_name", "complainant_name"),
                            ("contact_phone", "complainant_phone"), ("customer_address", "complainant_address")):
        assert form.findChild(QLineEdit, key).text() == v[source_key], key
    assert form.findChild(QLineEdit, "staff").text() == STAFF
    assert form.findChild(QLineEdit, "request_date").text() == TODAY.isoformat()
    lines = _table(form, "items")
    assert [(r["product_name"], r["batch_no"]) for r in lines] == [
        (i["product_name"], i["batch_no"]) for i in complaint.values.tables["items"]]
    assert _plain(form.links_line) == f"来源：投诉 {complaint.number}" and form.links_line.isVisible()
    assert not form.is_dirty

    if not form.findChild(QComboBox, "reason_type").currentData():
        pick(form.findChild(QComboBox, "reason_type"), "使用不当")
    assert form.save(), form.message_bar.text()
    stored = service.get("return-request", form.record.id)
    assert (stored.source_kind, stored.source_id, stored.source_number) == ("complaint", complaint.id,
                                                                          complaint.number)
    # Both sides show the link: the new request its source, the complaint (still open) its follow-on.
    assert form.links_panel.links() == [("来源", "complaint", complaint.number)]
    assert source.links_panel.links() == [("后续", "return-request", stored.number)]
    assert _plain(source.links_line) == f"后续：退换货申请 {stored.number}"
    reg = window.registers["return-request"]
    assert reg.loaded is False or stored.id in {r.id for r in reg.rows()}

    # Open one from the other: a double-click in 关联记录, a click on the source line.
    window.close_form(form)
    window.tabs.setCurrentWidget(source)
    double_click_row(qtbot, source.links_panel.table, 0)
    again = window.current_form()
    assert again.kind == "return-request" and again.record.id == stored.id
    again.links_line.linkActivated.emit(_href(again, complaint.number))
    assert window.current_form() is source


def test_a_survey_made_from_a_service_report_made_from_a_complaint(qtbot, window, service, dialogs) -> None:
    complaint = _complaint(service)
    source = window.open_record("complaint", complaint.id)
    menu_action = source.follow_on_button.menu().findChild(QAction, "follow_on_service-report")
    menu_action.trigger()
    report = window.current_form()
    assert report.kind == "service-report"
    assert report.findChild(QComboBox, "service_type").currentData() == "投诉处理"
    assert report.findChild(QLineEdit, "customer_unit").text() == complaint.values.fields["complainant_unit"]
    assert [r["batch_no"] for r in _table(report, "products")] == [
        i["batch_no"] for i in complaint.values.tables["items"]]
    assert not report.follow_on_button.isEnabled()  # nothing may follow an unsaved record
    assert report.save(), report.message_bar.text()
    assert report.follow_on_button.isEnabled()

    # 由此新建 on a changed record saves it first, then opens the follow-on form.
    replace_text(qtbot, report.findChild(QLineEdit, "customer_address"), "北京市东城区（后勤楼）")
    assert report.is_dirty
    qtbot.mouseClick(report.findChild(QPushButton, "follow_on_survey"), Qt.MouseButton.LeftButton)
    assert not report.is_dirty
    assert service.get("service-report", report.record.id).values.fields["customer_address"] == "北京市东城区（后勤楼）"
    survey = window.current_form()
    assert survey.kind == "survey"
    assert survey.findChild(QLineEdit, "customer_unit").text() == complaint.values.fields["complainant_unit"]
    assert survey.findChild(QLineEdit, "respondent").text() == complaint.values.fields["complainant_name"]
    assert survey.findChild(QComboBox, "survey_type").currentData() == "服务后调查"
    assert survey.save(), survey.message_bar.text()

    assert report.links_panel.links() == [("来源", "complaint", complaint.number),
                                          ("后续", "survey", survey.record.number)]
    assert source.links_panel.links() == [("后续", "service-report", report.record.number)]
    assert survey.links_panel.links() == [("来源", "service-report", report.record.number)]
    # The register of the survey lists it, with its source in the search text.
    window.tabs.setCurrentWidget(window.registers["survey"])
    assert survey.record.id in {r.id for r in window.registers["survey"].rows()}
