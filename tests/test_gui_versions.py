"""Records that stay right, as a clerk meets it (issue 10): a save over a record changed elsewhere is
refused and offers to reload; the registers follow what an operation changed; "complete, then sign"."""

from __future__ import annotations

import pytest
from gui_helpers import type_text
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit

from desktop.domain import complaint as c
from desktop.domain import followup as fu
from desktop.domain import service_report as sr
from desktop.services.context import open_context
from desktop.services.demo import demo_objects, example_object
from desktop.services.tickets import raw_of
from desktop.services.transfer import import_records
from desktop.ui.sign_dialog import SignDialog
from tests.support import raw_complaint

pytestmark = pytest.mark.gui


def press(text: str):
    """An answer for a message box with buttons of its own: click the one called ``text``."""

    def answer(box: QMessageBox):
        button = next(b for b in box.buttons() if b.text() == text)
        button.click()
        return 0

    return answer


def test_a_save_over_a_record_changed_elsewhere_is_refused_and_offers_to_reload(qtbot, window, ctx, dialogs):
    rec = ctx.records.create("complaint", raw_complaint(received_date="2026-03-18")).record
    form = window.open_record("complaint", rec.id)
    # Meanwhile the command line (another process, another service on the same file) changes it.
    other = open_context(ctx.data_dir, ctx.records.clock)
    other.records.update("complaint", rec.id, raw_of(rec) | {"complainant_address": "改过的地址 9 号"}, by="王芳",
                         via="import")
    other.close()
    investigator = form.findChild(QLineEdit, "investigator")
    type_text(qtbot, investigator, "马晓东")
    dialogs.answer(press("保留我的修改在表单中"))
    assert not form.save()
    asked = dialogs.seen[-1]
    assert asked["title"] == "记录已在别处修改" and "王芳" in asked["text"] and "导入文件" in asked["text"]
    assert "改过的地址 9 号" in asked["detail"]
    assert investigator.text() == "马晓东" and form.is_dirty and "已在别处修改" in form.message_bar.text()
    assert ctx.records.get("complaint", rec.id).values.fields["investigator"] is None  # nothing written
    dialogs.answer(press("重新载入（放弃我的修改）"))
    assert not form.save()
    assert form.findChild(QLineEdit, "complainant_address").text() == "改过的地址 9 号" and not form.is_dirty
    type_text(qtbot, investigator, "马晓东")
    assert form.save(), form.message_bar.text()
    stored = ctx.records.get("complaint", rec.id)
    assert stored.values.fields["investigator"] == "马晓东" and stored.values.fields["complainant_address"] == "改过的地址 9 号"


def test_the_registers_follow_what_an_operation_changed(qtbot, window, ctx, dialogs):
    """Completing a complaint's call back in its form moves the complaint to 已回访 (a policy): the
    complaint register and the complaint's open form show it without being asked."""
    fed = next(o for o in demo_objects(ctx.records.clock.today(), 14) if o["status"] == c.FED_BACK)
    (complaint,) = import_records(ctx.records, [fed]).records
    (callback,) = ctx.records.search("followup")
    window.tabs.setCurrentWidget(window.registers["complaint"])
    register = window.registers["complaint"]
    qtbot.waitUntil(lambda: register.loaded)
    complaint_form = window.open_record("complaint", complaint.id)
    form = window.open_record("followup", callback.id)
    for key, text in (("result_note", "已电话回访，客户满意"), ("customer_opinion", "满意")):
        widget = form.findChild(QPlainTextEdit, key) or form.findChild(QLineEdit, key)
        type_text(qtbot, widget, text)
    dialogs.answer(QMessageBox.StandardButton.Ok)
    assert form.step(next(t for t in ctx.records.next_steps("followup", fu.PLANNED) if t.target == fu.DONE)), \
        form.message_bar.text()
    assert ctx.records.get("complaint", complaint.id).status == c.REVISITED
    assert complaint_form.record.status == c.REVISITED and complaint_form.status_badge.text() == c.REVISITED
    rows = {r.id: r.status for r in register._all}
    assert rows[complaint.id] == c.REVISITED


def test_complete_then_sign_the_finished_service_report(qtbot, window, ctx, dialogs):
    obj = example_object("service-report", ctx.records.clock.today())
    raw = {k: v for k, v in obj.items() if k not in ("kind", "status", "history", "signatures", "id", "number")}
    raw.update(actions_taken=None)
    report = ctx.records.create("service-report", raw).record
    assert report.status == sr.IN_PROGRESS
    form = window.open_record("service-report", report.id)
    dialogs.answer(press("先完成再签字"))
    assert not form.sign("customer")
    asked = dialogs.seen[-1]
    assert asked["title"] == "先完成，再签字" and "处理措施" in asked["detail"]
    assert "处理措施" in form.message_bar.text()
    actions = form.findChild(QPlainTextEdit, "actions_taken")
    type_text(qtbot, actions, "现场指导按 1:100 稀释，更换受潮毒饵。")

    signed = []

    def sign(dialog: SignDialog):
        from tests.test_gui_signing import sign_with, zigzag

        result = sign_with(qtbot, "王建国", [zigzag(60, 120)])(dialog)
        signed.append(dialog.signed)
        return result

    dialogs.answer(QMessageBox.StandardButton.Ok, sign)  # 完成服务报告?, then the signing follows by itself
    assert form.step(next(t for t in ctx.records.next_steps("service-report", sr.IN_PROGRESS)))
    qtbot.waitUntil(lambda: bool(signed))
    stored = ctx.records.get("service-report", report.id)
    assert stored.status == sr.COMPLETED and stored.revision == 1
    assert [s.name for s in stored.signatures] == ["王建国"]


def test_a_conflict_is_shown_side_by_side_and_one_copy_kept_in_the_window(qtbot, window, ctx, dialogs, tmp_path):
    """工具 ▸ 冲突记录…: the clerk sees both copies field by field and keeps the other laptop's; the
    open form and the register follow."""
    import copy

    from desktop.services.conflicts import list_conflicts
    from desktop.services.transfer import dump_records

    other = open_context(tmp_path / "other", ctx.records.clock)
    st = other.records.settings()
    st.laptop_code = "LB"
    other.records.save_settings(st)
    rec = ctx.records.create("complaint", raw_complaint(received_date="2026-03-18")).record
    import_records(other.records, dump_records(ctx.records))
    theirs = other.records.get("complaint", rec.id)
    other.records.update("complaint", rec.id, raw_of(theirs) | {"complainant_address": "另一台电脑改的地址"})
    ctx.records.update("complaint", rec.id, raw_of(rec) | {"investigator": "本机的调查人员"})
    import_records(ctx.records, copy.deepcopy(dump_records(other.records)), source="other.json")
    other.close()
    form = window.open_record("complaint", rec.id)

    dialog = window.open_conflicts()
    qtbot.addWidget(dialog)
    import os
    if os.environ.get("SHOT"):
        dialog.grab().save(os.environ["SHOT"])
    assert dialog.list.rowCount() == 1 and dialog.list.item(0, 0).text() == rec.number
    rows = {dialog.diffs.item(r, 0).text(): (dialog.diffs.item(r, 1).text(), dialog.diffs.item(r, 2).text())
            for r in range(dialog.diffs.rowCount())}
    address = c.SPEC.label_of("complainant_address")
    assert rows[address][1] == "另一台电脑改的地址"
    assert rows[c.SPEC.label_of("investigator")][0] == "本机的调查人员"
    dialogs.answer(QMessageBox.StandardButton.Ok)
    dialog.keep_incoming.click()
    assert not list_conflicts(ctx.records)
    assert dialog.list.rowCount() == 0 and "没有待处理的冲突" in dialog.summary.text()
    kept = ctx.records.get("complaint", rec.id)
    assert kept.values.fields["complainant_address"] == "另一台电脑改的地址"
    qtbot.waitUntil(lambda: form.editors["complainant_address"].raw() == "另一台电脑改的地址", timeout=3000)
    dialog.close()
