"""Two processes writing one data folder at once (issue 11): form numbers are allocated inside the
write transaction (BEGIN IMMEDIATE), so no two records get one number and no writer sees a
traceback; a writer waits briefly for the other and is then refused with a message."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SAVER = textwrap.dedent("""
    import datetime as dt, sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from desktop.services.context import open_context
    from desktop.services.demo import example_object
    from desktop.storage.errors import StorageError
    ctx = open_context(Path({folder!r}))
    raw = {{k: v for k, v in example_object("complaint", dt.date(2026, 3, 20)).items()
           if k not in ("kind", "status", "photos")}}
    refused = 0
    for _ in range({n}):
        try:
            ctx.records.create("complaint", raw, by="窗口")
        except StorageError:
            refused += 1
    ctx.close()
    print("REFUSED", refused)
""")


def test_a_window_saving_while_the_command_line_imports(tmp_path, data_dir):
    import datetime as dt

    from desktop.services.demo import example_object

    dump = tmp_path / "many.json"
    dump.write_text(json.dumps([example_object("complaint", dt.date(2026, 3, 20)) for _ in range(15)],
                               ensure_ascii=False), encoding="utf-8")
    procs = [subprocess.Popen([sys.executable, "-c", SAVER.format(root=str(ROOT), folder=str(data_dir), n=15)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)]
    procs += [subprocess.Popen([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "import", str(dump)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
              for _ in range(2)]
    results = [p.communicate(timeout=600) for p in procs]
    for (out, err), p in zip(results, procs, strict=True):
        assert "Traceback" not in err, err
        assert p.returncode == 0 or "另一个窗口或程序" in err, err
    refused = int(results[0][0].split("REFUSED")[1])
    imported = sum(15 for p in procs[1:] if p.returncode == 0)
    from desktop.services.context import open_context

    ctx = open_context(data_dir)
    try:
        rows = ctx.records.search("complaint")
    finally:
        ctx.close()
    numbers = [r.number for r in rows]
    assert len(numbers) == len(set(numbers)) == 15 - refused + imported
