"""设置: the company's letterhead, this laptop's code, the clerk's name and the response times.

The response times are the source's 售后服务响应时间表 (第一节十), whose hours it leaves as "XX":
a grid of 服务内容 | 电话响应（小时） | 协商处理（小时） for the three kinds of problem, then the delivery
time, the time to answer a quality objection (承诺书 §八) and the shelf life.  They are printed on the
commitment letter.  Every value is checked by ``Settings.validate`` and its message shown beside it.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.settings import LABELS, Settings
from ..domain.validation import ValidationFailed
from ..services.errors import StorageError
from . import dialogs
from .field_widgets import set_invalid
from .screen_fit import fit_dialog, scrolling
from .texts import error_text, issue_text, tr_field

if TYPE_CHECKING:  # the services load SQLAlchemy: not needed to draw the window
    from ..services.records import RecordService

REQUIRED = ("company_name", "laptop_code")  # what Settings.validate() insists on
TEXT_KEYS = ("company_name", "company_address", "company_phone", "laptop_code", "staff_name")
# (服务内容, phone response key, negotiated handling key): source 第一节十.
RESPONSE_ROWS = (
    (QT_TRANSLATE_NOOP("SettingsDialog", "产品验收数量不足"), "shortage_phone_hours", "shortage_handling_hours"),
    (QT_TRANSLATE_NOOP("SettingsDialog", "产品验收不合格"), "rejected_phone_hours", "rejected_handling_hours"),
    (QT_TRANSLATE_NOOP("SettingsDialog", "产品在使用过程中出现质量问题"), "quality_phone_hours",
     "quality_handling_hours"),
    (QT_TRANSLATE_NOOP("SettingsDialog", "其他来电（技术咨询、上门服务等）"), "general_phone_hours",
     "general_handling_hours"),
)
SINGLE_KEYS = ("delivery_hours", "objection_hours", "shelf_life_months")
DESK_KEYS = ("followup_interval_months", "complaint_callback_days", "expiry_warning_days", "pass_mark")
HELP = {
    "company_name": QT_TRANSLATE_NOOP("SettingsDialog", "印在每张表单的抬头。"),
    "laptop_code": QT_TRANSLATE_NOOP(
        "SettingsDialog",
        "写进本机生成的每个备案编号（如 TS-2026-A3-0007）。每台电脑必须使用不同的代码，"
        "否则两台电脑的编号会重复：请向总部领取。1–4 位大写字母或数字。",
    ),
    "staff_name": QT_TRANSLATE_NOOP("SettingsDialog", "新建记录时自动填为受理人、服务人员或调查人。"),
}


class SettingsDialog(QDialog):
    def __init__(self, service: RecordService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(680)
        self.editors: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        settings = service.settings()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for key in TEXT_KEYS:
            edit, error = self._editor(key, getattr(settings, key))
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(error)
            if key in HELP:
                hint = QLabel(QCoreApplication.translate("SettingsDialog", HELP[key]), self)
                hint.setObjectName(f"{key}_help")
                hint.setWordWrap(True)
                hint.setProperty("hint", True)
                box.insertWidget(1, hint)
            form.addRow(self._caption(key), box)
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

        # The settings scroll inside the dialog, its buttons stay on a 1366×768 screen (issue 14).
        content = QWidget(self)
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 6, 0)
        body.addLayout(form)
        body.addWidget(self._response_times(settings))
        body.addWidget(self._desk(settings))
        self.scroll = scrolling(content, self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.scroll, 1)
        lay.addWidget(buttons)
        fit_dialog(self, scroll=self.scroll)

    # ------------------------------------------------------------------ building

    def _editor(self, key: str, value: Any) -> tuple[QLineEdit, QLabel]:
        """The editor of one setting and the label for its message."""
        edit = QLineEdit(str(value), self)
        edit.setObjectName(key)
        edit.setAccessibleName(tr_field(LABELS[key]))
        error = QLabel(self)
        error.setObjectName(f"{key}_error")
        error.setProperty("fieldError", True)
        error.setWordWrap(True)
        error.hide()
        self.editors[key] = edit
        self.errors[key] = error
        return edit, error

    def _number(self, key: str, value: Any) -> QLineEdit:
        edit, _error = self._editor(key, value)
        edit.setFixedWidth(self.fontMetrics().horizontalAdvance("0000") + 40)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        return edit

    def _caption(self, key: str, text: str | None = None) -> QLabel:
        caption = QLabel(html.escape(text or tr_field(LABELS[key])) + (
            '<span style="color:#d32f2f;">&nbsp;*</span>' if key in REQUIRED else ""), self)
        caption.setObjectName(f"{key}_label")
        caption.setBuddy(self.editors[key])
        return caption

    def _response_times(self, settings: Settings) -> QGroupBox:
        box = QGroupBox(self.tr("售后服务响应时间"), self)
        box.setObjectName("response_times")
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for col, text in enumerate((self.tr("服务内容"), self.tr("电话响应（小时）"), self.tr("协商处理（小时）"))):
            head = QLabel(text, box)
            head.setObjectName(f"response_head_{col}")
            head.setStyleSheet("font-weight: bold;")
            grid.addWidget(head, 0, col, Qt.AlignmentFlag.AlignCenter if col else Qt.AlignmentFlag.AlignLeft)
        # The messages of a row stand to its right, where there is room for a sentence.
        for row, (label, phone, handling) in enumerate(RESPONSE_ROWS, start=1):
            caption = QLabel(QCoreApplication.translate("SettingsDialog", label), box)
            grid.addWidget(caption, row, 0)
            for col, key in ((1, phone), (2, handling)):
                grid.addWidget(self._number(key, getattr(settings, key)), row, col, Qt.AlignmentFlag.AlignCenter)
            messages = QVBoxLayout()
            messages.setSpacing(0)
            messages.addWidget(self.errors[phone])
            messages.addWidget(self.errors[handling])
            grid.addLayout(messages, row, 3)
            caption.setBuddy(self.editors[phone])
        grid.setColumnStretch(3, 1)

        singles = QFormLayout()
        for key in SINGLE_KEYS:
            line = QHBoxLayout()
            line.addWidget(self._number(key, getattr(settings, key)))
            line.addWidget(self.errors[key], 1)
            singles.addRow(self._caption(key), line)

        note = QLabel(self.tr("这些时限印在售后服务承诺书上（源文件中的“XX 小时”），热线保障单的电话响应和处理时限也按此表计算。"), box)
        note.setObjectName("response_times_help")
        note.setWordWrap(True)
        note.setProperty("hint", True)
        lay = QVBoxLayout(box)
        lay.addLayout(grid)
        lay.addSpacing(6)
        lay.addLayout(singles)
        lay.addWidget(note)
        return box

    def _desk(self, settings: Settings) -> QGroupBox:
        """Follow-up planning, expiry warnings and the training pass mark."""
        box = QGroupBox(self.tr("服务台"), self)
        box.setObjectName("desk_settings")
        form = QFormLayout(box)
        for key in DESK_KEYS:
            line = QHBoxLayout()
            line.addWidget(self._number(key, getattr(settings, key)))
            line.addWidget(self.errors[key], 1)
            form.addRow(self._caption(key), line)
        return box

    # ------------------------------------------------------------------ values

    def _upper(self, text: str) -> None:
        edit = self.editors["laptop_code"]
        if text != text.upper():
            pos = edit.cursorPosition()
            edit.setText(text.upper())
            edit.setCursorPosition(pos)

    def values(self) -> Settings:
        """The typed values; a number that is not one stays text, for ``validate`` to refuse."""
        out: dict[str, Any] = {}
        for key, edit in self.editors.items():
            text = edit.text().strip()
            if key in Settings.int_keys():
                try:
                    out[key] = int(text)
                except ValueError:
                    out[key] = text
            else:
                out[key] = text
        return Settings(**out)

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
            fit_dialog(self, width=self.width(), scroll=self.scroll)  # room for the messages, if the screen has it
            first = next((k for k in self.editors if any(i.key == k for i in e.issues)), None)
            if first:
                self.editors[first].setFocus(Qt.FocusReason.OtherFocusReason)
                self.scroll.ensureWidgetVisible(self.editors[first])
            return False
        except StorageError as e:
            dialogs.error(self, self.tr("未保存"), error_text(e))
            return False
        self.accept()
        return True
