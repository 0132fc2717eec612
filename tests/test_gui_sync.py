"""工具 ▸ 与总部同步… (issue 12): the clerk types the address and the token once, presses 同步 and
sees what was sent and received; the next time only 同步; a bad token is said in the dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.ui.sync_dialog import SyncDialog
from tests.sync_helpers import laptop, new_complaint, running, token_for

pytestmark = pytest.mark.gui


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
            _finished(qtbot, dialog)
            assert dialog.result is None and "未能同步" in dialog.status.text()
            dialog.token.clear()
            qtbot.keyClicks(dialog.token, token)
            qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
            _finished(qtbot, dialog)
            assert dialog.result is not None and dialog.result.sent == 1, dialog.status.text()
            assert "发出 1 条" in dialog.status.text() and seen
            assert any(r.id == made.id for r in hq.all_records("complaint"))
            dialog.grab().save(str(tmp_path / "sync_dialog.png"))
            dialog.close()

            again = SyncDialog(a.records)  # remembered: the address shown, the token kept, only 同步
            qtbot.addWidget(again)
            assert again.server.text() == url and again.token.text() == ""
            qtbot.mouseClick(again.run_button, Qt.MouseButton.LeftButton)
            _finished(qtbot, again)
            assert again.result is not None and again.result.sent == 0 and "发出 0 条" in again.status.text()
    finally:
        a.close()


def _finished(qtbot: Any, dialog: SyncDialog) -> None:
    """The sync runs in a worker thread: wait (the event loop running) until it has stopped."""
    assert dialog.running or dialog.result is not None or dialog.status.text()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)


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


class _Slow:
    """An httpx transport that takes ``delay`` seconds per request (a slow network)."""

    def __init__(self, delay: float) -> None:
        import httpx

        self.inner = httpx.HTTPTransport()
        self.delay = delay
        self.records = 0

    def handle_request(self, request: Any) -> Any:
        import time

        time.sleep(self.delay)
        if request.url.path.endswith("/records"):
            self.records += 1
        return self.inner.handle_request(request)


def _slow_dialog(qtbot: Any, a: Any) -> tuple[Any, _Slow]:
    """The sync dialog shown, its requests slowed (a batch of one record at a time)."""
    import httpx

    slow = _Slow(0.25)
    dialog = SyncDialog(a.records, transport=httpx.MockTransport(slow.handle_request), batch=1)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, slow


def _start(qtbot: Any, dialog: Any, url: str, token: str) -> None:
    """Typed in and started as a user does."""
    qtbot.keyClicks(dialog.server, url)
    qtbot.keyClicks(dialog.token, token)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)


def test_the_window_stays_responsive_during_a_sync_and_a_cancel_is_resumable(
        qtbot: Any, hq: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer

    a = laptop(tmp_path, "A3")
    token = token_for(hq, "A3")
    for i in range(6):
        new_complaint(a, complainant_name=f"张{i}")
    try:
        with running(hq) as url:
            dialog, slow = _slow_dialog(qtbot, a)
            ticks: list[bool] = []  # the event loop turns while the sync runs: each tick, whether it was running
            timer = QTimer(dialog)
            timer.setInterval(20)
            timer.timeout.connect(lambda: ticks.append(dialog.running))
            timer.start()
            values: list[int] = []
            dialog.progress.valueChanged.connect(values.append)
            _start(qtbot, dialog, url, token)
            assert dialog.running and not dialog.run_button.isEnabled()  # returned at once: the worker syncs
            qtbot.waitUntil(lambda: slow.records >= 2, timeout=30_000)
            assert sum(ticks) >= 5  # the timer fired many times during the sync: the window was not frozen
            assert "正在发出" in dialog.status.text() and values
            dialog.grab().save(str(tmp_path / "sync_running.png"))
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
            _finished(qtbot, dialog)
            assert dialog.result is None and "已取消" in dialog.status.text()
            dialog.grab().save(str(tmp_path / "sync_cancelled.png"))
            sent_first = hq.count("complaint")
            assert 1 <= sent_first < 6
            here = sum(a.records.count(k) for k in ("complaint", "followup"))
            there = sum(hq.count(k) for k in ("complaint", "followup"))
            # The next sync goes on from there: only the rest is sent.
            dialog.transport = None
            qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
            _finished(qtbot, dialog)
            assert dialog.result is not None and dialog.result.sent == here - there  # only the rest
            assert hq.count("complaint") == 6
            timer.stop()
    finally:
        a.close()


def test_closing_the_dialog_during_a_sync_cancels_it_and_closes_when_it_stopped(
        qtbot: Any, hq: Any, tmp_path: Path) -> None:

    a = laptop(tmp_path, "A4")
    token = token_for(hq, "A4")
    for i in range(4):
        new_complaint(a, complainant_name=f"李{i}")
    try:
        with running(hq) as url:
            dialog, slow = _slow_dialog(qtbot, a)
            _start(qtbot, dialog, url, token)
            qtbot.waitUntil(lambda: slow.records >= 1, timeout=30_000)
            dialog.close()  # the window's close button
            assert dialog.isVisible() and "正在停止" in dialog.status.text()  # not torn down under the worker
            qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
            assert not dialog.running and hq.count("complaint") < 4
    finally:
        a.close()
