"""Speed of the four reports (issue 15: under 2 s each on 100,000 complaints, 20,000 tickets and
10,000 surveys).  Not a test.

Usage: .venv/bin/python benchmarks/reports.py [--complaints 100000] [--tickets 20000] [--surveys 10000]
       [--keep DIR] [--runs 3] [--pdf]

Builds once (cached in DIR, reused while its sizes and the schema match) a database written straight
into the generated tables with Core bulk inserts, over the 3 years before "today" (2026-11-26, as
``benchmarks/desk.py``): 2,000 customers; the complaints (1–2 product lines each, 200 batches, most
closed, the last weeks' open, a determination and resolution on most); 10,000 return requests;
the tickets with their actual response and handling times (10 % late); the surveys (half of them
yearly, half after a service report; 10,000 service reports); 20,000 follow-ups; 30 training
sessions for the staff.  Then times each report (cold: a freshly opened database; warm: again) and,
with ``--pdf``, its PDF and .xlsx.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.desk import CITIES, KINDS, NOW, PEOPLE, PRODUCTS, TODAY, UNITS, WORDS, _base


def build(service, complaints: int, tickets: int, surveys: int, seed: int = 15) -> None:
    from sqlalchemy import insert

    from desktop.domain import complaint as c
    from desktop.domain import followup as fu
    from desktop.domain import return_request as rr
    from desktop.domain import service_report as sr
    from desktop.domain import survey as sv
    from desktop.domain import ticket as tk
    from desktop.domain import training as trn
    from desktop.storage.schema import MODELS

    rng = random.Random(seed)
    t0 = time.perf_counter()
    start = TODAY - dt.timedelta(days=3 * 365)
    span = 3 * 365

    def day() -> dt.date:
        return start + dt.timedelta(days=rng.randrange(span + 1))

    units = [f"{rng.choice(CITIES)}市{rng.choice(WORDS)}{rng.choice(KINDS)}{i}" for i in range(2_000)]
    rows: dict[str, list[dict]] = {k: [] for k in ("customer", "complaint", "return-request", "ticket", "survey",
                                                   "service-report", "followup", "training", "delivery")}
    items: dict[str, list[dict]] = {"complaint": [], "return-request": [], "training": []}
    for i, name in enumerate(units):
        r = _base("KH", 2024, i + 1, "合作中", name)
        r.update(name=name, registered_date=dt.date(2024, 1, 1))
        rows["customer"].append(r)
    batches = [(rng.choice(PRODUCTS), f"B{2400 + i:05d}") for i in range(200)]
    for i, (product, batch) in enumerate(batches):
        for k in range(10):
            d = day()
            r = _base("FH", d.year, i * 10 + k + 1, "已验收", batch)
            r.update(customer_unit=rng.choice(units), delivery_date=d, product_name=product, batch_no=batch,
                     quantity="10", unit="箱", expiry_date=d + dt.timedelta(days=365))
            rows["delivery"].append(r)

    def lines(kind: str, record_id: str, n: int) -> None:
        for pos in range(n):
            product, batch = rng.choice(batches)
            row = {"id": str(uuid.uuid4()), "position": pos, "record_id": record_id, "product_name": product,
                   "batch_no": batch, "quantity": str(rng.randint(1, 20)), "unit": rng.choice(UNITS)}
            items[kind].append(row)

    for i in range(complaints):
        d = day()
        open_ = (TODAY - d).days < 30 and rng.random() < 0.7
        status = rng.choice(c.STATUSES[:5]) if open_ else c.CLOSED
        r = _base("TS", d.year, i + 1, status, "")
        det = rng.choice(c.DETERMINATIONS[:2]) if not open_ or rng.random() < 0.3 else None
        r.update(received_date=d, channel="电话", receiver=rng.choice(PEOPLE), investigator=rng.choice(PEOPLE),
                 severity=c.SEVERITIES[rng.random() < 0.1], category=rng.choice(c.CATEGORIES),
                 complainant_unit=rng.choice(units), complainant_name=rng.choice(PEOPLE), complainant_phone="13900000000",
                 reason="……", quality_determination=det,
                 determined_date=d + dt.timedelta(days=rng.randint(1, 10)) if det else None,
                 resolution=rng.choice(c.RESOLUTIONS) if det else None,
                 improvement_measures="加强出厂检验" if det == c.QUALITY_PROBLEM and rng.random() < 0.3 else None,
                 closed_date=d + dt.timedelta(days=20) if status == c.CLOSED else None)
        rows["complaint"].append(r)
        lines("complaint", r["id"], 1 + (rng.random() < 0.3))
    for i in range(10_000):
        d = day()
        r = _base("TH", d.year, i + 1, rr.DONE if (TODAY - d).days > 30 else rr.REQUESTED, "")
        r.update(request_date=d, staff=rng.choice(PEOPLE), customer_unit=rng.choice(units), contact_name="张丽",
                 contact_phone="13900000000", reason_type=rng.choice(rr.REASONS), reason_details="……",
                 handling=rng.choice(rr.HANDLINGS), cost_bearer=rng.choice(rr.COST_BEARERS))
        rows["return-request"].append(r)
        lines("return-request", r["id"], 1)
    for i in range(tickets):
        at = dt.datetime.combine(day(), dt.time(8)) + dt.timedelta(minutes=rng.randrange(10 * 60))
        issue = rng.choice(tk.ISSUE_TYPES)
        phone, handling = (2, 48)
        responded = at + dt.timedelta(minutes=rng.randint(5, 150))  # about 1 in 5 after the 2 hours
        agreed = at + dt.timedelta(hours=rng.randint(1, 52))
        r = _base("BZ", at.year, i + 1, tk.CALLED_BACK, "")
        r.update(call_date=at.date(), call_time=at.time(), receiver="王测试", customer_unit=rng.choice(units),
                 caller_name="张丽", caller_phone="13900000000", issue_type=issue, issue="来电",
                 assigned_staff=rng.choice(PEOPLE),
                 response_deadline=(at + dt.timedelta(hours=phone)).strftime("%Y-%m-%d %H:%M"),
                 handling_deadline=(at + dt.timedelta(hours=handling)).strftime("%Y-%m-%d %H:%M"),
                 responded_date=responded.date(), responded_time=responded.time(),
                 agreed_date=agreed.date(), agreed_time=agreed.time())
        rows["ticket"].append(r)
    for i in range(10_000):
        d = day()
        r = _base("FW", d.year, i + 1, sr.COMPLETED, "")
        r.update(service_type=rng.choice(sr.SERVICE_TYPES), service_date=d, staff=rng.choice(PEOPLE),
                 customer_unit=rng.choice(units), contact_name="张丽")
        rows["service-report"].append(r)
    for i in range(surveys):
        yearly = i % 2 == 0
        visit = None if yearly else rng.choice(rows["service-report"])
        d = day() if yearly else visit["service_date"]
        r = _base("MY", d.year, i + 1, sv.RETURNED, "")
        r.update(survey_type=sv.SURVEY_TYPES[1] if yearly else sv.SURVEY_TYPES[0], survey_date=d,
                 customer_unit=rng.choice(units) if yearly else visit["customer_unit"], returned_date=d,
                 **{k: rng.choice((5, 5, 4, 4, 3, 2, 1)) for k, _l in (*sv.SCORE_ITEMS, sv.OVERALL)})
        if visit is not None:
            r.update(source_kind="service-report", source_id=visit["id"], source_number=visit["number"])
        rows["survey"].append(r)
    for i in range(20_000):
        due = day()
        done = due + dt.timedelta(days=rng.randint(-2, 6)) if due < TODAY else None
        r = _base("HF", due.year, i + 1, fu.DONE if done else fu.PLANNED, "")
        r.update(followup_type=fu.DELIVERY_VISIT, due_date=due, customer_unit=rng.choice(units),
                 assigned_staff=rng.choice(PEOPLE), done_date=min(done, TODAY) if done else None)
        rows["followup"].append(r)
    for i in range(30):
        d = day()
        r = _base("PX", d.year, i + 1, trn.ASSESSED, "")
        r.update(topic="消杀药品使用规范", audience=trn.AUDIENCES[1], training_date=d, place="培训室", trainer="赵老师")
        rows["training"].append(r)
        for pos, name in enumerate(rng.sample(PEOPLE, 4)):
            score = rng.randint(60, 100)
            items["training"].append({"id": str(uuid.uuid4()), "position": pos, "record_id": r["id"], "name": name,
                                      "score": score, "result": trn.PASSED if score >= 80 else trn.FAILED})

    with service.db.session() as s:
        for kind, got in rows.items():
            for k in range(0, len(got), 20_000):
                s.execute(insert(MODELS[kind].record), got[k:k + 20_000])
        for kind, got in items.items():
            table = "attendees" if kind == "training" else "items"
            for k in range(0, len(got), 20_000):
                s.execute(insert(MODELS[kind].rows[table]), got[k:k + 20_000])
    print("built " + ", ".join(f"{len(v)} {k}" for k, v in rows.items()) + f" in {time.perf_counter() - t0:.1f} s")


PERIODS = (("monthly", "2026-10"), ("response", ("2026-01-01", "2026-10-31")), ("survey", "2025"),
           ("staff", "2025"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--tickets", type=int, default=20_000)
    parser.add_argument("--surveys", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pdf", action="store_true", help="also time the PDF and the .xlsx of each report")
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "aftersales-benchmarks" / "reports")
    args = parser.parse_args()

    from desktop.domain.clock import FixedClock
    from desktop.domain.reports import parse_month, parse_range, parse_year
    from desktop.services.context import open_context
    from desktop.services.reports import make_report
    from desktop.storage import migrate

    head = migrate.MIGRATIONS_DIR / "versions" / f"{migrate.REVISIONS[-1]}.py"
    schema = hashlib.sha256(head.read_bytes()).hexdigest()[:8]
    folder = args.keep / f"c{args.complaints}-t{args.tickets}-s{args.surveys}-{schema}"
    ctx = open_context(folder, FixedClock(NOW))
    if ctx.records.count("complaint") != args.complaints:
        if ctx.records.count("complaint"):
            raise SystemExit(f"{folder} holds another data set: remove it or pass --keep")
        build(ctx.records, args.complaints, args.tickets, args.surveys)
    counts = {k: ctx.records.count(k) for k in ("complaint", "ticket", "survey", "return-request", "service-report",
                                                 "followup", "customer")}
    print(f"data: {folder}  {counts}")
    ctx.close()

    def period(kind: str, value: object) -> tuple[dt.date, dt.date]:
        if kind == "monthly":
            return parse_month(str(value))
        if kind == "response":
            a, b = value  # type: ignore[misc]
            return parse_range(a, b)
        return parse_year(str(value))

    for kind, value in PERIODS:
        ctx = open_context(folder, FixedClock(NOW))
        t = time.perf_counter()
        report = make_report(ctx.records, kind, *period(kind, value))
        cold = time.perf_counter() - t
        warm = []
        for _ in range(args.runs):
            t = time.perf_counter()
            make_report(ctx.records, kind, *period(kind, value))
            warm.append(time.perf_counter() - t)
        rows = sum(len(tb.rows) for tb in report.tables)
        line = f"{kind:9s} {report.period:26s} cold {cold * 1000:7.0f} ms  warm {min(warm) * 1000:7.0f} ms  " \
               f"({len(report.tables)} tables, {rows} rows)"
        if args.pdf:
            import io

            from desktop.documents.report_pdf import render_report
            from desktop.services.reports.xlsx import report_workbook

            t = time.perf_counter()
            result = render_report(report, ctx.records.settings(), io.BytesIO())
            pdf = time.perf_counter() - t
            t = time.perf_counter()
            report_workbook(report).save(io.BytesIO())
            xlsx = time.perf_counter() - t
            line += f"  PDF {pdf * 1000:.0f} ms ({result.pages} pages)  xlsx {xlsx * 1000:.0f} ms"
        print(line, flush=True)
        ctx.close()


if __name__ == "__main__":
    main()
