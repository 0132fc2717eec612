"""Scans of signed paper on the screen: the 纸质签字件 list of a form, and the 校验 PDF dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.fields import Photo
from .photo_list import PhotoViewer, _pixmap

THUMB = QSize(120, 150)


class ScansPanel(QGroupBox):
    """纸质签字件: the scans or photos of the signed paper attached to the record (thumbnail, file
    name, revision and date); double-click shows one larger.  Scans are added by dropping pictures on
    the window or with 工具 ▸ 导入扫描件文件夹…, where the record is found by the page's QR code."""

    def __init__(self, loader: Callable[[str], bytes], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("纸质签字件"), parent)
        self.setObjectName("section_scans")
        self.loader = loader
        self.scans: list[Photo] = []
        self.list = QListWidget(self)
        self.list.setObjectName("scans_list")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setFixedHeight(THUMB.height() + 80)
        self.list.itemDoubleClicked.connect(self._view)
        self.hint = QLabel(self.tr("打印并签字后，把扫描件或照片拖到窗口上即可附加（按页面上的二维码自动找到记录）。"), self)
        self.hint.setObjectName("scans_hint")
        self.hint.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.list)
        lay.addWidget(self.hint)
        self.set_scans([])

    def set_scans(self, scans: list[Photo]) -> None:
        from ..services.scans import scan_info

        self.scans = list(scans)
        self.list.clear()
        for ph in self.scans:
            info = scan_info(ph)
            when = info.attached_at.astimezone().strftime("%Y-%m-%d %H:%M") if info.attached_at else ""
            lines = [ph.filename]
            if info.revision is not None:
                lines.append(self.tr("第 {n} 版").format(n=info.revision) + (f" · {when}" if when else ""))
            elif when:
                lines.append(when)
            item = QListWidgetItem("\n".join(lines))
            pm = _pixmap(self.loader, ph)
            if not pm.isNull():
                item.setIcon(QIcon(pm.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation)))
            item.setToolTip("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, ph.sha256)
            self.list.addItem(item)
        self.list.setVisible(bool(self.scans))
        self.hint.setVisible(not self.scans)

    def _view(self, item: QListWidgetItem) -> PhotoViewer:
        ph = self.scans[self.list.row(item)]
        viewer = PhotoViewer(_pixmap(self.loader, ph), ph.filename, self)
        viewer.show()
        return viewer


class VerifyDialog(QDialog):
    """The answer of 校验 PDF: 完好 in green with what the file is, or the reasons in red."""

    def __init__(self, path: str, result, parent: QWidget | None = None) -> None:  # result: VerifyResult
        super().__init__(parent)
        self.setObjectName("verify_dialog")
        self.setWindowTitle(self.tr("校验 PDF"))
        self.result = result
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verify_verdict")
        self.verdict.setWordWrap(True)
        colour = "#1b7f3b" if result.ok else "#c62828"
        headline = self.tr("完好") if result.ok else self.tr("未通过校验")
        self.verdict.setText(headline)
        self.verdict.setStyleSheet(f"color: {colour}; font-size: 20pt; font-weight: bold;")
        self.file_label = QLabel(path, self)
        self.file_label.setObjectName("verify_file")
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel("\n".join(result.lines()), self)
        self.details.setObjectName("verify_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setStyleSheet(f"border-left: 4px solid {colour}; padding-left: 8px;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self.verdict)
        lay.addWidget(self.file_label)
        lay.addWidget(self.details)
        lay.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
