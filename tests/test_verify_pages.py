"""``verify`` says intact only for what it checked (issue 11): where this folder holds the record,
the text on the pages is compared with the revision, so a PDF signed with a copied key whose
metadata names the right content but whose pages say something else is not called intact."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop.services.context import open_context
from desktop.services.signing import verify_pdf

KEPT = Path(__file__).parent / "data" / "schema-0005_desk"


def test_the_pages_of_a_good_pdf_are_checked_value_by_value(tmp_path):
    folder = Path(shutil.copytree(KEPT / "data", tmp_path / "d"))
    ctx = open_context(folder)
    try:
        result = verify_pdf(KEPT / "signed.pdf", folder, ctx.records)
    finally:
        ctx.close()
    assert result.ok, result.lines()
    assert any(n.startswith("页面内容已与本机存档的第 1 版逐项核对") for n in result.notes), result.notes


def test_pages_that_differ_from_the_record_are_not_called_intact(tmp_path, monkeypatch):
    """The forged case: signature valid and metadata hash right, but the pages show other text
    (what a PDF made with a copied key would do; here the page text read is replaced)."""
    from desktop.services import signing

    folder = Path(shutil.copytree(KEPT / "data", tmp_path / "d"))
    ctx = open_context(folder)
    try:
        monkeypatch.setattr(signing, "_page_text", lambda path: "别的内容" * 50)
        result = verify_pdf(KEPT / "signed.pdf", folder, ctx.records)
    finally:
        ctx.close()
    assert not result.ok and result.status == "content-differs"
    assert "不一致" in result.message and "投诉单位" in result.message
