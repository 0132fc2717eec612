"""Signatures captured on screen, locked revisions, and their JSON round trip (issue 4)."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from desktop.domain.forms import SPECS
from desktop.domain.records import content_hash, to_json
from desktop.domain.validation import ValidationFailed
from desktop.domain.workflow import TransitionRefused
from desktop.services.context import open_context
from desktop.services.transfer import ImportFailed, dump_records, import_records
from tests.support import raw_complaint

# Two strokes: a zig-zag and a dot, with pressure and time as a pen gives them.
STROKES = [
    [[0.1, 0.5, 0.4, 0], [0.2, 0.3, 0.6, 16], [0.3, 0.7, 0.7, 32], [0.4, 0.3, 0.5, 48], [0.5, 0.6, 0.3, 64]],
    [[0.7, 0.5, 0.5, 300]],
]


def _complaint(service):
    return service.create("complaint", raw_complaint(received_date="2026-03-18"), by="王测试").record


def _edited(record, **changes):
    raw = {k: v for k, v in to_json(SPECS["complaint"], record).items()}
    raw.update(changes)
    return {k: v for k, v in raw.items() if k in {f.key for f in SPECS["complaint"].fields()}
            or k in {t.key for t in SPECS["complaint"].tables()}}


def test_a_signature_keeps_strokes_picture_name_role_time_and_hash(service, clock):
    from PIL import Image

    rec = _complaint(service)
    signed = service.sign("complaint", rec.id, "complainant", " 张 三 ", STROKES,
                          expected_hash=content_hash(SPECS["complaint"], rec)).record
    sig = signed.signature("complainant")
    assert sig is not None and signed.revision == 1
    assert (sig.name, sig.role, sig.signed_at, sig.revision) == ("张 三", "投诉人", clock.now(), 1)
    assert sig.content_hash == content_hash(SPECS["complaint"], rec) == content_hash(SPECS["complaint"], signed)
    assert [len(s) for s in sig.strokes] == [5, 1] and sig.strokes[0][1] == (0.2, 0.3, 0.6, 16)
    with Image.open(io.BytesIO(service.photo_bytes(sig.image_sha256))) as im:
        assert im.mode == "RGBA" and im.size[0] >= 600 and im.size[0] == 3 * im.size[1]
        alpha = im.getchannel("A")
        assert alpha.getextrema() == (0, 255)  # transparent paper, solid ink
        assert im.getpixel((0, 0))[3] == 0
    assert service.get("complaint", rec.id).signatures == signed.signatures


def test_signing_is_refused_without_ink_name_or_on_changed_content(service):
    rec = _complaint(service)
    with pytest.raises(ValidationFailed) as e:
        service.sign("complaint", rec.id, "complainant", "", [[]])
    assert {i.path for i in e.value.issues} == {"name", "strokes"}
    with pytest.raises(TransitionRefused):  # the form showed other content than is stored
        service.sign("complaint", rec.id, "complainant", "张三", STROKES, expected_hash="0" * 64)
    service.sign("complaint", rec.id, "complainant", "张三", STROKES)
    with pytest.raises(TransitionRefused):  # once per block and revision
        service.sign("complaint", rec.id, "complainant", "李四", STROKES)
    assert service.get("complaint", rec.id).signature("complainant").name == "张三"


def test_editing_a_signed_record_makes_a_new_revision_and_keeps_the_signed_one(service, clock):
    spec = SPECS["complaint"]
    rec = _complaint(service)
    signed = service.sign("complaint", rec.id, "complainant", "张三", STROKES).record
    signed = service.sign("complaint", rec.id, "receiver", "王测试", STROKES[:1]).record
    # Saving the same values again changes nothing: still revision 1, still signed.
    same = service.update("complaint", rec.id, _edited(signed)).record
    assert same.revision == 1 and len(same.signatures) == 2 and service.revisions("complaint", rec.id)[0].current

    clock.at += dt.timedelta(hours=1)
    changed = service.update("complaint", rec.id, _edited(signed, reason="补充：包装桶渗漏")).record
    assert changed.revision == 2 and changed.signatures == []
    assert changed.values.fields["reason"] == "补充：包装桶渗漏"

    old = service.get_revision("complaint", rec.id, 1)
    assert old.revision == 1 and old.values == signed.values and old.status == signed.status
    assert old.signatures == signed.signatures and old.updated_at == signed.updated_at
    # What was signed is exactly revision 1: every signature's hash is its revision's hash.
    assert all(s.content_hash == content_hash(spec, old) for s in old.signatures)
    assert content_hash(spec, old) == content_hash(spec, signed) != content_hash(spec, changed)
    assert to_json(spec, old) == to_json(spec, signed)

    infos = service.revisions("complaint", rec.id)
    assert [(i.revision, i.current) for i in infos] == [(1, False), (2, True)]
    assert [s.name for s in infos[0].signatures] == ["张三", "王测试"] and infos[1].signatures == ()
    assert infos[0].content_hash == content_hash(spec, signed) and infos[1].content_hash == content_hash(spec, changed)
    assert service.get_revision("complaint", rec.id, 2) == service.get("complaint", rec.id)

    # An unsigned revision is simply saved over; signing revision 2 then editing makes revision 3.
    again = service.update("complaint", rec.id, _edited(changed, reason="再次补充")).record
    assert again.revision == 2
    service.sign("complaint", rec.id, "receiver", "王测试", STROKES)
    third = service.update("complaint", rec.id, _edited(again, reason="第三版")).record
    assert third.revision == 3
    assert [i.revision for i in service.revisions("complaint", rec.id)] == [1, 2, 3]
    assert service.get_revision("complaint", rec.id, 2).values.fields["reason"] == "再次补充"


def test_a_status_step_on_a_signed_record_freezes_it_too(service):
    rec = _complaint(service)
    signed = service.sign("complaint", rec.id, "complainant", "张三", STROKES).record
    moved = service.transition("complaint", rec.id, "调查中", _edited(signed, investigator="赵调查")).record
    assert (moved.revision, moved.status, moved.signatures) == (2, "调查中", [])
    old = service.get_revision("complaint", rec.id, 1)
    assert old.status == "已登记" and old.values.fields["investigator"] is None
    assert [e.to_status for e in old.events] == ["已登记"]
    assert [e.to_status for e in moved.events] == ["已登记", "调查中"]


def test_signatures_and_revisions_survive_dump_and_import(service, tmp_path, clock):
    rec = _complaint(service)
    signed = service.sign("complaint", rec.id, "complainant", "张三", STROKES).record
    service.update("complaint", rec.id, _edited(signed, reason="改过"))
    service.sign("complaint", rec.id, "receiver", "王测试", STROKES[:1])
    dumped = dump_records(service, "complaint")
    text = json.dumps(dumped, ensure_ascii=False)

    other = open_context(tmp_path / "other", clock)
    try:
        import_records(other.records, json.loads(text))
        for svc in (service, other.records):
            assert [i.revision for i in svc.revisions("complaint", rec.id)] == [1, 2]
        assert other.records.get("complaint", rec.id) == service.get("complaint", rec.id)
        old_there = other.records.get_revision("complaint", rec.id, 1)
        assert old_there == service.get_revision("complaint", rec.id, 1)
        for sig in old_there.signatures + other.records.get("complaint", rec.id).signatures:
            assert other.records.photo_bytes(sig.image_sha256) == service.photo_bytes(sig.image_sha256)
        assert dump_records(other.records, "complaint") == dumped
    finally:
        other.close()


def test_an_imported_signature_must_sign_its_revision(service, tmp_path, clock):
    rec = _complaint(service)
    service.sign("complaint", rec.id, "complainant", "张三", STROKES)
    obj = dump_records(service, "complaint")[0]
    obj["reason"] = "在别处改过，签字仍在"
    other = open_context(tmp_path / "other", clock)
    try:
        with pytest.raises(ImportFailed) as e:
            import_records(other.records, obj)
        assert "signatures[0]" in str(e.value)
        assert other.records.count("complaint") == 0
    finally:
        other.close()


def test_deleting_a_draft_deletes_its_signatures(service):
    rec = service.create("service-report", {
        "service_date": "2026-03-20", "service_type": "上门走访", "staff": "王测试", "customer_unit": "某单位",
        "contact_name": "李四", "contact_phone": "13800138000"}).record
    service.sign("service-report", rec.id, "customer", "李四", STROKES)
    service.delete("service-report", rec.id)
    from sqlalchemy import func, select

    from desktop.storage.schema import MODELS

    with service.db.session() as s:
        assert s.scalar(select(func.count()).select_from(MODELS["service-report"].signature)) == 0


def test_verify_a_pdf_of_an_earlier_revision_against_its_archived_copy(service, tmp_path):
    from desktop.services.export import export_record
    from desktop.services.signing import verify_pdf

    rec = _complaint(service)
    signed = service.sign("complaint", rec.id, "complainant", "张三", STROKES).record
    pdf = export_record(service, signed, tmp_path / "rev1.pdf")
    service.update("complaint", rec.id, _edited(signed, reason="补充说明：已拍照。"))
    result = verify_pdf(pdf, service.db.path.parent, service)
    assert result.ok and result.revision == 1 and result.current_revision == 2
    assert "这是第 1 版；该记录现在是第 2 版。" in result.notes
    assert "文件标注的内容哈希与本机存档的第 1 版一致。" in result.notes
