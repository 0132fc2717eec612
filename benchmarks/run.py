"""Speed figures for the closing notes (not a test): start-up, save, PDF export, search.

Usage: .venv/bin/python benchmarks/run.py [--records 10000] [--keep DIR]

Builds (once, cached in DIR) a database of N demo complaints through the importer, then measures,
each as the median of several runs:
- start-up: a fresh process (`python -m desktop` in benchmark mode) from launch to the main window
  shown on that database;
- save: RecordService.create of one complaint (validation, number, insert, commit with fsync);
- PDF: export_record of one complaint with a photo, after the first (fonts registered);
- search: RecordService.search (SQL, as the command line and the register's reload use it) and
  filter_rows (what the register does on each key press, over rows loaded once) for a batch-number
  fragment, a unit fragment, a number fragment, two words, and nothing (every row).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(folder: Path, n: int) -> None:
    from desktop.services.context import open_context
    from desktop.services.demo import demo_objects
    from desktop.services.transfer import import_records

    ctx = open_context(folder)
    have = ctx.records.count("complaint")
    if have < n:
        t = time.perf_counter()
        objs = demo_objects(ctx.records.clock.today(), n - have, seed=have + 1)
        for i in range(0, len(objs), 2000):
            import_records(ctx.records, objs[i:i + 2000])
        print(f"built {n - have} complaints in {time.perf_counter() - t:.1f} s")
    ctx.close()


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def startup(folder: Path, runs: int = 5) -> tuple[float, float]:
    """Median ms from launch to the window shown, and to the register filled."""
    times, ready = [], []
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               AFTERSALES_DESK_BENCHMARK_EXIT="1")
    for _ in range(runs):
        t = time.time()
        out = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(folder)], env=env,
                             capture_output=True, text=True, timeout=60)
        shown = [line for line in out.stdout.splitlines() if line.startswith("WINDOW_SHOWN ")]
        if not shown:
            raise SystemExit(f"start-up probe failed: {out.stderr[-2000:]}")
        times.append((float(shown[0].split()[1]) - t) * 1000)
        filled = [line for line in out.stdout.splitlines() if line.startswith("REGISTER_READY ")]
        ready.append((float(filled[0].split()[1]) - t) * 1000)
    return statistics.median(times), statistics.median(ready)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=10000)
    ap.add_argument("--keep", default=str(Path(tempfile.gettempdir()) / "aftersales-bench"))
    args = ap.parse_args()
    # Keyed by the newest migration's text too: an unreleased migration regenerated under the same
    # revision id would otherwise leave a cached database of the old shape.
    from desktop.storage import migrate

    head = migrate.MIGRATIONS_DIR / "versions" / f"{migrate.HEAD}.py"
    schema = hashlib.sha256(head.read_bytes()).hexdigest()[:8]
    folder = Path(args.keep) / f"n{args.records}-{schema}"
    build(folder, args.records)

    from desktop.services.context import open_context
    from desktop.services.export import export_record
    from tests.support import raw_complaint

    ctx = open_context(folder)
    svc = ctx.records
    print(f"database: {svc.count('complaint')} complaints, {(folder / 'aftersales.sqlite').stat().st_size / 1e6:.1f} MB")
    raw = raw_complaint(received_date=svc.clock.today().isoformat())
    save = median_ms(lambda: svc.create("complaint", raw).record, 30)
    record = next(r for r in svc.all_records("complaint") if r.values.photos.get("photos"))
    out = Path(tempfile.mkdtemp()) / "x.pdf"
    first = median_ms(lambda: export_record(svc, record, out), 1)
    pdf = median_ms(lambda: export_record(svc, record, out), 10)
    from desktop.services.records import filter_rows

    queries = ("SH2503", "西湖", "-0042", "医院 消毒", "")
    searches = {q: median_ms(lambda q=q: svc.search("complaint", q), 10) for q in queries}
    everything = svc.search("complaint")
    filters = {q: median_ms(lambda q=q: filter_rows(everything, q), 20) for q in queries}
    ctx.close()
    start, ready = startup(folder)
    print(f"start-up: main window shown {start:.0f} ms, register filled {ready:.0f} ms (median of 5, offscreen)")
    print(f"save one complaint: {save:.1f} ms (median of 30)")
    print(f"PDF export: first {first:.0f} ms, then {pdf:.1f} ms (median of 10)")
    for q, ms in searches.items():
        print(f"search {q!r}: SQL {ms:.1f} ms; register filter while typing {filters[q]:.1f} ms")


if __name__ == "__main__":
    main()
