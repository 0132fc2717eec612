"""Dialogs that fit a 1366×768 laptop with a taskbar (issue 14).

Such a screen leaves about 720 px for a window, less its title bar: a dialog is at most
``MAX_DIALOG_HEIGHT`` tall (less on a smaller screen) and what does not fit scrolls inside it, so
its buttons are always on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

MAX_DIALOG_HEIGHT = 650  # on the screen, title bar included
TITLE_BAR = 32  # what a window's frame adds above its content (Windows 10/11 at 100 %)
SCREEN_MARGIN = 48  # a little air above and below


def max_dialog_height(widget: QWidget | None = None) -> int:
    """The tallest a dialog's content may be on the screen of ``widget`` (or the primary screen),
    its title bar left out."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    room = MAX_DIALOG_HEIGHT if screen is None else min(MAX_DIALOG_HEIGHT,
                                                         screen.availableGeometry().height() - SCREEN_MARGIN)
    return max(room - TITLE_BAR, 300)


def scrolling(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """``content`` in a frameless scroll area that scrolls up and down only."""
    area = QScrollArea(parent)
    area.setObjectName("dialog_scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    return area


def fit_dialog(dialog: QWidget, width: int | None = None, height: int | None = None,
               scroll: QScrollArea | None = None) -> None:
    """Size ``dialog`` to ``width`` × ``height`` (its size hint when not given) but no taller than
    the screen allows.  With ``scroll`` (the area holding the dialog's content) the height asked
    for is what the content needs, so a short dialog is not stretched."""
    cap = max_dialog_height(dialog)
    if scroll is not None and scroll.widget() is not None:
        content = scroll.widget()
        extra = dialog.sizeHint().height() - scroll.sizeHint().height()
        wanted = content.sizeHint().height() + max(extra, 0) + 2
        height = wanted if height is None else min(height, wanted)
        width = width or max(dialog.sizeHint().width(), content.sizeHint().width() + 24)
    hint = dialog.sizeHint()
    dialog.resize(width or hint.width(), min(height or hint.height(), cap))
