"""Sample pages of every kind (filled, with long texts, blank) and their digests, for the layout
version check (``tests/test_layout_version.py``, ``scripts/record_layout.py``)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

from pdf_samples import sample, settings

GOLDEN = Path(__file__).parent / "data" / "layout.json"


def rendered() -> dict[str, bytes]:
    from desktop.documents.form_pdf import render_record
    from desktop.domain.forms import SPECS
    from desktop.services.export import blank_copy, renderer_tag

    s = settings()
    out: dict[str, bytes] = {}
    for kind, spec in SPECS.items():
        for name, record, blank in ((kind, sample(kind), False), (f"{kind}-stress", sample(kind, stress=True), False),
                                    (f"{kind}-blank", blank_copy(sample(kind)), True)):
            buf = io.BytesIO()
            render_record(spec, record, s, lambda sha: b"", buf, blank=blank, renderer=renderer_tag(s, spec))
            out[name] = buf.getvalue()
    return out


def current() -> dict[str, Any]:
    from reportlab import Version

    from desktop.documents import LAYOUT

    return {"layout": LAYOUT, "reportlab": Version,
            "digests": {name: hashlib.sha256(data).hexdigest() for name, data in sorted(rendered().items())}}
