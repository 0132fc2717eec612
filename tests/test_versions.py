"""Records that stay right (issue 10): versions, stale saves, arriving copies, conflicts, policies."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from desktop.domain import complaint as c
from desktop.domain import followup as fu
from desktop.domain import ticket as tk
from desktop.domain.forms import SPECS
from desktop.domain.records import content_hash
from desktop.services.conflicts import KEEP_INCOMING, KEEP_LOCAL, conflict_detail, list_conflicts, resolve
from desktop.services.context import open_context
from desktop.services.demo import example_object
from desktop.services.errors import StaleRecord
from desktop.services.incoming import CONFLICT, CREATED, OLDER_COPY, UNCHANGED, UPDATED
from desktop.services.tickets import raw_of
from desktop.services.transfer import dump_records, import_records
from support import TODAY, context, raw_complaint

STROKES = [[[0.1, 0.5, 0.5, 0], [0.4, 0.3, 0.5, 50], [0.8, 0.6, 0.5, 100]]]


def _versions(ctx) -> int:
    import sqlite3

    con = sqlite3.connect(ctx.db.path)
    try:
        return con.execute("SELECT count(*) FROM record_version").fetchone()[0]
    finally:
        con.close()


# ------------------------------------------------------------------ versions and stale saves


def test_every_write_makes_one_version_and_a_save_of_nothing_none(tmp_path):
    ctx = context(tmp_path)
    svc = ctx.records
    out = svc.create("complaint", raw_complaint(), by="马晓东")
    rec = out.record
    assert (rec.version, rec.created_by, rec.updated_by, rec.updated_via) == (1, "马晓东", "马晓东", "form")
    assert rec.origin == svc.settings().laptop_code and len(rec.version_tag) == 32
    assert [r.kind for r in out.changed] == ["complaint"]
    same = svc.update("complaint", rec.id, raw_of(rec), expected_version=1).record
    assert same.version == 1 and same.version_tag == rec.version_tag and out.changed
    changed = svc.update("complaint", rec.id, raw_of(rec) | {"complainant_address": "东城区"}, by="李娜",
                         expected_version=1).record
    assert changed.version == 2 and changed.updated_by == "李娜" and changed.version_tag != rec.version_tag
    history = svc.version_history("complaint", rec.id)
    assert [e.version for e in history] == [1, 2] and history[1].parent == rec.version_tag
    ctx.close()


def test_two_windows_on_one_file_the_stale_save_is_refused_and_nothing_lost(tmp_path):
    """Two services on one database file (two windows, or a window and the command line): one opens
    a complaint, the other changes 地址; the first saves 调查人员 over its stale copy: refused, with who
    changed it, and both changes are still there to be reconciled."""
    first = context(tmp_path)
    rec = first.records.create("complaint", raw_complaint()).record
    second = open_context(tmp_path / "data", first.records.clock)
    theirs = second.records.get("complaint", rec.id)
    second.records.update("complaint", rec.id, raw_of(theirs) | {"complainant_address": "新地址 1 号"}, by="王芳",
                          expected_version=theirs.version)
    mine = raw_of(rec) | {"investigator": "马晓东"}
    with pytest.raises(StaleRecord) as e:
        first.records.update("complaint", rec.id, mine, by="马晓东", expected_version=rec.version)
    assert (e.value.expected, e.value.current, e.value.by, e.value.via) == (1, 2, "王芳", "form")
    stored = first.records.get("complaint", rec.id)
    assert stored.values.fields["complainant_address"] == "新地址 1 号" and stored.values.fields["investigator"] is None
    # The same refusal for a step and a signature based on the stale version.
    with pytest.raises(StaleRecord):
        first.records.transition("complaint", rec.id, c.INVESTIGATING, mine, expected_version=rec.version)
    with pytest.raises(StaleRecord):
        first.records.sign("complaint", rec.id, "complainant", "张丽", STROKES, expected_version=rec.version)
    # Reloaded, the save goes through and keeps the other change.
    fresh = first.records.get("complaint", rec.id)
    saved = first.records.update("complaint", rec.id, raw_of(fresh) | {"investigator": "马晓东"},
                                 expected_version=fresh.version).record
    assert saved.values.fields["complainant_address"] == "新地址 1 号" and saved.values.fields["investigator"] == "马晓东"
    second.close()
    first.close()


def test_a_policy_change_is_in_the_outcome_and_moves_the_other_records_version(tmp_path):
    ctx = context(tmp_path)
    svc = ctx.records
    ticket = svc.create("ticket", example_object("ticket", svc.clock.today())).record
    raw = raw_complaint()
    from desktop.domain.links import Link

    out = svc.create("complaint", raw, source=Link("ticket", ticket.id, ticket.number))
    assert {(r.kind, r.id) for r in out.changed} == {("complaint", out.record.id), ("ticket", ticket.id)}
    after = svc.get("ticket", ticket.id)
    assert after.status == tk.ESCALATED and after.version == ticket.version + 1
    assert after.updated_via == "form" and after.events[-1].to_status == tk.ESCALATED
    ctx.close()


# ------------------------------------------------------------------ arriving copies


def _dump_file(tmp_path: Path, objs, name="dump.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(objs, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_same_dump_twice_changes_nothing_records_and_follow_ups_alike(tmp_path):
    from desktop.services.demo import load_demo

    src = context(tmp_path / "a")
    load_demo(src.records, 6)
    dumped = dump_records(src.records)
    src.close()
    dst = context(tmp_path / "b")
    first = import_records(dst.records, copy.deepcopy(dumped))
    assert first.count(CREATED) == len(dumped)
    counts = {k: dst.records.count(k) for k in SPECS}
    versions = _versions(dst)
    again = import_records(dst.records, copy.deepcopy(dumped))
    assert again.count(UNCHANGED) == len(dumped) and not again.lines()
    assert {k: dst.records.count(k) for k in SPECS} == counts and _versions(dst) == versions
    assert dump_records(dst.records) == dumped
    dst.close()


def test_follow_ups_planned_from_imported_deliveries_are_not_doubled(tmp_path):
    ctx = context(tmp_path)
    delivery = example_object("delivery", TODAY)
    delivery.pop("id", None)
    delivery["id"] = "7d1e5f0e-7d2b-4c50-9a69-1f0a5a0e0c01"
    import_records(ctx.records, [copy.deepcopy(delivery)])
    planned = [r for r in ctx.records.search("followup")]
    assert len(planned) == 1 and planned[0].status == fu.PLANNED
    import_records(ctx.records, [copy.deepcopy(delivery)])
    assert len(ctx.records.search("followup")) == 1
    # A dump that carries the delivery with its planned visit, into a laptop that owns it: one visit.
    dumped = dump_records(ctx.records)
    ctx.close()
    other = open_context(tmp_path / "other", ctx.records.clock)
    import_records(other.records, dumped)  # another laptop: the visit came with the delivery
    assert len(other.records.search("followup")) == 1
    other.close()


def test_computed_fields_in_a_file_are_worked_out_again(tmp_path):
    ctx = context(tmp_path)
    obj = example_object("training", TODAY)
    right = obj["attendees"][0]
    assert right["score"] and right["score"] > 0
    forged = copy.deepcopy(obj)
    for row in forged["attendees"]:
        row["score"] = 0
        row["result"] = "合格"
    (stored,) = import_records(ctx.records, [forged]).records
    rows = stored.values.tables["attendees"]
    assert [r["score"] for r in rows] == [r["score"] for r in obj["attendees"]]
    assert rows[0]["score"] < 80 and rows[0]["result"] == "不合格"  # under the pass mark, whatever the file said
    ctx.close()


def _two_laptops(tmp_path: Path):
    a = context(tmp_path / "a")
    b = open_context(tmp_path / "b" / "data", a.records.clock)
    for ctx, code in ((a, "LA"), (b, "LB")):
        st = ctx.records.settings()
        st.laptop_code = code
        ctx.records.save_settings(st)
    return a, b


def test_an_older_copy_never_replaces_a_newer_one(tmp_path):
    a, b = _two_laptops(tmp_path)
    rec = a.records.create("complaint", raw_complaint()).record
    old = dump_records(a.records)
    a.records.update("complaint", rec.id, raw_of(rec) | {"complainant_address": "第二版地址"})
    new = dump_records(a.records)
    import_records(b.records, new)
    report = import_records(b.records, old)
    assert report.count(OLDER_COPY) == 1 and "较旧" in report.lines()[0]
    assert b.records.get("complaint", rec.id).values.fields["complainant_address"] == "第二版地址"
    # The newer one, arriving after the older, replaces it.
    c2 = open_context(tmp_path / "c" / "data", a.records.clock)
    import_records(c2.records, old)
    assert import_records(c2.records, new).count(UPDATED) == 1
    assert c2.records.get("complaint", rec.id).values.fields["complainant_address"] == "第二版地址"
    for ctx in (a, b, c2):
        ctx.close()


def test_two_different_changes_are_held_as_a_conflict_and_resolved(tmp_path):
    a, b = _two_laptops(tmp_path)
    rec = a.records.create("complaint", raw_complaint()).record
    import_records(b.records, dump_records(a.records))
    a.records.update("complaint", rec.id, raw_of(rec) | {"complainant_address": "A 改的地址"})
    theirs = b.records.get("complaint", rec.id)
    b.records.update("complaint", rec.id, raw_of(theirs) | {"investigator": "B 的调查人员"})
    from_a = dump_records(a.records)
    report = import_records(b.records, copy.deepcopy(from_a), source="a.json")
    assert report.count(CONFLICT) == 1 and "冲突" in report.lines()[0]
    kept = b.records.get("complaint", rec.id)
    assert kept.values.fields["investigator"] == "B 的调查人员" and kept.values.fields["complainant_address"] != "A 改的地址"
    # Held once, however often the copy arrives.
    import_records(b.records, copy.deepcopy(from_a))
    (conflict,) = list_conflicts(b.records)
    assert (conflict.number, conflict.reason, conflict.source) == (rec.number, "diverged", "a.json")
    info, local, other, diffs = conflict_detail(b.records, conflict.id)
    assert {d.key for d in diffs} == {"complainant_address", "investigator"}
    out = resolve(b.records, conflict.id, KEEP_INCOMING, by="王芳")
    assert out.record.values.fields["complainant_address"] == "A 改的地址"
    assert out.record.version > kept.version and not list_conflicts(b.records)
    # The same copy again is older now; and B's result, sent to A, is newer there.
    assert import_records(b.records, copy.deepcopy(from_a)).count(OLDER_COPY) == 1
    assert import_records(a.records, dump_records(b.records, "complaint")).count(UPDATED) == 1
    assert a.records.get("complaint", rec.id).version_tag == out.record.version_tag
    a.close()
    b.close()


def test_keeping_ours_makes_a_version_the_other_side_accepts(tmp_path):
    a, b = _two_laptops(tmp_path)
    rec = a.records.create("complaint", raw_complaint()).record
    import_records(b.records, dump_records(a.records))
    a.records.update("complaint", rec.id, raw_of(rec) | {"complainant_address": "A 改的地址"})
    theirs = b.records.get("complaint", rec.id)
    b.records.update("complaint", rec.id, raw_of(theirs) | {"investigator": "B 的调查人员"})
    import_records(b.records, dump_records(a.records))
    (conflict,) = list_conflicts(b.records)
    out = resolve(b.records, conflict.id, KEEP_LOCAL)
    assert out.record.values.fields["investigator"] == "B 的调查人员"
    assert import_records(a.records, dump_records(b.records, "complaint")).count(UPDATED) == 1
    assert a.records.get("complaint", rec.id).values.fields["investigator"] == "B 的调查人员"
    a.close()
    b.close()


def test_a_signed_revision_is_never_replaced_by_an_import(tmp_path):
    a, b = _two_laptops(tmp_path)
    rec = a.records.create("complaint", raw_complaint()).record
    import_records(b.records, dump_records(a.records))
    signed = b.records.sign("complaint", rec.id, "complainant", "张丽", STROKES).record
    digest = content_hash(SPECS["complaint"], signed)
    # A copy that descends from B's signed version but drops the signature: refused as a conflict.
    copy_b = dump_records(b.records, "complaint")
    forged = copy.deepcopy(copy_b)
    forged[0]["signatures"] = []
    forged[0]["complainant_address"] = "伪造"
    forged[0]["version"] += 1
    history = forged[0]["version_history"]
    forged[0]["version_tag"] = "f" * 32
    history.append({"version": forged[0]["version"], "tag": "f" * 32, "parent": history[-1]["tag"], "at": None,
                    "by": "", "via": "", "laptop": ""})
    report = import_records(b.records, forged)
    assert report.count(CONFLICT) == 1 and "签字" in report.lines()[0]
    kept = b.records.get("complaint", rec.id)
    assert kept.signatures and content_hash(SPECS["complaint"], kept) == digest
    with pytest.raises(Exception, match="签字"):
        resolve(b.records, list_conflicts(b.records)[0].id, KEEP_INCOMING)
    a.close()
    b.close()


def test_an_ended_complaint_is_not_rewritten_backdated_or_reopened_by_a_file(tmp_path):
    from desktop.services.demo import demo_objects

    ctx = context(tmp_path)
    closed_obj = next(o for o in demo_objects(TODAY, 14) if o["status"] == c.CLOSED)
    (closed,) = import_records(ctx.records, [closed_obj]).records
    dumped = dump_records(ctx.records, "complaint")
    spec = SPECS["complaint"]
    registration = {f.key for s in spec.sections[:3] for f in s.elements if hasattr(f, "type")}
    reopened = copy.deepcopy(dumped[0])  # back to 已登记 with everything after registration emptied
    for key in [k for k in reopened if k in {f.key for f in spec.fields()} and k not in registration]:
        reopened[key] = None
    reopened.update(status=c.REGISTERED, history=[], reason="改写后的投诉原因")
    backdated = copy.deepcopy(dumped[0])
    backdated.update(closed_date=backdated["feedback_date"], reason="改写后的投诉原因")
    for hostile in (reopened, backdated):
        hostile.pop("version_history")
        hostile.pop("version_tag")
        report = import_records(ctx.records, [hostile])
        assert report.count(CONFLICT) == 1, report.arrivals
    kept = ctx.records.get("complaint", closed.id)
    assert kept.status == c.CLOSED and kept.values.fields["closed_date"] == closed.values.fields["closed_date"]
    assert kept.values.fields["reason"] == closed.values.fields["reason"]
    with pytest.raises(Exception, match="五年"):
        ctx.records.delete("complaint", closed.id)
    ctx.close()


def test_one_call_back_from_either_side(tmp_path):
    """Completing 回访 on the complaint completes its planned call back (and the other way round,
    see test_planning)."""
    from desktop.services.demo import demo_objects

    ctx = context(tmp_path)
    fed = next(o for o in demo_objects(TODAY, 14) if o["status"] == c.FED_BACK)
    (complaint,) = import_records(ctx.records, [fed]).records
    (callback,) = [r for r in ctx.records.search("followup")]
    assert callback.status == fu.PLANNED
    raw = raw_of(complaint) | {"revisit_date": TODAY.isoformat(), "revisit_result": "客户满意", "complainant_opinion": "满意"}
    out = ctx.records.transition("complaint", complaint.id, c.REVISITED, raw)
    assert ("followup", callback.id) in {(r.kind, r.id) for r in out.changed}
    done = ctx.records.get("followup", callback.id)
    assert done.status == fu.DONE and done.values.fields["done_date"] == TODAY
    ctx.close()


def test_a_version_tag_names_the_moment_of_a_signature_not_the_zone_it_is_held_in() -> None:
    import datetime as dt

    from desktop.domain.signatures import Signature
    from desktop.domain.versions import version_tag

    at = dt.datetime(2026, 3, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    sig = Signature("receiver", "王测试", "接待人", at, 2, "a" * 64, (), "b" * 64)
    in_utc = Signature("receiver", "王测试", "接待人", at.astimezone(dt.timezone.utc), 2, "a" * 64, (), "b" * 64)
    later = Signature("receiver", "王测试", "接待人", at + dt.timedelta(seconds=1), 2, "a" * 64, (), "b" * 64)
    assert version_tag("p", "c" * 64, [sig]) == version_tag("p", "c" * 64, [in_utc])
    assert version_tag("p", "c" * 64, [sig]) != version_tag("p", "c" * 64, [later])


def test_the_content_hash_is_the_hash_of_the_records_json_without_what_is_not_content(tmp_path):
    """``content_hash`` builds what it hashes directly; it must be what hashing the record's JSON
    (as a frozen revision is hashed) gives, for records of every form, filled and sparse, with
    photos, links, zeros, spaces and decimals."""
    from desktop.domain.fields import Photo
    from desktop.domain.records import content_hash_of_json, to_json
    from desktop.services.demo import load_demo

    ctx, other = context(tmp_path / "demo"), context(tmp_path / "examples")
    load_demo(ctx.records, 12)
    import_records(other.records, [example_object(kind, TODAY) for kind in SPECS])
    records = [r for c in (ctx, other) for kind in SPECS for r in c.records.all_records(kind)]
    assert {r.kind for r in records} == set(SPECS) and any(r.source_id for r in records)
    assert any(ph for r in records for plist in r.values.photos.values() for ph in plist)
    odd = copy.deepcopy(next(r for r in records if r.kind == "complaint"))
    odd.values.fields.update({key: value for key, value in (("reason", " "), ("cost_amount", 0))})
    odd.values.tables["items"] = [{}, *odd.values.tables.get("items", [])]
    odd.source_kind, odd.source_id, odd.source_number = "ticket", "x", ""
    key = SPECS["complaint"].photo_lists()[0].key
    odd.values.photos[key] = [*odd.values.photos.get(key, []), Photo("a" * 64, "现场.png", "", "image/png")]
    for record in [*records, odd]:
        spec = SPECS[record.kind]
        assert content_hash(spec, record) == content_hash_of_json(to_json(spec, record)), record.number
    ctx.close()
    other.close()
