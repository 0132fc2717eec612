"""A change to what a record's pages show comes with a new ``documents.LAYOUT`` (see there why: a
genuine signed form must never be called forged after an update)."""

from __future__ import annotations

import json

import pytest
from layout_samples import GOLDEN, current


def test_the_sample_pages_are_those_recorded_for_this_layout() -> None:
    from reportlab import Version

    from desktop.documents import LAYOUT

    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    if golden["reportlab"] != Version:
        pytest.skip(f"digests recorded with ReportLab {golden['reportlab']}, this is {Version} (the renderer tag "
                    "names ReportLab's version, so a PDF made with another one is not compared)")
    now = current()
    if golden["layout"] == LAYOUT:
        changed = sorted(k for k in now["digests"] if golden["digests"].get(k) != now["digests"][k])
        assert not changed, (f"the pages of {', '.join(changed)} changed but documents.LAYOUT is still {LAYOUT}: "
                             "bump it, then run scripts/record_layout.py")
    else:
        pytest.fail(f"documents.LAYOUT is {LAYOUT} but the digests are of layout {golden['layout']}: "
                    "run scripts/record_layout.py")


def test_the_renderer_tag_names_the_layout() -> None:
    from pdf_samples import settings

    from desktop.documents import LAYOUT
    from desktop.domain.forms import SPECS
    from desktop.services.export import renderer_tag

    assert f"; layout {LAYOUT};" in renderer_tag(settings(), SPECS["complaint"])
