"""Laptops syncing with head office over real HTTP (issue 12): the suite's own PostgreSQL, the sync
service on a free 127.0.0.1 port, laptops on data folders of their own (docs/sync.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.domain.forms import SPECS
from desktop.services.conflicts import KEEP_INCOMING, list_conflicts, resolve
from desktop.services.demo import example_object
from desktop.services.sync.client import SyncError, sync
from desktop.services.sync.hub import SHARED_KINDS
from desktop.services.sync.proposals import list_proposals
from desktop.services.tickets import raw_of
from desktop.services.transfer import import_records
from desktop.storage.schema import MODELS
from desktop.storage.server_accounts import SyncReceipt, revoke_laptop
from tests.support import TODAY
from tests.sync_helpers import laptop, new_complaint, running, token_for


def _count(service: Any, kind: str) -> int:
    with service.db.session() as s:
        return s.scalar(select(func.count()).select_from(MODELS[kind].record))


def _every_kind(ctx: Any) -> None:
    import_records(ctx.records, [example_object(kind, TODAY) for kind in SPECS])


def test_two_laptops_sync_every_kind_and_a_second_sync_changes_nothing(hq: Any, tmp_path: Path) -> None:
    a, b = laptop(tmp_path, "A1"), laptop(tmp_path, "B2", "李测试")
    ta, tb = token_for(hq, "A1"), token_for(hq, "B2")
    _every_kind(a)
    new_complaint(b)
    with running(hq) as url:
        first = sync(a.records, url, ta)
        made = {kind: a.records.count(kind) for kind in SPECS}
        assert first.sent == sum(made.values()) >= len(SPECS) and first.conflicts == 0
        second_b = sync(b.records, url, tb)
        assert second_b.sent == 1
        for kind in SPECS:  # customers and products wait as proposals (test_sync_proposals.py)
            assert _count(hq, kind) == (0 if kind in SHARED_KINDS else made[kind] + (kind == "complaint")), kind
        assert sorted(p.kind for p in list_proposals(hq)) == sorted(k for k in SHARED_KINDS for _ in range(made[k]))
        # The photos travelled (by hash) and the records are whole at head office.
        complaint = next(r for r in hq.all_records("complaint") if r.origin == "A1")
        shas = [ph.sha256 for ph in complaint.values.photos["photos"]]
        assert shas and all(hq.photos.holds(sha) for sha in shas)
        assert complaint.version_tag == a.records.get("complaint", complaint.id).version_tag
        # Laptop B does not receive laptop A's records.
        assert b.records.count("complaint") == 1
        with hq.db.session() as s:
            receipts = s.scalar(select(func.count()).select_from(SyncReceipt))
        again = sync(a.records, url, ta)
        assert (again.sent, again.received, again.conflicts) == (0, 0, 0)
        with hq.db.session() as s:
            assert s.scalar(select(func.count()).select_from(SyncReceipt)) == receipts
    a.close()
    b.close()


def _add_user(hq: Any, name: str, role: str) -> None:
    from desktop.storage.server_accounts import add_user

    with hq.db.write() as s:
        add_user(s, name, role, "correct horse battery")


def test_an_approval_at_head_office_arrives_on_the_laptop_with_who_and_when(hq: Any, tmp_path: Path) -> None:
    from desktop.services.sync.decisions import DecisionRefused, decide

    a = laptop(tmp_path, "A1")
    token = token_for(hq, "A1")
    rec = new_complaint(a)
    _add_user(hq, "赵总", "总经理")
    _add_user(hq, "钱员", "售后服务人员")
    with running(hq) as url:
        sync(a.records, url, token)
        with pytest.raises(DecisionRefused):
            decide(hq, "钱员", "complaint", rec.id, "gm", {"gm_decision": "同意"})
        with pytest.raises(DecisionRefused):
            decide(hq, "赵总", "complaint", rec.id, "gm", {"quality_determination": "属于质量问题"})
        decided = decide(hq, "赵总", "complaint", rec.id, "gm", {"gm_decision": "同意"}).record
        assert decided.updated_via == "head-office"
        result = sync(a.records, url, token)
        assert (result.sent, result.received, result.conflicts) == (0, 1, 0)
        here = a.records.get("complaint", rec.id)
        assert here.values.fields["gm_decision"] == "同意" and here.values.fields["gm_name"] == "赵总"
        assert here.values.fields["gm_date"] == hq.clock.today()
        assert here.updated_by == "赵总（总经理）" and here.version_tag == decided.version_tag
        history = a.records.version_history("complaint", rec.id)
        assert any(v.by == "赵总（总经理）" and v.via == "head-office" for v in history)
        # Received as head office has it: nothing goes back, nothing comes again.
        last = sync(a.records, url, token)
        assert (last.sent, last.received, last.conflicts) == (0, 0, 0)
    a.close()


def test_a_record_changed_on_both_sides_becomes_one_conflict_and_nothing_is_overwritten(hq: Any, tmp_path: Path) -> None:
    from desktop.services.sync.decisions import decide

    a = laptop(tmp_path, "A1")
    token = token_for(hq, "A1")
    rec = new_complaint(a)
    _add_user(hq, "孙品", "品质部")
    with running(hq) as url:
        sync(a.records, url, token)
        at_hq = decide(hq, "孙品", "complaint", rec.id, "quality", {"quality_determination": "属于质量问题"}).record
        raw = raw_of(a.records.get("complaint", rec.id))
        raw["reason"] = "本机补充：桶身有裂纹。"
        mine = a.records.update("complaint", rec.id, raw, by="王测试").record
        result = sync(a.records, url, token)
        assert (result.sent, result.received, result.conflicts) == (1, 0, 1)
        assert hq.get("complaint", rec.id).version_tag == at_hq.version_tag  # head office's decision kept
        assert hq.get("complaint", rec.id).values.fields["quality_determination"] == "属于质量问题"
        assert a.records.get("complaint", rec.id).version_tag == mine.version_tag  # the laptop's work kept
        held = list_conflicts(hq)
        assert len(held) == 1 and held[0].record_id == rec.id
        assert list_conflicts(a.records) == []
        again = sync(a.records, url, token)
        assert (again.sent, again.received, again.conflicts) == (0, 0, 0)
        assert len(list_conflicts(hq)) == 1
        # Head office resolves it (here: the laptop's copy); the resolution reaches the laptop.
        resolved = resolve(hq, held[0].id, KEEP_INCOMING, by="孙品").record
        assert resolved.values.fields["reason"] == "本机补充：桶身有裂纹。"
        after = sync(a.records, url, token)
        assert (after.sent, after.received, after.conflicts) == (0, 1, 0)
        assert a.records.get("complaint", rec.id).version_tag == resolved.version_tag
        last = sync(a.records, url, token)
        assert (last.sent, last.received) == (0, 0)
    a.close()


def test_a_signed_record_at_head_office_is_never_replaced(hq: Any, tmp_path: Path) -> None:
    import httpx

    from desktop.services.transfer import dump_records
    from tests.test_versions import STROKES

    a = laptop(tmp_path, "A1")
    token = token_for(hq, "A1")
    rec = new_complaint(a)
    signed = a.records.sign("complaint", rec.id, "complainant", "张丽", STROKES).record
    with running(hq) as url:
        sync(a.records, url, token)
        assert hq.get("complaint", rec.id).signatures
        forged = dump_records(a.records, "complaint", embed_photos=False)[0]
        forged["signatures"] = []
        forged["reason"] = "签字后被改写的内容"
        auth = {"Authorization": f"Bearer {token}"}
        # Under the tag head office already received: recognised by its receipt, changes nothing.
        r = httpx.post(f"{url}/api/v1/records", json={"records": [forged]}, headers=auth)
        assert r.status_code == 200 and r.json()["results"][0]["outcome"] == "unchanged"
        # Claiming to be a newer version: judged, and held as a conflict (it drops the signature).
        last = forged["version_history"][-1]
        forged["version_history"].append({**last, "version": last["version"] + 1, "tag": "f" * 32, "parent": last["tag"]})
        forged["version_tag"], forged["version"] = "f" * 32, forged["version"] + 1
        r = httpx.post(f"{url}/api/v1/records", json={"records": [forged]}, headers=auth)
        assert r.status_code == 200, r.json()
        assert r.json()["results"][0]["outcome"] == "conflict"
        assert [c.reason for c in list_conflicts(hq)] == ["signed"]
    kept = hq.get("complaint", rec.id)
    assert kept.version_tag == signed.version_tag and kept.signatures
    assert kept.values.fields["reason"] == signed.values.fields["reason"]
    a.close()


class _CutAfter:
    """An httpx transport that loses the connection at the n-th batch of records."""

    def __init__(self, n: int) -> None:
        import httpx

        self.inner = httpx.HTTPTransport()
        self.n = n
        self.seen = 0

    def handle_request(self, request: Any) -> Any:
        import httpx

        if request.url.path.endswith("/records"):
            self.seen += 1
            if self.seen == self.n:
                raise httpx.ConnectError("connection lost", request=request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def test_a_sync_cut_off_half_way_goes_on_from_there(hq: Any, tmp_path: Path) -> None:
    import httpx

    a = laptop(tmp_path, "A1")
    token = token_for(hq, "A1")
    for i in range(5):
        new_complaint(a, complainant_name=f"张{i}")
    with running(hq) as url:
        transport = _CutAfter(2)
        with pytest.raises(SyncError, match="无法连接"):
            sync(a.records, url, token, batch=2, transport=httpx.MockTransport(transport.handle_request))
        assert _count(hq, "complaint") == 2
        result = sync(a.records, url, token, batch=2)
        assert (result.sent, result.conflicts) == (3, 0)
        assert _count(hq, "complaint") == 5
        assert sync(a.records, url, token).sent == 0
    a.close()


def test_a_sync_cancelled_while_a_batch_is_on_its_way_remembers_that_batch(hq: Any, tmp_path: Path) -> None:
    """The next batch is read while head office takes one: cancelled then, the batch on its way is
    still answered and remembered, and the next sync sends only the rest."""
    from desktop.services.sync.client import SyncCancelled

    a = laptop(tmp_path, "A1")
    token = token_for(hq, "A1")
    for i in range(5):
        new_complaint(a, complainant_name=f"李{i}")
    asked = []

    def cancel() -> bool:  # the first batch goes; asked again before the second is sent: stop
        asked.append(1)
        return len(asked) > 1

    with running(hq) as url:
        with pytest.raises(SyncCancelled):
            sync(a.records, url, token, batch=2, cancel=cancel)
        assert _count(hq, "complaint") == 2
        result = sync(a.records, url, token, batch=2)
        assert (result.sent, result.conflicts) == (3, 0)
        assert sync(a.records, url, token).sent == 0
    a.close()


class _Counting:
    """An httpx transport that counts picture uploads and loses the connection at the n-th one."""

    def __init__(self, cut_at: int | None = None) -> None:
        import httpx

        self.inner = httpx.HTTPTransport()
        self.cut_at = cut_at
        self.puts = 0

    def handle_request(self, request: Any) -> Any:
        import httpx

        if request.method == "PUT" or request.url.path.endswith("/photos/batch"):  # one upload request
            self.puts += 1
            if self.puts == self.cut_at:
                raise httpx.ReadTimeout("timed out", request=request)
        return self.inner.handle_request(request)


def test_a_photo_upload_interrupted_is_finished_by_the_next_sync_each_photo_once(
        hq: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import httpx

    from desktop.services.sync import client

    monkeypatch.setattr(client, "PHOTO_BATCH", 1)  # one picture per upload request, to cut between two

    a = laptop(tmp_path, "A1")
    token = token_for(hq, "A1")
    objs = []
    for i in range(3):
        obj = example_object("complaint", TODAY)
        obj["photos"] = [{"filename": f"p{i}.png", "caption": "", "content_base64": _png_b64(i)},
                         {"filename": "same.png", "caption": "每条记录都有的同一张", "content_base64": _png_b64(99)}]
        objs.append(obj)
    import_records(a.records, objs)
    with running(hq) as url:
        cut = _Counting(cut_at=2)
        with pytest.raises(SyncError, match="无法连接"):
            sync(a.records, url, token, transport=httpx.MockTransport(cut.handle_request))
        assert _count(hq, "complaint") == 0  # a record is there only with its photos
        assert len(hq.photos.missing([_sha(i) for i in (0, 1, 2, 99)])) == 3
        again = _Counting()
        result = sync(a.records, url, token, transport=httpx.MockTransport(again.handle_request))
        assert result.sent == a.records.count("complaint") + a.records.count("followup")
        assert again.puts == 3  # the three still missing, each once (the shared one too)
        assert hq.photos.missing([_sha(i) for i in (0, 1, 2, 99)]) == []
        for rec in hq.all_records("complaint"):
            assert all(hq.photos.holds(ph.sha256) for ph in rec.values.photos["photos"])
    a.close()


def _png_bytes(i: int) -> bytes:
    import hashlib

    return b"\x89PNG\r\n\x1a\n" + hashlib.sha256(str(i).encode()).digest() * 8


def _png_b64(i: int) -> str:
    import base64

    return base64.b64encode(_png_bytes(i)).decode("ascii")


def _sha(i: int) -> str:
    import hashlib

    return hashlib.sha256(_png_bytes(i)).hexdigest()


def test_the_same_batch_sent_twice_changes_nothing(hq: Any, tmp_path: Path) -> None:
    import httpx

    from desktop.services.transfer import dump_records
    from desktop.storage.schema import RecordVersion

    a = laptop(tmp_path, "A1")
    token = token_for(hq, "A1")
    new_complaint(a)
    new_complaint(a, complainant_name="李四")
    batch = dump_records(a.records, "complaint", embed_photos=False)
    with running(hq) as url:
        post = {"json": {"records": batch}, "headers": {"Authorization": f"Bearer {token}"}}
        first = httpx.post(f"{url}/api/v1/records", **post).json()["results"]
        assert [r["outcome"] for r in first] == ["created", "created"]
        with hq.db.session() as s:
            versions = s.scalar(select(func.count()).select_from(RecordVersion))
        tags = {r.id: (r.version, r.version_tag) for r in hq.all_records("complaint")}
        second = httpx.post(f"{url}/api/v1/records", **post).json()["results"]
        assert [r["outcome"] for r in second] == ["unchanged", "unchanged"]
        assert {r.id: (r.version, r.version_tag) for r in hq.all_records("complaint")} == tags
        with hq.db.session() as s:
            assert s.scalar(select(func.count()).select_from(RecordVersion)) == versions
    a.close()


def test_a_revoked_or_unknown_token_is_refused(hq: Any, tmp_path: Path) -> None:
    a = laptop(tmp_path, "A1")
    token = token_for(hq, "A1")
    new_complaint(a)
    with running(hq) as url:
        with hq.db.write() as s:
            revoke_laptop(s, "A1")
        with pytest.raises(SyncError, match="吊销"):
            sync(a.records, url, token)
        with pytest.raises(SyncError, match="令牌无效"):
            sync(a.records, url, token[:-3] + "xyz")
    assert _count(hq, "complaint") == 0
    a.close()


def test_a_laptop_cannot_write_another_laptops_record(hq: Any, tmp_path: Path) -> None:
    import httpx

    from desktop.services.transfer import dump_records

    a, b = laptop(tmp_path, "A1"), laptop(tmp_path, "B2")
    ta, tb = token_for(hq, "A1"), token_for(hq, "B2")
    rec = new_complaint(a)
    with running(hq) as url:
        theirs = dump_records(a.records, "complaint", embed_photos=False)
        r = httpx.post(f"{url}/api/v1/records", json={"records": theirs}, headers={"Authorization": f"Bearer {tb}"})
        assert r.status_code == 403 and "不能写入" in r.json()["error"]
        assert _count(hq, "complaint") == 0
        sync(a.records, url, ta)
        # The same record renumbered as B's: head office knows it is A's.
        theirs[0]["number"] = theirs[0]["number"].replace("-A1-", "-B2-")
        theirs[0]["origin"] = "B2"
        r = httpx.post(f"{url}/api/v1/records", json={"records": theirs}, headers={"Authorization": f"Bearer {tb}"})
        assert r.status_code == 403 and "A1" in r.json()["error"]
        assert hq.get("complaint", rec.id).number == rec.number
        # B neither receives A's records nor may fetch them.
        r = httpx.post(f"{url}/api/v1/fetch", json={"ids": [["complaint", rec.id]]},
                       headers={"Authorization": f"Bearer {tb}"})
        assert r.status_code == 200 and r.json()["records"] == []
    a.close()
    b.close()


def test_bad_requests_are_refused_with_a_message_and_nothing_written(hq: Any, tmp_path: Path) -> None:
    import hashlib

    import httpx

    from desktop.services.transfer import dump_records

    a = laptop(tmp_path, "A1")
    token = token_for(hq, "A1")
    new_complaint(a)
    auth = {"Authorization": f"Bearer {token}"}
    with running(hq) as url:
        r = httpx.post(f"{url}/api/v1/records", content=b"{not json", headers=auth)
        assert r.status_code == 400 and r.json()["error"]
        r = httpx.post(f"{url}/api/v1/records", content=b"[" * 100 + b"]" * 100, headers=auth)
        assert r.status_code == 400
        bad = dump_records(a.records, "complaint", embed_photos=False)
        bad[0]["received_date"] = "not a date"
        r = httpx.post(f"{url}/api/v1/records", json={"records": bad}, headers=auth)
        assert r.status_code == 400 and "received_date" in r.json()["error"]
        assert _status_of_huge_request(url, token) == 413
        png = b"\x89PNG\r\n\x1a\n" + b"0" * 20
        r = httpx.put(f"{url}/api/v1/photos/{'0' * 64}", content=png, headers=auth)
        assert r.status_code == 400 and "不符" in r.json()["error"]
        r = httpx.put(f"{url}/api/v1/photos/{hashlib.sha256(b'text').hexdigest()}", content=b"text", headers=auth)
        assert r.status_code == 400
        r = httpx.get(f"{url}/api/v1/photos/..%2F..%2Fetc%2Fpasswd", headers=auth)
        assert r.status_code in (400, 404)
        r = httpx.get(f"{url}/api/v1/hello")
        assert r.status_code == 401
    assert _count(hq, "complaint") == 0
    a.close()


def _status_of_huge_request(url: str, token: str) -> int:
    """A request announcing a 1 GiB body (refused from its headers, before anything is read)."""
    import socket

    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall((f"POST /api/v1/records HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n"
                      f"Content-Type: application/json\r\nContent-Length: {1 << 30}\r\n\r\n{{").encode())
        head = sock.recv(200).decode("latin-1")
    return int(head.split()[1])


@pytest.mark.parametrize("status, body", [(200, b"[1, 2]"), (200, b"<html>proxy</html>"), (502, b"[\"bad gateway\"]"),
                                          (200, b'{"laptop": "ZZ"}')])
def test_an_answer_that_makes_no_sense_is_a_message_not_a_traceback(tmp_path: Path, status: int, body: bytes) -> None:
    import httpx

    a = laptop(tmp_path, "A1")
    new_complaint(a)
    transport = httpx.MockTransport(lambda request: httpx.Response(status, content=body))
    with pytest.raises(SyncError):
        sync(a.records, "http://head-office.invalid", "A1.token", transport=transport)
    a.close()
