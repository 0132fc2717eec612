"""What the set-based receive and the batched reads (issue 12's speed work) must keep: head office
judges a mixed batch record by record as before (new, unchanged, conflict, all or nothing, a replay
changes nothing) in a bounded number of statements; a batched dump is the record-by-record dump;
the register search with a limit and a status gives what filtering every row gives, on SQLite and
PostgreSQL (where a trigram index answers substrings); the look-ups' table signature runs on both."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, text

from desktop.domain.clock import FixedClock
from desktop.domain.forms import SPECS
from desktop.domain.records import to_json
from desktop.domain.versions import version_history_to_json
from desktop.services.conflicts import list_conflicts
from desktop.services.context import open_context
from desktop.services.demo import example_object
from desktop.services.incoming import CONFLICT, CREATED, UNCHANGED
from desktop.services.lookup import lookup_for
from desktop.services.records import filter_rows
from desktop.services.sync import hub
from desktop.services.tickets import raw_of
from desktop.services.transfer import ImportFailed, _utc, dump_records, import_records
from desktop.storage.schema import RecordVersion
from tests.support import NOW, raw_complaint
from tests.sync_helpers import laptop, token_for


def _dump(ctx: Any, ids: list[str]) -> list[dict[str, Any]]:
    return dump_records(ctx.records, embed_photos=False, ids={"complaint": ids})


def _versions(service: Any) -> int:
    with service.db.session() as s:
        return s.scalar(select(func.count()).select_from(RecordVersion)) or 0


def test_one_batch_of_new_unchanged_and_diverged_records_is_judged_record_by_record(hq: Any, tmp_path: Path) -> None:
    a = laptop(tmp_path, "A1")
    token_for(hq, "A1")
    kept = a.records.create("complaint", raw_complaint(complainant_unit="北京市第一人民医院")).record
    both = a.records.create("complaint", raw_complaint(complainant_unit="上海市徐汇区中心医院")).record
    first = hub.receive_batch(hq, "A1", _dump(a, [kept.id, both.id]))
    assert [r["outcome"] for r in first] == [CREATED, CREATED]
    # Head office and the laptop each change the second one; the laptop makes a third.
    at_hq = raw_of(hq.get("complaint", both.id))
    at_hq["reason"] = "总部补充的说明"
    hq.update("complaint", both.id, at_hq)
    mine = raw_of(a.records.get("complaint", both.id))
    mine["reason"] = "本机补充的说明"
    a.records.update("complaint", both.id, mine)
    new = a.records.create("complaint", raw_complaint(complainant_unit="广州市天河区疾病预防控制中心")).record
    batch = _dump(a, [new.id, kept.id, both.id])
    versions = _versions(hq)
    results = hub.receive_batch(hq, "A1", copy.deepcopy(batch))
    assert [(r["id"], r["outcome"]) for r in results] == [(new.id, CREATED), (kept.id, UNCHANGED), (both.id, CONFLICT)]
    assert hq.get("complaint", both.id).values.fields["reason"] == "总部补充的说明"  # nothing overwritten
    assert [c.record_id for c in list_conflicts(hq)] == [both.id]
    assert hq.get("complaint", new.id).version_tag == new.version_tag  # kept the version it was made as
    assert results[0]["server_tag"] == new.version_tag
    assert _versions(hq) == versions + 1  # the new record's one version; nothing for the others
    # The same batch again changes nothing (its receipts), not even a second conflict.
    again = hub.receive_batch(hq, "A1", copy.deepcopy(batch))
    assert [r["outcome"] for r in again] == [UNCHANGED, UNCHANGED, UNCHANGED]
    assert _versions(hq) == versions + 1 and len(list_conflicts(hq)) == 1
    a.close()


def test_a_batch_with_one_bad_record_writes_none_of_it(hq: Any, tmp_path: Path) -> None:
    a = laptop(tmp_path, "A1")
    token_for(hq, "A1")
    good = a.records.create("complaint", raw_complaint()).record
    bad = a.records.create("complaint", raw_complaint(complainant_unit="南京市鼓楼区机关事务管理局")).record
    batch = _dump(a, [good.id, bad.id])
    batch[1]["received_date"] = "2026-02-30"
    with pytest.raises(ImportFailed):
        hub.receive_batch(hq, "A1", batch)
    assert hq.count("complaint") == 0 and _versions(hq) == 0
    a.close()


def test_receiving_a_batch_costs_a_few_statements_not_some_per_record(hq: Any, tmp_path: Path) -> None:
    a = laptop(tmp_path, "A1")
    token_for(hq, "A1")
    units = ["北京市第一人民医院", "上海市徐汇区中心医院", "杭州市西湖区第三中学", "成都市锦江区妇幼保健院"]
    ids = [a.records.create("complaint", raw_complaint(complainant_unit=units[i % 4],
                                                       complainant_phone=f"138{i:08d}")).record.id
           for i in range(40)]
    batch = _dump(a, ids)
    statements: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(hq.db.engine, "before_cursor_execute", count)
    try:
        results = hub.receive_batch(hq, "A1", batch)
    finally:
        event.remove(hq.db.engine, "before_cursor_execute", count)
    assert [r["outcome"] for r in results] == [CREATED] * 40
    # Record by record it was ~23 round trips each (over 900 here); by the batch, a few dozen.
    assert len(statements) < 80, len(statements)
    assert hq.count("complaint") == 40
    a.close()


def _record_by_record(service: Any, kind: str, record_id: str) -> dict[str, Any]:
    """A record's dump read as it was before the batched reads (one record at a time)."""
    spec = SPECS[kind]
    record = service.get(kind, record_id)
    obj = to_json(spec, record)
    obj["revisions"] = [
        {"revision": n, "superseded_at": _utc(at), "content_hash": digest, "hash_scheme": scheme, "record": snap}
        for n, at, digest, snap, scheme in service.revision_snapshots(kind, record.id, with_scheme=True)
    ]
    obj["version_history"] = version_history_to_json(service.version_history(kind, record.id))
    return obj


def test_a_batched_dump_is_the_record_by_record_dump(tmp_path: Path) -> None:
    from tests.test_versions import STROKES

    ctx = open_context(tmp_path / "data", FixedClock(NOW))
    service = ctx.records
    import_records(service, [example_object(kind, NOW.date()) for kind in SPECS])
    rec = service.create("complaint", raw_complaint()).record
    service.sign("complaint", rec.id, "complainant", "张丽", STROKES)
    raw = raw_of(service.get("complaint", rec.id))
    raw["reason"] = "签字后补充"
    service.update("complaint", rec.id, raw)  # a frozen signed revision, a lineage of three
    every = dump_records(service, embed_photos=False)
    assert every == [_record_by_record(service, o["kind"], o["id"]) for o in every]
    assert any(o["revisions"] for o in every) and any(len(o["version_history"]) > 2 for o in every)
    ids = [o["id"] for o in every if o["kind"] == "complaint"][::-1]
    assert dump_records(service, embed_photos=False, ids={"complaint": ids}) == [
        _record_by_record(service, "complaint", i) for i in ids]
    ctx.close()


@pytest.fixture
def service(service_on_each_database: Any) -> Any:
    return service_on_each_database


def test_the_register_search_with_a_limit_and_a_status_is_filtering_every_row(service: Any) -> None:
    units = ["北京市第一人民医院", "北京市朝阳区疾病预防控制中心", "上海市徐汇区中心医院", "北京市海淀区实验小学"]
    for i in range(24):
        service.create("complaint", raw_complaint(complainant_unit=units[i % 4], complainant_phone=f"1390000{i:04d}",
                                                  received_date=f"2026-11-{1 + i % 20:02d}"))
    every = service.search("complaint", "")
    closed = every[3]
    with service.db.write() as s:  # a status, as a step would leave it (the register only reads it)
        from desktop.storage.schema import MODELS

        s.get(MODELS["complaint"].record, closed.id).status = "已关闭"
    every = service.search("complaint", "")
    for query in ["bjyy", "bj", "bjcy", "北京", "第一人民", "13900000007", "1390000-0007", "ts-2026", "beijingyy", "zzz", "b", "y", "北京 bjyy"]:
        want = filter_rows(every, query)
        assert service.search("complaint", query) == want, query
        assert service.search("complaint", query, limit=5) == want[:5], query
        assert service.search("complaint", query, status="已关闭") == [r for r in want if r.status == "已关闭"], query
    assert [r.id for r in service.search("complaint", "", status="已关闭")] == [closed.id]
    assert 0 < len(service.search("complaint", "bjyy")) < len(every)  # the test tells rows apart
    assert 0 < len(service.search("complaint", "13900000007")) < len(every)
    if service.db.engine.dialect.name == "postgresql":
        with service.db.session() as s:
            indexdef = s.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_complaint_search_text'"))
            assert "gin_trgm_ops" in indexdef.scalar_one()


def test_the_lookups_table_signature_runs_on_both_databases(service: Any) -> None:
    service.create("customer", {"name": "北京市第一人民医院", "phone": "010-65123456", "registered_date": "2026-11-01"})
    lookups = lookup_for(service)
    assert [h.name for h in lookups.customers.find("bjyy")] == ["北京市第一人民医院"]
    with service.db.session() as s:
        before = lookups.customers._table_signature(s)
    other = service.create("customer", {"name": "上海市徐汇区中心医院", "phone": "021-64370045",
                                       "registered_date": "2026-11-02"}).record
    with service.db.session() as s:
        after = lookups.customers._table_signature(s)
    assert before != after and after[2] > before[2]
    assert [h.id for h in lookups.customers.find("徐汇")] == [other.id]


def test_a_dumps_picture_references_are_all_found_wherever_they_are():
    from collections import OrderedDict

    from desktop.services.sync.laptop import photo_refs

    class Text(str):
        pass

    a, b, c, d, e, f = (ch * 64 for ch in "abcdef")
    objs = [{"kind": "complaint", "sha256_note": a, "reason": b,
             "photos": [{"filename": "x.png", "sha256": a}],
             "scans": (OrderedDict(sha256=Text(b)),),  # a Mapping inside a tuple is no JSON: not looked into
             "signatures": [{"block": "customer", "image_sha256": c}],
             "revisions": [{"record": {"photos": [OrderedDict(sha256=d)], "signatures": [{"image_sha256": Text(e)}]}}],
             "items": [{"batch_no": f, "qty": 2, "ok": True, "none": None}]}]
    assert photo_refs(objs) == {a, c, d, e}
    objs[0]["sha256"] = f  # a reference where no form puts one is still found
    objs.append({"kind": [], "photos": [{"sha256": b}]})  # not a form's: looked into as a whole
    objs.append({"kind": "no-such-form", "items": [{"sha256": e}]})
    assert photo_refs(objs) == {a, b, c, d, e, f}
    assert photo_refs(objs[0]) == {a, c, d, e, f}


def test_bulk_work_paces_the_cycle_collector_and_puts_it_back():
    import gc

    from desktop.services.gc_pacing import YOUNG, fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (max(before[0], YOUNG), *before[1:])
    assert gc.get_threshold() == before
    try:
        with fewer_collections():
            raise KeyError("stopped half way")
    except KeyError:
        pass
    assert gc.get_threshold() == before
