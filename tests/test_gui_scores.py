"""Scores and times: the satisfaction survey typed in from a returned paper form, by mouse and keys."""

from __future__ import annotations

import pytest
from conftest import TODAY
from gui_helpers import pick, replace_text, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QToolButton

from desktop.domain import survey as sv
from desktop.domain.fields import SCORE_LABELS, Field, FieldType
from desktop.ui.score_editor import ScoreEditor

pytestmark = pytest.mark.gui
ITEMS = [k for k, _label in sv.SCORE_ITEMS] + [sv.OVERALL[0]]


def _new_survey(qtbot, window):
    form = window.new_record(sv.SPEC.kind)
    pick(form.findChild(QComboBox, "survey_type"), "年度调查")
    type_text(qtbot, form.findChild(QLineEdit, "customer_unit"), "南京市鼓楼区机关事务管理局")
    return form


def test_a_score_is_ticked_by_mouse_and_kept_by_a_second_click(qtbot, gui_app) -> None:
    editor = ScoreEditor(Field("score_quality", "产品质量", FieldType.SCORE))
    qtbot.addWidget(editor)
    editor.show()
    assert editor.objectName() == "score_quality" and editor.accessibleName() == "产品质量"
    buttons = [editor.findChild(QToolButton, f"score_quality_{n}") for n in range(1, 6)]
    assert [b.text() for b in buttons] == ["1", "2", "3", "4", "5"]
    assert [b.toolTip().split(" — ")[1] for b in buttons] == list(SCORE_LABELS)
    assert editor.raw() == ""

    with qtbot.waitSignal(editor.edited):
        qtbot.mouseClick(buttons[3], Qt.MouseButton.LeftButton)
    assert editor.raw() == "4" and editor.value() == 4
    assert [b.isChecked() for b in buttons] == [False, False, False, True, False]
    assert editor.caption.text() == "满意"
    qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)  # exclusive: the tick moves
    assert editor.value() == 2 and [b.isChecked() for b in buttons] == [False, True, False, False, False]
    with qtbot.assertNotEmitted(editor.edited):
        qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)  # a second click keeps the tick (issue 14)
    assert editor.value() == 2 and [b.isChecked() for b in buttons] == [False, True, False, False, False]
    qtbot.mouseDClick(buttons[1], Qt.MouseButton.LeftButton)  # so does a double click
    assert editor.value() == 2 and editor.caption.text() == "不满意"
    qtbot.mouseClick(buttons[4], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.findChild(QToolButton, "score_quality_clear"), Qt.MouseButton.LeftButton)
    assert editor.value() is None

    editor.set_value(3)
    editor.set_read_only(True)
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor, Qt.Key.Key_5)
    assert editor.value() == 3


def test_a_score_is_set_from_the_keyboard(qtbot, gui_app) -> None:
    editor = ScoreEditor(Field("score_skill", "专业技术水平", FieldType.SCORE))
    qtbot.addWidget(editor)
    editor.show()
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_3)
    assert editor.value() == 3
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    assert editor.value() == 4
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    assert editor.value() == 2
    qtbot.keyClick(editor, Qt.Key.Key_0)
    assert editor.value() is None
    qtbot.keyClick(editor, Qt.Key.Key_5)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.value() is None
    qtbot.keyClick(editor, Qt.Key.Key_9)  # not a score: nothing happens
    assert editor.value() is None


def test_a_paper_survey_is_typed_in_as_a_row_of_digits(qtbot, window, service, dialogs) -> None:
    form = _new_survey(qtbot, window)
    # Laid out like the paper: the captions once on top, one row of five boxes per item.
    captions = [form.findChild(QLabel, f"score_caption_{n}").text() for n in range(1, 6)]
    assert captions == list(SCORE_LABELS)
    editors = [form.findChild(ScoreEditor, key) for key in ITEMS]
    assert all(e is not None for e in editors)
    first = editors[0].buttons[1].mapTo(form, editors[0].buttons[1].rect().topLeft())
    last = editors[-1].buttons[1].mapTo(form, editors[-1].buttons[1].rect().topLeft())
    assert first.x() == last.x() and first.y() < last.y()  # boxes in columns, overall at the bottom
    assert form.score_average.text() == "尚未评分"

    # Each digit ticks a box and moves on to the next item, as the eye moves down the paper.
    editors[0].setFocus()
    for digit in "45435545":
        qtbot.keyClick(QApplication.focusWidget(), digit)
    assert [e.value() for e in editors] == [4, 5, 4, 3, 5, 5, 4, 5]
    # The average of the seven items (not the overall score), live.
    assert form.score_average.text() == "4.29 分（已评 7 项，共 7 项）"
    qtbot.mouseClick(editors[6].buttons[4], Qt.MouseButton.LeftButton)  # a second click keeps the tick
    assert editors[6].value() == 4
    qtbot.mouseClick(editors[6].clear_button, Qt.MouseButton.LeftButton)  # training: not given
    assert form.score_average.text() == "4.33 分（已评 6 项，共 7 项）"

    # Saved with every required score: the survey is registered as returned at once (issue 14),
    # the returned date today; the survey is then read-only.
    assert form.save()
    stored = service.get("survey", form.record.id)
    assert [stored.values.fields[k] for k in ITEMS] == [4, 5, 4, 3, 5, 5, None, 5]
    assert stored.status == sv.RETURNED and stored.values.fields["returned_date"] == TODAY
    assert dialogs.seen == [] and "已回收" in form.message_bar.text()
    assert form.read_only
    qtbot.mouseClick(editors[0].buttons[1], Qt.MouseButton.LeftButton)
    assert editors[0].value() == 4


def test_returning_a_survey_needs_its_scores(qtbot, window, service, dialogs) -> None:
    form = _new_survey(qtbot, window)
    assert form.save()
    qtbot.mouseClick(form.step_buttons[sv.RETURNED], Qt.MouseButton.LeftButton)
    assert dialogs.seen == []
    assert "产品质量" in form.message_bar.text() and "总体满意度" in form.message_bar.text()
    assert form.findChild(QLabel, "score_quality_error").text() == "必填"
    assert service.get("survey", form.record.id).status == sv.ISSUED


def test_times_are_typed_many_ways_or_left_empty(qtbot, window, service) -> None:
    form = window.new_record("service-report")
    arrival = form.findChild(QLineEdit, "arrival_time")
    departure = form.findChild(QLineEdit, "departure_time")
    assert "09:30" in arrival.placeholderText()
    for typed, shown in (("0930", "09:30"), ("9:30", "09:30"), ("930", "09:30"), ("14：05", "14:05")):
        replace_text(qtbot, arrival, typed)
        qtbot.keyClick(arrival, Qt.Key.Key_Tab)
        assert arrival.text() == shown, typed
    replace_text(qtbot, departure, "25:00")
    qtbot.keyClick(departure, Qt.Key.Key_Tab)
    assert departure.text() == "25:00"  # left as typed, with the reason beside it
    assert form.findChild(QLabel, "departure_time_error").text() == "时间无效：25:00"
    replace_text(qtbot, departure, "0900")
    qtbot.keyClick(departure, Qt.Key.Key_Tab)
    assert form.findChild(QLabel, "departure_time_error").text() == "离开时间不能早于到达时间（14:05）"
    replace_text(qtbot, departure, "")
    qtbot.keyClick(departure, Qt.Key.Key_Tab)
    assert not form.findChild(QLabel, "departure_time_error").isVisible()
