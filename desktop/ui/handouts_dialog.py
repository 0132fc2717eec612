"""培训讲义: choose the chapters (and the appendix of products on sale) and export them to one PDF or
print them through the print preview.

The main window adds the action with :func:`handouts_action` (文件 menu, beside 打印空白调查表…);
:func:`open_handouts_dialog` opens the dialog for a service.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..services.errors import StorageError
from . import dialogs

if TYPE_CHECKING:
    from ..services.records import RecordService

log = logging.getLogger(__name__)


class HandoutsDialog(QDialog):
    export_folder = ""

    def __init__(self, service: RecordService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ..documents.handouts import SERIES_TITLE, load_chapters
        from ..services.training_export import on_sale_products

        self.service = service
        self.setObjectName("handouts_dialog")
        self.setWindowTitle(self.tr("培训讲义"))
        self.setMinimumWidth(440)
        self.last_path: Path | None = None
        heading = QLabel(self.tr("{title}：选择要导出或打印的章节").format(title=SERIES_TITLE), self)
        heading.setWordWrap(True)
        self.chapters = load_chapters()
        self.boxes: dict[int, QCheckBox] = {}
        lay = QVBoxLayout(self)
        lay.addWidget(heading)
        for chapter in self.chapters:
            box = QCheckBox(chapter.heading, self)
            box.setObjectName(f"chapter_{chapter.number}")
            box.setChecked(True)
            box.toggled.connect(self._update_buttons)
            self.boxes[chapter.number] = box
            lay.addWidget(box)
        try:
            products = len(on_sale_products(service))
        except StorageError:
            log.exception("products not read")
            products = 0
        self.appendix = QCheckBox(self.tr("附录：在售产品登记信息（{n} 种产品）").format(n=products), self)
        self.appendix.setObjectName("chapter_appendix")
        self.appendix.setEnabled(products > 0)
        self.appendix.setChecked(products > 0)
        self.appendix.setToolTip(self.tr("每种在售产品的登记证号、使用浓度/稀释倍数和安全注意事项，取自产品档案")
                                 if products else self.tr("产品档案中还没有在售产品"))
        self.appendix.toggled.connect(self._update_buttons)
        lay.addWidget(self.appendix)
        self.message = QLabel(self)
        self.message.setObjectName("handouts_message")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)

        self.export_button = QPushButton(self.tr("导出 PDF…"), self)
        self.export_button.setObjectName("handouts_export")
        self.export_button.clicked.connect(self.export_pdf)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setObjectName("handouts_print")
        self.print_button.clicked.connect(self.print_pdf)
        close = QPushButton(self.tr("关闭"), self)
        close.setObjectName("handouts_close")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self._update_buttons()

    def chosen(self) -> list[int]:
        return [n for n, box in self.boxes.items() if box.isChecked()]

    def _update_buttons(self) -> None:
        anything = bool(self.chosen()) or self.appendix.isChecked()
        self.export_button.setEnabled(anything)
        self.print_button.setEnabled(anything)
        self.message.setText("" if anything else self.tr("请至少选择一章。"))

    def _name(self) -> str:
        from ..documents.handouts import SERIES_TITLE

        chosen = self.chosen()
        if len(chosen) == len(self.chapters):
            return f"{SERIES_TITLE}（全部章节）"
        if len(chosen) == 1 and not self.appendix.isChecked():
            chapter = next(c for c in self.chapters if c.number == chosen[0])
            return f"{chapter.number:02d}-{chapter.title}"
        return f"{SERIES_TITLE}（" + "、".join(str(n) for n in chosen) + ("、附录" if self.appendix.isChecked() else "") + "）"

    def _write(self, target: Path) -> Any:
        from ..services.training_export import export_handouts_selection

        return export_handouts_selection(self.service, self.chosen(), target, appendix=self.appendix.isChecked())

    def export_pdf(self) -> bool:
        folder = HandoutsDialog.export_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("导出培训讲义"), str(Path(folder) / f"{self._name()}.pdf"),
                                                    self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        HandoutsDialog.export_folder = str(Path(path).parent)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._write(Path(path))
        except Exception as e:
            log.exception("handouts export failed")
            QApplication.restoreOverrideCursor()
            dialogs.error(self, self.tr("导出失败"), self.tr("没有生成 PDF。"), str(e))
            return False
        QApplication.restoreOverrideCursor()
        self.last_path = Path(path)
        self.message.setText(self.tr("已导出：{path}").format(path=path))
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        return True

    def print_pdf(self) -> bool:
        from .print_preview import preview_and_print

        return preview_and_print(self, self.tr("培训讲义"), self._write, self._name())


def open_handouts_dialog(parent: QWidget, service: RecordService) -> HandoutsDialog:
    dialog = HandoutsDialog(service, parent)
    dialog.exec()
    return dialog


def handouts_action(window: Any) -> QAction:
    """文件 ▸ 培训讲义…: for the main window (``window.service`` is the open data folder's service)."""
    act = QAction(QApplication.translate("MainWindow", "培训讲义…"), window)
    act.setObjectName("act_handouts")
    act.setToolTip(QApplication.translate("MainWindow", "选择章节，导出或打印消杀药品使用知识培训讲义"))
    act.triggered.connect(lambda _checked=False: getattr(window, "service", None) is not None
                          and open_handouts_dialog(window, window.service))
    return act
