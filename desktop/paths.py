"""Where things live: the user's data folder and the application's bundled resources.

The data folder is the platform's user data folder (platformdirs: ``%LOCALAPPDATA%`` on Windows,
``~/.local/share`` on Linux) unless ``--data-dir`` or ``AFTERSALES_DESK_DATA`` says otherwise.
Resources (font, translations, handouts) are found beside the package, or inside a PyInstaller
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
    return resources_dir() / "fonts" / "wqy-microhei.ttc"
