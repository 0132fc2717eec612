"""Storage and services: migrations, save/load round trips, numbering, all-or-nothing writes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from desktop.domain import complaint as c
from desktop.domain.clock import FixedClock
from desktop.domain.validation import ValidationFailed
from desktop.domain.workflow import TransitionRefused
from desktop.services.context import open_context
from desktop.services.images import make_png
from desktop.services.records import NotFound
from desktop.storage import migrate
from desktop.storage.db import DB_FILENAME
from desktop.storage.errors import SchemaTooNew
from desktop.storage.schema import full_metadata
from tests.support import NOW, context, raw_complaint


def test_fresh_database_matches_the_models(tmp_path):
    ctx = context(tmp_path)
    with ctx.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), full_metadata())
    assert diff == [], "the models changed without a migration: write one in storage/migrations/versions"
    ctx.close()


def test_revision_list_matches_alembic_history():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_heads() == [migrate.HEAD]
    history = [s.revision for s in reversed(list(script.walk_revisions()))]
    assert tuple(history) == migrate.REVISIONS


def test_each_revision_upgrades_downgrades_and_upgrades_again(tmp_path):
    path = tmp_path / "x.sqlite"
    for rev in migrate.REVISIONS:
        migrate.upgrade(path, rev)
    from alembic import command

    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
        command.upgrade(cfg, "head")
        conn.commit()
    engine.dispose()
    assert migrate.current_revision(path) == migrate.HEAD


def test_sqlite_is_durable_and_checks_foreign_keys(tmp_path):
    ctx = context(tmp_path)
    with ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    ctx.close()


def test_a_database_from_a_newer_app_is_refused(tmp_path):
    ctx = context(tmp_path)
    ctx.close()
    con = sqlite3.connect(tmp_path / "data" / DB_FILENAME)
    con.execute("UPDATE alembic_version SET version_num='9999_future'")
    con.commit()
    con.close()
    with pytest.raises(SchemaTooNew, match="更新版本"):
        open_context(tmp_path / "data")


def test_an_older_database_is_backed_up_then_upgraded(tmp_path, monkeypatch):
    ctx = context(tmp_path)
    ctx.records.create("complaint", raw_complaint())
    ctx.close()
    # Pretend the app now has one more revision than the file: the file must be copied first.
    monkeypatch.setattr(migrate, "HEAD", "0002_pretend")
    monkeypatch.setattr(migrate, "REVISIONS", migrate.REVISIONS + ("0002_pretend",))
    monkeypatch.setattr(migrate, "upgrade", lambda path, target="head": None)
    migrate.ensure_schema(tmp_path / "data" / DB_FILENAME, tmp_path / "data" / "backups")
    (copy,) = (tmp_path / "data" / "backups").iterdir()
    con = sqlite3.connect(copy)
    assert con.execute("SELECT count(*) FROM complaint").fetchone() == (1,)
    con.close()


def test_save_and_load_round_trip(tmp_path):
    ctx = context(tmp_path)
    svc = ctx.records
    photo = svc.photos.add_bytes(make_png(40, 30), "现场.png", "渗漏")
    raw = raw_complaint(
        items=[
            {"product_name": "84 消毒液", "packaging": "桶装", "quantity": "12.5", "unit": "千克",
             "batch_no": "SH250301", "purchase_place": "公司直销"},
            {"product_name": "溴敌隆毒饵", "packaging": "袋装", "quantity": "3", "unit": "袋",
             "batch_no": "XD250315", "purchase_place": ""},
        ],
        reason="第一段\n第二段 <b>&amp;",
        photos=[photo],
    )
    rec = svc.create("complaint", raw, by="马晓东").record
    assert rec.number == f"TS-2026-{svc.settings().laptop_code}-0001"
    assert rec.status == c.REGISTERED
    back = svc.get("complaint", rec.id)
    assert back.values.fields["received_date"] == dt.date(2026, 11, 20)
    assert back.values.fields["reason"] == "第一段\n第二段 <b>&amp;"
    assert [r["quantity"] for r in back.values.tables["items"]] == [Decimal("12.5"), Decimal(3)]
    assert back.values.tables["items"][1]["purchase_place"] is None
    assert [p.sha256 for p in back.values.photos["photos"]] == [photo.sha256]
    assert [(e.from_status, e.to_status, e.by) for e in back.events] == [(None, c.REGISTERED, "马晓东")]
    assert svc.photos.read(photo.sha256) == make_png(40, 30)
    ctx.close()


def test_numbers_count_per_year_and_laptop(tmp_path):
    ctx = context(tmp_path)
    svc = ctx.records
    s = svc.settings()
    s.laptop_code = "A3"
    svc.save_settings(s)
    numbers = [svc.create("complaint", raw_complaint()).record.number for _ in range(3)]
    numbers.append(svc.create("complaint", raw_complaint(received_date="2025-12-31")).record.number)
    assert numbers == ["TS-2026-A3-0001", "TS-2026-A3-0002", "TS-2026-A3-0003", "TS-2025-A3-0001"]
    ctx.close()


def test_bad_input_writes_nothing(tmp_path):
    ctx = context(tmp_path)
    svc = ctx.records
    bad = raw_complaint(received_date="2026-02-30", complainant_phone="12345",
                        items=[{"product_name": "84 消毒液", "quantity": "-3", "unit": "桶", "batch_no": "X"}],
                        complainant_unit="")
    with pytest.raises(ValidationFailed) as e:
        svc.create("complaint", bad)
    paths = {i.path: i.message for i in e.value.issues}
    assert paths["received_date"] == "日期无效：2026 年 2 月没有 30 日"
    assert paths["items[0].quantity"] == "应大于 0"
    assert "不是有效的电话号码" in paths["complainant_phone"]
    assert svc.count("complaint") == 0
    with ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM number_counter").scalar() == 0
    ctx.close()


def test_lifecycle_through_the_service(tmp_path):
    ctx = context(tmp_path)
    svc = ctx.records
    rec = svc.create("complaint", raw_complaint()).record
    raw = raw_complaint()
    with pytest.raises(TransitionRefused):
        svc.transition("complaint", rec.id, c.DETERMINED, raw)
    with pytest.raises(ValidationFailed) as e:
        svc.transition("complaint", rec.id, c.INVESTIGATING, raw)
    assert [i.path for i in e.value.issues] == ["investigator"]
    assert svc.get("complaint", rec.id).status == c.REGISTERED
    raw["investigator"] = "冯志强"
    rec = svc.transition("complaint", rec.id, c.INVESTIGATING, raw, by="马晓东", note="已派人").record
    assert rec.status == c.INVESTIGATING and rec.values.fields["investigator"] == "冯志强"
    raw.update(investigation_date="2026-11-21", findings="现场查看", investigation_opinion="使用不当",
               quality_determination=c.NOT_QUALITY_PROBLEM, determined_by="冯志强",
               determined_role="品质部", determined_date="2026-11-22")
    rec = svc.transition("complaint", rec.id, c.DETERMINED, raw).record
    assert [(e.from_status, e.to_status) for e in rec.events][-2:] == [
        (c.REGISTERED, c.INVESTIGATING), (c.INVESTIGATING, c.DETERMINED)]
    assert rec.events[1].note == "已派人"
    ctx.close()


def test_closed_records_are_kept_five_years(tmp_path):
    from desktop.services.transfer import import_records
    from tests.support import example

    ctx = context(tmp_path)
    (rec,) = import_records(ctx.records, example()).records
    assert rec.status == c.CLOSED
    with pytest.raises(TransitionRefused, match="保存五年"):
        ctx.records.delete("complaint", rec.id)
    with pytest.raises(TransitionRefused, match="已办结"):
        ctx.records.update("complaint", rec.id, raw_complaint())
    # one closed in 2019 may go in 2026: the service and the database's own trigger agree
    import json as _json

    old_case = _json.loads(_json.dumps(example()).replace("2026-", "2019-"))
    (gone,) = import_records(ctx.records, old_case).records
    assert gone.values.fields["closed_date"].year == 2019
    told: list = []
    ctx.records.on_change(told.extend)
    ctx.records.delete("complaint", gone.id)
    with pytest.raises(NotFound):
        ctx.records.get("complaint", gone.id)
    assert [(r.kind, r.id) for r in told] == [("complaint", gone.id)]  # the registers showing it refresh
    ctx.close()


def test_search_finds_any_part_of_number_unit_product_or_batch(tmp_path):
    ctx = context(tmp_path)
    svc = ctx.records
    a = svc.create("complaint", raw_complaint()).record
    svc.create("complaint", raw_complaint(complainant_unit="杭州市西湖区第三中学", items=[
        {"product_name": "溴敌隆毒饵", "quantity": "3", "unit": "袋", "batch_no": "XD250315"},
        {"product_name": "吡虫啉杀蟑胶饵", "quantity": "2", "unit": "盒", "batch_no": "BC250704"}]))
    unit = "complainant_unit"
    assert [r[unit] for r in svc.search("complaint", "西湖")] == ["杭州市西湖区第三中学"]
    assert [r[unit] for r in svc.search("complaint", "bc2507")] == ["杭州市西湖区第三中学"]
    assert [r.number for r in svc.search("complaint", a.number[-6:])] == [a.number]
    assert [r[unit] for r in svc.search("complaint", "84 消毒")] == ["北京市第一人民医院"]
    (row,) = svc.search("complaint", "毒饵")
    assert row["@product"] == "溴敌隆毒饵 等 2 项" and row["@batch"] == "XD250315、BC250704"
    assert row["received_date"] == dt.date(2026, 11, 20) and row["status"] == c.REGISTERED
    assert len(svc.search("complaint", "")) == 2
    assert svc.search("complaint", "%") == [] and svc.search("complaint", "_") == []
    ctx.close()


def test_databases_from_every_released_schema_open_and_read(tmp_path):
    """One file per released schema lives in tests/data (ARCHITECTURE.md pattern 6): each must open,
    upgrade to the current schema and keep its records."""
    import shutil
    from pathlib import Path

    files = sorted((Path(__file__).parent / "data").glob("schema-*.sqlite"))
    assert files, "keep a database file from every released schema in tests/data"
    for f in files:
        folder = tmp_path / f.stem
        folder.mkdir()
        shutil.copy(f, folder / DB_FILENAME)
        photos = f.with_name(f.stem + "-photos")
        if photos.exists():
            shutil.copytree(photos, folder / "photos")
        ctx = open_context(folder)
        assert migrate.current_revision(folder / DB_FILENAME) == migrate.HEAD
        rows = ctx.records.search("complaint")
        assert len(rows) == 14
        assert all(r["@product"] for r in rows)
        for row in rows:
            rec = ctx.records.get("complaint", row.id)
            for plist in rec.values.photos.values():
                for ph in plist:
                    assert ctx.records.photo_bytes(ph.sha256)
        ctx.close()


def test_in_memory_filter_agrees_with_the_sql_search(tmp_path):
    from desktop.services.demo import demo_objects
    from desktop.services.records import filter_rows
    from desktop.services.transfer import import_records

    ctx = context(tmp_path)
    import_records(ctx.records, demo_objects(NOW.date(), 40))
    everything = ctx.records.search("complaint")
    for q in ["", "sh2503", "SH2503", "西湖", "医院 消毒", "-0003", "等", "无此单位", "%"]:
        assert filter_rows(everything, q) == ctx.records.search("complaint", q), q
    ctx.close()
