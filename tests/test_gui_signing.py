"""Signing on the screen: draw on the pad with the mouse, see the signature in the form, edit the
signed record into revision 2, open revision 1 read-only and print it again (issue 4)."""

from __future__ import annotations

import pytest
from gui_helpers import replace_text, type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit

from desktop.ui.form_view import FormView
from desktop.ui.sign_dialog import SignDialog
from tests.support import raw_complaint

pytestmark = pytest.mark.gui


def draw(qtbot, pad, strokes: list[list[tuple[int, int]]]) -> None:
    """Write on the pad as a mouse does: press, move through the points, release."""
    for stroke in strokes:
        first, *rest = stroke
        qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*first))
        for x, y in rest:
            qtbot.mouseMove(pad, QPoint(x, y))
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*(rest[-1] if rest else first)))


def zigzag(x0: int, y0: int, n: int = 12) -> list[tuple[int, int]]:
    return [(x0 + 14 * i, y0 + (22 if i % 2 else -18)) for i in range(n)]


def sign_with(qtbot, name: str | None, strokes: list[list[tuple[int, int]]]):
    """An answer for the sign dialog: (re)type the name, draw, 确认签字."""

    def answer(dialog: SignDialog):
        assert isinstance(dialog, SignDialog)
        qtbot.waitExposed(dialog)
        if name is not None:
            replace_text(qtbot, dialog.name_edit, name)
        draw(qtbot, dialog.pad, strokes)
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    return answer


def test_sign_edit_into_revision_2_and_reprint_revision_1(qtbot, window, ctx, dialogs, tmp_path) -> None:
    from pypdf import PdfReader

    service = ctx.records
    rec = service.create("complaint", raw_complaint(received_date="2026-03-18"), by="王测试").record
    form = window.open_record("complaint", rec.id)
    panel = form.signatures_panel
    assert panel.states["complainant"].text() == "未签" and panel.buttons["complainant"].isEnabled()
    assert form.revision_label.text() == "第 1 版"

    # A draft drawn then cleared is not stored: 清除重签 empties the pad.
    def clear_then_sign(dialog: SignDialog):
        draw(qtbot, dialog.pad, [zigzag(60, 120)])
        assert not dialog.pad.is_empty()
        qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
        assert dialog.pad.is_empty() and not dialog.accept_button.isEnabled()
        return sign_with(qtbot, None, [zigzag(60, 120), zigzag(260, 110, 10), [(600, 150), (640, 150)]])(dialog)

    dialogs.answer(clear_then_sign)
    qtbot.mouseClick(panel.buttons["complainant"], Qt.MouseButton.LeftButton)
    stored = service.get("complaint", rec.id)
    sig = stored.signature("complainant")
    assert sig is not None and sig.name == "张丽"  # prefilled from the complainant's name
    assert [len(s) for s in sig.strokes] == [12, 10, 2]  # every point of every stroke
    assert all(0 <= x <= 1 and 0 <= y <= 1 and p == 0.5 for s in sig.strokes for x, y, p, _t in s)
    assert sig.strokes[0][-1][3] >= sig.strokes[0][0][3]
    assert panel.states["complainant"].text().startswith("已签：张丽")
    assert panel.thumbs["complainant"].pixmap() is not None and not panel.thumbs["complainant"].pixmap().isNull()
    assert not panel.buttons["complainant"].isVisible()

    dialogs.answer(sign_with(qtbot, "马晓东", [zigzag(80, 140, 16)]))
    qtbot.mouseClick(panel.buttons["receiver"], Qt.MouseButton.LeftButton)
    assert [s.name for s in service.get("complaint", rec.id).signatures] == ["张丽", "马晓东"]
    assert "保存修改会生成新的一版" in panel.note.text()

    # Edit the signed record and save: revision 2, the signed revision 1 kept.
    reason = form.findChild(QPlainTextEdit, "reason")
    type_text(qtbot, reason, "补充：第二桶也有问题。")
    dialogs.answer(QMessageBox.StandardButton.Ok)  # 生成新版本: the signatures stay on revision 1
    assert form.save(), form.message_bar.text()
    asked = dialogs.seen[-1]
    assert asked["title"] == "生成新版本" and "投诉人（张丽）" in asked["text"] and "受理人（马晓东）" in asked["text"]
    assert form.revision_label.text() == "第 2 版" and "第 2 版" in form.message_bar.text()
    assert panel.states["complainant"].text() == "未签" and panel.buttons["complainant"].isEnabled()
    table = form.revisions
    assert table.rowCount() == 2
    assert table.item(0, 0).text() == "第 1 版" and "张丽" in table.item(0, 2).text()
    assert "马晓东" in table.item(0, 2).text()
    assert table.item(1, 0).text() == "第 2 版（当前）" and table.item(1, 2).text() == "未签字"

    # Double-click revision 1: it opens read-only, with its signatures, and prints again.
    form.scroll.ensureWidgetVisible(table)  # scrolled down to it, as the clerk does
    rect = table.visualItemRect(table.item(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    old = window.current_form()
    assert isinstance(old, FormView) and old is not form and old.archived
    assert old.title_label.text() == "客户投诉登记反馈表 第 1 版（已签字，只读）"
    assert old.read_only and not old.save_button.isVisible() and not old.step_buttons
    assert old.record.revision == 1 and old.record.values.fields["reason"] == rec.values.fields["reason"]
    assert old.signatures_panel.states["receiver"].text().startswith("已签：马晓东")
    assert not any(b.isEnabled() and b.isVisible() for b in old.signatures_panel.buttons.values())
    assert window.form_for(rec.id) is form  # the register still opens the current revision

    target = tmp_path / "第1版.pdf"
    dialogs.save_file = str(target)
    qtbot.mouseClick(old.export_button, Qt.MouseButton.LeftButton)
    assert target.exists(), old.message_bar.text()
    pages = PdfReader(str(target)).pages
    images = []
    for page in pages:  # the signature grid follows the form: on its last page
        xobjects = page["/Resources"].get("/XObject", {})
        images += [xobjects[k].get_object() for k in xobjects if xobjects[k].get_object()["/Subtype"] == "/Image"]
    signatures = [im for im in images if "/SMask" in im]  # transparent: drawn with mask='auto'
    assert len(signatures) == 2 and all(im["/Width"] >= 600 for im in signatures)
    text = "".join(page.extract_text() for page in pages)
    assert "姓名：张丽" in text and "姓名：马晓东" in text and "签字时间：2026-03-20 " in text


def test_signing_saves_unsaved_changes_first_and_a_cancel_signs_nothing(qtbot, window, ctx, dialogs) -> None:
    service = ctx.records
    rec = service.create("complaint", raw_complaint(received_date="2026-03-18"), by="王测试").record
    form = window.open_record("complaint", rec.id)
    dialogs.answer(lambda dialog: SignDialog.DialogCode.Rejected)
    type_text(qtbot, form.findChild(QPlainTextEdit, "reason"), "再补一句。")
    assert form.is_dirty
    qtbot.mouseClick(form.signatures_panel.buttons["complainant"], Qt.MouseButton.LeftButton)
    assert not form.is_dirty and service.get("complaint", rec.id).values.fields["reason"].startswith("再补一句。")
    assert service.get("complaint", rec.id).signatures == []


def test_a_new_record_cannot_be_signed_before_it_is_saved(qtbot, window) -> None:
    form = window.new_record("complaint")
    assert not any(b.isEnabled() for b in form.signatures_panel.buttons.values())
    assert form.revisions.rowCount() == 0
