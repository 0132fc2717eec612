"""Data from released schemas is brought forward whole (issue 10): the kept 0005 data folder, its
dump and its signed PDF; and signed content that outlives a field added to a form later."""

from __future__ import annotations

import copy
import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from desktop.domain.fields import Field, Section
from desktop.domain.forms import SPECS
from desktop.domain.records import content_hash, signature_matches
from desktop.services.context import open_context
from desktop.services.incoming import CREATED, UNCHANGED
from desktop.services.transfer import dump_records, import_records
from desktop.storage import migrate
from desktop.storage.db import DB_FILENAME

RELEASES = sorted(p for p in (Path(__file__).parent / "data").glob("schema-*") if (p / "data").is_dir())


@pytest.fixture(params=RELEASES, ids=[p.name for p in RELEASES])
def release(request, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(request.param / "data", folder)
    return request.param, folder


def _signed(ctx):
    for kind in SPECS:
        for rec in ctx.records.all_records(kind):
            if rec.signatures:
                yield kind, rec


def test_a_released_data_folder_upgrades_with_every_record_signature_revision_and_scan(release):
    fixture, folder = release
    ctx = open_context(folder)
    assert migrate.current_revision(folder / DB_FILENAME) == migrate.HEAD
    counts = {kind: ctx.records.count(kind) for kind in SPECS}
    assert all(counts.values()), counts
    signed = list(_signed(ctx))
    assert {k for k, _ in signed} >= {"complaint", "survey", "return-request", "training"}
    for kind, rec in signed:  # each old signature still signs its record (scheme 1, cut to the 0005 keys)
        assert all(s.hash_scheme == 1 and signature_matches(SPECS[kind], rec, s) for s in rec.signatures), rec.number
    frozen = [(k, r) for k in SPECS for r in ctx.records.all_records(k) if r.revision > 1]
    assert frozen
    for kind, rec in frozen:
        old = ctx.records.get_revision(kind, rec.id, 1)
        assert old.signatures and all(signature_matches(SPECS[kind], old, s) for s in old.signatures)
    scanned = [r for r in ctx.records.all_records("complaint") if r.scans]
    assert scanned and all(ctx.records.photo_bytes(ph.sha256) for r in scanned for ph in r.scans)
    for rec in ctx.records.all_records("complaint"):
        for plist in rec.values.photos.values():
            assert all(ctx.records.photo_bytes(ph.sha256) for ph in plist)
    # Its records still read in every register, and a change makes version 2 of an old record.
    assert all(len(ctx.records.search(kind)) == counts[kind] for kind in SPECS)
    ctx.close()


def test_the_old_dump_is_the_same_records_and_imports_elsewhere_with_its_signatures(release, tmp_path):
    fixture, folder = release
    dumped = json.loads((fixture / "dump.json").read_text(encoding="utf-8"))
    ctx = open_context(folder)
    report = import_records(ctx.records, copy.deepcopy(dumped))
    assert report.count(UNCHANGED) == len(dumped), [a for a in report.arrivals if a.outcome != UNCHANGED][:3]
    ctx.close()
    fresh = open_context(tmp_path / "fresh")
    report = import_records(fresh.records, copy.deepcopy(dumped))
    assert report.count(CREATED) == len(dumped)
    assert sum(len(r.signatures) for _k, r in _signed(fresh)) == sum(
        len(o.get("signatures") or []) for o in dumped)
    # Dumped again from here, it comes back into the upgraded folder as the same records.
    again = dump_records(fresh.records)
    fresh.close()
    ctx = open_context(folder)
    assert import_records(ctx.records, again).count(UNCHANGED) == len(dumped)
    ctx.close()


def test_the_old_signed_pdf_still_verifies_against_the_upgraded_record(release):
    from desktop.services.signing import verify_pdf

    fixture, folder = release
    ctx = open_context(folder)
    result = verify_pdf(fixture / "signed.pdf", folder, ctx.records)
    ctx.close()
    assert result.ok, result.lines()
    assert "文件标注的内容哈希与本机记录的当前内容一致。" in result.notes, result.notes


def _models_for(schema, spec):
    """Models of ``spec`` on a metadata of their own (the grown form, beside the real ones)."""
    from sqlalchemy.orm import DeclarativeBase

    class Base(DeclarativeBase):
        pass

    real = schema.Base
    schema.Base = Base
    try:
        return schema.FormModels(spec)
    finally:
        schema.Base = real


def _add_column(folder: Path) -> None:
    import sqlite3

    con = sqlite3.connect(folder / DB_FILENAME)
    con.execute("ALTER TABLE complaint ADD COLUMN hotline_ref VARCHAR(30)")
    con.commit()
    con.close()


def test_a_field_added_later_leaves_every_signed_record_its_pdf_and_its_dump_valid(tmp_path, monkeypatch):
    """Signed, printed and dumped with today's complaint form; then the form grows a field (and the
    database its column, as a migration would): the signature, the PDF and the dump all still hold."""
    import desktop.storage.schema as schema
    from desktop.domain.clock import FixedClock
    from desktop.domain.forms import WORKFLOWS
    from desktop.services.export import export_record
    from desktop.services.signing import verify_pdf
    from support import NOW, raw_complaint

    spec = SPECS["complaint"]
    ctx = open_context(tmp_path / "data", FixedClock(NOW))
    rec = ctx.records.create("complaint", raw_complaint()).record
    signed = ctx.records.sign("complaint", rec.id, "complainant", "张丽",
                              [[[0.1, 0.5, 0.5, 0], [0.6, 0.3, 0.5, 60]]]).record
    digest = content_hash(spec, signed)
    export_record(ctx.records, signed, tmp_path / "signed.pdf")
    dumped = dump_records(ctx.records, "complaint")
    ctx.close()

    first = spec.sections[0]
    extra = Field("hotline_ref", "热线单号", max_length=30)
    grown = dataclasses.replace(spec, sections=(Section(first.key, first.title, (*first.elements, extra),
                                                        first.columns), *spec.sections[1:]))
    monkeypatch.setitem(SPECS, "complaint", grown)
    monkeypatch.setitem(WORKFLOWS, "complaint", dataclasses.replace(WORKFLOWS["complaint"], spec=grown))
    monkeypatch.setitem(schema.MODELS._made, "complaint", _models_for(schema, grown))  # type: ignore[attr-defined]
    _add_column(tmp_path / "data")

    ctx = open_context(tmp_path / "data", FixedClock(NOW))
    again = ctx.records.get("complaint", rec.id)
    assert "hotline_ref" in again.values.fields and again.values.fields["hotline_ref"] is None
    assert content_hash(grown, again) == digest
    assert all(signature_matches(grown, again, s) for s in again.signatures)
    result = verify_pdf(tmp_path / "signed.pdf", tmp_path / "data", ctx.records)
    assert result.ok and "文件标注的内容哈希与本机记录的当前内容一致。" in result.notes, result.lines()
    ctx.close()
    other = open_context(tmp_path / "other", FixedClock(NOW))
    _add_column(tmp_path / "other")
    (arrived,) = import_records(other.records, dumped).records
    assert arrived.signatures and content_hash(grown, arrived) == digest
    assert all(signature_matches(grown, arrived, s) for s in arrived.signatures)
    other.close()
