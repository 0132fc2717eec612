"""Reopening a closed complaint and voiding a duplicate (issue 14): workflow steps through the one
write path, each for a reason recorded with who and when; the closed revision is kept."""

from __future__ import annotations

import pytest
from conftest import TODAY

from desktop.domain import complaint as c
from desktop.domain.records import to_json
from desktop.domain.validation import ValidationFailed
from desktop.domain.workflow import TransitionRefused
from desktop.services.demo import demo_objects
from desktop.services.desk import DeskService, open_complaint_statuses
from desktop.services.transfer import import_records


def _complaint(service, status: str):
    obj = next(o for o in demo_objects(TODAY, 14) if o["status"] == status)
    return import_records(service, [obj]).records[0]



def test_a_closed_complaint_reopens_for_a_reason_in_a_new_revision(service) -> None:
    closed = _complaint(service, c.CLOSED)
    closed_date = closed.values.fields["closed_date"]
    assert closed_date is not None
    raw = to_json(c.SPEC, closed)
    # Without a reason the step is refused, whatever the record held.
    with pytest.raises(ValidationFailed) as e:
        service.transition("complaint", closed.id, c.HANDLING, raw, by="王测试", note="  ")
    assert [i.path for i in e.value.issues] == ["reopen_reason"]
    assert service.get("complaint", closed.id).status == c.CLOSED

    out = service.transition("complaint", closed.id, c.HANDLING, raw, by="王测试", note="客户再次来电：更换后的产品仍有沉淀",
                             expected_version=closed.version)
    rec = out.record
    assert rec.status == c.HANDLING
    assert rec.revision == closed.revision + 1
    assert rec.values.fields["reopen_reason"] == "客户再次来电：更换后的产品仍有沉淀"
    assert rec.values.fields["closed_date"] is None  # no longer closed
    last = rec.events[-1]
    assert (last.from_status, last.to_status, last.by, last.note) == (
        c.CLOSED, c.HANDLING, "王测试", "客户再次来电：更换后的产品仍有沉淀")
    # The closed revision stays as it was, in the revision history.
    kept = service.get_revision("complaint", closed.id, closed.revision)
    assert kept.status == c.CLOSED and kept.values.fields["closed_date"] == closed_date
    assert [r.revision for r in service.revisions("complaint", closed.id)] == [closed.revision, rec.revision]
    # The reopened case is work again, and can be closed again on a later day.
    assert c.HANDLING in open_complaint_statuses()
    again = service.transition("complaint", rec.id, c.FED_BACK, to_json(c.SPEC, rec), by="王测试").record
    raw = to_json(c.SPEC, again)
    raw["closed_date"] = TODAY.isoformat()
    final = service.transition("complaint", rec.id, c.CLOSED, raw, by="王测试").record
    assert final.status == c.CLOSED and final.values.fields["reopen_reason"] == "客户再次来电：更换后的产品仍有沉淀"


def test_a_duplicate_is_voided_for_a_reason_kept_and_counted_nowhere(service) -> None:
    first = _complaint(service, c.REGISTERED)
    duplicate = _complaint(service, c.REGISTERED)
    before = DeskService(service).summary().complaints_by_status[c.REGISTERED]
    raw = to_json(c.SPEC, duplicate)
    out = service.transition("complaint", duplicate.id, c.VOIDED, raw, by="王测试",
                             note=f"与 {first.number} 重复登记")
    rec = out.record
    assert rec.status == c.VOIDED
    assert rec.values.fields["void_reason"] == f"与 {first.number} 重复登记"
    assert rec.values.fields["closed_date"] == TODAY  # the five years count from the day it was voided
    assert (rec.events[-1].by, rec.events[-1].note) == ("王测试", f"与 {first.number} 重复登记")
    summary = DeskService(service).summary()
    assert c.VOIDED not in summary.complaints_by_status
    assert summary.complaints_by_status[c.REGISTERED] == before - 1
    # Kept: not deleted, not changed any more, not reopened.
    with pytest.raises(TransitionRefused, match="五年"):
        service.delete("complaint", rec.id)
    assert [t.target for t in service.next_steps("complaint", c.VOIDED)] == []
    with pytest.raises(TransitionRefused, match="已办结"):
        service.update("complaint", rec.id, to_json(c.SPEC, rec), by="王测试")
    assert service.get("complaint", rec.id).status == c.VOIDED


def test_the_reason_band_is_printed_only_when_it_holds_a_reason(service, tmp_path) -> None:
    import re

    from pypdf import PdfReader

    from desktop.services.export import export_record

    def text(record, name: str) -> str:
        out = export_record(service, record, tmp_path / name)
        return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(out).pages))

    record = _complaint(service, c.REGISTERED)
    assert "重新打开与作废" not in text(record, "registered.pdf")
    voided = service.transition("complaint", record.id, c.VOIDED, to_json(c.SPEC, record), by="王测试",
                                note="与 TS-2026-T1-0099 重复登记").record
    printed = text(voided, "voided.pdf")
    assert "重新打开与作废" in printed and "与TS-2026-T1-0099重复登记" in printed and "已作废" in printed
