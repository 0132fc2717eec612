"""The editor of a :class:`PhotoList`: thumbnails, 添加照片…, 移除, double-click to see it large.

Files are copied into the data folder's photo store as soon as they are picked (by content hash:
a picture no record refers to is harmless), so the record only needs to save the references.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.fields import Photo, PhotoList
from ..services.errors import PhotoError
from . import dialogs
from .texts import tr_field

THUMB = QSize(120, 90)
PhotoLoader = Callable[[str], bytes]
PhotoAdder = Callable[[Iterable[str]], list[Photo]]


def _pixmap(loader: PhotoLoader, photo: Photo) -> QPixmap:
    pm = QPixmap()
    try:
        pm.loadFromData(loader(photo.sha256))
    except OSError:
        pass
    return pm


class PhotoViewer(QDialog):
    """A larger view of one photo (not modal: the clerk may keep it open beside the form)."""

    def __init__(self, pixmap: QPixmap, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photo_viewer")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.image = QLabel(self)
        self.image.setObjectName("photo_viewer_image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        screen = self.screen().availableGeometry().size() if self.screen() else QSize(1024, 768)
        limit = QSize(int(screen.width() * 0.8), int(screen.height() * 0.8))
        shown = pixmap if pixmap.width() <= limit.width() and pixmap.height() <= limit.height() else (
            pixmap.scaled(limit, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )
        if pixmap.isNull():
            self.image.setText(self.tr("无法显示这张图片"))
        else:
            self.image.setPixmap(shown)
        scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll)
        self.resize(max(shown.width(), 320) + 40, max(shown.height(), 240) + 40)


class PhotoListEditor(QWidget):
    edited = Signal()
    committed = Signal()

    def __init__(self, spec: PhotoList, loader: PhotoLoader, adder: PhotoAdder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._loader = loader
        self._adder = adder
        self._photos: list[Photo] = []
        self._read_only = False
        self.last_folder = str(Path.home())
        self.setObjectName(spec.key)
        self.setAccessibleName(tr_field(spec.label))

        self.list = QListWidget(self)
        self.list.setObjectName(f"{spec.key}_list")
        self.list.setAccessibleName(tr_field(spec.label))
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 36))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWrapping(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setFixedHeight(THUMB.height() + 52)
        self.list.itemDoubleClicked.connect(self._view)
        self.list.itemSelectionChanged.connect(self._update_buttons)

        self.empty_hint = QLabel(self.tr("尚无照片"), self.list.viewport())
        self.empty_hint.setObjectName(f"{spec.key}_empty")
        self.empty_hint.setStyleSheet("color: #8a8f98;")
        self.empty_hint.move(12, 12)

        self.add_button = QPushButton(self.tr("添加照片…"), self)
        self.add_button.setObjectName(f"{spec.key}_add")
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("移除"), self)
        self.remove_button.setObjectName(f"{spec.key}_remove")
        self.remove_button.clicked.connect(self.remove_selected)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        hint = QLabel(self.tr("双击照片可放大查看"), self)
        hint.setStyleSheet("color: #8a8f98;")
        buttons.addWidget(hint)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.list)
        lay.addLayout(buttons)
        self._update_buttons()

    # ------------------------------------------------------------------ values

    def raw(self) -> list[Photo]:
        return list(self._photos)

    def set_photos(self, photos: list[Photo]) -> None:
        self._photos = list(photos)
        self._refill()

    def _refill(self) -> None:
        self.list.clear()
        for photo in self._photos:
            item = QListWidgetItem(QIcon(_pixmap(self._loader, photo)), photo.caption or photo.filename)
            item.setToolTip(photo.filename + (f"\n{photo.caption}" if photo.caption else ""))
            item.setSizeHint(self.list.gridSize())
            self.list.addItem(item)
        self.empty_hint.setVisible(not self._photos)
        self._update_buttons()

    # ------------------------------------------------------------------ actions

    def choose_files(self) -> None:
        if self._read_only:
            return
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("添加照片"),
            self.last_folder,
            self.tr("图片 (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp);;所有文件 (*)"),
        )
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        self.last_folder = str(Path(paths[0]).parent)
        try:
            added = self._adder(paths)
        except PhotoError as e:
            dialogs.error(self, self.tr("无法添加照片"), str(e))
            return
        known = {p.sha256 for p in self._photos}
        new = [p for p in added if p.sha256 not in known]
        if not new:
            return
        self._photos.extend(new)
        self._refill()
        self.edited.emit()
        self.committed.emit()

    def remove_selected(self) -> None:
        rows = sorted({self.list.row(i) for i in self.list.selectedItems()}, reverse=True)
        if self._read_only or not rows:
            return
        for r in rows:
            del self._photos[r]
        self._refill()
        self.edited.emit()
        self.committed.emit()

    def _view(self, item: QListWidgetItem) -> None:
        photo = self._photos[self.list.row(item)]
        viewer = PhotoViewer(_pixmap(self._loader, photo), photo.caption or photo.filename, self.window())
        viewer.show()
        self.viewer = viewer

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(not self._read_only and bool(self.list.selectedItems()))

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)
        self._update_buttons()
