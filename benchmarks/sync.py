"""Speed of a laptop's sync with head office (issue 12), for the closing note (not a test).

Usage: .venv/bin/python benchmarks/sync.py [--records 1000]

Starts a throw-away PostgreSQL (as the tests do, ``tests/pg_server.py``) with head office's database
and its sync service (uvicorn, in this process, on 127.0.0.1), and a laptop data folder with N demo
complaints, each with a photo of its own (distinct bytes).  Measures, wall clock and this process's
CPU time (laptop and server are both in it; the loopback network is all the network there is):

- the first sync: every record and photo sent, judged and written at head office;
- a sync with nothing new (version tags compared, nothing loaded);
- a sync after one record changed on the laptop.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _png(i: int) -> str:
    data = b"\x89PNG\r\n\x1a\n" + hashlib.sha256(str(i).encode()).digest() * 64  # 2 KB, distinct
    return base64.b64encode(data).decode("ascii")


def _timed(fn):  # type: ignore[no-untyped-def]
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w, time.process_time() - c


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=1000)
    n = ap.parse_args().records

    from desktop.domain.clock import Clock
    from desktop.services.context import open_context
    from desktop.services.demo import demo_objects
    from desktop.services.sync.client import sync
    from desktop.services.sync.head_office import server_records
    from desktop.services.tickets import raw_of
    from desktop.services.transfer import import_records
    from desktop.storage.server_accounts import add_laptop
    from tests.pg_server import PostgresServer
    from tests.sync_helpers import running

    pg = PostgresServer().start()
    try:
        hq = server_records(pg.fresh_database(), Clock())
        with hq.db.write() as s:
            token = add_laptop(s, "B1")
        with tempfile.TemporaryDirectory() as tmp:
            ctx = open_context(Path(tmp) / "laptop", Clock())
            st = ctx.records.settings()
            st.laptop_code = "B1"
            ctx.records.save_settings(st)
            objs = [o for o in demo_objects(ctx.records.clock.today(), n) if o["kind"] == "complaint"]
            for i, o in enumerate(objs):
                o.pop("number", None)
                o["photos"] = [{"filename": f"p{i}.png", "caption": "", "content_base64": _png(i)}]
            t = time.perf_counter()
            import_records(ctx.records, objs)
            records = sum(ctx.records.count(k) for k in ("complaint", "followup", "service-report"))
            print(f"laptop: {records} records made in {time.perf_counter() - t:.1f} s")
            with running(hq) as url:
                first, w1, c1 = _timed(lambda: sync(ctx.records, url, token))
                print(f"first sync: sent {first.sent}, {w1:.2f} s wall, {c1:.2f} s CPU "
                      f"({1000 * w1 / max(first.sent, 1):.1f} ms per record)")
                nothing, w2, c2 = _timed(lambda: sync(ctx.records, url, token))
                assert (nothing.sent, nothing.received) == (0, 0), nothing
                print(f"nothing new: {w2 * 1000:.0f} ms wall, {c2 * 1000:.0f} ms CPU")
                rec = ctx.records.all_records("complaint")[0]
                raw = raw_of(rec)
                raw["reason"] = (raw.get("reason") or "") + "（补充）"
                ctx.records.update("complaint", rec.id, raw)
                one, w3, c3 = _timed(lambda: sync(ctx.records, url, token))
                print(f"one changed: sent {one.sent}, {w3 * 1000:.0f} ms wall, {c3 * 1000:.0f} ms CPU")
            ctx.close()
        hq.db.dispose()
    finally:
        pg.stop()


if __name__ == "__main__":
    main()
