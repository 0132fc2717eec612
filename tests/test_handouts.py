"""The training handouts (issue 5): source text in resources/handouts, rendered by documents.handouts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.documents.handouts import (
    TEXT_W,
    HandoutFormatError,
    TableTooWide,
    _styles,
    _table,
    column_widths,
    load_chapters,
    parse_chapter,
    render_all_handouts,
    render_handouts,
)
from desktop.domain.settings import Settings

DATE = dt.date(2026, 3, 9)
COMPANY = "测试消杀药剂有限公司"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def chapters():
    return load_chapters()


@pytest.fixture(scope="module")
def combined(tmp_path_factory, chapters):
    out = tmp_path_factory.mktemp("handouts") / "all.pdf"
    settings = Settings(company_name=COMPANY)
    report = render_all_handouts(settings, out, DATE)
    reader = PdfReader(out)
    assert report.pages == len(reader.pages)
    assert not report.missing_chars
    return reader


@pytest.fixture(scope="module")
def page_texts(combined):
    return [p.extract_text() for p in combined.pages]


def test_the_four_chapters_of_the_source(chapters):
    assert [c.heading for c in chapters] == [
        "一、除四害技术培训",
        "二、消杀药剂特性知识",
        "三、消杀药品使用规范",
        "四、消杀药品使用方法",
    ]
    for chapter in chapters:
        assert any(b.kind == "h2" for b in chapter.blocks), chapter.title
        assert any(b.kind == "box" for b in chapter.blocks), chapter.title


def test_cover_and_every_chapter_title_in_the_pdf(page_texts, chapters):
    cover = _squash(page_texts[0])
    assert "消杀药品使用知识培训" in cover
    assert COMPANY in cover
    assert "2026-03-09" in cover
    whole = _squash("".join(page_texts))
    for chapter in chapters:
        assert _squash(chapter.heading) in whole


def test_at_least_fifteen_pages(combined):
    assert len(combined.pages) >= 15


def _lines(page) -> list[str]:
    """The page's text as lines, fragments grouped by their baseline and ordered left to right
    (the dot leaders and page numbers of a TOC entry are drawn before its title)."""
    frags: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            x = tm[4] * cm[0] + cm[4]
            y = tm[5] * cm[3] + cm[5]
            frags.append((round(y), x, text))

    page.extract_text(visitor_text=visit)
    rows: dict[int, list[tuple[float, str]]] = {}
    for y, x, text in frags:
        rows.setdefault(y, []).append((x, text))
    return ["".join(t for _, t in sorted(row)) for _, row in sorted(rows.items(), reverse=True)]


def test_table_of_contents_page_numbers_match_the_headings(combined, page_texts, chapters):
    toc_pages = [i for i, text in enumerate(page_texts) if re.search(r"(\.\s+){5,}\d", text)]
    assert toc_pages and toc_pages[0] == 1  # right after the cover
    entries: list[tuple[str, int]] = []
    for i in toc_pages:
        for line in _lines(combined.pages[i]):
            m = re.match(r"^(.*?)\.{3,}(\d+)$", _squash(line))
            if m:
                entries.append((m.group(1), int(m.group(2))))
    expected = [_squash(text) for c in chapters for _, text in c.headings()]
    assert [title for title, _ in entries] == expected
    squashed = [_squash(t) for t in page_texts]
    first_body = entries[0][1]
    assert first_body == toc_pages[-1] + 2  # 1-based: the page after the last TOC page
    for title, page in entries:
        assert title in squashed[page - 1], (title, page)
        for earlier in range(first_body - 1, page - 1):
            assert title not in squashed[earlier], (title, page, earlier + 1)
    # Footers carry the same physical page numbers.
    total = len(page_texts)
    for n in (2, first_body, total):
        assert f"第{n}页共{total}页" in squashed[n - 1]


def test_every_table_fits_the_text_width(chapters):
    st = _styles()
    tables = [rows for c in chapters for rows in c.tables()]
    assert len(tables) >= 10
    for rows in tables:
        widths = column_widths(rows)
        assert sum(widths) == pytest.approx(TEXT_W)
        width, _ = _table(rows, st).wrap(TEXT_W, 10_000)
        assert width <= TEXT_W + 0.5


def test_a_table_that_cannot_fit_is_refused(tmp_path):
    words = " ".join(["Supercalifragilistic"] * 2)
    source = "# 太宽的表\n\n" + "| " + " | ".join([words] * 14) + " |\n|" + " --- |" * 14 + "\n| " + " | ".join(["x"] * 14) + " |\n"
    chapter = parse_chapter(source, 1)
    with pytest.raises(TableTooWide):
        render_handouts(Settings(company_name=COMPANY), [chapter], tmp_path / "wide.pdf", DATE)
    assert not (tmp_path / "wide.pdf").exists() or (tmp_path / "wide.pdf").stat().st_size == 0


def _number(cell: str) -> float:
    return float(re.match(r"\s*([0-9.]+)", cell).group(1))


def test_dilution_tables_are_right(chapters):
    """Recompute every available-chlorine table of chapter 4 from its own stock concentration."""
    methods = chapters[3]
    checked = 0
    heading = ""
    for block in methods.blocks:
        if block.kind in ("h2", "h3"):
            heading = block.text
        if block.kind != "table" or not block.rows[0][0].startswith("目标有效氯浓度（mg/L）"):
            continue
        header, rows = block.rows[0], block.rows[1:]
        stock = re.search(r"有效氯\s*([0-9.]+)%\s*原液", heading)
        if stock:  # volumes of stock and water per total volume
            c_stock = float(stock.group(1)) * 10_000  # 1 % = 10 000 mg/L
            for row in rows:
                c_target = _number(row[0])
                for col, name in enumerate(header):
                    m = re.match(r"配\s*(\d+)\s*L：(原液用量|加水量)（mL）", name)
                    if not m:
                        continue
                    total_ml = float(m.group(1)) * 1000
                    v_stock = c_target * total_ml / c_stock
                    want = v_stock if m.group(2) == "原液用量" else total_ml - v_stock
                    assert _number(row[col]) == pytest.approx(want), (row, name)
                    checked += 1
        else:  # tablets of 500 mg available chlorine each
            per_tablet = float(re.search(r"每片含有效氯\s*(\d+)\s*mg", "".join(
                b.text for b in methods.blocks if b.kind == "para")).group(1))
            for row in rows:
                c_target = _number(row[0])
                for col, name in enumerate(header):
                    m = re.match(r"配\s*(\d+)\s*L：片数", name)
                    if m:
                        assert _number(row[col]) == pytest.approx(c_target * float(m.group(1)) / per_tablet)
                        checked += 1
    assert checked >= 16 + 8
    # The worked example under the table says the same.
    text = "".join(b.text for b in methods.blocks)
    assert "500 × 10000 ÷ 50000 = 100 mL" in text


def test_dilution_ratio_table(chapters):
    for rows in chapters[3].tables():
        if rows[0][0] != "稀释倍数":
            continue
        for row in rows[1:]:
            ratio = _number(row[0])
            assert _number(row[1]) == pytest.approx(1000 / ratio)
            assert _number(row[2]) == pytest.approx(15000 / ratio)
        return
    pytest.fail("no dilution-ratio table")


def test_standards_named_are_the_known_ones(chapters):
    known = {"GB/T 27770-2011", "GB/T 27771-2011", "GB/T 27772-2011", "GB/T 27773-2011", "GB/T 23795-2009",
             "GB 27953-2020"}
    text = "\n".join(b.text for c in chapters for b in c.blocks) + "\n".join(
        cell for c in chapters for rows in c.tables() for row in rows for cell in row)
    named = set(re.findall(r"GB(?:/T)?\s*\d{4,5}-\d{4}", text))
    assert named and named <= known


def test_text_prints_literally(tmp_path):
    source = (
        "# 转义 <b>&\n\n"
        "## 小节 <i>\n\n"
        "正文 <b>& a<b 与 &amp; 照印。\n\n"
        "- 列表 <font size=40>大</font>\n\n"
        "| 列 <b> | & |\n| --- | --- |\n| <u>x</u> | a&b |\n\n"
        "> 警告：<b>& 不混用\n"
    )
    chapter = parse_chapter(source, 2)
    out = tmp_path / "escape.pdf"
    render_handouts(Settings(company_name="公司 <b>&"), [chapter], out, DATE)
    text = _squash("".join(p.extract_text() for p in PdfReader(out).pages))
    for literal in ("二、转义<b>&", "2.1小节<i>", "正文<b>&a<b与&amp;照印", "<fontsize=40>大</font>", "列<b>",
                    "<u>x</u>", "a&b", "警告：<b>&不混用", "公司<b>&"):
        assert literal in text, literal


def test_format_errors_name_the_line():
    with pytest.raises(HandoutFormatError, match="第 3 行"):
        parse_chapter("# 章\n\n| a | b |\n| c | d |\n", 1, "x.md")
    with pytest.raises(HandoutFormatError, match="章标题"):
        parse_chapter("正文\n", 1, "x.md")


def test_cli_writes_one_pdf_per_chapter_and_the_combined(tmp_path, capsys, chapters):
    out = tmp_path / "handouts"
    code = main(["--data-dir", str(tmp_path / "data"), "handouts", "-o", str(out)])
    assert code == 0
    files = sorted(out.glob("*.pdf"))
    assert len(files) == len(chapters) + 1
    assert not list(out.glob(".*"))  # no temporary files left
    printed = capsys.readouterr().out
    for path in files:
        assert path.name in printed
    single = PdfReader(out / f"03-{chapters[2].title}.pdf")
    text = _squash("".join(p.extract_text() for p in single.pages))
    assert "三、消杀药品使用规范" in text and "一、除四害技术培训" not in text
    assert "/AsdDocument" in {str(k) for k in single.trailer["/Info"]}
    code = main(["--data-dir", str(tmp_path / "data"), "verify", str(files[0])])
    assert code == 0
    assert "完好" in capsys.readouterr().out


def test_readme_is_not_a_chapter():
    folder = Path(__file__).resolve().parent.parent / "resources" / "handouts"
    assert (folder / "README.md").exists()
    assert all(c.source != "README.md" for c in load_chapters(folder))


# ---------------------------------------------------------------------------------------------
# The product appendix (附录A) and the chosen-chapters export (issue 5)


def product_raw(name: str, category: str, reg: str, dilution: str, safety: str, **more: str) -> dict[str, str]:
    return {"name": name, "category": category, "active_ingredient": more.pop("ingredient", "高效氯氰菊酯"),
            "content": "4.5%", "registration_no": reg, "unit": "瓶", "shelf_life_months": "12",
            "registered_date": "2026-01-05", "dilution": dilution, "safety_notes": safety, **more}


@pytest.fixture
def products(ctx):
    service = ctx.records
    a = service.create("product", product_raw("4.5% 高效氯氰菊酯悬浮剂", "杀虫剂", "WP20190123", "1:200 稀释后滞留喷洒",
                                              "对蜜蜂、鱼类高毒，远离水产养殖区；施药时戴丁腈手套和半面罩。",
                                              methods="按 1:200 兑水，均匀喷洒于墙面<至湿润不流淌>。")).record
    b = service.create("product", product_raw("84 消毒液（有效氯 5%）", "消毒剂", "卫消证字（2021）第 0012 号",
                                              "1:100（有效氯 500 mg/L）", "严禁与酸性清洁剂混用。",
                                              ingredient="次氯酸钠")).record
    c = service.create("product", product_raw("停售的老产品", "杀虫剂", "WP20000001", "1:50", "—")).record
    service.transition("product", c.id, "停售", {k: v for k, v in product_raw(
        "停售的老产品", "杀虫剂", "WP20000001", "1:50", "—").items()})
    return a, b, c


def test_product_appendix_lists_products_on_sale(ctx, products, tmp_path):
    from desktop.services.training_export import export_handouts_selection, on_sale_products, product_appendix

    appendix = product_appendix(on_sale_products(ctx.records))
    assert appendix is not None and appendix.heading == "附录A\u3000在售产品登记信息"
    headings = [text for _, text in appendix.headings()]
    # By category (消毒剂 before 杀虫剂), each product a subsection; the withdrawn one is left out.
    assert headings[1:] == ["A.1 消毒剂", "A.1.1 84 消毒液（有效氯 5%）", "A.2 杀虫剂", "A.2.1 4.5% 高效氯氰菊酯悬浮剂"]
    st = _styles()
    for rows in appendix.tables():
        assert sum(column_widths(rows)) == pytest.approx(TEXT_W)
        assert _table(rows, st).wrap(TEXT_W, 10_000)[0] <= TEXT_W + 0.5

    out = export_handouts_selection(ctx.records, [3], tmp_path / "sel.pdf", appendix=True)
    reader = PdfReader(out)
    texts = [_squash(p.extract_text()) for p in reader.pages]
    whole = "".join(texts)
    assert "三、消杀药品使用规范" in whole and "一、除四害技术培训" not in whole and "四、消杀药品使用方法" not in whole
    for text in ("附录A在售产品登记信息", "WP20190123", "1:200稀释后滞留喷洒", "对蜜蜂、鱼类高毒", "卫消证字（2021）第0012号",
                 "严禁与酸性清洁剂混用", "均匀喷洒于墙面<至湿润不流淌>"):
        assert text in whole, text
    assert "停售的老产品" not in whole
    # The table of contents still matches the pages, the appendix included.
    entries = []
    for i in (1, 2):
        for line in _lines(reader.pages[i]):
            m = re.match(r"^(.*?)\.{3,}(\d+)$", _squash(line))
            if m:
                entries.append((m.group(1), int(m.group(2))))
    assert entries[-1][0] == "A.2.14.5%高效氯氰菊酯悬浮剂"
    assert any(title == "附录A在售产品登记信息" for title, _ in entries)
    for title, page in entries:
        assert title in texts[page - 1], (title, page)


def test_no_appendix_without_products(ctx, tmp_path):
    from desktop.services.training_export import on_sale_products, product_appendix

    assert on_sale_products(ctx.records) == []
    assert product_appendix([]) is None


def test_cli_handouts_include_the_appendix_when_products_exist(ctx, data_dir, products, tmp_path, capsys, chapters):
    out = tmp_path / "handouts"
    assert main(["--data-dir", str(data_dir), "handouts", "-o", str(out)]) == 0
    files = sorted(p.name for p in out.glob("*.pdf"))
    assert len(files) == len(chapters) + 2
    assert "附录A-在售产品登记信息.pdf" in files
    combined = _squash("".join(p.extract_text() for p in PdfReader(out / files[0]).pages))
    assert files[0].startswith("00-") and "附录A在售产品登记信息" in combined and "WP20190123" in combined
