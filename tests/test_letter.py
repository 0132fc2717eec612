"""The 售后服务承诺书 (documents.letter): the source's text cleaned, the hours from the settings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pdf_samples import COMPANY, settings
from pypdf import PdfReader

from desktop.documents import fonts
from desktop.documents.letter import (
    CLOSING,
    OPENING,
    QUALITY_MEASURES,
    TITLE,
    chinese_number,
    clauses,
    letter_text,
    render_commitment_letter,
    response_times,
    shelf_life_text,
)
from desktop.domain.settings import Settings

RECIPIENT = "北京市朝阳区第三人民医院"
DATE = dt.date(2026, 3, 18)
CLAUSE_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"]


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def render(tmp_path: Path, s: Settings, recipient: str | None = RECIPIENT, date: dt.date | None = DATE,
           name: str = "letter.pdf") -> tuple[PdfReader, list[str], int]:
    path = tmp_path / name
    report = render_commitment_letter(s, path, recipient, date)
    reader = PdfReader(path)
    reader.raw_bytes = path.read_bytes()  # type: ignore[attr-defined]
    return reader, [squash(p.extract_text() or "") for p in reader.pages], report.pages


def body(texts: list[str], company: str = COMPANY) -> str:
    """The pages joined without their running heads and page numbers (a clause may cross pages)."""
    out = []
    for i, text in enumerate(texts, 1):
        text = text.replace(f"第{i}页共{len(texts)}页", "")
        text = re.sub(r"编号CN-[0-9A-F]{8}·校验码[0-9A-F]{4}-[0-9A-F]{4}$", "", text)  # the footer's code
        if i > 1:
            head = squash(company) + TITLE
            assert text.startswith(head)
            text = text[len(head):]
        out.append(text)
    return "".join(out)


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> tuple[PdfReader, list[str], int]:
    return render(tmp_path_factory.mktemp("letter"), settings())


def test_letterhead_title_recipient_and_opening(letter: tuple[PdfReader, list[str], int]) -> None:
    _, texts, pages = letter
    assert pages == len(texts) == 2
    first = texts[0]
    assert first.startswith(COMPANY)
    assert "地址：北京市大兴区康庄路8号" in first and "售后服务电话：400-800-1234" in first
    assert first.index(COMPANY) < first.index(TITLE) < first.index(f"致：{RECIPIENT}") < first.index(OPENING)
    assert COMPANY in texts[1] and TITLE in texts[1]  # the running head


def test_every_clause_in_order_and_cleaned(letter: tuple[PdfReader, list[str], int]) -> None:
    _, texts, _ = letter
    all_text = body(texts)
    positions = []
    for number, clause in zip(CLAUSE_NUMBERS, clauses(settings()), strict=True):
        text = squash(f"（{number}）{clause}")
        assert text in all_text, number
        positions.append(all_text.index(text))
    assert positions == sorted(positions)
    for law in ("产品质量法", "计量法", "标准化法", "消费者权益保护法"):
        assert f"《中华人民共和国{law}》" in all_text
    # The extraction's damage and the fertiliser template's wording are gone.
    for wrong in ("XX", "EI", "化肥", "(-)", "可溯性", "我厂"):
        assert wrong not in all_text, wrong
    assert "国家有关产品售后服务的规定" in all_text
    assert "自发货日起一年" in all_text


def test_response_table_and_quality_measures(letter: tuple[PdfReader, list[str], int]) -> None:
    _, texts, _ = letter
    all_text = body(texts)
    assert "售后服务响应时间表序号服务内容响应时间" in all_text
    for i, (what, when) in enumerate(response_times(settings()), 1):
        assert squash(f"{i}{what}{when}") in all_text
    assert "按照采购方要求48小时内配送货物到指定地点" in all_text
    assert "2小时内做出电话响应，48小时内协商处理" in all_text  # quality problems in use
    for i, text in enumerate(QUALITY_MEASURES, 1):
        assert squash(f"{i}．{text}") in all_text
    assert "其间产生的所有费用均由我单位承担" in all_text
    assert "只收取少量成本费用" in all_text


def test_signing_block_with_the_company_and_date(letter: tuple[PdfReader, list[str], int]) -> None:
    _, texts, _ = letter
    last = texts[-1]
    assert CLOSING in last
    assert f"承诺单位（签字盖章）：{COMPANY}" in last
    assert "法定代表人或授权代表（签字）：" in last
    assert "法定代表人或授权代表（签字）：____" in last  # a line to sign on
    assert re.search(r"日期：2026-03-18（盖章处）第2页共2页编号CN-[0-9A-F]{8}·校验码[0-9A-F]{4}-[0-9A-F]{4}$", last)
    for i, text in enumerate(texts, 1):
        assert f"第{i}页共{len(texts)}页" in text


def test_hours_and_shelf_life_come_from_the_settings(tmp_path: Path) -> None:
    s = settings(
        delivery_hours=72,
        shortage_phone_hours=3,
        shortage_handling_hours=30,
        rejected_phone_hours=4,
        rejected_handling_hours=36,
        quality_phone_hours=6,
        quality_handling_hours=96,
        objection_hours=12,
        shelf_life_months=18,
    )
    _, texts, _ = render(tmp_path, s)
    all_text = body(texts)
    assert "接到用户提出的异议后12小时内作出处理意见" in all_text  # clause (八)
    assert "保质期为自发货日起18个月" in all_text and "一年" not in all_text  # clause (七)
    for expected in (
        "1配送时间按照采购方要求72小时内配送货物到指定地点",
        "2产品验收数量不足3小时内做出电话响应，30小时内协商处理",
        "3产品验收不合格4小时内做出电话响应，36小时内协商处理",
        "4产品在使用过程中出现质量问题6小时内做出电话响应，96小时内协商处理",
        "5用户提出产品质量异议12小时内作出处理意见",
    ):
        assert expected in all_text
    assert "48小时" not in all_text and "24小时" not in all_text


def test_without_recipient_and_date(tmp_path: Path) -> None:
    _, texts, _ = render(tmp_path, settings(), recipient=None, date=None)
    all_text = "".join(texts)
    assert "致：________________________（采购单位）" in all_text  # an addressee line to fill by hand
    assert "日期：________年____月____日" in all_text


def test_user_text_is_escaped_and_fonts_embedded(tmp_path: Path) -> None:
    s = settings(company_name="华安<b>&消杀（2–8℃）", company_address='<img src="/etc/passwd"/>')
    reader, texts, _ = render(tmp_path, s, recipient="第3中学<font size=40>&")
    all_text = "".join(texts)
    assert texts[0].startswith("华安<b>&消杀（2–8℃）")  # letterhead
    assert "承诺单位（签字盖章）：华安<b>&消杀（2–8℃）" in all_text  # signing block
    assert "致：第3中学<fontsize=40>&" in all_text
    assert '地址：<imgsrc="/etc/passwd"/>' in all_text
    names = set()
    for page in reader.pages:
        for ref in (page["/Resources"].get_object().get("/Font") or {}).values():
            font = ref.get_object()
            assert font["/Subtype"] == "/TrueType"
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
            names.add(re.sub(r"^/[A-Z]{6}\+|-\d+$", "", str(font["/BaseFont"])))
    assert names == {fonts.FONT_NAME, fonts.FALLBACK_FONT_NAME}  # ℃ in DejaVu Sans
    assert b"Helvetica" not in reader.raw_bytes  # type: ignore[attr-defined]


def test_only_the_main_font_for_plain_chinese(letter: tuple[PdfReader, list[str], int]) -> None:
    reader, _, _ = letter
    for page in reader.pages:
        for ref in (page["/Resources"].get_object().get("/Font") or {}).values():
            assert fonts.FONT_NAME in str(ref.get_object()["/BaseFont"])


def test_letter_text_matches_the_pdf(letter: tuple[PdfReader, list[str], int]) -> None:
    _, texts, _ = letter
    all_text = body(texts)
    for line in letter_text(settings(), RECIPIENT, DATE).splitlines():
        assert squash(line) in all_text, line


def test_numbers_in_words() -> None:
    assert [chinese_number(i) for i in range(1, 12)] == CLAUSE_NUMBERS
    assert chinese_number(21) == "二十一"
    assert shelf_life_text(12) == "一年" and shelf_life_text(6) == "6个月" and shelf_life_text(24) == "24个月"
