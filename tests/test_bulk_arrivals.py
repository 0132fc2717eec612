"""Records new to a database written by the set (``services.new_arrivals``: one INSERT per table)
store exactly what the ORM way stores: every column of every table, on SQLite and PostgreSQL, for
records of every form with photos, scans, signatures, frozen revisions, lineage and links; on a
laptop restoring its own dump, where the arrival policies plan follow-ups, too.  And the set is
really taken (else the comparison proves nothing); a record that must be judged the ORM way (one
edited by hand, one whose computed fields come out differently here) still is."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.domain.clock import FixedClock
from desktop.domain.forms import WORKFLOWS
from desktop.services import transfer
from desktop.services.context import open_context
from desktop.services.demo import load_demo
from desktop.services.incoming import CREATED
from desktop.services.tickets import raw_of
from desktop.services.transfer import ImportFailed, dump_records, import_records
from desktop.storage.schema import MODELS, Base
from tests.support import NOW, raw_complaint
from tests.sync_helpers import head_office, laptop

STROKES = [[[0.1, 0.5, 0.4, 0], [0.2, 0.3, 0.6, 16], [0.3, 0.7, 0.7, 32]], [[0.7, 0.5, 0.5, 300]]]


def _png(seed: str) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + hashlib.sha256(seed.encode()).digest() * 8


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """A laptop's whole dump (pictures embedded): demo records of every form, and a complaint signed,
    changed after signing (its first revision frozen), signed again, with a scan of its paper."""
    a = laptop(tmp_path_factory.mktemp("source"), "A1")
    load_demo(a.records, 12)
    raw = raw_complaint(complainant_unit="北京市第一人民医院", photos=[a.records.photos.add_bytes(_png("p"), "现场.png", "药剂")])
    rec = a.records.create("complaint", raw).record
    a.records.sign("complaint", rec.id, "complainant", "张三", STROKES)
    changed = raw_of(a.records.get("complaint", rec.id))
    changed["reason"] = (changed.get("reason") or "") + "（补充）"
    a.records.update("complaint", rec.id, changed)
    a.records.sign("complaint", rec.id, "receiver", "王测试", STROKES[:1])
    a.records.add_scan("complaint", rec.id, a.records.photos.add_bytes(_png("scan"), "scan.png"))
    out = dump_records(a.records, embed_photos=True)
    a.close()
    assert any(o.get("revisions") for o in out) and any(o.get("signatures") for o in out)
    return out


def _registers_first(objs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The registers (customers, products, deliveries) as one file, the rest as another: a file that
    brings deliveries or products sends the records whose computed fields look them up the ORM way."""
    registers = [o for o in objs if o["kind"] in ("customer", "product", "delivery")]
    return registers, [o for o in objs if o["kind"] not in ("customer", "product", "delivery")]


def _targets(kind: str, tmp_path: Path, request: pytest.FixtureRequest, code: str) -> list[Any]:
    if kind == "sqlite":
        out = []
        for name in ("orm", "set"):
            ctx = open_context(tmp_path / name, FixedClock(NOW))
            st = ctx.records.settings()
            st.laptop_code = code
            ctx.records.save_settings(st)
            out.append(ctx)
        return out
    server = request.getfixturevalue("pg_server")
    return [head_office(server.fresh_database()), head_office(server.fresh_database())]


def _service(target: Any) -> Any:
    return getattr(target, "records", target)


def _close(target: Any) -> None:
    if hasattr(target, "records"):
        target.close()
    else:
        target.db.dispose()


def _rows(service: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every record table and child table, and the lineage table, with the ids made at
    random by each database (child rows', versions') left out and a record's id written as its
    number (a follow-up a policy plans has an id of its own in each database)."""
    record_tables = {m.record.__table__.name for m in MODELS.values()}
    names: dict[str, str] = {}
    out: dict[str, list[tuple[Any, ...]]] = {}
    with service.db.session() as s:
        for m in MODELS.values():
            for rid, number in s.execute(select(m.record.id, m.record.number)):
                names[rid] = f"#{number}"
        for table in Base.metadata.sorted_tables:
            owned = table.name in record_tables or "record_id" in table.c
            if not owned:
                continue
            cols = [c for c in table.c if not (c.name == "id" and table.name not in record_tables)]
            rows = []
            for row in s.execute(select(*cols)):
                rows.append(tuple((c.name, names.get(v, v) if isinstance(v, str) else v) for c, v in zip(cols, row, strict=True)))
            out[table.name] = sorted(rows, key=repr)
    return out


def _counting_orm_way(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    taken: list[str] = []
    orm_way = transfer.receive

    def counted(service: Any, s: Any, incoming: Any, *args: Any, **kw: Any) -> Any:
        taken.append(incoming.kind)
        return orm_way(service, s, incoming, *args, **kw)

    monkeypatch.setattr(transfer, "receive", counted)
    return taken


# Another laptop's records, on a laptop and at head office; a laptop's own (restored from its dump),
# where the arrival policies plan follow-ups (head office owns no records of its own).
@pytest.mark.parametrize(("database", "code"), [("sqlite", "Z9"), ("postgresql", "Z9"), ("sqlite", "A1")],
                         ids=["another-laptop-sqlite", "another-laptop-postgresql", "its-own-laptop-sqlite"])
def test_the_set_stores_what_the_orm_way_stores(dump: list[dict[str, Any]], database: str, code: str,
                                                tmp_path: Path, request: pytest.FixtureRequest,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    orm, by_set = _targets(database, tmp_path, request, code)
    taken = _counting_orm_way(monkeypatch)
    # Another laptop's records in two files, registers first (so that every complaint goes by the set);
    # a laptop's own in one (a delivery's planned follow-ups travel with it, none is planned twice).
    files = list(_registers_first(dump)) if code == "Z9" else [dump]
    for objs in files:
        import_records(_service(orm), copy.deepcopy(objs), by_the_set=False)
    orm_way = len(taken)
    assert orm_way == len(dump)
    reports = [import_records(_service(by_set), copy.deepcopy(objs)) for objs in files]
    assert [a.outcome for r in reports for a in r.arrivals] == [CREATED] * len(dump)
    by_orm_way = set(taken[orm_way:])
    # The set was taken for every record but those whose computed fields may look up the file's registers.
    assert by_orm_way <= {kind for kind, wf in WORKFLOWS.items() if wf.derive is not None}, by_orm_way
    if code == "Z9":
        assert by_orm_way == {"delivery"}
    got, want = _rows(_service(by_set)), _rows(_service(orm))
    assert got.keys() == want.keys()
    for name in want:
        assert got[name] == want[name], name
    # Each import says it changed every record of its file.
    for objs, report in zip(files, reports, strict=True):
        assert {r.id for r in report.changed} >= {o["id"] for o in objs}
    for t in (orm, by_set):
        _close(t)


def test_a_file_with_deliveries_sends_the_records_that_look_them_up_the_orm_way(
        dump: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = open_context(tmp_path / "d", FixedClock(NOW))
    taken = _counting_orm_way(monkeypatch)
    import_records(ctx.records, copy.deepcopy(dump))
    kinds = set(taken)
    assert "complaint" in kinds and "delivery" in kinds  # computed fields that look in the registers
    assert "service-report" not in kinds and "survey" not in kinds  # none: by the set
    ctx.close()


def test_a_record_edited_by_hand_or_worked_out_differently_goes_the_orm_way(
        dump: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _registers, rest = _registers_first(dump)
    edited = copy.deepcopy(next(o for o in rest if o["kind"] == "complaint" and not o.get("signatures")))
    edited["reason"] = "在文件里改过的原因"
    # Unchanged, but its batch's expiry came from a delivery this database has not got.
    worked_out = copy.deepcopy(next(o for o in rest if o["kind"] == "complaint" and o["id"] != edited["id"]
                                    and any(r.get("expiry_date") for r in o.get("items") or [])))
    ctx = open_context(tmp_path / "e", FixedClock(NOW))
    taken = _counting_orm_way(monkeypatch)
    report = import_records(ctx.records, [edited, worked_out])
    assert taken == ["complaint", "complaint"]
    stored = ctx.records.get("complaint", edited["id"])
    assert stored.values.fields["reason"] == "在文件里改过的原因"
    assert stored.version > edited["version"]  # a new version made from the one it names
    again = ctx.records.get("complaint", worked_out["id"])
    assert all(r["expiry_date"] is None for r in again.values.tables["items"])
    assert again.version > worked_out["version"]
    assert [a.outcome for a in report.arrivals] == [CREATED, CREATED]
    ctx.close()


def test_a_missing_photo_or_a_signature_that_signs_something_else_refuses_the_whole_file(
        dump: list[dict[str, Any]], tmp_path: Path) -> None:
    _registers, rest = _registers_first(dump)
    signed = copy.deepcopy(next(o for o in rest if o.get("signatures")))
    signed["signatures"][0]["content_hash"] = "0" * 64
    plain = copy.deepcopy(next(o for o in rest if o["kind"] == "service-report"))
    ctx = open_context(tmp_path / "f", FixedClock(NOW))
    with pytest.raises(ImportFailed, match="签字与记录内容不符"):
        import_records(ctx.records, [plain, signed])
    assert ctx.records.count("service-report") == 0  # nothing of the file written
    ctx.close()
