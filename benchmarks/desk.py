"""Speed of the home screen (issue 6: under 300 ms on 10,000 customers and 100,000 deliveries).
Not a test.

Usage: .venv/bin/python benchmarks/desk.py [--deliveries 100000] [--customers 10000] [--keep DIR] [--runs 50]

Builds once (cached in DIR, by default a folder under the system's temp folder, reused while its
sizes match) a database written straight into the generated tables with Core bulk inserts (the
services would validate and plan each record and take many minutes):
- 10,000 customers;
- 100,000 deliveries spread over the 3 years before "today" (a fixed 2026-11-26, so the cache stays
  valid), 12 months' shelf life: about 5,600 batches expire within 60 days and 8,300 expired
  within the last 90;
- their follow-ups as the planning would have left them: every visit of each delivery's 3-monthly
  schedule up to its expiry, the past ones done (3 % never done: overdue, 1 % cancelled), the next
  one planned — about 275,000 follow-ups (7,500 of them overdue);
- 20,000 hotline tickets over the 3 years (those of the last days still open) and 2,000
  complaints (the last 60 open).

Then measures ``DeskService.summary`` cold (first call on a freshly opened database, several
times) and warm (p50/p95 over many calls), each group's queries on their own, and the
``HomePage`` refresh (summary + widgets) offscreen.  Prints SQLite's plan for the core queries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TZ = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=TZ)
TODAY = NOW.date()
LAPTOP = "BM"

CITIES = ["北京", "上海", "重庆", "长沙", "南京", "苏州", "无锡", "杭州", "宁波", "合肥", "济南", "青岛", "郑州", "武汉",
          "成都", "西安", "广州", "深圳", "厦门", "福州"]
WORDS = ["第一", "第二", "第三", "人民", "中心", "妇幼", "实验", "育才", "光明", "和平", "东方", "长江", "阳光", "华夏"]
KINDS = ["医院", "中医医院", "疾病预防控制中心", "中学", "小学", "幼儿园", "宾馆", "物业管理有限公司", "食品有限公司",
         "卫生院", "社区卫生服务中心"]
PRODUCTS = ["84 消毒液", "含氯消毒片", "过氧乙酸消毒液", "季铵盐消毒液", "灭蟑胶饵", "杀虫气雾剂", "溴敌隆灭鼠饵剂",
            "高效氯氰菊酯悬浮剂", "灭蝇颗粒剂", "蚊香液"]
PEOPLE = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴强", "徐丽", "孙涛"]
UNITS = ["瓶", "桶", "袋", "盒", "箱"]


def _base(prefix: str, year: int, seq: int, status: str, search: str) -> dict:
    now = NOW.astimezone(dt.UTC)
    return {"id": str(uuid.uuid4()), "number": f"{prefix}-{year}-{LAPTOP}-{seq:06d}", "status": status,
            "created_at": now, "updated_at": now, "search_text": search, "register_product": "",
            "register_batch": "", "revision": 1}


def build(service, customers: int, deliveries: int, seed: int = 11) -> None:
    from sqlalchemy import insert

    from desktop.domain import complaint as c
    from desktop.domain import followup as fu
    from desktop.domain import ticket as tk
    from desktop.domain.followup_rules import visit_due
    from desktop.domain.register_rules import expiry_date
    from desktop.storage.schema import MODELS

    rng = random.Random(seed)
    t0 = time.perf_counter()
    units = []
    cust_rows = []
    for i in range(customers):
        name = f"{rng.choice(CITIES)}市{rng.choice(WORDS)}{rng.choice(KINDS)}{i}"
        units.append(name)
        row = _base("KH", 2024, i + 1, "合作中", name)
        row.update(name=name, phone=f"0{rng.randint(10, 999)}-{rng.randint(10000000, 99999999)}",
                   registered_date=dt.date(2024, 1, 1))
        cust_rows.append(row)

    start = TODAY - dt.timedelta(days=3 * 365)
    deliv_rows, visit_rows = [], []
    seq_fu = 0
    for i in range(deliveries):
        day = start + dt.timedelta(days=rng.randrange(3 * 365 + 1))
        unit, product, batch = rng.choice(units), rng.choice(PRODUCTS), f"B{day:%y%m%d}{i % 1000:03d}"
        expiry = expiry_date(day, 12)
        row = _base("FH", day.year, i + 1, "已验收" if day < TODAY - dt.timedelta(days=7) else "已发货",
                    f"{unit} {product} {batch}".lower())
        row.update(customer_unit=unit, contact_name=rng.choice(PEOPLE), delivery_date=day, product_name=product,
                   batch_no=batch, quantity=str(rng.randint(1, 50)), unit=rng.choice(UNITS), expiry_date=expiry,
                   shipped_by=rng.choice(PEOPLE))
        deliv_rows.append(row)
        due = visit_due(day, 3)
        while due <= expiry:
            seq_fu += 1
            if due > TODAY:
                status, done = fu.PLANNED, None
            else:
                roll = rng.random()
                status = fu.PLANNED if roll < 0.03 else fu.CANCELLED if roll < 0.04 else fu.DONE
                done = due + dt.timedelta(days=rng.randint(-3, 5)) if status == fu.DONE else None
                if done and done > TODAY:
                    done = TODAY
            v = _base("HF", due.year, seq_fu, status, f"{unit} {product} {batch}".lower())
            v.update(followup_type=fu.DELIVERY_VISIT, due_date=due, basis_number=row["number"], customer_unit=unit,
                     product_name=product, batch_no=batch, assigned_staff=row["shipped_by"], way="电话",
                     done_date=done, source_kind="delivery", source_id=row["id"], source_number=row["number"])
            visit_rows.append(v)
            if status == fu.PLANNED and due > TODAY:
                break  # the chain goes on only once this one is done
            due = visit_due(day, 3, due)

    ticket_rows = []
    types = [("验收数量不足", 24), ("使用中质量问题", 48), ("使用技术咨询", 72), ("配送/补货", 48)]
    for i in range(20_000):
        at = dt.datetime.combine(start, dt.time(8)) + dt.timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
        if at > NOW.replace(tzinfo=None):
            at = NOW.replace(tzinfo=None) - dt.timedelta(hours=rng.randint(1, 100))
        kind, hours = rng.choice(types)
        age = NOW.replace(tzinfo=None) - at
        status = tk.CALLED_BACK if age > dt.timedelta(days=4) else rng.choice([tk.RECEIVED, tk.ASSIGNED, tk.DONE])
        row = _base("BZ", at.year, i + 1, status, rng.choice(units).lower())
        row.update(call_date=at.date(), call_time=at.time().replace(second=0, microsecond=0), receiver="王测试",
                   customer_unit=rng.choice(units), caller_name=rng.choice(PEOPLE), caller_phone="13900000000",
                   issue_type=kind, issue="来电", assigned_staff=rng.choice(PEOPLE),
                   response_deadline=(at + dt.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
                   handling_deadline=(at + dt.timedelta(hours=hours)).strftime("%Y-%m-%d %H:%M"))
        ticket_rows.append(row)

    complaint_rows = []
    open_statuses = [st for st in c.STATUSES if st != c.CLOSED]
    for i in range(2_000):
        day = start + dt.timedelta(days=int(i * 3 * 365 / 2000))
        status = rng.choice(open_statuses) if i >= 1940 else c.CLOSED
        row = _base("TS", day.year, i + 1, status, rng.choice(units).lower())
        row.update(received_date=day, channel="电话", receiver="王测试", severity="一般投诉", category="其他",
                   complainant_unit=rng.choice(units), complainant_name=rng.choice(PEOPLE),
                   complainant_phone="13900000000")
        complaint_rows.append(row)

    with service.db.session() as s:
        for kind, rows in (("customer", cust_rows), ("delivery", deliv_rows), ("followup", visit_rows),
                           ("ticket", ticket_rows), ("complaint", complaint_rows)):
            for k in range(0, len(rows), 20_000):
                s.execute(insert(MODELS[kind].record), rows[k:k + 20_000])
    print(f"built {len(cust_rows)} customers, {len(deliv_rows)} deliveries, {len(visit_rows)} follow-ups, "
          f"{len(ticket_rows)} tickets, {len(complaint_rows)} complaints in {time.perf_counter() - t0:.1f} s")


def pct(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--deliveries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--keep", type=Path,
                        default=Path(tempfile.gettempdir()) / "aftersales-benchmarks" / "desk")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from desktop.domain.clock import FixedClock
    from desktop.services.context import open_context
    from desktop.services.desk import DeskService

    # The cache is per data size and per database schema (the head migration's text).
    from desktop.storage import migrate

    head = migrate.MIGRATIONS_DIR / "versions" / f"{migrate.REVISIONS[-1]}.py"
    schema = hashlib.sha256(head.read_bytes()).hexdigest()[:8]
    folder = args.keep / f"c{args.customers}-d{args.deliveries}-{schema}"
    ctx = open_context(folder, FixedClock(NOW))
    service = ctx.records
    if service.count("delivery") != args.deliveries:
        if service.count("delivery"):
            raise SystemExit(f"{folder} holds another data set: remove it or pass --keep")
        build(service, args.customers, args.deliveries)
    counts = {k: service.count(k) for k in ("customer", "delivery", "followup", "ticket", "complaint")}
    print(f"data: {folder}  {counts}")
    size = sum(p.stat().st_size for p in folder.glob("*.sqlite*")) or sum(p.stat().st_size for p in folder.rglob("*")
                                                                        if p.is_file())
    print(f"database size: {size / 1e6:.0f} MB")
    ctx.close()

    # Cold: the first summary on a freshly opened database (engine, connection, statement cache new).
    cold = []
    for _ in range(5):
        ctx = open_context(folder, FixedClock(NOW))
        t = time.perf_counter()
        s = DeskService(ctx.records).summary(NOW)
        cold.append((time.perf_counter() - t) * 1000)
        ctx.close()
    print(f"summary cold (first call after opening): median {statistics.median(cold):.1f} ms, "
          f"max {max(cold):.1f} ms over {len(cold)} openings")

    ctx = open_context(folder, FixedClock(NOW))
    desk = DeskService(ctx.records)
    s = desk.summary(NOW)
    print("groups:", {k: g.count for k, g in s.groups.items()}, "open complaints:", s.complaints_by_status)
    warm = []
    for _ in range(args.runs):
        t = time.perf_counter()
        desk.summary(NOW)
        warm.append((time.perf_counter() - t) * 1000)
    p50, p95 = pct(warm)
    print(f"summary warm: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {args.runs} runs")

    # Each group's queries on their own (warm), and SQLite's plans.
    from desktop.storage.settings import load_settings

    with ctx.records.db.session() as sess:
        conn = sess.connection()
        settings = load_settings(sess)
        parts = {
            "follow-ups": lambda: desk._followups(conn, TODAY),
            "tickets": lambda: desk._tickets(conn, NOW),
            "complaints": lambda: desk._complaints(conn),
            "batches": lambda: desk._batches(conn, TODAY, settings.expiry_warning_days),
        }
        for name, fn in parts.items():
            times = []
            for _ in range(args.runs):
                t = time.perf_counter()
                fn()
                times.append((time.perf_counter() - t) * 1000)
            a, b = pct(times)
            print(f"  {name:<11} p50 {a:6.1f} ms  p95 {b:6.1f} ms")
        raw = conn.connection.driver_connection
        for label, sql, params in (
            ("overdue follow-ups", "SELECT count(*) FROM followup WHERE status = ? AND due_date < ?",
             ("待回访", TODAY.isoformat())),
            ("tickets near", "SELECT count(*) FROM ticket WHERE status IN (?, ?, ?) AND handling_deadline <= ?",
             ("已受理", "已派工", "已处理", "2026-11-26 14:00")),
            ("batches expiring", "SELECT count(*) FROM delivery WHERE expiry_date >= ? AND expiry_date <= ?",
             (TODAY.isoformat(), (TODAY + dt.timedelta(days=60)).isoformat())),
        ):
            plan = raw.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
            print(f"  plan {label}: {' | '.join(str(r[-1]) for r in plan)}")

    # The home page: summary + widgets.
    from PySide6.QtWidgets import QApplication

    from desktop.app import setup_application
    from desktop.ui.home_page import HomePage

    app = QApplication.instance() or QApplication([])
    setup_application(app)
    page = HomePage()
    page.resize(1280, 800)
    t = time.perf_counter()
    page.attach(ctx.records)
    page.show()
    app.processEvents()
    first = (time.perf_counter() - t) * 1000
    times = []
    for _ in range(max(10, args.runs // 2)):
        t = time.perf_counter()
        page.refresh()
        app.processEvents()
        times.append((time.perf_counter() - t) * 1000)
    a, b = pct(times)
    print(f"HomePage: first attach+show {first:.0f} ms; refresh p50 {a:.1f} ms, p95 {b:.1f} ms")
    page.close()
    page.deleteLater()
    app.processEvents()
    del page
    ctx.close()
    sys.stdout.flush()
    os._exit(0)  # skip the interpreter's teardown of Qt objects (a PySide crash at exit, not ours)


if __name__ == "__main__":
    main()
