"""Paths as Windows laptops have them (issue 16): a user name in Chinese, folders with spaces.

The data folder sits under ``…/Users/张 三/AppData/Local/…/数据 文件夹`` and every file the app writes or
reads there or beside it (database, photos, signing keys, PDFs, dumps, Excel, scans, the window's
lock) goes through that path; the command line takes it too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support import NOW

ROOT = Path(__file__).resolve().parents[1]
USER = "张 三"  # a Windows user name with Chinese characters and a space


def _home(tmp_path: Path) -> Path:
    return tmp_path / "Users" / USER / "AppData" / "Local"


@pytest.fixture
def chinese_ctx(tmp_path: Path) -> Any:
    from desktop.domain.clock import FixedClock
    from desktop.domain.forms import SPECS
    from desktop.services.context import open_context
    from desktop.services.demo import example_object
    from desktop.services.transfer import import_records

    ctx = open_context(_home(tmp_path) / "AftersalesDesk" / "数据 文件夹", FixedClock(NOW))
    import_records(ctx.records, [example_object(kind, NOW.date()) for kind in SPECS])
    yield ctx
    ctx.close()


def test_records_and_photos_saved_under_a_chinese_path(chinese_ctx: Any) -> None:
    from desktop.domain.forms import SPECS

    service = chinese_ctx.records
    assert "张 三" in str(service.db.path) and (chinese_ctx.data_dir / "aftersales.sqlite").is_file()
    assert all(service.count(kind) >= 1 for kind in SPECS)  # a delivery plans its follow-ups too
    complaint = service.all_records("complaint")[0]
    photos = complaint.values.photos["photos"]
    assert photos and service.photo_bytes(photos[0].sha256)[:4] == b"\x89PNG"
    assert list((chinese_ctx.data_dir / "photos").rglob("*"))


def test_pdf_export_and_verify_under_chinese_paths(chinese_ctx: Any, tmp_path: Path) -> None:
    from desktop.domain.forms import SPECS
    from desktop.services.export import export_all
    from desktop.services.signing import verify_pdf

    out = tmp_path / "桌面" / "导出 的 PDF"
    paths = export_all(chinese_ctx.records, out)
    assert len(paths) == sum(chinese_ctx.records.count(kind) for kind in SPECS) >= 11
    for path in paths:
        result = verify_pdf(path, chinese_ctx.data_dir, chinese_ctx.records)
        assert result.ok, (path.name, result.message)
    assert (chinese_ctx.data_dir / "keys").is_dir()  # the laptop's key was made under the Chinese path


def test_dump_import_and_excel_under_chinese_paths(chinese_ctx: Any, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from desktop.domain.clock import FixedClock
    from desktop.services.context import open_context
    from desktop.services.excel.export import export_workbook
    from desktop.services.transfer import dump_records, import_records

    dump = tmp_path / "共享 文件夹" / "记录 导出.json"
    dump.parent.mkdir()
    dump.write_text(json.dumps(dump_records(chinese_ctx.records), ensure_ascii=False), encoding="utf-8")
    other = open_context(tmp_path / "Users" / "李 四" / "数据", FixedClock(NOW))
    try:
        report = import_records(other.records, json.loads(dump.read_text(encoding="utf-8")))
        assert len(report.records) == len(dump_records(chinese_ctx.records)) >= 11
    finally:
        other.close()
    book = tmp_path / "共享 文件夹" / "台账 2026.xlsx"
    export_workbook(chinese_ctx.records, book)
    assert len(load_workbook(book).sheetnames) >= 11


def test_scan_from_a_chinese_path_finds_its_record(qapp: Any, chinese_ctx: Any, tmp_path: Path) -> None:
    from desktop.services.export import export_record
    from desktop.services.scans import find_record_in_image
    from tests.test_scans import render_page_png

    record = chinese_ctx.records.all_records("complaint")[0]
    folder = tmp_path / "扫描 件"
    folder.mkdir()
    pdf = export_record(chinese_ctx.records, record, folder / "投诉 单.pdf")
    png = render_page_png(pdf, folder / "第 1 页.png")
    match = find_record_in_image(chinese_ctx.records, png)
    assert match is not None and match.record_id == record.id and match.hash_matches


def test_window_lock_under_a_chinese_path(qapp: Any, tmp_path: Path) -> None:
    from desktop.ui.single_instance import SingleInstance

    folder = _home(tmp_path) / "数据 文件夹"
    folder.mkdir(parents=True)
    first, second = SingleInstance(folder), SingleInstance(folder)
    try:
        assert first.acquire()
        assert not second.acquire()
    finally:
        first.release()
    assert second.acquire()
    second.release()


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8", **env}
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, encoding="utf-8",
                          cwd=ROOT, env=full, timeout=120, check=False)


def test_command_line_in_the_default_data_folder_of_a_chinese_user(tmp_path: Path) -> None:
    """No --data-dir: the platform's user data folder (platformdirs), under a Chinese user name."""
    data_home = _home(tmp_path)  # XDG_DATA_HOME here stands for %LOCALAPPDATA% on Windows
    env = {"XDG_DATA_HOME": str(data_home), "HOME": str(tmp_path / "Users" / USER)}
    example = tmp_path / "例子 文件.json"
    done = _cli("example", "complaint", env={**env, "AFTERSALES_DESK_DATA": ""})
    assert done.returncode == 0, done.stderr
    example.write_text(done.stdout, encoding="utf-8")
    done = _cli("import", str(example), env={**env, "AFTERSALES_DESK_DATA": ""})
    assert done.returncode == 0, done.stderr
    number = done.stdout.split("\n")[1].split()[0]
    data = data_home / "AftersalesDesk"
    assert (data / "aftersales.sqlite").is_file(), list(data_home.rglob("*"))
    pdf = tmp_path / "导出 文件" / f"{number}.pdf"
    done = _cli("export", number, "-o", str(pdf), env={**env, "AFTERSALES_DESK_DATA": ""})
    assert done.returncode == 0, done.stderr
    done = _cli("verify", str(pdf), env={**env, "AFTERSALES_DESK_DATA": ""})
    assert done.returncode == 0, done.stdout + done.stderr
    assert number in done.stdout


def test_command_line_says_why_a_chinese_path_cannot_be_used(tmp_path: Path) -> None:
    blocker = tmp_path / "不是 文件夹"
    blocker.write_text("一个文件", encoding="utf-8")
    done = _cli("--data-dir", str(blocker / "数据"), "dump", "-o", "-", env={})
    assert done.returncode == 1
    assert str(blocker / "数据") in done.stderr
    assert "Traceback" not in done.stderr and done.stderr.strip()
