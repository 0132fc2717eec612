"""Speed of the customer look-up (issue 6: the unit among the first results within 100 ms on
10,000 customers).  Not a test.

Usage: .venv/bin/python benchmarks/lookup.py [--customers 10000] [--keep DIR]

Writes N customers with two contacts each straight into the generated tables (Core bulk insert:
the importer would validate each one and take minutes), then measures
- the first build of the index (pinyin of every name, cold pypinyin included) and a rebuild after
  one customer changed (pinyin cached);
- look-ups by part of the name, by a phone fragment (unit or contact), by pinyin initials and by
  full pinyin: p50 and p95 over many queries, each checked to have the wanted unit among the
  first five results;
- the staleness check each look-up makes (the signature query) on its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CITIES = ["北京", "上海", "重庆", "长沙", "南京", "苏州", "无锡", "常州", "杭州", "宁波", "合肥", "芜湖", "济南", "青岛",
          "郑州", "洛阳", "武汉", "宜昌", "成都", "绵阳", "西安", "广州", "深圳", "厦门", "福州", "南昌", "长春", "银川"]
DISTRICTS = ["朝阳", "海淀", "浦东", "江宁", "鼓楼", "玄武", "渝中", "岳麓", "天河", "越秀", "高新", "经开", "滨湖", "新城"]
WORDS = ["第一", "第二", "第三", "第四", "人民", "中心", "妇幼", "实验", "育才", "光明", "和平", "东方", "长江", "行知",
         "阳光", "银行", "重工", "长青", "朝晖", "华夏"]
KINDS = ["医院", "中医医院", "疾病预防控制中心", "中学", "小学", "幼儿园", "宾馆", "大酒店", "物业管理有限公司",
         "食品有限公司", "卫生院", "社区卫生服务中心", "养殖场", "客运站"]
PEOPLE = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴强", "徐丽", "孙涛"]


def unit_name(rng: random.Random, i: int) -> str:
    city = rng.choice(CITIES)
    district = rng.choice(DISTRICTS) + "区" if rng.random() < 0.5 else ""
    return f"{city}市{district}{rng.choice(WORDS)}{rng.choice(KINDS)}" + (f"{i % 97}分部" if rng.random() < 0.3 else "")


def build(service, n: int, seed: int = 7) -> list[dict]:
    from sqlalchemy import insert

    from desktop.storage.schema import MODELS

    rng = random.Random(seed)
    m = MODELS["customer"]
    now = dt.datetime.now(dt.UTC)
    records, contacts, names = [], [], set()
    i = 0
    while len(records) < n:
        i += 1
        name = unit_name(rng, i)
        if name in names:
            continue
        names.add(name)
        rid = str(uuid.uuid4())
        phone = f"0{rng.randint(10, 999)}-{rng.randint(10000000, 99999999)}"
        records.append({
            "id": rid, "number": f"KH-2026-BM-{len(records) + 1:05d}", "status": "合作中", "created_at": now,
            "updated_at": now, "search_text": name.lower(), "register_product": "", "register_batch": "",
            "revision": 1, "name": name, "short_name": name.split("市", 1)[-1][:12], "unit_type": "其他",
            "region": name.split("市", 1)[0] + "市", "phone": phone, "address": f"{name[:2]}市某某路 {i} 号",
            "sales_rep": rng.choice(PEOPLE), "registered_date": dt.date(2025, 1, 1),
        })
        for k in range(2):
            contacts.append({"id": str(uuid.uuid4()), "record_id": rid, "position": k, "name": rng.choice(PEOPLE),
                             "post": "后勤", "phone": f"13{rng.randint(100000000, 999999999)}", "primary": k == 0})
    with service.db.session() as s:
        s.execute(insert(m.record), records)
        s.execute(insert(m.rows["contacts"]), contacts)
    return records


def percentiles(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()

    from desktop.services.context import open_context
    from desktop.services.lookup import CustomerLookup, _pinyin_keys, pinyin_keys

    folder = args.keep or Path(tempfile.mkdtemp(prefix="lookup-bench-")) / "data"
    ctx = open_context(folder)
    service = ctx.records
    if service.count("customer") < args.customers:
        t = time.perf_counter()
        rows = build(service, args.customers - service.count("customer"))
        print(f"inserted {len(rows)} customers in {time.perf_counter() - t:.1f} s")
    from sqlalchemy import select

    from desktop.storage.schema import MODELS

    rec = MODELS["customer"].record
    with service.db.session() as s:
        customers = [tuple(r) for r in s.execute(select(rec.name, rec.phone, rec.id))]
        contact_rows = MODELS["customer"].rows["contacts"]
        contact_phone = dict(s.execute(select(contact_rows.record_id, contact_rows.phone)).all())
    print(f"{len(customers)} customers")

    lookup = CustomerLookup(service)
    t = time.perf_counter()
    lookup.warm()
    print(f"first build (cold: pypinyin dictionaries loaded, pinyin of every name): {time.perf_counter() - t:.2f} s")
    lookup.invalidate()
    t = time.perf_counter()
    lookup.warm()
    print(f"rebuild after a change (pinyin cached): {time.perf_counter() - t:.2f} s")
    sample = [c[0] for c in customers[:300]]
    t = time.perf_counter()
    for name in sample:
        _pinyin_keys(name)
    print(f"pinyin of one name, uncached: {(time.perf_counter() - t) / len(sample) * 1000:.2f} ms")

    rng = random.Random(1)
    picks = rng.sample(customers, min(args.queries, len(customers)))
    cases = {
        "name part (4 chars)": lambda c: c[0][len(c[0]) // 3:len(c[0]) // 3 + 4],
        "name after the city": lambda c: c[0].split("市", 1)[1],
        "whole name": lambda c: c[0],
        "unit phone (last 8)": lambda c: c[1][-8:],
        "contact phone (7)": lambda c: contact_phone[c[2]][:7],
        "initials (whole)": lambda c: pinyin_keys(c[0]).initials[0],
        "initials (first 5)": lambda c: pinyin_keys(c[0]).initials[0][:5],
        "full pinyin (first 10)": lambda c: pinyin_keys(c[0]).full[0][:10],
        "full pinyin (whole)": lambda c: pinyin_keys(c[0]).full[0],
    }
    for label, make in cases.items():
        times, found, matching = [], 0, []
        for c in picks:
            q = make(c)
            t = time.perf_counter()
            hits = lookup.find(q, 20)
            times.append((time.perf_counter() - t) * 1000)
            found += any(h.id == c[2] for h in hits[:5])
            matching.append(len(lookup.find(q, 100_000)))
        p50, p95 = percentiles(times)
        print(f"{label:24s} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  wanted unit in first 5: {found}/{len(picks)}"
              f"  (units matching the text: median {statistics.median(matching):.0f})")
    times = []
    lookup_check = CustomerLookup(service)
    lookup_check.warm()
    for _ in range(50):
        t = time.perf_counter()
        with service.db.session() as s:
            lookup_check._table_signature(s)
        times.append((time.perf_counter() - t) * 1000)
    print(f"staleness check alone: p50 {percentiles(times)[0]:.1f} ms")
    ctx.close()


if __name__ == "__main__":
    main()
