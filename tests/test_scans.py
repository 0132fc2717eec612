"""Scans of signed paper: the record found by the page's QR code, attached as a scan (issue 4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


def render_page_png(pdf: Path, target: Path, page: int = 0, dpi: int = 150) -> Path:
    """One page of ``pdf`` as a PNG, rendered with QtPdf (needs a QGuiApplication)."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument(None)
    assert doc.load(str(pdf)) == QPdfDocument.Error.None_
    size = doc.pagePointSize(page)
    image = doc.render(page, QSize(int(size.width() * dpi / 72), int(size.height() * dpi / 72)))
    assert not image.isNull()
    from PySide6.QtGui import QColor, QImage, QPainter

    paper = QImage(image.size(), QImage.Format.Format_RGB32)  # the render is transparent: put it on paper
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    assert paper.save(str(target))
    doc.close()
    return target


def _record(service: Any) -> Any:
    return service.all_records("complaint")[0]


@pytest.fixture
def page_png(qapp: Any, demo_ctx: Any, tmp_path: Path) -> Path:
    from desktop.services.export import export_record

    pdf = export_record(demo_ctx.records, _record(demo_ctx.records), tmp_path / "record.pdf")
    return render_page_png(pdf, tmp_path / "page.png")


def test_find_record_in_rotated_scaled_page(demo_ctx: Any, page_png: Path, tmp_path: Path) -> None:
    from PIL import Image

    from desktop.services.scans import find_record_in_image

    service = demo_ctx.records
    record = _record(service)
    img = Image.open(page_png).convert("RGB").rotate(90, expand=True)
    img = img.resize((int(img.width * 0.8), int(img.height * 0.8)))
    scan = tmp_path / "scan.jpg"
    img.save(scan, quality=85)
    match = find_record_in_image(service, scan)
    assert match is not None
    assert (match.kind, match.record_id, match.number) == ("complaint", record.id, record.number)
    assert match.revision == record.revision
    assert match.hash_matches
    # bytes work as well as a path
    assert find_record_in_image(service, scan.read_bytes()) is not None


def test_image_without_code_and_not_an_image(service: Any, tmp_path: Path) -> None:
    from PIL import Image

    from desktop.services.scans import find_record_in_image

    plain = tmp_path / "plain.png"
    Image.new("RGB", (400, 300), "white").save(plain)
    assert find_record_in_image(service, plain) is None
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    assert find_record_in_image(service, text) is None


def test_attach_lists_round_trips_and_keeps_hash(demo_ctx: Any, page_png: Path, tmp_path: Path,
                                                 template_data_dir: Path, clock: Any) -> None:
    import shutil

    from desktop.domain.forms import SPECS
    from desktop.domain.records import content_hash
    from desktop.services.context import open_context
    from desktop.services.scans import attach_scan, find_record_in_image, scan_info
    from desktop.services.transfer import dump_records, import_records

    service = demo_ctx.records
    record = _record(service)
    spec = SPECS["complaint"]
    before = content_hash(spec, record)
    match = find_record_in_image(service, page_png)
    assert match is not None
    photo = attach_scan(service, match.kind, match.record_id, page_png, match.revision)
    again = attach_scan(service, match.kind, match.record_id, page_png, match.revision)
    assert again.id == photo.id  # the same picture is kept once
    after = service.get("complaint", record.id)
    assert [p.sha256 for p in after.scans] == [photo.sha256]
    assert scan_info(after.scans[0]).revision == record.revision
    assert scan_info(after.scans[0]).attached_at is not None
    assert after.revision == record.revision
    assert content_hash(spec, after) == before
    assert service.scans("complaint", record.id)[0].filename == "page.png"

    # dump → import into an empty database: the scan comes along, content bytes included
    dump = dump_records(service, "complaint")
    obj = next(o for o in dump if o["id"] == record.id)
    assert obj["scans"][0]["sha256"] == photo.sha256 and obj["scans"][0]["content_base64"]
    other_dir = tmp_path / "other"
    shutil.copytree(template_data_dir, other_dir, ignore=shutil.ignore_patterns("backups"))
    other = open_context(other_dir, clock)
    try:
        import_records(other.records, dump)
        copied = other.records.get("complaint", record.id)
        assert [p.sha256 for p in copied.scans] == [photo.sha256]
        assert copied.scans[0].caption == after.scans[0].caption
        assert other.records.photos.has(photo.sha256)
        assert content_hash(spec, copied) == before
        # importing the same file again does not duplicate the scan
        import_records(other.records, dump)
        assert len(other.records.get("complaint", record.id).scans) == 1
    finally:
        other.close()


def test_update_keeps_scans(service: Any, tmp_path: Path) -> None:
    from PIL import Image

    from desktop.domain.forms import SPECS
    from desktop.domain.records import content_hash
    from desktop.services.scans import attach_scan
    from tests.support import raw_complaint

    record = service.create("complaint", raw_complaint(received_date="2026-03-18"), by="王测试").record
    picture = tmp_path / "paper.png"
    Image.new("RGB", (64, 64), "white").save(picture)
    attach_scan(service, "complaint", record.id, picture, record.revision)
    changed = service.update("complaint", record.id, raw_complaint(received_date="2026-03-18", reason="补充说明")).record
    assert len(changed.scans) == 1
    assert content_hash(SPECS["complaint"], changed) != content_hash(SPECS["complaint"], record)


def test_import_scan_folder(demo_ctx: Any, page_png: Path, tmp_path: Path) -> None:
    import shutil

    from PIL import Image

    from desktop.services.scans import import_scan_folder

    folder = tmp_path / "scans"
    folder.mkdir()
    shutil.copy(page_png, folder / "a-signed.png")
    Image.new("RGB", (300, 200), "white").save(folder / "b-blank.png")
    (folder / "readme.txt").write_text("not an image")
    report = import_scan_folder(demo_ctx.records, folder)
    assert [p.name for p, _ in report.attached] == ["a-signed.png"]
    assert [p.name for p in report.unmatched] == ["b-blank.png"]
    assert report.failed == []
    record = _record(demo_ctx.records)
    assert len(demo_ctx.records.get("complaint", record.id).scans) == 1
