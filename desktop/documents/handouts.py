"""培训讲义 (消杀药品使用知识培训, issue 5): the training handouts, from editable source text to PDF.

Why it is built this way:

* **Content is text a non-programmer edits.**  Each chapter is one Markdown file in
  ``resources/handouts`` (``01-….md`` …, in file-name order; ``README.md`` there documents the format
  and is skipped).  Only a small subset is understood — ``#``/``##``/``###`` headings, paragraphs,
  ``-`` and ``1.`` lists, pipe tables, and ``> 警告：`` / ``> 注意：`` boxes — parsed here by
  :func:`parse_chapter`, so no Markdown dependency is needed and nothing in the text is markup:
  every character prints literally (``documents.text.markup`` escapes it).
* **Numbering is the renderer's.**  Chapters are 一、二、… by file order (a single chapter exported alone
  keeps its number), sections 1.1, subsections 1.1.1; the source headings carry no numbers.
* **A table of contents whose page numbers match.**  Headings notify ``TOCEntry`` from
  ``afterFlowable`` and the document is built with ``multiBuild`` until the entries settle.  Page
  numbers are the physical page numbers (the cover is page 1), so what the TOC says
  is what a PDF viewer shows.
* **Tables fit the text width.**  Column widths are computed from the cell texts (natural width,
  shrunk towards the widest unbreakable word) and the cells wrap (CJK line breaking); a table that
  cannot fit raises :class:`TableTooWide` instead of running into the margin.
* Same fonts as the forms (``documents.fonts``: bundled, embedded, DejaVu Sans for ℃ μ …).
* **A page stamp like every document (issue 13).**  The QR code top right of every page, cover included,
  and the document number, check code and "第 x 页 共 y 页" in the footer: the handouts are not a record,
  so the number and hash come from their text (``handouts_stamp``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from ..domain.dates import format_date
from ..domain.settings import Settings
from ..paths import resources_dir
from .fonts import ensure_fonts, printable, string_width, unprintable_chars
from .form_pdf import RenderReport, numbered_canvas
from .pdf_grid import _FormTable
from .pdf_page import QR_SIZE, QR_TOP_GAP, _font_cmd, document_options, draw_footer, draw_page_qr
from .stamp import DOC_HANDOUTS, PageStamp, document_stamp
from .text import draw_plain, markup, plain

SERIES_TITLE = "消杀药品使用知识培训"
SUBTITLE = "培训讲义"

PAGE_W, PAGE_H = A4
MARGIN_X = 22 * mm
TOP = PAGE_H - QR_TOP_GAP - QR_SIZE - 4 * mm  # below the running head and the page's QR code
BOTTOM = 20 * mm
TEXT_W = PAGE_W - 2 * MARGIN_X
HEADER_Y = PAGE_H - 22 * mm
NUMBER_PREFIX = "JY"  # 讲义编号 JY-3F9A1C2B (documents.stamp.document_stamp)
FOOTER_Y = 11 * mm

ACCENT = colors.HexColor("#1F5C8B")
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#9DB3C8")
TABLE_HEAD_BG = colors.HexColor("#E3ECF4")
TABLE_GRID = colors.HexColor("#8A9BAD")
WARN_BORDER = colors.HexColor("#C0392B")
WARN_BG = colors.HexColor("#FDEDEC")
NOTE_BORDER = colors.HexColor("#D68910")
NOTE_BG = colors.HexColor("#FEF5E7")

BODY_SIZE = 10.5  # 五号
BODY_LEADING = 18.0
CELL_SIZE = 9.5
CELL_LEADING = 13.5
CELL_PAD_L = 4.0
CELL_PAD_R = 6.0  # room for punctuation that hangs in the right margin (documents.text)
LABEL_CHARS = 6  # the first column keeps this many characters a line when it can
MIN_WORD_CAP = 72.0  # an unbreakable ASCII run wider than this may be broken inside

KEEP_ROWS = 8  # tables with up to this many rows (header included) stay on one page

CHINESE_NUMERALS = "一二三四五六七八九十"


def chinese_number(n: int) -> str:
    if 1 <= n <= 10:
        return CHINESE_NUMERALS[n - 1]
    if n < 20:
        return "十" + CHINESE_NUMERALS[n - 11]
    if n < 100:
        tens, ones = divmod(n, 10)
        return CHINESE_NUMERALS[tens - 1] + "十" + (CHINESE_NUMERALS[ones - 1] if ones else "")
    return str(n)


class HandoutFormatError(ValueError):
    """The source text breaks the format of ``resources/handouts/README.md`` (file and line named)."""


class TableTooWide(ValueError):
    """A table whose columns cannot fit the text width even with every cell wrapped."""


# ---------------------------------------------------------------------------------------------
# The source format


@dataclass
class Block:
    kind: str  # "h2", "h3", "para", "bullet", "ordered", "table", "box"
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)  # tables: the header row first
    label: str = ""  # ordered lists: "1."; boxes: "警告" or "注意"


@dataclass
class Chapter:
    number: int
    title: str
    blocks: list[Block]
    source: str = ""
    appendix: str = ""  # an appendix ("A"): headed 附录A, sections A.1, A.1.1 (``product_appendix``)

    @property
    def heading(self) -> str:
        """The printed chapter title: "一、除四害技术培训" (an appendix: "附录A　在售产品…")."""
        if self.appendix:
            return f"附录{self.appendix}\u3000{self.title}"
        return f"{chinese_number(self.number)}、{self.title}"

    @property
    def prefix(self) -> str:
        """What its section numbers start with: "1" (1.1, 1.1.1) or the appendix letter."""
        return self.appendix or str(self.number)

    def headings(self) -> list[tuple[int, str]]:
        """``(level, printed text)`` of every heading in order, the chapter's own first (level 0)."""
        out = [(0, self.heading)]
        for level, text in _numbered(self):
            out.append((level, text))
        return out

    def tables(self) -> list[list[list[str]]]:
        return [b.rows for b in self.blocks if b.kind == "table"]


def _numbered(chapter: Chapter) -> Iterable[tuple[int, str]]:
    section = sub = 0
    for block in chapter.blocks:
        if block.kind == "h2":
            section += 1
            sub = 0
            yield 1, f"{chapter.prefix}.{section} {block.text}"
        elif block.kind == "h3":
            sub += 1
            yield 2, f"{chapter.prefix}.{section}.{sub} {block.text}"


_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
_ORDERED = re.compile(r"^(\d{1,3})[.、]\s+(.*)$")
_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_NUMBER = re.compile(r"^[0-9.,%～~\- ]+$")  # a cell of figures: centred
_BOX = re.compile(r"^(警告|注意|提示)\s*[：:]")


def _join(lines: Sequence[str]) -> str:
    """Continuation lines of one paragraph: no space between Chinese characters, one otherwise."""
    out = ""
    for line in lines:
        line = line.strip()
        if out and line and not (_CJK.match(out[-1]) or _CJK.match(line[0])):
            out += " "
        out += line
    return out


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells = re.split(r"(?<!\\)\|", line)
    return [c.strip().replace("\\|", "|") for c in cells]


def parse_chapter(text: str, number: int, source: str = "") -> Chapter:
    """One chapter from its source text (see ``resources/handouts/README.md``)."""
    where = source or f"第 {number} 章"
    lines = printable(text.lstrip("\ufeff")).split("\n")
    title = ""
    blocks: list[Block] = []
    para: list[str] = []
    i = 0

    def flush() -> None:
        if para:
            blocks.append(Block("para", _join(para)))
            para.clear()

    while i < len(lines):
        raw = lines[i]
        line = raw.strip()
        if not line:
            flush()
            i += 1
            continue
        if line.startswith("#"):
            flush()
            marks = len(line) - len(line.lstrip("#"))
            heading = line[marks:].strip()
            if not heading or marks > 3:
                raise HandoutFormatError(f"{where} 第 {i + 1} 行：标题只能用 #、##、###，且要有文字")
            if marks == 1:
                if title:
                    raise HandoutFormatError(f"{where} 第 {i + 1} 行：每个文件只能有一个 # 章标题")
                title = heading
            else:
                blocks.append(Block("h2" if marks == 2 else "h3", heading))
            i += 1
            continue
        if line.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i].strip())
                i += 1
            if len(rows) < 2 or not _SEPARATOR.match(rows[1]):
                raise HandoutFormatError(f"{where} 第 {i - len(rows) + 1} 行：表格第二行应是 | --- | --- | 分隔行")
            table = [_cells(rows[0])] + [_cells(r) for r in rows[2:]]
            width = len(table[0])
            for n, row in enumerate(table):
                if len(row) != width:
                    raise HandoutFormatError(
                        f"{where} 第 {i - len(rows) + 1 + n + (1 if n else 0)} 行：表格这一行有 {len(row)} 列，表头有 {width} 列"
                    )
            blocks.append(Block("table", rows=table))
            continue
        if line.startswith(">"):
            flush()
            box: list[str] = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                box.append(lines[i].strip()[1:].strip())
                i += 1
            body = _join(box)
            m = _BOX.match(body)
            blocks.append(Block("box", body, label=m.group(1) if m else "注意"))
            continue
        if line.startswith(("- ", "* ")):
            flush()
            item = [line[2:]]
            i += 1
            while i < len(lines) and lines[i].startswith(("  ", "\t")) and lines[i].strip():
                item.append(lines[i])
                i += 1
            blocks.append(Block("bullet", _join(item)))
            continue
        m = _ORDERED.match(line)
        if m:
            flush()
            item = [m.group(2)]
            i += 1
            while i < len(lines) and lines[i].startswith(("  ", "\t")) and lines[i].strip():
                item.append(lines[i])
                i += 1
            blocks.append(Block("ordered", _join(item), label=f"{m.group(1)}."))
            continue
        para.append(line)
        i += 1
    flush()
    if not title:
        raise HandoutFormatError(f"{where}：缺少 # 章标题")
    return Chapter(number=number, title=title, blocks=blocks, source=source)


def handouts_dir() -> Path:
    return resources_dir() / "handouts"


def chapter_files(folder: Path | None = None) -> list[Path]:
    folder = folder or handouts_dir()
    return sorted(p for p in folder.glob("*.md") if p.name.lower() != "readme.md")


def load_chapters(folder: Path | None = None) -> list[Chapter]:
    """Every chapter of ``folder`` (default: the bundled ``resources/handouts``), numbered by file order."""
    return [
        parse_chapter(path.read_text(encoding="utf-8"), n, source=path.name)
        for n, path in enumerate(chapter_files(folder), 1)
    ]


# ---------------------------------------------------------------------------------------------
# Typesetting


@dataclass(frozen=True)
class _Styles:
    font: str
    cover_title: ParagraphStyle
    cover_sub: ParagraphStyle
    cover_line: ParagraphStyle
    toc_title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    head: ParagraphStyle
    box: ParagraphStyle
    toc_levels: list[ParagraphStyle]


def _styles() -> _Styles:
    font = ensure_fonts()

    def style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kw)

    return _Styles(
        font=font,
        cover_title=style("h_cover", 30, 42, alignment=TA_CENTER, textColor=ACCENT),
        cover_sub=style("h_cover_sub", 18, 28, alignment=TA_CENTER, textColor=GREY),
        cover_line=style("h_cover_line", 14, 24, alignment=TA_CENTER),
        toc_title=style("h_toc", 18, 26, alignment=TA_CENTER, spaceAfter=14, textColor=ACCENT),
        h1=style("h_h1", 18, 26, alignment=TA_LEFT, spaceAfter=12, textColor=ACCENT, keepWithNext=1),
        h2=style("h_h2", 14, 21, alignment=TA_LEFT, spaceBefore=12, spaceAfter=6, textColor=ACCENT,
                 keepWithNext=1),
        h3=style("h_h3", 12, 18, alignment=TA_LEFT, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        body=style("h_body", BODY_SIZE, BODY_LEADING, alignment=TA_JUSTIFY, firstLineIndent=2 * BODY_SIZE,
                   spaceAfter=4),
        bullet=style("h_bullet", BODY_SIZE, BODY_LEADING, alignment=TA_JUSTIFY, leftIndent=2 * BODY_SIZE,
                     bulletIndent=0.8 * BODY_SIZE, bulletFontName=font, spaceAfter=2),
        cell=style("h_cell", CELL_SIZE, CELL_LEADING, alignment=TA_LEFT),
        head=style("h_head", CELL_SIZE, CELL_LEADING, alignment=TA_CENTER),
        box=style("h_box", BODY_SIZE, BODY_LEADING - 1, alignment=TA_JUSTIFY),
        toc_levels=[
            style("h_toc0", 12, 20, leftIndent=0, firstLineIndent=0, spaceBefore=6),
            style("h_toc1", 10.5, 16, leftIndent=2 * 10.5, firstLineIndent=0),
            style("h_toc2", 10, 15, leftIndent=4 * 10.5, firstLineIndent=0, textColor=GREY),
        ],
    )


class _Heading(Paragraph):
    """A heading that puts itself in the table of contents and the PDF outline."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, key: str, chapter: str) -> None:
        super().__init__(markup(text), style)
        self.toc_text = text
        self.toc_level = level
        self.toc_key = key
        self.chapter = chapter


def _unbreakable(text: str) -> float:
    """The widest run the cell must keep on one line: an ASCII word, else one character."""
    widest = 0.0
    for word in re.findall(r"[A-Za-z0-9.%/()+\-–~～×·μ℃:]+", text):
        widest = max(widest, string_width(word, CELL_SIZE))
    widest = min(widest, MIN_WORD_CAP)
    return max(widest, 2 * CELL_SIZE)  # at least two Chinese characters


def column_widths(rows: Sequence[Sequence[str]], avail: float = TEXT_W) -> list[float]:
    """Widths for ``rows`` that add up to ``avail``: natural widths when they fit, else each column
    shrunk towards its widest unbreakable word in proportion to how much it has to give.

    Raises :class:`TableTooWide` when even the unbreakable words do not fit."""
    ncols = len(rows[0])
    pad = CELL_PAD_L + CELL_PAD_R
    natural = [0.0] * ncols
    minimum = [0.0] * ncols
    for row in rows:
        for c, cell in enumerate(row):
            text = plain(cell)
            natural[c] = max(natural[c], string_width(text, CELL_SIZE) + pad)
            minimum[c] = max(minimum[c], _unbreakable(text) + pad)
    natural = [max(n, m) for n, m in zip(natural, minimum, strict=True)]
    # The first column names the rows ("含氯消毒剂"): keep up to six characters of it on one line
    # when the table can afford it.
    label = min(natural[0], LABEL_CHARS * CELL_SIZE + pad)
    if sum(minimum) - minimum[0] + label <= avail:
        minimum[0] = max(minimum[0], label)
    if sum(minimum) > avail + 0.01:
        raise TableTooWide(
            f"表格有 {ncols} 列，即使每格换行也需要 {sum(minimum) / mm:.0f} mm，版心只有 {avail / mm:.0f} mm"
        )
    if sum(natural) <= avail:
        extra = avail - sum(natural)
        return [n + extra * n / sum(natural) for n in natural]
    give = [n - m for n, m in zip(natural, minimum, strict=True)]
    short = sum(natural) - avail
    return [n - short * g / sum(give) for n, g in zip(natural, give, strict=True)]


def _table(rows: list[list[str]], st: _Styles, avail: float = TEXT_W) -> Table:
    widths = column_widths(rows, avail)
    data = [[Paragraph(markup(c), st.head) for c in rows[0]]]
    data += [[Paragraph(markup(c), st.head if _NUMBER.match(c) else st.cell) for c in row] for row in rows[1:]]
    # _FormTable: never one row alone under the header, on either side of a page break (issue 13)
    table = _FormTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                _font_cmd(),
                ("GRID", (0, 0), (-1, -1), 0.5, TABLE_GRID),
                ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEAD_BG),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_L),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_R),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    width, _ = table.wrap(avail, PAGE_H)
    if width > avail + 0.5:
        raise TableTooWide(f"表格宽 {width / mm:.1f} mm，超出版心 {avail / mm:.1f} mm")
    return table


def _box(block: Block, st: _Styles) -> Table:
    warn = block.label == "警告"
    border, tint = (WARN_BORDER, WARN_BG) if warn else (NOTE_BORDER, NOTE_BG)
    style = ParagraphStyle(f"h_box_{'w' if warn else 'n'}", parent=st.box)
    text = block.text
    m = _BOX.match(text)
    # Told apart in black and white too (issue 13): a warning has a ⚠ and a solid double frame, a note
    # a ☞ and a dashed frame; colour only adds to that.
    symbol = markup("⚠" if warn else "☞") + " "
    if m:  # the label in the box's colour, the rest as written
        label, rest = text[: m.end()], text[m.end():]
        content = f'{symbol}<font color="{border.hexval()}">{markup(label)}</font>{markup(rest)}'
    else:
        content = symbol + markup(text)
    box = Table([[Paragraph(content, style)]], colWidths=[TEXT_W], hAlign="LEFT")
    box.setStyle(
        TableStyle(
            [
                _font_cmd(),
                ("BOX", (0, 0), (-1, -1), 0.8, border, None, None, None, 2, 1.5) if warn
                else ("BOX", (0, 0), (-1, -1), 1.0, border, None, (3, 2)),
                ("LINEBEFORE", (0, 0), (0, -1), 4, border) if warn
                else ("LINEBEFORE", (0, 0), (0, -1), 2, border, None, (3, 2)),
                ("BACKGROUND", (0, 0), (-1, -1), tint),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return box


def chapter_story(chapter: Chapter, st: _Styles) -> list[Any]:
    anchor = f"ch{chapter.prefix}"
    story: list[Any] = [_Heading(chapter.heading, st.h1, 0, anchor, chapter.heading)]
    numbered = iter(_numbered(chapter))
    count = 0
    for block in chapter.blocks:
        if block.kind in ("h2", "h3"):
            level, text = next(numbered)
            count += 1
            story.append(
                _Heading(text, st.h2 if level == 1 else st.h3, level, f"{anchor}.{count}", chapter.heading)
            )
        elif block.kind == "para":
            story.append(Paragraph(markup(block.text), st.body))
        elif block.kind == "bullet":
            story.append(Paragraph(markup(block.text), st.bullet, bulletText="•"))
        elif block.kind == "ordered":
            story.append(Paragraph(markup(block.text), st.bullet, bulletText=block.label))
        elif block.kind == "table":
            table = _table(block.rows, st)
            if len(block.rows) <= KEEP_ROWS:
                # A short table is not split (no header and one row at the foot of a page), and the
                # paragraph introducing it (with its heading, which keeps with it) moves along.
                lead: list[Any] = []
                if story and type(story[-1]) is Paragraph:
                    lead.insert(0, story.pop())
                while story and isinstance(story[-1], _Heading) and story[-1].toc_level > 0:
                    lead.insert(0, story.pop())
                story += [KeepTogether([*lead, Spacer(1, 4), table]), Spacer(1, 8)]
            else:
                story += [Spacer(1, 4), table, Spacer(1, 8)]
        elif block.kind == "box":
            story += [Spacer(1, 4), _box(block, st), Spacer(1, 8)]
    return story


def _cover(settings: Settings, chapters: Sequence[Chapter], date: dt.date | None, st: _Styles,
           whole: bool) -> list[Any]:
    story: list[Any] = [Spacer(1, 55 * mm), Paragraph(markup(SERIES_TITLE), st.cover_title), Spacer(1, 6 * mm)]
    if whole:
        story.append(Paragraph(markup(SUBTITLE), st.cover_sub))
    else:
        for chapter in chapters:
            story.append(Paragraph(markup(chapter.heading), st.cover_sub))
        story.append(Paragraph(markup(SUBTITLE), st.cover_sub))
    story.append(Spacer(1, 80 * mm))
    story.append(Paragraph(markup(settings.company_name), st.cover_line))
    if date is not None:
        story.append(Paragraph(markup(format_date(date)), st.cover_line))
    return story


class _Doc(BaseDocTemplate):
    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.current_chapter = ""
        self.heading_pages: list[tuple[int, str, int]] = []  # (level, text, page) of the last pass

    def handle_documentBegin(self) -> None:  # noqa: N802 (ReportLab API)
        self.current_chapter = ""
        self.heading_pages = []
        super().handle_documentBegin()

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 (ReportLab API)
        if isinstance(flowable, _Heading):
            page = self.page
            self.current_chapter = flowable.chapter
            self.heading_pages.append((flowable.toc_level, flowable.toc_text, page))
            self.canv.bookmarkPage(flowable.toc_key)
            self.canv.addOutlineEntry(flowable.toc_text, flowable.toc_key, level=flowable.toc_level, closed=True)
            self.notify("TOCEntry", (flowable.toc_level, markup(flowable.toc_text), page, flowable.toc_key))


def _running_head(settings: Settings, font: str) -> Any:
    def draw(canv: Canvas, doc: _Doc) -> None:
        canv.saveState()
        canv.setFillColor(GREY)
        right_end = PAGE_W - MARGIN_X - QR_SIZE - 3 * mm  # the page's QR code stands right of the head
        draw_plain(canv, MARGIN_X, HEADER_Y, plain(settings.company_name), font, 8.5)
        right = plain(doc.current_chapter or SERIES_TITLE)
        draw_plain(canv, right_end, HEADER_Y, right, font, 8.5, align="right")
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, HEADER_Y - 4, right_end, HEADER_Y - 4)
        canv.restoreState()

    return draw


def _footer(font: str, stamp: PageStamp) -> Any:
    code = f"编号 {stamp.number} · 校验码 {stamp.check_code}"
    payload = stamp.payload()

    def draw(canv: Canvas, page: int, total: int) -> None:
        draw_footer(canv, font, y=FOOTER_Y, left=MARGIN_X, right=PAGE_W - MARGIN_X,
                    numbers=f"第 {page} 页 共 {total} 页", code=code)
        draw_page_qr(canv, payload, PAGE_W - MARGIN_X)

    return draw


def handouts_stamp(settings: Settings, chapters: Sequence[Chapter], date: dt.date | None = None) -> PageStamp:
    """The handouts' identity: a document number and check code from everything they print."""
    parts = [settings.company_name, date.isoformat() if date else ""]
    for c in chapters:
        parts.append(c.heading)
        parts += [b.text for b in c.blocks]
        parts += ["|".join(row) for rows in c.tables() for row in rows]
    return document_stamp("handouts", NUMBER_PREFIX, "\n".join(parts), SERIES_TITLE)


def render_handouts(
    settings: Settings,
    chapters: Sequence[Chapter],
    out: str | os.PathLike[str] | IO[bytes],
    date: dt.date | None = None,
) -> RenderReport:
    """Write the handouts of ``chapters`` (a selection, in the order given) to ``out``: cover with the
    company of ``settings`` and ``date``, table of contents, the chapters each from a new page."""
    if not chapters:
        raise ValueError("没有选择任何章节")
    st = _styles()
    font = st.font
    whole = len(chapters) > 1
    title = SERIES_TITLE if whole else f"{SERIES_TITLE}：{chapters[0].heading}"

    toc = TableOfContents(levelStyles=st.toc_levels, dotsMinLevel=0, rightColumnWidth=36,
                          tableStyle=TableStyle([_font_cmd(), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                                 ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story: list[Any] = _cover(settings, chapters, date, st, whole)
    story += [NextPageTemplate("body"), PageBreak(), Paragraph("目　录", st.toc_title), toc]
    for chapter in chapters:
        story.append(PageBreak())
        story += chapter_story(chapter, st)

    texts = [settings.company_name] + [b.text for c in chapters for b in c.blocks] + [
        cell for c in chapters for rows in c.tables() for row in rows for cell in row
    ]
    report = RenderReport(pages=0, missing_chars=frozenset(unprintable_chars("\n".join(texts))))
    target, options = document_options(
        out,
        settings,
        top=TOP,
        bottom=BOTTOM,
        font=font,
        size=BODY_SIZE,
        leading=BODY_LEADING,
        margin=MARGIN_X,
        title=title,
        subject=SUBTITLE,
        keywords=handouts_stamp(settings, chapters, date).keywords(),
    )
    doc = _Doc(target, **options)
    frame = Frame(MARGIN_X, BOTTOM, TEXT_W, TOP - BOTTOM, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="text")
    doc.addPageTemplates(
        [
            PageTemplate(id="cover", frames=[frame]),
            PageTemplate(id="body", frames=[frame], onPageEnd=_running_head(settings, font)),
        ]
    )
    stamp = handouts_stamp(settings, chapters, date)
    info = {**stamp.info(), "AsdDocument": DOC_HANDOUTS, "AsdDate": date.isoformat() if date else ""}
    doc.multiBuild(story, canvasmaker=numbered_canvas(_footer(font, stamp), info=info))
    report.pages = doc.page
    return report


def render_all_handouts(
    settings: Settings,
    out: str | os.PathLike[str] | IO[bytes],
    date: dt.date | None = None,
    folder: Path | None = None,
) -> RenderReport:
    """The combined handouts: every chapter of ``folder`` (default: the bundled source)."""
    return render_handouts(settings, load_chapters(folder), out, date)


# ---------------------------------------------------------------------------------------------
# The product appendix (built from the product register's records, passed in: no database here)

APPENDIX_TITLE = "在售产品登记信息"
APPENDIX_INTRO = (
    "本附录列出本公司在售的消杀产品，供培训和日常使用时查阅：登记证号（卫生杀虫剂、杀鼠剂为农药登记证号，"
    "消毒剂为卫生许可批件号或备案编号）、使用浓度和稀释倍数、使用方法及安全注意事项。"
)
APPENDIX_WARNING = "警告：本表摘自产品档案，仅供培训参考。每次使用前请阅读所用产品的标签和说明书，以标签为准。"
APPENDIX_ROWS = (
    ("有效成分及含量", ("active_ingredient", "content")),
    ("剂型", ("formulation",)),
    ("登记证号/批准文号", ("registration_no",)),
    ("生产企业", ("manufacturer",)),
    ("规格", ("pack_size",)),
    ("适用对象/场所", ("targets",)),
    ("使用浓度/稀释倍数", ("dilution",)),
    ("使用方法", ("methods",)),
    ("安全注意事项", ("safety_notes",)),
    ("贮存条件", ("storage_notes",)),
)
APPENDIX_CATEGORIES = ("消毒剂", "杀虫剂", "杀鼠剂", "驱避剂", "器械与耗材", "其他")


def _one_line(value: Any) -> str:
    return " ".join(str(value or "").split())


def product_appendix(products: Sequence[Any], letter: str = "A") -> Chapter | None:
    """附录A: one section per category, one subsection per product with a two-column table of its
    registration number, dilution, methods and safety notes.  ``products`` are the field values
    (mappings) of the product register's records on sale; ``None`` when there are none."""
    items = [p for p in products if _one_line(p.get("name"))]
    if not items:
        return None

    def order(p: Any) -> tuple[int, str]:
        cat = _one_line(p.get("category"))
        return (APPENDIX_CATEGORIES.index(cat) if cat in APPENDIX_CATEGORIES else len(APPENDIX_CATEGORIES),
                _one_line(p.get("name")))

    blocks = [Block("para", APPENDIX_INTRO), Block("box", APPENDIX_WARNING, label="警告")]
    category = None
    for p in sorted(items, key=order):
        cat = _one_line(p.get("category")) or "其他"
        if cat != category:
            category = cat
            blocks.append(Block("h2", cat))
        blocks.append(Block("h3", _one_line(p.get("name"))))
        rows = [["项目", "内容"]]
        for label, keys in APPENDIX_ROWS:
            text = " ".join(_one_line(p.get(k)) for k in keys if _one_line(p.get(k)))
            if text:
                rows.append([label, text])
        if len(rows) == 1:
            rows.append(["说明", "产品档案中尚未填写使用与安全信息"])
        blocks.append(Block("table", rows=rows))
    return Chapter(number=0, title=APPENDIX_TITLE, blocks=blocks, source="产品档案", appendix=letter)
