"""承诺书: the after-sales service commitment letter (source 第三节二), printed for a customer.

The letter's text is fixed; what varies is the company (from the settings), the response hours the
source leaves as "XX" (settings, shown here read-only with a button to change them) and, if wanted,
the unit it is addressed to.  The PDF itself is ``services.export.export_commitment_letter``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.settings import Settings
from ..services.errors import StorageError
from . import dialogs
from .blank_survey import choose_pdf_path, set_units, unit_box

if TYPE_CHECKING:
    from ..services.records import RecordService

log = logging.getLogger(__name__)

# (服务内容, phone-response key or None, handling key) in the order of the source's table (第一节十).
ROWS = (
    (QT_TRANSLATE_NOOP("CommitmentPage", "配送时间（下单后）"), None, "delivery_hours"),
    (QT_TRANSLATE_NOOP("CommitmentPage", "产品验收数量不足"), "shortage_phone_hours", "shortage_handling_hours"),
    (QT_TRANSLATE_NOOP("CommitmentPage", "产品验收不合格"), "rejected_phone_hours", "rejected_handling_hours"),
    (QT_TRANSLATE_NOOP("CommitmentPage", "产品在使用过程中出现质量问题"), "quality_phone_hours",
     "quality_handling_hours"),
    (QT_TRANSLATE_NOOP("CommitmentPage", "质量异议作出处理意见"), None, "objection_hours"),
)


class CommitmentPage(QWidget):
    settingsRequested = Signal()

    export_folder: str = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: RecordService | None = None
        self.setObjectName("commitment_page")

        title = QLabel(self.tr("售后服务承诺书"), self)
        title.setObjectName("form_title")
        intro = QLabel(self.tr("打印给客户的承诺书：公司名称、响应时限和保质期取自设置；收件单位可不填。"), self)
        intro.setWordWrap(True)
        intro.setProperty("hint", True)

        self.company = QLabel(self)
        self.company.setObjectName("letter_company")
        self.company.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recipient = unit_box([], self, "letter_recipient")
        self.recipient.setAccessibleName(self.tr("收件单位"))
        self.recipient.lineEdit().setPlaceholderText(self.tr("可不填；输入或选择客户单位"))
        self.recipient.setMaximumWidth(self.fontMetrics().horizontalAdvance("一" * 44))
        self.shelf_life = QLabel(self)
        self.shelf_life.setObjectName("letter_shelf_life")

        self.hours = QTableWidget(len(ROWS), 3, self)
        self.hours.setObjectName("letter_hours")
        self.hours.setAccessibleName(self.tr("售后服务响应时间"))
        self.hours.setHorizontalHeaderLabels([self.tr("服务内容"), self.tr("电话响应"), self.tr("处理时限")])
        self.hours.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hours.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.hours.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hours.verticalHeader().setVisible(False)
        self.hours.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.hours.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, self.fontMetrics().horizontalAdvance("一二三四五六七八") + 24)
        height = header.sizeHint().height() + 2 * self.hours.frameWidth()
        self.hours.setFixedHeight(height + len(ROWS) * self.hours.verticalHeader().defaultSectionSize())
        self.hours.setMaximumWidth(self.fontMetrics().horizontalAdvance("一" * 44))

        self.settings_button = QPushButton(self.tr("修改公司信息和响应时限…"), self)
        self.settings_button.setObjectName("letter_settings")
        self.settings_button.clicked.connect(self.settingsRequested)
        self.export_button = QPushButton(self.tr("导出 PDF…"), self)
        self.export_button.setObjectName("letter_export")
        self.export_button.setProperty("step", True)
        self.export_button.clicked.connect(self.export_pdf)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setObjectName("letter_print")
        self.print_button.clicked.connect(self.print_pdf)
        self.message = QLabel(self)
        self.message.setObjectName("letter_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow(self.tr("公司"), self.company)
        form.addRow(self.tr("收件单位"), self.recipient)
        form.addRow(self.tr("响应时限"), self.hours)
        form.addRow(self.tr("保质期"), self.shelf_life)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(10)
        lay.addWidget(title)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addWidget(self.message)
        lay.addStretch(1)
        self.export_button.setEnabled(False)
        self.print_button.setEnabled(False)

    def attach(self, service: RecordService) -> None:
        self.service = service
        self.export_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.refresh()

    def set_units(self, units: list[str]) -> None:
        set_units(self.recipient, units)

    def refresh(self) -> None:
        """Show the settings as they are now (after the settings dialog was saved)."""
        if self.service is None:
            return
        try:
            settings = self.service.settings()
        except StorageError as e:
            self.message.setText(str(e))
            return
        self.show_settings(settings)

    def show_settings(self, s: Settings) -> None:
        self.company.setText(s.company_name)
        hours = self.tr("{n} 小时内")
        for row, (label, phone, handling) in enumerate(ROWS):
            values = (QCoreApplication.translate("CommitmentPage", label),
                      hours.format(n=getattr(s, phone)) if phone else "—",
                      hours.format(n=getattr(s, handling)))
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.hours.setItem(row, col, item)
        self.shelf_life.setText(self.tr("自发货之日起 {n} 个月").format(n=s.shelf_life_months))

    def print_pdf(self) -> bool:
        """The letter (as exported, signed) in the print preview."""
        if self.service is None:
            return False
        from ..services.export import export_commitment_letter  # ReportLab only when a PDF is wanted
        from .print_preview import preview_and_print  # QtPdf only when a preview is wanted

        service = self.service
        recipient = self.recipient.currentText().strip()
        return preview_and_print(self, self.tr("售后服务承诺书"),
                                 lambda target: export_commitment_letter(service, target, recipient=recipient or None),
                                 "commitment-letter")

    def export_pdf(self) -> bool:
        if self.service is None:
            return False
        recipient = self.recipient.currentText().strip()
        name = self.tr("售后服务承诺书") + (f"-{recipient}" if recipient else "") + ".pdf"
        path = choose_pdf_path(self, self.tr("导出承诺书"), name.replace("/", "-"), CommitmentPage.export_folder)
        if not path:
            return False
        CommitmentPage.export_folder = str(Path(path).parent)
        from ..services.export import export_commitment_letter  # ReportLab only when a PDF is wanted

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            export_commitment_letter(self.service, Path(path), recipient=recipient or None)
        except Exception as e:  # any failure: the clerk must learn that no PDF was made
            log.exception("commitment letter export failed")
            QApplication.restoreOverrideCursor()
            dialogs.error(self, self.tr("导出失败"), self.tr("没有生成 PDF。"), str(e))
            return False
        QApplication.restoreOverrideCursor()
        self.message.setText(self.tr("已导出：{path}").format(path=path))
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        return True
