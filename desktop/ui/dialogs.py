"""The few message boxes the application asks, in one place.

Each is a :class:`QMessageBox` instance run with ``exec()`` and Chinese button texts set
explicitly (Qt's own translation says 丢弃 where a clerk expects 不保存).  Tests replace
``QMessageBox.exec`` to answer them without a modal loop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

SAVE = "save"
DISCARD = "discard"
CANCEL = "cancel"


def ask_unsaved(parent: QWidget | None, name: str) -> str:
    """保存 / 不保存 / 取消 for a form with changes; returns SAVE, DISCARD or CANCEL."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("dialogs", "未保存的修改"))
    box.setText(QCoreApplication.translate("dialogs", "“{name}”有未保存的修改。").format(name=name))
    box.setInformativeText(QCoreApplication.translate("dialogs", "关闭前是否保存？"))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    )
    box.button(QMessageBox.StandardButton.Save).setText(QCoreApplication.translate("dialogs", "保存"))
    box.button(QMessageBox.StandardButton.Discard).setText(QCoreApplication.translate("dialogs", "不保存"))
    box.button(QMessageBox.StandardButton.Cancel).setText(QCoreApplication.translate("dialogs", "取消"))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, detail: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    return box


def confirm(parent: QWidget | None, title: str, text: str, ok_text: str, detail: str = "") -> bool:
    box = _box(parent, QMessageBox.Icon.Question, title, text, detail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Ok).setText(ok_text)
    box.button(QMessageBox.StandardButton.Cancel).setText(QCoreApplication.translate("dialogs", "取消"))
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    return box.exec() == QMessageBox.StandardButton.Ok


def _tell(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, detail: str) -> None:
    box = _box(parent, icon, title, text, detail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("dialogs", "确定"))
    box.exec()


def error(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    _tell(parent, QMessageBox.Icon.Critical, title, text, detail)


def info(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    _tell(parent, QMessageBox.Icon.Information, title, text, detail)


def choose(parent: QWidget | None, title: str, text: str, choices: list[tuple[str, str]], detail: str = "",
           default: str | None = None, escape: str | None = None, details: str = "") -> str:
    """A question with buttons of its own: ``choices`` are (key, button text), in order; returns
    the key of the button pressed (``escape``'s when the box is closed).  ``details`` go in the
    box's expandable detail text (a list of differences)."""
    box = _box(parent, QMessageBox.Icon.Question, title, text, detail)
    buttons = {}
    for key, label in choices:
        role = QMessageBox.ButtonRole.RejectRole if key == escape else QMessageBox.ButtonRole.AcceptRole
        buttons[key] = box.addButton(label, role)
    if default in buttons:
        box.setDefaultButton(buttons[default])
    if escape in buttons:
        box.setEscapeButton(buttons[escape])
    if details:
        box.setDetailedText(details)
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in buttons.items() if button is clicked), escape or choices[-1][0])
