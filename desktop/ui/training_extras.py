"""The training form's extras: print or export the 签到表, the 培训考核 paper and the 成绩登记表, and
现场签到 — the attendees sign in one after another on the laptop.

Sign-ins are on-screen signatures of the record (``services.training_export.sign_in``): the form is
saved first (people sign what is stored), each attendee picks their name and signs on the pad, and
the list moves on to the next one who has not signed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.records import Record
from ..domain.validation import ValidationFailed
from ..domain.workflow import TransitionRefused
from ..services.errors import StorageError
from . import dialogs
from .form_extras import extra
from .signature_pad import SignaturePad
from .texts import error_text, issue_text

if TYPE_CHECKING:
    from ..services.records import RecordService
    from .form_view import FormView

log = logging.getLogger(__name__)


def _names(record: Record) -> list[str]:
    from ..domain.training_rules import attendee_names

    return [n for n in attendee_names(record.values) if n]


class SignInDialog(QDialog):
    """现场签到: the attendees in a list, the pad beside it; 确认签到 stores the signature and moves
    on to the next attendee who has not signed in."""

    def __init__(self, service: RecordService, record: Record, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.record = record
        self.setObjectName("signin_dialog")
        self.setWindowTitle(self.tr("现场签到 — {number}").format(number=record.number))
        self.list = QListWidget(self)
        self.list.setObjectName("signin_list")
        self.list.setMinimumWidth(240)
        big = self.list.font()
        big.setPointSizeF(big.pointSizeF() * 1.25)  # read at arm's length by people queueing to sign
        self.list.setFont(big)
        self.list.setSpacing(2)
        self.list.currentRowChanged.connect(self._chosen)
        self.heading = QLabel(self)
        self.heading.setObjectName("signin_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        about = QLabel(self.tr("请在名单中点选自己的姓名，在下方签字板上签名，然后点“确认签到”。"), self)
        about.setWordWrap(True)
        self.pad = SignaturePad(self)
        self.pad.changed.connect(self._update_buttons)
        self.message = QLabel(self)
        self.message.setObjectName("signin_message")
        self.message.setProperty("fieldError", True)
        self.message.setWordWrap(True)
        self.message.hide()
        self.count = QLabel(self)
        self.count.setObjectName("signin_count")

        self.undo_button = QPushButton(self.tr("撤销一笔"), self)
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_button.clicked.connect(self.pad.undo)
        self.clear_button = QPushButton(self.tr("清除重签"), self)
        self.clear_button.clicked.connect(self.pad.clear)
        self.accept_button = QPushButton(self.tr("确认签到"), self)
        self.accept_button.setObjectName("signin_accept")
        self.accept_button.setDefault(True)
        self.accept_button.clicked.connect(self.confirm)
        close = QPushButton(self.tr("完成"), self)
        close.setObjectName("signin_close")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(close)

        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(about)
        right.addWidget(self.pad, 1)
        right.addWidget(self.message)
        lay = QGridLayout(self)
        lay.addWidget(self.list, 0, 0)
        lay.addLayout(right, 0, 1)
        lay.addLayout(buttons, 1, 0, 1, 2)
        lay.setColumnStretch(1, 1)
        self.resize(1000, 520)  # fits a 1366×768 laptop screen with the task bar
        self._fill()
        self._next_unsigned()

    # ------------------------------------------------------------------ state

    def signed(self) -> dict[str, Any]:
        from ..services.training_export import signins

        try:
            return signins(self.service, self.record)
        except StorageError:
            log.exception("sign-ins not read")
            return {}

    def _fill(self) -> None:
        done = self.signed()
        current = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for name in _names(self.record):
            sig = done.get(name)
            when = sig.signed_at.astimezone().strftime("%H:%M") if sig else ""
            text = self.tr("{name}　✓ 已签到 {time}").format(name=name, time=when) if sig else name
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setData(Qt.ItemDataRole.UserRole + 1, bool(sig))
            if sig:
                item.setForeground(Qt.GlobalColor.darkGreen)
        self.list.blockSignals(False)
        if 0 <= current < self.list.count():
            self.list.setCurrentRow(current)
        self.count.setText(self.tr("已签到 {n} / {total} 人").format(n=len(done), total=self.list.count()))

    def _next_unsigned(self) -> None:
        for row in range(self.list.count()):
            if not self.list.item(row).data(Qt.ItemDataRole.UserRole + 1):
                self.list.setCurrentRow(row)
                return
        self.list.setCurrentRow(-1)
        self._chosen(-1)

    def current_name(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def select(self, name: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentRow(row)
                return

    def _chosen(self, row: int) -> None:
        self.pad.clear()
        self.message.hide()
        item = self.list.item(row) if row >= 0 else None
        if item is None:
            self.heading.setText(self.tr("全部人员已签到") if self.list.count() else self.tr("请先登记参加人员"))
        elif item.data(Qt.ItemDataRole.UserRole + 1):
            self.heading.setText(self.tr("{name} 已签到").format(name=item.data(Qt.ItemDataRole.UserRole)))
        else:
            self.heading.setText(self.tr("请 {name} 签到").format(name=item.data(Qt.ItemDataRole.UserRole)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        can = item is not None and not item.data(Qt.ItemDataRole.UserRole + 1)
        self.pad.setEnabled(can)
        empty = self.pad.is_empty()
        self.accept_button.setEnabled(can and not empty)
        self.undo_button.setEnabled(not empty)
        self.clear_button.setEnabled(not empty)

    def confirm(self) -> bool:
        from ..services.training_export import sign_in

        name = self.current_name()
        if not name or self.pad.is_empty():
            self._show(self.tr("请先点选姓名并在签字板上签名。"))
            return False
        try:
            self.record = sign_in(self.service, self.record, name, self.pad.strokes())
        except ValidationFailed as e:
            self._show(self.tr("；").join(issue_text(i) for i in e.issues))
            return False
        except (TransitionRefused, StorageError) as e:
            self._show(error_text(e))
            return False
        self._fill()
        self._next_unsigned()
        return True

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


class TrainingSheets(QGroupBox):
    """签到与考核: print or export each sheet; 现场签到."""

    export_folder = ""

    def __init__(self, form: FormView, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("签到与考核"))
        self.setObjectName("training_sheets")
        self.form = form
        grid = QGridLayout(self)
        self.buttons: dict[str, QPushButton] = {}
        labels = {
            "sign-in": self.tr("签到表"),
            "assessment": self.tr("培训考核试卷（每位参加人员一份）"),
            "results": self.tr("考核成绩登记表"),
        }
        for r, (sheet, label) in enumerate(labels.items()):
            grid.addWidget(QLabel(label, self), r, 0)
            p = QPushButton(self.tr("打印…"), self)
            p.setObjectName(f"print_{sheet}")
            p.clicked.connect(lambda _c=False, s=sheet: self.print_sheet(s))
            e = QPushButton(self.tr("导出 PDF…"), self)
            e.setObjectName(f"export_{sheet}")
            e.clicked.connect(lambda _c=False, s=sheet: self.export_sheet(s))
            grid.addWidget(p, r, 1)
            grid.addWidget(e, r, 2)
            self.buttons[f"print_{sheet}"], self.buttons[f"export_{sheet}"] = p, e
        self.signin_button = QPushButton(self.tr("现场签到…"), self)
        self.signin_button.setObjectName("signin")
        self.signin_button.setToolTip(self.tr("参加人员依次在屏幕上签名，签名印在签到表上"))
        self.signin_button.clicked.connect(self.sign_in)
        self.signin_state = QLabel(self)
        self.signin_state.setObjectName("signin_state")
        grid.addWidget(self.signin_button, len(labels), 1)
        grid.addWidget(self.signin_state, len(labels), 0)
        grid.setColumnStretch(3, 1)
        form.loaded.connect(self.refresh)
        form.saved.connect(lambda _r: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        rec = self.form.record
        archived = self.form.archived
        self.signin_button.setEnabled(not archived)
        if rec is None:
            self.signin_state.setText(self.tr("保存后可现场签到"))
            return
        from ..services.training_export import signins

        try:
            done = len(signins(self.form.service, rec))
        except StorageError:
            done = 0
        total = len(_names(rec))
        self.signin_state.setText(self.tr("屏幕签到：{n} / {total} 人").format(n=done, total=total))

    def _ready(self) -> Record | None:
        """The record as stored (saved first when there are changes)."""
        form = self.form
        if not form.archived and (form.record is None or form.is_dirty) and not form.save():
            return None
        return form.record

    def _writer(self, record: Record, sheet: str) -> Callable[[Path], Any]:
        from ..services.training_export import export_sheet

        return lambda target: export_sheet(self.form.service, record, sheet, target)

    def print_sheet(self, sheet: str) -> bool:
        from ..services.training_export import SHEET_TITLES
        from .print_preview import preview_and_print

        record = self._ready()
        if record is None:
            return False
        title = f"{record.number} {SHEET_TITLES[sheet]}"
        return preview_and_print(self.form, title, self._writer(record, sheet), f"{record.number}-{sheet}")

    def export_sheet(self, sheet: str) -> bool:
        from ..services.training_export import sheet_filename

        record = self._ready()
        if record is None:
            return False
        folder = TrainingSheets.export_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("导出 PDF"), str(Path(folder) / sheet_filename(
            record, sheet)), self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        TrainingSheets.export_folder = str(Path(path).parent)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._writer(record, sheet)(Path(path))
        except Exception as e:
            log.exception("training sheet export failed")
            QApplication.restoreOverrideCursor()
            dialogs.error(self, self.tr("导出失败"), self.tr("没有生成 PDF。"), str(e))
            return False
        QApplication.restoreOverrideCursor()
        self.form._message(self.tr("已导出：{path}").format(path=path), "info")
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        return True

    def sign_in(self) -> bool:
        """现场签到…: save first (people sign what is stored), then the sign-in dialog."""
        form = self.form
        record = self._ready()
        if record is None or form.archived:
            return False
        if not _names(record):
            form._message(self.tr("请先在“参加人员”中登记姓名并保存，再现场签到。"))
            return False
        dialog = SignInDialog(form.service, record, form)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
        if dialog.record is not record:
            form.load(dialog.record)
            form.saved.emit(dialog.record)
        self.refresh()
        return True


@extra("training")
def training_sheets(form: FormView, parent: QWidget) -> QWidget:
    return TrainingSheets(form, parent)
