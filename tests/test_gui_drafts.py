"""Nothing typed is lost (issue 14): a window killed (kill -9) with a half-typed, unsaved form
leaves a draft at most 2 s old; the next start offers it back in its form, still to be saved; open
tabs and the window's size and place come back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gui_helpers import type_text
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from desktop.services.drafts import DraftStore

pytestmark = pytest.mark.gui

CHILD = r'''
import sys, os
sys.path.insert(0, {tests!r})
from pathlib import Path
from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from conftest import NOW
from desktop.app import setup_application
from desktop.domain.clock import FixedClock
from desktop.services.context import open_context
from desktop.ui.main_window import MainWindow

app = QApplication([])
QStandardPaths.setTestModeEnabled(True)
setup_application(app)
folder = Path({folder!r})
ctx = open_context(folder, FixedClock(NOW))
w = MainWindow(folder)
w.attach(ctx.records)
w.show()
form = w.new_record("complaint")

def commit(widget, text):
    widget.setFocus()
    e = QInputMethodEvent("", [])
    e.setCommitString(text)
    QApplication.sendEvent(widget, e)

def typed():
    commit(form.editors["complainant_unit"], "北京市朝阳区第三医院")
    QTest.keyClicks(form.editors["complainant_phone"], "010-65123456")
    commit(form.editors["reason"], "上月购入的消毒液稀释后气味偏淡，")
    print("TYPED", flush=True)

QTimer.singleShot(200, typed)
app.exec()
'''


def test_a_killed_window_offers_back_what_was_typed(qtbot, tmp_path, data_dir, gui_app, dialogs, clock) -> None:
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(tests=str(Path(__file__).parent), folder=str(data_dir)), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=env, text=True, cwd=str(Path(__file__).parents[1]))
    try:
        line = child.stdout.readline()
        assert line.strip() == "TYPED", child.stderr.read()
        typed_at = time.monotonic()
        store = DraftStore(data_dir)
        while not store.all() and time.monotonic() - typed_at < 10:
            time.sleep(0.1)
        kept_after = time.monotonic() - typed_at
    finally:
        child.send_signal(signal.SIGKILL)  # kill -9: no closeEvent, nothing saved
        child.wait(10)
    assert kept_after <= 5, f"the draft was kept {kept_after:.1f} s after typing"
    (draft,) = store.all()
    assert draft.kind == "complaint" and draft.record_id is None
    assert draft.raw["complainant_unit"] == "北京市朝阳区第三医院"

    # The next start: the draft is offered, and accepted.
    from desktop.services.context import open_context
    from desktop.ui.main_window import MainWindow

    ctx = open_context(data_dir, clock)
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.show()
    dialogs.answer(lambda box: box.StandardButton.Ok)
    window.attach(ctx.records)
    try:
        assert dialogs.seen and "1 份" in dialogs.seen[-1]["text"]
        form = window.current_form()
        assert form is not None and form.kind == "complaint" and form.is_dirty
        assert form.findChild(QLineEdit, "complainant_unit").text() == "北京市朝阳区第三医院"
        assert form.findChild(QLineEdit, "complainant_phone").text() == "010-65123456"
        assert form.findChild(QPlainTextEdit, "reason").toPlainText() == "上月购入的消毒液稀释后气味偏淡，"
        # Finished and saved: the draft goes.
        type_text(qtbot, form.findChild(QPlainTextEdit, "reason"), "已按说明书稀释。")
        window.drafts.keep_now()
        assert len(store.all()) == 1
        form.editors["channel"].set_value("电话")
        form.editors["severity"].set_value("一般投诉")
        form.editors["category"].set_value("其他")
        type_text(qtbot, form.findChild(QLineEdit, "complainant_name"), "李明")
        from gui_helpers import edit_cell

        from desktop.ui.item_table_editor import ItemTableEditor

        table = form.findChild(ItemTableEditor, "items").table
        from PySide6.QtWidgets import QApplication

        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        for col, text in enumerate(["84 消毒液", "桶装", "5", "桶", "SH260101"]):
            edit_cell(qtbot, table, 0, col, text)
        assert form.save(), form.message_bar.text()
        window.drafts.keep_now()
        assert store.all() == []
    finally:
        window._closing_confirmed = True
        window.close()
        ctx.close()


def test_open_tabs_and_the_window_size_come_back(qtbot, tmp_path, data_dir, gui_app, dialogs, clock) -> None:
    from support import raw_complaint

    from desktop.services.context import open_context
    from desktop.ui.main_window import MainWindow

    ctx = open_context(data_dir, clock)
    rec = ctx.records.create("complaint", raw_complaint(received_date="2026-03-18")).record
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.attach(ctx.records)
    window.show()
    window.resize(800, 680)  # within the offscreen screen (restoreGeometry keeps a window on its screen)
    window.move(40, 30)
    window.open_record("complaint", rec.id)
    qtbot.wait(20)
    size, place = window.size(), window.pos()
    window.close()
    assert (data_dir / "window.ini").exists()

    again = MainWindow(data_dir)
    qtbot.addWidget(again)
    again.show()  # as the application does: the window first, then the data folder
    again.attach(ctx.records)
    try:
        form = again.current_form()
        assert form is not None and form.record.id == rec.id
        # The offscreen screen is 800 px wide and restoreGeometry keeps a window on its screen:
        # the height and the place are what was left, the width as much of it as the screen has.
        assert again.height() == size.height() and again.pos().y() == place.y()
        assert again.width() >= 800
    finally:
        again._closing_confirmed = True
        again.close()
        ctx.close()
