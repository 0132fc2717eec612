"""Issue 13: every character of a name prints, or is refused beside its field; never a silent □.

The seven characters below were measured missing from WenQuanYi Micro Hei (PITFALLS.md): 𠀀 (Extension
B), 䶮 (Extension A), 㛃 (Extension A), 鿏 (a late addition to the basic block), and 𫓧 𬌗 𬱟, which are in
通用规范汉字表 and occur in people's names.  They are drawn from the bundled rare-character font (a
subset of Hanazono), which is embedded, and they read back from the PDF's text layer.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pdf_samples import sample, settings
from pypdf import PdfReader

from desktop.documents import fonts
from desktop.documents.form_pdf import render_record
from desktop.domain.forms import SPECS
from desktop.domain.validation import UNPRINTABLE, ValidationFailed
from desktop.paths import rare_font_paths
from desktop.services.demo import example_object

RARE = "𠀀䶮㛃鿏𫓧𬌗𬱟"
NAME = "李" + RARE


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def font_names(reader: PdfReader) -> dict[str, Any]:
    out = {}
    for page in reader.pages:
        for ref in (page["/Resources"].get_object().get("/Font") or {}).values():
            font = ref.get_object()
            out[re.sub(r"^/[A-Z]{6}\+|-\d+$", "", str(font["/BaseFont"]))] = font
    return out


def test_the_rare_font_is_bundled_with_its_licence() -> None:
    first = rare_font_paths()[0]
    assert first.is_file() and first.stat().st_size < 8_000_000
    licence = (first.parent / "rare-cjk.LICENSE.txt").read_text(encoding="utf-8")
    assert "Hanazono Font License" in licence and "Unlimited permission is granted" in licence
    mapped, drawn = fonts.covered_code_points(first)
    assert {ord(c) for c in RARE} <= drawn
    assert max(drawn) > 0xFFFF  # supplementary-plane ideographs, not only the BMP


def test_every_rare_character_has_a_font_and_emoji_none() -> None:
    for ch in RARE:
        assert fonts.font_for(ch) in fonts.RARE_FONT_NAMES, ch
    assert fonts.missing_chars(NAME) == set()
    assert fonts.font_for("😀") is None and fonts.unprintable_chars("李红😀") == {"😀"}


def test_rare_characters_in_a_name_are_in_the_text_layer_and_drawn_embedded(tmp_path: Path) -> None:
    record = sample("complaint")
    record.values.fields["complainant_name"] = NAME
    record.values.tables["items"][0]["product_name"] = f"{RARE}牌消毒液"
    path = tmp_path / "rare.pdf"
    report = render_record(SPECS["complaint"], record, settings(), lambda sha: b"", path)
    assert report.missing_chars == frozenset()
    reader = PdfReader(path)
    text = squash("".join(page.extract_text() or "" for page in reader.pages))
    assert f"投诉人{NAME}" in text and f"{RARE}牌消毒液" in text
    assert fonts.MISSING_GLYPH not in text  # no □ anywhere
    found = font_names(reader)
    assert fonts.RARE_FONT_NAMES[0] in found
    for font in found.values():  # every font embedded: no Helvetica, no CID font left to the reader
        assert font["/Subtype"] == "/TrueType" and "/FontFile2" in font["/FontDescriptor"].get_object()
    assert b"Helvetica" not in path.read_bytes()
    # The rare font's ToUnicode map names the supplementary characters as UTF-16 surrogate pairs.
    cmap = found[fonts.RARE_FONT_NAMES[0]]["/ToUnicode"].get_object().get_data().decode("ascii")
    assert "<D840DC00>" in cmap  # 𠀀 U+20000


def test_supplementary_characters_written_as_surrogate_pairs() -> None:
    assert fonts.TO_UNICODE_INSTALLED
    assert fonts._to_unicode_hex(0x4E2D) == "4E2D"
    assert fonts._to_unicode_hex(0x20000) == "D840DC00"
    assert fonts._to_unicode_hex(0x2CC5F) == "D873DC5F"  # 𬱟


def test_an_emoji_is_refused_beside_the_field(ctx: Any) -> None:
    service = ctx.records
    raw = example_object("complaint", ctx.records.clock.today())
    raw.pop("photos", None)  # no picture files in this data folder
    raw["complainant_name"] = "李红😀"
    raw["items"][0]["product_name"] = "消毒液🧴"
    _values, issues = service.validate("complaint", raw)
    by_path = {i.path: i for i in issues}
    assert by_path["complainant_name"].template == UNPRINTABLE
    assert "😀" in by_path["complainant_name"].message and "无法打印" in by_path["complainant_name"].message
    assert "🧴" in by_path["items[0].product_name"].message
    with pytest.raises(ValidationFailed):
        service.create("complaint", raw)
    raw["complainant_name"] = NAME  # the rare characters are fine
    raw["items"][0]["product_name"] = "消毒液"
    _values, issues = service.validate("complaint", raw)
    assert not [i for i in issues if i.template == UNPRINTABLE]
    assert service.create("complaint", raw).record.get("complainant_name") == NAME


def test_the_whole_of_extensions_b_to_f_from_the_second_rare_font(tmp_path: Path) -> None:
    second = rare_font_paths()[1]
    if not second.is_file():
        pytest.skip("rare-cjk-b.ttf not shipped")
    _, drawn = fonts.covered_code_points(second)
    for start, end in ((0x20000, 0x2A6DF), (0x2A700, 0x2B73F), (0x2B820, 0x2CEAF), (0x2CEB0, 0x2EBEF)):
        assert sum(1 for c in drawn if start <= c <= end) > 0.9 * (end - start + 1) - 100, hex(start)
    name = "王𠀁𪜀"  # U+20001 (Extension B), U+2A700 (Extension C): in the second font only
    assert {fonts.font_for(ch) for ch in name[1:]} == {fonts.RARE_FONT_NAMES[1]}
    record = sample("delivery")
    record.values.fields["acceptance_by"] = name
    path = tmp_path / "b.pdf"
    render_record(SPECS["delivery"], record, settings(), lambda sha: b"", path)
    text = squash("".join(page.extract_text() or "" for page in PdfReader(path).pages))
    assert f"验收人{name}" in text
