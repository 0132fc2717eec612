"""Documents that are generated from the code must be up to date."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_json_format_doc_lists_every_field():
    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "gen_json_docs.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    text = (ROOT / "docs" / "json-format.md").read_text(encoding="utf-8")
    assert gen.render(text) == text, "run: .venv/bin/python scripts/gen_json_docs.py"
