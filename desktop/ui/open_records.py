"""The tab strip's corners (issue 14): with many records open the pages scroll out of the strip,
so every page is one click away whatever is open.

- on the left, 页面 ▾: 首页, every register, 报表 and 承诺书 (with their Ctrl+1 … shortcuts);
- on the right, 已打开 N ▾: every open record (the one in view ticked), and 关闭全部记录, which
  asks about unsaved changes as closing a tab does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow


CORNER_STYLE = "QToolButton { padding: 2px 8px; } QToolButton::menu-indicator { image: none; width: 0; }"


def _corner(button: QToolButton) -> None:
    button.setAutoRaise(True)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab moves through the page, not to the corner
    button.setStyleSheet(CORNER_STYLE)


class PagesButton(QToolButton):
    """页面 ▾: the fixed pages, reachable when the strip has scrolled them away."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pages_button")
        self.setText(self.tr("页面") + " ▾")
        self.setToolTip(self.tr("首页、各登记簿、报表和承诺书"))
        _corner(self)
        menu = QMenu(self)
        menu.setObjectName("pages_menu")
        for act in window.page_actions:
            menu.addAction(act)
        self.setMenu(menu)


class OpenRecordsButton(QToolButton):
    """已打开 N ▾: every open record tab, and 关闭全部记录."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.setObjectName("open_records_button")
        _corner(self)
        self.setToolTip(self.tr("打开的记录：切换到其中一个，或全部关闭"))
        self.act_close_all = QAction(self.tr("关闭全部记录"), self)
        self.act_close_all.setObjectName("act_close_all")
        self.act_close_all.setShortcut(QKeySequence("Ctrl+Shift+W"))
        self.act_close_all.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.act_close_all.triggered.connect(self.close_all)
        window.addAction(self.act_close_all)  # the shortcut works wherever the focus is
        menu = QMenu(self)
        menu.setObjectName("open_records_menu")
        menu.aboutToShow.connect(self._fill)
        self.setMenu(menu)
        self.refresh()

    def record_indexes(self) -> list[int]:
        tabs = self.window_.tabs
        return list(range(self.window_.fixed_tabs, tabs.count()))

    def refresh(self) -> None:
        n = len(self.record_indexes())
        self.setText(self.tr("已打开 {n}").format(n=n) + " ▾")
        self.setEnabled(n > 0)
        self.act_close_all.setEnabled(n > 0)

    def _fill(self) -> None:
        menu = self.menu()
        menu.clear()
        tabs = self.window_.tabs
        for index in self.record_indexes():
            act = menu.addAction(tabs.tabText(index))
            act.setCheckable(True)
            act.setChecked(index == tabs.currentIndex())
            act.setToolTip(tabs.tabToolTip(index))
            widget = tabs.widget(index)
            act.triggered.connect(lambda _checked=False, w=widget: tabs.setCurrentWidget(w))
        menu.addSeparator()
        menu.addAction(self.act_close_all)

    def close_all(self) -> bool:
        """Close every record's tab (not the hotline desk), each asking about unsaved changes;
        stop at the first the clerk keeps open.  True when all were closed."""
        for form in list(self.window_.forms()):
            if not self.window_.close_form(form):
                self.refresh()
                return False
        self.refresh()
        return True
