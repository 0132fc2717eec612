"""Values as printed in a cell: paragraphs of escaped user text, tick boxes, score options, the
guides and ruled lines of paper to fill by hand.

Why it is built this way:

* **Every user string is escaped.**  A value becomes a ``Paragraph`` of ``documents.text.markup``
  (never raw markup), so "<", "&" and the like print as typed; characters neither bundled font has
  print as ``□`` and are reported back (``RenderReport``).
* **Boxes are drawn, not typed.**  Neither bundled font has a tick box large enough to tick by hand,
  so yes/no, scores and (on a blank form) choices are drawn squares; the tick is drawn as pen strokes,
  with the main font's ✓ as invisible text so copying and searching still read it (:class:`_Options`).
* **Paper to fill by hand.**  An empty date or time prints where to write 年 月 日 / 时 分, an empty
  long text ruled lines (:class:`_WritingLines`), boxes a pen can hit (``BOX_SIDE``).
* **Wrapped once per width.**  A table wraps each cell several times; :class:`_Para` remembers its
  lines at the last width, which halves the time of a form.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from ..domain.fields import SCORE_LABELS, Field, FieldType, format_value
from .fonts import ensure_fonts, has_glyph
from .pdf_page import BLANK_LONG_LINES, BOX_SIDE, WRITING_LINE_H
from .text import draw_plain, markup, plain_width


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


def _value_flowable(
    f: Field, value: Any, style: ParagraphStyle, blank: bool = False, writable: bool = True, table: bool = False
) -> Flowable:
    """The printed value of a field: a paragraph (user text escaped), or tick boxes for BOOL and
    SCORE.

    ``writable``: an empty field someone fills by hand (not computed, not read-only) is paper, on a
    blank form and on a partly filled one alike: an empty CHOICE prints its options as tick boxes,
    an empty DATE or TIME where to write 年 月 日 / 时 分.  ``blank`` sets every box at
    ``BOX_SIDE``; the options of an empty choice always are (a pen must hit them)."""
    side = BOX_SIDE if blank else None
    if f.type is FieldType.BOOL:
        return _TickBoxes(value, style, side)
    if f.type is FieldType.SCORE:
        return _Options(score_options(), value, style, BOX_SIDE)
    by_hand = writable and value is None and not f.computed and not f.read_only
    if by_hand and f.type is FieldType.CHOICE and f.choices:
        return _Options([(ch, ch) for ch in f.choices], None, style, BOX_SIDE)
    guides = TABLE_GUIDES if table else _GUIDES
    if by_hand and f.type in guides:
        return _Para(guides[f.type], style)
    return _Para(markup(format_value(f, value)), style)


def is_writable(f: Field, value: Any) -> bool:
    """Whether ``f`` with ``value`` prints as paper to fill by hand (see :func:`_value_flowable`)."""
    return value in (None, "") and not f.computed and not f.read_only


_GUIDES = {  # an empty date or time on paper: where to write what (年 月 日 right of the blanks)
    FieldType.DATE: "\xa0" * 14 + "年" + "\xa0" * 8 + "月" + "\xa0" * 8 + "日",
    FieldType.TIME: "\xa0" * 8 + "时" + "\xa0" * 8 + "分",
}
TABLE_GUIDES = {  # the same in a table's narrower cells (their columns are made wide enough for it)
    FieldType.DATE: "\xa0" * 8 + "年" + "\xa0" * 4 + "月" + "\xa0" * 4 + "日",
    FieldType.TIME: "\xa0" * 5 + "时" + "\xa0" * 5 + "分",
}
