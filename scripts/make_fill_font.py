"""Build resources/fonts/DejaVuSansFill.ttf: DejaVu Sans cut down to what WenQuanYi Micro Hei leaves blank.

Why the window needs it (the PDF does not; see ``desktop/documents/fonts.py``):

WenQuanYi Micro Hei *maps* ℃, ℉, Ⅴ, Ⅹ, the pinyin vowels ǎǐǒǔǘǚǜ and a few more to glyphs with no
outline.  Qt falls back to the next family of a font only for characters the first one does not map,
so with the families [WenQuanYi Micro Hei, DejaVu Sans] those characters still come out blank.  This
font holds exactly those characters, drawn by DejaVu Sans, under its own family name, and goes *first*
in the application font's families: it claims nothing else, so every other character still comes from
WenQuanYi Micro Hei (or, if that lacks it, from the bundled DejaVu Sans).  Qt takes the ascent,
descent and line gap of a multi-family font from the first family, so the vertical metrics here are
copied from WenQuanYi Micro Hei (the two fonts have the same 2048 units per em): line heights stay
exactly what they were.

The Bitstream Vera licence of DejaVu Sans (resources/fonts/DejaVuSans.LICENSE.txt) allows modified
copies under a name without "Bitstream" or "Vera"; this one is named "DejaVu Sans Fill".

tests/test_fonts.py checks that the font shipped is still exactly what this script would build.
Needs fontTools, which the application itself does not use (``pip install fonttools``).

Usage: .venv/bin/python scripts/make_fill_font.py
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
MAIN = FONTS / "wqy-microhei.ttc"
SOURCE = FONTS / "DejaVuSans.ttf"
TARGET = FONTS / "DejaVuSansFill.ttf"
FAMILY = "DejaVu Sans Fill"
POSTSCRIPT = "DejaVuSansFill"

# Blank on purpose (spaces, joiners, marks drawn on another character): not "missing".
_BLANK_CATEGORIES = {"Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me"}


def fill_code_points() -> list[int]:
    """Code points the main font maps to an empty outline and DejaVu Sans draws (same rule as
    ``documents.fonts``: a glyph "exists" when its ``loca`` entry has data)."""
    sys.path.insert(0, str(ROOT))
    from desktop.documents.fonts import covered_code_points  # noqa: PLC0415

    main_mapped, main_drawn = covered_code_points(MAIN, subfont_index=0)
    _, fallback_drawn = covered_code_points(SOURCE)
    return sorted(
        c
        for c in main_mapped - main_drawn
        if c in fallback_drawn and unicodedata.category(chr(c)) not in _BLANK_CATEGORIES
    )


def build(target: Path = TARGET) -> list[int]:
    from fontTools import subset  # noqa: PLC0415
    from fontTools.ttLib import TTCollection, TTFont  # noqa: PLC0415

    codes = fill_code_points()
    font = TTFont(str(SOURCE), recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = []  # precomposed characters only: no shaping, nothing pulled in by it
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False  # the same input builds the same bytes
    sub = subset.Subsetter(options)
    sub.populate(unicodes=codes)
    sub.subset(font)
    wanted = set(codes)
    for table in font["cmap"].tables:  # the subsetter keeps every character of a kept glyph (∽ shares ∼'s)
        table.cmap = {c: g for c, g in table.cmap.items() if c in wanted}

    # The font-wide metrics Qt reads from the first family (line height, x-height, average width,
    # underline) are the main font's, so nothing in the window moves.
    main = TTCollection(str(MAIN)).fonts[0]
    assert main["head"].unitsPerEm == font["head"].unitsPerEm
    os2 = font["OS/2"]
    if os2.version < 2:  # sxHeight and sCapHeight exist from version 2 on
        os2.version = 2
        os2.usDefaultChar, os2.usBreakChar, os2.usMaxContext = 0, 32, 0
    for table, attrs in (
        ("hhea", ("ascent", "descent", "lineGap")),
        ("OS/2", ("sTypoAscender", "sTypoDescender", "sTypoLineGap", "usWinAscent", "usWinDescent",
                  "xAvgCharWidth", "sxHeight", "sCapHeight", "yStrikeoutSize", "yStrikeoutPosition")),
        ("post", ("underlinePosition", "underlineThickness")),
    ):
        for attr in attrs:
            setattr(font[table], attr, getattr(main[table], attr))

    name = font["name"]
    version = name.getDebugName(5) or ""
    for record in list(name.names):
        if record.nameID in (1, 4, 6, 16, 17, 21, 22):
            name.removeNames(nameID=record.nameID)
    name.setName(FAMILY, 1, 3, 1, 0x409)
    name.setName("Book", 2, 3, 1, 0x409)
    name.setName(f"{FAMILY}: {version}", 3, 3, 1, 0x409)
    name.setName(FAMILY, 4, 3, 1, 0x409)
    name.setName(POSTSCRIPT, 6, 3, 1, 0x409)
    name.setName(FAMILY, 1, 1, 0, 0)
    name.setName(FAMILY, 4, 1, 0, 0)
    name.setName(POSTSCRIPT, 6, 1, 0, 0)
    name.setName(
        "DejaVu Sans cut down by scripts/make_fill_font.py to the characters WenQuanYi Micro Hei "
        "leaves blank. Licence: resources/fonts/DejaVuSans.LICENSE.txt",
        10, 3, 1, 0x409,
    )
    font.save(str(target))
    return codes


def main() -> None:
    codes = build()
    print(f"{TARGET.relative_to(ROOT)}: {len(codes)} characters, {TARGET.stat().st_size} bytes")
    print("".join(chr(c) for c in codes))


if __name__ == "__main__":
    main()
