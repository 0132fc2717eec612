"""The bundled fonts: files and licences, the fill font's contents, and the window drawing ℃ Ⅴ ǚ ☑.

WenQuanYi Micro Hei maps ℃, ℉, Ⅴ, Ⅹ and the pinyin vowels ǎǐǒǔǘǚǜ to blank glyphs and has no ☑ ☐ ✗.
The PDF sets those in DejaVu Sans (tests/test_pdf.py); the window puts "DejaVu Sans Fill" (DejaVu
Sans cut down to exactly the blank ones) before WenQuanYi Micro Hei and DejaVu Sans after it.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from pathlib import Path

import pytest

from desktop import paths
from desktop.documents import fonts

ROOT = Path(__file__).resolve().parent.parent
MAIN_FAMILY = "WenQuanYi Micro Hei"
FILL_FAMILY = "DejaVu Sans Fill"
FALLBACK_FAMILY = "DejaVu Sans"
SAMPLE = "储存温度 2–30℃，Ⅱ类，nǚ"
BLANK_IN_MAIN = "℃℉ⅤⅩǎǐǒǔǘǚǜ"
NOT_IN_MAIN = "☑☐✗"


def test_the_fonts_and_their_licences_are_shipped() -> None:
    for path in (paths.font_path(), paths.fallback_font_path(), paths.fill_font_path()):
        assert path.is_file() and path.parent == paths.resources_dir() / "fonts", path
    licence = (paths.resources_dir() / "fonts" / "DejaVuSans.LICENSE.txt").read_text(encoding="utf-8")
    assert "bitstream-vera" in licence and "DejaVu changes are in public domain" in licence
    assert (paths.resources_dir() / "fonts" / "wqy-microhei.LICENSE.txt").is_file()


def _fill_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_fill_font", ROOT / "scripts" / "make_fill_font.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_fill_font_holds_exactly_what_the_main_font_leaves_blank() -> None:
    """If either font file changes, run scripts/make_fill_font.py again."""
    expected = _fill_script().fill_code_points()
    assert set(BLANK_IN_MAIN) <= {chr(c) for c in expected}
    mapped, drawn = fonts.covered_code_points(paths.fill_font_path())
    assert sorted(mapped) == expected
    assert drawn == mapped  # every character has an outline
    for c in expected:
        assert not fonts.has_glyph(chr(c)) and fonts.font_for(chr(c)) == fonts.FALLBACK_FONT_NAME
        assert unicodedata.category(chr(c)) not in ("Zs", "Cf", "Cc")


# ------------------------------------------------------------------------------------------ Qt


def _families_of_glyphs(font, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The family of the font that draws each non-space character of ``text``, failing on a glyph
    without an outline (what the window shows for ℃ with WenQuanYi Micro Hei alone).  Characters are
    laid out one by one: which font Qt picks depends on the character alone."""
    from PySide6.QtGui import QTextLayout

    out: dict[str, str] = {}
    for ch in dict.fromkeys(text):
        if ch.isspace():
            continue
        layout = QTextLayout(ch, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        (run,) = layout.glyphRuns()
        raw = run.rawFont()
        (glyph,) = run.glyphIndexes()
        assert not raw.pathForGlyph(glyph).isEmpty(), f"{ch} is blank in {raw.familyName()}"
        out[ch] = raw.familyName()
    return out


def _ink(widget) -> int:  # type: ignore[no-untyped-def]
    """The number of dark pixels of a widget drawn offscreen."""
    image = widget.grab().toImage()
    width, height = image.width(), image.height()
    return sum(1 for y in range(height) for x in range(width) if image.pixelColor(x, y).lightness() < 128)


@pytest.mark.gui
def test_the_application_font_falls_back_to_the_bundled_fonts_only(gui_app) -> None:
    from PySide6.QtWidgets import QApplication

    families = QApplication.font().families()
    assert families == [FILL_FAMILY, MAIN_FAMILY, FALLBACK_FAMILY, *RARE_FAMILIES]
    drawn = _families_of_glyphs(QApplication.font(), SAMPLE + "Ⅴ℉ǎǜ☑☐✗ ✓")
    for ch in "储存温度2–30，Ⅱ类n✓":
        assert drawn[ch] == MAIN_FAMILY, ch
    for ch in "℃ǚⅤ℉ǎǜ":
        assert drawn[ch] == FILL_FAMILY, ch
    for ch in NOT_IN_MAIN:
        assert drawn[ch] == FALLBACK_FAMILY, ch


RARE_FAMILIES = ["Aftersales Rare CJK A", "Aftersales Rare CJK B"]


@pytest.mark.gui
def test_rare_characters_show_on_screen_as_they_print(gui_app) -> None:
    """A name with a character of Extension A or B (䶮 U+4DAE, 𠮷 U+20BB7, 𪚥 U+2A6A5) is drawn by the
    bundled rare-character fonts, not left to whatever the laptop's system has (a box on most)."""
    from PySide6.QtWidgets import QApplication

    drawn = _families_of_glyphs(QApplication.font(), "刘䶮𠮷𪚥")
    assert drawn["刘"] == MAIN_FAMILY
    assert drawn["䶮"] in RARE_FAMILIES and drawn["𠮷"] in RARE_FAMILIES and drawn["𪚥"] in RARE_FAMILIES, drawn


@pytest.mark.gui
def test_a_label_shows_the_symbols_the_main_font_leaves_blank(gui_app, qtbot) -> None:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QLabel

    main_only = QFont(QLabel().font())
    main_only.setFamilies([MAIN_FAMILY])
    for text in ("℃", "ǚ", "Ⅴ"):
        label = QLabel(text)
        qtbot.addWidget(label)
        label.resize(40, 30)
        blank = QLabel(text)
        qtbot.addWidget(blank)
        blank.setFont(main_only)
        blank.resize(40, 30)
        assert _ink(blank) == 0, f"{text} is no longer blank in {MAIN_FAMILY}: rebuild the fill font?"
        assert _ink(label) > 10, text
    # The whole sample: more ink than with the main font alone, by the symbols it leaves blank.
    label = QLabel(SAMPLE)
    qtbot.addWidget(label)
    label.resize(label.sizeHint())
    without = QLabel(SAMPLE)
    qtbot.addWidget(without)
    without.setFont(main_only)
    without.resize(label.sizeHint())
    assert _ink(label) > _ink(without) + 20
    drawn = _families_of_glyphs(label.font(), SAMPLE)
    assert drawn["℃"] == drawn["ǚ"] == FILL_FAMILY and drawn["储"] == drawn["Ⅱ"] == MAIN_FAMILY


@pytest.mark.gui
def test_the_fill_font_first_changes_no_metrics(gui_app) -> None:
    """Qt takes a font's line metrics from its first family: the fill copies WenQuanYi's."""
    from PySide6.QtGui import QFont, QFontMetricsF
    from PySide6.QtWidgets import QApplication

    app_font = QApplication.font()
    main_only = QFont(app_font)
    main_only.setFamilies([MAIN_FAMILY])
    ours, theirs = QFontMetricsF(app_font), QFontMetricsF(main_only)
    for metric in ("ascent", "descent", "height", "leading", "lineSpacing", "xHeight", "averageCharWidth",
                   "underlinePos", "strikeOutPos", "lineWidth", "capHeight"):
        assert getattr(ours, metric)() == getattr(theirs, metric)(), metric
    for text in ("投诉登记 TS-2026-A3-0007", "Quality 123 abc"):
        assert ours.horizontalAdvance(text) == theirs.horizontalAdvance(text), text


def test_dejavu_sans_is_loaded_only_when_a_text_needs_it(tmp_path: Path) -> None:
    """A fresh process (this one may have loaded it already): plain Chinese does not load it."""
    import subprocess
    import sys

    code = """
from reportlab.pdfbase import pdfmetrics
from desktop.documents import fonts, text
text.markup("储存温度2–30度，Ⅱ类") and text.plain("普通文字")
try:
    pdfmetrics.getFont(fonts.FALLBACK_FONT_NAME)
    raise SystemExit("DejaVu Sans loaded for plain Chinese")
except KeyError:
    pass
assert "<font" in text.markup("31℃")
assert pdfmetrics.getFont(fonts.FALLBACK_FONT_NAME)
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr + out.stdout


def test_fonts_register_once_from_many_threads_even_when_first_asked_for_a_symbol() -> None:
    import threading

    results: list[tuple[str | None, ...]] = []

    def work() -> None:
        results.append((fonts.font_for("℃"), fonts.font_for("消"), fonts.font_for("😀")))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [(fonts.FALLBACK_FONT_NAME, fonts.FONT_NAME, None)] * 8
