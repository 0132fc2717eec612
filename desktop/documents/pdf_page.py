"""The page of every PDF form: A4 geometry, the grid's measurements, the styles, the letterhead, the
footer with "第 x 页 共 y 页" and the page stamp, and the canvas that makes the bytes reproducible.

Why it is built this way:

* **One set of measurements.**  Every table of a form is exactly the content width and uses the same
  padding, line widths and row heights, so the page reads as one continuous paper form; the numbers
  live here, next to the page they are measured against, and every other ``pdf_*`` module reads them.
* **Letterhead and "第 x 页 共 y 页" on every page.**  The header is drawn by the page template's
  ``onPage``; the total page count is only known at the end, so the footer is drawn by a canvas that
  keeps every page until ``save`` (the "numbered canvas" technique: one layout pass, not two).  The
  commitment letter (``documents.letter``) uses the same canvas.
* **A page stamp on every page, and reproducible bytes.**  A saved record's page carries a QR code
  top right (beside the letterhead) and, in the footer, a readable code (at least 8.5 pt, black)
  naming the record, its revision and its content hash
  (``documents.stamp``); the same identity goes into the document information.  The canvas runs in
  ReportLab's invariant mode dated ``record.updated_at``, so the same revision renders to the same
  bytes (``services.export`` then signs them, ``services.signing``).
* **Only the bundled fonts.**  Every style and the canvas itself (``initialFontName``) use the embedded
  WenQuanYi subset, so no Helvetica is referenced and the PDF prints the same on any machine; the
  symbols WenQuanYi cannot draw (℃, Ⅴ, ǚ, ☑ …) are set in the bundled DejaVu Sans, also embedded.
  Canvas strings are drawn run by run (``documents.text.draw_plain``).
* **Fast after the first call.**  The fonts are registered once (``documents.fonts``); the styles are
  built once (:func:`_styles`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..domain.fields import FormSpec
from ..domain.records import Record
from ..domain.settings import Settings
from .fonts import ensure_fonts
from .stamp import PageStamp, draw_qr
from .text import draw_plain, plain, plain_width

PhotoReader = Callable[[str], bytes]
"""Returns the bytes of a stored photo given its SHA-256 (``storage.photos``)."""

# ---------------------------------------------------------------------------------------------
# Page geometry (points).  A4 with 15 mm side margins; the letterhead takes the top 39.5 mm.
#
# Issue 13: no ink within PAPER_MARGIN of any edge on any page of any document (office printers clip
# 4–6 mm); the page's QR code stands top right, beside the letterhead, where it costs no line of the
# form: QR_SIZE square, its top QR_TOP_GAP below the paper's edge.

PAGE_W, PAGE_H = A4
PAPER_MARGIN = 10 * mm
MARGIN_X = 15 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X
HEADER_TOP = PAGE_H - 14 * mm  # baseline area of the company name
FRAME_TOP = PAGE_H - 39.5 * mm
FRAME_BOTTOM = 17.5 * mm
FRAME_H = FRAME_TOP - FRAME_BOTTOM
FOOTER_RULE_Y = 15.5 * mm
FOOTER_TEXT_Y = 11.3 * mm  # baseline of the footer line: its descenders stay above 10 mm
QR_SIZE = 15 * mm  # a version-3 code (29 modules): 0.52 mm modules, three pixels at 150 dpi
QR_TOP_GAP = 11 * mm  # from the top edge of the paper to the top of the code
QR_ROOM = QR_SIZE + 4 * mm  # what a centred line of the letterhead leaves free on each side
CODE_SIZE = 8.5  # the readable check code: at least 8.5 pt, black
PAGE_NUMBER_SIZE = 9.0

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
BLANK_ROW_H = 25.0  # about 8.8 mm (27 before the five writing lines: the blank survey stays one page)
BLANK_ITEM_LINES = 4
WRITING_LINE_H = 19.0  # ruled lines of an empty long text, 6.7 mm apart (ruled paper is 6–8 mm)
BLANK_LONG_LINES = 5  # five lines (33.5 mm, was 25) for 购买、储存、使用经过 and every free text left empty
SCORE_LABEL_W = 92.0  # the item column of a score table (as wide as the label column above it)
SCORE_ROW_H = 23.0  # 8 mm: a tick box of 4.2 mm with room around it


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


def draw_company(
    canv: Canvas, settings: Settings, font: str, *, name_y: float, name_size: float, name_min: float,
    contact_y: float, contact_size: float, contact_min: float, width: float, phone_label: str = "电话",
    grey: colors.Color = GREY_TEXT,
) -> None:
    """The letterhead's two centred lines: the company name, then its address and phone (in grey),
    each shrunk to ``width`` when too long.  Every A4 document of the app draws it (form sheets, the
    commitment letter, the training sheets), at its own sizes."""
    cx = PAGE_W / 2
    company = plain(settings.company_name)
    draw_plain(canv, cx, name_y, company, font, _fit(company, font, name_size, width, name_min), "center")
    contact = "\u3000\u3000".join(
        s
        for s in (
            f"地址：{plain(settings.company_address)}" if settings.company_address.strip() else "",
            f"{phone_label}：{plain(settings.company_phone)}" if settings.company_phone.strip() else "",
        )
        if s
    )
    if contact:
        canv.setFillColor(grey)
        draw_plain(canv, cx, contact_y, contact, font, _fit(contact, font, contact_size, width, contact_min),
                   "center")
        canv.setFillColor(colors.black)


def _draw_header(
    canv: Canvas, spec: FormSpec, record: Record, settings: Settings, font: str, blank: bool = False
) -> None:
    canv.saveState()
    cx = PAGE_W / 2
    draw_company(canv, settings, font, name_y=HEADER_TOP - 2, name_size=13, name_min=8, contact_y=HEADER_TOP - 14,
                 contact_size=8, contact_min=6, width=CONTENT_W - 2 * QR_ROOM)
    title = plain(spec.title)
    draw_plain(canv, cx, HEADER_TOP - 38, title, font, _fit(title, font, 17, CONTENT_W - 2 * QR_ROOM, 10), "center")
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


def draw_page_qr(canv: Canvas, payload: str, right: float = PAGE_W - MARGIN_X) -> None:
    """The page's QR code, top right: its right edge at ``right``, its top :data:`QR_TOP_GAP` below
    the paper's edge (every document of the app puts it there, so a scan is read the same way)."""
    draw_qr(canv, right - QR_SIZE, PAGE_H - QR_TOP_GAP - QR_SIZE, QR_SIZE, payload)


def draw_footer(
    canv: Canvas, font: str, *, y: float, left: float, right: float, numbers: str, note: str = "",
    code: str = "", note_color: colors.Color = GREY_TEXT,
) -> None:
    """The footer line every document shares: ``note`` (form and number, in grey) on the left,
    ``numbers`` ("第 x 页 共 y 页") in the middle, ``code`` (the stamp's readable code: number,
    revision, 校验码) on the right, at least :data:`CODE_SIZE` and black.  When the code does not fit
    beside the page numbers at that size, the note gives way (it shrinks, then goes)."""
    canv.saveState()
    mid = (left + right) / 2
    half = plain_width(numbers, font, PAGE_NUMBER_SIZE) / 2
    canv.setFillColor(colors.black)
    draw_plain(canv, mid, y, numbers, font, PAGE_NUMBER_SIZE, "center")
    note_end = mid - half - 12
    if code:
        draw_plain(canv, right, y, code, font, CODE_SIZE, "right")
        note_end = min(note_end, right - plain_width(code, font, CODE_SIZE) - 12)
    if note and note_end - left > 40:
        canv.setFillColor(note_color)
        draw_plain(canv, left, y, note, font, _fit(note, font, 8, note_end - left, 5.5))
    canv.restoreState()


def _footer_drawer(
    spec: FormSpec, record: Record, font: str, stamp: PageStamp | None = None
) -> Callable[[Canvas, int, int], None]:
    """The footer: a rule, the form and number on the left, "第 x 页 共 y 页" in the middle and, when
    ``stamp`` is given, the readable code on the right; the QR code top right of the page."""
    left = plain(spec.title)
    if record.number:
        left += f"\u3000{plain(spec.number_label)}：{plain(record.number)}"
    payload = stamp.payload() if stamp is not None else ""
    code = stamp.label() if stamp is not None else ""

    def draw(canv: Canvas, page: int, total: int) -> None:
        canv.saveState()
        canv.setLineWidth(0.5)
        canv.setStrokeColor(GREY_TEXT)
        canv.line(MARGIN_X, FOOTER_RULE_Y, PAGE_W - MARGIN_X, FOOTER_RULE_Y)
        draw_footer(canv, font, y=FOOTER_TEXT_Y, left=MARGIN_X, right=PAGE_W - MARGIN_X,
                    numbers=f"第 {page} 页 共 {total} 页", note=left, code=code)
        if stamp is not None:
            draw_page_qr(canv, payload)
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


CREATOR = "Aftersales Desk 消杀药品售后服务台"


def document_options(
    out: Any,
    settings: Any,
    *,
    top: float,
    bottom: float,
    font: str,
    size: float,
    leading: float,
    margin: float = MARGIN_X,
    **info: Any,
) -> tuple[Any, dict[str, Any]]:
    """The target and keyword arguments every A4 document of the app is made with (forms, the
    letter, the handouts): margins, the embedded font as the initial one (so no Helvetica is ever
    referenced), author = company, creator, language; ``info`` adds title, subject, keywords…"""
    target = os.fspath(out) if isinstance(out, (str, os.PathLike)) else out
    options: dict[str, Any] = {
        "pagesize": A4,
        "leftMargin": margin,
        "rightMargin": margin,
        "topMargin": PAGE_H - top,
        "bottomMargin": bottom,
        "author": settings.company_name,
        "creator": CREATOR,
        "lang": "zh-CN",
        "displayDocTitle": True,
        "initialFontName": font,
        "initialFontSize": size,
        "initialLeading": leading,
        **info,
    }
    return target, options


def _font_cmd() -> tuple[str, tuple[int, int], tuple[int, int], str]:
    """A table style command giving every cell the bundled font: ReportLab's default for a
    plain-string cell (even an empty one) is an unembedded Helvetica, which no PDF of the app may
    reference (issue 13; ``pdffonts`` lists only embedded fonts)."""
    return ("FONTNAME", (0, 0), (-1, -1), ensure_fonts())
