"""The gaps of issue 12's sync closed by issue-12c (docs/sync.md): a laptop downloads only the
pictures of records it may see; a deleted draft does not live on at head office (tombstones); a
merged or rejected proposal reaches the laptop; verify at head office."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop.services.demo import example_object
from desktop.services.sync.client import sync
from desktop.services.transfer import import_records
from tests.support import TODAY
from tests.sync_helpers import head_office, laptop, new_complaint, running, token_for


@pytest.fixture
def hq(pg_url: str) -> Any:
    service = head_office(pg_url)
    yield service
    service.db.dispose()


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
