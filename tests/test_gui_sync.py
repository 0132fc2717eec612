"""工具 ▸ 与总部同步… (issue 12): the clerk types the address and the token once, presses 同步 and
sees what was sent and received; the next time only 同步; a bad token is said in the dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.ui.sync_dialog import SyncDialog
from tests.sync_helpers import head_office, laptop, new_complaint, running, token_for

pytestmark = pytest.mark.gui


@pytest.fixture
def hq(pg_url: str) -> Any:
    service = head_office(pg_url)
    yield service
    service.db.dispose()


def test_a_sync_from_the_window_sends_shows_progress_and_remembers(qtbot: Any, hq: Any, tmp_path: Path) -> None:
    a = laptop(tmp_path, "A1")
    token = token_for(hq, "A1")
    made = new_complaint(a)
    try:
        with running(hq) as url:
            dialog = SyncDialog(a.records)
            qtbot.addWidget(dialog)
            dialog.show()
            seen: list[int] = []
            dialog.progress.valueChanged.connect(seen.append)
            qtbot.keyClicks(dialog.server, url)
            qtbot.keyClicks(dialog.token, token + "x")  # a mistyped token first
            qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
            assert dialog.result is None and "未能同步" in dialog.status.text()
            dialog.token.clear()
            qtbot.keyClicks(dialog.token, token)
            qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
            assert dialog.result is not None and dialog.result.sent == 1, dialog.status.text()
            assert "发出 1 条" in dialog.status.text() and seen
            assert any(r.id == made.id for r in hq.all_records("complaint"))
            dialog.grab().save(str(tmp_path / "sync_dialog.png"))
            dialog.close()

            again = SyncDialog(a.records)  # remembered: the address shown, the token kept, only 同步
            qtbot.addWidget(again)
            assert again.server.text() == url and again.token.text() == ""
            qtbot.mouseClick(again.run_button, Qt.MouseButton.LeftButton)
            assert again.result is not None and again.result.sent == 0 and "发出 0 条" in again.status.text()
    finally:
        a.close()


def test_the_dialog_refuses_an_address_without_its_scheme(qtbot: Any, tmp_path: Path) -> None:
    a = laptop(tmp_path, "A2")
    try:
        dialog = SyncDialog(a.records)
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.server, "sync.example.cn")
        qtbot.keyClicks(dialog.token, "A2.abc")
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
        assert dialog.result is None and "https://" in dialog.status.text()
    finally:
        a.close()
