"""Where things live: the user's data folder and the application's bundled resources.

The data folder is the platform's user data folder (platformdirs: ``%LOCALAPPDATA%`` on Windows,
``~/.local/share`` on Linux) unless ``--data-dir`` or ``AFTERSALES_DESK_DATA`` says otherwise.
Resources (fonts, translations, handouts) are found beside the package, or inside a PyInstaller
bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "AftersalesDesk"
APP_AUTHOR = "AftersalesDesk"
DATA_ENV = "AFTERSALES_DESK_DATA"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).expanduser().resolve()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def font_path() -> Path:
    """The main font: WenQuanYi Micro Hei (Chinese, and the Latin of every label and document)."""
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def fallback_font_path() -> Path:
    """DejaVu Sans: the symbols the main font cannot draw (℃, Ⅴ, ǚ, ☑ …), in the window and in PDFs."""
    return resources_dir() / "fonts" / "DejaVuSans.ttf"


def fill_font_path() -> Path:
    """DejaVu Sans Fill: the characters the main font maps to a blank glyph, for the window's fallback
    (built by ``scripts/make_fill_font.py``; see there why Qt needs it)."""
    return resources_dir() / "fonts" / "DejaVuSansFill.ttf"


def rare_font_paths() -> tuple[Path, ...]:
    """The rare-character fonts, in fallback order: subsets of Hanazono (花园明朝) holding the CJK
    Extension A–F and compatibility ideographs the main font lacks (built by
    ``scripts/make_rare_font.py``; see ``documents.fonts``)."""
    folder = resources_dir() / "fonts"
    return (folder / "rare-cjk-a.ttf", folder / "rare-cjk-b.ttf")


def icon_path() -> Path:
    """The application's icon (``scripts/make_icon.py``): the window, and on Windows the .exe's own."""
    return resources_dir() / "icons" / "aftersales-desk.png"
