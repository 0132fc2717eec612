"""帮助 ▸ 关于: which version this is, on which Qt and Python, where the data lives, and the licences
of the bundled fonts (the Apache-2.0 and Bitstream Vera licences ask that they travel with the font).

The main window adds the menu with :func:`add_help_menu`; support staff ask for the first lines
(version, data folder) on the telephone.
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..paths import resources_dir

FONT_LICENCES = (
    ("文泉驿微米黑 (WenQuanYi Micro Hei)", "Apache-2.0 / GPL-3+ with font exception", "wqy-microhei.LICENSE.txt"),
    ("DejaVu Sans", "Bitstream Vera / Arev (free)", "DejaVuSans.LICENSE.txt"),
)
"""(font, licence, licence file in resources/fonts) of every font shipped with the application."""


def about_lines(data_dir: Path) -> list[str]:
    """The facts of the dialog, one a line (also what 复制 puts on the clipboard)."""
    program = Path(sys.executable).parent if getattr(sys, "frozen", False) else resources_dir().parent
    system = platform.platform(terse=True)
    return [
        QCoreApplication.translate("about", "版本：{version}").format(version=__version__),
        QCoreApplication.translate("about", "Qt：{qt}（PySide6 {pyside}）").format(qt=qVersion(), pyside=pyside_version),
        QCoreApplication.translate("about", "Python：{python}（{system}）").format(python=platform.python_version(),
                                                                               system=system),
        QCoreApplication.translate("about", "数据文件夹：{path}").format(path=data_dir),
        QCoreApplication.translate("about", "程序文件夹：{path}").format(path=program),
    ]


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("关于 消杀药品售后服务台"))
        self.setMinimumWidth(520)
        self.data_dir = data_dir
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("<b>消杀药品售后服务台</b> Aftersales Desk {version}").format(version=__version__), self)
        title.setObjectName("about_title")
        lay.addWidget(title)
        self.facts = QLabel("\n".join(about_lines(data_dir)), self)
        self.facts.setObjectName("about_facts")
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.facts)
        lay.addWidget(QLabel(self.tr("随程序提供的字体及其许可："), self))
        self.licences = QPlainTextEdit(self)
        self.licences.setObjectName("about_licences")
        self.licences.setReadOnly(True)
        self.licences.setPlainText(self.licence_text())
        self.licences.setMinimumHeight(220)
        lay.addWidget(self.licences)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        copy = QPushButton(self.tr("复制以上信息"), self)
        copy.setObjectName("about_copy")
        copy.clicked.connect(lambda: QApplication.clipboard().setText("\n".join(about_lines(self.data_dir))))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        folder = QPushButton(self.tr("打开数据文件夹"), self)
        folder.setObjectName("about_open_folder")
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir))))
        buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def licence_text(self) -> str:
        parts = []
        for font, licence, filename in FONT_LICENCES:
            path = resources_dir() / "fonts" / filename
            try:
                text = path.read_text(encoding="utf-8")
            except OSError:
                text = self.tr("（许可文件 {name} 缺失）").format(name=filename)
            parts.append(f"{font} — {licence}\n{'=' * 60}\n{text.strip()}\n")
        return "\n".join(parts)


def add_help_menu(window: Any) -> QAction:
    """帮助 ▸ 关于… in ``window``'s menu bar (``window.data_dir`` is the open data folder)."""
    menu = window.menuBar().addMenu(QApplication.translate("MainWindow", "帮助(&H)"))
    menu.setObjectName("help_menu")
    act = QAction(QApplication.translate("MainWindow", "关于…"), window)
    act.setObjectName("act_about")
    act.triggered.connect(lambda _checked=False: AboutDialog(Path(window.data_dir), window).exec())
    menu.addAction(act)
    return act
