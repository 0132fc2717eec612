"""签字: the dialog in which a customer (or a colleague) signs one block of a saved record.

It names the block and the record, asks for the signer's name (prefilled from the block's name
field) and role (the block's label), and shows the pad as large as a laptop screen allows.  确认
calls ``RecordService.sign`` with the content hash of the record as the form showed it, so a
signature can only go onto the content the signer saw; the dialog closes only when it is stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.fields import SignatureBlock
from ..domain.forms import spec_for
from ..domain.records import Record, content_hash
from ..domain.validation import ValidationFailed
from ..domain.workflow import TransitionRefused
from ..services.errors import StaleRecord, StorageError
from .signature_pad import SignaturePad
from .texts import error_text, issue_text, tr_field

if TYPE_CHECKING:
    from ..services.records import RecordService


class SignDialog(QDialog):
    def __init__(self, service: RecordService, record: Record, block: SignatureBlock,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.record = record
        self.block = block
        self.signed: Record | None = None
        self.setObjectName("sign_dialog")
        label = tr_field(block.label)
        self.setWindowTitle(self.tr("{label}签字 — {number}").format(label=label, number=record.number))

        heading = QLabel(self.tr("{label}签字").format(label=label), self)
        heading.setObjectName("sign_heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        spec = spec_for(record.kind)
        about = QLabel(self.tr("{title} {number} 第 {revision} 版：签字确认本版内容。").format(
            title=tr_field(spec.title), number=record.number, revision=record.revision), self)
        about.setObjectName("sign_about")
        about.setWordWrap(True)

        prefill = record.get(block.name_field) if block.name_field else None
        self.name_edit = QLineEdit(str(prefill or ""), self)
        self.name_edit.setObjectName("signer_name")
        self.name_edit.setPlaceholderText(self.tr("签字人姓名"))
        self.role_edit = QLineEdit(label, self)
        self.role_edit.setObjectName("signer_role")
        form = QFormLayout()
        form.addRow(self.tr("签字人："), self.name_edit)
        form.addRow(self.tr("身份："), self.role_edit)

        self.pad = SignaturePad(self)
        self.pad.changed.connect(self._update_buttons)

        self.message = QLabel(self)
        self.message.setObjectName("sign_message")
        self.message.setProperty("fieldError", True)
        self.message.setWordWrap(True)
        self.message.hide()

        self.undo_button = QPushButton(self.tr("撤销一笔"), self)
        self.undo_button.setObjectName("sign_undo")
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_button.clicked.connect(self.pad.undo)
        self.clear_button = QPushButton(self.tr("清除重签"), self)
        self.clear_button.setObjectName("sign_clear")
        self.clear_button.setToolTip(self.tr("清除签字板上的全部笔迹，重新签字"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.accept_button = QPushButton(self.tr("确认签字"), self)
        self.accept_button.setObjectName("sign_accept")
        self.accept_button.setDefault(True)
        self.accept_button.clicked.connect(self.confirm)
        cancel = QPushButton(self.tr("取消"), self)
        cancel.setObjectName("sign_cancel")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.accept_button)

        lay = QVBoxLayout(self)
        lay.addWidget(heading)
        lay.addWidget(about)
        lay.addLayout(form)
        lay.addWidget(self.pad, 1)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        self.resize(900, 500)  # fits a 1366×768 laptop screen with the task bar
        self._update_buttons()
        if not self.name_edit.text():
            self.name_edit.setFocus()
        else:
            self.pad.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        empty = self.pad.is_empty()
        self.accept_button.setEnabled(not empty)
        self.undo_button.setEnabled(not empty)
        self.clear_button.setEnabled(not empty)

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def confirm(self) -> None:
        """确认: store the signature; the dialog closes only when it is stored."""
        if self.pad.is_empty():
            self._show(self.tr("请先在签字板上签字。"))
            return
        try:
            self.signed = self.service.sign(
                self.record.kind, self.record.id, self.block.key, self.name_edit.text(), self.pad.strokes(),
                role=self.role_edit.text(), expected_hash=content_hash(spec_for(self.record.kind), self.record),
                expected_version=self.record.version,
            ).record
        except ValidationFailed as e:
            self._show(self.tr("；").join(issue_text(i) for i in e.issues))
            if any(i.key == "name" for i in e.issues):
                self.name_edit.setFocus()
            return
        except StaleRecord:
            self._show(self.tr("记录在打开后已被修改，没有签字。请关闭此窗口，重新打开记录后再签字。"))
            return
        except (TransitionRefused, StorageError) as e:
            self._show(error_text(e))
            return
        self.accept()
