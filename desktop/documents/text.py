"""User text made safe for ReportLab paragraphs, and Chinese line breaking fixed in one place.

Why it is built this way (see ``PITFALLS.md``, "ReportLab and Chinese"):

* A ``Paragraph`` parses its text as markup: a customer's ``a<b`` raises, ``A&B`` misprints and
  ``<font size=40>`` or ``<img src=...>`` would restyle the form or read a local file.  Everything the
  user typed goes through :func:`markup`, which escapes it, so ``<b>&`` is printed literally, and
  turns newlines into ``<br/>``.
* A paragraph collapses runs of spaces and drops ideographic spaces (``　``), the usual Chinese
  paragraph indent; :func:`markup` keeps them as no-break spaces so the text looks as typed.
* Characters the main font cannot draw but the bundled DejaVu Sans can (℃, Ⅴ, ǚ, ☑ …) are set in
  ``<font name="DejaVuSans">`` runs (added *after* escaping, so they are the only markup besides
  ``<br/>``); canvas strings are drawn run by run (:func:`draw_plain`).  Characters neither font has
  become a visible ``□`` (:func:`documents.fonts.printable`).
* ``wordWrap='CJK'`` lets a line start with full-width ，。：；！？ and closing quotes because they are
  missing from ReportLab's "cannot start a line" set.  ReportLab keeps two copies of that set: the
  module global of ``reportlab.lib.textsplit`` (used for single-fragment paragraphs) and the name
  ``reportlab.platypus.paragraph`` imported from it (used for paragraphs with ``<br/>`` or several
  fragments).  :func:`extend_cannot_start` patches both, once, when this module is imported; it is the
  only place in the project that touches them.  A character in the set that overflows a line "hangs"
  in the right margin instead of starting the next line (ReportLab's behaviour), so cells that hold
  wrapped text keep a little right padding.
* Nor does ReportLab keep opening brackets and quotation marks off line *ends*, or a number with its
  unit ("24" at a line end, "小时" on the next): :func:`_keep_from_line_end` moves the break before
  them (issue 13), in both splitters below.
* ReportLab hangs only *one* such character, so in "避光），按" the "，" after a hanging "）" still starts
  the next line; pairs like "），" "。”" "！）" are everyday Chinese.  :func:`install_line_breaking`
  replaces ReportLab's two CJK splitters (``textsplit.dumbSplit`` and ``paragraph.cjkFragSplit``)
  with copies that differ in one step: when the character after a hanging one may not start a line
  either, the last ordinary character and the whole punctuation run move to the next line together
  (推出, as Chinese typesetting does); and a hanging character just before a ``<br/>`` no longer
  leaves an empty line behind it.  The copies are installed only if ReportLab's functions still have
  the signatures they were copied from (checked against ReportLab 5.1); otherwise the sets alone apply.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Sequence
from typing import Any
from unicodedata import category
from xml.sax.saxutils import escape

from reportlab.lib import textsplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as _rl_paragraph
from reportlab.rl_config import _FUZZ

from .fonts import FONT_NAME, printable, runs, string_width

# GB/T 15834 (标点符号用法): these may not begin a line.
EXTRA_CANNOT_START = (
    "，。、：；！？"  # full-width stops and pauses (、。 are already in ReportLab's set)
    "）］｝」』】》〉〕〗〙"  # closing brackets
    "”’"  # closing quotation marks
    "…‥·・"  # ellipsis and middle dots (间隔号)
    "％‰℃"
    ",.;:!?)]}"  # ASCII equivalents, for mixed text
)


def extend_cannot_start(chars: str = EXTRA_CANNOT_START) -> str:
    """Add ``chars`` to ReportLab's "cannot start a line" sets (idempotent); return the new set."""
    current = textsplit.ALL_CANNOT_START
    missing = "".join(dict.fromkeys(c for c in chars if c not in current))
    if missing:
        textsplit.CANNOT_START_LINE[0] = textsplit.CANNOT_START_LINE[0] + missing
        textsplit.ALL_CANNOT_START = current + missing
    # paragraph.py holds its own reference, bound at its import: rebind it to the extended set.
    para_current = getattr(_rl_paragraph, "ALL_CANNOT_START", "")
    para_missing = "".join(c for c in textsplit.ALL_CANNOT_START if c not in para_current)
    if para_missing:
        _rl_paragraph.ALL_CANNOT_START = para_current + para_missing
    return textsplit.ALL_CANNOT_START


extend_cannot_start()


def _cannot_start(ch: str) -> bool:
    return bool(ch) and ch in textsplit.ALL_CANNOT_START


# GB/T 15834: opening brackets and quotation marks may not end a line (ReportLab has no such rule).
CANNOT_END = "（［｛「『【《〈〔〖〘“‘([{"
_NUMBER_CHARS = frozenset("0123456789.,:%‰")  # ":" for ratios (1:100)
_MAX_NUMBER_RUN = 10  # a longer run of digits (a phone number) may still be broken


def _is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch in "℃％")


def _keep_from_line_end(chars: Sequence[str], i: int, line_start: int) -> int:
    """Where the line should end when it would end before ``chars[i]``: earlier, so that no opening
    bracket or quotation mark ends it and a number is not split from its unit ("24" | "小时")."""
    k = i
    while k - 1 > line_start and chars[k - 1] in CANNOT_END:
        k -= 1
    if k == i and i < len(chars) and chars[i - 1] in _NUMBER_CHARS and (
        _is_cjk(chars[i]) or chars[i] in _NUMBER_CHARS or (chars[i].isascii() and chars[i].isalpha())
    ):  # after a number, before its unit or inside it: the whole number goes to the next line
        j = i
        while j - 1 > line_start and chars[j - 1] in _NUMBER_CHARS:
            j -= 1
        if i - j <= _MAX_NUMBER_RUN:
            k = j
            while k - 1 > line_start and chars[k - 1] in CANNOT_END:  # "（24小时" moves as one
                k -= 1
    return k if k > line_start else i


def _push_punctuation_run(chars: Sequence[str], i: int, line_start: int) -> int:
    """Where the line should end when ``chars[i - 1]`` hangs: ``i``, or earlier if ``chars[i]`` may not
    start a line either (then the last ordinary character and the run go to the next line)."""
    if i >= len(chars) or not _cannot_start(chars[i]):
        return i
    k = i - 1
    while k > line_start and _cannot_start(chars[k]):
        k -= 1
    return k if k > line_start else i


def _width(w: Any, max_width: float) -> float:
    if hasattr(w, "normalizedValue"):
        w._normalizer = max_width
        return float(w.normalizedValue(max_width))
    return float(w)


def _dumb_split(word: str, widths: Sequence[float], max_widths: Any) -> list[list[Any]]:  # noqa: N803
    """``reportlab.lib.textsplit.dumbSplit`` with punctuation runs kept off line starts."""
    if not isinstance(max_widths, (list, tuple)):
        max_widths = [max_widths]
    lines: list[list[Any]] = []
    i = line_start = 0
    width_used = 0.0
    max_width = max_widths[0]
    n = len(word)
    while i < n:
        w = widths[i]
        c = word[i]
        width_used += w
        i += 1
        if width_used > max_width + _FUZZ and width_used > 0:
            extra = max_width - width_used
            if ord(c) < 0x3000:  # Latin inside CJK: break at a space or a CJK character if near
                limit = (line_start + i) >> 1
                for j in range(i - 1, limit, -1):
                    cj = word[j]
                    if category(cj) == "Zs" or ord(cj) >= 0x3000:
                        k = j + 1
                        if k < i:
                            j = k + 1
                            extra += sum(widths[j:i])
                            w = widths[k]
                            c = word[k]
                            i = j
                            break
            if c not in textsplit.ALL_CANNOT_START and i > line_start + 1:
                i -= 1
                extra += w
                end = _keep_from_line_end(word, i, line_start)
                extra += sum(widths[end:i])
                i = end
            else:
                end = _push_punctuation_run(word, i, line_start)
                extra += sum(widths[end:i])
                i = end
            lines.append([extra, word[line_start:i].strip()])
            try:
                max_width = max_widths[len(lines)]
            except IndexError:
                max_width = max_widths[-1]
            line_start = i
            width_used = 0
    if width_used > 0:
        lines.append([max_width - width_used, word[line_start:]])
    return lines


def _cjk_frag_split(frags: list[Any], max_widths: Any, calc_bounds: Any, encoding: str = "utf8") -> Any:  # noqa: N803
    """``reportlab.platypus.paragraph.cjkFragSplit`` with punctuation runs kept off line starts."""
    cjk_u = _rl_paragraph.cjkU
    make_line = _rl_paragraph.makeCJKParaLine
    units: list[Any] = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            units.extend([cjk_u(t, f, encoding) for t in text])
        else:
            units.append(cjk_u(text, f, encoding))
    chars = [str(x) if not hasattr(x.frag, "lineBreak") else "" for x in units]
    lines: list[Any] = []
    i = line_start = 0
    width_used = 0.0
    max_width = max_widths[0]
    n = len(units)
    while i < n:
        u = units[i]
        i += 1
        w = _width(u.width, max_width)
        width_used += w
        line_break = hasattr(u.frag, "lineBreak")
        if (width_used > max_width + _FUZZ and width_used > 0) or line_break:
            extra = max_width - width_used
            if not line_break:
                if ord(u) < 0x3000:  # Latin inside CJK: break at a space or a CJK character if near
                    limit = (line_start + i) >> 1
                    for j in range(i - 1, limit, -1):
                        uj = units[j]
                        if uj and category(uj) == "Zs" or ord(uj) >= 0x3000:
                            k = j + 1
                            if k < i:
                                j = k + 1
                                extra += sum(_width(units[m].width, max_width) for m in range(j, i))
                                w = _width(units[k].width, max_width)
                                u = units[k]
                                i = j
                                break
                if u not in textsplit.ALL_CANNOT_START and i > line_start + 1:
                    i -= 1
                    extra += w
                    end = _keep_from_line_end(chars, i, line_start)
                    extra += sum(_width(units[m].width, max_width) for m in range(end, i))
                    i = end
                else:
                    end = _push_punctuation_run(chars, i, line_start)
                    extra += sum(_width(units[m].width, max_width) for m in range(end, i))
                    if end == i and i < n and hasattr(units[i].frag, "lineBreak"):
                        # The hanging character ends its paragraph: take the <br/> into this line
                        # (ReportLab would print an empty line for it).
                        i += 1
                        line_break = True
                    else:
                        i = end
            lines.append(
                make_line(units[line_start:i], max_width, width_used, extra, line_break, calc_bounds)
            )
            try:
                max_width = max_widths[len(lines)]
            except IndexError:
                max_width = max_widths[-1]
            line_start = i
            width_used = 0
    if width_used > 0:
        lines.append(
            make_line(units[line_start:], max_width, width_used, max_width - width_used, False, calc_bounds)
        )
    return _rl_paragraph.ParaLines(kind=1, lines=lines)


def _params(fn: Callable[..., Any] | None) -> list[str] | None:
    try:
        return list(inspect.signature(fn).parameters) if fn is not None else None
    except (TypeError, ValueError):
        return None


def install_line_breaking() -> bool:
    """Install the splitters above if ReportLab's still look like their originals; True if done."""
    if getattr(textsplit, "dumbSplit", None) is _dumb_split:
        return True
    expected_dumb = ["word", "widths", "maxWidths"]
    expected_frag = ["frags", "maxWidths", "calcBounds", "encoding"]
    if (
        _params(getattr(textsplit, "dumbSplit", None)) != expected_dumb
        or _params(getattr(_rl_paragraph, "cjkFragSplit", None)) != expected_frag
        or not all(hasattr(_rl_paragraph, n) for n in ("cjkU", "makeCJKParaLine", "ParaLines"))
    ):
        return False
    textsplit.dumbSplit = _dumb_split
    _rl_paragraph.cjkFragSplit = _cjk_frag_split
    return True


LINE_BREAKING_INSTALLED = install_line_breaking()

NBSP = "\xa0"
# An ideographic space is one em wide; a no-break space in WenQuanYi Micro Hei is about a quarter.
_IDEOGRAPHIC_SPACE = NBSP * 4
_LEADING_SPACES = re.compile(r"^ +")
_SPACE_RUN = re.compile(r"  +")


def _keep_spaces(line: str) -> str:
    line = line.replace("\u3000", _IDEOGRAPHIC_SPACE)
    line = _LEADING_SPACES.sub(lambda m: NBSP * len(m.group()), line)
    # Keep the first space of a run breakable, the rest fixed.
    return _SPACE_RUN.sub(lambda m: " " + NBSP * (len(m.group()) - 1), line)


def _font_runs(line: str) -> str:
    """An escaped line with the characters only the fallback font draws wrapped in its ``<font>``."""
    parts = runs(line)
    if len(parts) == 1 and parts[0][0] == FONT_NAME:  # the usual case: one run in the main font
        return escape(line)
    return "".join(
        escape(chunk) if name == FONT_NAME else f'<font name="{name}">{escape(chunk)}</font>'
        for name, chunk in parts
    )


def markup(text: str | None) -> str:
    """Paragraph markup that prints ``text`` literally: escaped, newlines as ``<br/>``."""
    if not text:
        return ""
    text = printable(text).strip("\n").rstrip()
    return "<br/>".join(_font_runs(_keep_spaces(line)) for line in text.split("\n"))


def plain(text: str | None) -> str:
    """One line of printable text for :func:`draw_plain` (no markup, newlines as spaces)."""
    if not text:
        return ""
    return " ".join(printable(text).split())


def plain_width(text: str, font: str, size: float) -> float:
    """The width of a :func:`plain` string drawn by :func:`draw_plain` in ``font`` at ``size``."""
    return string_width(text, size, font)


def draw_plain(canv: Any, x: float, y: float, text: str, font: str, size: float, align: str = "left") -> None:
    """Draw a :func:`plain` string with ``x`` at its left, centre or right (``align``) in ``font``,
    except for the characters only the fallback font draws.  Leaves the canvas font set to ``font``."""
    pieces = [(font if name == FONT_NAME else name, chunk) for name, chunk in runs(text)]
    widths = [stringWidth(chunk, face, size) for face, chunk in pieces]
    if align == "center":
        x -= sum(widths) / 2
    elif align == "right":
        x -= sum(widths)
    for (face, chunk), width in zip(pieces, widths, strict=True):
        canv.setFont(face, size)
        canv.drawString(x, y, chunk)
        x += width
    canv.setFont(font, size)
