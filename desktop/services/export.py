"""PDF export of records, blank forms, the commitment letter and the training handouts (the renderers
are in ``documents.form_pdf``, ``documents.letter`` and ``documents.handouts``, imported lazily:
ReportLab only when a PDF is wanted).

Every export is digitally signed as its last step (``services.signing``: this laptop's key or the
company's PKCS#12 file): the PDF is rendered into one temporary file beside the target, signed from
it into a second, and only then moved over the target, so a half-written or unsigned PDF never
replaces a good one and the signature is never written onto its own input.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from ..domain.fields import RecordValues
from ..domain.forms import SPECS
from ..domain.records import Record
from .records import RecordService

BLANK_FIELDS: dict[str, tuple[str, ...]] = {
    "survey": ("customer_unit", "respondent", "survey_type", "survey_date"),
    "service-report": (
        "service_type",
        "service_date",
        "staff",
        "customer_unit",
        "contact_name",
        "contact_phone",
        "customer_address",
    ),
    "complaint": (
        "received_date",
        "receiver",
        "complainant_unit",
        "complainant_name",
        "complainant_phone",
        "complainant_address",
    ),
    "return-request": (
        "request_date",
        "staff",
        "customer_unit",
        "contact_name",
        "contact_phone",
        "customer_address",
    ),
    # Issue 13: the ticket, follow-up and training blanks are pre-filled the same way (who and what the
    # paper is about); the follow-up keeps its 依据单号 so it never prints 来源 beside an empty basis.
    "ticket": (
        "call_date",
        "call_time",
        "receiver",
        "customer_unit",
        "customer_number",
        "customer_address",
        "caller_name",
        "caller_phone",
    ),
    "followup": (
        "followup_type",
        "due_date",
        "basis_number",
        "assigned_staff",
        "customer_unit",
        "contact_name",
        "contact_phone",
        "product_name",
        "batch_no",
    ),
    "training": ("topic", "audience", "customer_unit", "training_date", "place", "start_time", "end_time", "trainer"),
    "customer": ("name", "short_name", "unit_type", "region", "phone", "address", "sales_rep"),
    "product": ("name", "category", "formulation", "registration_no", "manufacturer"),
    "delivery": ("customer_unit", "contact_name", "contact_phone", "delivery_date", "shipped_by", "product_name",
                 "batch_no"),
    "use-record": ("customer_unit", "delivery_number", "product_name", "batch_no"),
}
"""By form kind: the fields a blank paper form keeps from its record (besides the number): who it is
for, so the returned paper can be matched to the record.  Everything else is left to fill by hand."""


def _data_dir(service: RecordService) -> Path:
    """The data folder of ``service`` (where the keys live): the database file's folder."""
    return Path(service.db.path).parent


def _temp_beside(target: Path, tag: str) -> Path:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.{tag}.", suffix=".pdf")
    os.close(fd)
    # mkstemp makes the file private (0600); an exported form is an ordinary document that the
    # user mails or copies, so give it the usual permissions.
    os.chmod(tmp, 0o644)
    return Path(tmp)


def _write_atomically(
    target: Path,
    write: Callable[[str | os.PathLike[str] | IO[bytes]], Any],
    service: RecordService | None = None,
    settings: Any = None,
    reason: str = "",
) -> Path:
    """Call ``write(path)`` on a temporary file beside ``target``; sign it into a second temporary
    file (when ``service`` is given: its data folder's key, see ``services.signing``); then move that
    into place.  A failure anywhere leaves ``target`` as it was and no temporary file behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    rendered = _temp_beside(target, "render")
    signed: Path | None = None
    try:
        write(rendered)
        if service is None:
            os.replace(rendered, target)
            return target
        from .signing import sign_file

        signed = _temp_beside(target, "signed")
        sign_file(rendered, signed, _data_dir(service), settings, reason=reason)
        os.replace(signed, target)
        signed = None
    finally:
        rendered.unlink(missing_ok=True)
        if signed is not None:
            signed.unlink(missing_ok=True)
    return target


def renderer_tag(settings: Any, spec: Any) -> str:
    """What made a record's pages, written into its PDF as ``/AsdRenderer``: this app's version,
    ReportLab's and a digest of the settings the letterhead and footers print and of the form's
    layout (``spec.sections``: fields, labels, choices), and the page layout's own version
    (``documents.LAYOUT``).  ``verify`` renders
    the revision again and compares it byte for byte with what was signed; when the tag differs from
    today's, a difference is explained by the upgrade or the new settings, and ``verify`` says the pages
    were not compared rather than calling them false (issue 11)."""
    import hashlib

    from reportlab import Version as reportlab_version

    from .. import __version__
    from ..documents import LAYOUT

    digest = hashlib.sha256(repr((settings, spec.sections)).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"aftersales-desk {__version__}; layout {LAYOUT}; reportlab {reportlab_version}; settings {digest}"


def export_record(service: RecordService, record: Record, target: Path) -> Path:
    """Render ``record`` to ``target`` atomically."""
    from ..documents.form_pdf import render_record

    settings = service.settings()
    spec = SPECS[record.kind]
    return _write_atomically(
        target,
        lambda out: render_record(spec, record, settings, service.photo_bytes, out,
                                  renderer=renderer_tag(settings, spec)),
        service,
        settings,
        reason=f"{spec.title} {record.number} 第 {record.revision} 版",
    )


def blank_copy(record: Record) -> Record:
    """``record`` with only its number, source link and the fields of :data:`BLANK_FIELDS`."""
    keep = BLANK_FIELDS.get(record.kind, ())
    fields = {k: v for k, v in record.values.fields.items() if k in keep and v not in (None, "")}
    if "basis_number" in keep and "basis_number" not in fields and record.source_number:
        fields["basis_number"] = record.source_number  # the paper's 来源 is its basis: never one without the other
    return Record(
        kind=record.kind,
        id=record.id,
        number=record.number,
        status="",
        values=RecordValues(fields=fields),
        created_at=record.created_at,
        updated_at=record.updated_at,
        source_kind=record.source_kind,
        source_id=record.source_id,
        source_number=record.source_number,
        revision=record.revision,
    )


BLANK_FIELDS_0_1: dict[str, tuple[str, ...]] = {
    k: BLANK_FIELDS[k] for k in ("survey", "service-report", "complaint", "return-request")
}
"""What the blanks of 0.1.0 kept: the other kinds' blank papers held only the number (and source)."""


def blank_hashes(record: Record) -> set[str]:
    """Every content hash a blank paper of ``record`` may carry: this version's blank, and the blank
    0.1.0 printed (number and source only for the kinds :data:`BLANK_FIELDS` gained with issue 13),
    so a paper printed before the upgrade still matches its record (verify, scan matching)."""
    from ..domain.records import content_hashes

    spec = SPECS[record.kind]
    hashes = set(content_hashes(spec, blank_copy(record)))
    keep = BLANK_FIELDS_0_1.get(record.kind, ())
    old = blank_copy(record)
    old.values = RecordValues(fields={k: v for k, v in record.values.fields.items()
                                      if k in keep and v not in (None, "")})
    hashes.update(content_hashes(spec, old))
    return hashes


def export_blank(service: RecordService, record: Record, target: Path) -> Path:
    """Print ``record``'s form as paper to fill by hand: its number and who it is for (see
    :data:`BLANK_FIELDS`), empty cells, empty score and tick boxes (the satisfaction survey handed
    to a customer)."""
    from ..documents.form_pdf import render_record

    settings = service.settings()
    paper = blank_copy(record)
    spec = SPECS[record.kind]
    return _write_atomically(
        target,
        lambda out: render_record(spec, paper, settings, service.photo_bytes, out, blank=True,
                                  renderer=renderer_tag(settings, spec)),
        service,
        settings,
        reason=f"{spec.title} {record.number} 空白纸质表",
    )


def export_commitment_letter(service: RecordService, target: Path, recipient: str | None = None) -> Path:
    """The 售后服务承诺书 with the company and response hours of the settings; the signing date is left
    to fill by hand (the day it is signed, not the day it is printed)."""
    from ..documents.letter import render_commitment_letter

    settings = service.settings()
    return _write_atomically(
        target,
        lambda out: render_commitment_letter(settings, out, recipient, None),
        service,
        settings,
        reason="售后服务承诺书" + (f"（致：{recipient}）" if recipient else ""),
    )


COMBINED_HANDOUTS = "00-消杀药品使用知识培训（全部章节）.pdf"
APPENDIX_FILE_PREFIX = "附录A-"


def export_handouts(service: RecordService, folder: Path) -> list[Path]:
    """The training handouts (``resources/handouts``): one PDF per chapter, named after its number and
    title, and one combined PDF of every chapter; each with the company of the settings, dated today,
    and signed like the other exports."""
    from ..documents.handouts import SERIES_TITLE, load_chapters, render_handouts

    settings = service.settings()
    today = service.clock.today()
    chapters = load_chapters()
    out = []
    for chapter in chapters:
        out.append(
            _write_atomically(
                folder / f"{chapter.number:02d}-{chapter.title}.pdf",
                lambda target, c=chapter: render_handouts(settings, [c], target, today),
                service,
                settings,
                reason=f"{SERIES_TITLE}：{chapter.heading}",
            )
        )
    # The appendix of products on sale, when the product register has any (its own file and the end
    # of the combined one).
    from .training_export import on_sale_products, product_appendix

    appendix = product_appendix(on_sale_products(service))
    if appendix is not None:
        out.append(
            _write_atomically(
                folder / f"{APPENDIX_FILE_PREFIX}{appendix.title}.pdf",
                lambda target: render_handouts(settings, [appendix], target, today),
                service,
                settings,
                reason=f"{SERIES_TITLE}：{appendix.heading}",
            )
        )
        chapters = [*chapters, appendix]
    out.append(
        _write_atomically(
            folder / COMBINED_HANDOUTS,
            lambda target: render_handouts(settings, chapters, target, today),
            service,
            settings,
            reason=f"{SERIES_TITLE}（全部章节）",
        )
    )
    return out


def export_number(service: RecordService, number: str, target: Path, blank: bool = False) -> Path:
    record = service.find_number(number)
    if blank:
        return export_blank(service, record, target)
    return export_record(service, record, target)


def export_all(service: RecordService, folder: Path) -> list[Path]:
    """One PDF per record of every kind, named by a safe form of its number (``safe_paths``; a name
    already used in this folder by another record gets the kind added, so no PDF overwrites
    another's)."""
    from .safe_paths import inside, safe_stem

    out = []
    used: set[str] = set()
    for kind in SPECS:
        for record in service.all_records(kind):
            name = f"{safe_stem(record.number)}.pdf"
            if name.lower() in used:
                name = f"{safe_stem(record.number)}-{kind}-{record.id[:8]}.pdf"
            used.add(name.lower())
            out.append(export_record(service, record, inside(folder, name)))
    return out
