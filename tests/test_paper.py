"""Issue 13: paper that survives the office, read back from the PDFs every kind of document makes.

Every page of every document is rendered with poppler (``pdftoppm -r 150 -gray``, the archive-scan
setting) and measured: no ink within 10 mm of any edge; the page's QR code decodes from that picture
with the decoder the scan import uses (zxing-cpp) and names the document; the readable check code is
at least 8.5 pt; "第 x 页 共 y 页" is on every page (each assessment paper counted on its own).
"""

from __future__ import annotations

import datetime as dt
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
from desktop.documents.stamp import PageStamp, record_stamp
from desktop.domain.assessment import load_assessment
from desktop.domain.forms import SPECS
from desktop.services.export import blank_copy

pytestmark = [pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm not installed"),
              pytest.mark.timeout(900)]  # every document rendered at 150 dpi: minutes on a loaded machine

DPI = 150
MIN_MARGIN_MM = 10.0
MIN_CODE_PT = 8.5


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def render_pages(pdf: Path, dpi: int = DPI) -> list[Any]:
    """Every page of ``pdf`` as a greyscale picture, as an archive scanner makes it."""
    from PIL import Image

    out = pdf.parent / f"{pdf.stem}-png"
    out.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(out / "p")], check=True, timeout=120)
    files = sorted(out.glob("p*.png"), key=lambda p: int(re.sub(r"\D", "", p.stem)))
    return [Image.open(f).convert("L") for f in files]


def ink_margins_mm(page: Any, dpi: int = DPI) -> tuple[float, float, float, float]:
    """Left, top, right, bottom distance from the paper's edge to the nearest ink, in mm."""
    from PIL import ImageOps

    ink = ImageOps.invert(page).point(lambda v: 255 if v > 30 else 0)
    box = ink.getbbox()
    assert box is not None, "an empty page"
    left, top, right, bottom = box
    w, h = page.size
    return tuple(v * 25.4 / dpi for v in (left, top, w - right, h - bottom))  # type: ignore[return-value]


def decoded(page: Any) -> list[PageStamp]:
    import zxingcpp

    found = []
    for result in zxingcpp.read_barcodes(page, formats=zxingcpp.BarcodeFormat.QRCode):
        stamp = PageStamp.from_payload(result.text)
        if stamp is not None:
            found.append(stamp)
    return found


def code_sizes(reader: PdfReader, marker: str = "校验码") -> list[float]:
    """The smallest font size (in points, text matrix applied) of each line holding ``marker``, one
    entry per page that has it (pypdf hands CJK text over in pieces: pieces on one baseline are joined)."""
    sizes: list[float] = []
    for page in reader.pages:
        lines: dict[tuple[float, float], list[tuple[str, float]]] = {}

        def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
            if text.strip():
                scale = abs(tm[3] * cm[3]) or 1.0
                key = (round(tm[5] * cm[3] + cm[5], 1), round(tm[4], 1))  # one string drawn at one place
                lines.setdefault(key, []).append((text, size * scale))

        page.extract_text(visitor_text=visit)
        found = [min(sz for _t, sz in pieces) for pieces in lines.values()
                 if marker in "".join(t for t, _sz in pieces)]
        if found:
            sizes.append(min(found))
    return sizes


# ----------------------------------------------------------------------------- the documents


def _forms(folder: Path) -> Iterator[tuple[str, Path, PageStamp]]:
    s = settings()
    for kind, spec in SPECS.items():
        record = sample(kind)
        path = folder / f"{kind}.pdf"
        render_record(spec, record, s, lambda sha: b"", path)
        yield kind, path, record_stamp(spec, record)
        paper = blank_copy(record)
        path = folder / f"{kind}-blank.pdf"
        render_record(spec, paper, s, lambda sha: b"", path, blank=True)
        yield f"{kind}-blank", path, record_stamp(spec, paper, blank=True)


def _others(folder: Path) -> Iterator[tuple[str, Path, PageStamp | None]]:
    s = settings()
    path = folder / "letter.pdf"
    render_commitment_letter(s, path, None, None)
    yield "letter", path, None
    path = folder / "handouts.pdf"
    render_handouts(s, load_chapters()[2:3], path, dt.date(2026, 3, 18))
    yield "handouts", path, None
    training = sample("training")
    stamp = record_stamp(SPECS["training"], training)
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
        yield f"training-{name}", path, stamp if "blank" not in name else None


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path, PageStamp | None, list[Any]]]:
    folder = tmp_path_factory.mktemp("paper")
    out = []
    for name, path, stamp in [*_forms(folder), *_others(folder)]:
        out.append((name, path, stamp, render_pages(path)))
    return out


def test_every_document_kind_is_measured(documents: list[tuple[str, Path, Any, list[Any]]]) -> None:
    names = {name for name, *_ in documents}
    assert {*SPECS, *(f"{k}-blank" for k in SPECS)} <= names
    assert {"letter", "handouts", "training-sign-in", "training-assessment", "training-results"} <= names


def test_no_ink_within_10_mm_of_any_edge(documents: list[tuple[str, Path, Any, list[Any]]]) -> None:
    for name, _path, _stamp, pages in documents:
        for number, page in enumerate(pages, 1):
            margins = ink_margins_mm(page)
            assert min(margins) >= MIN_MARGIN_MM, (name, number, [round(m, 1) for m in margins])


def test_qr_code_decodes_at_150_dpi_greyscale_on_every_page(
    documents: list[tuple[str, Path, PageStamp | None, list[Any]]],
) -> None:
    for name, path, expected, pages in documents:
        reader = PdfReader(path)
        meta = reader.metadata or {}
        for number, page in enumerate(pages, 1):
            stamps = decoded(page)
            assert len(stamps) == 1, (name, number)
            (stamp,) = stamps
            if expected is not None:  # a record: the record, its revision and its hash
                assert (stamp.kind, stamp.record_id, stamp.revision, stamp.blank) == (
                    expected.kind, expected.record_id, expected.revision, expected.blank), name
                assert expected.content_hash.startswith(stamp.content_hash), name
            else:  # a document that is not a record: its number and the hash in its metadata
                assert stamp.record_id == meta["/AsdNumber"], name
                assert meta["/AsdContentHash"].startswith(stamp.content_hash), name


def test_qr_code_survives_a_poor_scan(documents: list[tuple[str, Path, PageStamp | None, list[Any]]]) -> None:
    """A fax-like copy (100 dpi, a little blur, cut to black and white) and a soft phone photo (150 dpi,
    blurred over a pixel, cut to black and white).  The 11 mm code of before read from neither."""
    from PIL import ImageFilter

    for name, path, _expected, pages in documents:
        if name not in ("complaint", "return-request-blank", "letter", "handouts", "training-assessment"):
            continue
        fax = render_pages(path, 100)[0].filter(ImageFilter.GaussianBlur(0.5)).point(lambda v: 255 if v > 150 else 0)
        assert len(decoded(fax)) == 1, name
        photo = pages[0].filter(ImageFilter.GaussianBlur(1.0)).point(lambda v: 255 if v > 150 else 0)
        assert len(decoded(photo)) == 1, name


def test_check_code_and_page_numbers_on_every_page(documents: list[tuple[str, Path, Any, list[Any]]]) -> None:
    for name, path, _stamp, _pages in documents:
        reader = PdfReader(path)
        total = len(reader.pages)
        sizes = code_sizes(reader)
        assert len(sizes) == total, name  # the readable code once on every page
        assert min(sizes) >= MIN_CODE_PT, (name, min(sizes))
        for number, page in enumerate(reader.pages, 1):
            text = squash(page.extract_text() or "")
            if name != "training-assessment":
                assert f"第{number}页共{total}页" in text, (name, number)


def test_each_assessment_paper_is_numbered_of_its_own(documents: list[tuple[str, Path, Any, list[Any]]]) -> None:
    (path,) = [p for name, p, *_ in documents if name == "training-assessment"]
    reader = PdfReader(path)
    texts = [squash(page.extract_text() or "") for page in reader.pages]
    people = [row["name"] for row in sample("training").values.tables["attendees"]]
    assert len(texts) == 2 * len(people)  # two pages a paper
    for i, text in enumerate(texts):
        assert f"{people[i // 2]}的试卷第{i % 2 + 1}页共2页" in text, i
        assert not re.search(r"\d+/\d+", text.split("的试卷")[-1]), i  # no "3/12" across the set


def test_scans_of_training_sheets_find_their_session_and_verify_names_every_document(ctx: Any,
                                                                                     tmp_path: Path) -> None:
    from test_training import people, session

    from desktop.services.export import export_commitment_letter, export_handouts
    from desktop.services.scans import find_record_in_image, read_stamps
    from desktop.services.signing import verify_pdf
    from desktop.services.training_export import export_assessment, export_sign_in

    service = ctx.records
    record = service.create("training", session(people(2))).record
    for pdf in (export_sign_in(service, record, tmp_path / "sign.pdf"),
                export_assessment(service, record, tmp_path / "paper.pdf")):
        page = render_pages(pdf)[-1]
        png = tmp_path / f"{pdf.stem}.png"
        page.save(png)
        match = find_record_in_image(service, png)
        assert match is not None, pdf.name
        assert (match.kind, match.record_id, match.revision, match.hash_matches) == ("training", record.id, 1, True)
        result = verify_pdf(pdf, ctx.data_dir, service)
        assert result.ok and result.record_id == record.id and result.revision == 1, result.message
        assert "文件标注的内容哈希与本机记录的当前内容一致。" in result.notes
    letter = export_commitment_letter(service, tmp_path / "letter.pdf", "市第一人民医院")
    handouts = export_handouts(service, tmp_path / "handouts")[0]
    for pdf, prefix, kind in ((letter, "CN-", "letter"), (handouts, "JY-", "handouts")):
        result = verify_pdf(pdf, ctx.data_dir, service)
        assert result.ok and result.number.startswith(prefix) and result.number in result.message, result.message
        assert result.check_code and re.fullmatch(r"[0-9A-F]{4}-[0-9A-F]{4}", result.check_code)
        page = render_pages(pdf)[0]
        png = tmp_path / f"{pdf.stem}.png"
        page.save(png)
        (stamp,) = read_stamps(png)  # recognised as ours: not a record, so nothing to attach it to
        assert (stamp.kind, stamp.record_id) == (kind, result.number)
        assert find_record_in_image(service, png) is None


# ----------------------------------------------------------------------------- signing areas


def _printed_label(label: str) -> str:
    return label if "签" in label else f"{label}（签字）"


@pytest.mark.parametrize("kind", ["complaint", "return-request", "service-report", "delivery", "survey", "training"])
@pytest.mark.parametrize("variant", ["filled", "blank", "stress"])
def test_no_signature_block_alone_on_a_page(kind: str, variant: str, tmp_path: Path) -> None:
    """Each signature block is on the same page as (the end of) the section it closes: never alone."""
    spec = SPECS[kind]
    record = sample(kind, stress=variant == "stress")
    if variant == "blank":
        record = blank_copy(record)
    path = tmp_path / "form.pdf"
    render_record(spec, record, settings(), lambda sha: b"", path, blank=variant == "blank")
    texts = [squash(page.extract_text() or "") for page in PdfReader(path).pages]
    titles = {s.key: s.title for s in spec.sections}
    for block in spec.signatures:
        label = squash(_printed_label(block.label)) + "："
        pages = [i for i, text in enumerate(texts) if label in text]
        assert len(pages) == 1, (block.key, pages)
        text = texts[pages[0]]
        closes = titles.get(block.after) or spec.sections[-1].title
        # The section's band, or its continuation band, is on the page, before the signature.
        starts = [text.find(t) for t in (squash(closes), squash(closes + "（续）")) if t in text]
        assert starts and min(starts) < text.index(label), (kind, variant, block.key, pages[0])


def test_signing_areas_as_the_paper_forms_have_them(tmp_path: Path) -> None:
    def text_of(kind: str) -> str:
        path = tmp_path / f"{kind}.pdf"
        render_record(SPECS[kind], blank_copy(sample(kind)), settings(), lambda sha: b"", path, blank=True)
        return squash("".join(page.extract_text() or "" for page in PdfReader(path).pages))

    complaint = text_of("complaint")
    # The complainant signs the registration (with the unit's seal) and again the feedback.
    assert complaint.index("投诉人（签字）：") < complaint.index("投诉单位（盖章）：") < complaint.index("调查情况")
    assert complaint.index("投诉人意见") < complaint.index("投诉人反馈确认（签字）：")
    assert "客户单位（盖章）：" in text_of("return-request") and "客户单位（盖章）：" in text_of("service-report")
    delivery = text_of("delivery")
    assert delivery.index("验收") < delivery.index("验收人（签字）：") and "日期：" in delivery


# ----------------------------------------------------------------------------- Chinese line breaking


def _lines(text: str, width: float) -> list[str]:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from desktop.documents import fonts
    from desktop.documents.text import markup

    style = ParagraphStyle("t", fontName=fonts.ensure_fonts(), fontSize=10, leading=14, wordWrap="CJK")
    para = Paragraph(markup(text), style)
    para.wrap(width, 1000)
    # One fragment: (extra, [text]) per line; several: line objects with words.
    return ["".join(w.text for w in line.words) if hasattr(line, "words") else "".join(line[1])
            for line in para.blPara.lines]


@pytest.mark.parametrize("width", [50, 60, 70, 80, 90, 100, 110])
def test_no_opening_bracket_at_a_line_end_and_numbers_keep_their_units(width: float) -> None:
    from desktop.documents.text import CANNOT_END

    for text in ("一二三四五六七八九（十）十一“十二”", "按要求在收到通知后24小时内到达现场，稀释1:100后使用",
                 "有效氯500mg/L（按标签）使用"):
        lines = _lines(text, width)
        assert "".join(lines) == text
        for line in lines[:-1]:
            assert line[-1] not in CANNOT_END, (width, lines)
        for a, b in zip(lines, lines[1:]):
            assert not (a[-1].isdigit() and (b[0].isdigit() or b[0] in "小m后")), (width, lines)
