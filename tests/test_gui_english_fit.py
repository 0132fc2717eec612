"""English complete and not cut off at 1366×768 (issue 14): the 首页 list headings whole, the
hotline's deadline captions translated, field help texts translated, dates in ISO."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import _main_window
from PySide6.QtWidgets import QLabel, QLineEdit

pytestmark = pytest.mark.gui


@pytest.fixture
def english_window(qtbot: Any, gui_app: Any, dialogs: Any, forms_ctx: Any) -> Iterator[Any]:
    from desktop.app import DEFAULT_LANG, install_translators

    assert install_translators(gui_app, "en") == "en"
    try:
        yield from _main_window(qtbot, dialogs, forms_ctx)
    finally:
        install_translators(gui_app, DEFAULT_LANG)


def test_home_headings_are_whole_and_the_date_is_iso(qtbot, english_window) -> None:
    from desktop.ui.home_page import DeskList

    window = english_window
    window.resize(1366, 700)
    window.tabs.setCurrentWidget(window.home)
    window.home.refresh()
    qtbot.wait(50)
    assert window.home.date_label.text() == "2026-03-20 Friday"
    lists = [lst for lst in window.home.findChildren(DeskList) if lst.isVisible()]
    assert len(lists) >= 3
    cut = []
    for lst in lists:
        lst.fit_columns()
        fm = lst.header().fontMetrics()
        for c in range(lst.columnCount() - 1):
            text = lst.headerItem().text(c)
            if lst.columnWidth(c) < fm.horizontalAdvance(text) + 16:
                cut.append(text)
        last = lst.columnCount() - 1
        text = lst.headerItem().text(last)
        if lst.header().sectionViewportPosition(last) + fm.horizontalAdvance(text) + 16 > lst.viewport().width():
            cut.append(text)
    assert cut == []


def test_the_hotline_deadlines_and_field_help_speak_english(qtbot, english_window) -> None:
    window = english_window
    desk = window.open_ticket_desk()
    captions = {label.text() for label in desk.findChildren(QLabel)}
    assert any("Phone response deadline" in t for t in captions), captions
    assert any("Handling deadline" in t for t in captions)
    assert not any("电话响应时限" in t or "处理时限" in t for t in captions)
    window.close_ticket_desk()
    form = window.new_record("ticket")
    tip = form.findChild(QLineEdit, "customer_number").toolTip()
    assert tip == "Filled in when the unit is found in the customer register"
    form = window.new_record("delivery")
    tips = [w.toolTip() for w in form.findChildren(QLineEdit) if w.toolTip()]
    assert tips and not [t for t in tips if any("\u4e00" <= ch <= "\u9fff" for ch in t)], tips
