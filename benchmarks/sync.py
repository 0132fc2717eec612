"""Speed of a laptop's sync with head office (issue 12), for the closing note (not a test).

Usage: .venv/bin/python benchmarks/sync.py [--records 1000] [--laptop-cache DIR]
(Linux: CPU times are read from /proc.  ``--laptop-cache``: the laptop made once, kept in DIR and
taken from there next time; making 10,000 complaints by a JSON import takes a minute or more.)

Starts a throw-away PostgreSQL (as the tests do, ``tests/pg_server.py``) with head office's database,
and head office's sync service as head office runs it (``aftersales-desk server run``, its own process,
on 127.0.0.1), and a laptop data folder with N demo complaints, each with a photo of its own (distinct
bytes).  Measures wall clock and the CPU time of the laptop (this process), of the sync service and of
PostgreSQL, each apart (the loopback network is all the network there is):

- the first sync: every record and photo sent, judged and written at head office;
- a sync with nothing new (version tags compared, nothing loaded);
- a sync after one record changed on the laptop.

The fifth stop of 2026-12-03 (another machine of the same size, unloaded; ``--records 10000``):
first sync 13.9-14.2 s wall; CPU laptop 2.9-3.0 s, service 6.6-6.9 s (together 9.4-9.9 s, the aim
under 10 s met), PostgreSQL 5.5-5.7 s; nothing new 0.16-0.22 s, one changed 0.21-0.24 s.  With the
search's three-letter pinyin keys (scheme 4): 14.9-15.1 s wall, 9.6-9.7 s, PostgreSQL 6.5-6.6 s.  The same
machine with the code as the stop began: 17.0 s wall, laptop 3.8 s + service 8.9 s = 12.7 s.

The figures of the fourth stop of 2026-12-03 (``--records 10000``: 11,428 records, 10,000 photos):
first sync 36.1 s wall; CPU laptop 8.6 s, service 20.5 s, PostgreSQL 10.9 s.  Nothing new 0.39 s,
one changed 0.47 s.  What changed and what is left: docs/sync.md, "Speed".  Until then the laptop and
head office ran in this one process (the service on a uvicorn thread); the figures below are of then.

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

Then (the fourth stop): records new at head office by the set (one COPY per table), the dump by
plain rows, no server-side prepared statements (a generic plan scanned a whole table per batch: the
growth with the count), the laptop's next batch read while head office takes one — see the top.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _png(i: int) -> str:
    data = b"\x89PNG\r\n\x1a\n" + hashlib.sha256(str(i).encode()).digest() * 64  # 2 KB, distinct
    return base64.b64encode(data).decode("ascii")


def _ticks(pid: int, children_too: bool = False) -> float:
    """CPU seconds of process ``pid`` (user + system) from /proc (this script runs on Linux); with
    ``children_too``, also those of its children that ended and of those still running (a
    PostgreSQL server's backends)."""
    import os

    def own(p: int, ended: bool) -> float:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        n = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if ended else 0)
        return n / os.sysconf("SC_CLK_TCK")

    total = own(pid, children_too)
    if children_too:
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                if ppid == pid:
                    total += own(int(entry.name), False)
    return total


class _Clocks:
    """Wall time and the CPU time of the laptop (this process), the sync service and PostgreSQL."""

    def __init__(self, server_pid: int, pg_pid: int) -> None:
        self.pids = server_pid, pg_pid

    def now(self) -> tuple[float, float, float, float]:
        return (time.perf_counter(), time.process_time(), _ticks(self.pids[0]), _ticks(self.pids[1], True))

    def timed(self, fn):  # type: ignore[no-untyped-def]
        before = self.now()
        out = fn()
        after = self.now()
        return out, [b - a for a, b in zip(before, after, strict=True)]


def _line(what: str, n: int, spent: list[float]) -> str:
    wall, laptop, server, pg = spent
    per = f" = {1000 * wall / n:.2f} ms a record" if n > 1 else ""
    return (f"{what}: {wall:.2f} s wall{per}; CPU: laptop {laptop:.2f} s, sync service {server:.2f} s, "
            f"PostgreSQL {pg:.2f} s (laptop + service {laptop + server:.2f} s)")


def main() -> None:
    import os
    import subprocess

    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=1000)
    ap.add_argument("--laptop-cache", type=Path, default=None,
                    help="a folder to keep the laptop's data in after it is made, and to take it from "
                         "next time (the set-up's JSON import of 10,000 complaints takes minutes)")
    args = ap.parse_args()
    n = args.records

    import httpx

    from desktop.domain.clock import Clock
    from desktop.services.context import open_context
    from desktop.services.demo import demo_objects
    from desktop.services.sync.client import sync
    from desktop.services.sync.head_office import server_records
    from desktop.services.tickets import raw_of
    from desktop.services.transfer import import_records
    from desktop.storage.server_accounts import add_laptop
    from tests.pg_server import PostgresServer
    from tests.sync_helpers import free_port

    pg = PostgresServer().start()
    service = None
    try:
        url = pg.fresh_database()
        hq = server_records(url, Clock())  # creates the schema
        with hq.db.write() as s:
            token = add_laptop(s, "B1")
        hq.db.dispose()
        port = free_port()
        # The sync service as head office runs it: its own process (``server run``), on loopback.
        service = subprocess.Popen([sys.executable, "-m", "desktop", "server", "run", "--database", url,
                                    "--host", "127.0.0.1", "--port", str(port)], cwd=ROOT)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/v1/hello", timeout=2)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or service.poll() is not None:
                    raise SystemExit("the sync service did not start") from None
                time.sleep(0.2)
        postmaster = int((pg.dir / "data" / "postmaster.pid").read_text().split()[0])
        clocks = _Clocks(service.pid, postmaster)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "laptop"
            cached = args.laptop_cache / f"laptop-{n}" if args.laptop_cache else None
            if cached is not None and cached.is_dir():
                shutil.copytree(cached, folder)
            ctx = open_context(folder, Clock())
            if cached is None or not cached.is_dir():
                st = ctx.records.settings()
                st.laptop_code = "B1"
                ctx.records.save_settings(st)
                objs = [o for o in demo_objects(ctx.records.clock.today(), n) if o["kind"] == "complaint"]
                for i, o in enumerate(objs):
                    o.pop("number", None)
                    o["photos"] = [{"filename": f"p{i}.png", "caption": "", "content_base64": _png(i)}]
                t = time.perf_counter()
                import_records(ctx.records, objs)
                print(f"laptop: records made in {time.perf_counter() - t:.1f} s (one JSON import)")
                if cached is not None:
                    ctx.close()
                    shutil.copytree(folder, cached)
                    ctx = open_context(folder, Clock())
            records = sum(ctx.records.count(k) for k in ("complaint", "followup", "service-report"))
            print(f"laptop: {records} records; the sync service is process {service.pid}")
            first, spent = clocks.timed(lambda: sync(ctx.records, base, token))
            print(_line(f"first sync, {first.sent} records and {n} photos", first.sent, spent))
            nothing, spent = clocks.timed(lambda: sync(ctx.records, base, token))
            assert (nothing.sent, nothing.received) == (0, 0), nothing
            print(_line("nothing new", 1, spent))
            rec = ctx.records.all_records("complaint")[0]
            raw = raw_of(rec)
            raw["reason"] = (raw.get("reason") or "") + "（补充）"
            ctx.records.update("complaint", rec.id, raw)
            one, spent = clocks.timed(lambda: sync(ctx.records, base, token))
            print(_line(f"one changed (sent {one.sent})", 1, spent))
            ctx.close()
    finally:
        if service is not None:
            service.terminate()
            try:
                service.wait(10)
            except subprocess.TimeoutExpired:
                os.kill(service.pid, 9)
        pg.stop()


if __name__ == "__main__":
    main()
