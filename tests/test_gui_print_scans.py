"""Paper round trip in the window: print preview, scans dropped on the window, 校验 PDF (issue 4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.test_scans import render_page_png

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def print_dialog(monkeypatch: pytest.MonkeyPatch, dialogs: Any) -> None:
    """QPrintDialog has its own exec(): answer it through the same queue as the other dialogs."""
    from PySide6.QtPrintSupport import QPrintDialog

    monkeypatch.setattr(QPrintDialog, "exec", lambda self: dialogs._run(self))


def _first(demo_ctx: Any) -> Any:
    return demo_ctx.records.all_records("complaint")[0]


def _pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def test_print_preview_shows_the_pages_and_prints_them(qtbot, demo_window, demo_ctx, dialogs, tmp_path,
                                                        monkeypatch) -> None:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog

    from desktop.services.export import export_record

    record = _first(demo_ctx)
    expected = _pdf_pages(export_record(demo_ctx.records, record, tmp_path / "reference.pdf"))
    form = demo_window.open_record("complaint", record.id)
    out = tmp_path / "printed.pdf"
    seen: dict[str, Any] = {}

    def preview(dlg: Any) -> int:
        seen["pages"] = dlg.page_count()
        seen["title"] = dlg.windowTitle()
        qtbot.wait(300)  # QPdfView renders its pages in the background
        dlg.grab().save(str(tmp_path / "preview.png"))
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(150)
        seen["printed"] = dlg.print_document(printer)
        seen["count"] = dlg.printed_pages
        dlg.page_box.setValue(2)
        seen["page_box"] = dlg.page_box.value()
        return QDialog.DialogCode.Rejected

    dialogs.answer(preview, QDialog.DialogCode.Accepted)  # the preview, then the print dialog inside it
    assert form.print_pdf()
    assert seen["pages"] == expected >= 1
    assert seen["printed"] and seen["count"] == expected
    assert record.number in seen["title"] or "投诉" in seen["title"]
    assert _pdf_pages(out) == expected
    assert [d["class"] for d in dialogs.seen] == ["PrintPreviewDialog", "QPrintDialog"]


def test_print_cancelled_in_the_print_dialog_prints_nothing(qtbot, demo_window, demo_ctx, dialogs) -> None:
    from PySide6.QtWidgets import QDialog

    form = demo_window.open_record("complaint", _first(demo_ctx).id)
    seen: dict[str, Any] = {}

    def preview(dlg: Any) -> int:
        seen["printed"] = dlg.print_document()
        return QDialog.DialogCode.Rejected

    dialogs.answer(preview, QDialog.DialogCode.Rejected)
    form.print_pdf()
    assert seen["printed"] is False


def test_commitment_letter_print_preview(qtbot, demo_window, dialogs) -> None:
    from PySide6.QtWidgets import QDialog

    seen: dict[str, int] = {}

    def preview(dlg: Any) -> int:
        seen["pages"] = dlg.page_count()
        return QDialog.DialogCode.Rejected

    dialogs.answer(preview)
    from desktop.ui.commitment_page import CommitmentPage

    page = demo_window.findChild(CommitmentPage)
    assert page is not None and page.print_button.isEnabled()
    assert page.print_pdf()
    assert seen["pages"] >= 1


def _drop(window: Any, paths: list[Path]) -> None:
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPoint(20, 20)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos.toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)


def test_a_dropped_scan_is_attached_to_its_record(qtbot, demo_window, demo_ctx, dialogs, tmp_path) -> None:
    from PIL import Image
    from PySide6.QtWidgets import QMessageBox

    from desktop.services.export import export_record
    from desktop.ui.form_view import FormView

    record = _first(demo_ctx)
    png = render_page_png(export_record(demo_ctx.records, record, tmp_path / "r.pdf"), tmp_path / "page.png")
    photo = tmp_path / "签字件.jpg"
    Image.open(png).convert("RGB").rotate(-90, expand=True).save(photo, quality=90)
    blank = tmp_path / "别的.png"
    Image.new("RGB", (200, 100), "white").save(blank)
    dialogs.answer(QMessageBox.StandardButton.Ok)
    _drop(demo_window, [photo, blank])
    assert len(dialogs.seen) == 1
    assert record.number in dialogs.seen[0]["detail"] and "别的.png" in dialogs.seen[0]["detail"]
    assert [p.filename for p in demo_ctx.records.get("complaint", record.id).scans] == ["签字件.jpg"]
    form = demo_window.current_form()
    assert isinstance(form, FormView) and form.record.id == record.id
    assert form.scans_panel.list.count() == 1
    assert "签字件.jpg" in form.scans_panel.list.item(0).text()
    viewer = form.scans_panel._view(form.scans_panel.list.item(0))
    assert viewer.isVisible()
    viewer.close()


def test_a_drop_without_any_match_says_so(qtbot, demo_window, demo_ctx, dialogs, tmp_path) -> None:
    from PIL import Image
    from PySide6.QtWidgets import QMessageBox

    blank = tmp_path / "白纸.png"
    Image.new("RGB", (200, 100), "white").save(blank)
    dialogs.answer(QMessageBox.StandardButton.Ok)
    _drop(demo_window, [blank])
    assert dialogs.seen[0]["text"].startswith("没有找到")


def test_import_scan_folder_action(qtbot, demo_window, demo_ctx, dialogs, tmp_path, monkeypatch) -> None:
    import shutil

    from PIL import Image
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from desktop.services.export import export_record

    record = _first(demo_ctx)
    folder = tmp_path / "scans"
    folder.mkdir()
    png = render_page_png(export_record(demo_ctx.records, record, tmp_path / "r.pdf"), tmp_path / "page.png")
    shutil.copy(png, folder / "1.png")
    Image.new("RGB", (200, 100), "white").save(folder / "2.png")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    dialogs.answer(QMessageBox.StandardButton.Ok)
    demo_window.act_import_scans.trigger()
    assert "已附加 1 份" in dialogs.seen[0]["text"]
    assert "2.png" in dialogs.seen[0]["detail"]
    assert len(demo_ctx.records.get("complaint", record.id).scans) == 1


def test_verify_pdf_action_good_and_tampered(qtbot, demo_window, demo_ctx, dialogs, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QDialog, QFileDialog

    from desktop.services.export import export_record

    record = _first(demo_ctx)
    good = export_record(demo_ctx.records, record, tmp_path / "good.pdf")
    data = bytearray(good.read_bytes())
    i = data.index(b"/Producer")
    data[i + 2] = data[i + 2] ^ 0x01  # one changed byte inside the signed range
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(data))
    chosen: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (chosen[-1], "")))
    seen: list[dict[str, Any]] = []

    def look(dlg: Any) -> int:
        seen.append({"verdict": dlg.verdict.text(), "details": dlg.details.text(),
                     "style": dlg.verdict.styleSheet()})
        dlg.grab().save(str(tmp_path / f"verify-{len(seen)}.png"))
        return QDialog.DialogCode.Accepted

    dialogs.answer(look, look)
    chosen.append(str(good))
    assert demo_window.act_verify.trigger() is None
    chosen.append(str(bad))
    demo_window.act_verify.trigger()
    assert seen[0]["verdict"] == "完好" and "#1b7f3b" in seen[0]["style"]
    assert record.number in seen[0]["details"] and "第 1 版" in seen[0]["details"]
    assert seen[1]["verdict"] == "未通过校验" and "#c62828" in seen[1]["style"]
