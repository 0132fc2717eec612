"""The first sync's fast paths (issue 12, speed): pictures uploaded many to a request, the laptop's
``sync_state`` written by the batch; the same outcome as the one-by-one ways."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.services.demo import example_object
from desktop.services.sync.client import sync
from desktop.services.transfer import import_records
from desktop.storage.server_accounts import SyncState
from tests.support import TODAY
from tests.sync_helpers import laptop, running, token_for


def _png(i: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + hashlib.sha256(f"bulk{i}".encode()).digest() * 4


def _item(data: bytes, sha: str | None = None) -> dict[str, str]:
    return {"sha256": sha or hashlib.sha256(data).hexdigest(), "content_base64": base64.b64encode(data).decode()}


def test_photo_batch_route_stores_checked_pictures_and_refuses_a_bad_batch_whole(hq: Any, tmp_path: Path) -> None:
    import httpx

    from desktop.services.sync.http_server import MAX_PHOTO_BATCH

    auth = {"Authorization": f"Bearer {token_for(hq, 'A1')}"}
    good = [_png(i) for i in range(3)]
    shas = [hashlib.sha256(d).hexdigest() for d in good]
    with running(hq) as url:
        route = f"{url}/api/v1/photos/batch"
        assert httpx.post(route, json={"photos": [_item(d) for d in good]}).status_code == 401  # no token
        # One picture whose bytes are not its name: nothing of the batch stored.
        bad = [_item(good[0]), _item(_png(10), sha=hashlib.sha256(b"other").hexdigest())]
        r = httpx.post(route, json={"photos": bad}, headers=auth)
        assert r.status_code == 400 and "不符" in r.json()["error"]
        assert sorted(hq.photos.missing(shas)) == sorted(shas)
        text = b"not a picture at all"
        for photos in ([_item(text)],  # bytes match the hash, but no picture
                       [{"sha256": "../../etc/passwd", "content_base64": "AA=="}],
                       [{"sha256": shas[0], "content_base64": "***"}],
                       [{"sha256": shas[0]}], ["x"], "x",
                       [_item(good[0])] * (MAX_PHOTO_BATCH + 1)):
            r = httpx.post(route, json={"photos": photos}, headers=auth)
            assert r.status_code == 400 and r.json()["error"], photos
        assert httpx.post(route, content=b"{not json", headers=auth).status_code == 400
        assert httpx.post(route, json={"pictures": []}, headers=auth).status_code == 400
        assert sorted(hq.photos.missing(shas)) == sorted(shas)
        r = httpx.post(route, json={"photos": [_item(d) for d in good]}, headers=auth)
        assert r.status_code == 200 and r.json()["stored"] == shas
        assert hq.photos.missing(shas) == [] and all(hq.photos.holds(s) for s in shas)
        # The one-picture route still works (older laptops).
        one = _png(20)
        sha = hashlib.sha256(one).hexdigest()
        assert httpx.put(f"{url}/api/v1/photos/{sha}", content=one, headers=auth).status_code == 200
        assert hq.photos.holds(sha)


class _Requests:
    def __init__(self) -> None:
        import httpx

        self.inner = httpx.HTTPTransport()
        self.paths: list[str] = []

    def handle_request(self, request: Any) -> Any:
        self.paths.append(f"{request.method} {request.url.path}")
        return self.inner.handle_request(request)


def test_sync_uploads_pictures_by_the_batch_and_a_big_one_alone(hq: Any, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import httpx

    from desktop.services.sync import client

    monkeypatch.setattr(client, "PHOTO_BATCH_BYTES", 1000)  # the big picture below goes by PUT
    a = laptop(tmp_path, "A1")
    token = token_for(hq, "A1")
    objs = []
    big = b"\x89PNG\r\n\x1a\n" + b"\x01" * 2000
    for i in range(5):
        obj = example_object("complaint", TODAY)
        obj["photos"] = [{"filename": f"p{i}.png", "caption": "", "content_base64": base64.b64encode(_png(i)).decode()}]
        if i == 0:
            obj["photos"].append({"filename": "big.png", "caption": "", "content_base64": base64.b64encode(big).decode()})
        objs.append(obj)
    import_records(a.records, objs)
    with running(hq) as url:
        seen = _Requests()
        result = sync(a.records, url, token, transport=httpx.MockTransport(seen.handle_request))
    uploads = [p for p in seen.paths if p.startswith("PUT") or p.endswith("/photos/batch")]
    assert uploads.count("POST /api/v1/photos/batch") == 1 and len(uploads) == 2, uploads
    assert result.sent == a.records.count("complaint") + a.records.count("followup")
    for rec in hq.all_records("complaint"):
        assert rec.values.photos["photos"] and all(hq.photos.holds(ph.sha256) for ph in rec.values.photos["photos"])
    # sync_state written by the batch: every own record delivered as it is, head office's tag seen.
    with a.records.db.session() as s:
        states = {r.record_id: (r.sent, r.server_tag) for r in s.scalars(select(SyncState))}
    for kind in ("complaint", "followup"):
        for rec in a.records.all_records(kind):
            assert states[rec.id] == (f"{rec.version}:{rec.version_tag}", rec.version_tag), rec.number
    a.close()
