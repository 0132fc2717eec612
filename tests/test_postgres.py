"""The storage and the record operations on PostgreSQL as on SQLite (the head office's database,
issue 12): the same migrations, records of every kind, versions, stale saves, conflicts and
numbers, on a real server the suite starts itself (``tests/pg_server.py``)."""

from __future__ import annotations

import copy
import threading
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop.domain.clock import FixedClock
from desktop.domain.forms import SPECS
from desktop.services.conflicts import KEEP_INCOMING, list_conflicts, resolve
from desktop.services.context import open_context
from desktop.services.demo import example_object
from desktop.services.errors import StaleRecord
from desktop.services.incoming import CONFLICT, UNCHANGED
from desktop.services.records import RecordService
from desktop.services.tickets import raw_of
from desktop.services.transfer import dump_records, import_records
from desktop.storage import migrate
from desktop.storage.errors import StorageError
from desktop.storage.photos import PhotoStore
from desktop.storage.schema import full_metadata
from desktop.storage.server_db import open_server_database, server_revision
from tests.support import NOW, raw_complaint


def _server_service(url: str, folder: Path, code: str = "HQ") -> RecordService:
    service = RecordService(open_server_database(url), PhotoStore(folder / "photos"), FixedClock(NOW))
    st = service.settings()
    st.laptop_code = code
    st.staff_name = "总部测试"
    service.save_settings(st)
    return service


@pytest.fixture(params=["sqlite", "postgresql"])
def both(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """A record service on a laptop's SQLite file, then on a head-office PostgreSQL database; and a
    second service on the same database (a second window, a second server process)."""
    if request.param == "sqlite":
        ctxs = [open_context(tmp_path / "data", FixedClock(NOW)) for _ in range(2)]
        st = ctxs[0].records.settings()
        st.laptop_code, st.staff_name = "LA", "王测试"
        ctxs[0].records.save_settings(st)
        yield ctxs[0].records, ctxs[1].records
        for c in ctxs:
            c.close()
        return
    url = request.getfixturevalue("pg_url")
    first = _server_service(url, tmp_path)
    second = RecordService(open_server_database(url), PhotoStore(tmp_path / "photos"), FixedClock(NOW))
    yield first, second
    first.db.dispose()
    second.db.dispose()


def test_the_migrations_make_on_postgresql_exactly_the_models(pg_url):
    db = open_server_database(pg_url)
    try:
        assert server_revision(db.engine) == migrate.HEAD
        def not_keys(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
            # the loose pinyin keys' index: a placeholder in the models, an expression GIN index made
            # by 0007's data step at head office (checked below), which autogenerate cannot compare
            return not (type_ == "index" and (name or "").endswith("_search_keys"))

        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"include_object": not_keys}),
                                    full_metadata())
            keys = conn.exec_driver_sql("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE "
                                        "'ix_%%_search_keys'").all()
        assert diff == []
        assert len(keys) == len(SPECS) and all("gin (string_to_array(search_keys" in d for _n, d in keys), keys
        again = open_server_database(pg_url)  # opening an up-to-date database changes nothing
        again.dispose()
    finally:
        db.dispose()


def test_a_database_url_that_is_not_postgresql_is_refused_with_a_message():
    with pytest.raises(StorageError) as e:
        open_server_database("sqlite:///x.sqlite")
    assert "PostgreSQL" in str(e.value.template)
    with pytest.raises(StorageError):
        open_server_database("not a url")


def test_records_of_every_kind_import_and_dump_back_unchanged(both):
    service, second = both
    objs = [example_object(kind, NOW.date()) for kind in SPECS]
    report = import_records(service, copy.deepcopy(objs))
    assert len(report.records) == len(SPECS)
    dumped = dump_records(service)
    assert {o["kind"] for o in dumped} == set(SPECS)
    # The other connection reads the same; importing the dump again changes nothing.
    assert dump_records(second) == dumped
    assert import_records(second, copy.deepcopy(dumped)).count(UNCHANGED) == len(dumped)
    for kind in SPECS:
        assert [r.number for r in service.search(kind, "")] == [r.number for r in second.search(kind, "")]


def test_a_stale_save_is_refused_and_nothing_is_lost(both):
    service, second = both
    rec = service.create("complaint", raw_complaint()).record
    mine, theirs = service.get("complaint", rec.id), second.get("complaint", rec.id)
    second.update("complaint", rec.id, raw_of(theirs) | {"investigator": "另一处的调查人员"},
                  expected_version=theirs.version)
    with pytest.raises(StaleRecord) as e:
        service.update("complaint", rec.id, raw_of(mine) | {"complainant_address": "本处的地址"},
                       expected_version=mine.version)
    assert e.value.current == mine.version + 1
    kept = service.get("complaint", rec.id)
    assert kept.values.fields["investigator"] == "另一处的调查人员"
    assert kept.values.fields["complainant_address"] != "本处的地址"


def test_two_writers_at_once_never_share_a_number(both):
    service, second = both
    numbers: list[str] = []
    errors: list[BaseException] = []

    def write(svc: RecordService) -> None:
        try:
            for _ in range(8):
                numbers.append(svc.create("complaint", raw_complaint()).record.number)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=write, args=(s,)) for s in (service, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    assert len(numbers) == 16 and len(set(numbers)) == 16


def test_a_record_changed_on_a_laptop_and_at_head_office_is_held_as_a_conflict(pg_url, tmp_path):
    laptop = open_context(tmp_path / "laptop", FixedClock(NOW))
    try:
        st = laptop.records.settings()
        st.laptop_code = "LA"
        laptop.records.save_settings(st)
        office = _server_service(pg_url, tmp_path / "office")
        rec = laptop.records.create("complaint", raw_complaint()).record
        import_records(office, dump_records(laptop.records))
        there = office.get("complaint", rec.id)
        office.update("complaint", rec.id, raw_of(there) | {"investigator": "总部的调查人员"})
        laptop.records.update("complaint", rec.id, raw_of(rec) | {"complainant_address": "笔记本改的地址"})
        report = import_records(office, dump_records(laptop.records), source="LA.json")
        assert report.count(CONFLICT) == 1
        (conflict,) = list_conflicts(office)
        out = resolve(office, conflict.id, KEEP_INCOMING, by="总部测试")
        assert out.record.values.fields["complainant_address"] == "笔记本改的地址"
        assert not list_conflicts(office)
        office.db.dispose()
    finally:
        laptop.close()


def test_the_sync_service_plans_each_query_for_its_values_not_once_for_all(pg_url):
    """No server-side prepared statements where laptops' batches are received: a generic plan for
    ``id IN ($1 … $200)`` made while a table was nearly empty scanned the whole table for every batch
    of a sync (120 ms a query at 11,000 records instead of 1 ms).  The window keeps them."""
    from sqlalchemy import select, text

    from desktop.storage.schema import MODELS

    rec = MODELS["complaint"].record
    for receiving, prepared in ((True, 0), (False, 1)):
        db = open_server_database(pg_url, prepared=not receiving)
        with db.session() as s:
            for i in range(10):  # psycopg prepares it after its fifth run
                s.execute(select(rec.id).where(rec.id.in_([f"id-{i}-{j}" for j in range(200)]))).all()
            assert s.execute(text("SELECT count(*) FROM pg_prepared_statements")).scalar() == prepared
        db.dispose()
