"""The reason asked for a step taken for a reason (``Transition.reason``): 重新打开 a closed
complaint, 作废 a duplicate.  One dialog both asks the reason and confirms the step; the reason is
kept in the record's field and in its status history, with who and when (issue 14)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ..domain.workflow import Transition
from .texts import tr_field

MAX_REASON = 500  # the reason fields' length (domain.complaint)


class ReasonDialog(QDialog):
    def __init__(self, number: str, status: str, t: Transition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(tr_field(t.action))
        self.setMinimumWidth(440)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("将 {number} 从“{a}”转为“{b}”。").format(
            number=number, a=tr_field(status), b=tr_field(t.target)), self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        label = QLabel(self.tr("{field}（必填，记入状态记录，并记下操作人和时间）：").format(
            field=tr_field(_label(t))), self)
        label.setWordWrap(True)
        lay.addWidget(label)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setAccessibleName(tr_field(_label(t)))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        self.reason.setPlaceholderText(_placeholder(t))
        label.setBuddy(self.reason)
        lay.addWidget(self.reason)
        note = QLabel(_note(t), self)
        note.setObjectName("reason_note")
        note.setWordWrap(True)
        lay.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, Qt.Orientation.Horizontal, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr_field(t.action))
        self.ok.setObjectName("reason_ok")
        self.ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.reason.textChanged.connect(self._changed)

    def _changed(self) -> None:
        text = self.text()
        self.ok.setEnabled(bool(text) and len(text) <= MAX_REASON)

    def text(self) -> str:
        return " ".join(self.reason.toPlainText().split())


def _label(t: Transition) -> str:
    from ..domain.forms import SPECS

    for spec in SPECS.values():
        for f in spec.fields():
            if f.key == t.reason:
                return f.label
    return t.reason


def _placeholder(t: Transition) -> str:
    if t.reason == "void_reason":
        return QCoreApplication.translate("ReasonDialog", "例如：与 TS-2026-T1-0012 重复登记")
    return QCoreApplication.translate("ReasonDialog", "例如：客户再次来电，更换后的产品仍有同样问题")


def _note(t: Transition) -> str:
    if t.new_revision:
        return QCoreApplication.translate(
            "ReasonDialog", "重新打开后生成新版本，结案时的版本原样保留在“修订记录”中；结案日期清空，再次结案时重新填写。")
    if t.reason == "void_reason":
        return QCoreApplication.translate(
            "ReasonDialog", "作废的记录不会删除：照常保存五年（自作废之日起），不再计入未结投诉，也不能再修改。")
    return ""


def ask_reason(parent: QWidget, number: str, status: str, t: Transition) -> str | None:
    """The reason typed, or None when the clerk cancels."""
    dialog = ReasonDialog(number, status, t, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.text():
        return None
    return dialog.text()
