"""Training paperwork (issue 5): the 签到表 (sign-in sheet), the 培训考核 paper and the 成绩登记表.

Why it is built this way:

* **Same page as every A4 document** (``pdf_page.document_options``: margins, embedded font, author),
  the company letterhead on every page (a sign-in sheet is passed round and its pages come apart),
  the record number and "第 x 页 共 y 页" in the footer (``numbered_canvas``).
* **A table for the pen.**  Rows are tall enough to sign in (:data:`SIGN_ROW_H`); the header row
  repeats on every page (``repeatRows``); a long list simply runs on; blank rows follow the
  registered attendees for walk-ins.  An attendee who signed on the laptop
  (``training_rules``, ``services.training_export.signins``) has the picture in their row, drawn with
  ``mask='auto'`` (a transparent PNG prints black without it, PITFALLS.md).
* **Columns add up to the text width** and are checked (:class:`TableTooWide` never happens
  silently): every table here is built from fixed fractions of :data:`TEXT_W`.
* Everything a user typed goes through ``text.markup``/``text.plain`` (escaped, CJK wrapping).
* Documents get their data passed in (records, the question bank, signature pictures); they never
  read the database.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain import training as tr
from ..domain.assessment import Assessment, Question
from ..domain.dates import format_date
from ..domain.records import Record
from ..domain.settings import Settings
from .fonts import ensure_fonts, string_width, unprintable_chars
from .form_pdf import RenderReport, numbered_canvas
from .pdf_grid import _FormTable
from .pdf_page import QR_ROOM, _font_cmd, document_options, draw_company, draw_footer, draw_page_qr
from .stamp import DOC_TRAINING, PageStamp, document_stamp, record_stamp
from .text import draw_plain, markup, plain

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
TEXT_W = PAGE_W - 2 * MARGIN_X
TOP = PAGE_H - 38 * mm  # below the letterhead
BOTTOM = 19 * mm
FOOTER_Y = 11.5 * mm  # the footer's descenders stay 10 mm above the paper's edge

GREY = colors.HexColor("#444444")
HEAD_BG = colors.HexColor("#E8ECF1")
GRID = colors.black

BODY = 10.5
LEADING = 15.0
SIGN_ROW_H = 12 * mm  # a sign-in row: room for a signature in pen
RESULT_ROW_H = 8 * mm
WALK_IN_ROWS = 5  # blank rows after the registered attendees
BLANK_SHEET_ROWS = 25  # a sheet for a session with nobody registered yet
ANSWER_BOX = 11 * mm

# /AsdDocument of these sheets: ``stamp.DOC_TRAINING``; the page stamp is the training record's (its QR
# code top right of every page, the readable code in the footer), so a scan of a signed sheet is
# matched to the session; a sheet printed without a session gets a document stamp of its text.

SIGN_IN_TITLE = "培训签到表"
RESULTS_TITLE = "培训考核成绩登记表"


class TableTooWide(ValueError):
    """A table whose columns do not fit the text width (a programming error, caught by the tests)."""


# ---------------------------------------------------------------------------------------------
# Styles and page furniture


def _styles(font: str) -> dict[str, ParagraphStyle]:
    def style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kw)

    return {
        "title": style("t_title", 18, 26, alignment=TA_CENTER, spaceAfter=6),
        "sub": style("t_sub", 10.5, 15, alignment=TA_CENTER, textColor=GREY, spaceAfter=8),
        "label": style("t_label", 9.5, 13, alignment=TA_LEFT, textColor=GREY),
        "value": style("t_value", 10.5, 14, alignment=TA_LEFT),
        "head": style("t_head", 10, 13, alignment=TA_CENTER),
        "cell": style("t_cell", 10, 13, alignment=TA_LEFT),
        "centre": style("t_centre", 10, 13, alignment=TA_CENTER),
        "body": style("t_body", BODY, LEADING, alignment=TA_LEFT),
        "group": style("t_group", 12, 18, alignment=TA_LEFT, spaceBefore=6, spaceAfter=4, keepWithNext=1),
        "question": style("t_q", BODY, LEADING, alignment=TA_LEFT),
        "option": style("t_opt", BODY, LEADING, alignment=TA_LEFT, leftIndent=1.6 * BODY),
        "note": style("t_note", 9, 13, alignment=TA_LEFT, textColor=GREY),
        "small": style("t_small", 8.5, 11, alignment=TA_LEFT),
        "sign": style("t_sign", BODY, 20, alignment=TA_LEFT),
    }


def _letterhead(settings: Settings, font: str, title: str) -> Any:
    """The company name, its address and phone, and a double rule, on every page."""

    def draw(canv: Canvas, _doc: Any) -> None:
        canv.saveState()
        draw_company(canv, settings, font, name_y=PAGE_H - 17 * mm, name_size=16, name_min=9,
                     contact_y=PAGE_H - 23 * mm, contact_size=8.5, contact_min=6, width=TEXT_W - 2 * QR_ROOM,
                     phone_label="售后服务电话", grey=GREY)
        canv.setFillColor(GREY)
        y = PAGE_H - 28.5 * mm  # below the page's QR code and its quiet zone
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(1.6)
        canv.line(MARGIN_X, y, PAGE_W - MARGIN_X, y)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, y - 2.5, PAGE_W - MARGIN_X, y - 2.5)
        draw_plain(canv, PAGE_W - MARGIN_X, y - 11, plain(title), font, 8.5, "right")
        canv.restoreState()

    return draw


class _SheetStart(Flowable):
    """Marks where one attendee's paper starts: the footer then names them and counts its pages.
    (The numbered canvas keeps each page's canvas attributes, so the mark is seen on later pages.)"""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.asd_sheet = (self.name, self.canv.getPageNumber())


def _sheet_pages(canv: Canvas, page: int) -> tuple[str, int, int] | None:
    """``(name, page within the paper, pages of the paper)`` when page ``page`` belongs to one
    attendee's assessment paper: each paper is numbered 第 x 页 共 y 页 of its own."""
    sheet = getattr(canv, "asd_sheet", None)
    if sheet is None or not sheet[0]:
        return None
    states = getattr(canv, "_page_states", [])
    count = sum(1 for state in states if state.get("asd_sheet") == sheet) or 1
    return sheet[0], page - sheet[1] + 1, count


def _footer(font: str, number: str, title: str, stamp: PageStamp) -> Any:
    code = stamp.label() if stamp.kind == "training" and number else f"编号 {stamp.number} · 校验码 {stamp.check_code}"
    payload = stamp.payload()
    note = plain(number)

    def draw(canv: Canvas, page: int, total: int) -> None:
        sheet = _sheet_pages(canv, page)
        if sheet is not None:
            numbers = plain(f"{sheet[0]} 的试卷　第 {sheet[1]} 页 共 {sheet[2]} 页")
        else:
            numbers = f"第 {page} 页 共 {total} 页"
        draw_footer(canv, font, y=FOOTER_Y, left=MARGIN_X, right=PAGE_W - MARGIN_X, numbers=numbers, note=note,
                    code=code, note_color=GREY)
        draw_page_qr(canv, payload, PAGE_W - MARGIN_X)

    return draw


def sheet_stamp(record: Record | None, title: str, texts: Sequence[str]) -> PageStamp:
    """The page stamp of a training sheet: the session's (a saved training record), else one made
    from the sheet's text (a blank sheet printed without a session)."""
    if record is not None and record.id:
        from ..domain.forms import SPECS

        return record_stamp(SPECS["training"], record)
    return document_stamp("training", "PX", "\n".join([title, *texts]), title, blank=True)


def _build(out: Any, settings: Settings, story: list[Any], *, title: str, number: str, texts: Sequence[str],
           info: Mapping[str, str], record: Record | None = None) -> RenderReport:
    font = ensure_fonts()
    stamp = sheet_stamp(record, title, texts)
    target, options = document_options(out, settings, top=TOP, bottom=BOTTOM, font=font, size=BODY,
                                       leading=LEADING, margin=MARGIN_X, title=title,
                                       subject=title + (f" {number}" if number else ""),
                                       keywords=stamp.keywords())
    doc = BaseDocTemplate(target, **options)
    frame = Frame(MARGIN_X, BOTTOM, TEXT_W, TOP - BOTTOM, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="text")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_letterhead(settings, font, title))])
    report = RenderReport(pages=0, missing_chars=frozenset(unprintable_chars("\n".join(t for t in texts if t))))
    doc.build(story, canvasmaker=numbered_canvas(_footer(font, number, title, stamp),
                                                 info={**stamp.info(), "AsdDocument": DOC_TRAINING, **info}))
    report.pages = doc.page
    return report


def _check_width(table: Table, widths: Sequence[float]) -> Table:
    total = sum(widths)
    if total > TEXT_W + 0.5:
        raise TableTooWide(f"表格宽 {total / mm:.1f} mm，超出版心 {TEXT_W / mm:.1f} mm")
    return table


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if hasattr(value, "strftime"):
        if hasattr(value, "hour") and not hasattr(value, "year"):
            return value.strftime("%H:%M")
        return format_date(value)
    return str(value)


def _session_time(record: Record | None) -> str:
    if record is None:
        return ""
    start, end = record.get("start_time"), record.get("end_time")
    if start and end:
        return f"{_text(start)}～{_text(end)}"
    return _text(start or end)


def _details(record: Record | None, st: Mapping[str, ParagraphStyle], pass_mark: int | None = None) -> Table:
    """The session as a bordered grid of label/value pairs (blank cells to fill in by hand)."""
    get = (lambda k: _text(record.get(k))) if record is not None else (lambda _k: "")
    rows = [
        [("培训主题", get("topic"), 3)],
        [("培训日期", get("training_date"), 1), ("培训时间", _session_time(record), 1)],
        [("培训地点", get("place"), 1), ("培训讲师", get("trainer"), 1)],
        [("培训对象", get("audience"), 1), ("客户单位", get("customer_unit"), 1)],
        [("使用讲义", get("handout"), 3)],
    ]
    if pass_mark is not None:
        rows.append([("合格分数", f"{pass_mark} 分（满分 100 分）", 3)])
    label_w = 22 * mm
    value_w = (TEXT_W - 2 * label_w) / 2
    widths = [label_w, value_w, label_w, value_w]
    data: list[list[Any]] = []
    spans: list[tuple[Any, ...]] = []
    for r, row in enumerate(rows):
        cells: list[Any] = []
        for label, value, span in row:
            cells.append(Paragraph(markup(label), st["label"]))
            cells.append(Paragraph(markup(value), st["value"]))
            if span == 3:
                cells += ["", ""]
                spans.append(("SPAN", (1, r), (3, r)))
        data.append(cells)
    # A blank sheet leaves room to write by hand.
    table = Table(data, colWidths=widths, rowHeights=[None if record is not None else 8 * mm] * len(data),
                  hAlign="LEFT")
    table.setStyle(TableStyle([_font_cmd(),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 1.0, GRID),
        ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
        *[("BACKGROUND", (2, r), (2, r), HEAD_BG) for r, row in enumerate(rows) if len(row) == 2],
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        *spans,
    ]))
    return _check_width(table, widths)


class _Signature(Flowable):
    """A signature picture scaled into its cell (transparent PNG: ``mask='auto'``)."""

    def __init__(self, data: bytes, max_w: float, max_h: float) -> None:
        super().__init__()
        from PIL import Image as PILImage

        with PILImage.open(io.BytesIO(data)) as im:
            self.px_w, self.px_h = im.size
        self.data = data
        scale = min(max_w / self.px_w, max_h / self.px_h)
        self.draw_w, self.draw_h = self.px_w * scale, self.px_h * scale

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.draw_w, self.draw_h

    def draw(self) -> None:
        from reportlab.lib.utils import ImageReader

        self.canv.drawImage(ImageReader(io.BytesIO(self.data)), 0, 0, self.draw_w, self.draw_h, mask="auto")


def _row_heights(data: Sequence[Sequence[Any]], widths: Sequence[float], minimum: float, head: float,
                 pad_x: float = 9.0, pad_y: float = 6.0) -> list[float]:
    """Each row as tall as its tallest cell, and at least ``minimum`` (room for the pen)."""
    out = []
    for r, row in enumerate(data):
        need = 0.0
        for cell, w in zip(row, widths, strict=True):
            if isinstance(cell, Flowable):
                need = max(need, cell.wrap(w - pad_x, PAGE_H)[1] + pad_y)
        out.append(max(need, head if r == 0 else minimum))
    return out


def _sign_line(label: str, date: str, st: Mapping[str, ParagraphStyle], picture: bytes | None = None,
               extra: str = "") -> Table:
    """培训讲师（签字）：____ [实到人数：__人]  日期：…  as one row that never wraps mid-way."""
    cells: list[Any] = [Paragraph(markup(label), st["sign"]),
                        _Signature(picture, 38 * mm, 12 * mm) if picture else ""]
    widths = [36 * mm, 42 * mm]
    if extra:
        cells += [Paragraph(markup(extra), st["sign"]), ""]
        widths += [22 * mm, 14 * mm]
    cells += [Paragraph(markup("日期："), st["sign"]), Paragraph(markup(date or "　　　年　　月　　日"), st["sign"])]
    widths += [12 * mm, TEXT_W - sum(widths) - 12 * mm]
    table = Table([cells], colWidths=widths, rowHeights=[15 * mm], hAlign="LEFT")
    lines = [("LINEBELOW", (1, 0), (1, 0), 0.6, GRID)]
    if extra:
        lines.append(("LINEBELOW", (3, 0), (3, 0), 0.6, GRID))
    table.setStyle(TableStyle([_font_cmd(), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                               *lines]))
    return _check_width(table, widths)


def _attendees(record: Record | None) -> list[dict[str, Any]]:
    return list(record.values.tables.get("attendees", [])) if record is not None else []


def _name(row: Mapping[str, Any]) -> str:
    return " ".join(str(row.get("name") or "").split())


# ---------------------------------------------------------------------------------------------
# 签到表


SIGN_IN_COLUMNS = (("序号", 0.07), ("姓名", 0.15), ("单位/部门", 0.25), ("岗位", 0.13), ("联系电话", 0.16),
                   ("签到", 0.24))


def sign_in_story(record: Record | None, signatures: Mapping[str, bytes], st: Mapping[str, ParagraphStyle],
                  walk_in_rows: int = WALK_IN_ROWS) -> list[Any]:
    widths = [f * TEXT_W for _, f in SIGN_IN_COLUMNS]
    data: list[list[Any]] = [[Paragraph(markup(h), st["head"]) for h, _ in SIGN_IN_COLUMNS]]
    sign_w = widths[-1] - 8
    rows = _attendees(record)
    for n, row in enumerate(rows, 1):
        picture = signatures.get(_name(row))
        data.append([
            Paragraph(str(n), st["centre"]),
            Paragraph(markup(_name(row)), st["cell"]),
            Paragraph(markup(row.get("unit") or ""), st["cell"]),
            Paragraph(markup(row.get("post") or ""), st["cell"]),
            Paragraph(markup(_text(row.get("phone"))), st["cell"]),
            _Signature(picture, sign_w, SIGN_ROW_H - 4) if picture else "",
        ])
    blanks = walk_in_rows if rows else BLANK_SHEET_ROWS
    for n in range(len(rows) + 1, len(rows) + blanks + 1):
        data.append([Paragraph(str(n), st["centre"]), "", "", "", "", ""])
    # never one row alone under the repeated header (issue 13)
    table = _FormTable(data, colWidths=widths, rowHeights=_row_heights(data, widths, SIGN_ROW_H, 9 * mm),
                       repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([_font_cmd(),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 1.0, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (-1, 1), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]))
    _check_width(table, widths)
    signed = sum(1 for row in rows if _name(row) in signatures)
    summary = f"登记 {len(rows)} 人" + (f"，其中 {signed} 人已在屏幕上签到" if signed else "")
    summary += "；未登记的参加人员请在空行填写后签到。" if rows else "；请参加人员逐行填写并签到。"
    story: list[Any] = [
        Paragraph(markup(SIGN_IN_TITLE), st["title"]),
        _details(record, st),
        Spacer(1, 5 * mm),
        table,
        Spacer(1, 3 * mm),
        Paragraph(markup(summary), st["note"]),
        Spacer(1, 6 * mm),
        _sign_line("培训讲师（签字）：", "", st, extra="实到人数："),
    ]
    return story


def render_sign_in(settings: Settings, record: Record | None, out: str | os.PathLike[str] | IO[bytes],
                   signatures: Mapping[str, bytes] | None = None, walk_in_rows: int = WALK_IN_ROWS) -> RenderReport:
    """The 签到表 of ``record`` (``None``: a blank sheet); ``signatures`` maps an attendee's name to
    the PNG of their on-screen sign-in."""
    st = _styles(ensure_fonts())
    story = sign_in_story(record, signatures or {}, st, walk_in_rows)
    number = record.number if record is not None else ""
    return _build(out, settings, story, title=SIGN_IN_TITLE, number=number, texts=_record_texts(settings, record),
                  info={"AsdRecordNumber": number, "AsdSheet": "sign-in"}, record=record)


def _record_texts(settings: Settings, record: Record | None) -> list[str]:
    texts = [settings.company_name, settings.company_address, settings.company_phone]
    if record is not None:
        texts += [str(v) for v in record.values.fields.values() if isinstance(v, str)]
        texts += [str(v) for row in _attendees(record) for v in row.values() if isinstance(v, str)]
    return texts


# ---------------------------------------------------------------------------------------------
# 培训考核 paper


def _options_flowables(q: Question, st: Mapping[str, ParagraphStyle], width: float) -> list[Any]:
    """The options on one line when they fit, two a line when each fits half, else one a line."""
    if not q.options:
        return [Paragraph(markup("（对的填“对”，错的填“错”）"), st["note"])]
    texts = [f"{letter}. {text}" for letter, text in q.options]
    indent = 1.6 * BODY
    avail = width - indent
    widths = [string_width(t, BODY) + 2 * BODY for t in texts]
    if sum(widths) <= avail:
        per_line = len(texts)
    elif max(widths) <= avail / 2:
        per_line = 2
    else:
        return [Paragraph(markup(t), st["option"]) for t in texts]
    col = avail / per_line
    rows = [texts[i:i + per_line] for i in range(0, len(texts), per_line)]
    data = [[Paragraph(markup(t), st["question"]) for t in row] + [""] * (per_line - len(row)) for row in rows]
    table = Table(data, colWidths=[col] * per_line, hAlign="LEFT")
    table.setStyle(TableStyle([_font_cmd(), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    outer = Table([["", table]], colWidths=[indent, avail], hAlign="LEFT")
    outer.setStyle(TableStyle([_font_cmd(), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return [outer]


def _question(q: Question, st: Mapping[str, ParagraphStyle]) -> Table:
    """The question and its options on the left, the answer box on the right."""
    body_w = TEXT_W - ANSWER_BOX - 4 * mm
    content = [Paragraph(markup(f"{q.number}. {q.text}"), st["question"]), *_options_flowables(q, st, body_w)]
    box = Table([[""]], colWidths=[ANSWER_BOX], rowHeights=[ANSWER_BOX * 0.8])
    box.setStyle(TableStyle([_font_cmd(), ("BOX", (0, 0), (-1, -1), 0.8, GRID)]))
    table = Table([[content, box]], colWidths=[body_w + 4 * mm, ANSWER_BOX], hAlign="LEFT")
    table.setStyle(TableStyle([_font_cmd(),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, 0), 4 * mm),
        ("RIGHTPADDING", (1, 0), (1, 0), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return _check_width(table, [body_w + 4 * mm, ANSWER_BOX])


def _fitted(text: str, style: ParagraphStyle, width: float, smallest: float = 7.5) -> ParagraphStyle:
    """``style``, set smaller (down to ``smallest`` pt) until ``text`` fits ``width`` on one line."""
    size = style.fontSize
    while size > smallest and string_width(text, size, style.fontName) > width:
        size -= 0.5
    if size == style.fontSize:
        return style
    return ParagraphStyle(f"{style.name}_{size}", parent=style, fontSize=size, leading=size * 1.3)


def _candidate(record: Record | None, row: Mapping[str, Any] | None, st: Mapping[str, ParagraphStyle]) -> Table:
    """姓名 / 单位 / 日期 / 得分: filled from the record where known, lines for the pen otherwise."""
    name = _name(row) if row else ""
    unit = str((row or {}).get("unit") or "") or (str(record.get("customer_unit") or "") if record else "")
    date = _text(record.get("training_date")) if record is not None else ""
    # Widths by what each holds (issue 13: the date wrapped into the line above): the date and the
    # score their one line, the unit the rest; a unit too long for one line is set smaller, and the
    # row grows rather than a value running up into the title.
    label_w = 11 * mm
    name_w, date_w, score_w = 32 * mm, 30 * mm, 18 * mm
    unit_w = TEXT_W - 4 * label_w - name_w - date_w - score_w
    unit_style = _fitted(unit, st["value"], unit_w - 4)
    date = date or "\u3000\u3000年\u3000月\u3000日"
    values = [(name, st["value"]), (unit, unit_style), (date, st["value"]), ("", st["value"])]
    labels = ("姓名", "单位", "日期", "得分")
    data = [[p for lab, (val, sty) in zip(labels, values, strict=True)
             for p in (Paragraph(markup(lab), st["label"]), Paragraph(markup(val), sty))]]
    widths = [label_w, name_w, label_w, unit_w, label_w, date_w, label_w, score_w]
    table = Table(data, colWidths=widths, minRowHeights=[10 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([_font_cmd(),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("ALIGN", (0, 0), (-1, -1), "LEFT"),
        *[("LINEBELOW", (c, 0), (c, 0), 0.6, GRID) for c in (1, 3, 5, 7)],
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return _check_width(table, widths)


def assessment_sheet(assessment: Assessment, record: Record | None, row: Mapping[str, Any] | None,
                     st: Mapping[str, ParagraphStyle]) -> list[Any]:
    story: list[Any] = [Paragraph(markup(assessment.title), st["title"])]
    if record is not None and record.get("topic"):
        story.append(Paragraph(markup(f"{record.get('topic')}（{record.number}）"), st["sub"]))
    story += [_candidate(record, row, st), Spacer(1, 4 * mm)]
    for line in assessment.intro:
        story.append(Paragraph(markup(line), st["note"]))
    story.append(Spacer(1, 2 * mm))
    for n, (group, questions) in enumerate(assessment.groups(), 1):
        if group:
            story.append(Paragraph(markup(f"{'一二三四五六七八九十'[n - 1] if n <= 10 else n}、{group}"), st["group"]))
        for q in questions:
            story.append(_question(q, st))
    return story


def render_assessment(settings: Settings, assessment: Assessment, out: str | os.PathLike[str] | IO[bytes],
                      record: Record | None = None, per_attendee: bool = True) -> RenderReport:
    """The 培训考核 paper: one sheet per attendee of ``record`` (their name and unit printed), or one
    blank paper (no record, nobody registered, or ``per_attendee=False``)."""
    st = _styles(ensure_fonts())
    rows: list[Mapping[str, Any] | None] = list(_attendees(record)) if per_attendee else []
    if not rows:
        rows = [None]
    story: list[Any] = []
    for i, row in enumerate(rows):
        if i:
            story.append(PageBreak())
        story.append(_SheetStart(_name(row) if row else ""))
        story += assessment_sheet(assessment, record, row, st)
    number = record.number if record is not None else ""
    texts = _record_texts(settings, record) + [assessment.title, *assessment.intro] + [
        q.text for q in assessment.questions] + [t for q in assessment.questions for _, t in q.options]
    return _build(out, settings, story, title=assessment.title, number=number, texts=texts,
                  info={"AsdRecordNumber": number, "AsdSheet": "assessment"}, record=record)


# ---------------------------------------------------------------------------------------------
# 成绩登记表


RESULT_COLUMNS = (("序号", 0.07), ("姓名", 0.15), ("单位/部门", 0.25), ("岗位", 0.12), ("得分", 0.08),
                  ("结果", 0.1), ("答错的题号", 0.23))


def results_story(record: Record, pass_mark: int, st: Mapping[str, ParagraphStyle],
                  wrong: Mapping[str, Sequence[int]] | None = None, trainer_signature: bytes | None = None) -> list[Any]:
    wrong = wrong or {}
    widths = [f * TEXT_W for _, f in RESULT_COLUMNS]
    data: list[list[Any]] = [[Paragraph(markup(h), st["head"]) for h, _ in RESULT_COLUMNS]]
    rows = _attendees(record)
    failed_rows = []
    for n, row in enumerate(rows, 1):
        result = row.get("result") or ""
        if result == tr.FAILED:
            failed_rows.append(n)
        data.append([
            Paragraph(str(n), st["centre"]),
            Paragraph(markup(_name(row)), st["cell"]),
            Paragraph(markup(row.get("unit") or ""), st["cell"]),
            Paragraph(markup(row.get("post") or ""), st["cell"]),
            Paragraph(markup(_text(row.get("score"))), st["centre"]),
            Paragraph(markup(result), st["centre"]),
            Paragraph(markup(",".join(str(q) for q in wrong.get(_name(row), ()))), st["small"]),
        ])
    if not rows:
        data += [[Paragraph(str(n), st["centre"])] + [""] * 6 for n in range(1, 16)]
    table = _FormTable(data, colWidths=widths, rowHeights=_row_heights(data, widths, RESULT_ROW_H, 9 * mm),
                       repeatRows=1, hAlign="LEFT")  # never one row alone under the repeated header
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 1.0, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    style += [("TEXTCOLOR", (5, r), (5, r), colors.HexColor("#B03A2E")) for r in failed_rows]
    table.setStyle(TableStyle([_font_cmd(), *style]))
    _check_width(table, widths)
    sat = [r for r in rows if r.get("result") in (tr.PASSED, tr.FAILED)]
    passed = sum(1 for r in sat if r.get("result") == tr.PASSED)
    absent = sum(1 for r in rows if r.get("result") == tr.ABSENT)
    scores = [int(r["score"]) for r in sat if r.get("score") is not None]
    summary = f"参加人员 {len(rows)} 人，参加考核 {len(sat)} 人"
    if absent:
        summary += f"，缺考 {absent} 人"
    summary += f"；合格 {passed} 人，不合格 {len(sat) - passed} 人"
    if sat:
        summary += f"，合格率 {passed * 100 / len(sat):.0f}%，平均分 {sum(scores) / len(scores):.1f} 分" if scores else ""
    summary += f"。合格分数 {pass_mark} 分；考核合格的服务人员方可上岗作业。"
    sign = _sign_line("培训讲师（签字）：", "", st, trainer_signature)
    return [
        Paragraph(markup(RESULTS_TITLE), st["title"]),
        _details(record, st, pass_mark),
        Spacer(1, 5 * mm),
        table,
        Spacer(1, 3 * mm),
        Paragraph(markup(summary), st["note"]),
        CondPageBreak(30 * mm),
        Spacer(1, 6 * mm),
        sign,
    ]


def render_results(settings: Settings, record: Record, pass_mark: int, out: str | os.PathLike[str] | IO[bytes],
                   wrong: Mapping[str, Sequence[int]] | None = None,
                   trainer_signature: bytes | None = None) -> RenderReport:
    """The 成绩登记表: each attendee's score and result, the pass mark and the trainer's signature
    (the on-screen one when ``trainer_signature`` is given, a line for the pen otherwise)."""
    st = _styles(ensure_fonts())
    story = results_story(record, pass_mark, st, wrong, trainer_signature)
    return _build(out, settings, story, title=RESULTS_TITLE, number=record.number,
                  texts=_record_texts(settings, record), info={"AsdRecordNumber": record.number, "AsdSheet": "results"},
                  record=record)
