"""The gaps of issue 12's sync closed by issue-12c (docs/sync.md): a laptop downloads only the
pictures of records it may see; a deleted draft does not live on at head office (tombstones); a
merged or rejected proposal reaches the laptop; verify at head office."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop.services.sync.client import sync
from tests.sync_helpers import laptop, new_complaint, running, token_for


def _png(i: int) -> bytes:
    import hashlib

    return b"\x89PNG\r\n\x1a\n" + hashlib.sha256(f"gap-{i}".encode()).digest() * 8


def _b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode("ascii")


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def test_a_laptop_downloads_only_the_pictures_of_records_it_may_see(hq: Any, tmp_path: Path) -> None:
    from tests.test_versions import STROKES

    a, b = laptop(tmp_path, "A1"), laptop(tmp_path, "B2")
    ta, tb = token_for(hq, "A1"), token_for(hq, "B2")
    rec = new_complaint(a, photos=[a.records.photos.add_bytes(_png(1), "a.png")])
    signed = a.records.sign("complaint", rec.id, "complainant", "张丽", STROKES).record
    signature_sha = signed.signatures[0].image_sha256
    new_complaint(b)
    try:
        with running(hq) as url:
            sync(a.records, url, ta)
            sync(b.records, url, tb)
            photo_sha = _sha(_png(1))
            assert hq.photos.holds(photo_sha) and hq.photos.holds(signature_sha)
            as_a = {"Authorization": f"Bearer {ta}"}
            as_b = {"Authorization": f"Bearer {tb}"}
            for sha in (photo_sha, signature_sha):
                mine = httpx.get(f"{url}/api/v1/photos/{sha}", headers=as_a)
                assert mine.status_code == 200 and _sha(mine.content) == sha
            # Asked which pictures to send, B is told A's are missing, as one nobody has; A is not.
            def asked(headers: dict[str, str]) -> list[str]:
                return httpx.post(f"{url}/api/v1/photos/missing", headers=headers,
                                  json={"sha256": [photo_sha, signature_sha, "e" * 64]}).json()["missing"]

            assert sorted(asked(as_b)) == sorted([photo_sha, signature_sha, "e" * 64])
            assert asked(as_a) == ["e" * 64]
            nowhere = httpx.get(f"{url}/api/v1/photos/{'e' * 64}", headers=as_b)
            assert nowhere.status_code == 404
            for sha in (photo_sha, signature_sha):  # A's pictures: B is told exactly what a missing one gets
                theirs = httpx.get(f"{url}/api/v1/photos/{sha}", headers=as_b)
                assert theirs.status_code == 404 and theirs.content == nowhere.content
                assert _png(1) not in theirs.content
            # A picture an archived revision names stays A's to download after the record changed.
            from desktop.services.tickets import raw_of

            raw = raw_of(a.records.get("complaint", rec.id))
            raw["photos"] = [a.records.photos.add_bytes(_png(2), "b.png")]
            a.records.update("complaint", rec.id, raw, by="王测试")
            sync(a.records, url, ta)
            at_hq = hq.get("complaint", rec.id)
            assert photo_sha not in [ph.sha256 for ph in at_hq.values.photos["photos"]] and at_hq.revision == 2
            assert httpx.get(f"{url}/api/v1/photos/{photo_sha}", headers=as_a).status_code == 200
            assert httpx.get(f"{url}/api/v1/photos/{photo_sha}", headers=as_b).status_code == 404
    finally:
        a.close()
        b.close()


def _draft(ctx: Any, source: Any, kind: str) -> Any:
    raw, link = ctx.records.follow_on("complaint", source.id, kind, staff="王测试")
    return ctx.records.create(kind, raw, by="王测试", source=link).record


def _has(service: Any, kind: str, rid: str) -> bool:
    from desktop.services.errors import NotFound

    try:
        service.get(kind, rid)
    except NotFound:
        return False
    return True


def test_a_draft_deleted_on_the_laptop_is_deleted_at_head_office_and_stays_gone(hq: Any, tmp_path: Path) -> None:
    from desktop.services.sync.tombstones import deletions_log

    a = laptop(tmp_path, "A1")
    token = token_for(hq, "A1")
    complaint = new_complaint(a)
    draft = _draft(a, complaint, "service-report")
    kept = _draft(a, complaint, "return-request")
    try:
        with running(hq) as url:
            sync(a.records, url, token)
            assert _has(hq, "service-report", draft.id) and _has(hq, "return-request", kept.id)
            a.records.delete("service-report", draft.id)
            result = sync(a.records, url, token)
            assert (result.sent, result.received, result.deleted) == (0, 0, 1) and result.notes == []
            assert not _has(hq, "service-report", draft.id)
            assert _has(hq, "return-request", kept.id) and _has(hq, "complaint", complaint.id)
            assert [(d.record_id, d.outcome, d.laptop) for d in deletions_log(hq)] == [(draft.id, "deleted", "A1")]
            again = sync(a.records, url, token)  # nothing comes back, nothing is sent again
            assert (again.sent, again.received, again.deleted) == (0, 0, 0)
            assert not _has(a.records, "service-report", draft.id)
            assert len(deletions_log(hq)) == 1
    finally:
        a.close()


def test_a_deletion_of_a_record_head_office_decided_on_is_held_said_and_the_record_comes_back(
        hq: Any, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main
    from desktop.services.sync.decisions import decide
    from desktop.services.sync.tombstones import deletions_log
    from desktop.storage.server_accounts import add_user

    with hq.db.write() as s:
        add_user(s, "孙品", "品质部", "correct horse battery")
    a = laptop(tmp_path, "A1")
    token = token_for(hq, "A1")
    draft = _draft(a, new_complaint(a), "return-request")
    try:
        with running(hq) as url:
            sync(a.records, url, token)
            decided = decide(hq, "孙品", "return-request", draft.id, "quality",
                             {"quality_determination": "属于质量问题"}).record
            a.records.delete("return-request", draft.id)  # still a draft here, so the laptop allows it
            result = sync(a.records, url, token)
            assert result.deleted == 0 and len(result.notes) == 1
            assert "总部未删除" in result.notes[0] and draft.number in result.notes[0] and "处理过" in result.notes[0]
            assert hq.get("return-request", draft.id).version_tag == decided.version_tag  # kept at head office
            back = a.records.get("return-request", draft.id)  # and back on the laptop, with the decision
            assert back.version_tag == decided.version_tag
            assert back.values.fields["quality_determination"] == "属于质量问题"
            assert [(d.outcome, d.record_id) for d in deletions_log(hq)] == [("held", draft.id)]
            capsys.readouterr()
            assert main(["server", "deletions", "--database", pg_url]) == 0
            listed = capsys.readouterr().out
            assert draft.number in listed and "A1" in listed and "总部保留" in listed and "处理过" in listed
            again = sync(a.records, url, token)
            assert (again.sent, again.received, again.deleted, again.notes) == (0, 0, 0, [])
    finally:
        a.close()


def test_a_signed_draft_deleted_on_the_laptop_is_kept_at_head_office(hq: Any, tmp_path: Path) -> None:
    from desktop.services.sync.tombstones import receive_deletions

    a, b = laptop(tmp_path, "A1"), laptop(tmp_path, "B2")
    ta, tb = token_for(hq, "A1"), token_for(hq, "B2")
    draft = _draft(a, new_complaint(a), "service-report")
    try:
        with running(hq) as url:
            sync(a.records, url, ta)
            sync(b.records, url, tb)
            at_hq = hq.get("service-report", draft.id)
            # Another laptop cannot delete A's record, and is not told it exists.
            auth = {"Authorization": f"Bearer {tb}"}
            r = httpx.post(f"{url}/api/v1/deletions", headers=auth,
                           json={"deletions": [{"kind": "service-report", "id": draft.id, "seen": at_hq.version_tag}]})
            assert r.status_code == 200 and r.json()["results"][0]["outcome"] == "absent"
            assert _has(hq, "service-report", draft.id)
            r = httpx.post(f"{url}/api/v1/deletions", headers=auth, json={"deletions": [{"kind": "nope", "id": "x"}]})
            assert r.status_code == 400 and r.json()["error"]
    finally:
        a.close()
        b.close()
    # A signature at head office (here signed there directly) keeps it, whatever the laptop says.
    from tests.test_versions import STROKES

    spec_block = _first_signature_block("service-report")
    signed = hq.sign("service-report", draft.id, spec_block, "张丽", STROKES).record
    held = receive_deletions(hq, "A1", [{"kind": "service-report", "id": draft.id, "seen": signed.version_tag}])
    assert held[0]["outcome"] == "held" and "签字" in held[0]["reason"]
    assert _has(hq, "service-report", draft.id)


def _first_signature_block(kind: str) -> str:
    from desktop.domain.forms import SPECS

    return SPECS[kind].signatures[0].key


def test_a_deletion_travels_in_bundles_too(hq: Any, tmp_path: Path) -> None:
    import json

    from desktop.services.sync.bundle import from_file, import_bundle, to_file

    a = laptop(tmp_path, "A1")
    token = token_for(hq, "A1")
    draft = _draft(a, new_complaint(a), "service-report")
    out = tmp_path / "to-hq.json"
    try:
        to_file(a.records, token, out)
        _results, answer, _n = import_bundle(hq, out)
        from_file(a.records, token, answer)
        assert _has(hq, "service-report", draft.id)
        a.records.delete("service-report", draft.id)
        to_file(a.records, token, out)
        assert [d["id"] for d in json.loads(out.read_text(encoding="utf-8"))["deletions"]] == [draft.id]
        _results, answer, n = import_bundle(hq, out)
        assert n == 0 and not _has(hq, "service-report", draft.id)
        got = from_file(a.records, token, answer)
        assert got.deleted == 1 and not _has(a.records, "service-report", draft.id)
        to_file(a.records, token, out)  # said once: the next bundle carries no deletion
        assert json.loads(out.read_text(encoding="utf-8"))["deletions"] == []
    finally:
        a.close()


def test_a_pdf_signed_on_a_laptop_verifies_at_head_office_after_the_sync(
        hq: Any, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main
    from desktop.services.export import export_record
    from desktop.services.sync.verify_at_head_office import verify_at_head_office
    from desktop.services.transfer import dump_records, import_records
    from desktop.storage.server_accounts import revoke_laptop

    a, b = laptop(tmp_path, "A1"), laptop(tmp_path, "B2", "李测试")
    ta, tb = token_for(hq, "A1"), token_for(hq, "B2")
    rec = new_complaint(a)
    pdf = export_record(a.records, rec, tmp_path / "a1.pdf")
    hq_folder = tmp_path / "hq-data"
    try:
        before = verify_at_head_office(pdf, hq_folder, hq)  # head office knows neither the laptop nor the record
        assert not before.ok and before.status == "untrusted"
        with running(hq) as url:
            sync(a.records, url, ta)
            result = verify_at_head_office(pdf, hq_folder, hq)
            assert result.ok and result.content == "matches", result.lines()
            assert "A1" in result.trusted_as and result.number == rec.number and result.revision == 1
            assert main(["--data-dir", str(hq_folder), "--database", pg_url, "verify", str(pdf)]) == 0
            out = capsys.readouterr().out
            assert out.startswith("完好") and rec.number in out and "A1" in out
            # A1's record printed and signed on laptop B2 (a copy imported there) is not B2's to vouch for.
            import_records(b.records, dump_records(a.records, "complaint", embed_photos=True))
            forged = export_record(b.records, b.records.get("complaint", rec.id), tmp_path / "b2.pdf")
            sync(b.records, url, tb)
            wrong = verify_at_head_office(forged, hq_folder, hq)
            assert not wrong.ok and "不是这条记录所属的笔记本" in wrong.message
            # A revoked laptop's certificate is no longer trusted.
            with hq.db.write() as s:
                revoke_laptop(s, "A1")
            gone = verify_at_head_office(pdf, hq_folder, hq)
            assert not gone.ok and gone.status == "untrusted" and any("吊销" in n for n in gone.notes)
            assert main(["--data-dir", str(hq_folder), "--database", pg_url, "verify", str(pdf)]) == 1
    finally:
        a.close()
        b.close()


def test_the_sync_command_says_what_head_office_did_with_a_deletion(
        hq: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main

    a = laptop(tmp_path, "A1")
    token = token_for(hq, "A1")
    draft = _draft(a, new_complaint(a), "service-report")
    data = str(a.data_dir)
    try:
        with running(hq) as url:
            assert main(["--data-dir", data, "sync", "--server", url, "--token", token]) == 0
            a.records.delete("service-report", draft.id)
            capsys.readouterr()
            assert main(["--data-dir", data, "sync"]) == 0
            out = capsys.readouterr().out
            assert "发出 0 条，收到 0 条" in out and "总部也已删除 1 条" in out
            assert not _has(hq, "service-report", draft.id)
    finally:
        a.close()


def test_head_office_keeps_every_certificate_a_laptop_reported_and_refuses_a_false_one(hq: Any) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    from desktop.services.sync import profiles
    from desktop.services.sync.hub import Refused
    from desktop.storage.keys import make_certificate

    token_for(hq, "A1")

    def pem() -> str:
        cert = make_certificate(ec.generate_private_key(ec.SECP256R1()), "A1", "测试消杀药业有限公司")
        return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")

    old, new = pem(), pem()
    profiles.receive(hq, "A1", {"certificate": old, "settings": {"company_name": "测试消杀药业有限公司"}})
    profiles.receive(hq, "A1", {"certificate": new, "settings": {"company_name": "测试消杀药业有限公司"}})
    profiles.receive(hq, "A1", {"certificate": new, "settings": {"company_name": "新名称"}})
    [(code, kept, revoked)] = profiles.laptop_certificates(hq)
    assert code == "A1" and not revoked and old.strip() in kept and new.strip() in kept and kept.count("BEGIN") == 2
    assert profiles.settings_of(hq, "A1").company_name == "新名称"
    with pytest.raises(Refused):
        profiles.receive(hq, "A1", {"certificate": "-----BEGIN CERTIFICATE-----\nnot one\n-----END CERTIFICATE-----"})
    with pytest.raises(Refused):
        profiles.receive(hq, "A1", {"certificate": old, "settings": {"company_name": ["a list"]}})
