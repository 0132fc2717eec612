"""Speed of the head-office complaint register's search on PostgreSQL (issue 12), for the closing note.

Usage: .venv/bin/python benchmarks/head_office_search.py [--complaints 100000] [--laptops 20]

Starts a throw-away PostgreSQL (as the tests do, ``tests/pg_server.py``) with head office's database
(schema at head, migrations and indexes as ``server init`` makes them), fills it with N complaints
from 20 laptops in bulk (multi-row INSERTs through the storage layer's tables, not one save each:
a record's search text, register product and batch are worked out exactly as a save does,
``services.search.search_text_of`` and ``RecordService._register_summary``), with realistic units
(a few thousand: city, district and kind of unit), people, phones, products, batches and statuses,
then times the register's searches as the window runs them (``RecordService.search`` with the
register's first-screen limit; the median of 5 runs after one warm-up):

- the first screen with nothing typed; a unit name's substring; a phone; pinyin words of every
  shape (initials ``bjyy``, a rare name ``zhangli``, mixed ``bjshi``, full ``beijingyiyuan``, one
  that may be a single syllable ``zhang``); a number prefix; and each of those with a status filter.

``--explain`` prints PostgreSQL's plan of each query; ``--database URL`` fills a database once and
keeps it (the sample values are kept in its ``setting`` table) for later runs.

Measured on this machine (2 cores shared with other work, load 2-4: figures vary by ±30 %), 100,000
complaints from 20 laptops (3,000 units, 5,000 people; written in 75-135 s), limit 200, ms (median),
all statuses / 已关闭 / 调查中:

===============================  ==================  ========================  ========================
query                            main 784e7c2 [1]    main ad52139 [2]          issue-12e [3]
===============================  ==================  ========================  ========================
first screen (nothing typed)     13 / 1,548          8-15 / 8-16 / 11-17       6-16 / 6-17 / 11-25
unit substring 南山区养老         277 / 192           7-12 / 9-10 / 4-8         6-18 / 5-16 / 3-11
phone 0165-61838311              185 / 182           4-13 / 5-8 / 4-8          4-11 / 4-18 / 6-13
pinyin bjyy (2,000 match)        2,314 / 2,761       440-640 / 410-470 / 58-120  53-100 / 45-87 / 24-41
pinyin zhangli (128 match)       -                   760-1,850 / 760-1,030 /   104-200 / 108-160 / 32-57
                                                     107-314
pinyin bjshi (mixed)             -                   [4]                       53-94 / 52-110 / 39-52
pinyin beijingyiyuan (full)      -                   330-380 / 180-380 / 44-315  76-122 / 63-95 / 21-35
pinyin zhang (one syllable?)     -                   800 / 510-710 / 110-140   40-64 / 45-64 / 100-150
number prefix TS-2025-A8-0       162 / 194           17-35 / 24-27 / 11-15     17-40 / 19-41 / 11-24
===============================  ==================  ========================  ========================

[1] ``search`` as it was: no status in SQL (the window filtered every row in memory), every row read
for a word of letters, no index for substrings; loading the whole register once took 2.0 s, and
filtering 100,000 loaded rows in memory 170-680 ms per query.

[2] the trigram index on ``search_text``, status and limit in SQL; a pinyin word tested by a regular
expression row by row in PostgreSQL (which misjudges how many rows match and reads them all before
sorting).  Measured with main's code on the same database as [3].

[3] each record keeps ``search_keys`` (for every two syllables of one name, their initials and,
when both have two letters or more, their first two letters each: 740 characters a complaint on
average; GIN index 61 MB beside the trigram index's 64 MB, table 155 MB).  A typed pinyin word
needs the pairs of letters that start a syllable whichever way it is read, and all keys of one of
its readings (``services.lookup.loose_keys``).  The candidates the index finds (``bj by jy yy``
holds for 8,500 complaints, 2,000 of which match ``bjyy``; ``zhli zl`` for 6,600, 128 of which
match ``zhangli``) are sorted by date in memory with only their search text, tested exactly in
Python (``search.filter_rows``) newest first until the screen is full, and only those rows are
read whole.  A word that may be one syllable (``zhang``) has nothing to narrow by: the register is
read newest first and tested in Python until the screen is full (many records match such a word).
Still over 100 ms at times: a rare name (``zhangli``) and a long full pinyin, where thousands of
candidates are read and tested (about half in the database, half in Python); keys that tell 张丽
from 郑立 (three letters of each syllable, or whole syllables) or a table of the distinct names'
pinyin would cut that; and ``zhang`` with a rare status (the register read far back).

[4] ``bjshi`` on main: 47-215 / 47-160 / 40-174 (varies with the load more than the others).

The fourth stop of 2026-12-03 found what the medians hid: psycopg prepares a query at its fifth run
and PostgreSQL then tries custom plans five more times before a generic one, so a window's first
ten searches are planned for their values — and ``zhangli`` with 调查中 was then 1.6-1.9 s (the
planner took the status index and tested all 6,400 such complaints against the keys), 46 ms only
from the tenth.  The status and laptop filters are now written beside the keys where those narrow
the candidates (``register_search``), so the keys' index finds them from the first search.  Each of
the first twelve runs, ms (first three; last three), same data:

===============================  =====================================================
pinyin zhangli                   310 228 243; 306 310 308 / 376 201 192; 228 182 170 /
                                 88 86 88; 85 102 106
pinyin bjyy                      148 144 99; 98 116 142 / 97 98 96; 85 84 82 / 61 64 74
pinyin beijingyiyuan             193 171 131; 123 140 151 / 135 112 105 / 55 57 57
pinyin bjshi                     107 85 86 / 82 80 75 / 65 66 59
===============================  =====================================================

(the sync service alone plans every query for its values: ``storage.server_db.server_engine``.)
"""

from __future__ import annotations

import argparse
import json
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

SAMPLE_KEY = "benchmark_search_sample"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CITIES = ["北京市", "上海市", "广州市", "杭州市", "南京市", "成都市", "武汉市", "深圳市", "西安市", "天津市",
          "重庆市", "青岛市", "苏州市", "长沙市", "郑州市", "沈阳市", "济南市", "合肥市", "福州市", "昆明市"]
DISTRICTS = ["东城区", "西城区", "朝阳区", "海淀区", "徐汇区", "天河区", "西湖区", "鼓楼区", "锦江区", "洪山区",
             "南山区", "雁塔区", "和平区", "渝中区", "市南区", "高新区", "经开区", "新城区", "江北区", "滨海新区"]
KINDS = ["第一人民医院", "第二人民医院", "中心医院", "中医院", "妇幼保健院", "疾病预防控制中心", "第三中学",
         "实验小学", "第二幼儿园", "机关事务管理局", "城市管理局", "农贸市场管理处", "急救中心", "物业服务中心",
         "酒店管理有限公司", "食品有限公司", "养老院", "火车站", "体育中心", "图书馆"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN = ["丽", "建国", "娜", "洋", "静", "帆", "敏", "伟", "婷", "强", "磊", "悦", "晓东", "海燕", "志强", "雪",
         "明", "华", "芳", "军", "勇", "艳", "杰", "涛", "超", "霞", "平", "刚", "桂英", "秀兰"]


def _units(rng: random.Random, n: int) -> list[tuple[str, str]]:
    out = {}
    while len(out) < n:
        city, district, kind = rng.choice(CITIES), rng.choice(DISTRICTS), rng.choice(KINDS)
        name = f"{city}{district}{kind}"
        out[name] = f"{city}{district}{rng.choice('东西南北中')}路 {rng.randint(1, 999)} 号"
    return list(out.items())


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"1{rng.choice('3578')}{rng.randint(0, 9)}-{rng.randint(0, 9999):04d}-{rng.randint(0, 9999):04d}"
    return f"0{rng.randint(10, 999)}-{rng.randint(10000000, 99999999)}"


def fill(hq, n: int, laptops: int, seed: int = 12) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """N complaints from ``laptops`` laptops, in bulk; returns sample values to search for (kept in
    the ``setting`` table, for a run on a kept database: ``--database``)."""
    from sqlalchemy import insert

    from desktop.domain.fields import RecordValues
    from desktop.domain.forms import SPECS, WORKFLOWS
    from desktop.domain.numbering import format_number
    from desktop.domain.records import new_id
    from desktop.services.demo import PRODUCTS, STAFF
    from desktop.services.search import search_keys_of, search_text_of
    from desktop.storage.schema import MODELS, Setting

    rng = random.Random(seed)
    spec, m = SPECS["complaint"], MODELS["complaint"]
    table = m.record.__table__
    statuses = [s for s in spec.statuses if s not in WORKFLOWS["complaint"].voided] + ["已作废"]
    weights = [8, 6, 5, 5, 5, 4, 60, 1][:len(statuses)]
    categories = [c for f in spec.fields() if f.key == "category" for c in f.choices]
    severities = [c for f in spec.fields() if f.key == "severity" for c in f.choices]
    channels = [c for f in spec.fields() if f.key == "channel" for c in f.choices]
    units = _units(rng, 3000)
    people = [rng.choice(SURNAMES) + rng.choice(GIVEN) for _ in range(5000)]
    codes = [f"{chr(65 + i // 9)}{i % 9 + 1}" for i in range(laptops)]  # A1 … C2
    seqs: dict[tuple[str, int], int] = {}
    today = dt.date(2026, 12, 1)
    now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    sample: dict[str, str] = {}
    rows = []
    t = time.perf_counter()
    with hq.db.write() as s:
        for i in range(n):
            code = rng.choice(codes)
            received = today - dt.timedelta(days=int(rng.random() ** 1.5 * 5 * 365))
            seqs[(code, received.year)] = seq = seqs.get((code, received.year), 0) + 1
            number = format_number(spec.number_prefix, received.year, code, seq)
            unit, address = rng.choice(units)
            items = []
            for p in rng.sample(PRODUCTS, rng.choice([1, 1, 1, 2])):
                items.append({"product_name": p[0], "packaging": p[1], "quantity": rng.randint(1, 40), "unit": p[2],
                              "batch_no": f"{p[3][:2]}{received.year % 100:02d}{rng.randint(1, 12):02d}"
                                          f"{rng.randint(1, 28):02d}",
                              "purchase_place": "", "use_date": None, "expiry_date": None})
            fields = {"received_date": received, "channel": rng.choice(channels), "receiver": rng.choice(STAFF),
                      "severity": rng.choice(severities), "category": rng.choice(categories),
                      "complainant_unit": unit, "complainant_name": rng.choice(people),
                      "complainant_phone": _phone(rng), "complainant_address": address,
                      "reason": "客户反映产品问题，要求处理。", "investigator": rng.choice(STAFF)}
            values = RecordValues(fields, {"items": items})
            product, batch = _summary(hq, spec, values)
            rows.append({"id": new_id(), "number": number, "status": rng.choices(statuses, weights)[0],
                         "created_at": now, "updated_at": now, "revision": 1, "version": 1, "version_tag": new_id()[:32],
                         "created_by": "", "updated_by": "", "updated_via": "sync", "origin": code,
                         "search_text": (st := search_text_of(spec, number, values)), "search_keys": search_keys_of(st),
                         "register_product": product,
                         "register_batch": batch, **fields})
            if i == n // 2:
                sample = {"unit": unit, "phone": fields["complainant_phone"], "number": number}
            if len(rows) == 2000:
                s.execute(insert(table), rows)
                rows = []
        if rows:
            s.execute(insert(table), rows)
        s.add(Setting(key=SAMPLE_KEY, value=json.dumps(sample, ensure_ascii=False)))
    print(f"{n} complaints from {laptops} laptops written in {time.perf_counter() - t:.1f} s")
    return sample


def _summary(hq, spec, values):  # type: ignore[no-untyped-def]
    return hq._register_summary(spec, values)


def _time(fn, runs: int = 5) -> tuple[float, float, float, int]:  # type: ignore[no-untyped-def]
    """ms of the first run (the warm-up), the median and the slowest of the ``runs`` after it; rows."""
    t = time.perf_counter()
    out = fn()
    first = time.perf_counter() - t
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return first * 1000, statistics.median(times) * 1000, max(times) * 1000, len(out)


def _explain(hq, q: str, limit: int, status: str | None) -> None:  # type: ignore[no-untyped-def]
    """EXPLAIN ANALYZE of the (last) statement ``search`` sends for ``q`` with ``status``."""
    from sqlalchemy import event

    seen: list[tuple[str, object]] = []

    def catch(conn, cursor, statement, params, context, executemany):  # type: ignore[no-untyped-def]
        if "FROM complaint" in statement:
            seen.append((statement, params))

    event.listen(hq.db.engine, "before_cursor_execute", catch)
    try:
        hq.search("complaint", q, limit=limit, status=status)
    finally:
        event.remove(hq.db.engine, "before_cursor_execute", catch)
    with hq.db.engine.connect() as conn:
        for statement, params in seen[-1:]:
            plan = conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, params).all()  # type: ignore[arg-type]
            print("\n".join("      " + row[0] for row in plan))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--complaints", type=int, default=100_000)
    ap.add_argument("--laptops", type=int, default=20)
    ap.add_argument("--limit", type=int, default=200, help="rows the register asks for at a time")
    ap.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of each query's SQL")
    ap.add_argument("--database", help="a PostgreSQL database URL to use (filled once, kept) instead of a throw-away one")
    args = ap.parse_args()

    from desktop.domain.clock import Clock
    from desktop.services.sync.head_office import server_records
    from tests.pg_server import PostgresServer

    pg = PostgresServer().start() if not args.database else None
    try:
        hq = server_records(args.database or pg.fresh_database(), Clock())
        from desktop.storage.schema import Setting

        with hq.db.session() as s:
            kept = s.get(Setting, SAMPLE_KEY)
        if kept is not None:  # a kept database, filled by an earlier run
            sample = json.loads(kept.value)
            print(f"{hq.count('complaint')} complaints kept in {args.database}")
        else:
            sample = fill(hq, args.complaints, args.laptops)
        import gc  # what filling left in this process is not the window's: the collector's walks over
        gc.collect()  # it (about 90 ms, once in fifty searches) are not the search's time
        gc.freeze()
        with hq.db.session() as s:
            from sqlalchemy import text

            s.execute(text("ANALYZE"))
        unit = sample["unit"]
        queries = [
            ("first screen", ""),
            (f"unit substring {unit[3:8]}", unit[3:8]),
            (f"phone {sample['phone']}", sample["phone"]),
            ("pinyin bjyy", "bjyy"),
            ("pinyin zhangli (rare)", "zhangli"),
            ("pinyin bjshi (mixed)", "bjshi"),
            ("pinyin beijingyiyuan (full)", "beijingyiyuan"),
            ("pinyin zhang (one initial)", "zhang"),
            ("pinyin bj (two letters, many)", "bj"),
            ("pinyin qx (two letters)", "qx"),
            ("pinyin mm (two letters, loose)", "mm"),
            ("pinyin zhs (three, a common key)", "zhs"),
            (f"number prefix {sample['number'][:12]}", sample["number"][:12]),
        ]
        print(f"register search, limit {args.limit} (ms: the first run, then the median and the slowest of 5):")
        for label, q in queries:
            for status in (None, "已关闭", "调查中"):
                first, ms, worst, found = _time(lambda q=q, status=status: hq.search(
                    "complaint", q, limit=args.limit, status=status))
                print(f"  {label:40s} status={status or '-':4s} {first:8.1f} {ms:8.1f} {worst:8.1f} ms  {found} rows")
                if args.explain:
                    _explain(hq, q, args.limit, status)
        hq.db.dispose()
    finally:
        if pg is not None:
            pg.stop()


if __name__ == "__main__":
    main()
