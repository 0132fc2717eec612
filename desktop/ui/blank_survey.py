"""打印空白调查表: a paper survey for a customer, registered before it is handed out.

The source asks for a satisfaction survey after every service and once a year from every customer
(第一节四(五)).  Paper first: the clerk picks or types the customer unit (and, if known, who will
fill the form in), a survey record is created in status 已发放 with its number, and its PDF — the
number, the customer and empty boxes to tick — is exported to print.  When the paper comes back its
ticks are typed into that same record (the survey form is laid out like the paper) and the step
登记回收的调查表 moves it to 已回收.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain import survey
from ..domain.records import Record
from ..domain.validation import ValidationFailed
from ..services.errors import StorageError
from . import dialogs
from .texts import error_text, issue_text, tr_field

if TYPE_CHECKING:
    from ..services.records import RecordService

log = logging.getLogger(__name__)
KIND = survey.SPEC.kind
PAPER = "纸质表格"  # survey_way of a printed form (survey.WAYS)


def unit_box(units: list[str], parent: QWidget, name: str) -> QComboBox:
    """An editable list of the customer units on record: type a few characters or pick one."""
    box = QComboBox(parent)
    box.setObjectName(name)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    set_units(box, units)
    return box


def set_units(box: QComboBox, units: list[str]) -> None:
    """Offer ``units`` (newest first), keeping what is typed; any part of a name completes it."""
    text = box.currentText()
    box.clear()
    box.addItem("")
    box.addItems(units)
    completer = QCompleter(units, box)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    box.setCompleter(completer)
    box.setCurrentIndex(0)
    box.setEditText(text)


class BlankSurveyDialog(QDialog):
    """For whom the blank survey is printed; OK creates the record (status 已发放)."""

    def __init__(self, service: RecordService, units: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.record: Record | None = None
        self.setObjectName("blank_survey_dialog")
        self.setWindowTitle(self.tr("打印空白调查表"))
        self.setMinimumWidth(520)
        spec = survey.SPEC

        intro = QLabel(self.tr("为客户登记一份满意度调查表并导出空白 PDF 打印。客户填好交回后，"
                               "在登记簿中打开该调查表录入勾选的分数，再点“登记回收的调查表”。"), self)
        intro.setWordWrap(True)
        intro.setProperty("hint", True)

        self.unit = unit_box(units, self, "blank_unit")
        self.unit.setAccessibleName(tr_field(spec.label_of("customer_unit")))
        self.unit.lineEdit().setPlaceholderText(self.tr("输入或选择客户单位"))
        self.respondent = QLineEdit(self)
        self.respondent.setObjectName("blank_respondent")
        self.respondent.setAccessibleName(tr_field(spec.label_of("respondent")))
        self.respondent.setPlaceholderText(self.tr("可不填，由客户填写"))
        self.survey_type = QComboBox(self)
        self.survey_type.setObjectName("blank_survey_type")
        self.survey_type.setAccessibleName(tr_field(spec.label_of("survey_type")))
        for value in survey.SURVEY_TYPES:
            self.survey_type.addItem(tr_field(value), value)
        self.survey_type.setCurrentIndex(self.survey_type.findData("年度调查"))
        self.error = QLabel(self)
        self.error.setObjectName("blank_error")
        self.error.setProperty("fieldError", True)
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(tr_field(spec.label_of("customer_unit")) + " *", self.unit)
        form.addRow(tr_field(spec.label_of("respondent")), self.respondent)
        form.addRow(tr_field(spec.label_of("survey_type")), self.survey_type)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("登记并导出 PDF…"))
        ok.setObjectName("blank_ok")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.unit.setFocus()

    def raw(self) -> dict[str, Any]:
        today = self.service.clock.today()
        try:
            staff = self.service.settings().staff_name
        except StorageError:
            staff = ""
        return {
            "survey_type": self.survey_type.currentData(),
            "survey_way": PAPER,
            "survey_date": today.isoformat(),
            "surveyor": staff,
            "customer_unit": self.unit.currentText().strip(),
            "respondent": self.respondent.text().strip(),
        }

    def create(self) -> bool:
        """Register the survey (status 已发放); messages in the dialog if something is wrong."""
        raw = self.raw()
        try:
            self.record = self.service.create(KIND, raw, by=raw["surveyor"]).record
        except ValidationFailed as e:
            self.error.setText("\n".join(
                f"{tr_field(survey.SPEC.label_of(i.key))}：{issue_text(i)}" for i in e.issues))
            self.error.show()
            return False
        except StorageError as e:
            dialogs.error(self, self.tr("未登记"), error_text(e))
            return False
        self.accept()
        return True


def export_blank_pdf(service: RecordService, record: Record, target: Path) -> Path:
    """The survey's PDF to fill by hand: its number, the customer, empty score boxes."""
    from ..services.export import export_blank  # ReportLab only when a PDF is wanted

    return export_blank(service, record, target)


def choose_pdf_path(parent: QWidget, title: str, name: str, folder: str = "") -> str:
    """Ask where to save a PDF ("" when cancelled); ``.pdf`` is added when missing."""
    folder = folder or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    path, _filter = QFileDialog.getSaveFileName(
        parent, title, str(Path(folder) / name), QCoreApplication.translate("BlankSurveyDialog", "PDF 文件 (*.pdf)"))
    if path and not path.lower().endswith(".pdf"):
        path += ".pdf"
    return path


def issue_blank_survey(parent: QWidget, service: RecordService, units: list[str],
                       folder: str = "") -> tuple[Record | None, str]:
    """The whole action: ask for whom, register, export, open.  Returns (record, pdf path or "")."""
    dialog = BlankSurveyDialog(service, units, parent)
    if not dialog.exec() or dialog.record is None:
        return None, ""
    record = dialog.record
    path = choose_pdf_path(parent, QCoreApplication.translate("BlankSurveyDialog", "导出空白调查表"),
                           f"{record.number}.pdf", folder)
    if not path:
        return record, ""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        export_blank_pdf(service, record, Path(path))
    except Exception as e:  # any failure: the clerk must learn that no PDF was made
        log.exception("blank survey export failed")
        QApplication.restoreOverrideCursor()
        dialogs.error(parent, QCoreApplication.translate("BlankSurveyDialog", "导出失败"),
                      QCoreApplication.translate("BlankSurveyDialog", "已登记 {number}，但没有生成 PDF。").format(
                          number=record.number), str(e))
        return record, ""
    QApplication.restoreOverrideCursor()
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))
    return record, path
