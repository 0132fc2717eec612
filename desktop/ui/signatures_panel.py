"""签字: the form's signature blocks, each signed (who, when, the signature) or not, with 签字….

One row per block of the specification (``FormSpec.signatures``).  A block can be signed only on a
saved record's current revision; on an archived revision the buttons are off.  The form opens the
dialog (``sign_dialog``) when a button asks for it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from ..domain.fields import SignatureBlock
from ..domain.records import Record
from .texts import tr_field

THUMB_H = 44


class SignaturesPanel(QGroupBox):
    signRequested = Signal(str)  # block key

    def __init__(self, blocks: tuple[SignatureBlock, ...], image_reader: Callable[[str], bytes],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("签字"), parent)
        self.setObjectName("section_signatures")
        self.blocks = blocks
        self._read = image_reader
        self.states: dict[str, QLabel] = {}
        self.thumbs: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(14)
        for r, b in enumerate(blocks):
            label = QLabel(tr_field(b.label) + self.tr("："), self)
            state = QLabel(self)
            state.setObjectName(f"signature_state_{b.key}")
            state.setTextFormat(Qt.TextFormat.PlainText)
            thumb = QLabel(self)
            thumb.setObjectName(f"signature_image_{b.key}")
            thumb.setFixedHeight(THUMB_H)
            thumb.setMinimumWidth(THUMB_H * 3)
            button = QPushButton(self.tr("签字…"), self)
            button.setObjectName(f"sign_{b.key}")
            button.setToolTip(self.tr("在屏幕上签字（{label}）").format(label=tr_field(b.label)))
            button.clicked.connect(lambda _checked=False, key=b.key: self.signRequested.emit(key))
            grid.addWidget(label, r, 0)
            grid.addWidget(state, r, 1)
            grid.addWidget(thumb, r, 2)
            grid.addWidget(button, r, 3)
            self.states[b.key], self.thumbs[b.key], self.buttons[b.key] = state, thumb, button
        self.note = QLabel(self)
        self.note.setObjectName("signatures_note")
        self.note.setWordWrap(True)
        grid.addWidget(self.note, len(blocks), 0, 1, 4)
        self.set_record(None, can_sign=False)

    def set_record(self, record: Record | None, can_sign: bool) -> None:
        """Show ``record``'s signatures; ``can_sign``: a saved record's current revision."""
        for b in self.blocks:
            sig = record.signature(b.key) if record is not None else None
            thumb = self.thumbs[b.key]
            if sig is None:
                self.states[b.key].setText(self.tr("未签"))
                self.states[b.key].setProperty("signed", False)
                thumb.clear()
                thumb.hide()
            else:
                when = sig.signed_at.astimezone().strftime("%Y-%m-%d %H:%M")
                self.states[b.key].setText(self.tr("已签：{name}，{time}").format(name=sig.name, time=when))
                self.states[b.key].setProperty("signed", True)
                thumb.show()
                pixmap = QPixmap()
                try:
                    pixmap.loadFromData(self._read(sig.image_sha256), "PNG")
                except OSError:
                    pixmap = QPixmap()
                if not pixmap.isNull():
                    thumb.setPixmap(pixmap.scaledToHeight(THUMB_H, Qt.TransformationMode.SmoothTransformation))
                else:
                    thumb.setText(self.tr("（签字图片缺失）"))
            self.buttons[b.key].setEnabled(can_sign and sig is None)
            self.buttons[b.key].setVisible(sig is None)
        if record is None:
            self.note.setText(self.tr("保存后可在屏幕上签字；也可打印后在纸上签字。"))
        elif record.signatures and can_sign:
            self.note.setText(self.tr("本版已有签字：保存修改会生成新的一版，已签字的这一版保留不变。"))
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
