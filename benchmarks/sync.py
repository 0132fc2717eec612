"""Speed of a laptop's sync with head office (issue 12), for the closing note (not a test).

Usage: .venv/bin/python benchmarks/sync.py [--records 1000]

Starts a throw-away PostgreSQL (as the tests do, ``tests/pg_server.py``) with head office's database
and its sync service (uvicorn, in this process, on 127.0.0.1), and a laptop data folder with N demo
complaints, each with a photo of its own (distinct bytes).  Measures, wall clock and this process's
CPU time (laptop and server are both in it; the loopback network is all the network there is):

- the first sync: every record and photo sent, judged and written at head office;
- a sync with nothing new (version tags compared, nothing loaded);
- a sync after one record changed on the laptop.

Measured on this machine (2 cores shared with other work, load 1-4; wall and this process's CPU),
``--records N`` demo complaints → N·1.14 records (complaints with their follow-ups and service
reports), each complaint with one 2 KB photo of its own:

=====================  ==================================  ===================================
                       before (main 784e7c2)               after (branch issue-12a)
=====================  ==================================  ===================================
first sync             343 records: 19.8 s wall, 17.8 s    11,428 records: 169 s wall, 144 s
                       CPU = 57.6 ms a record              CPU = 14.8 ms a record
                       (issue: 66-120 ms a record)         (2,286: 41 s wall, 31 s CPU; 343:
                                                           4.4 s wall, 4.0 s CPU = 12.9 ms)
nothing new            66 ms wall (343 records)            493 ms wall, 470 ms CPU (11,428)
one changed            198 ms wall                         589 ms wall, 500 ms CPU (11,428)
laptop import (setup)  343 records in 9.0 s (26 ms each)   11,428 in 112 s (9.8 ms each); 343 in 4.1 s
=====================  ==================================  ===================================

Where the first sync's time went then (py-spy, 2,286 records): head office's receive ~7 ms a record
(the ORM building and flushing the rows, and hashing each record's content), the photos ~5 ms each
(one HTTP request per photo), the laptop's ``note_sent`` ~1 ms a record (one query per record).

Then (branch issue-12d, each step measured with ``--records 1000`` = 1,143 records, one distinct
2 KB photo per complaint; the machine's load average in brackets, it moves the figures a lot):

================================================  ===========================================
main ad52139, re-measured the same hour           16.6 s wall, 13.9 s CPU = 14.5 ms a record
                                                  (load 3.4; 25.8 s wall, 16.1 s CPU at load 6)
+ ``note_sent`` by the batch (one upsert per       10.1 s wall, 7.5 s CPU = 8.8 ms a record
  batch) + pictures by the batch                  (load 3.5-4)
  (``POST /api/v1/photos/batch``, ≤ 200 a request)
+ head office stores a picture batch in one        (within the noise of the next line)
  executemany (``DatabasePhotoStore.add_many``)
+ an arriving record's content hashed once, not    5.5 s wall, 4.7 s CPU = 4.8 ms a record
  twice (``incoming.receive``)                    (load 4.2-3.6); nothing new 90 ms, one changed 182 ms
10,000 demo complaints = 11,428 records            101 s wall, 63.6 s CPU = 8.8 ms a record (was 169 s wall,
                                                  144 s CPU); nothing new 925 ms wall / 594 ms CPU, one
                                                  changed 1.1 s wall / 690 ms CPU (load 3.3-4.3)
================================================  ===========================================

Still short of the aim (10,000 in under 10 s).  What is left (py-spy at 1,143 records, after the
photo batch): head office's receive is ~70 % of the sync's samples — building the ORM rows in
``incoming.receive`` ~40 % of it, the ORM flush ~18 %, settling versions (``RecordService._finish``,
which hashes every record again) ~10 %, parsing and checking the JSON ~17 %; the laptop's dump ~13 %.
The next step is the Core bulk insert of records new at head office (their rows and child rows by
executemany inside the same ``write()``), with a test that compares its rows with the ORM path's.
The figures grow faster than the record count (4.8 ms a record at 1,143, 8.8 ms at 11,428; head
office's PostgreSQL CPU is not in the CPU column): not profiled yet at 10,000.
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
