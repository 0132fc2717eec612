"""售后服务承诺书: the service commitment letter (PRODUCT.md §5, source 第三节).

Why it is built this way:

* **A letter, not a form.**  Letterhead on the first page (company name, address and telephone over
  a double rule), the title, "致：<recipient>", the source's opening and its eleven clauses set as
  indented paragraphs, the response-time table (source 第一节十) and the measures for quality problems
  (source 第三节一) as part of the commitment, then the signing block on the right with room for the
  company seal.  Later pages carry a small running head; every page "第 x 页 共 y 页".
* **The source's text, cleaned.**  The wording is the source's, with the extraction's damage repaired
  ("发货EI起" → "发货日起", laws in 《》, "三包" quoted, "可溯性" → "可追溯性", "我厂" → "我单位") and two
  references brought up to date: the source's "国家化肥工业产品售后服务有关规定" (copied from a
  fertiliser template) reads "国家有关产品售后服务的规定", and "质监部门" (merged into market
  regulation in 2018) reads "市场监督管理部门".
* **The "XX小时" are settings.**  The quality-objection hours of clause (八), the shelf life of clause
  (七) and every line of the response-time table come from :class:`Settings`; the text is built by
  :func:`letter_text`, so tests and the GUI can read it without a PDF.
* **Same fonts and text handling as the forms.**  The bundled WenQuanYi Micro Hei (DejaVu Sans for the
  symbols it lacks), embedded; the company name and recipient are user text, escaped
  (``documents.text.markup``); the canvas draws them run by run.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from ..domain.dates import format_date
from ..domain.settings import Settings
from .fonts import ensure_fonts, unprintable_chars
from .form_pdf import RenderReport, numbered_canvas
from .pdf_page import (
    CODE_SIZE,
    QR_ROOM,
    QR_SIZE,
    QR_TOP_GAP,
    document_options,
    draw_company,
    draw_footer,
    draw_page_qr,
)
from .stamp import DOC_LETTER, PageStamp, document_stamp
from .text import draw_plain, markup, plain

TITLE = "售后服务承诺书"

PAGE_W, PAGE_H = A4
MARGIN_X = 25 * mm
TEXT_W = PAGE_W - 2 * MARGIN_X
FIRST_TOP = PAGE_H - 42 * mm  # below the letterhead
LATER_TOP = PAGE_H - QR_TOP_GAP - QR_SIZE - 4 * mm  # below the running head and the page's QR code
BOTTOM = 22 * mm
FOOTER_Y = 12 * mm
NUMBER_PREFIX = "CN"  # 承诺书编号 CN-3F9A1C2B: the document number (documents.stamp.document_stamp)
SEAL_D = 42 * mm  # the reserved seal area: a company seal is a circle of about 42 mm
GREY = colors.HexColor("#444444")
TABLE_HEAD_BG = colors.HexColor("#E8ECF1")

BODY_SIZE = 12.0  # 小四
BODY_LEADING = 21.0
INDENT = 2 * BODY_SIZE  # two characters
SEAL_ROOM = 16 * mm  # above the signing block; the seal (about 42 mm) is pressed over its name and date
HAND_LINE = "_" * 28  # room to sign by hand

CHINESE_NUMERALS = "一二三四五六七八九十"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 21 → 二十一 (clause numbers)."""
    if not 1 <= n <= 99:
        return str(n)
    tens, ones = divmod(n, 10)
    out = ("" if tens == 1 else CHINESE_NUMERALS[tens - 1]) + "十" if tens else ""
    return out + (CHINESE_NUMERALS[ones - 1] if ones else "")


def shelf_life_text(months: int) -> str:
    """12 → "一年"; anything else "N个月"."""
    return "一年" if months == 12 else f"{months}个月"


OPENING = "为切实履行产品售后服务，提升产品质量水平，保障产品质量安全，我单位郑重承诺："

LAWS = (
    "中华人民共和国产品质量法",
    "中华人民共和国计量法",
    "中华人民共和国标准化法",
    "中华人民共和国消费者权益保护法",
)


def clauses(settings: Settings) -> list[str]:
    """The eleven clauses of the source's 承诺书, numbers not included, hours from ``settings``."""
    laws = "".join(f"《{law}》" for law in LAWS)
    shelf = shelf_life_text(settings.shelf_life_months)
    return [
        f"严格遵守{laws}等相关法律、法规的规定，牢固树立产品质量主体责任意识，自觉履行法定义务，"
        "对我单位生产的产品质量负责。",
        "依法取得相关产品生产经营资质。",
        "建立完善质量管理体系，不断提升质量管理水平和产品质量水平，保证产品质量符合国家有关产品标准，"
        "具备应当具备的使用性能，不存在危及人体健康、人身财产安全的不合理的危险。",
        "建立完善产品质量检测体系，提高产品质量检验检测能力，严格原料进厂查验制度和成品出厂检验制度，"
        "保证产品经检验合格后出厂。",
        "建立完善产品质量溯源制度，明确质量相关人员岗位责任，建立和保存产品生产记录和销售台账，"
        "保证产品质量问题的可追溯性。",
        "产品配发检验合格证书和使用说明书，以确保用户能正确使用我单位产品。",
        "我单位保证出厂的产品均按有关国家标准生产和检验，不合格的产品绝不出厂。保证严格履行、兑现产品"
        f"“三包”，严格执行国家有关产品售后服务的规定，本单位产品的保质期为自发货日起{shelf}。"
        "若买方能够证实产品本身确有材料或加工缺陷，并向本单位提出书面申请，本单位将有质量问题的产品"
        "免费召回、更换或按订货价全额退款。",
        f"用户对我单位产品提出质量异议，本单位保证在接到用户提出的异议后{settings.objection_hours}小时内"
        "作出处理意见。若需现场解决的，保证派出专业技术服务人员，并做到质量问题不解决、服务人员不撤离。"
        "对每件用户反馈的产品质量问题及处理结果，我单位将予以存档。",
        "建立完善质量诚信体系，加强自律，保证产品的标识内容全面、真实、可靠；保证不生产国家明令淘汰的"
        "产品，不伪造产品产地，不伪造或冒用厂名、厂址及质量标志，不掺杂掺假、以次充好、以假充真，"
        "不以不合格产品冒充合格产品，不短斤缺两。发现质量问题，及时报告，妥善处理。",
        "建立完善售后服务制度，接受消费者的产品质量查询，严格落实“三包”规定，妥善处理消费者的投诉和"
        "建议，依法履行赔偿义务。",
        "接受群众、媒体和市场监督管理部门的监督，积极配合市场监督管理部门依法进行的产品质量监督检查"
        "和日常监管。",
    ]


def response_times(settings: Settings) -> list[tuple[str, str]]:
    """The response-time table of the source (第一节十) and 承诺书 (八): (服务内容, 响应时间)."""
    s = settings

    def phone_then(phone: int, handling: int) -> str:
        return f"{phone}小时内做出电话响应，{handling}小时内协商处理"

    return [
        ("配送时间", f"按照采购方要求{s.delivery_hours}小时内配送货物到指定地点"),
        ("产品验收数量不足", phone_then(s.shortage_phone_hours, s.shortage_handling_hours)),
        ("产品验收不合格", phone_then(s.rejected_phone_hours, s.rejected_handling_hours)),
        ("产品在使用过程中出现质量问题", phone_then(s.quality_phone_hours, s.quality_handling_hours)),
        ("用户提出产品质量异议", f"{s.objection_hours}小时内作出处理意见"),
    ]


QUALITY_MEASURES = (
    "在使用方进行产品验收过程中，出现产品任何质量问题，我单位将无条件为使用方提供退换货服务，"
    "其间产生的所有费用均由我单位承担；",
    "在产品使用过程中，产品本身出现质量问题，经我单位售后服务人员确认符合免费退换货条件后，我单位将为"
    "客户提供退换货服务，并以最快速度为客户补齐所需产品，其间产生的所有费用均由我单位承担；",
    "若出现由于客户使用不当导致产品出现问题的情况，我单位人员将热情地为客户服务，并承诺只收取少量"
    "成本费用为客户提供退换货服务。",
)
"""The quality-problem measures of the source (第三节一)."""


def date_text(date: dt.date | None) -> str:
    """The signing date, "2026-03-18" (``domain.dates``), or a date to fill by hand."""
    if date is None:
        return "________年____月____日"
    return format_date(date)


RECIPIENT_BLANK = "________________________（采购单位）"


def letter_stamp(settings: Settings, recipient: str | None = None, date: dt.date | None = None) -> PageStamp:
    """The letter's identity: its document number and check code, from the text it prints (the same
    company, hours, recipient and date give the same number)."""
    return document_stamp("letter", NUMBER_PREFIX, letter_text(settings, recipient, date), TITLE)


def letter_text(settings: Settings, recipient: str | None = None, date: dt.date | None = None) -> str:
    """The whole letter as plain text (what the PDF prints, in order, without the letterhead)."""
    lines = [TITLE]
    lines.append(f"致：{recipient.strip()}" if recipient and recipient.strip() else f"致：{RECIPIENT_BLANK}")
    lines.append(OPENING)
    lines += [f"（{chinese_number(i)}）{text}" for i, text in enumerate(clauses(settings), 1)]
    lines.append(TABLE_INTRO)
    lines.append("售后服务响应时间表")
    lines.append("序号 服务内容 响应时间")
    lines += [f"{i} {what} {when}" for i, (what, when) in enumerate(response_times(settings), 1)]
    lines.append(MEASURES_INTRO)
    lines += [f"{i}．{text}" for i, text in enumerate(QUALITY_MEASURES, 1)]
    lines.append(CLOSING)
    lines.append(f"承诺单位（签字盖章）：{settings.company_name}")
    lines.append("法定代表人或授权代表（签字）：")
    lines.append(f"日期：{date_text(date)}")
    return "\n".join(lines)


TABLE_INTRO = "我单位售后服务响应时间如下表（自接到采购方通知时起计算）："
MEASURES_INTRO = "出现产品质量问题时，我单位采取以下解决措施："
CLOSING = "以上承诺，请采购方及社会各界监督。"


# ---------------------------------------------------------------------------------------------
# Typesetting


@dataclass(frozen=True)
class _Styles:
    font: str
    title: ParagraphStyle
    to: ParagraphStyle
    body: ParagraphStyle
    caption: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    head: ParagraphStyle
    sign: ParagraphStyle
    number: ParagraphStyle


def _styles() -> _Styles:
    font = ensure_fonts()

    def style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kw)

    return _Styles(
        font=font,
        title=style("l_title", 22, 30, alignment=TA_CENTER, spaceAfter=12),
        to=style("l_to", BODY_SIZE, BODY_LEADING, alignment=TA_LEFT, spaceAfter=4),
        body=style(
            "l_body", BODY_SIZE, BODY_LEADING, alignment=TA_JUSTIFY, firstLineIndent=INDENT, spaceAfter=2,
            allowWidows=0,
        ),
        caption=style(
            "l_caption", BODY_SIZE + 1, BODY_LEADING, alignment=TA_CENTER, spaceBefore=4, spaceAfter=6
        ),
        cell=style("l_cell", 10.5, 15, alignment=TA_LEFT),
        cell_center=style("l_cell_c", 10.5, 15, alignment=TA_CENTER),
        head=style("l_head", 10.5, 15, alignment=TA_CENTER),
        sign=style("l_sign", BODY_SIZE, BODY_LEADING + 4, alignment=TA_LEFT),
        number=style("l_number", 10.5, 15, alignment=TA_RIGHT, spaceAfter=4),
    )


class _SignBlock(Flowable):
    """The signing block, right of centre: company, the representative's signature on a line, the
    date (printed, or a line to fill by hand); a dashed circle reserves the seal's place over the
    company name and date, where a seal is pressed."""

    def __init__(self, lines: Sequence[str], st: ParagraphStyle, font: str) -> None:
        super().__init__()
        self.paras = [Paragraph(line, st) for line in lines]
        self.left = TEXT_W * 0.36
        self.font = font

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        w = availWidth - self.left
        self.height = max(sum(p.wrap(w, 1e9)[1] for p in self.paras), SEAL_D - 8 * mm)
        self.width = availWidth
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        y = self.height
        for p in self.paras:
            y -= p.height
            p.drawOn(canv, self.left, y)
        canv.saveState()
        canv.setStrokeColor(GREY)
        canv.setFillColor(GREY)
        canv.setLineWidth(0.6)
        canv.setDash(2, 2)
        cx, cy = self.width - SEAL_D / 2 - 2 * mm, self.height / 2
        canv.circle(cx, cy, SEAL_D / 2, stroke=1, fill=0)
        canv.setDash()
        draw_plain(canv, cx, cy - 3, "（盖章处）", self.font, CODE_SIZE, "center")
        canv.restoreState()


def _response_table(settings: Settings, st: _Styles) -> Table:
    rows: list[list[Any]] = [[Paragraph(t, st.head) for t in ("序号", "服务内容", "响应时间")]]
    for i, (what, when) in enumerate(response_times(settings), 1):
        number = Paragraph(str(i), st.cell_center)
        rows.append([number, Paragraph(markup(what), st.cell), Paragraph(markup(when), st.cell)])
    widths = [40.0, 170.0, TEXT_W - 40.0 - 170.0]
    assert sum(widths) <= TEXT_W + 0.01
    return Table(
        rows,
        colWidths=widths,
        hAlign="CENTER",
        repeatRows=1,
        style=[
            ("FONTNAME", (0, 0), (-1, -1), st.font),
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEAD_BG),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ],
    )


def build_story(
    settings: Settings, recipient: str | None = None, date: dt.date | None = None
) -> list[Flowable]:
    """The flowables of the letter (what :func:`render_commitment_letter` lays out)."""
    st = _styles()
    stamp = letter_stamp(settings, recipient, date)
    story: list[Flowable] = [NextPageTemplate("later"), Paragraph(markup(TITLE), st.title),
                             Paragraph(markup(f"编号：{stamp.number}"), st.number)]
    if recipient and recipient.strip():
        story.append(Paragraph("致：" + markup(" ".join(recipient.split())), st.to))
    else:  # an addressee line to fill by hand
        story.append(Paragraph("致：" + markup(RECIPIENT_BLANK), st.to))
    story.append(Paragraph(markup(OPENING), st.body))
    for i, text in enumerate(clauses(settings), 1):
        story.append(Paragraph(markup(f"（{chinese_number(i)}）{text}"), st.body))
    story.append(CondPageBreak(120))
    story.append(Paragraph(markup(TABLE_INTRO), st.body))
    story.append(Paragraph("售后服务响应时间表", st.caption))
    story.append(_response_table(settings, st))
    story.append(Spacer(1, 10))
    story.append(Paragraph(markup(MEASURES_INTRO), st.body))
    for i, text in enumerate(QUALITY_MEASURES, 1):
        story.append(Paragraph(markup(f"{i}．{text}"), st.body))
    company = markup(" ".join(settings.company_name.split()))
    sign = _SignBlock(
        [
            f"承诺单位（签字盖章）：{company}",
            "法定代表人或授权代表（签字）：",
            HAND_LINE,
            "日期：" + markup(date_text(date)),
        ],
        st.sign,
        st.font,
    )
    story.append(KeepTogether([Paragraph(markup(CLOSING), st.body), Spacer(1, SEAL_ROOM), sign]))
    return story


def _draw_letterhead(canv: Canvas, settings: Settings, font: str) -> None:
    canv.saveState()
    draw_company(canv, settings, font, name_y=PAGE_H - 22 * mm, name_size=20, name_min=10,
                 contact_y=PAGE_H - 28.5 * mm, contact_size=9, contact_min=6, width=TEXT_W - 2 * QR_ROOM,
                 phone_label="售后服务电话", grey=GREY)
    y = PAGE_H - 32 * mm
    canv.setLineWidth(2.0)
    canv.line(MARGIN_X, y, PAGE_W - MARGIN_X, y)
    canv.setLineWidth(0.6)
    canv.line(MARGIN_X, y - 3, PAGE_W - MARGIN_X, y - 3)
    canv.restoreState()


def _draw_running_head(canv: Canvas, settings: Settings, font: str) -> None:
    canv.saveState()
    canv.setFillColor(GREY)
    y = PAGE_H - 22 * mm
    draw_plain(canv, MARGIN_X, y, plain(settings.company_name) + "\u3000" + TITLE, font, 9)
    canv.setStrokeColor(GREY)
    canv.setLineWidth(0.5)
    canv.line(MARGIN_X, y - 4, PAGE_W - MARGIN_X - QR_SIZE - 3 * mm, y - 4)
    canv.restoreState()


def _footer(font: str, stamp: PageStamp) -> Any:
    code = f"编号 {stamp.number} · 校验码 {stamp.check_code}"
    payload = stamp.payload()

    def draw(canv: Canvas, page: int, total: int) -> None:
        draw_footer(canv, font, y=FOOTER_Y, left=MARGIN_X, right=PAGE_W - MARGIN_X,
                    numbers=f"第 {page} 页 共 {total} 页", code=code)
        draw_page_qr(canv, payload, PAGE_W - MARGIN_X)

    return draw


def render_commitment_letter(
    settings: Settings,
    out: str | os.PathLike[str] | IO[bytes],
    recipient: str | None = None,
    date: dt.date | None = None,
) -> RenderReport:
    """Write the 售后服务承诺书 of ``settings``' company to ``out`` (a path or binary file).

    ``recipient`` (the purchasing unit) prints as "致：…"; ``date`` is the signing date, a blank
    "年 月 日" to write by hand when ``None``."""
    font = ensure_fonts()
    story = build_story(settings, recipient, date)
    report = RenderReport(
        pages=0,
        missing_chars=frozenset(
            unprintable_chars(
                "\n".join(
                    (settings.company_name, settings.company_address, settings.company_phone, recipient or "")
                )
            )
        ),
    )
    target, options = document_options(
        out,
        settings,
        top=FIRST_TOP,
        bottom=BOTTOM,
        font=font,
        size=BODY_SIZE,
        leading=BODY_LEADING,
        margin=MARGIN_X,
        title=TITLE,
        subject=f"{TITLE}（致：{recipient}）" if recipient else TITLE,
        keywords=letter_stamp(settings, recipient, date).keywords(),
    )
    doc = BaseDocTemplate(target, **options)

    def frame(top: float, name: str) -> Frame:
        return Frame(MARGIN_X, BOTTOM, TEXT_W, top - BOTTOM, leftPadding=0, rightPadding=0, topPadding=0,
                     bottomPadding=0, id=name)

    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[frame(FIRST_TOP, "first")],
                         onPage=lambda c, _d: _draw_letterhead(c, settings, font)),
            PageTemplate(id="later", frames=[frame(LATER_TOP, "later")],
                         onPage=lambda c, _d: _draw_running_head(c, settings, font)),
        ]
    )
    # Not a record: its stamp names the document number and the hash of its text; the metadata says
    # what it is for ``verify`` (the export signs it).
    stamp = letter_stamp(settings, recipient, date)
    info = {**stamp.info(), "AsdDocument": DOC_LETTER, "AsdRecipient": recipient or "",
            "AsdDate": date.isoformat() if date else ""}
    doc.build(story, canvasmaker=numbered_canvas(_footer(font, stamp), info=info))
    report.pages = doc.page
    return report
