"""PDF export of records (the renderer itself is ``documents.form_pdf``, imported lazily)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..domain.forms import SPECS
from ..domain.records import Record
from .records import RecordService


def export_record(service: RecordService, record: Record, target: Path) -> Path:
    """Render ``record`` to ``target`` atomically (a half-written PDF never replaces a good one)."""
    from ..documents.form_pdf import render_record

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=".pdf")
    os.close(fd)
    try:
        render_record(SPECS[record.kind], record, service.settings(), service.photo_bytes, Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def export_number(service: RecordService, number: str, target: Path) -> Path:
    return export_record(service, service.find_number(number), target)


def export_all(service: RecordService, folder: Path) -> list[Path]:
    out = []
    for kind in SPECS:
        for record in service.all_records(kind):
            out.append(export_record(service, record, folder / f"{record.number}.pdf"))
    return out
