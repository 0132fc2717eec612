"""A section of SCORE fields laid out like the paper survey, with the live average.

Each item is one row: its label, then the five boxes; the captions 很不满意 … 很满意 stand over
the boxes once, at the top, as on the printed form.  The average of the item scores
(``survey_rules.average_score``, the figure the yearly survey report uses) is shown as the boxes
are ticked, above the customer's own overall score, which comes last.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QLabel, QWidget

from ..domain import survey, survey_rules
from ..domain.fields import Field, FieldType, RecordValues, Section

# The forms whose score sections show an average, and how it is worked out.
AVERAGES: dict[str, Callable[[RecordValues], float | None]] = {
    survey.SPEC.kind: survey_rules.average_score,
}


def is_score_section(section: Section) -> bool:
    return bool(section.elements) and all(
        isinstance(e, Field) and e.type is FieldType.SCORE for e in section.elements)


class ScoreAverage(QLabel):
    """各项平均 4.29 分（已评 6 项）, updated as the boxes are ticked."""

    def __init__(self, kind: str, keys: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("score_average")
        self.setStyleSheet("font-weight: bold;")
        self.average = AVERAGES[kind]
        self.keys = keys
        self.value: float | None = None

    def update_from(self, scores: Mapping[str, int | None]) -> None:
        values = RecordValues(fields=dict(scores))
        self.value = self.average(values)
        given = sum(1 for k in self.keys if scores.get(k) is not None)
        if self.value is None:
            self.setText(self.tr("尚未评分"))
        else:
            self.setText(self.tr("{average} 分（已评 {given} 项，共 {count} 项）").format(
                average=f"{self.value:.2f}", given=given, count=len(self.keys)))
