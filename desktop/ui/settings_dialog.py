"""设置: the company's letterhead, this laptop's code and the clerk's name."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.settings import LABELS, Settings
from ..domain.validation import ValidationFailed
from ..storage.errors import StorageError
from . import dialogs
from .field_widgets import set_invalid
from .texts import issue_text, tr_field

if TYPE_CHECKING:  # the services load SQLAlchemy: not needed to draw the window
    from ..services.records import RecordService

REQUIRED = ("company_name", "laptop_code")  # what Settings.validate() insists on
HELP = {
    "company_name": QT_TRANSLATE_NOOP("SettingsDialog", "印在每张表单的抬头。"),
    "laptop_code": QT_TRANSLATE_NOOP(
        "SettingsDialog",
        "写进本机生成的每个备案编号（如 TS-2026-A3-0007）。每台电脑必须使用不同的代码，"
        "否则两台电脑的编号会重复：请向总部领取。1–4 位大写字母或数字。",
    ),
    "staff_name": QT_TRANSLATE_NOOP("SettingsDialog", "新建投诉时自动填为受理人。"),
}


class SettingsDialog(QDialog):
    def __init__(self, service: RecordService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(640)
        self.editors: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        settings = service.settings()
        for key, label in LABELS.items():
            edit = QLineEdit(getattr(settings, key), self)
            edit.setObjectName(key)
            edit.setAccessibleName(tr_field(label))
            error = QLabel(self)
            error.setObjectName(f"{key}_error")
            error.setProperty("fieldError", True)
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            if key in HELP:
                hint = QLabel(QCoreApplication.translate("SettingsDialog", HELP[key]), self)
                hint.setObjectName(f"{key}_help")
                hint.setWordWrap(True)
                hint.setProperty("hint", True)
                box.addWidget(hint)
            box.addWidget(error)
            caption = QLabel(html.escape(tr_field(label)) + (
                '<span style="color:#d32f2f;">&nbsp;*</span>' if key in REQUIRED else ""), self)
            caption.setBuddy(edit)
            form.addRow(caption, box)
            self.editors[key] = edit
            self.errors[key] = error
        if settings.company_name.startswith("（"):
            self.editors["company_name"].clear()
            self.editors["company_name"].setPlaceholderText(self.tr("例如：华康消杀药业有限公司"))
        self.editors["laptop_code"].textEdited.connect(self._upper)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("settings_save")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def _upper(self, text: str) -> None:
        edit = self.editors["laptop_code"]
        if text != text.upper():
            pos = edit.cursorPosition()
            edit.setText(text.upper())
            edit.setCursorPosition(pos)

    def values(self) -> Settings:
        return Settings(**{key: edit.text().strip() for key, edit in self.editors.items()})

    def save(self) -> bool:
        for key, error in self.errors.items():
            error.hide()
            set_invalid(self.editors[key], False)
        try:
            self.service.save_settings(self.values())
        except ValidationFailed as e:
            for issue in e.issues:
                if issue.key in self.errors:
                    self.errors[issue.key].setText(issue_text(issue))
                    self.errors[issue.key].show()
                    set_invalid(self.editors[issue.key], True)
            self.adjustSize()  # room for the messages
            first = next((i.key for i in e.issues if i.key in self.editors), None)
            if first:
                self.editors[first].setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        except StorageError as e:
            dialogs.error(self, self.tr("未保存"), str(e))
            return False
        self.accept()
        return True
