"""Every form rendered from its specification, filled and blank, read back with pypdf.

The records are built in memory (``pdf_samples``); only the bundled fonts are used.  Besides the text
layer, the tests look at the layout through ``form_pdf.build_story``: no table is wider than the
frame and no cell's content is wider than its cell.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pdf_samples import COMPANY, LONG_END, LONG_FIELD, MARKUP_FIELD, USER_MARKUP, sample, settings
from pypdf import PdfReader
from reportlab.platypus import Flowable, KeepTogether, Table

from desktop.documents import fonts, form_pdf
from desktop.documents.form_pdf import build_story, render_blank, render_record
from desktop.domain import survey as sv
from desktop.domain.fields import SCORE_LABELS, Field, FieldType, format_value
from desktop.domain.forms import SPECS
from desktop.domain.records import Record

KINDS = list(SPECS)


# ------------------------------------------------------------------------------------------
# Helpers


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def read(path: Path) -> PdfReader:
    reader = PdfReader(path)
    reader.raw_bytes = path.read_bytes()  # type: ignore[attr-defined]
    return reader


def page_texts(reader: PdfReader) -> list[str]:
    return [squash(p.extract_text() or "") for p in reader.pages]


def positioned_text(reader: PdfReader, page: int = 0) -> list[tuple[float, float, str]]:
    """(x, y, text) of every text run on a page, in page coordinates."""
    out: list[tuple[float, float, str]] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.append((x, y, text.strip()))

    reader.pages[page].extract_text(visitor_text=visit)
    return out


def embedded_font_names(reader: PdfReader) -> set[str]:
    """The fonts the pages use, each an embedded TrueType subset; Helvetica nowhere."""
    names = set()
    for page in reader.pages:
        res = page["/Resources"].get_object()
        for ref in (res.get("/Font") or {}).values():
            font = ref.get_object()
            base = str(font["/BaseFont"])
            m = re.fullmatch(r"/[A-Z]{6}\+(\w+?)(-\d+)?", base)
            assert m, f"{base} is not a subset"
            assert font["/Subtype"] == "/TrueType"
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), f"{base} is not embedded"
            names.add(m.group(1))
    raw = reader.raw_bytes  # type: ignore[attr-defined]
    assert b"Helvetica" not in raw and b"/Type1" not in raw
    return names


def tables_of(story: list[Flowable]) -> list[Table]:
    out: list[Table] = []
    for f in story:
        if isinstance(f, Table):
            out.append(f)
        elif isinstance(f, KeepTogether):
            out += tables_of(list(f._content))
    return out


def overflows(story: list[Flowable]) -> list[str]:
    """Every table wider than the frame, and every cell whose content is wider than the cell."""
    problems = []
    for t in tables_of(story):
        width = sum(t._colWidths)
        if width > form_pdf.CONTENT_W + 0.01:
            problems.append(f"table {width:.1f} > frame {form_pdf.CONTENT_W:.1f}")
        t.wrap(form_pdf.CONTENT_W, form_pdf.FRAME_H)  # computes the cell styles and spans
        for r, row in enumerate(t._cellvalues):
            for c, value in enumerate(row):
                span = t._spanRanges.get((c, r), (c, r, c, r))
                if span is None:  # covered by a spanning cell
                    continue
                style = t._cellStyles[r][c]
                avail = sum(t._colWidths[span[0] : span[2] + 1]) - style.leftPadding - style.rightPadding
                for f in value if isinstance(value, (list, tuple)) else [value]:
                    if isinstance(f, Flowable):
                        w, _ = f.wrap(avail, 1e9)
                        if w > avail + 0.5:
                            problems.append(f"row {r} col {c}: {type(f).__name__} {w:.1f} > {avail:.1f}")
    return problems


def tick() -> str:
    t = form_pdf._tick_char()
    assert t is not None
    return t


def expected_text(f: Field, value: Any) -> str:
    if f.type is FieldType.BOOL:
        return f"{tick()}是否" if value else f"是{tick()}否"
    if f.type is FieldType.SCORE:
        return ""  # checked by position: see test_scores_are_ticked_in_their_column
    if f.type is FieldType.LONGTEXT and len(value) > 1000:
        return value[-40:]
    return format_value(f, value)


# ------------------------------------------------------------------------------------------
# Every form, complete (every field filled, a 5,000-character text, a source link)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[PdfReader, Record, str, Any]]:
    folder = tmp_path_factory.mktemp("forms")
    out = {}
    for kind in KINDS:
        record = sample(kind, stress=True)
        path = folder / f"{kind}.pdf"
        report = render_record(SPECS[kind], record, settings(), lambda sha: b"", path)
        reader = read(path)
        out[kind] = (reader, record, "".join(page_texts(reader)), report)
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_and_table_value_is_printed(kind: str, rendered: dict[str, Any]) -> None:
    _, record, all_text, _ = rendered[kind]
    spec = SPECS[kind]
    missing = []
    for f in spec.fields():
        value = record.get(f.key)
        assert value not in (None, ""), f"the sample leaves {kind}.{f.key} empty"
        if squash(expected_text(f, value)) not in all_text:
            missing.append((f.key, expected_text(f, value)))
    for t in spec.tables():
        rows = record.values.tables.get(t.key, [])
        assert rows, f"the sample has no {t.key}"
        for row in rows:
            for c in t.columns:
                assert row.get(c.key) not in (None, ""), f"the sample leaves {t.key}.{c.key} empty"
                text = format_value(c, row[c.key])
                if squash(text) not in all_text:
                    missing.append((f"{t.key}.{c.key}", text))
    assert not missing


@pytest.mark.parametrize("kind", KINDS)
def test_title_number_source_and_pages(kind: str, rendered: dict[str, Any]) -> None:
    reader, record, _, report = rendered[kind]
    spec = SPECS[kind]
    texts = page_texts(reader)
    n = len(texts)
    assert report.pages == n >= 2  # the long text runs onto a second page
    source_title = SPECS[record.source_kind].title
    for i, text in enumerate(texts, 1):
        assert COMPANY in text
        assert squash(spec.title) in text
        assert f"{spec.number_label}：{record.number}" in text
        assert squash(f"来源：{source_title} {record.source_number}") in text
        assert f"第{i}页共{n}页" in text
    assert "第1页共" in texts[0]


@pytest.mark.parametrize("kind", KINDS)
def test_long_text_flows_onto_the_next_page_intact(kind: str, rendered: dict[str, Any]) -> None:
    _, record, all_text, _ = rendered[kind]
    text = record.get(LONG_FIELD[kind])
    assert len(text) == 5000
    assert all_text.count(squash(LONG_END)) == 1
    assert squash(text[:60]) in all_text and squash(text[-60:]) in all_text
    # Nothing lost or repeated where rows or pages meet.
    assert re.findall(r"第(\d{3})段", all_text) == re.findall(r"第(\d{3})段", text)
    assert squash(SPECS[kind].label_of(LONG_FIELD[kind]) + "（续）") in all_text


@pytest.mark.parametrize("kind", KINDS)
def test_user_markup_is_printed_literally(kind: str, rendered: dict[str, Any]) -> None:
    _, record, all_text, _ = rendered[kind]
    assert squash(record.get(MARKUP_FIELD[kind])) in all_text
    assert USER_MARKUP in all_text


@pytest.mark.parametrize("kind", KINDS)
def test_only_the_embedded_font(kind: str, rendered: dict[str, Any]) -> None:
    reader = rendered[kind][0]
    assert embedded_font_names(reader) == {fonts.FONT_NAME}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("blank", [False, True])
def test_no_table_or_cell_is_wider_than_the_frame(kind: str, blank: bool) -> None:
    record = sample(kind, stress=True)
    story, _ = build_story(SPECS[kind], record, settings(), lambda sha: b"", blank=blank)
    assert tables_of(story)
    assert overflows(story) == []


def test_wide_materials_table_with_unbreakable_values_still_fits(tmp_path: Path) -> None:
    record = sample("service-report")
    row = {
        "product_name": "高效氯氰菊酯" * 6,
        "registration_no": "WP2018012345678901234567",
        "dilution": "1:200000000000000000",
        "amount": Decimal("123456789.25"),
        "amount_unit": "千克",
        "target": "细菌、病毒（消毒）",
        "method": "毒饵（毒饵站）",
        "area": "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 3,
    }
    record.values.tables["materials"] = [row] * 3
    story, _ = build_story(SPECS["service-report"], record, settings(), lambda sha: b"")
    assert overflows(story) == []
    path = tmp_path / "wide.pdf"
    render_record(SPECS["service-report"], record, settings(), lambda sha: b"", path)
    text = "".join(page_texts(read(path)))
    assert "123456789.25" in text and squash(row["area"]) in text


def test_service_report_times() -> None:
    record = sample("service-report")
    assert format_value(SPECS["service-report"].field("arrival_time"), record.get("arrival_time")) == "09:30"


def test_service_report_prints_arrival_and_departure(rendered: dict[str, Any]) -> None:
    _, _, all_text, _ = rendered["service-report"]
    assert "到达时间09:30" in all_text and "离开时间11:45" in all_text


# ------------------------------------------------------------------------------------------
# Scores


def score_columns() -> list[tuple[float, float]]:
    x0 = form_pdf.MARGIN_X + form_pdf.SCORE_LABEL_W
    col = (form_pdf.CONTENT_W - form_pdf.SCORE_LABEL_W) / 5
    return [(x0 + i * col, x0 + (i + 1) * col) for i in range(5)]


def ticks_by_row(reader: PdfReader) -> dict[str, list[int]]:
    """For each score item printed on the first page: the scores (1–5) whose box is ticked."""
    runs = positioned_text(reader)
    labels = {label: y for x, y, label in runs if x < form_pdf.MARGIN_X + form_pdf.SCORE_LABEL_W}
    items = [label for _, label in sv.SCORE_ITEMS] + [sv.OVERALL[1]]
    out: dict[str, list[int]] = {}
    for item in items:
        y = labels[item]
        out[item] = [
            i + 1
            for x, ty, text in runs
            if text == tick() and abs(ty - y) < 6
            for i, (a, b) in enumerate(score_columns())
            if a < x < b
        ]
    return out


def test_scores_are_ticked_in_their_column(rendered: dict[str, Any]) -> None:
    reader, record, all_text, _ = rendered["survey"]
    ticked = ticks_by_row(reader)
    for key, label in [*sv.SCORE_ITEMS, sv.OVERALL]:
        assert ticked[label] == [record.get(key)], label
    # The header names the scale; the average of the seven items is printed.
    for i, label in enumerate(SCORE_LABELS, 1):
        assert f"{i}分{label}" in all_text
    assert "单项平均分4.00分（已评7项；不含总体满意度）" in all_text


def test_average_names_the_items_not_scored(tmp_path: Path) -> None:
    record = sample("survey")
    record.values.fields["score_training"] = None
    path = tmp_path / "s.pdf"
    render_record(SPECS["survey"], record, settings(), lambda sha: b"", path)
    text = "".join(page_texts(read(path)))
    assert "单项平均分4.33分（已评6项，未评：培训效果；不含总体满意度）" in text  # (4+5+5+5+4+3)/6


def test_a_score_field_outside_a_score_table_prints_five_labelled_boxes(tmp_path: Path) -> None:
    from desktop.domain.fields import FormSpec, RecordValues, Section

    score = Field("sc", "满意度", FieldType.SCORE)
    spec = FormSpec(
        kind="mini", table="mini", title="回访记录", number_prefix="HF", number_label="编号", date_field="d",
        sections=(Section("s", "回访", (Field("d", "日期", FieldType.DATE), score)),),
    )
    now = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    values = RecordValues(fields={"d": dt.date(2026, 3, 1), "sc": 2})
    record = Record("mini", "x", "HF-2026-A3-0001", "", values, now, now)
    story, _ = build_story(spec, record, settings(), lambda sha: b"")
    assert overflows(story) == []
    path = tmp_path / "mini.pdf"
    render_record(spec, record, settings(), lambda sha: b"", path)
    text = "".join(page_texts(read(path)))
    assert f"1很不满意{tick()}2不满意3一般4满意5很满意" in text


# ------------------------------------------------------------------------------------------
# Blank forms


PREFILL = {
    "number": "MY-2026-A3-0032",
    "customer_unit": "朝阳区第3人民医院后勤处<b>&",
    "respondent": "李红",
    "survey_type": "年度调查",
    "survey_date": "2026-03-18",
}


def score_boxes(story: list[Flowable]) -> list[list[form_pdf._Box]]:
    rows = []
    for t in tables_of(story):
        for row in t._cellvalues:
            boxes = [c for c in row if isinstance(c, form_pdf._Box)]
            if boxes:
                rows.append(boxes)
    return rows


def test_blank_survey_for_a_customer(tmp_path: Path) -> None:
    path = tmp_path / "blank.pdf"
    report = render_blank(SPECS["survey"], settings(), PREFILL, path)
    reader = read(path)
    texts = page_texts(reader)
    all_text = "".join(texts)
    assert report.pages == len(texts) == 1
    assert "调查表编号：MY-2026-A3-0032" in all_text
    assert "客户单位朝阳区第3人民医院后勤处<b>&" in all_text
    assert "填表人李红" in all_text and "姓名：李红" in all_text
    assert "调查类型年度调查" in all_text and "发放日期2026-03-18" in all_text
    assert "状态" not in all_text  # paper to fill in has no status yet
    assert tick() not in all_text  # nothing ticked
    assert "单项平均分" not in all_text
    # All eight score rows, five empty boxes each, big enough to tick by pen.
    story, _ = build_story(SPECS["survey"], form_pdf.blank_record(SPECS["survey"], PREFILL), settings(),
                           lambda sha: b"", blank=True)
    rows = score_boxes(story)
    assert len(rows) == 8 and all(len(r) == 5 for r in rows)
    assert not any(b.ticked for r in rows for b in r)
    assert all(b.side >= 11 for r in rows for b in r)  # about 4 mm
    for _, label in [*sv.SCORE_ITEMS, sv.OVERALL]:
        assert label in all_text
    # Drawn on the page: 40 score boxes, plus the boxes of the empty choices (调查方式).
    content = b"".join(page.get_contents().get_data() for page in reader.pages)
    boxes = len(re.findall(rb"\b12 12 re\b", content))
    assert boxes == 40 + len(sv.WAYS)
    assert embedded_font_names(reader) == {fonts.FONT_NAME}


@pytest.mark.parametrize("kind", KINDS)
def test_blank_forms_print_every_label_and_no_value(kind: str, tmp_path: Path) -> None:
    spec = SPECS[kind]
    path = tmp_path / f"{kind}.pdf"
    report = render_blank(spec, settings(), {}, path)
    reader = read(path)
    all_text = "".join(page_texts(reader))
    assert report.pages == len(reader.pages)
    optional = {el.key for sec in spec.sections if sec.printed_when_filled for el in sec.elements}
    for f in spec.fields():
        if f.key != "status":  # a band printed only when filled (重新打开与作废) is not on a blank form
            assert (squash(f.label) in all_text) == (f.key not in optional), f.key
    for t in spec.tables():
        for c in t.columns:
            assert squash(c.label) in all_text
    assert tick() not in all_text
    assert "状态" not in all_text  # no status field, no status in the header
    assert "第1页共" in all_text


def test_export_blank_keeps_only_who_the_paper_is_for(tmp_path: Path) -> None:
    from support import TODAY, context

    from desktop.services.demo import example_object
    from desktop.services.export import export_blank, export_commitment_letter, export_record
    from desktop.services.transfer import import_records

    ctx = context(tmp_path)
    try:
        s = ctx.records.settings()
        s.company_name, s.laptop_code = COMPANY, "A3"
        ctx.records.save_settings(s)
        (record,) = import_records(ctx.records, [example_object("survey", TODAY)]).records
        blank = export_blank(ctx.records, record, tmp_path / "out" / "blank.pdf")
        text = "".join(page_texts(read(blank)))
        assert record.number and f"调查表编号：{record.number}" in text
        for key in ("customer_unit", "respondent", "survey_type"):
            assert squash(str(record.get(key))) in text, key
        assert record.get("survey_date").isoformat() in text
        for key in ("surveyor", "respondent_phone", "suggestions"):
            value = record.get(key)
            assert value and squash(str(value)) not in text, key
        assert tick() not in text
        filled_pdf = export_record(ctx.records, record, tmp_path / "out" / "filled.pdf")
        filled = "".join(page_texts(read(filled_pdf)))
        assert tick() in filled and squash(str(record.get("surveyor"))) in filled
        letter = tmp_path / "out" / "letter.pdf"
        export_commitment_letter(ctx.records, letter, recipient="第一人民医院")
        text = "".join(page_texts(read(letter)))
        # The signing date is written by hand on the day it is signed, not printed with the export date.
        assert TODAY.isoformat() not in text and "致：第一人民医院" in text
        assert "日期：________年____月____日" in text
        written = sorted(p.name for p in (tmp_path / "out").iterdir())
        assert written == ["blank.pdf", "filled.pdf", "letter.pdf"]  # no temporary file left behind
    finally:
        ctx.close()


def test_export_all_names_every_kind_by_number(tmp_path: Path) -> None:
    from support import context

    from desktop.services.demo import load_demo
    from desktop.services.export import export_all

    ctx = context(tmp_path)
    try:
        load_demo(ctx.records, count=4)
        numbers = {r.number for kind in SPECS for r in ctx.records.all_records(kind)}
        paths = export_all(ctx.records, tmp_path / "all")
        assert {p.name for p in paths} == {f"{n}.pdf" for n in numbers}
        assert {p.name.split("-")[0] for p in paths} == {spec.number_prefix for spec in SPECS.values()}
        assert all(p.read_bytes().startswith(b"%PDF") for p in paths)
    finally:
        ctx.close()
