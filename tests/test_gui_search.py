"""Finding records as a clerk on the phone does (issue 14): the complaint register by the
complainant's name, phone and ``bjyy``; the complaint's 投诉单位 by loose pinyin."""

from __future__ import annotations

import pytest
from gui_helpers import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.ui.register_table_model import ID_ROLE

pytestmark = pytest.mark.gui

HOSPITAL = "北京市第一人民医院"


def _shown(page) -> list[str]:
    page.apply_filter()  # what the search timer does 60 ms after the last key
    return [page.proxy.index(i, 0).data(ID_ROLE) for i in range(page.proxy.rowCount())]


def test_the_complaint_register_finds_by_person_phone_and_loose_pinyin(qtbot, forms_window, forms_ctx) -> None:
    from support import raw_complaint

    svc = forms_ctx.records
    target = svc.create("complaint", raw_complaint(received_date="2026-03-18", complainant_name="吴强",
                                                   complainant_phone="136-4437-8662")).record
    complaints = svc.all_records("complaint")
    person = target.values.fields["complainant_name"]
    phone = target.values.fields["complainant_phone"]
    page = forms_window.registers["complaint"]
    forms_window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.loaded)
    assert page.proxy.rowCount() == len(complaints)

    type_text(qtbot, page.search, person)
    shown = _shown(page)
    assert target.id in shown
    assert all(person in str(svc.get("complaint", i).values.fields) + str(svc.get("complaint", i).values.tables)
               for i in shown)

    page.search.clear()
    qtbot.keyClicks(page.search, phone.replace("-", ""))  # typed as said on the phone
    assert target.id in _shown(page)

    page.search.clear()
    qtbot.keyClicks(page.search, "bjyy")
    shown = _shown(page)
    assert target.id in shown and len(shown) < len(complaints)
    # Enter in the results opens the record.
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert forms_window.current_form() is not None


def test_the_complaint_unit_completes_from_bjyy(qtbot, forms_window) -> None:
    form = forms_window.new_record("complaint")
    unit = form.findChild(QLineEdit, "complainant_unit")
    suggestions = form.completion.suggestions["complainant_unit"]
    unit.setFocus()
    qtbot.keyClicks(unit, "bjyy")
    qtbot.waitUntil(suggestions.popup().isVisible)
    assert suggestions.suggestions()[0].value == HOSPITAL
    qtbot.keyClick(suggestions.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(suggestions.popup(), Qt.Key.Key_Return)
    assert unit.text() == HOSPITAL
    assert form.findChild(QLineEdit, "complainant_phone").text()  # the unit's contact filled in
