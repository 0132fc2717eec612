"""Paper for customers: a blank survey registered and printed for a unit, the commitment letter."""

from __future__ import annotations

import pytest
from gui_helpers import replace_text, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from desktop.domain import survey as sv

pytestmark = pytest.mark.gui


def test_a_blank_survey_is_registered_as_issued_and_its_pdf_exported(qtbot, forms_window, forms_ctx, dialogs,
                                                                     tmp_path) -> None:
    window, service = forms_window, forms_ctx.records
    page = window.registers["survey"]
    window.tabs.setCurrentWidget(page)
    before = len(service.search("survey"))
    known = service.search("complaint")[0]["complainant_unit"]

    def fill(dialog) -> int:
        assert dialog.unit.findText(known) >= 0  # the units on record are offered
        ok = dialog.findChild(QPushButton, "blank_ok")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # no unit: refused in the dialog
        assert dialog.result() == 0 and dialog.findChild(QLabel, "blank_error").isVisible()
        assert "必填" in dialog.error.text()
        type_text(qtbot, dialog.unit.lineEdit(), "苏州市姑苏区爱国卫生运动委员会办公室")
        type_text(qtbot, dialog.respondent, "钱芳")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    dialogs.answer(fill)
    dialogs.save_file = str(tmp_path / "空白调查表")
    qtbot.mouseClick(page.findChild(QPushButton, "register_blank_survey"), Qt.MouseButton.LeftButton)

    rows = service.search("survey")
    assert len(rows) == before + 1
    record = service.find_number(page.model.row_at(page.view.currentIndex().row()).number)
    assert page.selected_id() == record.id  # the new survey is selected in its register
    assert record.status == sv.ISSUED
    fields = record.values.fields
    assert (fields["customer_unit"], fields["respondent"], fields["survey_way"], fields["survey_type"]) == (
        "苏州市姑苏区爱国卫生运动委员会办公室", "钱芳", "纸质表格", "年度调查")
    assert all(fields[k] is None for k, _label in sv.SCORE_ITEMS)
    pdf = tmp_path / "空白调查表.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert dialogs.file_dialog_calls[-1][1][2].endswith(f"{record.number}.pdf")  # the number as file name
    assert dialogs.opened_urls[-1].toLocalFile() == str(pdf)
    assert record.number in window.statusBar().currentMessage()

    # The paper comes back: open the record and type its ticks in.
    form = window.open_record("survey", record.id)
    assert form.step_buttons[sv.RETURNED].text() == "登记回收的调查表"


def test_a_cancelled_blank_survey_writes_nothing(qtbot, window, service, dialogs) -> None:
    dialogs.answer(lambda dialog: dialog.reject() or dialog.result())
    assert window.print_blank_survey() is None
    assert service.search("survey") == []


def test_the_commitment_letter_shows_the_hours_and_exports(qtbot, forms_window, forms_ctx, dialogs,
                                                           tmp_path) -> None:
    window, service = forms_window, forms_ctx.records
    window.page_actions[-1].trigger()
    letter = window.letter
    assert window.tabs.currentWidget() is letter and window.tabs.tabText(window.tabs.currentIndex()) == "承诺书"
    s = service.settings()
    assert letter.company.text() == s.company_name
    assert letter.hours.item(3, 0).text() == "产品在使用过程中出现质量问题"
    assert letter.hours.item(3, 1).text() == f"{s.quality_phone_hours} 小时内"
    assert letter.hours.item(3, 2).text() == f"{s.quality_handling_hours} 小时内"
    assert letter.shelf_life.text() == f"自发货之日起 {s.shelf_life_months} 个月"
    unit = service.search("complaint")[0]["complainant_unit"]
    assert letter.recipient.findText(unit) >= 0

    # 修改…: the settings dialog, then the page shows the new hours.
    def change(dialog) -> int:
        replace_text(qtbot, dialog.findChild(QLineEdit, "quality_phone_hours"), "4")
        qtbot.mouseClick(dialog.findChild(QPushButton, "settings_save"), Qt.MouseButton.LeftButton)
        return dialog.result()

    dialogs.answer(change)
    qtbot.mouseClick(letter.findChild(QPushButton, "letter_settings"), Qt.MouseButton.LeftButton)
    assert service.settings().quality_phone_hours == 4
    assert letter.hours.item(3, 1).text() == "4 小时内"

    type_text(qtbot, letter.recipient.lineEdit(), unit)
    dialogs.save_file = str(tmp_path / "承诺书.pdf")
    window.act_export.trigger()  # Ctrl+E on this page exports the letter
    assert (tmp_path / "承诺书.pdf").read_bytes().startswith(b"%PDF")
    assert unit in dialogs.file_dialog_calls[-1][1][2]
    assert dialogs.opened_urls[-1].toLocalFile() == str(tmp_path / "承诺书.pdf")
    assert "已导出" in letter.message.text()
