"""A report (``domain.reports.Report``) as an A4 PDF: the forms' letterhead and footer (page numbers,
the QR code and the readable check code, ``documents.pdf_page``), then each chart (vector, from
``documents.report_charts``) and each table.

The page stamp identifies the report and its figures: the "record" is the report of its kind and
period, and the content hash is the SHA-256 of its JSON (``domain.reports.report_json``) without the
time it was made, so the same figures print the same check code.
"""

from __future__ import annotations

import hashlib
import json
import os
from types import SimpleNamespace
from typing import IO, Any

from reportlab.lib import colors
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.dates import format_datetime
from ..domain.reports import Report, cell_text, report_json
from ..domain.settings import Settings
from .fonts import FONT_NAME, ensure_fonts, runs, unprintable_chars
from .pdf_page import (
    BAND_BG,
    CONTENT_W,
    FRAME_BOTTOM,
    FRAME_TOP,
    LABEL_BG,
    MARGIN_X,
    RenderReport,
    _draw_header,
    _footer_drawer,
    _styles,
    document_options,
    numbered_canvas,
)
from .report_charts import chart_drawing
from .stamp import PageStamp
from .text import markup, plain, plain_width

DOC_REPORT = "report"
CHART_H = 200.0
MAX_COL_CHARS = 18  # a column wider than this many characters wraps


def report_hash(report: Report) -> str:
    data = report_json(report)
    data.pop("生成时间", None)
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def report_number(report: Report) -> str:
    return f"{report.kind}-{report.start.isoformat()}-{report.end.isoformat()}"


def report_stamp(report: Report) -> PageStamp:
    return PageStamp(kind="report", record_id=report_number(report), number=report.period, revision=1,
                     content_hash=report_hash(report), title=report.title)


def _ems(text: str) -> float:
    """A text's width in ems: a CJK character is one, a Latin letter or digit about half."""
    return sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in text)


def _widths(columns: tuple[str, ...], rows: list[list[str]]) -> list[float]:
    want = []
    for i, col in enumerate(columns):
        head = min(_ems(col), 6.0)  # a long heading wraps onto two or three lines
        longest = max([head] + [min(MAX_COL_CHARS, _ems(r[i])) for r in rows[:200]])
        want.append(max(2.5, longest) + 1.0)
    # The first column names the row (a person, a product, a month): it keeps its names on one line
    # (up to 12 characters); the others share the rest of the width by what they hold.
    first = min(CONTENT_W / 3, max([_ems(r[0]) for r in rows[:200]] + [_ems(columns[0])], default=2.0) * 8.5 + 10)
    rest = sum(want[1:])
    if len(want) == 1 or not rest:
        return [CONTENT_W]
    if first <= CONTENT_W * want[0] / sum(want):
        total = sum(want)
        return [CONTENT_W * w / total for w in want]
    return [first] + [(CONTENT_W - first) * w / rest for w in want[1:]]


def _cell(text: str, width: float, style: Any, font: str) -> Any:
    """A plain string when it fits on one line in the main font (fast: a report may have thousands
    of cells), else a wrapping paragraph (escaped, with the fallback font's runs)."""
    line = plain(text)
    if line == text and "\n" not in text and runs(line) in ([], [(FONT_NAME, line)]) \
            and plain_width(line, font, style.fontSize) <= width - 6:
        return line
    return Paragraph(markup(text), style)


def _table(t: Any, st: Any) -> list[Any]:
    head = st.small_head
    cell = st.small
    rows = [[cell_text(v) for v in row.cells] for row in t.rows]
    widths = _widths(t.columns, rows)
    data: list[list[Any]] = [[Paragraph(markup(c), head) for c in t.columns]]
    numeric = [bool(t.rows) and all(isinstance(row.cells[i], int | float) or row.cells[i] is None for row in t.rows)
               for i in range(len(t.columns))]
    for r in rows:
        data.append([_cell(v, widths[i], st.small_center if numeric[i] else cell, st.font) for i, v in enumerate(r)])
    if not rows:
        data.append([Paragraph(markup("（无）"), st.small_center)] + [""] * (len(t.columns) - 1))
    # The title is the table's first row, repeated with its header on every page the table takes:
    # a heading can never stand alone at a page's foot with its table on the next (issue 13).
    title = Paragraph(markup(t.title), st.band)
    data.insert(0, [title] + [""] * (len(t.columns) - 1))
    table = Table(data, colWidths=widths, repeatRows=2)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), st.font),  # plain-string cells too: never Helvetica
        ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("GRID", (0, 1), (-1, -1), 0.5, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
        ("LINEBELOW", (0, 0), (-1, 0), 1.0, colors.black),
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), BAND_BG),
        ("BACKGROUND", (0, 1), (-1, 1), LABEL_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, 0), 4),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
    ]
    style += [("ALIGN", (i, 2), (i, -1), "CENTER") for i, is_number in enumerate(numeric) if is_number]
    if not rows:
        style.append(("SPAN", (0, 2), (-1, 2)))
    table.setStyle(TableStyle(style))
    out: list[Any] = [KeepTogether([table]) if len(rows) < 25 else table]
    if t.note:
        out.append(Paragraph(markup(t.note), st.small))
    out.append(Spacer(1, 8))
    return out


def render_report(report: Report, settings: Settings, out: str | os.PathLike[str] | IO[bytes]) -> RenderReport:
    """Write ``report`` to ``out`` (a path or a binary file)."""
    font = ensure_fonts()
    st = _styles()
    stamp = report_stamp(report)
    sheet = SimpleNamespace(title=report.title, number_label="统计期间")
    head = SimpleNamespace(number=report.period, status="", source_number=None, source_kind=None)
    story: list[Any] = [Paragraph(markup(f"生成时间：{format_datetime(report.generated_at)}"), st.small),
                        Spacer(1, 6)]
    charts = {c.table: c for c in report.charts}
    placed: set[str] = set()
    for t in report.tables:
        story += _table(t, st)
        for c in report.charts:
            if c.table == t.key and c.key not in placed:
                placed.add(c.key)
                story += [chart_drawing(c, CONTENT_W, CHART_H), Spacer(1, 10)]
    for c in report.charts:
        if c.key not in placed:
            story += [chart_drawing(c, CONTENT_W, CHART_H), Spacer(1, 10)]
    del charts
    texts = "\n".join(cell_text(v) for t in report.tables for row in t.rows for v in row.cells)
    result = RenderReport(pages=0, missing_chars=frozenset(unprintable_chars(texts)))
    target, options = document_options(out, settings, top=FRAME_TOP, bottom=FRAME_BOTTOM, font=font, size=9,
                                       leading=12, title=f"{report.title}（{report.period}）",
                                       subject=report.title, keywords=stamp.keywords())
    doc = BaseDocTemplate(target, **options)
    frame = Frame(MARGIN_X, FRAME_BOTTOM, CONTENT_W, FRAME_TOP - FRAME_BOTTOM, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                       onPage=lambda c, _d: _draw_header(c, sheet, head, settings, font))])
    info = {"AsdDocument": DOC_REPORT, "AsdReport": report.kind, "AsdPeriod": report.period,
            "AsdContentHash": stamp.content_hash, "AsdStamp": stamp.payload()}
    doc.build(story, canvasmaker=numbered_canvas(_footer_drawer(sheet, head, font, stamp), info=info))
    result.pages = doc.page
    return result
