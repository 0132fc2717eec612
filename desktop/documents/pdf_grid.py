"""The bordered grid of a form: tables of exactly the content width that break across pages, and the
label/value block of a section's fields.

Why it is built this way:

* **A bordered grid that can break across pages.**  Each section is one or more ``Table``s of exactly
  the content width stacked with no gap, so the page reads as one continuous paper form; a table
  wider than the frame is a bug and fails loudly (:meth:`_Grid.table`).  A table can only split
  between rows, and a ``Paragraph`` inside one cell never splits, so a long text (``LONGTEXT``, up to
  20,000 characters) is wrapped once and cut into rows of a few lines each (:class:`_ParaSlice`); the
  lines between those rows are not drawn, so the cell looks continuous, and when a page break falls
  inside it the continuation is labelled "（续）" (:class:`_FormTable`).  The section band repeats at
  the top of a continuation page.
* **Fields by the specification.**  ``Section.columns`` label/value pairs per row, ``Field.span``
  honoured, the last value of a short row stretched to the row's end (:class:`_FieldBlock`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, Paragraph, Table

from ..domain.fields import Field, Photo, PhotoList, format_value
from .pdf_page import (
    BAND_BG,
    BLANK_ROW_H,
    CONTENT_W,
    FRAME_H,
    INNER_W,
    LABEL_BG,
    LABEL_WIDTHS,
    LINE,
    LONG_CHUNK_LINES,
    MIN_LONG_ROW_H,
    MIN_ROW_H,
    OUTER_W,
    PAD_RIGHT,
    PAD_X,
    PAD_Y,
    _Styles,
)
from .pdf_values import _Options, _Para, _TickBoxes, _value_flowable, _WritingLines, is_writable
from .text import markup

# ---------------------------------------------------------------------------------------------
# A table that says "（续）" where a page break cuts a long text or a section


class _FormTable(Table):
    """A ``Table`` whose continuation part (after a page break) relabels what it continues.

    ``_cont_rows`` maps a row that continues a long text to ``(column, flowable)``: the label shown
    in that row when it becomes the first row of a new page.  ``_band_cont`` replaces the repeated
    section band.  ReportLab builds the parts with ``self.__class__``, so this survives every split.
    """

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self._cont_rows: dict[int, tuple[int, Flowable]] = {}
        self._band_cont: Flowable | None = None

    def _repeat(self) -> int:
        return self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)

    def _split_kept(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """ReportLab's split, never leaving a single row under the heading (band, header row) on
        either side of the break: a heading with one row at a page's foot moves to the next page
        with its table, and a continuation page never holds its repeated header over one row (the
        break moves up a row).  The heading itself is never split from its table (ReportLab never
        breaks inside ``repeatRows``)."""
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        repeat = self._repeat()
        body = self._nrows - repeat
        first_body = parts[0]._nrows - repeat
        rest_body = parts[1]._nrows - parts[1]._repeat()  # type: ignore[attr-defined]
        fits_a_page = sum(self._rowHeights) <= FRAME_H
        if first_body < 2 <= body and fits_a_page:
            return []  # heading and one row alone at the foot of the page: all of it on the next
        if rest_body < 2 and first_body >= 3:
            return self._split_kept(availWidth, sum(self._rowHeights[: parts[0]._nrows - 1]) + 0.01)
        if rest_body < 2 and fits_a_page:
            return []
        return parts

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (ReportLab API)
        parts = self._split_kept(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        first, rest = parts
        assert isinstance(first, _FormTable) and isinstance(rest, _FormTable)
        n = first._nrows
        repeat = rest.repeatRows if isinstance(rest.repeatRows, int) else len(rest.repeatRows)
        first._cont_rows = {r: v for r, v in self._cont_rows.items() if r < n}
        rest._cont_rows = {r - n + repeat: v for r, v in self._cont_rows.items() if r >= n}
        first._band_cont = rest._band_cont = self._band_cont
        if repeat and self._band_cont is not None:
            row = list(rest._cellvalues[0])
            row[0] = self._band_cont
            rest._cellvalues[0] = row
        cont = rest._cont_rows.get(repeat)
        if cont is not None:
            col, flowable = cont
            row = list(rest._cellvalues[repeat])
            row[col] = flowable
            rest._cellvalues[repeat] = row
        return parts


class _Grid:
    """Rows, spans, shading and lines of one bordered table, built row by row."""

    def __init__(self, widths: Sequence[float]) -> None:
        self.widths = list(widths)
        self.ncols = len(widths)
        self.rows: list[list[Any]] = []
        self.min_heights: list[float] = []
        self.cmds: list[tuple[Any, ...]] = []
        self.joined: set[int] = set()  # rows whose bottom line is not drawn (a long text continues)
        self.cont: dict[int, tuple[int, Flowable]] = {}
        self.band_cont: Flowable | None = None
        self.repeat = 0

    def add_row(self, cells: list[Any], min_h: float = MIN_ROW_H) -> int:
        cells = cells + [""] * (self.ncols - len(cells))
        self.rows.append(cells)
        self.min_heights.append(min_h)
        return len(self.rows) - 1

    def style(self, *cmd: Any) -> None:
        self.cmds.append(cmd)

    def label_cell(self, col: int, row: int) -> None:
        """Shade a label cell; centred labels need no room for hanging punctuation."""
        self.style("BACKGROUND", (col, row), (col, row), LABEL_BG)
        self.style("RIGHTPADDING", (col, row), (col, row), PAD_X)

    def band(self, title: str, styles: _Styles, cont: str | None = None) -> None:
        """A shaded title row, repeated as ``cont`` (default: title + "（续）") on later pages."""
        r = self.add_row([_Para(markup(title), styles.band)], min_h=0)
        self.band_cont = _Para(markup(cont if cont is not None else title + "（续）"), styles.band)
        self.style("SPAN", (0, r), (-1, r))
        self.style("BACKGROUND", (0, r), (-1, r), BAND_BG)
        self.style("TOPPADDING", (0, r), (-1, r), 4)
        self.style("BOTTOMPADDING", (0, r), (-1, r), 4)
        self.repeat = r + 1

    def table(self, font: str) -> _FormTable:
        n = len(self.rows)
        if sum(self.widths) > CONTENT_W + 0.01:
            raise AssertionError(f"table wider than the frame: {sum(self.widths):.1f} > {CONTENT_W:.1f}")
        cmds: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), font),  # never Helvetica, even for empty cells
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD_RIGHT),
            ("TOPPADDING", (0, 0), (-1, -1), PAD_Y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
        ]
        cmds += self.cmds
        if self.ncols > 1:
            cmds.append(("LINEBEFORE", (1, 0), (-1, -1), INNER_W, LINE))
        # Horizontal lines row by row, skipping the joins inside a long text.
        start = 0
        for r in range(n - 1):
            if r in self.joined:
                if start < r:
                    cmds.append(("LINEBELOW", (0, start), (-1, r - 1), INNER_W, LINE))
                start = r + 1
        if start < n - 1:
            cmds.append(("LINEBELOW", (0, start), (-1, n - 2), INNER_W, LINE))
        cmds.append(("BOX", (0, 0), (-1, -1), OUTER_W, LINE))
        t = _FormTable(
            self.rows,
            colWidths=self.widths,
            style=cmds,
            repeatRows=self.repeat,
            minRowHeights=self.min_heights,
            hAlign="LEFT",
        )
        t._cont_rows = dict(self.cont)
        t._band_cont = self.band_cont
        return t



# ---------------------------------------------------------------------------------------------
# The label/value block of a section's fields


def _pair_widths(pairs: int) -> list[float]:
    label = LABEL_WIDTHS.get(pairs, 56.0)
    value = (CONTENT_W - pairs * label) / pairs
    return [label, value] * pairs


class _FieldBlock:
    """Consecutive fields (and photo lists) of a section: the label/value grid."""

    def __init__(self, pairs: int, styles: _Styles, band: str | None, blank: bool = False) -> None:
        self.pairs = max(1, pairs)
        self.s = styles
        self.blank = blank
        self.row_h = BLANK_ROW_H if blank else MIN_ROW_H
        self.grid = _Grid(_pair_widths(self.pairs))
        if band is not None:
            self.grid.band(band, styles)
        self.row: list[Any] | None = None  # the row being filled
        self.pos = 0  # pairs used in it
        self.last_value_col = -1

    # -- ordinary fields, several per row
    def add_field(self, f: Field, value: Any) -> None:
        span = min(max(1, f.span), self.pairs)
        if span < self.pairs and self._options_too_tall(f, value, span):
            span = self.pairs  # a long list of options to tick stands across the row, in columns
        if self.row is not None and self.pos + span > self.pairs:
            self._finish_row()
        if self.row is None:
            self.row = []
            self.pos = 0
        r = len(self.grid.rows)
        lc = 2 * self.pos
        vc = lc + 1
        end = 2 * (self.pos + span) - 1
        self.row += [_Para(markup(f.label), self.s.label), self._value_para(f, value)]
        self.row += [""] * (end - vc)
        self.grid.label_cell(lc, r)
        if end > vc:
            self.grid.style("SPAN", (vc, r), (end, r))
        self.last_value_col = vc
        self.pos += span
        if self.pos >= self.pairs:
            self._finish_row()

    def _value_para(self, f: Field, value: Any) -> Flowable:
        return _value_flowable(f, value, self.s.value, self.blank)

    def _value_width(self, span: int) -> float:
        """The text width of a value cell spanning ``span`` pairs."""
        label, value = self.grid.widths[0], self.grid.widths[1]
        return value + (span - 1) * (label + value) - PAD_X - PAD_RIGHT

    def _options_too_tall(self, f: Field, value: Any, span: int) -> bool:
        """Whether the options of an empty choice would stand in more than two lines in their cell
        (客户档案 单位类型, 保障单 问题类型: one option a line wasted 40 mm)."""
        flowable = self._value_para(f, value)
        if not isinstance(flowable, _Options) or isinstance(flowable, _TickBoxes):
            return False
        flowable.wrap(self._value_width(span), 1e9)
        return len(flowable._lines) > 2

    def _finish_row(self) -> None:
        if self.row is None:
            return
        r = len(self.grid.rows)
        if self.pos < self.pairs and self.last_value_col >= 0:
            # Stretch the last value to the end of the row instead of leaving empty cells.
            self.grid.style("SPAN", (self.last_value_col, r), (2 * self.pairs - 1, r))
        self.grid.add_row(self.row, min_h=self.row_h)
        self.row = None
        self.pos = 0
        self.last_value_col = -1

    # -- full-width rows
    def _full_label(self, r: int, label: str | None, valign: str = "MIDDLE") -> Any:
        """Style row ``r`` as label + one value across the row; return the label cell."""
        self.grid.label_cell(0, r)
        self.grid.style("VALIGN", (0, r), (0, r), valign)
        if self.grid.ncols > 2:
            self.grid.style("SPAN", (1, r), (-1, r))
        return _Para(markup(label), self.s.label) if label is not None else ""

    def add_long_text(self, f: Field, value: Any) -> None:
        """A LONGTEXT field: always a full-width row, cut into several rows when long."""
        self._finish_row()
        text = markup(format_value(f, value))
        value_w = sum(self.grid.widths[1:]) - PAD_X - PAD_RIGHT
        label_w = self.grid.widths[0] - 2 * PAD_X
        if not text and is_writable(f, value):  # ruled lines to write on, blank or partly filled
            r = len(self.grid.rows)
            cells = [self._full_label(r, f.label, "TOP"), _WritingLines()]
            self.grid.style("TOPPADDING", (0, r), (-1, r), 6)
            self.grid.add_row(cells)
            return
        para = _Para(text, self.s.value)
        para.wrap(value_w, 1e9)  # remembered: the table wraps it again at this width
        n_lines = len(para.blPara.lines)
        if not text or n_lines < 2 * LONG_CHUNK_LINES:
            r = len(self.grid.rows)
            cells = [self._full_label(r, f.label), para]
            self.grid.style("VALIGN", (1, r), (1, r), "TOP")
            self.grid.add_row(cells, min_h=MIN_LONG_ROW_H if not text else MIN_ROW_H)
            return
        cont_label = _Para(markup(f.label) + "（续）", self.s.label)
        label_h = max(
            _Para(markup(f.label), self.s.label).wrap(label_w, 1e9)[1],
            cont_label.wrap(label_w, 1e9)[1],
        )
        chunk = max(LONG_CHUNK_LINES, math.ceil((label_h + PAD_Y) / self.s.value.leading))
        bounds = list(range(0, n_lines, chunk))
        if n_lines - bounds[-1] < chunk:
            bounds.pop()  # the last row must be tall enough for the "（续）" label too
        bounds.append(n_lines)
        for i in range(len(bounds) - 1):
            r = len(self.grid.rows)
            first, last = i == 0, i == len(bounds) - 2
            label: Any = self._full_label(r, f.label if first else None, "TOP")
            if not first:
                self.grid.cont[r] = (0, cont_label)
            self.grid.style("VALIGN", (1, r), (1, r), "TOP")
            self.grid.style("TOPPADDING", (1, r), (1, r), PAD_Y if first else 0)
            self.grid.style("BOTTOMPADDING", (1, r), (1, r), PAD_Y if last else 0)
            if not last:
                self.grid.joined.add(r)
            self.grid.add_row([label, _ParaSlice(para, bounds[i], bounds[i + 1])], min_h=0)

    def add_photo_list(self, p: PhotoList, photos: list[Photo]) -> None:
        self._finish_row()
        r = len(self.grid.rows)
        note = f"共 {len(photos)} 张，见附页“{p.label}”" if photos else ""
        if self.blank and not photos:
            note = "另附\u3000\u3000\u3000张"
        self.grid.add_row([self._full_label(r, p.label), _Para(markup(note), self.s.value)], min_h=self.row_h)

    def flowable(self) -> Table:
        self._finish_row()
        return self.grid.table(self.s.font)


class _ParaSlice(Paragraph):
    """Lines ``start:stop`` of a paragraph already wrapped at the cell width, drawn as they are.

    Re-wrapping pieces of a long text could break lines differently at the seams; a slice of the
    wrapped lines cannot, so the text is printed exactly once, intact to its last character.
    """

    def __init__(self, parent: Paragraph, start: int, stop: int) -> None:  # noqa: D107
        self.__dict__.update(parent.__dict__)  # style, frags, debug flags: what drawing needs
        self.blPara = parent.blPara.clone(lines=parent.blPara.lines[start:stop])

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = len(self.blPara.lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return []
