"""Record the digests of the sample pages for the current ``documents.LAYOUT``
(``tests/data/layout.json``, checked by ``tests/test_layout_version.py``).

Run it only after bumping ``desktop/documents/__init__.py: LAYOUT`` for a deliberate change of what a
record's pages show; it refuses to overwrite the digests of the same LAYOUT with different ones.

Usage: .venv/bin/python scripts/record_layout.py [--force]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def main() -> int:
    from layout_samples import GOLDEN, current

    from desktop.documents import LAYOUT

    now = current()
    if GOLDEN.exists() and "--force" not in sys.argv:
        old = json.loads(GOLDEN.read_text(encoding="utf-8"))
        if old.get("layout") == LAYOUT and old.get("reportlab") == now["reportlab"] and old != now:
            print(f"The pages changed but LAYOUT is still {LAYOUT}: bump desktop/documents/__init__.py: LAYOUT first "
                  "(or --force if no PDF of this layout was ever given out).", file=sys.stderr)
            return 1
    GOLDEN.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded {len(now['digests'])} sample pages for layout {LAYOUT}, reportlab {now['reportlab']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
