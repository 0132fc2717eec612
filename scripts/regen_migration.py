"""Regenerate the newest, unreleased migration from the current specs (developer tool).

Usage: .venv/bin/python scripts/regen_migration.py
Upgrades a scratch database to the revision before HEAD, autogenerates HEAD again from
``desktop.storage.schema`` and writes it with plain SQLAlchemy types (migrations must not import
the application).  Only for a revision that has not been released.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from alembic import command  # noqa: E402

from desktop.storage import migrate  # noqa: E402


def main() -> None:
    head, previous = migrate.REVISIONS[-1], migrate.REVISIONS[-2]
    target = migrate.MIGRATIONS_DIR / "versions" / f"{head}.py"
    old = target.read_text(encoding="utf-8") if target.exists() else ""
    first_line = old.splitlines()[0] if old else f'"""{head}'
    # Hand-written data steps between these markers, at the end of upgrade(), survive regeneration.
    kept = re.search(r"\n    # >>> data\n.*?    # <<< data\n", old, re.S)
    # ... and hand-written steps between these markers, at the start of downgrade() (undoing them).
    undo = re.search(r"\n    # >>> undo\n.*?    # <<< undo\n", old, re.S)
    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "m.sqlite"
        migrate.upgrade(db, previous)
        cfg = migrate.alembic_config()
        cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db}")
        command.revision(cfg, message="regenerated", autogenerate=True, rev_id=head)
    made = next((migrate.MIGRATIONS_DIR / "versions").glob(f"{head}_*.py"))
    text = made.read_text(encoding="utf-8")
    text = text.replace("desktop.storage.schema.UTCDateTime()", "sa.DateTime()")
    text = re.sub(r"desktop\.storage\.schema\.DecimalText\(length=(\d+)\)", r"sa.String(length=\1)", text)
    text = text.replace("import desktop.storage.schema\n", "")
    if kept:
        text = text.replace("    # ### end Alembic commands ###\n", "    # ### end Alembic commands ###\n" + kept.group(0)[1:], 1)
    if undo:
        text = text.replace("def downgrade() -> None:\n", "def downgrade() -> None:" + undo.group(0), 1)
    lines = text.splitlines()
    lines[0] = first_line
    made.unlink()
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
