"""Everything fits a 1366×768 laptop with a taskbar (issue 14): every dialog at most 650 px tall,
its content scrolling inside; register tabs reachable with many records open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QWidget

from desktop.domain import complaint as c
from desktop.services.demo import demo_objects
from desktop.services.transfer import import_records
from desktop.ui.screen_fit import MAX_DIALOG_HEIGHT

pytestmark = pytest.mark.gui

# The offscreen screen is 800×800: the 650 px cap is what a 1366×768 screen with a taskbar leaves.


def _shown_height(qtbot: Any, dialog: QWidget) -> int:
    dialog.show()
    qtbot.waitExposed(dialog)
    height = dialog.frameGeometry().height() if dialog.isWindow() else dialog.height()
    dialog.hide()
    return height


def _complaint(service: Any) -> Any:
    obj = next(o for o in demo_objects(TODAY, 14) if o["status"] == c.CLOSED)
    return import_records(service, [obj]).records[0]


@pytest.fixture(params=["zh", "en"])
def lang(request: Any, gui_app: Any) -> Any:
    """Both languages: English texts are longer and wrap into more lines."""
    from desktop.app import DEFAULT_LANG, install_translators

    if request.param != DEFAULT_LANG:
        install_translators(gui_app, request.param)
    yield request.param
    install_translators(gui_app, DEFAULT_LANG)


def test_every_dialog_is_at_most_650_px_tall(qtbot, lang, window, service, data_dir: Path, tmp_path: Path) -> None:
    from desktop.domain.forms import WORKFLOWS
    from desktop.services.export import export_record
    from desktop.ui.about_dialog import AboutDialog
    from desktop.ui.backup_dialog import BackupDialog
    from desktop.ui.blank_survey import BlankSurveyDialog
    from desktop.ui.conflicts_dialog import ConflictsDialog
    from desktop.ui.excel_ui import ImportErrorsDialog
    from desktop.ui.handouts_dialog import HandoutsDialog
    from desktop.ui.photo_list import PhotoViewer
    from desktop.ui.print_preview import PrintPreviewDialog
    from desktop.ui.settings_dialog import SettingsDialog
    from desktop.ui.sign_dialog import SignDialog
    from desktop.ui.step_reason import ReasonDialog

    record = _complaint(service)
    pdf = export_record(service, record, tmp_path / "c.pdf")
    big = QPixmap(3000, 2000)
    big.fill()
    reopen = WORKFLOWS["complaint"].find(c.CLOSED, c.HANDLING)
    made = {
        "settings": SettingsDialog(service, window),
        "print_preview": PrintPreviewDialog(pdf, record.number, window),
        "about": AboutDialog(data_dir, window),
        "backup": BackupDialog(service, data_dir, window),
        "blank_survey": BlankSurveyDialog(service, ["北京市第一人民医院"] * 40, window),
        "conflicts": ConflictsDialog(service, window),
        "import_errors": ImportErrorsDialog("导入.xlsx", [f"第 {i} 行：产品名称必填" for i in range(200)], window),
        "handouts": HandoutsDialog(service, window),
        "photo": PhotoViewer(big, "现场照片", window),
        "sign": SignDialog(service, record, c.SPEC.signatures[0], window),
        "reason": ReasonDialog(record.number, record.status, reopen, window),
    }
    heights = {name: _shown_height(qtbot, d) for name, d in made.items()}
    assert {n: h for n, h in heights.items() if h > MAX_DIALOG_HEIGHT} == {}, heights
    # The settings scroll inside: their buttons are on the screen, the last setting reachable.
    settings = made["settings"]
    assert settings.scroll.verticalScrollBar().maximum() > 0 or settings.height() <= MAX_DIALOG_HEIGHT
    # The print preview takes what the screen allows, not less.
    assert heights["print_preview"] >= MAX_DIALOG_HEIGHT - 40


def test_pages_and_records_stay_reachable_with_six_records_open(qtbot, window, service, dialogs) -> None:
    from gui_helpers import type_text
    from PySide6.QtWidgets import QLineEdit

    window.resize(1366, 700)
    objs = demo_objects(TODAY, 14)[:6]
    records = import_records(service, objs).records
    forms = [window.open_record("complaint", r.id) for r in records]
    assert window.tabs.count() == window.fixed_tabs + 6
    assert window.tabs.currentWidget() is forms[-1]
    bar = window.tabs.tabBar()
    # The strip scrolls: some fixed page is out of it, but the 页面 corner reaches every one.
    window.show()
    qtbot.waitExposed(window)
    assert bar.sizeHint().width() > bar.width()  # more tabs than the strip shows
    pages = window.pages_button
    assert pages.isVisible()
    menu_texts = [a.text() for a in pages.menu().actions()]
    assert menu_texts == [window.tabs.tabText(i) for i in range(window.fixed_tabs)]
    for i, act in enumerate(pages.menu().actions()):
        act.trigger()
        assert window.tabs.currentIndex() == i
    pages.menu().actions()[0].trigger()
    assert window.tabs.currentWidget() is window.home

    # 已打开 6 ▾ lists the records and switches to one.
    opened = window.open_records
    assert opened.isVisible() and opened.text() == "已打开 6 ▾"
    opened.menu().aboutToShow.emit()
    acts = [a for a in opened.menu().actions() if not a.isSeparator()]
    assert [a.text() for a in acts[:-1]] == [window.tabs.tabText(window.fixed_tabs + i) for i in range(6)]
    assert acts[-1].text() == "关闭全部记录"
    acts[2].trigger()
    assert window.tabs.currentWidget() is forms[2]

    # 关闭全部记录 asks about a record with unsaved changes; kept open when the clerk cancels.
    open_form = next(f for f in forms if not f.read_only)
    type_text(qtbot, open_form.findChild(QLineEdit, "complainant_address"), "（补）")
    assert open_form.is_dirty
    dialogs.answer(lambda box: box.StandardButton.Cancel)
    assert not opened.close_all()
    assert open_form in window.forms()
    dialogs.answer(lambda box: box.StandardButton.Discard)
    assert opened.close_all()
    assert window.forms() == [] and window.tabs.count() == window.fixed_tabs
    assert opened.text() == "已打开 0 ▾" and not opened.isEnabled()
