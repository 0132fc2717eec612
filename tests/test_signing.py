"""Tamper evidence: the page stamp (QR code and readable code on every page), reproducible rendering,
the PAdES signature of every export, and ``verify`` accepting an untouched PDF and refusing a changed
one, an appended page, a file signed by an untrusted laptop, and files that are not PDFs at all."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import os
import random
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter
from support import NOW, TODAY

from desktop.cli import main
from desktop.documents.stamp import QR_FORM, PageStamp, qr_modules, record_stamp
from desktop.domain.clock import FixedClock
from desktop.domain.forms import SPECS
from desktop.domain.records import content_hash
from desktop.services.context import open_context
from desktop.services.demo import example_object
from desktop.services.export import renderer_tag, blank_copy, export_blank, export_commitment_letter, export_record
from desktop.services.signing import SigningError, sign_file, verify_pdf
from desktop.services.transfer import import_records
from desktop.storage import keys as keyfiles

COMPANY = "测试消杀药业有限公司"
FINDINGS = "现场查看库房储存条件及剩余产品，核对批号与送货单一致；抽取剩余样品带回公司质量部门检测。" * 40


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _laptop(folder: Path, template: Path, code: str) -> Any:
    """A laptop's data folder (a copy of the session's migrated template) with laptop code ``code``."""
    shutil.copytree(template, folder / "data", ignore=shutil.ignore_patterns("backups"))
    ctx = open_context(folder / "data", FixedClock(NOW))
    s = ctx.records.settings()
    s.company_name, s.laptop_code = COMPANY, code
    ctx.records.save_settings(s)
    return ctx


def _complaint(ctx: Any) -> Any:
    obj = example_object("complaint", TODAY)
    obj["findings"] = FINDINGS  # long enough for several pages
    (record,) = import_records(ctx.records, [obj]).records
    return record


@dataclasses.dataclass
class Exported:
    data_dir: Path
    ctx: Any
    record: Any
    pdf: Path
    blank: Path
    letter: Path


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, template_data_dir: Path) -> Iterator[Exported]:
    """One laptop (A3) with a multi-page complaint exported filled, blank, and the letter."""
    root = tmp_path_factory.mktemp("signing")
    ctx = _laptop(root, template_data_dir, "A3")
    record = _complaint(ctx)
    out = root / "out"
    pdf = export_record(ctx.records, record, out / "filled.pdf")
    blank = export_blank(ctx.records, record, out / "blank.pdf")
    letter = export_commitment_letter(ctx.records, out / "letter.pdf", recipient="第一人民医院")
    yield Exported(ctx.data_dir, ctx, record, pdf, blank, letter)
    ctx.close()


def run_verify(capsys: pytest.CaptureFixture[str], data_dir: Path, path: Path) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "verify", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def copy_with(path: Path, target: Path, data: bytes | None = None) -> Path:
    target.write_bytes(path.read_bytes() if data is None else data)
    return target


def byte_range(data: bytes) -> list[int]:
    m = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data)
    assert m is not None
    return [int(g) for g in m.groups()]


# ---------------------------------------------------------------------------------------------
# Intact files


def test_exported_record_verifies(exported: Exported, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_verify(capsys, exported.data_dir, exported.pdf)
    assert code == 0, err
    r = exported.record
    assert out.startswith("完好")
    assert "客户投诉登记反馈表" in out and r.number in out and f"第 {r.revision} 版" in out
    assert "Aftersales Desk A3" in out and COMPANY in out and "本机证书" in out
    # the data folder has the database: the revision is rendered again and compared byte for byte
    assert "页面内容与本机存档的该版一致" in out and "逐字节一致" in out


def _sign_rendering(ctx: Any, record: Any, target: Path, stamp_of: Any = None, renderer: str | None = None,
                    blank: bool = False) -> Path:
    """``record`` rendered and signed with this laptop's own key, as a forger holding a copy of the
    key would; ``stamp_of`` prints another record's page stamp (its hash) on the pages."""
    from desktop.documents import form_pdf

    rendered = target.with_suffix(".unsigned.pdf")
    real_stamp = form_pdf.record_stamp
    if stamp_of is not None:
        form_pdf.record_stamp = lambda spec, _r, blank=False: real_stamp(spec, stamp_of, blank)
    try:
        settings = ctx.records.settings()
        form_pdf.render_record(SPECS[record.kind], record, settings, ctx.records.photo_bytes, rendered, blank=blank,
                               renderer=renderer_tag(settings, SPECS[record.kind]) if renderer is None else renderer)
    finally:
        form_pdf.record_stamp = real_stamp
    sign_file(rendered, target, ctx.data_dir, ctx.records.settings())
    return target


def test_forged_pages_signed_with_a_copied_key_are_refused(
    exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 11: whoever copies the key can sign pages that show other content under the metadata of
    the real revision.  verify renders the revision again and compares what was signed."""
    r = exported.record
    forged = dataclasses.replace(r, values=dataclasses.replace(r.values, fields={**r.values.fields,
                                                                                "findings": "经查，产品无质量问题。"}))
    pdf = _sign_rendering(exported.ctx, forged, tmp_path / "forged.pdf", stamp_of=r)
    result = verify_pdf(pdf, exported.data_dir, exported.ctx.records)
    assert result.content_hash == content_hash(SPECS["complaint"], r)  # the metadata names the real revision
    assert not result.ok and result.status == "content_differs" and result.content == "differs"
    code, out, err = run_verify(capsys, exported.data_dir, pdf)
    assert code == 1 and (out + err).startswith("页面内容与本机存档的") and "完好" not in (out + err).splitlines()[0]

    # the same rendering of the real revision, signed the same way, is accepted: it is the check that refuses
    genuine = _sign_rendering(exported.ctx, r, tmp_path / "genuine.pdf")
    result = verify_pdf(genuine, exported.data_dir, exported.ctx.records)
    assert result.ok and result.content == "matches", result.lines()


def test_verify_says_what_it_did_not_check(exported: Exported, tmp_path: Path) -> None:
    """Without the database, or for a file another version of the software rendered, verify says the
    pages were not compared instead of calling them intact."""
    result = verify_pdf(exported.pdf, exported.data_dir)  # no service: no database to compare with
    assert result.ok and result.message.startswith("签名完好") and "未" in result.message

    older = _sign_rendering(exported.ctx, exported.record, tmp_path / "older.pdf",
                            renderer="aftersales-desk 0.1.0; reportlab 3.6; settings 000000000000")
    # a different /AsdRenderer gives different bytes; the difference is explained, not called forged
    result = verify_pdf(older, exported.data_dir, exported.ctx.records)
    assert result.ok and result.content == "not_compared" and result.message.startswith("签名完好"), result.lines()
    assert any("0.1.0" in n for n in result.notes)


def test_a_blank_printed_by_0_1_0_still_verifies_against_its_record(exported: Exported, tmp_path: Path) -> None:
    """0.1.0 printed a ticket's blank with its number only; this version pre-fills it, so its hash
    differs, yet the old paper is still that record's blank (services.export.blank_hashes)."""
    ctx = exported.ctx
    (ticket,) = import_records(ctx.records, [example_object("ticket", TODAY)]).records
    old_paper = dataclasses.replace(blank_copy(ticket), values=dataclasses.replace(
        blank_copy(ticket).values, fields={}))
    pdf = _sign_rendering(ctx, old_paper, tmp_path / "old-blank.pdf", blank=True,
                          renderer="aftersales-desk 0.1.0; reportlab 4.2.0; settings 000000000000")
    result = verify_pdf(pdf, exported.data_dir, ctx.records)
    assert result.ok and result.document == "blank" and result.content == "not_compared", result.lines()
    assert "文件标注的内容哈希与本机记录的当前内容一致。" in result.notes, result.lines()


def test_result_carries_the_identity(exported: Exported) -> None:
    result = verify_pdf(exported.pdf, exported.data_dir)
    r = exported.record
    stamp = record_stamp(SPECS["complaint"], r)
    assert result.ok and result.status == "intact" and result.document == "record"
    assert (result.kind, result.record_id, result.number, result.revision) == ("complaint", r.id, r.number, 1)
    assert result.content_hash == content_hash(SPECS["complaint"], r) == stamp.content_hash
    assert result.check_code == stamp.check_code
    assert result.signed_at is not None


def test_blank_form_and_letter_are_signed_too(exported: Exported, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_verify(capsys, exported.data_dir, exported.blank)
    assert code == 0, err
    assert "空白纸质表" in out and exported.record.number in out
    result = verify_pdf(exported.blank, exported.data_dir)
    assert result.document == "blank" and result.record_id == exported.record.id
    assert result.content_hash == content_hash(SPECS["complaint"], blank_copy(exported.record))

    code, out, err = run_verify(capsys, exported.data_dir, exported.letter)
    assert code == 0, err
    assert out.startswith("完好") and "售后服务承诺书" in out
    assert verify_pdf(exported.letter, exported.data_dir).document == "letter"
    assert QR_FORM in exported.letter.read_bytes().decode("latin-1")  # not a record, but a page stamp too


def test_a_newer_revision_in_the_database_is_reported(exported: Exported) -> None:
    class Newer:
        def get(self, kind: str, record_id: str) -> Any:
            return dataclasses.replace(exported.ctx.records.get(kind, record_id), revision=2)

    result = verify_pdf(exported.pdf, exported.data_dir, Newer())
    assert result.ok and result.current_revision == 2
    assert "这是第 1 版；该记录现在是第 2 版。" in result.lines()


def test_no_temporary_files_and_private_key(exported: Exported) -> None:
    assert sorted(p.name for p in exported.pdf.parent.iterdir()) == ["blank.pdf", "filled.pdf", "letter.pdf"]
    key = keyfiles.key_path(exported.data_dir)
    assert key.exists() and keyfiles.cert_path(exported.data_dir).exists()
    if os.name == "posix":
        assert key.stat().st_mode & 0o777 == 0o600
    from cryptography import x509

    cert = x509.load_pem_x509_certificate(keyfiles.cert_path(exported.data_dir).read_bytes())
    assert cert.subject.rfc4514_string() == f"O={COMPANY},CN=Aftersales Desk A3"


# ---------------------------------------------------------------------------------------------
# Changed files


def test_one_flipped_byte_in_the_content_is_refused(
    exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = bytearray(exported.pdf.read_bytes())
    pos = data.index(b"\nstream") + 60  # inside the first compressed stream: the file still parses
    assert pos < byte_range(bytes(data))[1]
    data[pos] ^= 0x01
    bad = copy_with(exported.pdf, tmp_path / "flipped.pdf", bytes(data))
    code, _out, err = run_verify(capsys, exported.data_dir, bad)
    assert code == 1
    assert "已被改动" in err
    assert verify_pdf(bad, exported.data_dir).status == "changed"


def test_any_flipped_byte_is_refused(exported: Exported, tmp_path: Path) -> None:
    original = exported.pdf.read_bytes()
    _start, first_len, second_start, second_len = byte_range(original)
    rng = random.Random(4)
    signed_positions = [rng.randrange(0, first_len) for _ in range(12)]
    signed_positions += [rng.randrange(second_start, second_start + second_len) for _ in range(6)]
    # The signature's own hex string is outside the signed range: its signature value (the end of
    # the container) and the zeros reserved after it are checked all the same.
    container = original[first_len + 1 : second_start - 1]
    signature_value = first_len + 1 + len(container.rstrip(b"0")) - 3
    padding = second_start - 10
    for pos in [*signed_positions, signature_value, padding]:
        data = bytearray(original)
        data[pos] ^= 0x01
        if pos in (signature_value, padding):  # keep it a hex digit
            data[pos] = ord("7") if original[pos] != ord("7") else ord("8")
        bad = copy_with(exported.pdf, tmp_path / "bad.pdf", bytes(data))
        result = verify_pdf(bad, exported.data_dir)
        assert not result.ok, (pos, result.message)
        assert result.status in ("changed", "damaged", "invalid", "unsigned", "appended"), result.status


def test_an_appended_page_is_refused(exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An incremental update keeps the signed bytes as they were; the signature alone still checks
    out (coverage ENTIRE_REVISION), so verify must insist on ENTIRE_FILE."""
    writer = PdfWriter(exported.pdf, incremental=True)
    writer.add_blank_page()
    buf = io.BytesIO()
    writer.write(buf)
    data = buf.getvalue()
    assert data.startswith(exported.pdf.read_bytes())  # really incremental: the signed part untouched
    bad = copy_with(exported.pdf, tmp_path / "appended.pdf", data)
    assert len(PdfReader(bad).pages) == len(PdfReader(exported.pdf).pages) + 1
    code, _out, err = run_verify(capsys, exported.data_dir, bad)
    assert code == 1 and "追加" in err
    assert verify_pdf(bad, exported.data_dir).status == "appended"


def test_trailing_bytes_are_refused(exported: Exported, tmp_path: Path) -> None:
    bad = copy_with(exported.pdf, tmp_path / "tail.pdf", exported.pdf.read_bytes() + b"\n% appended\n")
    assert not verify_pdf(bad, exported.data_dir).ok


# ---------------------------------------------------------------------------------------------
# Not ours, not signed, not a PDF


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("random.pdf", random.Random(1).randbytes(5000), "不是 PDF 文件"),
        ("notes.txt", "这不是 PDF，只是一段文字。\n".encode(), "不是 PDF 文件"),
        ("empty.pdf", b"", "不是 PDF 文件"),
        ("fake.pdf", b"%PDF-1.4\n" + random.Random(2).randbytes(3000), "已损坏"),
    ],
)
def test_not_a_pdf(
    exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, message: str
) -> None:
    code, _out, err = run_verify(capsys, exported.data_dir, copy_with(exported.pdf, tmp_path / name, content))
    assert code == 1 and message in err


def test_truncated_missing_and_folder(exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = exported.pdf.read_bytes()
    for n in (len(data) // 2, len(data) - 100):
        code, _out, err = run_verify(capsys, exported.data_dir, copy_with(exported.pdf, tmp_path / "cut.pdf", data[:n]))
        assert code == 1 and err.strip(), n
    code, _out, err = run_verify(capsys, exported.data_dir, tmp_path / "missing.pdf")
    assert code == 1 and "文件不存在" in err
    code, _out, err = run_verify(capsys, exported.data_dir, tmp_path)
    assert code == 1 and "文件夹" in err


def test_unsigned_pdf_is_refused(exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.documents.form_pdf import render_record

    path = tmp_path / "unsigned.pdf"
    render_record(SPECS["complaint"], exported.record, exported.ctx.records.settings(), lambda _s: b"", path)
    code, _out, err = run_verify(capsys, exported.data_dir, path)
    assert code == 1 and "没有数字签名" in err
    assert "未经签名确认" in err  # the identity it claims is shown, but as unconfirmed


def test_another_laptop_is_trusted_only_once_its_certificate_is_placed(
    exported: Exported, tmp_path: Path, template_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = _laptop(tmp_path / "b7", template_data_dir, "B7")
    try:
        record = _complaint(other)
        pdf = export_record(other.records, record, tmp_path / "b7.pdf")
        assert verify_pdf(pdf, other.data_dir).ok  # on its own laptop
    finally:
        other.close()
    code, _out, err = run_verify(capsys, exported.data_dir, pdf)
    assert code == 1 and "不受信任" in err and "Aftersales Desk B7" in err and "trusted-certs" in err

    trusted = keyfiles.trusted_dir(exported.data_dir)
    trusted.mkdir(exist_ok=True)
    try:
        (trusted / "notes.txt").write_text("not a certificate")  # ignored: not a certificate suffix
        (trusted / "broken.pem").write_text("-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n")
        shutil.copy(keyfiles.cert_path(other.data_dir), trusted / "B7.pem")
        code, out, err = run_verify(capsys, exported.data_dir, pdf)
        assert code == 0, err
        assert "完好" in out and "Aftersales Desk B7" in out and "trusted-certs/B7.pem" in out
        assert "broken.pem" in out  # an unreadable file is named, not fatal
        assert "本机数据库中没有这条记录" in out
    finally:
        shutil.rmtree(trusted)


def test_company_pkcs12(tmp_path: Path, template_data_dir: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    ctx = _laptop(tmp_path, template_data_dir, "C1")
    try:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = keyfiles.make_certificate(key, "总部", COMPANY)
        p12 = pkcs12.serialize_key_and_certificates(b"company", key, cert, None, BestAvailableEncryption(b"s3cret"))
        (ctx.data_dir / "company.p12").write_bytes(p12)
        config = ctx.data_dir / keyfiles.SIGNING_CONFIG
        config.write_text(json.dumps({"pkcs12_file": "company.p12", "pkcs12_password": "s3cret"}), "utf-8")
        record = _complaint(ctx)
        pdf = export_record(ctx.records, record, tmp_path / "out" / "c.pdf")
        result = verify_pdf(pdf, ctx.data_dir)
        assert result.ok and result.trusted_as == "公司证书" and "Aftersales Desk 总部" in result.signer
        assert not keyfiles.key_path(ctx.data_dir).exists()  # no laptop key was needed

        config.write_text(json.dumps({"pkcs12_file": "company.p12", "pkcs12_password": "wrong"}), "utf-8")
        target = tmp_path / "out" / "c.pdf"
        before = target.read_bytes()
        with pytest.raises(SigningError, match="密码"):
            export_record(ctx.records, record, target)
        assert target.read_bytes() == before  # the good file stays
        assert sorted(p.name for p in target.parent.iterdir()) == ["c.pdf"]  # no temporary file left
    finally:
        ctx.close()


def test_signing_never_writes_onto_its_input(exported: Exported) -> None:
    with pytest.raises(ValueError):
        sign_file(exported.pdf, exported.pdf, exported.data_dir)


# ---------------------------------------------------------------------------------------------
# The page stamp


def _qr_image(reader: PdfReader, page: Any, scale: float = 12.0) -> Any:
    """The QR form XObject painted by ``page``, rasterised from its rectangles (no PDF renderer)."""
    from PIL import Image, ImageDraw
    from pypdf.generic import ContentStream

    xobjects = page["/Resources"]["/XObject"]
    name = f"/FormXob.{QR_FORM}"
    assert name in xobjects
    assert f"{name} Do".encode() in page.get_contents().get_data()
    form = xobjects[name].get_object()
    x0, _y0, x1, y1 = (float(v) for v in form["/BBox"])
    quiet = 4 * (x1 - x0) / 29
    w = int((x1 - x0 + 2 * quiet) * scale)
    image = Image.new("L", (w, w), 255)
    draw = ImageDraw.Draw(image)
    for operands, op in ContentStream(form, reader).operations:
        if op == b"re":
            x, y, rw, rh = (float(v) for v in operands)
            left, top = (x - x0 + quiet) * scale, (y1 - (y + rh) + quiet) * scale
            draw.rectangle([round(left), round(top), round(left + rw * scale) - 1, round(top + rh * scale) - 1], fill=0)
    return image


def test_stamp_on_every_page(exported: Exported) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    stamp = record_stamp(SPECS["complaint"], exported.record)
    reader = PdfReader(exported.pdf)
    assert len(reader.pages) >= 2
    for i, page in enumerate(reader.pages, 1):
        text = squash(page.extract_text() or "")
        assert squash(stamp.label()) in text, i
        assert squash(f"第 {i} 页 共 {len(reader.pages)} 页") in text
        decoded = [b.text for b in zxingcpp.read_barcodes(_qr_image(reader, page))]
        assert decoded == [stamp.payload()], i
    meta = reader.metadata
    assert meta["/AsdStamp"] == stamp.payload() and meta["/AsdContentHash"] == stamp.content_hash
    assert meta["/AsdRecordId"] == exported.record.id and meta["/AsdRevision"] == "1"
    assert stamp.payload() in meta["/Keywords"]


def test_stamp_decodes_from_a_rendered_page(exported: Exported, tmp_path: Path) -> None:
    """What a scanner sees: the last page rendered at 150 dpi (when poppler's pdftoppm is installed)."""
    zxingcpp = pytest.importorskip("zxingcpp")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed")
    from PIL import Image

    n = len(PdfReader(exported.pdf).pages)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", str(n), "-l", str(n), str(exported.pdf),
                    str(tmp_path / "page")], check=True, timeout=60)
    (png,) = tmp_path.glob("page*.png")
    texts = [b.text for b in zxingcpp.read_barcodes(Image.open(png))]
    stamp = PageStamp.from_payload(texts[0])
    assert stamp is not None
    assert (stamp.kind, stamp.record_id, stamp.revision) == ("complaint", exported.record.id, 1)
    assert content_hash(SPECS["complaint"], exported.record).startswith(stamp.content_hash)


def test_blank_paper_stamp_names_the_record(exported: Exported) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    reader = PdfReader(exported.blank)
    payloads = {b.text for page in reader.pages for b in zxingcpp.read_barcodes(_qr_image(reader, page))}
    (payload,) = payloads
    stamp = PageStamp.from_payload(payload)
    assert stamp is not None and stamp.blank and stamp.record_id == exported.record.id
    assert "空白表" in squash(reader.pages[0].extract_text() or "")


def test_payload_is_compact_and_round_trips() -> None:
    rid = "5026d83c-bf79-4522-bf5b-b9144b9fc2e7"
    digest = "6b7cff770e121fa5e6ce4d455c6ee84959e7420fed6479a05fc510ebd1d1966a"
    for kind in SPECS:
        for blank in (False, True):
            stamp = PageStamp(kind, rid, "TS-2026-A3-0007", 12, digest, blank)
            payload = stamp.payload()
            assert re.fullmatch(r"[0-9A-Z:]+", payload)  # QR alphanumeric mode
            assert len(qr_modules(payload)) <= 29  # version 3: modules of 0.52 mm in a 15 mm code
            back = PageStamp.from_payload(payload)
            assert back is not None
            assert (back.kind, back.record_id, back.revision, back.blank) == (kind, rid, 12, blank)
            assert digest.startswith(back.content_hash)
    assert PageStamp(kind, rid, "TS-2026-A3-0007", 1, digest).label() == "TS-2026-A3-0007 · 第 1 版 · 校验码 6B7C-FF77"
    assert PageStamp.from_payload("https://example.com") is None


# ---------------------------------------------------------------------------------------------
# Reproducible rendering


def _page_streams(data: bytes) -> list[bytes]:
    return [p.get_contents().get_data() for p in PdfReader(io.BytesIO(data)).pages]


def test_same_revision_renders_the_same_pages(exported: Exported, tmp_path: Path) -> None:
    from desktop.documents.form_pdf import render_record

    settings = exported.ctx.records.settings()
    renders = []
    for _ in range(2):
        buf = io.BytesIO()
        render_record(SPECS["complaint"], exported.record, settings, lambda _s: b"", buf)
        renders.append(buf.getvalue())
    assert renders[0] == renders[1]  # the unsigned PDF: byte for byte
    again = export_record(exported.ctx.records, exported.record, tmp_path / "again.pdf")
    assert _page_streams(again.read_bytes()) == _page_streams(exported.pdf.read_bytes())
    created = PdfReader(again).metadata["/CreationDate"]
    updated = exported.record.updated_at.astimezone(dt.UTC)
    assert created.startswith(updated.strftime("D:%Y%m%d%H%M%S"))
