"""Write the field tables of docs/json-format.md from the form specifications.

The prose of the document is kept by hand; everything between the two markers is generated, and
tests/test_docs.py fails when it is out of date (run: .venv/bin/python scripts/gen_json_docs.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.domain.fields import Field, FieldType, FormSpec  # noqa: E402
from desktop.domain.forms import SPECS  # noqa: E402

DOC = Path(__file__).resolve().parent.parent / "docs" / "json-format.md"
BEGIN = "<!-- generated fields: begin -->"
END = "<!-- generated fields: end -->"

JSON_TYPES = {
    FieldType.TEXT: "string",
    FieldType.LONGTEXT: "string (newlines allowed)",
    FieldType.DATE: 'string "YYYY-MM-DD"',
    FieldType.CHOICE: "string, one of the choices",
    FieldType.PHONE: "string, a mainland phone number",
    FieldType.DECIMAL: "number (or string)",
    FieldType.INTEGER: "integer",
    FieldType.BOOL: "true / false",
    FieldType.TIME: 'string "HH:MM"',
    FieldType.SCORE: "integer 1–5 (5 = 很满意)",
}


def _row(f: Field) -> str:
    notes = []
    if f.choices:
        notes.append("choices: " + " / ".join(f.choices))
    if f.positive:
        notes.append("> 0")
    if f.min_value is not None:
        notes.append(f">= {f.min_value}")
    if f.type in (FieldType.TEXT,) and f.max_length:
        notes.append(f"at most {f.max_length} characters")
    req = "yes" if f.required else ""
    return f"| `{f.key}` | {f.label} | {JSON_TYPES[f.type]} | {req} | {'; '.join(notes)} |"


def spec_tables(spec: FormSpec) -> str:
    lines = [f"### `{spec.kind}` — {spec.title}", "", f"Number: `{spec.number_prefix}-YEAR-LAPTOP-SEQ` ({spec.number_label}); "
             f"statuses: {' → '.join(spec.statuses)}.", ""]
    lines += ["| key | 标签 | JSON type | required | notes |", "|---|---|---|---|---|"]
    for f in spec.fields():
        if not f.read_only:
            lines.append(_row(f))
    for t in spec.tables():
        lines += ["", f"`{t.key}` ({t.label}): a list of objects, at least {t.min_rows}; each object:", "",
                  "| key | 标签 | JSON type | required | notes |", "|---|---|---|---|---|"]
        lines += [_row(c) for c in t.columns]
    for p in spec.photo_lists():
        lines += ["", f"`{p.key}` ({p.label}): a list of photo objects (see above), at most {p.max_photos}."]
    return "\n".join(lines)


def generated() -> str:
    return "\n\n".join(spec_tables(s) for s in SPECS.values())


def render(text: str) -> str:
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{generated()}\n{END}{tail}"


if __name__ == "__main__":
    DOC.write_text(render(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {DOC}")
