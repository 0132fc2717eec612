"""The lifecycle buttons: only the allowed next steps, refused with the missing fields named."""

from __future__ import annotations

import pytest
from conftest import STAFF, TODAY
from gui_helpers import pick, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton

from desktop.domain import complaint as c
from desktop.services.demo import demo_objects
from desktop.services.transfer import import_records

pytestmark = pytest.mark.gui


def _complaint(service, status: str):
    """A valid complaint at ``status`` (from the demo generator, imported as any file is)."""
    obj = next(o for o in demo_objects(TODAY, 14) if o["status"] == status)
    return import_records(service, [obj]).records[0]


def step_buttons(form) -> dict[str, str]:
    return {name.removeprefix("step_"): b.text() for name, b in
            ((b.objectName(), b) for b in form.findChildren(QPushButton)) if name.startswith("step_")}


def test_a_registered_complaint_offers_only_start_investigation(qtbot, window, service, dialogs) -> None:
    record = _complaint(service, c.REGISTERED)
    form = window.open_record("complaint", record.id)
    assert step_buttons(form) == {c.INVESTIGATING: "开始调查", c.VOIDED: "作废"}
    assert form.status_badge.text() == "已登记"

    # Without an investigator the step is refused, the field named, nothing written.
    qtbot.mouseClick(form.step_buttons[c.INVESTIGATING], Qt.MouseButton.LeftButton)
    assert dialogs.seen == []
    assert form.message_bar.text() == "进入“调查中”前，请填写：调查人员"
    error = form.findChild(QLabel, "investigator_error")
    assert error.isVisible() and error.text() == "必填"
    assert service.get("complaint", record.id).status == c.REGISTERED

    # With one, after a confirmation, the record moves on and the form offers the next step.
    type_text(qtbot, form.findChild(QLineEdit, "investigator"), "冯志强")
    dialogs.answer(lambda box: box.StandardButton.Ok)
    qtbot.mouseClick(form.step_buttons[c.INVESTIGATING], Qt.MouseButton.LeftButton)
    assert "调查中" in dialogs.seen[-1]["text"] and record.number in dialogs.seen[-1]["text"]
    stored = service.get("complaint", record.id)
    assert stored.status == c.INVESTIGATING
    assert stored.values.fields["investigator"] == "冯志强"
    assert stored.events[-1].by == STAFF
    assert form.status_badge.text() == "调查中" and not form.is_dirty
    assert step_buttons(form) == {c.DETERMINED: "完成质量界定", c.VOIDED: "作废"}
    assert form.history.rowCount() == 2
    assert form.history.item(1, 2).text() == "调查中"
    assert not error.isVisible()
    # The register follows.
    qtbot.waitUntil(lambda: any(
        window.register.proxy.index(r, 7).data() == "调查中" for r in range(window.register.proxy.rowCount())))


def test_quality_determination_is_refused_without_a_determination(qtbot, window, service, dialogs) -> None:
    record = _complaint(service, c.INVESTIGATING)
    form = window.open_record("complaint", record.id)
    assert set(step_buttons(form)) == {c.DETERMINED, c.VOIDED}
    qtbot.mouseClick(form.step_buttons[c.DETERMINED], Qt.MouseButton.LeftButton)

    assert dialogs.seen == []
    assert form.message_bar.text().startswith("进入“已界定”前，请填写：")
    for label in ("调查日期", "现场调查情况", "调查意见", "质量界定", "界定人", "界定人职务"):
        assert label in form.message_bar.text()
    assert form.findChild(QLabel, "quality_determination_error").text() == "必填"
    assert form.findChild(QComboBox, "quality_determination").property("invalid") is True
    # 界定日期 is filled with today as a convenience (so it is not asked for) but not saved.
    assert form.findChild(QLineEdit, "determined_date").text() == TODAY.isoformat()
    assert "界定日期" not in form.message_bar.text()
    stored = service.get("complaint", record.id)
    assert stored.status == c.INVESTIGATING and stored.values.fields["determined_date"] is None

    # "Undeterminable" is not a determination either: it must go to the quality department first.
    type_text(qtbot, form.findChild(QLineEdit, "investigation_date"), TODAY.isoformat())
    type_text(qtbot, form.findChild(QPlainTextEdit, "findings"), "库房潮湿，包装桶渗漏。")
    type_text(qtbot, form.findChild(QPlainTextEdit, "investigation_opinion"), "需送检。")
    pick(form.findChild(QComboBox, "quality_determination"), c.UNDETERMINABLE)
    type_text(qtbot, form.findChild(QLineEdit, "determined_by"), "冯志强")
    pick(form.findChild(QComboBox, "determined_role"), "品质部")
    qtbot.mouseClick(form.step_buttons[c.DETERMINED], Qt.MouseButton.LeftButton)
    assert dialogs.seen == []
    assert "请修改：质量界定（难以界定的，须退回公司质量部门鉴定后，按鉴定结论界定）" in form.message_bar.text()
    assert service.get("complaint", record.id).status == c.INVESTIGATING

    pick(form.findChild(QComboBox, "quality_determination"), c.NOT_QUALITY_PROBLEM)
    dialogs.answer(lambda box: box.StandardButton.Ok)
    qtbot.mouseClick(form.step_buttons[c.DETERMINED], Qt.MouseButton.LeftButton)
    stored = service.get("complaint", record.id)
    assert stored.status == c.DETERMINED
    assert stored.values.fields["determined_date"] == TODAY
    assert set(step_buttons(form)) == {c.INVESTIGATING, c.HANDLING, c.VOIDED}


def test_cancelling_the_confirmation_changes_nothing(qtbot, window, service, dialogs) -> None:
    record = _complaint(service, c.FED_BACK)
    form = window.open_record("complaint", record.id)
    assert set(step_buttons(form)) == {c.REVISITED, c.CLOSED, c.VOIDED}
    dialogs.answer(lambda box: box.StandardButton.Cancel)
    qtbot.mouseClick(form.step_buttons[c.CLOSED], Qt.MouseButton.LeftButton)
    assert service.get("complaint", record.id).status == c.FED_BACK
    assert form.findChild(QLineEdit, "closed_date").text() == TODAY.isoformat()  # filled, not saved
    assert form.is_dirty


def test_a_closed_complaint_is_read_only(qtbot, window, service) -> None:
    record = _complaint(service, c.CLOSED)
    form = window.open_record("complaint", record.id)
    assert step_buttons(form) == {c.HANDLING: "重新打开"}  # for a reason, in a new revision (test_gui_reopen_void)
    assert not form.save_button.isVisible()
    assert not window.act_save.isEnabled()
    assert form.export_button.isVisible()
    assert form.findChild(QLineEdit, "complainant_unit").isReadOnly()
    assert not form.findChild(QComboBox, "category").isEnabled()
    assert form.findChild(QPlainTextEdit, "reason").isReadOnly()
    assert not form.findChild(QPushButton, "items_add").isVisible()
    assert "已关闭" in form.message_bar.text()
    assert form.history.rowCount() == len(record.events)
