"""Digital signatures of exported PDFs (PAdES, pyHanko), and their verification.

* **What signs.**  This laptop's key and self-signed certificate (``storage.keys``: made at the first
  export, ``<data>/keys/``), or the company's PKCS#12 file when ``<data>/signing.json`` names one.
* **How.**  :func:`sign_file` adds an invisible PAdES certification signature (no changes allowed)
  as an incremental update, from one file into another: the output is never written over its input.
* **Verification.**  :func:`verify_pdf` says whether a PDF is exactly what one of our trusted
  signers exported: the signature is cryptographically intact, it covers the *entire* file (an
  incremental update appended after signing — a page added, an annotation — still validates with
  coverage ``ENTIRE_REVISION`` and must be refused), and the signer's certificate is trusted (this
  laptop's, the company's, or one placed in ``<data>/trusted-certs/``).  It also reads the record,
  revision and content hash that ``documents.stamp`` wrote into the metadata.  It never raises for a
  bad file: every refusal is a :class:`VerifyResult` with a Chinese message.

pyHanko costs about 0.5–1.4 s to import, so it is imported only inside these functions, never at
start-up.  See ``docs/signing.md``.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..storage import keys as keyfiles

SIGNATURE_FIELD = "AftersalesDesk"
PDF_MAGIC = b"%PDF-"


class SigningError(Exception):
    """Signing could not be done (message in Chinese, shown to the clerk as is)."""


# ---------------------------------------------------------------------------------------------
# Signing

_signers: dict[tuple[Any, ...], tuple[Any, str]] = {}


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1


def _load_signer(data_dir: Path, settings: Any) -> tuple[Any, str]:
    """(pyHanko signer, who signs) for this data folder: the company PKCS#12 file when configured,
    else the laptop key (made at first need).  Cached while the files are unchanged."""
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    try:
        config = keyfiles.signing_config(data_dir, settings)
    except keyfiles.KeyFileError as e:
        raise SigningError(str(e)) from e
    if config is not None:
        cache_key: tuple[Any, ...] = ("p12", str(config.pkcs12_file), _mtime(config.pkcs12_file),
                                      config.pkcs12_password)
        if cache_key in _signers:
            return _signers[cache_key]
        try:
            data = config.pkcs12_file.read_bytes()
        except OSError as e:
            raise SigningError(f"公司签名证书文件 {config.pkcs12_file} 无法读取：{e.strerror or e}") from e
        try:
            signer = signers.SimpleSigner.load_pkcs12_data(
                data, other_certs=(), passphrase=config.pkcs12_password.encode("utf-8") or None
            )
        except (ValueError, TypeError) as e:
            raise SigningError(
                f"公司签名证书文件 {config.pkcs12_file} 无法打开：不是 PKCS#12 文件，或密码不对"
            ) from e
        result = (signer, _cert_name(signer.signing_cert))
        _signers.clear()
        _signers[cache_key] = result
        return result

    laptop_code = str(getattr(settings, "laptop_code", "") or "")
    company = str(getattr(settings, "company_name", "") or "")
    kp, cp = keyfiles.key_path(data_dir), keyfiles.cert_path(data_dir)
    cache_key = ("laptop", str(kp), _mtime(kp), _mtime(cp))
    if cache_key in _signers:
        return _signers[cache_key]
    try:
        key_pem, cert_pem = keyfiles.ensure_laptop_key(data_dir, laptop_code, company)
    except keyfiles.KeyFileError as e:
        raise SigningError(str(e)) from e
    from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data

    cert = next(iter(load_certs_from_pemder_data(cert_pem)))
    signer = signers.SimpleSigner(
        signing_key=load_private_key_from_pemder_data(key_pem, passphrase=None),
        signing_cert=cert,
        cert_registry=SimpleCertificateStore(),
    )
    result = (signer, _cert_name(cert))
    _signers.clear()
    _signers[("laptop", str(kp), _mtime(kp), _mtime(cp))] = result
    return result


def sign_file(src: Path, dst: Path, data_dir: Path, settings: Any = None, *, reason: str = "") -> None:
    """Sign the PDF ``src`` into the new file ``dst`` (an invisible PAdES certification signature
    that allows no later change).  ``src`` and ``dst`` must differ; ``dst`` is overwritten."""
    if Path(src).resolve() == Path(dst).resolve():
        raise ValueError("sign_file: the signed output must not be written onto its input")
    signer, _name = _load_signer(data_dir, settings)
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
        reason=reason or "消杀药品售后服务台导出",
        location=str(getattr(settings, "laptop_code", "") or "") or None,
    )
    with open(src, "rb") as inf:
        writer = IncrementalPdfFileWriter(inf, strict=False)
        with open(dst, "wb") as outf:
            signers.sign_pdf(writer, meta, signer=signer, output=outf)
            outf.flush()
            os.fsync(outf.fileno())


# ---------------------------------------------------------------------------------------------
# Verification


@dataclass
class VerifyResult:
    """What :func:`verify_pdf` found.  ``ok`` is the whole answer; ``message`` says it in one line."""

    ok: bool
    status: str  # intact | unreadable | not_pdf | damaged | unsigned | changed | appended | untrusted | invalid | content_differs
    message: str
    document: str = ""  # record | blank | letter | "" (not ours or unknown)
    title: str = ""
    kind: str = ""
    record_id: str = ""
    number: str = ""
    revision: int | None = None
    content_hash: str = ""
    check_code: str = ""
    signer: str = ""
    trusted_as: str = ""  # 本机证书 | 公司证书 | 受信任证书 <file>
    signed_at: dt.datetime | None = None
    current_revision: int | None = None  # the record's revision in this laptop's database
    renderer: str = ""  # /AsdRenderer: the software and settings that rendered the pages
    content: str = ""  # matches | differs | not_compared | not_here ("" : no record to compare with)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report as printed by ``verify``: the verdict first, then what is known."""
        out = [self.message]
        if not self.ok and (self.title or self.number):
            out.append("以下内容取自文件本身，未经签名确认：")
        if self.title:
            out.append(f"表单：{self.title}")
        if self.number:
            out.append(f"编号：{self.number}")
        if self.revision is not None:
            out.append(f"版本：第 {self.revision} 版")
        if self.check_code:
            out.append(f"校验码：{self.check_code}")
        if self.signer:
            out.append(f"签名：{self.signer}" + (f"（{self.trusted_as}）" if self.trusted_as else ""))
        if self.signed_at is not None:
            out.append(f"签名时间：{self.signed_at.astimezone().strftime('%Y-%m-%d %H:%M:%S %z')}")
        out += self.notes
        return out


def _cert_name(cert: Any) -> str:
    """"Aftersales Desk A3 · 某某消杀药业有限公司" from an asn1crypto certificate."""
    try:
        native = cert.subject.native
    except Exception:  # noqa: BLE001 - a name we cannot read is shown as unknown
        return "（未知）"
    parts = [native.get("common_name"), native.get("organization_name")]
    parts = [", ".join(p) if isinstance(p, list) else p for p in parts]
    return " · ".join(str(p) for p in parts if p) or cert.subject.human_friendly


def certificate_fingerprint(cert: Any) -> str:
    """"AB:CD:…" (SHA-256 of the certificate), to compare with the file a laptop gives head office."""
    try:
        return ":".join(f"{b:02X}" for b in bytes.fromhex(cert.sha256.hex()))
    except Exception:  # noqa: BLE001
        return "（未知）"


def _trust_roots(data_dir: Path, settings: Any = None) -> tuple[list[tuple[Any, str]], list[str]]:
    """The certificates verification trusts, each with what it is, and notes on files that could
    not be read.  Reading never makes a key."""
    from pyhanko.keys import load_certs_from_pemder_data

    roots: list[tuple[Any, str]] = []
    notes: list[str] = []
    pem = keyfiles.laptop_certificate_pem(data_dir)
    if pem:
        try:
            roots += [(c, "本机证书") for c in load_certs_from_pemder_data(pem)]
        except Exception:  # noqa: BLE001
            notes.append(f"注意：本机证书 {keyfiles.cert_path(data_dir)} 无法读取")
    try:
        config = keyfiles.signing_config(data_dir, settings)
    except keyfiles.KeyFileError as e:
        config = None
        notes.append(f"注意：{e}")
    if config is not None:
        try:
            from cryptography.hazmat.primitives.serialization import pkcs12
            from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1

            _k, cert, extra = pkcs12.load_key_and_certificates(
                config.pkcs12_file.read_bytes(), config.pkcs12_password.encode("utf-8") or None
            )
            for c in ([cert] if cert is not None else []) + list(extra):
                roots.append((translate_pyca_cryptography_cert_to_asn1(c), "公司证书"))
        except Exception:  # noqa: BLE001
            notes.append(f"注意：公司签名证书文件 {config.pkcs12_file} 无法打开（文件或密码不对）")
    for path in keyfiles.trusted_cert_files(data_dir):
        try:
            certs = list(load_certs_from_pemder_data(path.read_bytes()))
            if not certs:
                raise ValueError("no certificate")
            roots += [(c, f"受信任证书 {keyfiles.TRUSTED_DIR}/{path.name}") for c in certs]
        except Exception:  # noqa: BLE001
            notes.append(f"注意：受信任证书文件 {path} 无法读取，已忽略")
    return roots, notes


def _identity(reader: Any, result: VerifyResult) -> None:
    """Fill in the record, revision and hash from the document information dictionary."""
    from ..documents.stamp import DOC_HANDOUTS, DOC_LETTER, DOC_TRAINING, PageStamp

    try:
        info = reader.trailer["/Info"]
        d = {str(k): str(v) for k, v in info.items()}
    except Exception:  # noqa: BLE001 - no readable metadata: not one of our documents
        return
    if d.get("/AsdDocument") in (DOC_LETTER, DOC_HANDOUTS, DOC_TRAINING):
        result.document = d["/AsdDocument"]
        result.title = d.get("/Title", "")
        # Their page stamp (issue 13): a training sheet names its session; the letter and the
        # handouts a document number and the hash of their text.
        result.number = d.get("/AsdNumber", "")
        result.content_hash = d.get("/AsdContentHash", "").lower()
        result.check_code = PageStamp("", "", "", 0, result.content_hash).check_code if result.content_hash else ""
        if d["/AsdDocument"] == DOC_TRAINING and d.get("/AsdKind") == "training" and d.get("/AsdRevision", "0") != "0":
            stamp = PageStamp.from_info({**d, "/AsdDocument": "record"})
            if stamp is not None:
                result.kind, result.record_id, result.revision = stamp.kind, stamp.record_id, stamp.revision
        return
    result.renderer = d.get("/AsdRenderer", "")
    stamp = PageStamp.from_info(d)
    if stamp is None:
        result.title = d.get("/Title", "")
        return
    from ..domain.forms import SPECS

    spec = SPECS.get(stamp.kind)
    result.document = "blank" if stamp.blank else "record"
    result.title = (spec.title if spec is not None else stamp.kind) + ("（空白纸质表）" if stamp.blank else "")
    result.kind = stamp.kind
    result.record_id = stamp.record_id
    result.number = stamp.number
    result.revision = stamp.revision
    result.content_hash = stamp.content_hash
    result.check_code = stamp.check_code


def _rendered_again(kind: str, record: Any, blank: bool, service: Any, settings: Any) -> bytes:
    """The pages of ``record`` as this laptop renders them now (the bytes before signing)."""
    from ..documents.form_pdf import render_record
    from ..domain.forms import SPECS
    from .export import blank_copy, renderer_tag

    out = io.BytesIO()
    paper = blank_copy(record) if blank else record
    render_record(SPECS[kind], paper, settings, service.photo_bytes, out, blank=blank,
                  renderer=renderer_tag(settings, SPECS[kind]))
    return out.getvalue()


def _compare_with_database(result: VerifyResult, service: Any, data: bytes, settings: Any) -> None:
    """How the file stands to the record in this laptop's database, and whether its pages show that
    revision: the revision is rendered again and compared byte for byte with the signed file's first
    part (rendering is reproducible; signing only appends).  Sets ``result.content``: ``matches`` |
    ``differs`` | ``not_compared`` | ``not_here``."""
    if not result.record_id or not result.kind or result.revision is None:
        return
    try:
        from ..domain.forms import SPECS
        from ..domain.records import content_hashes
        from .export import renderer_tag
        from .records import NotFound

        try:
            record = service.get(result.kind, result.record_id)
        except NotFound:
            result.content = "not_here"
            result.notes.append("本机数据库中没有这条记录（可能是在另一台电脑上登记的）：页面内容未核对。")
            return
        result.current_revision = record.revision
        if record.revision > result.revision:
            result.notes.append(f"这是第 {result.revision} 版；该记录现在是第 {record.revision} 版。")
            try:
                record = service.get_revision(result.kind, result.record_id, result.revision)
            except NotFound:
                result.content = "not_here"
                result.notes.append(f"本机没有存档第 {result.revision} 版：页面内容未核对。")
                return
        if record.revision != result.revision:
            result.content = "not_here"
            result.notes.append(f"本机没有第 {result.revision} 版（本机最新为第 {record.revision} 版）：页面内容未核对。")
            return
        blank = result.document == "blank"
        if blank:
            from .export import blank_hashes

            current = blank_hashes(record)  # this version's blank and the one 0.1.0 printed
        else:
            current = content_hashes(SPECS[result.kind], record)
        hash_matches = result.content_hash in current
        if settings is None:
            settings = service.settings()
        if result.document not in ("record", "blank"):  # a training sheet: only its hash is compared
            pass
        elif data.startswith(_rendered_again(result.kind, record, blank, service, settings)):
            result.content = "matches"
            result.notes.append(f"页面内容已核对：与本机存档的第 {record.revision} 版重新生成的页面逐字节一致。")
        elif result.renderer and result.renderer == renderer_tag(settings, SPECS[result.kind]):
            result.content = "differs"
        else:
            result.content = "not_compared"
            made_by = result.renderer or "较早版本的本软件"
            result.notes.append(
                f"页面内容未逐字核对：这份文件由 {made_by} 生成，本机的软件版本或公司信息设置已不同，无法逐字节重现。"
            )
        if hash_matches and result.content != "differs":
            if record.revision < (result.current_revision or 0):
                result.notes.append(f"文件标注的内容哈希与本机存档的第 {record.revision} 版一致。")
            else:
                result.notes.append("文件标注的内容哈希与本机记录的当前内容一致。")
        elif not hash_matches:
            result.notes.append("注意：本机记录的当前内容与这份 PDF 不同（导出之后记录又被修改过）。")
    except Exception as e:  # noqa: BLE001 - the database is a nice-to-have here
        result.notes.append(f"注意：无法在本机数据库中查找这条记录：{e}")


def _os_reason(e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return "文件不存在"
    if isinstance(e, IsADirectoryError):
        return "这是一个文件夹，不是文件"
    if isinstance(e, PermissionError):
        return "没有读取权限"
    return str(e.strerror or e)


def _quiet_library_logs() -> None:
    """pyHanko logs every certificate it cannot trust as a warning with a traceback; with no logging
    configured (the command line) Python would print that to stderr.  A ``NullHandler`` keeps it out
    of the terminal; an application that configures logging still receives the records."""
    import logging

    for name in ("pyhanko", "pyhanko_certvalidator"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


def verify_pdf(path: str | os.PathLike[str], data_dir: Path, service: Any = None,
               settings: Any = None, extra_roots: list[tuple[Any, str]] | None = None) -> VerifyResult:
    """Is ``path`` a PDF exported and signed by a trusted signer, unchanged since?  Never raises
    for a bad file.  ``service`` (a ``RecordService``, optional) adds how the file's revision stands
    to the record in this laptop's database.  ``extra_roots``: more trusted certificates, each with
    what it is (head office: the laptops' own, ``services.sync.verify_at_head_office``)."""
    name = Path(path).name
    _quiet_library_logs()
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        return VerifyResult(False, "unreadable", f"无法读取文件 {name}：{_os_reason(e)}")
    if not data.strip():
        return VerifyResult(False, "not_pdf", f"不是 PDF 文件：{name} 是空的")
    if PDF_MAGIC not in data[:1024]:
        return VerifyResult(False, "not_pdf", f"不是 PDF 文件：{name} 不是 PDF 格式")

    try:
        from pyhanko.pdf_utils.reader import PdfFileReader

        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
    except Exception:  # noqa: BLE001 - any parse failure: the file is damaged
        return VerifyResult(False, "damaged", f"PDF 文件已损坏或不完整（可能被截断或改动），无法校验：{name}")
    result = VerifyResult(False, "unsigned", "")
    _identity(reader, result)
    if not signatures:
        result.message = "没有数字签名：这不是本软件导出的原件，或签名已被去除。"
        return result

    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    if settings is None and service is not None:
        try:
            settings = service.settings()  # a company PKCS#12 file named in the settings is trusted too
        except Exception:  # noqa: BLE001
            settings = None
    roots, notes = _trust_roots(data_dir, settings)
    roots += list(extra_roots or ())
    result.notes += notes
    sig = signatures[0]  # ours is the first; any later one came after it
    try:
        vc = ValidationContext(trust_roots=[c for c, _ in roots], allow_fetching=False,
                               revocation_mode="soft-fail")
        status = validate_pdf_signature(
            sig,
            vc,
            skip_diff=True,  # any update after signing is refused below, whatever it changed
            key_usage_settings=KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}),
        )
    except Exception:  # noqa: BLE001 - a signature pyHanko cannot even evaluate
        result.status = "damaged"
        result.message = "文件已损坏或被改动：数字签名无法校验。"
        return result

    result.signer = _cert_name(status.signing_cert)
    result.signed_at = status.signer_reported_dt
    if not status.intact:
        result.status = "changed"
        result.message = "文件已被改动：内容与签名不符（签名之后有内容被修改）。"
        return result
    if not status.valid:
        result.status = "invalid"
        result.message = "签名无效：签名数据已损坏或被改动。"
        return result
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        result.status = "appended"
        result.message = "文件在签名之后被追加了修改（例如增加了页面、批注或签名），不再是导出时的原件。"
        return result
    if not _only_padding_after_signature(data, sig):
        result.status = "changed"
        result.message = "文件已被改动：签名区域中有多余的数据。"
        return result
    if not status.trusted:
        result.status = "untrusted"
        result.message = (
            f"签名不受信任：签名证书“{result.signer}”不是本机、公司或已列为受信任的证书，"
            "不能确认这是本公司导出的文件。"
        )
        result.notes.append(f"证书 SHA-256 指纹：{certificate_fingerprint(status.signing_cert)}")
        result.notes.append(
            f"如果它来自本公司的另一台电脑，请把那台电脑数据文件夹中的 {keyfiles.KEYS_DIR}/{keyfiles.CERT_FILE} "
            f"复制到本机数据文件夹的 {keyfiles.TRUSTED_DIR} 文件夹（{keyfiles.trusted_dir(data_dir)}）。"
        )
        return result
    result.trusted_as = _trusted_as(status, roots)
    result.ok = True
    result.status = "intact"
    if result.document in ("record", "blank"):
        result.message = (f"签名完好：{result.title} {result.number} 第 {result.revision} 版，自签名后未被改动"
                          "（本机没有数据库可核对页面内容）。")
    elif result.document == "letter":
        result.message = f"完好：{result.title or '售后服务承诺书'}{' ' + result.number if result.number else ''}，自签名后未被改动。"
    elif result.document == "handouts":
        result.message = f"完好：{result.title or '培训讲义'}{' ' + result.number if result.number else ''}，自签名后未被改动。"
    elif result.document == "training":
        result.message = f"完好：{result.title or '培训签到及考核表'}{' ' + result.number if result.number else ''}，自签名后未被改动。"
    else:
        result.message = "完好：签名有效、可信，自签名后未被改动。"
        result.notes.append("注意：文件中没有本软件的记录标识（不是本软件导出的表单）。")
    if service is not None:
        _compare_with_database(result, service, data, settings)
        if result.content == "differs":
            result.ok = False
            result.status = "content_differs"
            result.message = (
                f"页面内容与本机存档的 {result.number} 第 {result.revision} 版不符：签名有效（{result.signer}），"
                "但本机用同一版本的软件和设置重新生成的页面与文件不同。这份文件所示的不是该版记录的内容，"
                "可能是用复制的密钥伪造的，不能作为原件。"
            )
        elif result.content == "matches":
            result.message = (
                f"完好：{result.title} {result.number} 第 {result.revision} 版，自签名后未被改动，"
                "页面内容与本机存档的该版一致。"
            )
        elif result.content:
            result.message = (
                f"签名完好：{result.title} {result.number} 第 {result.revision} 版，自签名后未被改动"
                "（页面内容未与本机存档核对，见下文）。"
            )
    return result


def _only_padding_after_signature(data: bytes, sig: Any) -> bool:
    """The one part of the file a PDF signature cannot cover is its own ``/Contents`` hex string:
    the signature container followed by zeros reserved for it.  pyHanko ignores what follows the
    container, so a changed byte there would go unnoticed; require zeros, so that *any* changed
    byte is refused."""
    try:
        _start, first_len, second_start, _second_len = (int(v) for v in sig.sig_object["/ByteRange"])
        hex_text = data[first_len:second_start].strip()
        if not (hex_text.startswith(b"<") and hex_text.endswith(b">")):
            return False
        raw = bytes.fromhex(hex_text[1:-1].decode("ascii"))
        if len(raw) < 2 or raw[0] != 0x30:
            return False
        if raw[1] < 0x80:
            end = 2 + raw[1]
        else:
            n = raw[1] & 0x7F
            end = 2 + n + int.from_bytes(raw[2 : 2 + n], "big")
        return end <= len(raw) and not any(raw[end:])
    except Exception:  # noqa: BLE001 - anything unexpected there is a change
        return False


def _trusted_as(status: Any, roots: list[tuple[Any, str]]) -> str:
    """Which of our trusted certificates the signature's chain ends in."""
    path = getattr(status, "validation_path", None)
    anchor = None
    try:
        anchor = path.trust_anchor.authority.certificate if path is not None else None  # type: ignore[union-attr]
    except Exception:  # noqa: BLE001
        anchor = None
    candidates = [c for c in (anchor, status.signing_cert) if c is not None]
    for cand in candidates:
        for cert, what in roots:
            try:
                if cert.sha256 == cand.sha256:
                    return what
            except Exception:  # noqa: BLE001
                continue
    return ""
