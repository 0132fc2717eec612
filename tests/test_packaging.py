"""The installer build (packaging/aftersales-desk.spec) ships what the app reads at run time."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_resource_folder_is_in_the_installer() -> None:
    spec = (ROOT / "packaging" / "aftersales-desk.spec").read_text(encoding="utf-8")
    shipped = set(re.findall(r'ROOT / "resources" / "([^"]+)"\), "resources/\1"', spec))
    folders = {p.name for p in (ROOT / "resources").iterdir() if p.is_dir()}
    assert folders <= shipped, f"not in the installer: {sorted(folders - shipped)}"


def test_modules_imported_by_name_are_collected() -> None:
    from desktop.ui.form_extras import EXTRA_MODULES

    spec = (ROOT / "packaging" / "aftersales-desk.spec").read_text(encoding="utf-8")
    assert EXTRA_MODULES and all(name.startswith(".") for name in EXTRA_MODULES)
    assert 'collect_submodules("desktop.ui")' in spec  # form_extras imports its modules by name
