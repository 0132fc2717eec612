"""Speed of the one write path with versions (issue 10), for the closing note (not a test).

Usage: .venv/bin/python benchmarks/versions.py [--records 2000]

On a fresh data folder: import N demo complaints from a dump (new records: validation, derive,
version 1 with its lineage entry, one transaction); import the same dump again (every record judged
unchanged by its version tag, nothing written); import a dump of the same records each changed
elsewhere (every one a newer version: replaced); a dump changed on both sides (every one held as a
conflict); and a form save with ``expected_version`` (the stale check) — median of 30.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=2000)
    n = ap.parse_args().records

    from desktop.domain.clock import Clock
    from desktop.services.context import open_context
    from desktop.services.demo import demo_objects
    from desktop.services.tickets import raw_of
    from desktop.services.incoming import CONFLICT, UNCHANGED, UPDATED
    from desktop.services.transfer import dump_records, import_records

    with tempfile.TemporaryDirectory() as tmp:
        a = open_context(Path(tmp) / "a", Clock())
        b = open_context(Path(tmp) / "b", Clock())
        for ctx, code in ((a, "LA"), (b, "LB")):
            st = ctx.records.settings()
            st.laptop_code = code
            ctx.records.save_settings(st)
        objs = demo_objects(a.records.clock.today(), n)
        t = time.perf_counter()
        import_records(a.records, objs)
        first_a = time.perf_counter() - t
        dump = dump_records(a.records, "complaint")
        count = len(dump)
        t = time.perf_counter()
        import_records(b.records, copy.deepcopy(dump))
        first = time.perf_counter() - t
        t = time.perf_counter()
        again = import_records(b.records, copy.deepcopy(dump))
        same = time.perf_counter() - t
        assert again.count(UNCHANGED) == count, again.lines()[:3]
        from desktop.domain.workflow import TransitionRefused

        recs = []
        for rec in a.records.all_records("complaint"):
            try:
                a.records.update("complaint", rec.id, raw_of(rec) | {"complainant_address": "A 改的地址"})
                recs.append(rec)
            except TransitionRefused:  # closed (办结): not changed by anyone
                pass
        newer = dump_records(a.records, "complaint")
        t = time.perf_counter()
        rep = import_records(b.records, copy.deepcopy(newer))
        updated = time.perf_counter() - t
        assert rep.count(UPDATED) == len(recs) and rep.count(UNCHANGED) == count - len(recs)
        for rec in recs:
            a.records.update("complaint", rec.id, raw_of(a.records.get("complaint", rec.id)) | {"findings": "A 的调查"})
            mine = b.records.get("complaint", rec.id)
            b.records.update("complaint", rec.id, raw_of(mine) | {"investigator": "B 的调查人员"})
        t = time.perf_counter()
        rep = import_records(b.records, dump_records(a.records, "complaint"))
        held = time.perf_counter() - t
        assert rep.count(CONFLICT) == len(recs)
        one = b.records.get("complaint", recs[0].id)
        times = []
        for i in range(30):
            cur = b.records.get("complaint", one.id)
            t = time.perf_counter()
            b.records.update("complaint", one.id, raw_of(cur) | {"reason": f"第 {i} 次"}, expected_version=cur.version)
            times.append(time.perf_counter() - t)
        print(f"{count} complaints (demo data), SQLite on this machine")
        print(f"import, new records (laptop A, from objects): {first_a:.2f} s ({first_a / count * 1000:.1f} ms each)")
        print(f"import of A's dump into B, new records:       {first:.2f} s ({first / count * 1000:.1f} ms each)")
        print(f"the same dump again, all unchanged:            {same:.2f} s ({same / count * 1000:.1f} ms each)")
        print(f"a dump with {len(recs)} newer versions (rest closed, unchanged): {updated:.2f} s")
        print(f"a dump with those {len(recs)} changed on both sides, held as conflicts: {held:.2f} s")
        print(f"form save with the version check (median 30):  {statistics.median(times) * 1000:.1f} ms")
        a.close()
        b.close()


if __name__ == "__main__":
    main()
