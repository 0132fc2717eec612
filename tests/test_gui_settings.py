"""设置: messages beside the fields, nothing saved until everything is right."""

from __future__ import annotations

import pytest
from conftest import COMPANY, LAPTOP, STAFF
from gui_helpers import replace_text, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

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
    form = window.new_complaint()
    assert form.findChild(QLineEdit, "receiver").text() == "何雪"


def test_first_run_asks_for_the_settings(qtbot, gui_app, dialogs, tmp_path, clock) -> None:
    from desktop.app import create_main_window
    from desktop.services.context import open_context

    ctx = open_context(tmp_path / "fresh", clock)
    try:
        window = create_main_window(ctx)
        qtbot.addWidget(window)
        assert window.register.notice.isVisibleTo(window)
        assert "设置" in window.register.notice.text()
    finally:
        ctx.close()
