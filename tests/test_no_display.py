"""Without a screen (a Linux server, an SSH session) the window is refused with a message and exit
status 1 — never Qt's abort — and a head-office address that cannot be used is said first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _headless_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["AFTERSALES_DESK_DATA"] = ""
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux machine without X or Wayland")
@pytest.mark.parametrize(("args", "said"), [
    (["--database", "postgresql://nobody@127.0.0.1:1/desk"], "无法连接总部数据库"),
    (["--database", "not-a-url"], "数据库地址无效"),
    (["--database", "sqlite:///x.db"], "PostgreSQL"),
    ([], "没有可用的显示"),
])
def test_the_window_without_a_screen_is_a_message_not_an_abort(tmp_path: Path, args: list[str], said: str) -> None:
    out = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "d"), *args], cwd=ROOT,
                         env=_headless_env(), capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode == 1, (out.returncode, out.stderr)
    assert said in out.stderr and "Traceback" not in out.stderr and "Aborted" not in out.stderr, out.stderr


def test_no_display_knows_where_qt_has_a_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.app import no_display

    for key in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert no_display()
    monkeypatch.setenv("DISPLAY", ":99")
    assert not no_display()
    monkeypatch.delenv("DISPLAY")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not no_display()
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setattr(sys, "platform", "win32")
    assert not no_display()
