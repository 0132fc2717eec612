"""One window per data folder (issue 10): a second launch brings the first forward and ends; a
lock left by a killed window does not keep the folder from opening."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.ui.single_instance import LOCK_NAME

pytestmark = pytest.mark.gui


def _launch(data: Path) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-m", "desktop", "--data-dir", str(data)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_lock(data: Path, proc: subprocess.Popen, seconds: float = 30) -> None:
    end = time.time() + seconds
    while time.time() < end:
        if (data / LOCK_NAME).exists() and (data / "aftersales.sqlite").exists():
            time.sleep(1.0)  # the window attached its data and listens
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.1)
    raise AssertionError("the first window never took its data folder")


def test_a_second_window_on_a_folder_brings_the_first_forward_and_a_crash_leaves_no_stuck_lock(tmp_path):
    data = tmp_path / "data"
    first = _launch(data)
    try:
        _wait_for_lock(data, first)
        second = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data)], timeout=60,
                                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, text=True)
        assert second.returncode == 0, second.stderr
        assert "已在另一个窗口中打开" in second.stdout
        assert first.poll() is None  # the first window goes on
    finally:
        first.send_signal(signal.SIGKILL)  # a crash: the lock file stays behind
        first.wait(10)
    assert (data / LOCK_NAME).exists()
    third = _launch(data)
    try:
        _wait_for_lock(data, third)
        time.sleep(2)
        # It took the folder over: it is the one that answers the next launch.
        fourth = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data)], timeout=60,
                                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, text=True)
        assert fourth.returncode == 0 and "已在另一个窗口中打开" in fourth.stdout, (fourth.stdout, fourth.stderr)
    finally:
        third.send_signal(signal.SIGKILL)
        third.wait(10)
