"""The one font every document uses: the bundled WenQuanYi Micro Hei, registered with ReportLab once.

Why it is built this way (see ``PITFALLS.md``, "ReportLab and Chinese"):

* The app must print Chinese on a machine with no Chinese fonts installed, so the font is the file
  shipped in ``resources/fonts`` (``paths.font_path()``), never a system font, and it is embedded
  (TrueType subsets) in every PDF.  CID fonts such as ``STSong-Light`` are not embedded; avoid them.
* Loading the 5 MB ``.ttc`` costs 100–300 ms, so it happens once, lazily, on first use, under a lock
  (exports may run on a worker thread) and is cached for the life of the process.
* There is no bold file: the family is registered with the same face for bold/italic so ``<b>`` in a
  paragraph maps to a face that exists instead of silently falling back to Helvetica.  Headings are
  drawn larger rather than bold.
* The one ReportLab setting every document shares is made here too: no ASCII85 stream encoding.
* A character the font lacks (emoji, CJK Extension B names) prints as an invisible or empty glyph with
  no warning.  "Lacks" also covers characters the font *maps* to an empty outline: WenQuanYi Micro Hei
  does this for ℃, ℉, Ⅴ, Ⅹ and the pinyin vowels ǎǐǒǔǘǚǜ, so checking ``charToGlyph`` alone is not
  enough; the glyph's length in the ``loca`` table is checked too.  :func:`printable` replaces such a
  character by its compatibility form when the font has that (℃ → °C), else by a visible ``□`` (the
  Chinese convention for a character that cannot be set, 缺字); :func:`missing_chars` lets callers warn.
"""

from __future__ import annotations

import threading
import unicodedata

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import font_path

FONT_NAME = "WenQuanYiMicroHei"
"""The ReportLab name of the bundled font (regular, and the bold/italic members of its family)."""

MISSING_GLYPH = "\u25a1"  # □ — present in WenQuanYi Micro Hei; checked again at registration
_ASCII_FALLBACK = "?"

# Characters never replaced: line structure is handled by ``documents.text``.
_KEEP = frozenset("\n")
# Zero-width/format characters (variation selectors, joiners, BOM, soft hyphen) that the font may lack:
# dropping them is closer to what the writer meant than printing a box for each one.
_DROP_CATEGORIES = frozenset({"Cf", "Mn", "Me"})

_lock = threading.Lock()
_font: TTFont | None = None
_drawable: frozenset[int] = frozenset()  # code points with a visible glyph (or a space)
_fallback = MISSING_GLYPH


def ensure_fonts() -> str:
    """Register the bundled font (once; thread-safe) and return its ReportLab font name."""
    if _font is not None:  # fast path without the lock once registered
        return FONT_NAME
    return _register()


def _register() -> str:
    global _font, _drawable, _fallback
    with _lock:
        if _font is not None:
            return FONT_NAME
        try:
            existing = pdfmetrics.getFont(FONT_NAME)
        except KeyError:
            existing = None
        if isinstance(existing, TTFont):
            font = existing
        else:
            path = font_path()
            if not path.is_file():
                raise FileNotFoundError(f"bundled font missing: {path}")
            # A .ttc is a collection: subfontIndex 0 is the proportional Micro Hei face.
            font = TTFont(FONT_NAME, str(path), subfontIndex=0)
            pdfmetrics.registerFont(font)
        # No bold/italic files: map every member of the family to the one face.
        pdfmetrics.registerFontFamily(
            FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
        )
        # Streams (font subsets, pages, photos) are Flate-compressed binary, not also ASCII85 text:
        # A85 makes files 25 % larger and, without ReportLab's optional C accelerator, encodes a
        # phone photo in pure Python at about a second per megabyte.  Process-wide, set once here
        # because every document registers its font through this module.
        rl_config.useA85 = 0
        _drawable = _drawable_code_points(font)
        _fallback = MISSING_GLYPH if ord(MISSING_GLYPH) in _drawable else _ASCII_FALLBACK
        _font = font  # publish last: the fast path must only see a complete registration
        return FONT_NAME


def _drawable_code_points(font: TTFont) -> frozenset[int]:
    """Code points the font maps to a glyph with an outline; spaces count even without one."""
    face = font.face
    pos = face.glyphPos  # the 'loca' table: a glyph with no data has pos[g + 1] == pos[g]
    return frozenset(
        code
        for code, glyph in face.charToGlyph.items()
        if pos[glyph + 1] > pos[glyph] or unicodedata.category(chr(code)) == "Zs"
    )


def has_glyph(ch: str) -> bool:
    """Whether the bundled font can draw ``ch`` (one character) visibly."""
    ensure_fonts()
    return ord(ch) in _drawable


def missing_chars(text: str) -> set[str]:
    """The distinct characters of ``text`` that the font cannot draw (ignoring line breaks)."""
    ensure_fonts()
    drawable = _drawable
    return {ch for ch in set(text) if ord(ch) not in drawable and ch not in _KEEP}


def _substitute(ch: str) -> str:
    if ch == "\t":
        return "    "
    category = unicodedata.category(ch)
    if category == "Cc":
        return "\n" if ch == "\r" else " "
    if category in _DROP_CATEGORIES:
        return ""
    # A compatibility or decomposed form the font has (℃ → °C, Ⅴ → V) says more than a box.
    for form in ("NFKC", "NFD"):
        alt = unicodedata.normalize(form, ch)
        if alt != ch and all(ord(c) in _drawable for c in alt):
            return alt
    return _fallback


def printable(text: str) -> str:
    """``text`` with every character the font cannot draw replaced by something visible.

    A compatibility form the font has is used when there is one (℃ → °C), else ``□``.  Format
    characters (zero-width joiner, variation selector, BOM, …) are dropped; tabs become four spaces
    and other control characters a space, so no glyph silently disappears.  Newlines are kept.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    missing = missing_chars(text)
    if not missing:
        return text
    return text.translate({ord(ch): _substitute(ch) for ch in missing})


def unprintable_chars(text: str) -> set[str]:
    """The characters of ``text`` that will print as ``□`` (no glyph and no substitute): warn about these."""
    return {ch for ch in missing_chars(text) if _substitute(ch) == _fallback}


def fallback_char() -> str:
    """The character printed in place of one the font cannot draw."""
    ensure_fonts()
    return _fallback
