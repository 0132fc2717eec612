"""The fonts every document uses: the bundled WenQuanYi Micro Hei, with the bundled DejaVu Sans for the
symbols it cannot draw, registered with ReportLab once.

Why it is built this way (see ``PITFALLS.md``, "ReportLab and Chinese"):

* The app must print Chinese on a machine with no Chinese fonts installed, so the fonts are the files
  shipped in ``resources/fonts`` (``paths.font_path()``, ``paths.fallback_font_path()``), never system
  fonts, and they are embedded (TrueType subsets) in every PDF.  CID fonts such as ``STSong-Light`` are
  not embedded; avoid them.
* Loading the 5 MB ``.ttc`` costs 100–300 ms, so it happens once, lazily, on first use, under a lock
  (exports may run on a worker thread) and is cached for the process.  DejaVu Sans (another 20–40 ms)
  is loaded the same way, but only when a text first has a character the main font cannot draw.
* There is no bold file: each family is registered with the same face for bold/italic so ``<b>`` in a
  paragraph maps to a face that exists instead of silently falling back to Helvetica.  Headings are
  drawn larger rather than bold.
* The one ReportLab setting every document shares is made here too: no ASCII85 stream encoding.
* A character a font lacks (emoji, CJK Extension B names) prints as an invisible or empty glyph with
  no warning.  "Lacks" also covers characters the font *maps* to an empty outline: WenQuanYi Micro Hei
  does this for ℃, ℉, Ⅴ, Ⅹ and the pinyin vowels ǎǐǒǔǘǚǜ, so checking ``charToGlyph`` alone is not
  enough; the glyph's length in the ``loca`` table is checked too.  Characters beyond the Basic
  Multilingual Plane count as missing in both of these fonts (see :func:`_bmp`).
* **Rare characters (issue 13).**  Names use characters of CJK Extensions A–F and of 通用规范汉字表 that
  WenQuanYi lacks (𠀀 䶮 㛃 鿏 𫓧 𬌗 𬱟).  Two bundled subsets of Hanazono (``paths.rare_font_paths()``,
  ``scripts/make_rare_font.py``, TrueType outlines) come after DejaVu Sans, each loaded only when a
  text first needs it.  ReportLab 5.1 writes supplementary-plane characters into the ToUnicode map as
  five hex digits, which readers reject; :func:`_install_to_unicode` replaces that one function with
  a copy writing UTF-16 surrogate pairs, so 𠀀 reads back from the text layer.  A character no bundled
  font draws (emoji …) is refused at save time beside its field (``domain.validation.check_printable``
  with :func:`unprintable_chars`); in text that was never validated it still prints as a visible □.
* ReportLab sets a paragraph in one font and has no per-character fallback, so :func:`runs` splits
  text into runs of the main font and of DejaVu Sans, which has those symbols (and ☑ ☐ ✗ …);
  ``documents.text`` wraps the DejaVu runs in ``<font name=…>`` and draws canvas strings run by run.
  :func:`printable` replaces a character neither font has by its compatibility form when one can be
  drawn, else by a visible ``□`` (the Chinese convention for a character that cannot be set, 缺字);
  :func:`unprintable_chars` lets callers warn.
* The checks are cheap: the code points each font draws are computed once; whether a text needs any
  work at all is one regular-expression search in C (nearly all text is covered by the main font and
  passes through untouched); only texts with other characters are looked at character by character.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

from ..paths import fallback_font_path, font_path, rare_font_paths

FONT_NAME = "WenQuanYiMicroHei"
"""The ReportLab name of the bundled main font (regular, and the bold/italic members of its family)."""

FALLBACK_FONT_NAME = "DejaVuSans"
"""The ReportLab name of the bundled DejaVu Sans, used for the characters the main font cannot draw."""

RARE_FONT_NAMES = ("AftersalesRareCJKA", "AftersalesRareCJKB")
"""The ReportLab names of the bundled rare-character fonts (``paths.rare_font_paths()``: subsets of
Hanazono, ``scripts/make_rare_font.py``), tried in this order after DejaVu Sans, each loaded only
when a text first has a character none of the fonts before it draws."""

MISSING_GLYPH = "\u25a1"  # □ — present in WenQuanYi Micro Hei; checked again at registration
_ASCII_FALLBACK = "?"

# Characters never replaced: line structure is handled by ``documents.text``.
_KEEP = frozenset("\n")
# Zero-width/format characters (variation selectors, joiners, BOM, soft hyphen) that the font may lack:
# dropping them is closer to what the writer meant than printing a box for each one.
_DROP_CATEGORIES = frozenset({"Cf", "Mn", "Me"})

_lock = threading.Lock()
_registered = False
_fill_ready = False
_NEVER = re.compile(r"(?!)")
_main: frozenset[int] = frozenset()  # code points the main font draws (spaces count)
_fill: frozenset[int] = frozenset()  # code points only DejaVu Sans draws (once _fill_ready)
_uncovered: re.Pattern[str] = _NEVER  # a character neither in _main nor _KEEP: text without one needs no work
_fill_run: re.Pattern[str] = _NEVER  # a run of _fill characters
_fallback = MISSING_GLYPH
_rare: list[tuple[str, frozenset[int]]] = []  # (ReportLab name, code points it adds) of the rare fonts loaded
_rare_tried = 0  # how many of RARE_FONT_NAMES were looked at (loaded, or missing from the installation)
_rare_cover: dict[int, str] = {}  # code point -> rare font name, for the characters the rare fonts add


def ensure_fonts() -> str:
    """Register the bundled main font (once; thread-safe) and return its ReportLab name; DejaVu Sans
    follows on its own when a text first needs it."""
    if _registered:  # fast path without the lock once registered
        return FONT_NAME
    return _register()


def _load(name: str, path: os.PathLike[str] | str, subfont_index: int = 0) -> TTFont:
    try:
        existing = pdfmetrics.getFont(name)
    except KeyError:
        existing = None
    if isinstance(existing, TTFont):
        return existing
    if not os.path.isfile(path):
        raise FileNotFoundError(f"bundled font missing: {path}")
    font = TTFont(name, os.fspath(path), subfontIndex=subfont_index)
    pdfmetrics.registerFont(font)
    return font


def _register() -> str:
    global _registered, _main, _uncovered, _fallback
    with _lock:
        if _registered:
            return FONT_NAME
        # A .ttc is a collection: subfontIndex 0 is the proportional Micro Hei face.
        main = _load(FONT_NAME, font_path(), subfont_index=0)
        # No bold/italic files: map every member of the family to the one face.
        pdfmetrics.registerFontFamily(FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME,
                                      boldItalic=FONT_NAME)
        # Streams (font subsets, pages, photos) are Flate-compressed binary, not also ASCII85 text:
        # A85 makes files 25 % larger and, without ReportLab's optional C accelerator, encodes a
        # phone photo in pure Python at about a second per megabyte.  Process-wide, set once here
        # because every document registers its fonts through this module.
        rl_config.useA85 = 0
        _main = _bmp(_drawn_code_points(main.face))
        # Searched in C by the regular-expression engine: five times faster than a set look-up per
        # character of a long text in Python (the main font's code points form under 200 ranges).
        _uncovered = re.compile(f"[^{_char_class(_main | {ord(c) for c in _KEEP})}]")
        _fallback = MISSING_GLYPH if ord(MISSING_GLYPH) in _main else _ASCII_FALLBACK
        _registered = True  # publish last: the fast path must only see a complete registration
        return FONT_NAME


def _ensure_fallback() -> None:
    """Register DejaVu Sans too (once; thread-safe): only when a text has a character the main font
    cannot draw, so a document in plain Chinese never loads it."""
    global _fill, _fill_run, _fill_ready
    ensure_fonts()
    if _fill_ready:
        return
    with _lock:
        if _fill_ready:
            return
        fallback = _load(FALLBACK_FONT_NAME, fallback_font_path())
        name = FALLBACK_FONT_NAME
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
        _fill = _bmp(_drawn_code_points(fallback.face)) - _main
        _fill_run = re.compile(f"[{_char_class(_fill)}]+") if _fill else _NEVER
        _fill_ready = True  # publish last, as above


def _drawn_code_points(face: TTFontFile) -> frozenset[int]:
    """Code points the font maps to a glyph with an outline; spaces count even without one."""
    pos = face.glyphPos  # the 'loca' table: a glyph with no data has pos[g + 1] == pos[g]
    return frozenset(
        code
        for code, glyph in face.charToGlyph.items()
        if pos[glyph + 1] > pos[glyph] or unicodedata.category(chr(code)) == "Zs"
    )


def _bmp(codes: frozenset[int]) -> frozenset[int]:
    """Only the Basic Multilingual Plane, for the main font and DejaVu Sans: a character beyond it
    that those could draw (😀 in DejaVu) is an emoji or symbol, refused at save time (see
    :func:`unprintable_chars`) rather than printed in a font that does not match the form.  The rare
    fonts keep their supplementary-plane ideographs (CJK Extensions B–F), which ReportLab 5.1 can
    embed once :func:`_install_to_unicode` has fixed its ToUnicode map."""
    return frozenset(c for c in codes if c <= 0xFFFF)


def _to_unicode_hex(code: int) -> str:
    """A code point as the UTF-16BE hex a ToUnicode map wants: four digits, or a surrogate pair."""
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def _make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """``reportlab.pdfbase.ttfonts.makeToUnicodeCMap`` writing characters beyond the Basic
    Multilingual Plane as UTF-16 surrogate pairs (ReportLab writes ``<20000>``, five digits, which
    readers reject: 𠀀 would vanish from copy, search and text extraction)."""
    cmap = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *[f"<{i:02X}> <{_to_unicode_hex(v)}>" for i, v in enumerate(subset)],
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(cmap)


def _install_to_unicode() -> bool:
    """Replace ReportLab's ToUnicode writer (module global of ``ttfonts``, called by name when a
    subset is written) if it still has the signature it was copied from (ReportLab 5.1)."""
    from reportlab.pdfbase import ttfonts

    current = getattr(ttfonts, "makeToUnicodeCMap", None)
    if current is _make_to_unicode_cmap:
        return True
    import inspect

    try:
        params = list(inspect.signature(current).parameters) if current is not None else []
    except (TypeError, ValueError):
        params = []
    if params != ["fontname", "subset"]:
        return False
    ttfonts.makeToUnicodeCMap = _make_to_unicode_cmap
    return True


TO_UNICODE_INSTALLED = _install_to_unicode()


def _load_rare(index: int) -> None:
    """Load rare font ``index`` (under the lock): its code points that no font before it draws."""
    global _rare_tried
    paths = rare_font_paths()
    if index < len(paths) and os.path.isfile(paths[index]) and TO_UNICODE_INSTALLED:
        name = RARE_FONT_NAMES[index]
        font = _load(name, paths[index])
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
        before = _main | _fill | frozenset(_rare_cover)
        adds = _drawn_code_points(font.face) - before
        _rare.append((name, adds))
        for code in adds:
            _rare_cover[code] = name
    _rare_tried = index + 1


# Where the rare fonts' characters lie: CJK Extensions A–F, the basic block, compatibility ideographs.
# A character outside them (an emoji) never loads a rare font just to find it missing.
_RARE_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))


def _ensure_rare(codes: set[int]) -> None:
    """Load rare fonts, in order, until every code point of ``codes`` has a font or none is left."""
    _ensure_fallback()
    if _rare_tried >= len(RARE_FONT_NAMES):
        return
    codes = {c for c in codes if any(a <= c <= b for a, b in _RARE_RANGES)}
    if not codes:
        return
    with _lock:
        while _rare_tried < len(RARE_FONT_NAMES) and any(
            c not in _main and c not in _fill and c not in _rare_cover for c in codes
        ):
            _load_rare(_rare_tried)


def covered_code_points(
    path: os.PathLike[str] | str, subfont_index: int = 0
) -> tuple[frozenset[int], frozenset[int]]:
    """``(mapped, drawn)``: the code points a font file maps to any glyph, and those it draws visibly
    (by the rule above).  Reads the file without registering it (for tests and build scripts)."""
    face = TTFontFile(os.fspath(path), subfontIndex=subfont_index)
    mapped = frozenset(c for c in face.charToGlyph if c != 0xFFFF)  # the end marker of a format 4 cmap
    return mapped, _drawn_code_points(face) & mapped


def _char_class(codes: frozenset[int]) -> str:
    """A regular-expression character class body matching exactly ``codes`` (as ranges)."""
    parts: list[str] = []
    ordered = sorted(codes)
    start = prev = ordered[0]
    for code in [*ordered[1:], -1]:
        if code == prev + 1:
            prev = code
            continue
        first, last = re.escape(chr(start)), re.escape(chr(prev))
        parts.append(first if start == prev else f"{first}-{last}")
        start = prev = code
    return "".join(parts)


def has_glyph(ch: str) -> bool:
    """Whether the bundled main font can draw ``ch`` (one character) visibly."""
    ensure_fonts()
    return ord(ch) in _main


def font_for(ch: str) -> str | None:
    """The ReportLab name of the bundled font that draws ``ch``: the main font first, else DejaVu
    Sans, else a rare-character font; ``None`` when none can (it would print as ``□``)."""
    ensure_fonts()
    code = ord(ch)
    if code in _main:
        return FONT_NAME
    _ensure_fallback()
    if code in _fill:
        return FALLBACK_FONT_NAME
    _ensure_rare({code})
    return _rare_cover.get(code)


def _drawable(code: int) -> bool:
    return code in _main or code in _fill or code in _rare_cover


def missing_chars(text: str) -> set[str]:
    """The distinct characters of ``text`` that no bundled font can draw (ignoring line breaks)."""
    ensure_fonts()
    if not _uncovered.search(text):
        return set()
    _ensure_fallback()
    main, fill = _main, _fill
    others = {ch for ch in set(text) if ord(ch) not in main and ord(ch) not in fill and ch not in _KEEP}
    if others:
        _ensure_rare({ord(ch) for ch in others})
    return {ch for ch in others if ord(ch) not in _rare_cover}


def _substitute(ch: str) -> str:
    if ch == "\t":
        return "    "
    category = unicodedata.category(ch)
    if category == "Cc":
        return "\n" if ch == "\r" else " "
    if category in _DROP_CATEGORIES:
        return ""
    # A compatibility or decomposed form that can be drawn (𝐀 → A) says more than a box.
    for form in ("NFKC", "NFD"):
        alt = unicodedata.normalize(form, ch)
        if alt != ch and all(_drawable(ord(c)) for c in alt):
            return alt
    return _fallback


def printable(text: str) -> str:
    """``text`` with every character neither bundled font can draw replaced by something visible.

    Characters only DejaVu Sans draws (℃, Ⅴ, ǚ, ☑ …) are kept: :func:`runs` gives them their font.
    For the others a compatibility form is used when one can be drawn, else ``□``.  Format characters
    (zero-width joiner, variation selector, BOM, …) are dropped; tabs become four spaces and other
    control characters a space, so no glyph silently disappears.  Newlines are kept.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    missing = missing_chars(text)
    if not missing:
        return text
    return text.translate({ord(ch): _substitute(ch) for ch in missing})


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` (already :func:`printable`) as ``(font name, chunk)`` runs, in order: DejaVu Sans or
    a rare-character font for the characters only they draw, the main font for everything else."""
    ensure_fonts()
    if not text:
        return []
    if not _uncovered.search(text):
        return [(FONT_NAME, text)]
    _ensure_fallback()
    if _rare_cover or _rare_tried < len(RARE_FONT_NAMES):
        rare = {ord(ch) for ch in text if ord(ch) not in _main and ord(ch) not in _fill}
        if rare:
            _ensure_rare(rare)
            return _runs_by_char(text)
    out: list[tuple[str, str]] = []
    pos = 0
    for m in _fill_run.finditer(text):
        if m.start() > pos:
            out.append((FONT_NAME, text[pos : m.start()]))
        out.append((FALLBACK_FONT_NAME, m.group()))
        pos = m.end()
    if pos < len(text):
        out.append((FONT_NAME, text[pos:]))
    return out


def _runs_by_char(text: str) -> list[tuple[str, str]]:
    """:func:`runs` character by character (texts with rare characters: names, a few words)."""
    out: list[tuple[str, str]] = []
    for ch in text:
        code = ord(ch)
        name = FALLBACK_FONT_NAME if code in _fill else _rare_cover.get(code, FONT_NAME)
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + ch)
        else:
            out.append((name, ch))
    return out


def string_width(text: str, size: float, font: str = FONT_NAME) -> float:
    """The printed width of ``text`` (already :func:`printable`) at ``size``, fallback runs included;
    ``font`` is the main font of the text (the fallback replaces it only where it cannot draw)."""
    return sum(
        pdfmetrics.stringWidth(chunk, font if name == FONT_NAME else name, size) for name, chunk in runs(text)
    )


def unprintable_chars(text: str) -> set[str]:
    """The characters of ``text`` that will print as ``□`` (no glyph and no substitute): warn about these."""
    return {ch for ch in missing_chars(text) if _substitute(ch) == _fallback}


def fallback_char() -> str:
    """The character printed in place of one neither font can draw."""
    ensure_fonts()
    return _fallback
