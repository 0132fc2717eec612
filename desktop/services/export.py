"""PDF export of records, blank forms and the commitment letter (the renderers are in
``documents.form_pdf`` and ``documents.letter``, imported lazily: ReportLab only when a PDF is wanted)."""

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
}
"""By form kind: the fields a blank paper form keeps from its record (besides the number): who it is
for, so the returned paper can be matched to the record.  Everything else is left to fill by hand."""


def _write_atomically(target: Path, write: Callable[[str | os.PathLike[str] | IO[bytes]], Any]) -> Path:
    """Call ``write(path)`` on a temporary file beside ``target``, then move it into place: a
    half-written PDF never replaces a good one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=".pdf")
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def export_record(service: RecordService, record: Record, target: Path) -> Path:
    """Render ``record`` to ``target`` atomically."""
    from ..documents.form_pdf import render_record

    settings = service.settings()
    return _write_atomically(
        target, lambda out: render_record(SPECS[record.kind], record, settings, service.photo_bytes, out)
    )


def blank_copy(record: Record) -> Record:
    """``record`` with only its number, source link and the fields of :data:`BLANK_FIELDS`."""
    keep = BLANK_FIELDS.get(record.kind, ())
    fields = {k: v for k, v in record.values.fields.items() if k in keep and v not in (None, "")}
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
    )


def export_blank(service: RecordService, record: Record, target: Path) -> Path:
    """Print ``record``'s form as paper to fill by hand: its number and who it is for (see
    :data:`BLANK_FIELDS`), empty cells, empty score and tick boxes (the satisfaction survey handed
    to a customer)."""
    from ..documents.form_pdf import render_record

    settings = service.settings()
    paper = blank_copy(record)
    spec = SPECS[record.kind]
    return _write_atomically(
        target, lambda out: render_record(spec, paper, settings, service.photo_bytes, out, blank=True)
    )


def export_commitment_letter(service: RecordService, target: Path, recipient: str | None = None) -> Path:
    """The 售后服务承诺书 with the company and response hours of the settings, dated today."""
    from ..documents.letter import render_commitment_letter

    settings = service.settings()
    today = service.clock.today()
    return _write_atomically(target, lambda out: render_commitment_letter(settings, out, recipient, today))


def export_number(service: RecordService, number: str, target: Path, blank: bool = False) -> Path:
    record = service.find_number(number)
    if blank:
        return export_blank(service, record, target)
    return export_record(service, record, target)


def export_all(service: RecordService, folder: Path) -> list[Path]:
    """One PDF per record of every kind, named by its number (unique across kinds: the prefix)."""
    out = []
    for kind in SPECS:
        for record in service.all_records(kind):
            out.append(export_record(service, record, folder / f"{record.number}.pdf"))
    return out
