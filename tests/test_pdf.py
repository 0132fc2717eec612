"""The PDF document layer: a complaint rendered from its form specification, read back with pypdf.

Everything is built in memory (record, photo as a PNG made with zlib/struct) and only the bundled
fonts are used, so these tests do not depend on the fonts installed on the machine.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import io
import re
import struct
import threading
import zlib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from desktop.documents import fonts, form_pdf, text
from desktop.documents.form_pdf import RenderReport, render_record
from desktop.domain.complaint import SPEC
from desktop.domain.fields import (
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
)
from desktop.domain.records import Event, Record
from desktop.domain.settings import Settings

NUMBER = "TS-2026-A3-0007"
COMPANY = "华安消杀药品有限公司"
USER_MARKUP = "<b>&"
REASON_END = "【投诉原因结束ZZ-END-9876】"
# Symbols WenQuanYi Micro Hei maps to blank glyphs (℃ Ⅴ ǚ) or lacks (☑ ✗), printed with DejaVu Sans;
# Ⅱ and ✓ it draws itself.
SYMBOLS = "储存温度2–30℃（≤86℉），Ⅱ类、Ⅴ类，女（nǚ）绿（lǜ），☑已核对☐未核对✓✗"
NO_FONT = "\U0001f9a0\U0001fae0"  # 🦠 🫠: no bundled font has them (𪛖, Extension B, now prints: issue 13)


# ------------------------------------------------------------------------------------------
# Helpers


def tiny_png(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    """A valid RGB PNG made by hand (no imaging library)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


PNG = tiny_png()
PNG_SHA = "a" * 64
BROKEN_SHA = "b" * 64
PHOTOS = {PNG_SHA: PNG, BROKEN_SHA: b"\xff\xd8\xff this is not a picture"}


def settings() -> Settings:
    return Settings(
        company_name=COMPANY,
        company_address="北京市大兴区康庄路 8 号",
        company_phone="400-800-1234",
        laptop_code="A3",
        staff_name="王晓明",
    )


def field_values(reason: str) -> dict[str, Any]:
    """A value for every field of the complaint sheet (digits included)."""
    return {
        "received_date": dt.date(2026, 3, 15),
        "channel": "电话",
        "receiver": "王晓明",
        "severity": "严重投诉",
        "category": "使用中质量问题",
        "complainant_unit": "朝阳区第3人民医院后勤处",
        "complainant_name": "李红",
        "complainant_phone": "010-65432198",
        "complainant_address": "北京市朝阳区安贞路28号院3号楼205室",
        "reason": reason,
        "investigator": "赵强",
        "investigation_date": dt.date(2026, 3, 17),
        "findings": "抽取同批次未开封产品2桶送检，库房温度31度。",
        "investigation_opinion": "初步判断为储存温度过高导致有效氯分解。",
        "quality_determination": "难以界定（退回公司质量部门鉴定）",
        "determined_by": "孙丽",
        "determined_role": "品质部",
        "determined_date": dt.date(2026, 3, 20),
        "resolution": "免费更换",
        "cost_bearer": "双方协商分担",
        "cost_amount": Decimal("125.50"),
        "company_pays_shipping": True,
        "improvement_measures": "1. 标签加注避免高温存放；\n2. 培训客户库管人员共4人。",
        "mgmt_rep_name": "周建国",
        "mgmt_rep_decision": "同意",
        "mgmt_rep_date": dt.date(2026, 3, 21),
        "gm_name": "陈志远",
        "gm_decision": "修改后同意",
        "gm_date": dt.date(2026, 3, 22),
        "approval_comment": f"同意换货，运费由公司承担（用户输入：{USER_MARKUP}）。",
        "feedback_date": dt.date(2026, 3, 23),
        "appeal_notice_given": False,
        "feedback_content": "已电话告知处理结果，第2天发货。",
        "complainant_opinion": "满意，评分5分。",
        "revisit_date": dt.date(2026, 4, 10),
        "closed_date": dt.date(2026, 4, 12),
        "revisit_result": "换货后使用正常，浓度达到500mg/L。",
        "reopen_reason": "客户再次来电：更换后的第二批仍有沉淀，重新打开处理。",
        "void_reason": "与 TS-2026-A3-0006 重复登记。",
    }


ITEMS = [
    {
        "product_name": "84消毒液5L",
        "packaging": "桶装",
        "quantity": Decimal("20"),
        "unit": "桶",
        "batch_no": "20260105-A3",
        "purchase_place": "北京仓",
        "use_date": dt.date(2026, 3, 8),
        "expiry_date": dt.date(2027, 1, 4),
    },
    {
        "product_name": "杀虫气雾剂600ml",
        "packaging": "罐装",
        "quantity": Decimal("2.5"),
        "unit": "箱",
        "batch_no": "QW2512-07",
        "purchase_place": "线上商城",
        "use_date": dt.date(2026, 3, 10),
        "expiry_date": dt.date(2026, 3, 1),
    },
    {
        "product_name": "灭鼠毒饵",
        "packaging": "袋装",
        "quantity": Decimal("12"),
        "unit": "袋",
        "batch_no": "MS-251130",
        "purchase_place": "天津分公司",
        "use_date": dt.date(2026, 3, 12),
        "expiry_date": dt.date(2026, 12, 29),
    },
]


def make_record(reason: str | None = None, photos: list[Photo] | None = None, **overrides: Any) -> Record:
    """A complete complaint: every field, three product lines, one photo, history."""
    if reason is None:
        reason = (
            f"1月10日购买20桶，阴凉处储存，按1:100稀释使用，第3天浓度不足200mg/L。{USER_MARKUP}\n请尽快处理！"
        )
    fields = field_values(reason) | overrides
    if photos is None:
        photos = [Photo(PNG_SHA, "strip-001.png", "有效氯试纸检测结果", "image/png")]
    now = dt.datetime(2026, 3, 15, 9, 30, tzinfo=dt.timezone.utc)
    return Record(
        kind="complaint",
        id="9b0c3f0e-1111-4222-8333-444455556666",
        number=NUMBER,
        status="已关闭",
        values=RecordValues(
            fields=fields, tables={"items": [dict(r) for r in ITEMS]}, photos={"photos": photos}
        ),
        created_at=now,
        updated_at=now,
        events=[
            Event(now, None, "已登记", "王晓明", "电话登记"),
            Event(now + dt.timedelta(days=28), "已回访", "已关闭", "王晓明", ""),
        ],
    )


def render(
    tmp_path: Path, record: Record, spec: FormSpec = SPEC, name: str = "out.pdf"
) -> tuple[PdfReader, RenderReport]:
    path = tmp_path / name
    report = render_record(spec, record, settings(), PHOTOS.__getitem__, path)
    reader = PdfReader(path)
    reader.raw_bytes = path.read_bytes()  # type: ignore[attr-defined]
    return reader, report


def squash(s: str) -> str:
    """Remove all whitespace: extracted Chinese text has line breaks in the middle of values."""
    return re.sub(r"\s+", "", s)


def page_texts(reader: PdfReader) -> list[str]:
    return [squash(p.extract_text() or "") for p in reader.pages]


def fonts_of(reader: PdfReader) -> list[Any]:
    out = []
    for page in reader.pages:
        res = page.get("/Resources")
        res = res.get_object() if res is not None else {}
        for ref in (res.get("/Font") or {}).values():
            out.append(ref.get_object())
    return out


def expected_text(f: Field, value: Any) -> str:
    if f.type is FieldType.BOOL:
        tick = form_pdf._TickBoxes(value, form_pdf._styles().value).tick
        return f"{tick}是" if value else f"是{tick}否"
    return format_value(f, value)


# ------------------------------------------------------------------------------------------
# The complete complaint


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> tuple[PdfReader, RenderReport, str, Record]:
    record = make_record()
    reader, report = render(tmp_path_factory.mktemp("pdf"), record)
    return reader, report, "".join(page_texts(reader)), record


def test_every_field_value_is_printed(full: tuple[PdfReader, RenderReport, str, Record]) -> None:
    _, _, all_text, record = full
    missing = []
    for f in SPEC.fields():
        value = record.get(f.key)
        assert value not in (None, ""), f"test record leaves {f.key} empty"
        if squash(expected_text(f, value)) not in all_text:
            missing.append((f.key, expected_text(f, value)))
    assert not missing


def test_item_lines_are_printed_with_header(full: tuple[PdfReader, RenderReport, str, Record]) -> None:
    _, _, all_text, _ = full
    table = SPEC.tables()[0]
    assert squash("序号" + "".join(c.label for c in table.columns)) in all_text
    for row in ITEMS:
        line = "".join(format_value(c, row[c.key]) for c in table.columns)
        assert squash(line) in all_text, line


def test_letterhead_number_and_page_numbers_on_every_page(
    full: tuple[PdfReader, RenderReport, str, Record],
) -> None:
    reader, report, _, _ = full
    texts = page_texts(reader)
    n = len(texts)
    assert report.pages == n >= 2
    for i, t in enumerate(texts, 1):
        assert COMPANY in t
        assert squash(SPEC.title) in t
        assert f"{SPEC.number_label}：{NUMBER}" in t
        assert "状态：已关闭" in t
        assert f"第{i}页共{n}页" in t
    assert "第1页共" in texts[0]


def test_user_markup_is_printed_literally(full: tuple[PdfReader, RenderReport, str, Record]) -> None:
    _, _, all_text, _ = full
    assert USER_MARKUP in all_text
    assert f"（用户输入：{USER_MARKUP}）" in all_text


def test_signature_blocks(full: tuple[PdfReader, RenderReport, str, Record]) -> None:
    _, _, all_text, record = full
    for block in SPEC.signatures:
        assert f"{block.label}（签字）：" in all_text
        if block.name_field:
            assert f"姓名：{record.get(block.name_field)}" in all_text
        if block.date_field:
            d = record.get(block.date_field)
            assert f"日期：{d.isoformat()}" in all_text
    assert "日期：________年____月____日" in all_text  # the complainant's block has no date field


def embedded_font_names(reader: PdfReader) -> set[str]:
    """The fonts the pages use, each checked to be an embedded TrueType subset; none is Helvetica."""
    names = set()
    for font in fonts_of(reader):
        base = str(font["/BaseFont"])
        m = re.fullmatch(r"/[A-Z]{6}\+(\w+?)(-\d+)?", base)
        assert m, f"{base} is not a subset"
        assert font["/Subtype"] == "/TrueType"
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{base} is not embedded"
        names.add(m.group(1))
    raw = reader.raw_bytes  # type: ignore[attr-defined]
    assert b"Helvetica" not in raw and b"/Type1" not in raw
    return names


def test_only_the_embedded_font_is_referenced(full: tuple[PdfReader, RenderReport, str, Record]) -> None:
    reader, _, _, _ = full
    assert embedded_font_names(reader) == {fonts.FONT_NAME}  # DejaVu Sans only when a symbol needs it


def test_photo_page_has_the_image(full: tuple[PdfReader, RenderReport, str, Record]) -> None:
    reader, report, _, _ = full
    texts = page_texts(reader)
    pages_with_images = []
    for i, page in enumerate(reader.pages):
        xobjects = page["/Resources"].get_object().get("/XObject") or {}
        if any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values()):
            pages_with_images.append(i)
    assert pages_with_images
    i = pages_with_images[0]
    assert i >= 1  # a following page, after the form
    assert "附页：质量问题照片（共1张）" in texts[i]
    assert "图1有效氯试纸检测结果（strip-001.png）" in texts[i]
    assert "共1张，见附页“质量问题照片”" in "".join(texts)
    assert report.photo_problems == []


def test_metadata(full: tuple[PdfReader, RenderReport, str, Record]) -> None:
    reader, _, _, _ = full
    meta = reader.metadata
    assert meta is not None
    assert meta.author == COMPANY
    assert meta.subject == NUMBER
    assert SPEC.title in (meta.title or "")


# ------------------------------------------------------------------------------------------
# Long text


def test_long_reason_flows_onto_further_pages_intact(tmp_path: Path) -> None:
    units = "".join(
        f"　　第{i:03d}段：使用过程中发现溶液颜色变浅，有效氯浓度不足（试纸检测），怀疑产品质量问题！\n"
        for i in range(200)
    )
    reason = units[: 5000 - len(REASON_END)] + REASON_END
    assert len(reason) == 5000
    reader, report = render(tmp_path, make_record(reason=reason, photos=[]))
    texts = page_texts(reader)
    assert len(texts) >= 2
    all_text = "".join(texts)
    assert squash(reason[-20:]) in all_text
    assert all_text.count(squash(REASON_END)) == 1
    # Every paragraph is on paper once and in order: no line lost or repeated where rows or pages meet.
    printed = re.findall(r"第(\d{3})段", all_text)
    expected = re.findall(r"第(\d{3})段", reason)
    assert printed == expected
    # A page break falls inside the reason: the continuation is labelled.
    label = SPEC.label_of("reason")
    assert f"{label}（续）" in all_text
    assert "投诉原因详情（续）" in all_text
    assert report.pages == len(texts)


# ------------------------------------------------------------------------------------------
# Robustness


def test_near_empty_record_prints_a_blank_form(tmp_path: Path) -> None:
    now = dt.datetime(2026, 3, 15, tzinfo=dt.timezone.utc)
    record = Record("complaint", "x", "TS-2026-A3-0008", "已登记", RecordValues(), now, now)
    reader, report = render(tmp_path, record)
    all_text = "".join(page_texts(reader))
    # A band printed only when filled (重新打开与作废) is not on a blank form; every other label is.
    optional = {el.key for sec in SPEC.sections if sec.printed_when_filled for el in sec.elements}
    for f in SPEC.fields():
        assert (squash(f.label) in all_text) == (f.key not in optional), f.key
    for block in SPEC.signatures:
        assert f"{block.label}（签字）" in all_text
    assert "附页" not in all_text
    assert report.pages == len(reader.pages)


def test_unreadable_photo_is_a_note_not_a_crash(tmp_path: Path) -> None:
    photos = [Photo(BROKEN_SHA, "broken.jpg", "坏图"), Photo("c" * 64, "gone.jpg", "文件不见了")]
    reader, report = render(tmp_path, make_record(photos=photos))
    all_text = "".join(page_texts(reader))
    assert "图片无法读取，未能打印：broken.jpg" in all_text
    assert "图片无法读取，未能打印：gone.jpg" in all_text  # the reader raised KeyError
    assert report.photo_problems == ["broken.jpg", "gone.jpg"]


def test_symbols_the_main_font_lacks_print_as_typed_in_dejavu_sans(tmp_path: Path) -> None:
    company = "华安消杀（2–8℃冷链）"
    record = make_record(findings=f"{SYMBOLS}，客户留言{NO_FONT[0]}😀完毕{NO_FONT[1]}<b>&")
    record.values.tables["items"][0]["product_name"] = "84消毒液Ⅴ型"
    path = tmp_path / "symbols.pdf"
    letterhead = dataclasses.replace(settings(), company_name=company)
    report = render_record(SPEC, record, letterhead, PHOTOS.__getitem__, path)
    reader = PdfReader(path)
    reader.raw_bytes = path.read_bytes()  # type: ignore[attr-defined]
    texts = page_texts(reader)
    all_text = "".join(texts)
    # Printed as typed (the text layer says so); only characters no bundled font has become □.
    assert f"{SYMBOLS}，客户留言□□完毕□<b>&" in all_text
    assert "84消毒液Ⅴ型" in all_text
    assert squash(company) in texts[0] and squash(company) in texts[-1]  # the letterhead, on every page
    assert report.missing_chars == frozenset({*NO_FONT, "😀"})
    assert embedded_font_names(reader) == {fonts.FONT_NAME, fonts.FALLBACK_FONT_NAME}


def test_writes_to_a_binary_file(tmp_path: Path) -> None:
    buf = io.BytesIO()
    report = render_record(SPEC, make_record(photos=[]), settings(), PHOTOS.__getitem__, buf)
    assert buf.getvalue().startswith(b"%PDF-")
    assert len(PdfReader(io.BytesIO(buf.getvalue())).pages) == report.pages


def test_renderer_is_driven_by_any_form_spec(tmp_path: Path) -> None:
    spec = FormSpec(
        kind="visit",
        table="visit",
        title="售后服务报告单",
        number_prefix="FW",
        number_label="单号",
        date_field="visit_date",
        sections=(
            Section(
                "lines",
                "检查的产品",
                (
                    ItemTable(
                        "lines",
                        "产品",
                        (
                            Field("name", "产品名称"),
                            Field("count", "数量", FieldType.INTEGER),
                            Field("ok", "合格", FieldType.BOOL),
                        ),
                    ),
                ),
            ),
            Section(
                "main",
                "服务情况",
                (
                    Field("visit_date", "日期", FieldType.DATE),
                    Field("staff", "服务人员"),
                    Field("hours", "用时（小时）", FieldType.DECIMAL),
                    Field("customer", "客户单位", span=2),
                    Field("usage", "使用情况", FieldType.LONGTEXT, span=3),
                    PhotoList("pics", "现场照片"),
                ),
                columns=3,
            ),
        ),
        signatures=(
            SignatureBlock("customer", "客户（签字）"),
            SignatureBlock("staff", "服务人员", "staff", "visit_date"),
        ),
    )
    now = dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc)
    record = Record(
        "visit",
        "y",
        "FW-2026-A3-0001",
        "",
        RecordValues(
            fields={
                "visit_date": dt.date(2026, 5, 1),
                "staff": "王晓明",
                "hours": Decimal("1.5"),
                "customer": "第5中学",
                "usage": "按1:200稀释喷洒。",
            },
            tables={"lines": [{"name": "消毒片", "count": 30, "ok": True}]},
            photos={"pics": [Photo(PNG_SHA, "p1.png")]},
        ),
        now,
        now,
    )
    reader, report = render(tmp_path, record, spec)
    all_text = "".join(page_texts(reader))
    for value in (
        "售后服务报告单",
        "单号：FW-2026-A3-0001",
        "2026-05-01",
        "王晓明",
        "1.5",
        "第5中学",
        "按1:200稀释喷洒。",
    ):
        assert value in all_text, value
    assert "消毒片30" in all_text
    assert "客户（签字）：" in all_text and "服务人员（签字）：" in all_text
    assert "日期：2026-05-01" in all_text
    assert "附页：现场照片（共1张）" in all_text
    assert report.pages == len(reader.pages)


# ------------------------------------------------------------------------------------------
# Fonts and text


def test_fonts_register_once_from_many_threads() -> None:
    names: list[str] = []
    threads = [threading.Thread(target=lambda: names.append(fonts.ensure_fonts())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert names == [fonts.FONT_NAME] * 8
    from reportlab.lib.fonts import tt2ps

    assert tt2ps(fonts.FONT_NAME, 1, 0) == fonts.FONT_NAME  # <b> maps to the same face


def test_printable_replacements() -> None:
    box = fonts.fallback_char()
    assert box == "□"
    assert fonts.printable("普通文字 abc 123") == "普通文字 abc 123"
    assert fonts.printable(SYMBOLS) == SYMBOLS  # DejaVu Sans draws what WenQuanYi cannot
    assert fonts.printable("a😀b\U0002a6d6") == f"a{box}b\U0002a6d6"  # an emoji is □; 𪛖 (Extension B) prints
    assert fonts.printable("\U0001d400\U0001d7cf") == "A1"  # mathematical letters: their plain form
    assert fonts.printable("a\u200db\ufe0fc") == "abc"  # joiners and variation selectors are dropped
    assert fonts.printable("a\tb\r\nc") == "a    b\nc"
    assert fonts.unprintable_chars("31℃😀") == {"😀"}
    assert fonts.missing_chars("31℃\n") == set()


def test_each_character_has_its_font() -> None:
    for ch in "消A1。“□✓Ⅱ\xa0\u3000":
        assert fonts.font_for(ch) == fonts.FONT_NAME, ch
    for ch in "℃℉ⅤⅩǎǚǜ☑☐✗":  # blank in WenQuanYi (℃ … ǜ) or not in it at all (☑ ☐ ✗)
        assert not fonts.has_glyph(ch) and fonts.font_for(ch) == fonts.FALLBACK_FONT_NAME, ch
    assert fonts.font_for("😀") is None and fonts.font_for("\U0002a6d6") in fonts.RARE_FONT_NAMES
    main, dejavu = fonts.FONT_NAME, fonts.FALLBACK_FONT_NAME
    assert fonts.runs("") == []
    assert fonts.runs("储存温度2–30℃，☑ok") == [
        (main, "储存温度2–30"), (dejavu, "℃"), (main, "，"), (dejavu, "☑"), (main, "ok")
    ]
    assert fonts.runs("ǚ℃") == [(dejavu, "ǚ℃")]


def test_text_the_main_font_covers_takes_the_fast_path() -> None:
    long_text = "1月10日购买20桶，阴凉处储存，按1:100稀释使用。<b>&\n" * 500
    assert fonts.printable(long_text) is long_text
    ((name, chunk),) = fonts.runs(long_text)
    assert name == fonts.FONT_NAME and chunk is long_text
    assert "<font" not in text.markup(long_text)


def test_markup_escapes_user_text() -> None:
    assert text.markup("<b>&</b>\n第二行") == "&lt;b&gt;&amp;&lt;/b&gt;<br/>第二行"
    assert text.markup('<img src="/etc/passwd"/>') == '&lt;img src="/etc/passwd"/&gt;'
    style = ParagraphStyle("t", fontName=fonts.ensure_fonts(), fontSize=10, leading=14, wordWrap="CJK")
    Paragraph(text.markup("a<b & c<font size=40>"), style).wrap(200, 100)  # would raise unescaped
    # Symbols in their own font; what the user typed around them is still escaped.
    dejavu = f'<font name="{fonts.FALLBACK_FONT_NAME}">'
    assert text.markup("<b>&℃☑</b>\n31℃") == (
        f"&lt;b&gt;&amp;{dejavu}℃☑</font>&lt;/b&gt;<br/>31{dejavu}℃</font>"
    )
    para = Paragraph(text.markup('a<b & ℃<font name="Helvetica">ǚ'), style)
    para.wrap(200, 100)
    assert {f.fontName for f in para.frags} == {fonts.FONT_NAME, fonts.FALLBACK_FONT_NAME}
    assert "".join(f.text for f in para.frags) == 'a<b & ℃<font name="Helvetica">ǚ'


FORBIDDEN_STARTS = "，。、：；！？）」』】》”’"


def _wrapped_lines(s: str, width: float) -> list[str]:
    style = ParagraphStyle("t", fontName=fonts.ensure_fonts(), fontSize=9.5, leading=13.5, wordWrap="CJK")
    p = Paragraph(text.markup(s), style)
    p.wrap(width, 1e9)
    out = []
    for line in p.blPara.lines:
        if hasattr(line, "words"):
            out.append("".join(getattr(w, "text", "") for w in line.words))
        else:
            out.append("".join(line[1]))
    return out


@pytest.mark.parametrize("with_break", [False, True])
@pytest.mark.parametrize("with_symbols", [False, True])
def test_no_wrapped_line_starts_with_closing_punctuation(with_break: bool, with_symbols: bool) -> None:
    sample = (
        "存放于库房（阴凉、避光），按说明书稀释。他说：“不行。”然后走了！）使用第三天，发现浓度不足；" * 4
    )
    if with_symbols:  # runs in DejaVu Sans make a paragraph of several fragments
        for word, marked in (("库房", "库房（≤30℃）"), ("第三天", "第Ⅴ天☑"), ("他说", "女（nǚ）说")):
            sample = sample.replace(word, marked)
    if with_break:
        sample += "\n另：同批次（2罐）。"
    bad = []
    for width in range(120, 420, 3):
        lines = _wrapped_lines(sample, width)
        assert squash("".join(lines)) == squash(sample.replace("\n", ""))
        bad += [(width, line) for line in lines[1:] if line and line[0] in FORBIDDEN_STARTS]
    assert not bad
    assert all(ch in text.textsplit.ALL_CANNOT_START for ch in "，：；！？")


def test_documents_package_imports_neither_qt_nor_sqlalchemy() -> None:
    package = Path(form_pdf.__file__).parent
    for path in package.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("PySide6", "shiboken6", "sqlalchemy")), (
                    f"{path.name} imports {name}"
                )
