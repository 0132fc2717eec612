"""Cost of the checks issue 11 added, for the closing note (not a test).

Usage: .venv/bin/python benchmarks/trust.py [--records 300]

On a fresh demo data folder (``demo --count N``): ``verify`` of an exported complaint in process,
split into the signature check alone (no database) and with the page comparison (the revision rendered
again and compared byte for byte) — median of 5 after one warm-up (pyHanko's import excluded); a
signed ``dump`` of every record (the envelope's canonical JSON and ECDSA signature on top of the
dump) and ``open_dump`` + ``accept`` of it (signature checked, trust looked up).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _median(fn, n: int = 5) -> float:
    fn()
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=300)
    n = ap.parse_args().records
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("AFTERSALES_DESK_SECRETS", str(Path(tmp) / "secrets"))
        from desktop.domain.clock import Clock
        from desktop.services.context import open_context
        from desktop.services.demo import load_demo
        from desktop.services.dump_signing import accept, open_dump, sign_dump
        from desktop.services.export import export_record
        from desktop.services.signing import verify_pdf
        from desktop.services.transfer import dump_records

        data = Path(tmp) / "data"
        ctx = open_context(data, Clock())
        load_demo(ctx.records, n)
        svc = ctx.records
        complaints = sorted(svc.all_records("complaint"), key=lambda r: len(json.dumps(r.values.fields, default=str)))
        for label, rec in (("short", complaints[0]), ("long", complaints[-1])):
            pdf = export_record(svc, rec, Path(tmp) / f"{label}.pdf")
            result = verify_pdf(pdf, data, svc)
            assert result.ok and result.content == "matches", result.lines()
            alone = _median(lambda p=pdf: verify_pdf(p, data))
            full = _median(lambda p=pdf: verify_pdf(p, data, svc))
            print(f"verify {label} complaint ({pdf.stat().st_size // 1024} KB): signature only {alone * 1000:.0f} ms, "
                  f"with page comparison {full * 1000:.0f} ms")
        settings = svc.settings()
        t = time.perf_counter()
        records = dump_records(svc)
        t_dump = time.perf_counter() - t
        t = time.perf_counter()
        envelope = sign_dump(records, data, settings.laptop_code, settings.company_name, svc.clock.now())
        text = json.dumps(envelope, ensure_ascii=False, indent=2)
        t_sign = time.perf_counter() - t
        t = time.perf_counter()
        accepted = accept(open_dump(json.loads(text), data), data)
        t_open = time.perf_counter() - t
        assert len(accepted) == len(records)
        print(f"dump of {len(records)} records ({len(text) / 1e6:.1f} MB): records {t_dump:.2f} s, "
              f"envelope + signature {t_sign * 1000:.0f} ms; open + check signature + trust {t_open * 1000:.0f} ms")
        ctx.close()


if __name__ == "__main__":
    main()
