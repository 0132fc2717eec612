"""Hostile workbooks (issue 11): refused in moments with a message, nothing written — a merged
header, a sheet declaring XFD1048576, a zip bomb, a 1e308 quantity."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.services.excel import import_workbook
from tests.test_excel import CUSTOMER, DELIVERY, PRODUCT, counts, fill


@pytest.fixture
def service(ctx):
    return ctx.records


def _rewrite(path: Path, part_filter, extra: dict[str, bytes] | None = None) -> Path:
    out = path.with_name("hostile-" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, part_filter(info.filename, src.read(info)))
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    return out


def test_a_merged_header_is_refused(tmp_path, service):
    path = fill(tmp_path / "m.xlsx", {"客户": [CUSTOMER]})
    wb = load_workbook(path)
    wb["客户"].merge_cells("A1:B1")
    wb.save(path)
    before = counts(service)
    result = import_workbook(service, path)
    assert not result.ok and any("合并" in line and "A1:B1" in line for line in result.error_lines())
    assert counts(service) == before


def test_a_sheet_declaring_the_largest_size_is_read_in_moments(tmp_path, service):
    path = fill(tmp_path / "d.xlsx", {"产品": [PRODUCT]})

    def huge_dimension(name: str, data: bytes) -> bytes:
        if name.startswith("xl/worksheets/sheet"):
            import re

            return re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', data)
        return data

    hostile = _rewrite(path, huge_dimension)
    started = time.perf_counter()
    result = import_workbook(service, hostile)
    assert time.perf_counter() - started < 30
    assert result.ok, result.error_lines()
    assert result.created.get("product") == 1


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path, service):
    path = fill(tmp_path / "z.xlsx", {"产品": [PRODUCT]})
    hostile = _rewrite(path, lambda name, data: data, {"xl/media/bomb.bin": b"\0" * (64 << 20)})
    before = counts(service)
    started = time.perf_counter()
    result = import_workbook(service, hostile)
    assert time.perf_counter() - started < 10
    assert not result.ok and any("压缩" in line for line in result.error_lines())
    assert counts(service) == before


def test_a_1e308_quantity_is_a_message_not_a_traceback(tmp_path, service):
    path = fill(tmp_path / "q.xlsx", {"客户": [CUSTOMER], "产品": [PRODUCT], "发货批次": [DELIVERY | {"数量": 1e308}]})
    before = counts(service)
    result = import_workbook(service, path)
    assert not result.ok and any("数值过大" in line for line in result.error_lines())
    assert counts(service) == before
