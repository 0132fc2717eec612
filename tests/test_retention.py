"""Retention enforced by the database itself (issue 11, ``storage.retention``), on SQLite and on
PostgreSQL: whatever route a write takes — here plain SQL inside the app's own write transaction,
as a route that forgot the rules would — a complaint is kept five years after closing, its closing
date never moves back, and a signed revision and its signatures are never rewritten or removed."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import text

from desktop.domain import complaint as c
from desktop.services.transfer import import_records
from desktop.storage.errors import StorageError
from desktop.storage.retention import RETENTION, TRIGGERS
from tests.support import example, raw_complaint
from tests.test_postgres import both  # noqa: F401 - the fixture: a service on SQLite, then on PostgreSQL
from tests.test_signatures import STROKES, _edited


def _sql(service: Any, statement: str, **params: Any) -> None:
    with service.db.write() as s:
        s.execute(text(statement), params)


def _refused(service: Any, statement: str, **params: Any) -> StorageError:
    with pytest.raises(StorageError) as e:
        _sql(service, statement, **params)
    assert e.value.reason == RETENTION, e.value
    assert "没有改动任何数据" in str(e.value)
    return e.value


def _count(service: Any, table: str, record_id: str) -> int:
    column = "id" if table in ("complaint", "service_report") else "record_id"
    with service.db.session() as s:
        return s.execute(text(f'SELECT count(*) FROM "{table}" WHERE {column} = :id'), {"id": record_id}).scalar()


def test_a_closed_complaint_cannot_be_deleted_or_backdated_by_any_route(both: Any) -> None:  # noqa: F811
    service, _second = both
    (closed,) = import_records(service, example()).records
    assert closed.status == c.CLOSED
    _refused(service, "DELETE FROM complaint WHERE id = :id", id=closed.id)
    _refused(service, "UPDATE complaint SET closed_date = :d WHERE id = :id", d="2015-01-01", id=closed.id)
    _refused(service, "UPDATE complaint SET closed_date = NULL WHERE id = :id", id=closed.id)
    assert _count(service, "complaint", closed.id) == 1
    assert service.get("complaint", closed.id).values.fields["closed_date"] == closed.values.fields["closed_date"]
    _sql(service, "UPDATE complaint SET closed_date = :d WHERE id = :id", d="2026-12-31", id=closed.id)  # later: fine

    opened = service.create("complaint", raw_complaint()).record  # not closed: never deleted by SQL either
    _refused(service, "DELETE FROM complaint WHERE id = :id", id=opened.id)

    # closed seven years ago: five years are over, and the database lets it go with everything it has
    (old,) = import_records(service, json.loads(json.dumps(example()).replace("2026-", "2019-"))).records
    _sql(service, "DELETE FROM complaint WHERE id = :id", id=old.id)
    assert _count(service, "complaint", old.id) == 0 and _count(service, "complaint_items", old.id) == 0


def test_a_signed_revision_and_its_signatures_are_never_rewritten_or_removed(both: Any) -> None:  # noqa: F811
    service, _second = both
    rec = service.create("complaint", raw_complaint(received_date="2026-03-18"), by="王测试").record
    signed = service.sign("complaint", rec.id, "complainant", "张三", STROKES).record
    service.update("complaint", rec.id, _edited(signed, reason="签字后补充"))  # revision 1 archived, signed
    assert _count(service, "complaint_revision", rec.id) == 1

    _refused(service, "DELETE FROM complaint_revision WHERE record_id = :id", id=rec.id)
    _refused(service, "UPDATE complaint_revision SET snapshot = '{}' WHERE record_id = :id", id=rec.id)
    _refused(service, "UPDATE complaint_signature SET name = '李四' WHERE record_id = :id", id=rec.id)
    _refused(service, "DELETE FROM complaint_signature WHERE record_id = :id", id=rec.id)
    assert _count(service, "complaint_revision", rec.id) == 1 and _count(service, "complaint_signature", rec.id) == 1
    assert [s.name for s in service.get_revision("complaint", rec.id, 1).signatures] == ["张三"]


def test_a_draft_deleted_with_its_signed_revisions_goes_whole(both: Any) -> None:  # noqa: F811
    """The triggers stand aside when the record itself goes (where the rules let it): a draft
    service report signed, edited, then deleted as entered by mistake."""
    service, _second = both
    raw = {"service_date": "2026-03-20", "service_type": "上门走访", "staff": "王测试", "customer_unit": "某单位",
           "contact_name": "李四", "contact_phone": "13800138000"}
    rec = service.create("service-report", raw).record
    service.sign("service-report", rec.id, "customer", "李四", STROKES)
    service.update("service-report", rec.id, {**raw, "contact_name": "李四四"})
    assert _count(service, "service_report_revision", rec.id) == 1
    service.delete("service-report", rec.id)
    assert _count(service, "service_report", rec.id) == 0
    assert _count(service, "service_report_signature", rec.id) == 0


def test_every_trigger_is_there_and_a_missing_one_is_put_back_at_start(tmp_path: Any) -> None:
    import sqlite3

    from desktop.services.context import open_context
    from desktop.storage.db import DB_FILENAME

    ctx = open_context(tmp_path / "data")
    ctx.close()
    path = tmp_path / "data" / DB_FILENAME

    def names() -> set[str]:
        con = sqlite3.connect(path)
        try:
            return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
        finally:
            con.close()

    assert set(TRIGGERS) <= names() and len(TRIGGERS) == 2 + 11 * 4
    con = sqlite3.connect(path)
    con.execute('DROP TRIGGER "retention_complaint_delete"')  # as a later migration rebuilding the table would
    con.commit()
    con.close()
    assert "retention_complaint_delete" not in names()
    ctx = open_context(tmp_path / "data")
    try:
        assert set(TRIGGERS) <= names()
        (closed,) = import_records(ctx.records, example()).records
        _refused(ctx.records, "DELETE FROM complaint WHERE id = :id", id=closed.id)
    finally:
        ctx.close()
