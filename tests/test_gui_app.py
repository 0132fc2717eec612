"""The composition root: font, translators, storage errors, what start-up loads, import rules."""

from __future__ import annotations

import ast
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.app import run_gui

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop"


def test_the_bundled_font_is_the_application_font(gui_app) -> None:
    # Second of its families: the first only fills in what it leaves blank (tests/test_fonts.py).
    family = QApplication.font().families()[1]
    assert family == "WenQuanYi Micro Hei"
    assert family in QFontDatabase.families()
    assert QFontInfo(QFont(family)).family() == family
    metrics = QFontMetrics(QApplication.font())
    for ch in "消杀药品售后服务台投诉登记已界定":
        assert metrics.inFontUcs4(ord(ch)), ch


def test_qt_standard_buttons_speak_chinese(gui_app) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_an_unreadable_data_folder_is_told_in_chinese_and_exits_1(gui_app, dialogs, tmp_path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    dialogs.answer(lambda box: box.StandardButton.Ok)
    assert run_gui(not_a_folder) == 1
    assert dialogs.seen[-1]["title"] == "无法打开数据"
    assert str(not_a_folder) in dialogs.seen[-1]["text"]


def test_a_database_from_a_newer_version_is_refused(gui_app, dialogs, tmp_path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    con = sqlite3.connect(folder / "aftersales.sqlite")
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    con.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    con.commit()
    con.close()
    dialogs.answer(lambda box: box.StandardButton.Ok)
    assert run_gui(folder) == 1
    assert "更新版本" in dialogs.seen[-1]["detail"]


def test_start_up_loads_neither_reportlab_nor_alembic_and_draws_before_sqlalchemy(data_dir) -> None:
    code = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.app import setup_application
from desktop.ui.main_window import MainWindow
setup_application(app)
window = MainWindow(Path(sys.argv[1]))
window.show()
app.processEvents()
before = sorted({m.split('.')[0] for m in sys.modules})
from desktop.services.context import open_context
ctx = open_context(Path(sys.argv[1]))
window.attach(ctx.records)
after = sorted({m.split('.')[0] for m in sys.modules})
print(json.dumps({"before": before, "after": after, "rows": window.register.proxy.rowCount()}))
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code, str(data_dir)], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=60, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert "sqlalchemy" not in result["before"]
    for heavy in ("reportlab", "alembic", "pyhanko"):
        assert heavy not in result["after"], heavy
    assert "sqlalchemy" in result["after"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_ui_imports_qt_and_the_ui_never_imports_sqlalchemy() -> None:
    for path in (PACKAGE / "ui").rglob("*.py"):
        assert "sqlalchemy" not in _imports(path), path
    for package in ("domain", "storage", "services", "documents"):
        for path in (PACKAGE / package).rglob("*.py"):
            assert "PySide6" not in _imports(path), path


def test_an_unexpected_error_is_reported_in_chinese_and_written_down(gui_app, dialogs, tmp_path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui import crash

    dialogs.answer(QMessageBox.StandardButton.Ok)
    try:
        raise RuntimeError("boom 测试")
    except RuntimeError as e:
        path = crash.handle(tmp_path, e)
    assert path is not None and path.parent == tmp_path / "logs"
    text = path.read_text(encoding="utf-8")
    assert "RuntimeError: boom 测试" in text and "Aftersales Desk" in text
    (seen,) = dialogs.seen
    assert "意外错误" in str(seen) and "已保存的记录不受影响" in str(seen)
