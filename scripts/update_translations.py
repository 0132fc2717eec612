"""Refresh resources/translations/*.ts and compile them to .qm.

Strings reach the .ts files two ways:
- the user interface uses ``self.tr()`` / ``QCoreApplication.translate``, which Qt's ``lupdate``
  (shipped inside PySide6) finds in ``desktop/ui`` and ``desktop/app.py``;
- the domain declares labels, choices and messages outside Qt.  They are collected here from the
  form specifications (context ``fields``) and from every ``QT_TRANSLATE_NOOP(context, text)`` call
  in the Qt-free packages (lupdate cannot resolve a context given as a constant).

Existing translations are kept; strings no longer in the code are dropped.  Then ``lrelease``
compiles each .ts to the .qm the application loads.

Usage: .venv/bin/python scripts/update_translations.py
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("en",)
CONTEXT_CONSTANTS = {"FIELDS": "fields", "MESSAGES": "messages"}


def _qt_tool(name: str) -> Path:
    import PySide6

    return Path(list(PySide6.__path__)[0]).resolve() / name


def spec_strings() -> set[str]:
    from desktop.domain.fields import BATCH_COLUMN, PRODUCT_COLUMN, SCORE_LABELS
    from desktop.domain.forms import SPECS, WORKFLOWS
    from desktop.domain.settings import LABELS

    out: set[str] = set(LABELS.values()) | set(SCORE_LABELS)
    for spec in SPECS.values():
        out |= {spec.title, spec.number_label, spec.register_title, spec.short_title, *spec.statuses}
        out |= {spec.label_of(key) for key in ("status", PRODUCT_COLUMN, BATCH_COLUMN)}
        out |= {sig.label for sig in spec.signatures}
        for section in spec.sections:
            out.add(section.title)
            for el in section.elements:
                out.add(el.label)
                for f in getattr(el, "columns", ()) or (el,):
                    out.add(f.label)
                    out |= set(getattr(f, "choices", ()))
                    if getattr(f, "placeholder", ""):
                        out.add(f.placeholder)
                    if getattr(f, "help", ""):  # shown as the field's tool tip (issue 14)
                        out.add(f.help)
    for wf in WORKFLOWS.values():
        out |= {t.action for t in wf.transitions}
    return {s for s in out if s}


def noop_strings() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for package in ("domain", "services", "storage", "documents"):
        for path in (ROOT / "desktop" / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP"
                    and len(node.args) == 2
                    and isinstance(node.args[1], ast.Constant)
                ):
                    ctx_node = node.args[0]
                    if isinstance(ctx_node, ast.Constant):
                        ctx = ctx_node.value
                    else:
                        ctx = CONTEXT_CONSTANTS[getattr(ctx_node, "id", "")]
                    found.setdefault(ctx, set()).add(node.args[1].value)
    return found


def _translations(ts_path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → the <translation> element of an existing .ts file."""
    if not ts_path.exists():
        return {}
    out = {}
    for ctx in ET.parse(ts_path).getroot().findall("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.findall("message"):
            t = m.find("translation")
            if t is not None:
                out[(name, m.findtext("source") or "")] = t
    return out


def merge(ts_path: Path, fresh: Path, extra: dict[str, set[str]]) -> None:
    """The strings of ``fresh`` (lupdate) plus ``extra``, with the translations ``ts_path`` had."""
    old = _translations(ts_path)
    tree = ET.parse(fresh)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.findall("context")}
    for name, sources in sorted(extra.items()):
        ctx = contexts.get(name)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = name
        have = {m.findtext("source") for m in ctx.findall("message")}
        for source in sorted(sources - have):
            m = ET.SubElement(ctx, "message")
            ET.SubElement(m, "source").text = source
            ET.SubElement(m, "translation", type="unfinished")
    for ctx in root.findall("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.findall("message"):
            kept = old.get((name, m.findtext("source") or ""))
            if kept is not None and (kept.text or "").strip():
                m.remove(m.find("translation"))
                m.append(kept)
    ET.indent(tree, space="    ")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)


def main() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    sources = [str(p) for p in (ROOT / "desktop" / "ui").rglob("*.py")] + [str(ROOT / "desktop" / "app.py")]
    extra = noop_strings()
    extra.setdefault("fields", set()).update(spec_strings())
    for lang in LANGUAGES:
        ts = TS_DIR / f"aftersales_{lang}.ts"
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / ts.name
            subprocess.run(
                [str(_qt_tool("lupdate")), "-silent", "-locations", "none", *sources, "-ts", str(fresh)],
                check=True,
            )
            merge(ts, fresh, extra)
        subprocess.run([str(_qt_tool("lrelease")), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        print(f"updated {ts.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
