"""Build resources/fonts/rare-cjk-a.ttf and rare-cjk-b.ttf: the rare Chinese characters WenQuanYi
Micro Hei lacks, from the Hanazono fonts (花园明朝 HanaMinA / HanaMinB, Debian ``fonts-hanazono``).

Why (issue 13): a person's name on a signed form must never lose a character.  WenQuanYi Micro Hei
has no glyph for CJK Extension A–F (𠀀 䶮 㛃), for the latest additions to the basic block (鿏), or for
the 通用规范汉字表 characters encoded in Extensions B–F (𫓧 𬌗 𬱟 …).  ``documents.fonts`` falls back to
these two files character by character.

* **TrueType outlines** (ReportLab reads only ``glyf`` fonts; Hanazono is one).
* **Only what is needed**: every code point of the CJK Unified Ideographs (basic block and
  Extensions A–F) and of the compatibility ideographs that Hanazono draws and WenQuanYi Micro Hei
  does not.  Layout tables, hinting and vertical metrics are dropped (the documents set horizontal
  text only).  ``rare-cjk-a.ttf`` holds HanaMinA's share (Extension A, the basic block's latest
  characters, the compatibility ideographs and the Extension B–F characters in everyday use, about
  10,400 characters, 5 MB); ``rare-cjk-b.ttf`` HanaMinB's (the rest of Extensions B–F, about 60,300
  characters).  ``documents.fonts`` loads each only when a text first needs it.
* **Licence**: Hanazono is dual-licensed, the Hanazono Font License ("Unlimited permission is granted
  to use, copy, and distribute it, with or without modification, either commercially and
  noncommercially") or the SIL OFL 1.1 with reserved font names.  These modified copies are
  distributed under the Hanazono Font License (resources/fonts/rare-cjk.LICENSE.txt) and, so as not
  to use the OFL's reserved names, are named "Aftersales Rare CJK A/B".

Needs fontTools (``pip install fonttools``) and the Hanazono files (``apt-get install fonts-hanazono``);
the application itself uses neither.

Usage: .venv/bin/python scripts/make_rare_font.py [a|b ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
MAIN = FONTS / "wqy-microhei.ttc"
HANAZONO = Path("/usr/share/fonts/truetype/hanazono")
PARTS = {
    "a": (HANAZONO / "HanaMinA.ttf", FONTS / "rare-cjk-a.ttf", "Aftersales Rare CJK A", "AftersalesRareCJKA"),
    "b": (HANAZONO / "HanaMinB.ttf", FONTS / "rare-cjk-b.ttf", "Aftersales Rare CJK B", "AftersalesRareCJKB"),
}
RANGES = (
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # the basic block (WenQuanYi lacks its latest additions, 鿏 …)
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x2A6DF),  # Extension B
    (0x2A700, 0x2B73F),  # Extension C
    (0x2B740, 0x2B81F),  # Extension D
    (0x2B820, 0x2CEAF),  # Extension E
    (0x2CEB0, 0x2EBEF),  # Extension F
    (0x2F800, 0x2FA1F),  # compatibility ideographs supplement
)


def wanted(code: int) -> bool:
    return any(a <= code <= b for a, b in RANGES)


def code_points(source: Path) -> list[int]:
    sys.path.insert(0, str(ROOT))
    from desktop.documents.fonts import covered_code_points  # noqa: PLC0415

    _, main_drawn = covered_code_points(MAIN, subfont_index=0)
    _, drawn = covered_code_points(source)
    return sorted(c for c in drawn if wanted(c) and c not in main_drawn)


def build(part: str) -> Path:
    from fontTools import subset  # noqa: PLC0415
    from fontTools.ttLib import TTFont  # noqa: PLC0415

    source, target, family, postscript = PARTS[part]
    codes = code_points(source)
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "vhea", "vmtx", "VORG", "FFTM"]
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    name = font["name"]
    for record in list(name.names):
        if record.nameID in (1, 4, 16):
            name.setName(family, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            name.setName(postscript, 6, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            name.setName(f"{postscript}-subset", 3, record.platformID, record.platEncID, record.langID)
    font.save(target)
    return target


def main(argv: list[str]) -> int:
    for part in argv or list(PARTS):
        started = time.monotonic()
        path = build(part)
        print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB, {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
