"""设置: messages beside the fields, nothing saved until everything is right."""

from __future__ import annotations

import pytest
from conftest import COMPANY, LAPTOP, STAFF
from gui_helpers import replace_text, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from desktop.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui


def test_settings_dialog_shows_the_stored_values_and_explains_the_laptop_code(gui_app, service, qtbot) -> None:
    dialog = SettingsDialog(service)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLineEdit, "company_name").text() == COMPANY
    assert dialog.findChild(QLineEdit, "laptop_code").text() == LAPTOP
    assert dialog.findChild(QLineEdit, "staff_name").text() == STAFF
    assert "必须使用不同的代码" in dialog.findChild(QLabel, "laptop_code_help").text()


def test_settings_are_checked_then_saved(qtbot, window, service, dialogs) -> None:
    def fill(dialog: SettingsDialog) -> int:
        code = dialog.findChild(QLineEdit, "laptop_code")
        replace_text(qtbot, code, "a-1")
        assert code.text() == "A-1"  # letters are made capitals as they are typed
        replace_text(qtbot, dialog.findChild(QLineEdit, "company_name"), "")
        save = dialog.findChild(QPushButton, "settings_save")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert dialog.result() == 0
        assert dialog.findChild(QLabel, "laptop_code_error").isVisible()
        assert "1–4 位大写字母或数字" in dialog.findChild(QLabel, "laptop_code_error").text()
        assert dialog.findChild(QLabel, "company_name_error").text() == "必填"
        assert service.settings().laptop_code == LAPTOP  # nothing saved

        replace_text(qtbot, code, "b2")
        type_text(qtbot, dialog.findChild(QLineEdit, "company_name"), "华康消杀药业有限公司")
        replace_text(qtbot, dialog.findChild(QLineEdit, "staff_name"), "何雪")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        return dialog.result()

    dialogs.answer(fill)
    assert window.open_settings()
    s = service.settings()
    assert (s.laptop_code, s.company_name, s.staff_name) == ("B2", "华康消杀药业有限公司", "何雪")
    # New complaints now get the new clerk and the new laptop code.
    form = window.new_record("complaint")
    assert form.findChild(QLineEdit, "receiver").text() == "何雪"


def test_first_run_asks_for_the_settings(qtbot, gui_app, dialogs, tmp_path, clock) -> None:
    from desktop.app import create_main_window
    from desktop.services.context import open_context

    ctx = open_context(tmp_path / "fresh", clock)
    try:
        window = create_main_window(ctx)
        qtbot.addWidget(window)
        assert window.notice.isVisibleTo(window)
        assert "设置" in window.notice.text()
    finally:
        ctx.close()


def test_response_hours_are_a_grid_checked_beside_each_value(qtbot, window, service, dialogs) -> None:
    def fill(dialog: SettingsDialog) -> int:
        grid = dialog.findChild(QWidget, "response_times")
        assert [grid.findChild(QLabel, f"response_head_{i}").text() for i in range(3)] == [
            "服务内容", "电话响应（小时）", "协商处理（小时）"]
        phone = dialog.findChild(QLineEdit, "quality_phone_hours")
        assert phone.accessibleName() == "使用中质量问题：电话响应（小时）"
        assert phone.text() == "2"
        replace_text(qtbot, dialog.findChild(QLineEdit, "delivery_hours"), "两天")
        replace_text(qtbot, dialog.findChild(QLineEdit, "objection_hours"), "0")
        replace_text(qtbot, phone, "12")
        replace_text(qtbot, dialog.findChild(QLineEdit, "quality_handling_hours"), "8")
        replace_text(qtbot, dialog.findChild(QLineEdit, "shelf_life_months"), "121")
        save = dialog.findChild(QPushButton, "settings_save")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert dialog.result() == 0
        errors = {key: dialog.findChild(QLabel, f"{key}_error") for key in (
            "delivery_hours", "objection_hours", "quality_handling_hours", "shelf_life_months")}
        assert all(e.isVisible() for e in errors.values())
        assert errors["delivery_hours"].text() == "应为 1 到 720 之间的整数"
        assert errors["objection_hours"].text() == "应为 1 到 720 之间的整数"
        assert errors["shelf_life_months"].text() == "应为 1 到 120 之间的整数"
        assert errors["quality_handling_hours"].text() == "协商处理时限不能短于电话响应时限"
        assert not dialog.findChild(QLabel, "quality_phone_hours_error").isVisible()
        assert service.settings().delivery_hours == 48  # nothing saved

        for key, text in (("delivery_hours", "24"), ("objection_hours", "12"), ("quality_handling_hours", "36"),
                          ("shelf_life_months", "18")):
            replace_text(qtbot, dialog.findChild(QLineEdit, key), text)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        return dialog.result()

    dialogs.answer(fill)
    assert window.open_settings()
    s = service.settings()
    assert (s.delivery_hours, s.objection_hours, s.quality_phone_hours, s.quality_handling_hours,
            s.shelf_life_months) == (24, 12, 12, 36, 18)
    assert window.letter.hours.item(0, 2).text() == "24 小时内"  # the letter page shows them at once
