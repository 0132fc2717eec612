"""Make the database of a released schema for the upgrade tests (developer tool, run once per release).

Usage: .venv/bin/python scripts/make_schema_fixture.py
Writes ``tests/data/schema-<HEAD>/``: a data folder (database, photos, the laptop's key) with
demo records of every kind and, besides, what the demo does not make: signatures on screen, a
signed revision frozen by a later change, a training sign-in, a scan of signed paper; then a dump
of every record (``dump.json``) and the PDF of the signed complaint (``signed.pdf``), so the tests
can check that an old database, an old dump and an old PDF are all brought forward.
Run it on the commit that releases the schema, before any later migration exists.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.domain.clock import FixedClock  # noqa: E402
from desktop.storage import migrate  # noqa: E402

NOW = dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
STROKES = [[[0.1, 0.5, 0.5, 0], [0.3, 0.2, 0.5, 40], [0.5, 0.7, 0.5, 80], [0.8, 0.3, 0.5, 120]]]


def main() -> None:
    from desktop.services.context import open_context
    from desktop.services.demo import load_demo
    from desktop.services.export import export_record
    from desktop.services.images import make_png
    from desktop.services.tickets import raw_of
    from desktop.services.transfer import dump_records

    target = ROOT / "tests" / "data" / f"schema-{migrate.HEAD}"
    if target.exists():
        shutil.rmtree(target)
    data = target / "data"
    ctx = open_context(data, FixedClock(NOW))
    svc = ctx.records
    settings = svc.settings()
    settings.laptop_code = "F5"
    settings.staff_name = "马晓东"
    svc.save_settings(settings)
    load_demo(svc, 14)

    from desktop.domain.forms import WORKFLOWS

    def first(kind: str):  # noqa: ANN202 - the first record still open to changes
        rows = [r for r in svc.search(kind) if not WORKFLOWS[kind].is_final(r.status)]
        return svc.get(kind, sorted(rows, key=lambda r: r.number)[0].id)

    signed = {}
    for kind, block, name in (("complaint", "complainant", "张丽"), ("service-report", "customer", "王建国"),
                              ("survey", "respondent", "李娜"), ("return-request", "customer", "刘洋")):
        rec = first(kind)
        signed[kind] = svc.sign(kind, rec.id, block, name, STROKES).record
    # A signed service report changed afterwards: revision 1 frozen with its signature.
    report = signed["service-report"]
    raw = raw_of(report)
    raw["customer_comment"] = (raw.get("customer_comment") or "") + "（签字后补充：下次回访请提前电话联系。）"
    svc.update("service-report", report.id, raw)
    training = first("training")
    attendees = training.values.tables.get("attendees") or []
    if attendees:
        from desktop.domain.training_rules import signin_block_key

        name = attendees[0]["name"]
        svc.sign("training", training.id, signin_block_key(name), name, STROKES)
    scan = svc.photos.add_bytes(make_png(320, 452, (235, 235, 230), 7), "scan-page-1.png", "签字纸质件扫描")
    svc.add_scan("complaint", signed["complaint"].id, scan)
    complaint = svc.get("complaint", signed["complaint"].id)
    export_record(svc, complaint, target / "signed.pdf")
    (target / "dump.json").write_text(json.dumps(dump_records(svc), ensure_ascii=False, indent=1), encoding="utf-8")
    ctx.close()
    shutil.rmtree(data / "backups", ignore_errors=True)
    for extra in data.glob("aftersales.sqlite-*"):
        extra.unlink()
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
