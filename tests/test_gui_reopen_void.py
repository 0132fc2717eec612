"""Reopening a closed complaint and voiding a duplicate, as the clerk does it (issue 14)."""

from __future__ import annotations

import pytest
from conftest import STAFF, TODAY
from gui_helpers import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPlainTextEdit

from desktop.domain import complaint as c
from desktop.domain.workflow import TransitionRefused
from desktop.services.demo import demo_objects
from desktop.services.transfer import import_records

pytestmark = pytest.mark.gui


def _complaint(service, status: str, nth: int = 0):
    obj = [o for o in demo_objects(TODAY, 21) if o["status"] == status][nth]
    return import_records(service, [obj]).records[0]


def _give_reason(qtbot, text: str):
    def answer(dialog):
        assert dialog.objectName() == "reason_dialog"
        assert not dialog.ok.isEnabled()  # no reason, no step
        type_text(qtbot, dialog.reason, text)
        assert dialog.ok.isEnabled()
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        return dialog.result()
    return answer


def test_a_closed_complaint_is_reopened_for_a_reason_and_its_closed_revision_kept(qtbot, window, service,
                                                                                   dialogs) -> None:
    record = _complaint(service, c.CLOSED)
    form = window.open_record("complaint", record.id)
    assert form.read_only and form.step_buttons[c.HANDLING].text() == "重新打开"
    assert form.message_bar.text() == "此记录状态为“已关闭”，只能查看和导出 PDF；需要继续处理时点“重新打开”。"

    # Cancelled: nothing happens.
    dialogs.answer(lambda d: QDialog.DialogCode.Rejected)
    qtbot.mouseClick(form.step_buttons[c.HANDLING], Qt.MouseButton.LeftButton)
    assert service.get("complaint", record.id).status == c.CLOSED

    dialogs.answer(_give_reason(qtbot, "客户再次来电：更换后的产品仍有沉淀"))
    qtbot.mouseClick(form.step_buttons[c.HANDLING], Qt.MouseButton.LeftButton)
    stored = service.get("complaint", record.id)
    assert stored.status == c.HANDLING and stored.revision == record.revision + 1
    assert stored.values.fields["reopen_reason"] == "客户再次来电：更换后的产品仍有沉淀"
    assert stored.values.fields["closed_date"] is None
    assert (stored.events[-1].by, stored.events[-1].note) == (STAFF, "客户再次来电：更换后的产品仍有沉淀")
    # The form is open for work again and says where the closed revision is.
    assert not form.read_only and form.status_badge.text() == "处理中"
    assert f"第 {record.revision} 版原样保留" in form.message_bar.text()
    assert form.findChild(QPlainTextEdit, "reopen_reason").toPlainText() == "客户再次来电：更换后的产品仍有沉淀"
    assert form.findChild(QPlainTextEdit, "reopen_reason").isReadOnly()
    assert form.history.item(form.history.rowCount() - 1, 4).text() == "客户再次来电：更换后的产品仍有沉淀"
    assert form.revisions.rowCount() == 2
    closed = service.get_revision("complaint", record.id, record.revision)
    assert closed.status == c.CLOSED and closed.values.fields["closed_date"] == record.values.fields["closed_date"]
    # The earlier revision opens read-only, as an archive.
    archive = window.open_revision("complaint", record.id, record.revision)
    assert archive.read_only and archive.status_badge.text() == "已关闭"
    assert "存档" in archive.title_label.text()


def test_a_duplicate_is_voided_kept_and_off_the_home_counts(qtbot, window, service, dialogs) -> None:
    first = _complaint(service, c.REGISTERED, 0)
    duplicate = _complaint(service, c.REGISTERED, 1)
    home = window.home
    home.refresh()
    registered = home.findChild(QLabel, f"complaints_{c.REGISTERED}")
    assert registered.text() == "2"
    assert home.findChild(QLabel, f"complaints_{c.VOIDED}") is None

    form = window.open_record("complaint", duplicate.id)
    assert form.step_buttons[c.VOIDED].text() == "作废"
    assert form.step_buttons[c.VOIDED].property("step") is False  # not the obvious next step
    dialogs.answer(_give_reason(qtbot, f"与 {first.number} 重复登记"))
    qtbot.mouseClick(form.step_buttons[c.VOIDED], Qt.MouseButton.LeftButton)

    stored = service.get("complaint", duplicate.id)
    assert stored.status == c.VOIDED
    assert stored.values.fields["void_reason"] == f"与 {first.number} 重复登记"
    assert stored.values.fields["closed_date"] == TODAY
    assert form.status_badge.text() == "已作废" and form.read_only
    assert form.step_buttons == {}
    assert not form.follow_on_button.isEnabled()  # nothing is made from a duplicate
    with pytest.raises(TransitionRefused, match="已作废"):
        service.follow_on("complaint", duplicate.id, "return-request")
    assert form.findChild(QLineEdit, "complainant_unit").isReadOnly()
    home.refresh()
    assert registered.text() == "1"
    assert form.message_bar.text() == "已转为“已作废”。"
    window.close_form(form)
    form = window.open_record("complaint", duplicate.id)  # opened again later: it says why it was voided
    assert form.message_bar.text() == f"此记录状态为“已作废”（与 {first.number} 重复登记），只能查看和导出 PDF。"
