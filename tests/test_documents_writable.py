"""Issue 13, the rest: blank and partly filled forms that can be written on, one date style in every
document, headings kept with their tables, no unembedded font; read back from the PDFs (pypdf for
text and positions, poppler's ``pdffonts`` for the fonts)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pdf_samples import sample, settings
from pypdf import PdfReader

from desktop.documents import training_pdf
from desktop.documents.form_pdf import render_record
from desktop.documents.handouts import load_chapters, render_handouts
from desktop.documents.letter import render_commitment_letter
from desktop.documents.pdf_grid import _Grid
from desktop.documents.pdf_page import _styles
from desktop.documents.pdf_values import _Para
from desktop.domain.assessment import load_assessment
from desktop.domain.customer import UNIT_TYPES
from desktop.domain.dates import DATE_PATTERN, format_date, format_datetime
from desktop.domain.fields import RecordValues
from desktop.domain.forms import SPECS
from desktop.domain.records import Record
from desktop.domain.ticket import ISSUE_TYPES
from desktop.services.export import BLANK_FIELDS, blank_copy

MM = 72 / 25.4


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def pdf_bytes(write: Any) -> bytes:
    buf = io.BytesIO()
    write(buf)
    return buf.getvalue()


def form(record: Record, blank: bool = False) -> bytes:
    return pdf_bytes(lambda out: render_record(SPECS[record.kind], record, settings(), lambda sha: b"", out,
                                               blank=blank))


def texts(pdf: bytes) -> list[str]:
    return [squash(p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]


def runs(pdf: bytes, page: int = 0) -> list[tuple[float, float, str]]:
    """(x, y, text) of every text run on a page, in points from the page's bottom left."""
    out: list[tuple[float, float, str]] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any) -> None:
        if text.strip():
            out.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text.strip()))

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return out


def without(record: Record, *keys: str) -> Record:
    fields = {k: v for k, v in record.values.fields.items() if k not in keys}
    return dataclasses.replace(record, values=RecordValues(fields=fields, tables=record.values.tables, photos={}))


# ----------------------------------------------------------------------------- the one date style


def test_format_date_is_iso_and_free_of_qt() -> None:
    assert format_date(dt.date(2026, 3, 8)) == "2026-03-08"
    assert format_date(dt.datetime(2026, 12, 2, 23, 59)) == "2026-12-02"
    assert format_date(None) == ""
    assert format_datetime(dt.datetime(2026, 10, 13, 9, 5)) == "2026-10-13 09:05"
    source = Path(__import__("desktop.domain.dates", fromlist=["x"]).__file__).read_text(encoding="utf-8")
    assert "PySide6" not in source and "reportlab" not in source


def _every_document(folder: Path) -> Iterator[tuple[str, Path]]:
    """Every kind of document the app prints, filled, partly filled and blank, dated where it can be."""
    s = settings()
    for kind, spec in SPECS.items():
        record = sample(kind)
        for name, rec, blank in ((kind, record, False), (f"{kind}-blank", blank_copy(record), True),
                                 (f"{kind}-partly", _partly(record), False)):
            path = folder / f"{name}.pdf"
            render_record(spec, rec, s, lambda sha: b"", path, blank=blank)
            yield name, path
    path = folder / "letter-dated.pdf"
    render_commitment_letter(s, path, "第一人民医院", dt.date(2026, 3, 8))
    yield "letter-dated", path
    path = folder / "letter.pdf"
    render_commitment_letter(s, path, None, None)
    yield "letter", path
    path = folder / "handouts.pdf"
    render_handouts(s, load_chapters()[:2], path, dt.date(2026, 3, 8))
    yield "handouts", path
    training = sample("training")
    bank = load_assessment()
    for name, write in (
        ("sign-in", lambda out: training_pdf.render_sign_in(s, training, out)),
        ("assessment", lambda out: training_pdf.render_assessment(s, bank, out, training)),
        ("results", lambda out: training_pdf.render_results(s, training, 80, out)),
        ("sign-in-blank", lambda out: training_pdf.render_sign_in(s, None, out)),
        ("assessment-blank", lambda out: training_pdf.render_assessment(s, bank, out, None)),
    ):
        path = folder / f"training-{name}.pdf"
        write(path)
        yield f"training-{name}", path


def _partly(record: Record) -> Record:
    """The first third of what a person types kept, the rest left to fill by hand."""
    spec = SPECS[record.kind]
    keys = [f.key for f in spec.fields() if not f.computed and not f.read_only]
    return without(record, *keys[len(keys) // 3:])


@pytest.fixture(scope="module")
def every_document(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path]]:
    return list(_every_document(tmp_path_factory.mktemp("writable")))


# Dates as the app printed them before (issue 13 found four styles): a full date with 年 月 日 around
# digits, slashes, an ISO date without its zeros.  A date to fill by hand has no digits and passes.
OTHER_DATE_STYLES = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}/\d{1,2}/\d{1,2}|\b\d{4}-(\d-\d{1,2}|\d{1,2}-\d)\b"
)


def test_one_date_style_in_every_document_kind(every_document: list[tuple[str, Path]]) -> None:
    for name, path in every_document:
        text = "\n".join(p.extract_text() or "" for p in PdfReader(path).pages)
        found = OTHER_DATE_STYLES.search(text)
        assert found is None, f"{name}: {found.group(0)!r}"
        if not name.endswith(("blank", "partly")) and name != "letter":
            assert DATE_PATTERN.search(text), name  # every filled document prints its dates, as 2026-03-08
    letter = "".join(t for n, p in every_document if n == "letter-dated" for t in texts(p.read_bytes()))
    assert "日期：2026-03-08" in letter
    handouts = "".join(t for n, p in every_document if n == "handouts" for t in texts(p.read_bytes()))
    assert "2026-03-08" in handouts


def test_dates_left_to_fill_by_hand_keep_their_blanks(every_document: list[tuple[str, Path]]) -> None:
    blank = "".join(t for n, p in every_document if n == "complaint-blank" for t in texts(p.read_bytes()))
    assert "日期：________年____月____日" in blank  # a signature date nobody has yet
    letter = "".join(t for n, p in every_document if n == "letter" for t in texts(p.read_bytes()))
    assert "日期：________年____月____日" in letter


# ----------------------------------------------------------------------------- fonts


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler's pdffonts not installed")
def test_no_unembedded_font_in_any_document(every_document: list[tuple[str, Path]], ctx: Any) -> None:
    from desktop.documents.report_pdf import render_report
    from desktop.domain.reports import parse_month
    from desktop.services.reports import make_report

    docs = list(every_document)
    report = every_document[0][1].parent / "report.pdf"
    render_report(make_report(ctx.records, "monthly", *parse_month("2026-03")), ctx.records.settings(), report)
    docs.append(("report", report))
    report_text = "\n".join(p.extract_text() or "" for p in PdfReader(report).pages)
    assert OTHER_DATE_STYLES.search(report_text) is None and DATE_PATTERN.search(report_text)  # one date style
    for name, path in docs:
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True, timeout=60).stdout
        rows = out.splitlines()[2:]
        assert rows, name
        for row in rows:
            cols = row.split()
            emb = cols[-5]  # name type encoding emb sub uni object ID
            assert emb == "yes", f"{name}: {row}"
            assert "Helvetica" not in row, f"{name}: {row}"


# ----------------------------------------------------------------------------- writable forms


def test_an_empty_choice_prints_its_options_on_a_partly_filled_form() -> None:
    ticket = sample("ticket")
    filled = "".join(texts(form(ticket)))
    chosen = ticket.get("issue_type")
    others = [t for t in ISSUE_TYPES if t != chosen]
    assert squash(chosen) in filled and not any(squash(t) in filled for t in others if len(t) > 3)
    partly = "".join(texts(form(without(ticket, "issue_type", "customer_satisfaction"))))
    for option in ISSUE_TYPES + ("满意", "基本满意", "不满意"):
        assert squash(option) in partly, option
    # …as tick boxes: one square drawn for each option (the page's drawing counts them).
    page = PdfReader(io.BytesIO(form(without(ticket, "issue_type")))).pages[0].get_contents().get_data()
    page_filled = PdfReader(io.BytesIO(form(ticket))).pages[0].get_contents().get_data()
    assert page.count(b" re") - page_filled.count(b" re") >= len(ISSUE_TYPES)


def test_a_computed_or_read_only_choice_never_prints_options() -> None:
    ticket = without(sample("ticket"), "status")
    text = "".join(texts(form(ticket)))
    spec_statuses = next(f.choices for f in SPECS["ticket"].fields() if f.key == "status")
    assert sum(squash(s) in text for s in spec_statuses) <= 1


def _label_y(pdf: bytes, label: str, page: int = 0) -> float:
    ys = [y for _x, y, t in runs(pdf, page) if t.startswith(label)]
    assert ys, label
    return max(ys)


@pytest.mark.parametrize("blank", [False, True])
def test_an_empty_free_text_leaves_room_for_five_lines_of_handwriting(blank: bool) -> None:
    complaint = sample("complaint")
    record = blank_copy(complaint) if blank else without(complaint, "reason")
    pdf = form(record, blank=blank)
    top = _label_y(pdf, "购买、储存、使用经")
    # the next text down the page (the label's own second line aside)
    below = max(y for _x, y, t in runs(pdf) if y < top - 1 and not t.startswith("过及投诉"))
    assert (top - below) / MM >= 5 * 6.0, f"{(top - below) / MM:.1f} mm"
    # Five ruled lines are drawn there (dotted: "[1 2] 0 d"), not only white space.
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data()
    assert content.count(b"[1 2] 0 d") >= 1


def _header_xs(pdf: bytes, headers: tuple[str, ...]) -> list[float]:
    rs = runs(pdf)
    out = []
    for h in headers:
        xs = [x for x, _y, t in rs if t.startswith(h)]
        assert xs, h
        out.append(round(min(xs), 1))
    return out


def test_item_table_columns_are_the_same_on_every_record_and_its_blank() -> None:
    headers = ("产品名称", "包装形式", "投诉量", "单位", "生产批号", "购买地点", "使用日期", "有效期至")
    one = sample("complaint")
    rows = [dict(r) for r in one.values.tables["items"]]
    rows[0]["product_name"] = "84 消毒液（有效氯 5%，加仑装，医院后勤库房专用，附量杯）"
    rows[0]["purchase_place"] = "北京市朝阳区安贞路 28 号院 3 号楼 205 室医药公司第二门市部"
    other = dataclasses.replace(one, values=RecordValues(fields=one.values.fields, tables={"items": rows[:1]}))
    widths = {
        "one": _header_xs(form(one), headers),
        "other": _header_xs(form(other), headers),
        "blank": _header_xs(form(blank_copy(one), blank=True), headers),
    }
    assert widths["one"] == widths["other"] == widths["blank"], widths


def test_date_cells_of_a_blank_table_keep_room_for_year_month_day() -> None:
    pdf = form(blank_copy(sample("complaint")), blank=True)
    rs = runs(pdf)
    years = [(x, y) for x, y, t in rs if t.startswith("年") and "月" in t]
    assert len(years) >= 4, rs  # 年 月 日 on one line in the 使用日期 of every empty row (有效期至 is worked out)
    assert not [t for _x, _y, t in rs if t in ("年", "月日", "月 日")]


def test_a_long_option_list_stands_in_columns() -> None:
    customer = blank_copy(without(sample("customer"), "unit_type"))
    pdf = form(customer, blank=True)
    rs = runs(pdf)
    places = [(round(x), round(y)) for x, y, t in rs if t in UNIT_TYPES]
    assert len(places) == len(UNIT_TYPES)
    columns, lines = {x for x, _ in places}, {y for _, y in places}
    assert len(columns) >= 2 and len(lines) <= 6  # not one option a line (12 lines, 40 mm wasted)
    top, bottom = max(lines), min(lines)
    assert (top - bottom) / MM < 25


def test_blanks_of_ticket_followup_and_training_are_prefilled_from_their_record() -> None:
    for kind in ("ticket", "followup", "training"):
        record = sample(kind)
        assert BLANK_FIELDS.get(kind), kind
        paper = blank_copy(record)
        kept = {k for k, v in paper.values.fields.items() if v not in (None, "")}
        assert kept and kept <= set(BLANK_FIELDS[kind]), kind
        text = "".join(texts(form(paper, blank=True)))
        assert squash(str(record.get("customer_unit"))) in text, kind
        assert record.number in text


def test_the_blank_followup_never_prints_its_source_beside_an_empty_basis() -> None:
    record = without(sample("followup"), "basis_number")
    assert record.source_number
    text = "".join(texts(form(blank_copy(record), blank=True)))
    assert "来源" in text and f"依据单号{record.source_number}" in text


# ----------------------------------------------------------------------------- headings and tables


def _table(rows: int, row_h: float = 30.0) -> Any:
    st = _styles()
    grid = _Grid([100.0, 410.0])
    grid.band("产品及批次", st)
    r = grid.add_row([_Para("产品", st.head), _Para("批号", st.head)])
    grid.repeat = r + 1
    for i in range(rows):
        grid.add_row([_Para(f"行{i}", st.value), _Para("x", st.value)], min_h=row_h)
    table = grid.table(st.font)
    table.wrap(510, 1e9)
    return table, table._rowHeights


def test_a_heading_never_stands_with_one_row_at_a_page_foot() -> None:
    table, heights = _table(6)
    room = sum(heights[:3]) + 2  # band, header and one row would fit
    assert table.split(510, room) == []  # so all of it goes to the next page
    parts = table.split(510, sum(heights[:4]) + 2)  # band, header and two rows: a fair split
    assert len(parts) == 2 and parts[0]._nrows == 4


def test_a_table_never_leaves_one_row_under_its_repeated_header() -> None:
    table, heights = _table(6)
    parts = table.split(510, sum(heights[:7]) + 2)  # all but the last row would fit
    assert len(parts) == 2
    first, rest = parts
    assert rest._nrows - 2 >= 2 and first._nrows - 2 >= 2  # two rows at least on each side
    assert first._nrows + rest._nrows - 2 == len(heights)


def _labels_under_each_band(pdf: bytes, spec: Any) -> Iterator[tuple[str, int, int]]:
    """For each section band printed on a page: (title, labels of its fields on that page, labels
    the section has)."""
    from desktop.domain.fields import Field

    reader = PdfReader(io.BytesIO(pdf))
    for page in range(len(reader.pages)):
        texts_here = [t for _x, _y, t in runs(pdf, page)]
        for section in spec.sections:
            if section.title not in texts_here:
                continue
            labels = [e.label for e in section.elements if isinstance(e, Field) and e.key != "status"]
            if not labels:
                continue
            seen = sum(1 for label in labels if any(t.startswith(label[:8]) for t in texts_here))
            yield section.title, seen, len(labels)


@pytest.mark.parametrize("kind", ["use-record", "complaint"])
def test_no_heading_alone_with_one_row_at_a_page_foot_in_rendered_forms(kind: str) -> None:
    """The item table grows row by row, so every later section passes the foot of the page once."""
    record = sample(kind)
    key = SPECS[kind].tables()[0].key
    rows = record.values.tables[key]
    for n in range(0, 16):
        table = [dict(rows[i % len(rows)]) for i in range(n)]
        rec = dataclasses.replace(record, values=RecordValues(fields=record.values.fields, tables={key: table}))
        for paper in (rec, _partly(rec)):
            for title, seen, total in _labels_under_each_band(form(paper), SPECS[kind]):
                assert seen >= min(2, total), f"{n} rows: {title} with {seen} of {total} rows at a page foot"


def test_a_blank_printed_before_the_upgrade_still_matches_its_record() -> None:
    """0.1.0 printed a ticket's blank with its number only: its hash stays one of the record's."""
    from desktop.domain.records import content_hash
    from desktop.services.export import blank_hashes

    for kind in ("ticket", "followup", "training", "complaint"):
        record = sample(kind)
        spec = SPECS[kind]
        old = blank_copy(record)
        if kind != "complaint":
            old.values = RecordValues(fields={})
        hashes = blank_hashes(record)
        assert content_hash(spec, old) in hashes, kind
        assert content_hash(spec, blank_copy(record)) in hashes, kind
        other = without(record, "customer_unit")
        assert content_hash(spec, blank_copy(other)) not in hashes or kind == "complaint", kind
