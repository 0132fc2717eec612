"""One A4 paper form for any record, drawn from its form specification.

Why it is built this way:

* **Driven by the FormSpec.**  Nothing here knows the complaint: sections become titled bands, fields
  become label/value cells (``Section.columns`` pairs per row, ``Field.span`` honoured), item tables
  become bordered tables with a header row, photo lists become an appendix, ``FormSpec.signatures``
  the signature grid.  A new form only needs its specification.
* **A bordered grid that can break across pages.**  Each section is one or more ``Table``s of exactly
  the content width stacked with no gap, so the page reads as one continuous paper form.  A table can
  only split between rows, and a ``Paragraph`` inside one cell never splits, so a long text
  (``LONGTEXT``, up to 20,000 characters) is wrapped once and cut into rows of a few lines each; the
  lines between those rows are not drawn, so the cell looks continuous, and when a page break falls
  inside it the continuation is labelled "（续）" (:class:`_FormTable`).  The section band repeats at
  the top of a continuation page.
* **Letterhead and "第 x 页 共 y 页" on every page.**  The header is drawn by the page template's
  ``onPage``; the total page count is only known at the end, so the footer is drawn by a canvas that
  keeps every page until ``save`` (the "numbered canvas" technique: one layout pass, not two).
* **A page stamp on every page, and reproducible bytes.**  A saved record's footer carries, at the
  right, a QR code and a readable code naming the record, its revision and its content hash
  (``documents.stamp``); the same identity goes into the document information.  The canvas runs in
  ReportLab's invariant mode dated ``record.updated_at``, so the same revision renders to the same
  bytes (``services.export`` then signs them, ``services.signing``).
* **Only the bundled fonts.**  Every style, table cell and the canvas itself (``initialFontName``) use the
  embedded WenQuanYi subset, so no Helvetica is referenced and the PDF prints the same on any machine;
  the symbols WenQuanYi cannot draw (℃, Ⅴ, ǚ, ☑ …) are set in the bundled DejaVu Sans, also embedded.
  All user text is escaped (``documents.text.markup``), canvas strings are drawn run by run
  (``documents.text.draw_plain``); characters neither font has print as ``□`` and are reported back in
  :class:`RenderReport`.
* **Fast after the first call.**  The fonts are registered once (``documents.fonts``); styles are built
  once; Pillow is imported only when there are photos.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import math
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from ..domain.fields import (
    SCORE_LABELS,
    Field,
    FieldType,
    FormSpec,
    ItemTable,
    Photo,
    PhotoList,
    RecordValues,
    Section,
    SignatureBlock,
    format_value,
    parse_value,
)
from ..domain.records import Record
from ..domain.settings import Settings
from .fonts import ensure_fonts, has_glyph, unprintable_chars
from .stamp import PageStamp, draw_qr, record_stamp
from .text import draw_plain, markup, plain, plain_width

PhotoReader = Callable[[str], bytes]
"""Returns the bytes of a stored photo given its SHA-256 (``storage.photos``)."""

# ---------------------------------------------------------------------------------------------
# Page geometry (points).  A4 with 15 mm side margins; the letterhead takes the top 34 mm.

PAGE_W, PAGE_H = A4
MARGIN_X = 15 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X
HEADER_TOP = PAGE_H - 11 * mm  # baseline area of the company name
FRAME_TOP = PAGE_H - 37 * mm
FRAME_BOTTOM = 17 * mm
FRAME_H = FRAME_TOP - FRAME_BOTTOM
FOOTER_RULE_Y = 13 * mm
# The page stamp's QR code (documents.stamp): bottom right, its top 1.5 mm below the frame, its bottom
# 4.5 mm above the paper's edge (most printers cannot print the outer 4–5 mm).
QR_SIZE = 11 * mm
QR_BOTTOM = 4.5 * mm
QR_GAP = 2.5 * mm  # white space left of the code (the rule and the readable code stop there)

LINE = colors.black
INNER_W = 0.5  # inner grid lines
OUTER_W = 1.0  # section outlines
LABEL_BG = colors.HexColor("#EEF1F5")
BAND_BG = colors.HexColor("#D6DEE8")
GREY_TEXT = colors.HexColor("#444444")

PAD_X = 4.0
PAD_RIGHT = 8.0  # room for punctuation hanging past the wrap width (see documents.text)
PAD_Y = 3.5
MIN_ROW_H = 23.0  # about 8 mm: enough to write in by hand when a value is blank
MIN_LONG_ROW_H = 46.0  # blank long text: a few handwritten lines
LONG_CHUNK_LINES = 4  # a long text is cut into rows of at least this many lines
SIGN_SPACE = 36.0  # blank height for the pen in a signature block

LABEL_WIDTHS = {1: 92.0, 2: 92.0, 3: 72.0, 4: 58.0}  # label column width by pairs per row
SEQ_COL_W = 26.0  # "序号" column of item tables
BLANK_ITEM_ROWS = 3  # empty item tables print this many blank lines to fill in by hand
WIDE_TABLE_COLS = 8  # item tables with this many columns (序号 included) use the smaller type

# Paper to fill by hand (``render_blank``): taller empty cells, ruled lines in long texts, tick boxes
# a pen can hit (4.2 mm), the options of a choice printed to tick.
BOX_SIDE = 12.0  # score boxes, and every box on a blank form
BLANK_ROW_H = 27.0  # about 9.5 mm
BLANK_ITEM_LINES = 4
WRITING_LINE_H = 24.0  # ruled lines of a blank long text, about 8.5 mm apart
BLANK_LONG_LINES = 3
SCORE_LABEL_W = 92.0  # the item column of a score table (as wide as the label column above it)
SCORE_ROW_H = 25.0


@dataclass
class RenderReport:
    """What a caller may want to tell the user after an export."""

    pages: int
    missing_chars: frozenset[str] = frozenset()  # printed as □: neither bundled font can draw them
    photo_problems: list[str] = field(default_factory=list)  # file names of pictures not printed


# ---------------------------------------------------------------------------------------------
# Styles (built once, after the font is registered)


@dataclass(frozen=True)
class _Styles:
    font: str
    label: ParagraphStyle
    value: ParagraphStyle
    value_center: ParagraphStyle
    band: ParagraphStyle
    head: ParagraphStyle
    sig_label: ParagraphStyle
    sig_line: ParagraphStyle
    sig_name: ParagraphStyle
    caption: ParagraphStyle
    note: ParagraphStyle
    label_left: ParagraphStyle
    small: ParagraphStyle  # cells of wide item tables
    small_center: ParagraphStyle
    small_head: ParagraphStyle


@lru_cache(maxsize=1)
def _styles() -> _Styles:
    font = ensure_fonts()

    def style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            bulletFontName=font,
            fontSize=size,
            leading=leading,
            wordWrap="CJK",
            **({"textColor": colors.black} | kw),
        )

    return _Styles(
        font=font,
        label=style("label", 9, 12, alignment=TA_CENTER),
        value=style("value", 9.5, 13.5, alignment=TA_LEFT),
        value_center=style("value_center", 9.5, 13.5, alignment=TA_CENTER),
        band=style("band", 10.5, 14, alignment=TA_LEFT),
        head=style("head", 9, 12, alignment=TA_CENTER),
        sig_label=style("sig_label", 10, 14, alignment=TA_LEFT),
        sig_line=style("sig_line", 9.5, 14, alignment=TA_RIGHT),
        sig_name=style("sig_name", 8, 11, alignment=TA_RIGHT, textColor=GREY_TEXT),
        caption=style("caption", 8.5, 12, alignment=TA_CENTER),
        note=style("note", 9.5, 13.5, alignment=TA_CENTER, textColor=GREY_TEXT),
        label_left=style("label_left", 9.5, 13, alignment=TA_LEFT),
        small=style("small", 8.5, 11.5, alignment=TA_LEFT),
        small_center=style("small_center", 8.5, 11.5, alignment=TA_CENTER),
        small_head=style("small_head", 8.5, 11, alignment=TA_CENTER),
    )


class _Para(Paragraph):
    """A paragraph that remembers its wrap at the last width.

    A table wraps each cell several times (measuring, every split attempt at a page end, drawing);
    the lines only depend on the width, so wrapping again at the same width reuses them.  This
    halves the time of a form.
    """

    _memo: tuple[float, Any, float, float, Any] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        memo = self._memo
        if memo is not None and memo[0] == availWidth:
            _, self.blPara, self.width, self.height, self._wrapWidths = memo
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        self._memo = (availWidth, self.blPara, self.width, self.height, getattr(self, "_wrapWidths", None))
        return width, height


def _tick_char() -> str | None:
    """The tick the text layer carries ("✓" in the main font), or ``None`` if the font has none."""
    return next((ch for ch in ("\u2713", "\u2714", "\u221a") if has_glyph(ch)), None)


def _draw_box(
    c: Canvas, x: float, bottom: float, side: float, ticked: bool, tick: str | None, font: str
) -> None:
    """One square of ``side`` points at ``(x, bottom)``, with a tick inside when ``ticked``.

    The tick is drawn as two strokes, like a pen's (WenQuanYi's ✓ is a thin radical sign that
    sticks out of the box); the character is also written there as invisible text, so copying,
    searching and text extraction read "✓"."""
    c.setLineWidth(0.7 if side < 11 else 0.8)
    c.rect(x, bottom, side, side, stroke=1, fill=0)
    if not ticked:
        return
    c.saveState()
    c.setLineWidth(max(1.2, side / 7.5))
    c.setLineCap(1)
    c.setLineJoin(1)
    path = c.beginPath()
    path.moveTo(x + 0.2 * side, bottom + 0.55 * side)
    path.lineTo(x + 0.42 * side, bottom + 0.22 * side)
    path.lineTo(x + 0.86 * side, bottom + 0.9 * side)
    c.drawPath(path, stroke=1, fill=0)
    if tick is not None:
        text = c.beginText()
        text.setTextRenderMode(3)  # invisible
        text.setFont(font, side)
        text.setTextOrigin(x, bottom + 0.15 * side)
        text.textOut(tick)
        c.drawText(text)
    c.restoreState()


class _Options(Flowable):
    """Options as drawn tick boxes, each followed by its label, the chosen one ticked.

    WenQuanYi Micro Hei has no ☑/☐ and its ■/□ are under half an em; DejaVu Sans's ☑/☐ are about
    two thirds of an em with a hairline tick.  Both are too small to tick by hand, so the boxes are
    drawn; the tick is the main font's ✓ when it has one (so the text layer reads "✓是 否"), else
    drawn strokes.  No chosen option shows empty boxes to tick on paper.  The options flow onto
    further lines when the cell is narrow; an option wider than the whole cell is set smaller.
    """

    def __init__(
        self,
        options: Sequence[tuple[str, Any]],
        value: Any,
        style: ParagraphStyle,
        side: float | None = None,
    ) -> None:
        super().__init__()
        self.options = list(options)
        self.value = value
        self.font = style.fontName
        self.size = style.fontSize
        self.side = side if side is not None else round(style.fontSize * 0.85, 2)
        self.leading = max(style.leading, self.side + 4)
        self.gap = style.fontSize * 0.3
        self.space = style.fontSize * (2 if len(self.options) <= 2 else 1.4)
        self.tick = _tick_char()
        self.scale = 1.0
        self._lines: list[list[int]] = []
        self._cell = 0.0  # column width when the options stand in columns

    def _item_w(self, i: int) -> float:
        label = self.options[i][0]
        return (self.side + self.gap + plain_width(label, self.font, self.size)) * self.scale

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        widest = max(self._item_w(i) / self.scale for i in range(len(self.options)))
        self.scale = min(1.0, availWidth / widest) if widest > 0 else 1.0
        n = len(self.options)
        space = self.space * self.scale
        one_line = sum(self._item_w(i) for i in range(n)) + space * (n - 1)
        if one_line <= availWidth + 1e-6:
            self._lines = [list(range(n))]
            self._cell = 0.0
            self.width = one_line
        else:  # several lines: the options stand in columns
            self._cell = max(self._item_w(i) for i in range(n)) + space
            per_line = max(1, int((availWidth + space + 1e-6) // self._cell))
            self._lines = [list(range(k, min(n, k + per_line))) for k in range(0, n, per_line)]
            self.width = min(availWidth, self._cell * per_line - space)
        self.height = len(self._lines) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        size = self.size * self.scale
        side = self.side * self.scale
        for n, line in enumerate(self._lines):
            # Where a Paragraph of the same style puts this line's baseline; the box is centred
            # on the middle of the Chinese characters (0.38 em above the baseline).
            middle = self.height - (n + 0.5) * self.leading
            base = middle - 0.38 * self.size
            bottom = base + 0.38 * size - side / 2
            x = 0.0
            for col, i in enumerate(line):
                if self._cell:
                    x = col * self._cell
                label, option = self.options[i]
                chosen = self.value is not None and self.value == option and type(self.value) is type(option)
                _draw_box(c, x, bottom, side, chosen, self.tick, self.font)
                x += side + self.gap * self.scale
                draw_plain(c, x, base, label, self.font, size)
                x += plain_width(label, self.font, size) + self.space * self.scale


class _TickBoxes(_Options):
    """是/否 as two drawn tick boxes, the chosen one ticked: ☑是 ☐否 on paper."""

    OPTIONS = (("是", True), ("否", False))

    def __init__(self, value: Any, style: ParagraphStyle, side: float | None = None) -> None:
        super().__init__(self.OPTIONS, value, style, side)


def score_options() -> list[tuple[str, int]]:
    """The five scores as printed beside their boxes: "1 很不满意" … "5 很满意"."""
    return [(f"{i} {label}", i) for i, label in enumerate(SCORE_LABELS, 1)]


class _Box(Flowable):
    """One tick box (a cell of the score table)."""

    def __init__(self, ticked: bool, side: float = BOX_SIDE) -> None:
        super().__init__()
        self.ticked = ticked
        self.side = side
        self.tick = _tick_char()
        self.font = ensure_fonts()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = self.height = self.side
        return self.side, self.side

    def draw(self) -> None:
        _draw_box(self.canv, 0, 0, self.side, self.ticked, self.tick, self.font)


class _WritingLines(Flowable):
    """Empty ruled lines to write on by hand (a blank long text)."""

    def __init__(self, lines: int = BLANK_LONG_LINES, spacing: float = WRITING_LINE_H) -> None:
        super().__init__()
        self.lines = lines
        self.spacing = spacing

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = self.lines * self.spacing
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(colors.HexColor("#9AA3AD"))
        c.setLineWidth(0.4)
        c.setDash(1, 2)
        for i in range(self.lines):
            y = self.height - (i + 1) * self.spacing + 7  # the last line well above the cell's border
            c.line(0, y, self.width, y)
        c.restoreState()


def _value_flowable(f: Field, value: Any, style: ParagraphStyle, blank: bool = False) -> Flowable:
    """The printed value of a field: a paragraph (user text escaped), or tick boxes for BOOL and
    SCORE (and, on a blank form, for the options of an empty CHOICE)."""
    side = BOX_SIDE if blank else None
    if f.type is FieldType.BOOL:
        return _TickBoxes(value, style, side)
    if f.type is FieldType.SCORE:
        return _Options(score_options(), value, style, BOX_SIDE)
    if blank and value is None and f.type is FieldType.CHOICE and f.choices:
        return _Options([(ch, ch) for ch in f.choices], None, style, side)
    if blank and value is None and f.type in _GUIDES:
        return _Para(_GUIDES[f.type], style)
    return _Para(markup(format_value(f, value)), style)


_GUIDES = {  # an empty date or time on paper: where to write what (年 月 日 right of the blanks)
    FieldType.DATE: "\xa0" * 14 + "年" + "\xa0" * 8 + "月" + "\xa0" * 8 + "日",
    FieldType.TIME: "\xa0" * 8 + "时" + "\xa0" * 8 + "分",
}


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

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (ReportLab API)
        parts = super().split(availWidth, availHeight)
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
# Sections


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
        if not text and self.blank:  # ruled lines to write on
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


_CENTERED = {
    FieldType.CHOICE, FieldType.DECIMAL, FieldType.INTEGER, FieldType.DATE, FieldType.TIME, FieldType.BOOL,
    FieldType.SCORE,
}
_UNBROKEN = {FieldType.DATE, FieldType.TIME, FieldType.DECIMAL, FieldType.INTEGER, FieldType.PHONE}
_TYPICAL = {  # what a hand-filled value of the type looks like, for the width of an empty column
    FieldType.DATE: "2026-03-15",
    FieldType.TIME: "09:30",
    FieldType.DECIMAL: "1234.5",
    FieldType.INTEGER: "1234",
    FieldType.PHONE: "010-12345678",
}


def _run_width(text: str, style: ParagraphStyle) -> float:
    return plain_width(plain(text), style.fontName, style.fontSize)


def _longest_latin_run(text: str) -> str:
    """The longest run without a CJK character or a space: where a line can only break mid-word."""
    best = cur = ""
    for ch in text:
        if ch.isspace() or ord(ch) >= 0x2E80:
            cur = ""
        else:
            cur += ch
            if len(cur) > len(best):
                best = cur
    return best


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
    rows: list[dict[str, Any]],
    style: ParagraphStyle,
    head: ParagraphStyle,
    avail: float,
) -> list[float]:
    """Column widths that share ``avail`` by content.

    Each column gets what its header and values need on one line when that fits, the free space
    going to the text columns.  Otherwise the text columns wrap first (down to three characters, or
    the longest run of Latin letters and digits, which would break mid-word), then the others, down
    to their minimum: header on two lines, numbers, dates and choices as a whole where possible.
    The result always sums to ``avail``."""
    pad = PAD_X + PAD_RIGHT
    em = style.fontSize
    desired: list[float] = []
    minimum: list[float] = []
    text_like: list[bool] = []
    for c in columns:
        label = plain(c.label)
        head_one = _run_width(label, head) + PAD_X * 2
        head_two = max(_run_width(line, head) for line in _header_lines(label)) + PAD_X * 2
        values = [format_value(c, r.get(c.key)) for r in rows if r.get(c.key) not in (None, "")]
        if c.type is FieldType.BOOL:
            content = _TickBoxes(None, style, BOX_SIDE).wrap(1e9, 1e9)[0]
            least = content
        elif c.type is FieldType.SCORE:
            content = least = BOX_SIDE
        elif c.type in _UNBROKEN:
            content = max([_run_width(v, style) for v in values] + [_run_width(_TYPICAL[c.type], style)])
            least = content
        else:
            if values:
                content = max(_run_width(v, style) for v in values)
            elif c.type is FieldType.CHOICE and c.choices:  # an empty column: room for a usual choice
                content = min(sorted(_run_width(ch, style) for ch in c.choices)[len(c.choices) // 2], 6 * em)
            else:  # room to write by hand, by how long the text may be
                content = min(10.0, max(5.0, c.default_max_length / 10)) * em
            content = min(content, 14 * em)
            latin = max((_run_width(_longest_latin_run(v), style) for v in values), default=0.0)
            if c.type is FieldType.CHOICE:  # a choice breaks only when nothing else gives way
                least = min(content, max(4 * em, min(latin, 9 * em)))
            else:
                least = min(content, max(3 * em, min(latin, 9 * em)))
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
    widths = _column_widths(t.columns, rows, value_st, head_st, CONTENT_W - SEQ_COL_W)
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
            paper = blank and not rows and c.type is not FieldType.CHOICE  # big empty boxes; no choice lists
            cells.append(_value_flowable(c, row.get(c.key), st, paper))
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


def _section_flowables(
    spec: FormSpec, section: Section, record: Record, styles: _Styles, blank: bool = False
) -> list[Flowable]:
    out: list[Flowable] = []
    band: str | None = section.title
    # Runs of elements: score fields of a one-column section become one score table.
    elements = list(section.elements)
    if blank:  # a form to fill by hand has no status yet: the field before it takes its place
        for i, el in enumerate(elements):
            if isinstance(el, Field) and el.key == "status":
                prev = elements[i - 1] if i else None
                if isinstance(prev, Field) and prev.type is not FieldType.LONGTEXT:
                    elements[i - 1] = dataclasses.replace(prev, span=prev.span + el.span)
        elements = [el for el in elements if not (isinstance(el, Field) and el.key == "status")]
    runs_: list[tuple[str, list[Any]]] = []
    for el in elements:
        if isinstance(el, ItemTable):
            kind = "table"
        elif isinstance(el, Field) and el.type is FieldType.SCORE and section.columns == 1:
            kind = "scores"
        else:
            kind = "fields"
        if runs_ and runs_[-1][0] == kind and kind != "table":
            runs_[-1][1].append(el)
        else:
            runs_.append((kind, [el]))
    last_scores = max((i for i, (k, _) in enumerate(runs_) if k == "scores"), default=-1)
    for i, (kind, els) in enumerate(runs_):
        if kind == "table":
            out.append(_item_table(els[0], record.values.tables.get(els[0].key, []), styles, band, blank))
        elif kind == "scores":
            summarise = SCORE_SUMMARIES.get(spec.kind)
            summary = summarise(record) if summarise is not None and i == last_scores and not blank else None
            out.append(_score_table(els, record, styles, band, summary))
        else:
            block = _FieldBlock(section.columns, styles, band, blank)
            for el in els:
                if isinstance(el, PhotoList):
                    block.add_photo_list(el, record.values.photos.get(el.key, []))
                elif el.type is FieldType.LONGTEXT:
                    block.add_long_text(el, record.get(el.key))
                else:
                    block.add_field(el, record.get(el.key))
            out.append(block.flowable())
        band = None
    if band is not None:  # a section with no elements still shows its title
        grid = _Grid([CONTENT_W])
        grid.band(band, styles)
        out.append(grid.table(styles.font))
    return out


# ---------------------------------------------------------------------------------------------
# Signatures


def _date_line(value: Any) -> str:
    if isinstance(value, dt.date):
        return f"日期：{value.year} 年 {value.month:02d} 月 {value.day:02d} 日"
    return "日期：________ 年 ____ 月 ____ 日"


def _signature_flowables(
    spec: FormSpec, record: Record, styles: _Styles, reader: PhotoReader | None = None,
    report: RenderReport | None = None,
) -> list[Flowable]:
    blocks = list(spec.signatures)
    if not blocks:
        return []
    per_row = len(blocks) if len(blocks) <= 3 else (2 if len(blocks) == 4 else 3)
    grid = _Grid([CONTENT_W / 6] * 6)
    grid.band("签字确认", styles)
    for start in range(0, len(blocks), per_row):
        row_blocks = blocks[start : start + per_row]
        span = 6 // len(row_blocks)
        r = len(grid.rows)
        cells: list[Any] = []
        for i, b in enumerate(row_blocks):
            cells += [_signature_cell(b, record, styles, reader, report)] + [""] * (span - 1)
            if span > 1:
                grid.style("SPAN", (i * span, r), (i * span + span - 1, r))
        grid.add_row(cells)
        grid.style("VALIGN", (0, r), (-1, r), "TOP")
        grid.style("TOPPADDING", (0, r), (-1, r), 5)
        grid.style("BOTTOMPADDING", (0, r), (-1, r), 6)
        grid.style("LEFTPADDING", (0, r), (-1, r), 6)
        grid.style("RIGHTPADDING", (0, r), (-1, r), 8)
    return [KeepTogether([grid.table(styles.font)])]


class _SignatureImage(Flowable):
    """A signature captured on screen: its transparent PNG (``services.signature_image``, about
    500 dpi here) scaled to fit the pen's space, drawn with ``mask='auto'`` — without it the
    transparent background prints black (PITFALLS.md)."""

    def __init__(self, data: bytes, px_w: int, px_h: int, max_h: float = SIGN_SPACE) -> None:
        super().__init__()
        self.data, self.px_w, self.px_h, self.max_h = data, px_w, px_h, max_h
        self.draw_w = self.draw_h = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        scale = min(availWidth / self.px_w, self.max_h / self.px_h)
        self.draw_w, self.draw_h = self.px_w * scale, self.px_h * scale
        return availWidth, self.max_h

    def draw(self) -> None:
        from reportlab.lib.utils import ImageReader

        y = (self.max_h - self.draw_h) / 2
        self.canv.drawImage(ImageReader(io.BytesIO(self.data)), 0, y, self.draw_w, self.draw_h, mask="auto")


def _signature_image(data: bytes) -> _SignatureImage:
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(data)) as im:
        im.load()
        width, height = im.size
    return _SignatureImage(data, width, height)


def _signature_cell(
    b: SignatureBlock, record: Record, styles: _Styles, reader: PhotoReader | None = None,
    report: RenderReport | None = None,
) -> list[Flowable]:
    label = b.label if "签" in b.label else f"{b.label}（签字）"
    sig = record.signature(b.key)
    if sig is not None:
        # Signed on screen: the signature in the pen's space, the signer's name and the time signed.
        try:
            if reader is None:
                raise LookupError(sig.image_sha256)
            picture: Flowable = _signature_image(reader(sig.image_sha256))
        except Exception:  # noqa: BLE001 - a missing picture becomes a note, not a failed export
            if report is not None:
                report.photo_problems.append(f"{b.label}签字")
            picture = _Para(markup("（已在屏幕上签字，签字图片无法读取）"), styles.note)
        when = sig.signed_at.astimezone()
        return [
            _Para(markup(label + "："), styles.sig_label),
            picture,
            _Para(markup(f"姓名：{sig.name}"), styles.sig_name),
            _Para(markup(f"签字时间：{when:%Y-%m-%d %H:%M}"), styles.sig_line),
        ]
    cell: list[Flowable] = [_Para(markup(label + "："), styles.sig_label), Spacer(1, SIGN_SPACE)]
    name = record.get(b.name_field) if b.name_field else None
    name_text = f"姓名：{name}" if name not in (None, "") else ""
    cell.append(_Para(markup(name_text) or "\xa0", styles.sig_name))
    date_value = record.get(b.date_field) if b.date_field else None
    cell.append(_Para(markup(_date_line(date_value)), styles.sig_line))
    return cell


# ---------------------------------------------------------------------------------------------
# Photos


def _prepare_image(data: bytes) -> tuple[Any, int, int]:
    """A source for ``Image`` and the pixel size; raises if the bytes are not a readable picture.

    The picture is decoded here (JPEGs at reduced scale, which still reads the whole stream) so a
    damaged file becomes a printed note instead of an exception half-way through the build.  Phone
    photos carry their rotation in EXIF, which ReportLab ignores: those are turned upright.
    """
    from PIL import Image as PILImage
    from PIL import ImageOps

    with PILImage.open(io.BytesIO(data)) as im:
        fmt = im.format
        width, height = im.size
        orientation = im.getexif().get(0x0112, 1)
        if fmt == "JPEG":
            im.draft("RGB", (max(1, width // 8), max(1, height // 8)))
        im.load()
    if fmt in ("JPEG", "PNG") and orientation in (None, 1):
        return io.BytesIO(data), width, height
    with PILImage.open(io.BytesIO(data)) as source:
        picture: PILImage.Image = ImageOps.exif_transpose(source)
        picture.thumbnail((2400, 2400))
        if picture.mode not in ("RGB", "L"):  # transparency prints on white, not black
            rgba = picture.convert("RGBA")
            picture = PILImage.new("RGB", rgba.size, "white")
            picture.paste(rgba, mask=rgba.getchannel("A"))
        buf = io.BytesIO()
        picture.save(buf, "JPEG", quality=88)
        buf.seek(0)
        return buf, picture.size[0], picture.size[1]


def _photo_flowables(
    spec: FormSpec, record: Record, styles: _Styles, reader: PhotoReader, report: RenderReport
) -> list[Flowable]:
    out: list[Flowable] = []
    for plist in spec.photo_lists():
        photos = record.values.photos.get(plist.key, [])
        if not photos:
            continue
        out.append(PageBreak())
        # One table: the heading repeats ("（续）") on every page of pictures, two pictures a page.
        grid = _Grid([CONTENT_W])
        grid.band(f"附页：{plist.label}（共 {len(photos)} 张）", styles, cont=f"附页：{plist.label}（续）")
        box_w = CONTENT_W - 2 * PAD_X
        box_h = (FRAME_H - 30 - 2 * 36) / 2
        for i, ph in enumerate(photos, 1):
            caption = (
                f"图 {i}\u3000{ph.caption}（{ph.filename}）" if ph.caption else f"图 {i}\u3000{ph.filename}"
            )
            try:
                src, px_w, px_h = _prepare_image(reader(ph.sha256))
                scale = min(box_w / px_w, box_h / px_h, 3.0)
                picture: Flowable = Image(src, width=px_w * scale, height=px_h * scale, mask="auto")
            except Exception:  # noqa: BLE001 - any unreadable picture becomes a note on paper
                report.photo_problems.append(ph.filename)
                picture = _Para(markup(f"（图片无法读取，未能打印：{ph.filename}）"), styles.note)
            r = grid.add_row([[picture, Spacer(1, 5), _Para(markup(caption), styles.caption)]], min_h=60)
            grid.style("ALIGN", (0, r), (0, r), "CENTER")
            grid.style("TOPPADDING", (0, r), (0, r), 8)
            grid.style("BOTTOMPADDING", (0, r), (0, r), 6)
        out.append(grid.table(styles.font))
    return out


# ---------------------------------------------------------------------------------------------
# Letterhead and footer


def _fit(text: str, font: str, size: float, max_w: float, min_size: float) -> float:
    w = plain_width(text, font, size)
    if w <= max_w:
        return size
    return max(min_size, size * max_w / w)


def source_line(record: Record) -> str:
    """"来源：客户投诉登记反馈表 TS-2026-A3-0007" for a record made from another one, else ""."""
    if not record.source_number:
        return ""
    from ..domain.forms import SPECS  # every form's title; imported here, not at start-up

    spec = SPECS.get(record.source_kind or "")
    title = spec.title if spec is not None else (record.source_kind or "")
    return f"来源：{title} {record.source_number}".replace("来源： ", "来源：")


def _draw_header(
    canv: Canvas, spec: FormSpec, record: Record, settings: Settings, font: str, blank: bool = False
) -> None:
    canv.saveState()
    cx = PAGE_W / 2
    company = plain(settings.company_name)
    draw_plain(canv, cx, HEADER_TOP - 2, company, font, _fit(company, font, 13, CONTENT_W, 8), "center")
    contact = "\u3000\u3000".join(
        s
        for s in (
            f"地址：{plain(settings.company_address)}" if settings.company_address.strip() else "",
            f"电话：{plain(settings.company_phone)}" if settings.company_phone.strip() else "",
        )
        if s
    )
    if contact:
        canv.setFillColor(GREY_TEXT)
        draw_plain(canv, cx, HEADER_TOP - 14, contact, font, _fit(contact, font, 8, CONTENT_W, 6), "center")
        canv.setFillColor(colors.black)
    title = plain(spec.title)
    draw_plain(canv, cx, HEADER_TOP - 38, title, font, _fit(title, font, 17, CONTENT_W, 10), "center")
    y = HEADER_TOP - 58
    number = plain(record.number) or "\u3000" * 8
    left = f"{plain(spec.number_label)}：{number}"
    source = plain(source_line(record))
    right = f"状态：{plain(record.status)}" if record.status and not blank else ""
    size = 9.5
    gap = 24.0
    needed = sum(plain_width(t, font, size) for t in (left, source, right) if t) + gap * 2
    if needed > CONTENT_W:
        size = max(7.0, size * (CONTENT_W - 2 * gap) / (needed - 2 * gap))
    draw_plain(canv, MARGIN_X, y, left, font, size)
    if not record.number:  # a line to write the number on
        x0 = MARGIN_X + plain_width(f"{plain(spec.number_label)}：", font, size)
        canv.setLineWidth(0.5)
        canv.line(x0, y - 2, x0 + plain_width(number, font, size), y - 2)
    if right:
        draw_plain(canv, PAGE_W - MARGIN_X, y, right, font, size, "right")
    if source:
        # After the number, or centred when that leaves room on both sides.
        left_end = MARGIN_X + plain_width(left, font, size) + gap
        right_start = PAGE_W - MARGIN_X - (plain_width(right, font, size) + gap if right else 0.0)
        w = plain_width(source, font, size)
        x = cx - w / 2 if cx - w / 2 >= left_end and cx + w / 2 <= right_start else left_end
        draw_plain(canv, x, y, source, font, size)
    canv.setLineWidth(1.2)
    canv.line(MARGIN_X, y - 5, PAGE_W - MARGIN_X, y - 5)
    canv.restoreState()


def _footer_drawer(
    spec: FormSpec, record: Record, font: str, stamp: PageStamp | None = None
) -> Callable[[Canvas, int, int], None]:
    """The footer: a rule, the form and number on the left, "第 x 页 共 y 页" in the middle and, when
    ``stamp`` is given, the readable code and the QR code on the right (the rule stops short of the
    QR, which stands between the paper's edge margin and the bottom of the frame)."""
    left = plain(spec.title)
    if record.number:
        left += f"\u3000{plain(spec.number_label)}：{plain(record.number)}"
    payload = stamp.payload() if stamp is not None else ""
    code = stamp.label() if stamp is not None else ""
    qr_x = PAGE_W - MARGIN_X - QR_SIZE
    rule_end = qr_x - QR_GAP if stamp is not None else PAGE_W - MARGIN_X

    def draw(canv: Canvas, page: int, total: int) -> None:
        canv.saveState()
        canv.setLineWidth(0.5)
        canv.setStrokeColor(GREY_TEXT)
        canv.line(MARGIN_X, FOOTER_RULE_Y, rule_end, FOOTER_RULE_Y)
        numbers = f"第 {page} 页 共 {total} 页"
        canv.setFont(font, 9)
        canv.drawCentredString(PAGE_W / 2, FOOTER_RULE_Y - 12, numbers)
        canv.setFillColor(GREY_TEXT)
        room = PAGE_W / 2 - plain_width(numbers, font, 9) / 2 - 12 - MARGIN_X
        draw_plain(canv, MARGIN_X, FOOTER_RULE_Y - 12, left, font, _fit(left, font, 7.5, room, 5.5))
        if stamp is not None:
            canv.setFillColor(colors.black)
            code_room = rule_end - (PAGE_W / 2 + plain_width(numbers, font, 9) / 2 + 12)
            draw_plain(canv, rule_end, FOOTER_RULE_Y - 12, code, font, _fit(code, font, 7.5, code_room, 5.5),
                       "right")
            draw_qr(canv, qr_x, QR_BOTTOM, QR_SIZE, payload)
        canv.restoreState()

    return draw


def _numbered_canvas(
    draw_footer: Callable[[Canvas, int, int], None],
    *,
    timestamp: dt.datetime | None = None,
    info: Mapping[str, str] | None = None,
) -> type[Canvas]:
    """A canvas that holds its pages until ``save`` so each footer can say how many there are.

    ``timestamp`` makes the output reproducible: ReportLab's invariant mode (no random file id, no
    clock) with this time as the creation date, so the same revision renders to the same bytes.
    ``info`` adds custom keys to the document information dictionary (the page stamp's identity)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kw: Any) -> None:
            if timestamp is not None:
                kw["invariant"] = 1
            super().__init__(*args, **kw)
            if timestamp is not None:
                self._doc._timeStamp = _fixed_timestamp(timestamp)
            if info:
                self._doc.info = _info_with(self._doc.info, info)
            self._page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab API)
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for number, state in enumerate(self._page_states, 1):
                self.__dict__.update(state)
                draw_footer(self, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


numbered_canvas = _numbered_canvas  # shared with documents.letter


def _fixed_timestamp(when: dt.datetime) -> Any:
    """A ReportLab ``TimeStamp`` saying ``when`` (in UTC; naive times are taken as UTC)."""
    from reportlab.lib.utils import TimeStamp

    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    ts = TimeStamp(invariant=1)
    ts.t = when.replace(tzinfo=dt.UTC).timestamp()
    ts.lt = when.timetuple()
    ts.YMDhms = tuple(ts.lt)[:6]
    ts.dhh = ts.dmm = 0
    ts.tzname = "UTC"
    return ts


def _info_with(base: Any, extra: Mapping[str, str]) -> Any:
    """ReportLab's document information object, writing ``extra`` as further keys."""
    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString

    class _Info(PDFInfo):
        def format(self, document: Any) -> bytes:
            inner = PDFInfo.format(self, document)  # the standard keys, formatted
            keys = PDFDictionary({k: PDFString(v) for k, v in extra.items()}).format(document)
            # Both are "<< ... >>": merge them into one dictionary.
            return inner.rstrip()[:-2].rstrip() + b"\n" + keys.strip()[2:]

    info = _Info()
    info.__dict__.update(base.__dict__)
    return info


# ---------------------------------------------------------------------------------------------


def _all_text(spec: FormSpec, record: Record, settings: Settings) -> str:
    parts = [
        settings.company_name,
        settings.company_address,
        settings.company_phone,
        record.number,
        record.status,
        record.source_number or "",
    ]
    for f in spec.fields():
        v = record.get(f.key)
        if isinstance(v, str):
            parts.append(v)
    for t in spec.tables():
        for row in record.values.tables.get(t.key, []):
            parts += [v for v in row.values() if isinstance(v, str)]
    for p in spec.photo_lists():
        for ph in record.values.photos.get(p.key, []):
            parts += [ph.filename, ph.caption]
    return "\n".join(p for p in parts if p)


def build_story(
    spec: FormSpec,
    record: Record,
    settings: Settings,
    photo_reader: PhotoReader,
    blank: bool = False,
) -> tuple[list[Flowable], RenderReport]:
    """The flowables of the form (what :func:`render_record` lays out), and the report so far."""
    styles = _styles()
    report = RenderReport(
        pages=0, missing_chars=frozenset(unprintable_chars(_all_text(spec, record, settings)))
    )
    story: list[Flowable] = []
    for section in spec.sections:
        story += _section_flowables(spec, section, record, styles, blank)
    story += _signature_flowables(spec, record, styles, photo_reader, report)
    story += _photo_flowables(spec, record, styles, photo_reader, report)
    return story, report


def render_record(
    spec: FormSpec,
    record: Record,
    settings: Settings,
    photo_reader: PhotoReader,
    out: str | os.PathLike[str] | IO[bytes],
    *,
    blank: bool = False,
    stamp: bool = True,
) -> RenderReport:
    """Write ``record`` as the signed A4 paper form of ``spec`` to ``out`` (a path or binary file).

    ``blank=True`` prints it as paper to fill by hand: the values it has (number, customer …) and,
    for everything else, taller empty cells, ruled lines, and empty boxes for every score, yes/no
    and choice; no status, no computed average.

    A record with an id gets the page stamp on every page (``documents.stamp``: QR code and
    readable code of the record, revision and content hash; the same identity in the metadata)
    unless ``stamp=False``.  The output is reproducible: the same revision gives the same bytes
    (ReportLab's invariant mode, dated ``record.updated_at``)."""
    font = _styles().font
    story, report = build_story(spec, record, settings, photo_reader, blank)
    page_stamp = record_stamp(spec, record, blank) if stamp and record.id else None

    target: Any = os.fspath(out) if isinstance(out, (str, os.PathLike)) else out
    doc = BaseDocTemplate(
        target,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=PAGE_H - FRAME_TOP,
        bottomMargin=FRAME_BOTTOM,
        title=f"{spec.title} {record.number}".strip(),
        author=settings.company_name,
        subject=record.number,
        keywords=page_stamp.keywords() if page_stamp is not None else "",
        creator="Aftersales Desk 消杀药品售后服务台",
        lang="zh-CN",
        displayDocTitle=True,
        initialFontName=font,
        initialFontSize=9,
        initialLeading=12,
    )
    frame = Frame(
        MARGIN_X,
        FRAME_BOTTOM,
        CONTENT_W,
        FRAME_H,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )

    def on_page(canv: Canvas, _doc: BaseDocTemplate) -> None:
        _draw_header(canv, spec, record, settings, font, blank)

    doc.addPageTemplates([PageTemplate(id="form", frames=[frame], onPage=on_page)])
    canvasmaker = _numbered_canvas(
        _footer_drawer(spec, record, font, page_stamp),
        timestamp=record.updated_at,
        info=page_stamp.info() if page_stamp is not None else None,
    )
    doc.build(story, canvasmaker=canvasmaker)
    report.pages = doc.page
    return report


def blank_record(spec: FormSpec, prefill: Mapping[str, Any]) -> Record:
    """A record holding only ``prefill`` (field key → text or value; ``"number"`` for the number).

    Text is read as the form would read it (``"2026-03-18"`` becomes a date); text that is not a
    valid value is printed as given rather than refused: this is paper, not a saved record."""
    values: dict[str, Any] = {}
    keys = {f.key: f for f in spec.fields()}
    for key, raw in prefill.items():
        f = keys.get(key)
        if f is None or key in ("number", "status") or raw in (None, ""):
            continue
        if isinstance(raw, str):
            try:
                values[key] = parse_value(f, raw)
            except ValueError:
                if f.type in (FieldType.TEXT, FieldType.LONGTEXT, FieldType.PHONE, FieldType.CHOICE):
                    values[key] = raw.strip()
        else:
            values[key] = raw
    now = dt.datetime.now().astimezone()
    return Record(
        kind=spec.kind,
        id="",
        number=str(prefill.get("number") or ""),
        status="",
        values=RecordValues(fields={k: v for k, v in values.items() if v is not None}),
        created_at=now,
        updated_at=now,
    )


def render_blank(
    spec: FormSpec,
    settings: Settings,
    prefill: Mapping[str, Any],
    out: str | os.PathLike[str] | IO[bytes],
    *,
    source: tuple[str, str] | None = None,
) -> RenderReport:
    """Write the form of ``spec`` as paper to fill by hand, with only ``prefill`` printed (see
    :func:`blank_record`); ``source`` = (kind, number) prints the "来源" line."""
    record = blank_record(spec, prefill)
    if source is not None:
        record.source_kind, record.source_number = source
    return render_record(spec, record, settings, _no_photos, out, blank=True)


def _no_photos(sha256: str) -> bytes:
    raise KeyError(sha256)
