"""The training form as a trainer uses it (issue 5): type a session and its attendees, save, print
and export the sign-in sheet, the assessment papers and the results sheet, let the attendees sign
in on the screen, reopen; and the handouts dialog that exports only the chosen chapters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from gui_helpers import edit_cell, pick, type_text
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QMessageBox, QPushButton

from desktop.domain.assessment import load_assessment
from desktop.ui.form_view import FormView
from desktop.ui.item_table_editor import ItemTableEditor
from tests.test_gui_signing import draw, zigzag

pytestmark = pytest.mark.gui

KEY = load_assessment().key


def w(form, cls, key):
    found = form.findChild(cls, key)
    assert found is not None, f"no {cls.__name__} named {key!r}"
    return found


def _text(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))


def fill_session(qtbot, form: FormView) -> None:
    type_text(qtbot, w(form, QLineEdit, "topic"), "消杀药品安全使用与个人防护")
    pick(w(form, QComboBox, "audience"), "客户单位人员")
    type_text(qtbot, w(form, QLineEdit, "customer_unit"), "市第一人民医院")
    type_text(qtbot, w(form, QLineEdit, "place"), "门诊楼三楼会议室")
    type_text(qtbot, w(form, QLineEdit, "start_time"), "09:00")
    type_text(qtbot, w(form, QLineEdit, "end_time"), "11:30")
    trainer = w(form, QLineEdit, "trainer")
    trainer.clear()
    type_text(qtbot, trainer, "李培训")
    type_text(qtbot, w(form, QLineEdit, "handout"), "三、消杀药品使用规范")
    table = w(form, ItemTableEditor, "attendees").table
    cols = [c.key for c in form.spec.element("attendees").columns]
    people = [("张三", "保洁部", "保洁员", "13912345678"), ("李四", "后勤保障部", "库管员", "13812345678"),
              ("王五", "后勤保障部", "保洁员", "")]
    for r, (name, unit, post, phone) in enumerate(people):
        while table.rowCount() <= r:
            qtbot.mouseClick(w(form, QPushButton, "attendees_add"), Qt.MouseButton.LeftButton)
        edit_cell(qtbot, table, r, cols.index("name"), name)
        edit_cell(qtbot, table, r, cols.index("unit"), unit)
        edit_cell(qtbot, table, r, cols.index("post"), post)
        if phone:
            edit_cell(qtbot, table, r, cols.index("phone"), phone)


def test_training_session_sheets_and_sign_in_on_screen(qtbot, window, ctx, dialogs, tmp_path) -> None:
    service = ctx.records
    form = window.new_record("training")
    assert isinstance(form, FormView)
    sheets = form.findChild(QPushButton, "export_sign-in").parent()
    assert sheets.objectName() == "training_sheets"
    fill_session(qtbot, form)

    # 导出签到表 saves the new session first, then asks where.
    dialogs.save_file = str(tmp_path / "签到表.pdf")
    qtbot.mouseClick(w(form, QPushButton, "export_sign-in"), Qt.MouseButton.LeftButton)
    assert form.record is not None, form.message_bar.text()
    number = form.record.number
    assert dialogs.file_dialog_calls[-1][1][2].endswith(f"{number}-签到表.pdf")  # the offered file name
    text = _text(tmp_path / "签到表.pdf")
    for name in ("张三", "李四", "王五", "门诊楼三楼会议室", "李培训", "序号姓名单位/部门岗位联系电话签到"):
        assert name in text
    assert dialogs.opened_urls  # opened for the trainer to look at

    # The assessment papers: one per attendee, with every question.
    dialogs.save_file = str(tmp_path / "试卷.pdf")
    qtbot.mouseClick(w(form, QPushButton, "export_assessment"), Qt.MouseButton.LeftButton)
    papers = _text(tmp_path / "试卷.pdf")
    for name in ("张三", "李四", "王五"):
        assert f"姓名{name}" in papers
    for q in load_assessment().questions:
        assert re.sub(r"\s+", "", q.text) in papers

    # 现场签到: 张三 and 李四 sign on the pad; the list moves on by itself; 完成.
    def sign_two(dialog) -> int:
        assert dialog.objectName() == "signin_dialog"
        qtbot.waitExposed(dialog)
        assert dialog.current_name() == "张三"
        assert not dialog.accept_button.isEnabled()  # no ink yet
        draw(qtbot, dialog.pad, [zigzag(60, 100)])
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        assert dialog.current_name() == "李四", dialog.message.text()
        draw(qtbot, dialog.pad, [zigzag(80, 110), zigzag(70, 90, 6)])
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        assert dialog.current_name() == "王五"
        assert dialog.count.text() == "已签到 2 / 3 人"
        return QDialog.DialogCode.Accepted

    dialogs.answer(sign_two)
    qtbot.mouseClick(w(form, QPushButton, "signin"), Qt.MouseButton.LeftButton)
    assert w(sheets, type(sheets.signin_state), "signin_state").text() == "屏幕签到：2 / 3 人"
    stored = service.get("training", form.record.id)
    assert sorted(s.name for s in stored.signatures) == ["张三", "李四"]
    assert not form.is_dirty

    # Scores typed after signing: a new revision; the sign-ins are still printed.
    window.activateWindow()  # as closing the modal dialog does
    qtbot.waitUntil(window.isActiveWindow)
    table = w(form, ItemTableEditor, "attendees").table
    cols = [c.key for c in form.spec.element("attendees").columns]
    edit_cell(qtbot, table, 0, cols.index("answers"), KEY.lower())
    edit_cell(qtbot, table, 1, cols.index("answers"), "缺考")
    edit_cell(qtbot, table, 2, cols.index("score"), "70")
    dialogs.answer(QMessageBox.StandardButton.Ok)  # 生成新版本: the sign-ins stay on revision 1
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record.revision == 2, form.message_bar.text()
    dialogs.save_file = str(tmp_path / "签到表2.pdf")
    qtbot.mouseClick(w(form, QPushButton, "export_sign-in"), Qt.MouseButton.LeftButton)
    reader = PdfReader(tmp_path / "签到表2.pdf")
    assert sum(len(p.images) for p in reader.pages) == 2  # 张三's and 李四's signatures
    assert "登记3人，其中2人已在屏幕上签到" in _text(tmp_path / "签到表2.pdf")

    # The results sheet through the print preview.
    seen = {}

    def preview(dlg) -> int:
        seen["pages"] = dlg.page_count()
        seen["title"] = dlg.windowTitle()
        return QDialog.DialogCode.Rejected

    dialogs.answer(preview)
    qtbot.mouseClick(w(form, QPushButton, "print_results"), Qt.MouseButton.LeftButton)
    assert seen["pages"] >= 1 and "考核成绩登记表" in seen["title"]
    dialogs.save_file = str(tmp_path / "成绩.pdf")
    qtbot.mouseClick(w(form, QPushButton, "export_results"), Qt.MouseButton.LeftButton)
    results = _text(tmp_path / "成绩.pdf")
    assert "张三保洁部保洁员100合格" in results
    assert "李四后勤保障部库管员缺考" in results
    assert "王五后勤保障部保洁员70不合格" in results

    # Reopen: the values, the results and the sign-in count come back.
    record_id = form.record.id
    window.close_current_tab()
    again = window.open_record("training", record_id)
    assert again is not form and again.record.number == number
    table = w(again, ItemTableEditor, "attendees").table
    assert table.rowCount() == 3
    assert table.item(0, cols.index("score")).text() == "100"
    assert table.item(0, cols.index("result")).text() == "合格"
    assert table.item(1, cols.index("result")).text() == "缺考"
    state = again.findChild(type(sheets.signin_state), "signin_state")
    assert state.text() == "屏幕签到：2 / 3 人"

    # 王五 signs in on the reopened form (revision 2): now all three are on the sheet.
    def sign_last(dialog) -> int:
        assert dialog.current_name() == "王五"
        draw(qtbot, dialog.pad, [zigzag(60, 100)])
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        assert dialog.heading.text() == "全部人员已签到"
        return QDialog.DialogCode.Accepted

    dialogs.answer(sign_last)
    qtbot.mouseClick(w(again, QPushButton, "signin"), Qt.MouseButton.LeftButton)
    assert state.text() == "屏幕签到：3 / 3 人"
    assert dialogs.unexpected == []


def test_sign_in_needs_attendees(qtbot, window, dialogs) -> None:
    form = window.new_record("training")
    type_text(qtbot, w(form, QLineEdit, "topic"), "上岗培训")
    pick(w(form, QComboBox, "audience"), "本公司售后服务人员")
    type_text(qtbot, w(form, QLineEdit, "place"), "公司培训室")
    trainer = w(form, QLineEdit, "trainer")
    trainer.clear()
    type_text(qtbot, trainer, "李培训")
    qtbot.mouseClick(w(form, QPushButton, "signin"), Qt.MouseButton.LeftButton)
    assert form.record is not None  # saved (a planned session with nobody registered yet)
    assert "请先在“参加人员”中登记姓名" in form.message_bar.text()
    assert dialogs.seen == []


def test_handouts_dialog_exports_only_the_chosen_chapters(qtbot, window, ctx, dialogs, tmp_path) -> None:
    from desktop.ui.handouts_dialog import HandoutsDialog

    act = window.findChild(type(window.act_blank_survey), "act_handouts")
    assert act is not None and act.text() == "培训讲义…"
    out = tmp_path / "讲义.pdf"

    def choose(dialog) -> int:
        assert isinstance(dialog, HandoutsDialog)
        assert not dialog.appendix.isEnabled()  # no products in the register
        for n, box in dialog.boxes.items():
            if n in (1, 2, 4):  # a click on the tick box
                qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        assert dialog.chosen() == [3]
        dialogs.save_file = str(out)
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert dialog.last_path == out
        qtbot.mouseClick(dialog.boxes[3], Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.boxes[3].height() // 2))
        assert not dialog.export_button.isEnabled() and "请至少选择一章" in dialog.message.text()
        return QDialog.DialogCode.Rejected

    dialogs.answer(choose)
    act.trigger()
    text = _text(out)
    assert "三、消杀药品使用规范" in text
    for other in ("一、除四害技术培训", "二、消杀药剂特性知识", "四、消杀药品使用方法"):
        assert other not in text
    assert dialogs.opened_urls


def test_handouts_dialog_appendix_and_print(qtbot, window, ctx, dialogs) -> None:
    from desktop.ui.handouts_dialog import open_handouts_dialog
    from tests.test_handouts import product_raw

    ctx.records.create("product", product_raw("4.5% 高效氯氰菊酯悬浮剂", "杀虫剂", "WP20190123", "1:200", "远离水体"))
    seen = {}

    def preview(dlg) -> int:
        seen["pages"] = dlg.page_count()
        return QDialog.DialogCode.Rejected

    def choose(dialog) -> int:
        assert dialog.appendix.isEnabled() and dialog.appendix.isChecked()
        assert "1 种产品" in dialog.appendix.text()
        for n in (1, 2, 3):
            dialog.boxes[n].setChecked(False)
        dialogs.answer(preview)
        assert dialog.print_pdf() is True
        return QDialog.DialogCode.Rejected

    dialogs.answer(choose)
    open_handouts_dialog(window, ctx.records)
    assert seen["pages"] >= 4  # cover, contents, chapter 4, the appendix
