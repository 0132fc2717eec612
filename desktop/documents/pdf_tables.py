"""Item tables (序号 + one column per ``ItemTable`` column) and score tables.

Why it is built this way:

* **No table wider than the frame, the same columns on every record.**  Column widths share the
  content width by the columns' kinds, never by a record's values (:func:`_column_widths`), so a form's
  table looks the same on every record and on its blank; a date column holds its 年 月 日 guide; the
  widths always sum to the width available, and the grid checks it.
* **Wide tables in smaller type.**  A table of ``WIDE_TABLE_COLS`` columns or more uses the small
  styles; headers go on two lines (at a "/" if they have one) only when they must.
* **Empty tables are paper.**  A table without rows prints a few numbered-later blank lines to fill in
  by hand (more, and taller, on a blank form).
* **Scores as a compact table.**  The score fields of a one-column section print as item | 1 … 5 with
  the chosen box ticked, and, by form kind, a summary line under it (``SCORE_SUMMARIES``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table

from ..domain.fields import SCORE_LABELS, Field, FieldType, ItemTable
from ..domain.records import Record
from .pdf_grid import _Grid
from .pdf_page import (
    BLANK_ITEM_LINES,
    BLANK_ITEM_ROWS,
    BLANK_ROW_H,
    BOX_SIDE,
    CONTENT_W,
    LABEL_BG,
    MIN_ROW_H,
    PAD_RIGHT,
    PAD_X,
    SCORE_LABEL_W,
    SCORE_ROW_H,
    SEQ_COL_W,
    WIDE_TABLE_COLS,
    _Styles,
)
from .pdf_values import TABLE_GUIDES, _Box, _Para, _TickBoxes, _value_flowable
from .text import markup, plain, plain_width

_CENTERED = {
    FieldType.CHOICE, FieldType.DECIMAL, FieldType.INTEGER, FieldType.DATE, FieldType.TIME, FieldType.BOOL,
    FieldType.SCORE,
}
_UNBROKEN = {FieldType.DATE, FieldType.TIME, FieldType.DECIMAL, FieldType.INTEGER, FieldType.PHONE}
_CODE = "20260315-A01"  # a batch or registration number: a short text column keeps one whole
_TYPICAL = {  # what a hand-filled value of the type looks like, for the width of an empty column
    FieldType.DATE: "2026-03-15",
    FieldType.TIME: "09:30",
    FieldType.DECIMAL: "1234.5",
    FieldType.INTEGER: "1234",
    FieldType.PHONE: "010-12345678",
}


def _run_width(text: str, style: ParagraphStyle) -> float:
    return plain_width(plain(text), style.fontName, style.fontSize)


def _header_lines(label: str) -> list[str]:
    """A column header as it may be set on two lines: at a "/" if it has one, else halved; a
    header of up to four characters stays on one line."""
    if "/" in label:
        head, _, tail = label.partition("/")
        return [head + "/", tail]
    if len(label) <= 4:
        return [label]
    half = math.ceil(len(label) / 2)
    return [label[:half], label[half:]]


def _column_widths(
    columns: Sequence[Field],
    style: ParagraphStyle,
    head: ParagraphStyle,
    avail: float,
) -> list[float]:
    """Column widths that share ``avail`` by the columns' kinds, never by the values of a record:
    one form has the same columns on every record and on its blank (issue 13: widths changed from
    record to record, and a date cell of a blank shrank to "年 / 月 日").

    Each column gets what its header and a typical value need on one line when that fits: a date the
    width of its 年 月 日 guide, a time of 时 分, numbers a few digits, a choice its longest option (up
    to eight characters), a text by how long it may be; the free space goes to the text columns.
    Otherwise the text columns wrap first (down to three characters; a short code such as a batch
    number keeps seven), then the others, down to their minimum: header on two lines, dates, times
    and numbers whole.  The result always sums to ``avail``."""
    pad = PAD_X + PAD_RIGHT
    em = style.fontSize
    desired: list[float] = []
    minimum: list[float] = []
    text_like: list[bool] = []
    for c in columns:
        label = plain(c.label)
        head_one = _run_width(label, head) + PAD_X * 2
        head_two = max(_run_width(line, head) for line in _header_lines(label)) + PAD_X * 2
        if c.type is FieldType.BOOL:
            content = _TickBoxes(None, style, BOX_SIDE).wrap(1e9, 1e9)[0]
            least = content
        elif c.type is FieldType.SCORE:
            content = least = BOX_SIDE
        elif c.type in _UNBROKEN:
            content = _run_width(_TYPICAL[c.type], style)
            if c.type in TABLE_GUIDES:
                # measured as set: plain() would fold the guide's no-break spaces into one
                content = max(content, plain_width(TABLE_GUIDES[c.type], style.fontName, style.fontSize) + 1)
            least = content
        else:
            if c.type is FieldType.CHOICE and c.choices:
                content = min(max(_run_width(ch, style) for ch in c.choices), 8 * em)
            else:  # room to write by hand, by how long the text may be
                content = min(10.0, max(5.0, c.default_max_length / 10)) * em
            content = min(content, 14 * em)
            if c.type is FieldType.CHOICE:  # a choice breaks only when nothing else gives way
                least = min(content, 4 * em)
            elif c.default_max_length <= 40:  # names, batch and registration numbers: kept whole
                least = _run_width(_CODE, style)
                content = max(content, least)
            else:
                least = min(content, 3 * em)
        desired.append(max(head_one, content + pad))
        minimum.append(max(head_two, least + pad))
        text_like.append(c.type in (FieldType.TEXT, FieldType.LONGTEXT))
    total_desired, total_min = sum(desired), sum(minimum)
    n = len(columns)
    if total_desired <= avail:
        growing = [i for i in range(n) if text_like[i]] or list(range(n))
        share = sum(desired[i] for i in growing)
        extra = avail - total_desired
        return [w + (extra * w / share if i in growing else 0.0) for i, w in enumerate(desired)]
    if total_min >= avail:
        return [w * avail / total_min for w in minimum]
    widths = list(desired)
    excess = total_desired - avail
    for group in ([i for i in range(n) if text_like[i]], [i for i in range(n) if not text_like[i]]):
        slack = sum(widths[i] - minimum[i] for i in group)
        if slack <= 0:
            continue
        k = min(1.0, excess / slack)
        for i in group:
            cut = (widths[i] - minimum[i]) * k
            widths[i] -= cut
            excess -= cut
        if excess <= 1e-6:
            break
    return widths


def _item_table(
    t: ItemTable, rows: list[dict[str, Any]], styles: _Styles, band: str | None, blank: bool = False
) -> Table:
    wide = len(t.columns) + 1 >= WIDE_TABLE_COLS
    value_st = styles.small if wide else styles.value
    center_st = styles.small_center if wide else styles.value_center
    head_st = styles.small_head if wide else styles.head
    widths = _column_widths(t.columns, value_st, head_st, CONTENT_W - SEQ_COL_W)
    grid = _Grid([SEQ_COL_W] + widths)
    if band is not None:
        grid.band(band, styles)
    heads: list[Any] = [_Para("序号", head_st)]
    for c, w in zip(t.columns, widths, strict=True):
        label = plain(c.label)
        if _run_width(label, head_st) > w - 2 * PAD_X:
            label = "\n".join(_header_lines(label))
        heads.append(_Para(markup(label), head_st))
    r = grid.add_row(heads)
    grid.style("BACKGROUND", (0, r), (-1, r), LABEL_BG)
    grid.style("RIGHTPADDING", (0, r), (-1, r), PAD_X)
    grid.repeat = r + 1
    for i, c in enumerate(t.columns, 1):
        if c.type in _CENTERED:  # places flowables that are not paragraphs (tick boxes)
            grid.style("ALIGN", (i, r + 1), (i, -1), "CENTER")
            grid.style("RIGHTPADDING", (i, r + 1), (i, -1), PAD_X)  # centred: nothing hangs
    empty = max(t.min_rows, BLANK_ITEM_LINES if blank else BLANK_ITEM_ROWS)
    printed = rows or [{} for _ in range(empty)]
    row_h = BLANK_ROW_H if blank else MIN_ROW_H
    for i, row in enumerate(printed, 1):
        cells: list[Any] = [_Para(str(i) if rows else "", center_st)]
        for c in t.columns:
            st = center_st if c.type in _CENTERED else value_st
            # Empty cells are paper (年 月 日 in a date); big boxes on a blank; no choice lists in a cell.
            cells.append(_value_flowable(c, row.get(c.key), st, blank=blank and not rows,
                                         writable=c.type is not FieldType.CHOICE, table=True))
        grid.add_row(cells, min_h=row_h)
    return grid.table(styles.font)


# ---------------------------------------------------------------------------------------------
# Scores: a compact table (item | 1 | 2 | 3 | 4 | 5), the chosen box ticked


ScoreSummary = Callable[[Record], "tuple[str, str] | None"]


def _survey_summary(record: Record) -> tuple[str, str] | None:
    from ..domain.survey import SCORE_ITEMS
    from ..domain.survey_rules import average_score

    avg = average_score(record.values)
    if avg is None:
        return None
    given = [label for key, label in SCORE_ITEMS if record.values.fields.get(key) is not None]
    missing = [label for key, label in SCORE_ITEMS if record.values.fields.get(key) is None]
    detail = f"已评 {len(given)} 项" + (f"，未评：{'、'.join(missing)}" if missing else "")
    return "单项平均分", f"{avg:.2f} 分（{detail}；不含总体满意度）"


SCORE_SUMMARIES: dict[str, ScoreSummary] = {"survey": _survey_summary}
"""By form kind: the line printed under its score table (label, text), e.g. the survey's average."""


def _score_table(
    fields: Sequence[Field],
    record: Record,
    styles: _Styles,
    band: str | None,
    summary: tuple[str, str] | None,
) -> Table:
    col = (CONTENT_W - SCORE_LABEL_W) / 5
    grid = _Grid([SCORE_LABEL_W] + [col] * 5)
    if band is not None:
        grid.band(band, styles)
    head = [_Para("评价项目", styles.head)]
    head += [_Para(f"{i} 分<br/>{label}", styles.head) for i, label in enumerate(SCORE_LABELS, 1)]
    r = grid.add_row(head)
    grid.style("BACKGROUND", (0, r), (-1, r), LABEL_BG)
    grid.style("RIGHTPADDING", (0, r), (-1, r), PAD_X)
    grid.repeat = r + 1
    for f in fields:
        value = record.get(f.key)
        r = grid.add_row(
            [_Para(markup(f.label), styles.label)] + [_Box(value == i) for i in range(1, 6)],
            min_h=SCORE_ROW_H,
        )
        grid.label_cell(0, r)
        grid.style("ALIGN", (1, r), (-1, r), "CENTER")
        grid.style("RIGHTPADDING", (1, r), (-1, r), PAD_X)
    if summary is not None:
        r = grid.add_row([_Para(markup(summary[0]), styles.label), _Para(markup(summary[1]), styles.value)])
        grid.label_cell(0, r)
        grid.style("SPAN", (1, r), (-1, r))
    return grid.table(styles.font)
