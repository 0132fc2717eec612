"""SCORE fields: five boxes 1–5 in a row, like the ticks on the paper survey.

A click ticks a box; a second click on it keeps it (an accidental double click must not lose a
score): the 清除 button beside the row clears it.  From the keyboard the editor takes the
focus as one widget (Tab reaches it once, not five times): 1–5 tick a box and move on to the next
field, so a clerk copies a returned paper form by typing its ticks one after another ("4 5 4 3 …");
0, Delete or Backspace clear; ← and → move the tick.  The meanings (很不满意 … 很满意) are the
boxes' tool tips, the caption beside the row, and the header of a score section
(:class:`ScoreCaptions`, same geometry, so the words stand over their boxes).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from ..domain.fields import SCORE_LABELS, Field
from .texts import tr_field

SCORES = (1, 2, 3, 4, 5)
SPACING = 6
MARGIN = 3  # layout margin + the 1 px border of the editor: the captions use the same


def box_width(fm: QFontMetrics) -> int:
    """Wide enough for the widest caption above it (很不满意 / Very dissatisfied)."""
    return max(fm.horizontalAdvance(tr_field(s)) for s in SCORE_LABELS) + 10


def caption_width(fm: QFontMetrics) -> int:
    return max(fm.horizontalAdvance(tr_field(s)) for s in SCORE_LABELS) + 6


def score_caption(score: int | None) -> str:
    return tr_field(SCORE_LABELS[score - 1]) if score else ""


class ScoreEditor(QFrame):
    """SCORE: the value 1–5 or empty (raw: "4" or "")."""

    edited = Signal()
    committed = Signal()

    def __init__(self, f: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = f
        self.setObjectName(f.key)
        self.setAccessibleName(tr_field(f.label))
        self.setProperty("scoreEditor", True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(self.tr("点选 1–5 分，或按数字键 1–5；再点一次、按 0 或 Delete 清除"))
        self._value: int | None = None
        self._read_only = False

        fm = self.fontMetrics()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(MARGIN - 1, MARGIN - 1, MARGIN - 1, MARGIN - 1)
        lay.setSpacing(SPACING)
        self.buttons: dict[int, QToolButton] = {}
        for score in SCORES:
            b = QToolButton(self)
            b.setObjectName(f"{f.key}_{score}")
            b.setText(str(score))
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the editor holds the focus, not each box
            b.setProperty("scoreButton", True)
            b.setToolTip(f"{score} — {score_caption(score)}")
            b.setAccessibleName(f"{tr_field(f.label)} {score} {score_caption(score)}")
            b.setFixedSize(box_width(fm), fm.height() + 12)
            b.clicked.connect(lambda _checked=False, s=score: self._clicked(s))
            lay.addWidget(b)
            self.buttons[score] = b
        self.caption = QLabel(self)
        self.caption.setObjectName(f"{f.key}_caption")
        self.caption.setFixedWidth(caption_width(fm))
        self.caption.setProperty("hint", True)
        lay.addSpacing(4)
        lay.addWidget(self.caption)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName(f"{f.key}_clear")
        self.clear_button.setText(self.tr("清除"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.setToolTip(self.tr("清除评分（0 或 Delete）"))
        self.clear_button.clicked.connect(lambda: self._set_by_user(None))
        keep = self.clear_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the row does not change width as boxes are ticked
        self.clear_button.setSizePolicy(keep)
        lay.addWidget(self.clear_button)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._show()

    # ------------------------------------------------------------------ the editor contract

    def value(self) -> int | None:
        return self._value

    def raw(self) -> Any:
        return str(self._value) if self._value else ""

    def set_value(self, value: Any) -> None:
        text = str(value).strip() if value is not None else ""
        self._value = int(text) if text in ("1", "2", "3", "4", "5") else None
        self._show()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for b in self.buttons.values():
            b.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, read_only)
        self._show()

    # ------------------------------------------------------------------ the user

    def _clicked(self, score: int) -> None:
        if self._read_only:
            self._show()
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._set_by_user(score)  # a second click keeps the tick (清除, 0 or Delete clear it: issue 14)

    def _set_by_user(self, score: int | None) -> None:
        if self._read_only:
            return
        changed = score != self._value
        self._value = score
        self._show()
        if changed:
            self.edited.emit()
            self.committed.emit()

    def _show(self) -> None:
        for score, b in self.buttons.items():
            b.setChecked(score == self._value)
        self.caption.setText(score_caption(self._value))
        self.clear_button.setVisible(self._value is not None and not self._read_only)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._read_only:
            super().keyPressEvent(event)
            return
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
            self._set_by_user(key - Qt.Key.Key_0)
            self.focusNextChild()  # on to the next item, as the eye moves down the paper
            return
        if key in (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._set_by_user(None)
            return
        if key == Qt.Key.Key_Right:
            self._set_by_user(min((self._value or 0) + 1, 5))
            return
        if key == Qt.Key.Key_Left:
            self._set_by_user(max((self._value or 2) - 1, 1))
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, e: QFocusEvent) -> None:
        super().focusOutEvent(e)
        self.committed.emit()


class ScoreCaptions(QWidget):
    """很不满意 不满意 一般 满意 很满意, each over its box of the :class:`ScoreEditor` below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("score_captions")
        fm = self.fontMetrics()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(MARGIN, 0, MARGIN, 0)
        lay.setSpacing(SPACING)
        for score in SCORES:
            label = QLabel(f"{score_caption(score)}", self)
            label.setObjectName(f"score_caption_{score}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setFixedWidth(box_width(fm))
            label.setProperty("hint", True)
            lay.addWidget(label)
        lay.addStretch(1)
