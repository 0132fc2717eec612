"""Print with a preview inside the app: the signed PDF shown with QtPdf, then the system print dialog.

The PDF is the one an export makes (signed, with the QR code on every page), written to a temporary
file.  Printing renders each page to an image at the printer's resolution and paints it on the
printer: what comes out of the printer is exactly the PDF's pages.

QtPdf and QtPrintSupport are imported when a preview is asked for, not at start-up.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .screen_fit import fit_dialog

log = logging.getLogger(__name__)

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class PrintPreviewDialog(QDialog):
    """The pages of ``pdf`` with page navigation, zoom and a 打印… button."""

    def __init__(self, pdf: Path, title: str, parent: QWidget | None = None) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        super().__init__(parent)
        self.setObjectName("print_preview")
        self.setWindowTitle(self.tr("打印预览 — {title}").format(title=title))
        self.pdf_path = Path(pdf)
        self.document = QPdfDocument(self)
        self.load_error = self.document.load(str(self.pdf_path))
        self.printed_pages = 0

        self.view = QPdfView(self)
        self.view.setObjectName("preview_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.navigator = self.view.pageNavigator()

        self.page_box = QSpinBox(self)
        self.page_box.setObjectName("preview_page")
        self.page_box.setRange(1, max(self.page_count(), 1))
        self.page_box.valueChanged.connect(self._go_to)
        self.page_total = QLabel(self.tr("共 {n} 页").format(n=self.page_count()), self)
        self.prev_button = QPushButton(self.tr("上一页"), self)
        self.prev_button.clicked.connect(lambda: self.page_box.setValue(self.page_box.value() - 1))
        self.next_button = QPushButton(self.tr("下一页"), self)
        self.next_button.clicked.connect(lambda: self.page_box.setValue(self.page_box.value() + 1))
        self.navigator.currentPageChanged.connect(self._page_changed)

        self.zoom_box = QComboBox(self)
        self.zoom_box.setObjectName("preview_zoom")
        self.zoom_box.addItem(self.tr("适合宽度"), "width")
        self.zoom_box.addItem(self.tr("整页"), "page")
        for z in ZOOMS:
            self.zoom_box.addItem(f"{round(z * 100)}%", z)
        self.zoom_box.currentIndexChanged.connect(self._zoom_changed)

        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setObjectName("preview_print")
        self.print_button.setDefault(True)
        self.print_button.setEnabled(self.page_count() > 0)
        self.print_button.clicked.connect(self.print_document)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.clicked.connect(self.reject)

        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(QLabel(self.tr("第"), self))
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_total)
        bar.addWidget(self.next_button)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("缩放"), self))
        bar.addWidget(self.zoom_box)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        fit_dialog(self, 820, 900)  # as tall as the screen allows (issue 14: ≤ 650 px at 1366×768)
        self._update_buttons()

    def page_count(self) -> int:
        return self.document.pageCount()

    def _go_to(self, page: int) -> None:
        if 1 <= page <= self.page_count() and self.navigator.currentPage() != page - 1:
            self.navigator.jump(page - 1, QPointF(), self.navigator.currentZoom())
        self._update_buttons()

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.prev_button.setEnabled(self.page_box.value() > 1)
        self.next_button.setEnabled(self.page_box.value() < self.page_count())

    def _zoom_changed(self, _index: int) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        data = self.zoom_box.currentData()
        if data == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif data == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(data))

    def make_printer(self):  # -> QPrinter
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.pdf_path.stem)
        return printer

    def print_document(self, printer=None) -> bool:
        """Ask the system print dialog, then print every page (or the range chosen)."""
        from PySide6.QtPrintSupport import QPrintDialog

        printer = printer or self.make_printer()
        dlg = QPrintDialog(printer, self)
        dlg.setWindowTitle(self.tr("打印"))
        dlg.setMinMax(1, self.page_count())
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        first, last = 1, self.page_count()
        if printer.printRange() == printer.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage(), min(printer.toPage() or last, last)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.printed_pages = print_pdf_pages(self.document, printer, range(first - 1, last))
        finally:
            QApplication.restoreOverrideCursor()
        return self.printed_pages > 0


def print_pdf_pages(document, printer, pages) -> int:
    """Paint each page of ``document`` on ``printer``, rendered at the printer's resolution and
    fitted to its printable area; the number of pages printed."""
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPrintSupport import QPrinter

    painter = QPainter()
    if not painter.begin(printer):
        log.error("cannot start printing")
        return 0
    count = 0
    try:
        for i, page in enumerate(pages):
            if i:
                printer.newPage()
            area = printer.pageRect(QPrinter.Unit.DevicePixel)
            size_pt = document.pagePointSize(page)
            dpi = printer.resolution()
            want = QSize(round(size_pt.width() * dpi / 72), round(size_pt.height() * dpi / 72))
            want = want.scaled(area.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            rendered = document.render(page, want)
            paper = QImage(rendered.size(), QImage.Format.Format_RGB32)  # the render is transparent
            paper.fill(QColor("white"))
            p = QPainter(paper)
            p.drawImage(0, 0, rendered)
            p.end()
            x = (area.width() - paper.width()) / 2
            y = (area.height() - paper.height()) / 2
            painter.drawImage(QPointF(max(x, 0), max(y, 0)), paper)
            count += 1
    finally:
        painter.end()
    return count


def preview_and_print(parent: QWidget, title: str, make_pdf, name: str = "document") -> bool:
    """Export with ``make_pdf(target)`` into a temporary folder, show the preview (printing from
    there), and delete the file afterwards.  False when the PDF could not be made."""
    import shutil
    import tempfile

    from . import dialogs

    folder = Path(tempfile.mkdtemp(prefix="aftersales-print-"))
    try:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pdf = make_pdf(folder / f"{name.replace('/', '-') or 'document'}.pdf")
        except Exception as e:  # noqa: BLE001 - the clerk must learn that nothing can be printed
            log.exception("PDF for printing failed")
            QApplication.restoreOverrideCursor()
            dialogs.error(parent, QApplication.translate("PrintPreviewDialog", "无法打印"),
                          QApplication.translate("PrintPreviewDialog", "没有生成 PDF。"), str(e))
            return False
        QApplication.restoreOverrideCursor()
        dlg = PrintPreviewDialog(Path(pdf), title, parent)
        try:
            dlg.exec()
        finally:
            dlg.document.close()
            dlg.deleteLater()
        return True
    finally:
        shutil.rmtree(folder, ignore_errors=True)
