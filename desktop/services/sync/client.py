"""One sync of a laptop with head office over HTTP (httpx): send what is new, then receive what head
office has that the laptop has not seen.

1. ``hello``: the token is valid, and is this laptop's (its code is the one in its record numbers);
   the laptop's certificate and settings when they changed (``profiles``: verify at head office);
   head office's decisions on the customers and products this laptop proposed (``register_notes``:
   a merged one is replaced here by head office's entry, a rejected one marked);
2. in batches of :data:`BATCH` own records: the pictures head office lacks (by content hash, each
   once), then the records; the answer is remembered after each batch (``laptop.note_sent``), so a
   sync cut off goes on from there;
3. the drafts deleted here since they were synced (``tombstones``): head office deletes its copy
   where the retention rules allow, or keeps it and says why (the record then comes back here);
4. ``new``: what head office has for this laptop; fetched in batches, pictures first, and applied
   through the JSON import's judgement (``laptop.apply_received``).

Nothing new costs two small requests and no record loaded on either side.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import orjson

from ...domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from .. import gc_pacing
from ..records import RecordService
from . import laptop as lap
from . import profiles, register_notes, tombstones

BATCH = 200
PHOTO_BATCH = 200  # pictures in one POST /photos/batch (the server takes up to 500)
PHOTO_BATCH_BYTES = 8 << 20  # their bytes (the server's body limit is 32 MB of base64); a bigger picture goes by PUT
TIMEOUT = 120.0


class SyncError(Exception):
    """The sync could not run (server down, token refused, an answer that makes no sense); for the user."""


class SyncCancelled(SyncError):
    """The user stopped the sync between two batches; what went through is kept, the next sync goes on."""


def _check(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise SyncCancelled(QT_TRANSLATE_NOOP(MESSAGES, "同步已取消：已完成的批次已保存，下次同步从这里继续"))


@functools.cache
def _tls() -> Any:
    """The TLS settings of every sync (certificates checked as httpx checks them), made once per
    run: loading the certificate authorities costs each new client about 0.1 s."""
    import httpx

    return httpx.create_ssl_context()


def _client(server: str, token: str, transport: Any = None) -> Any:
    import httpx

    return httpx.Client(base_url=server.rstrip("/"), headers={"Authorization": f"Bearer {token}"}, verify=_tls(),
                        timeout=TIMEOUT, transport=transport)


def _call(http: Any, method: str, path: str, **kw: Any) -> Any:
    import httpx

    from .http_server import API

    if "json" in kw:  # the laptop's own values (text, whole numbers, no NaN): orjson writes them as json would
        kw["content"] = orjson.dumps(kw.pop("json"))
        kw["headers"] = {**kw.get("headers", {}), "Content-Type": "application/json"}
    try:
        r = http.request(method, API + path, **kw)
    except httpx.HTTPError as e:
        raise SyncError(QT_TRANSLATE_NOOP(MESSAGES, "无法连接总部服务器 {url}：{error}").format(
            url=str(http.base_url), error=str(e) or type(e).__name__)) from e
    if r.status_code >= 400:
        try:
            message = r.json().get("error") or r.text
        except (ValueError, AttributeError):
            message = r.text[:200]
        raise SyncError(QT_TRANSLATE_NOOP(MESSAGES, "总部拒绝了同步（{status}）：{message}").format(
            status=r.status_code, message=message))
    return r


def _answer(r: Any) -> dict[str, Any]:
    """The JSON object head office answered, or :class:`SyncError` (a proxy's error page, a stranger)."""
    try:
        data = orjson.loads(r.content)
    except ValueError:  # orjson.JSONDecodeError too: not JSON, or a number beyond 64 bits
        data = None
    if not isinstance(data, dict):
        raise SyncError(QT_TRANSLATE_NOOP(MESSAGES, "总部的回答无法识别"))
    return data


def sync(service: RecordService, server: str, token: str, *, progress: Callable[[str, int, int], None] | None = None,
         transport: Any = None, batch: int = BATCH, cancel: Callable[[], bool] | None = None) -> lap.SyncResult:
    """One whole sync (see the module text); :class:`SyncError` when it could not run.  ``cancel``
    is asked between batches: when it says so, :class:`SyncCancelled` is raised there (every batch
    that went through is remembered, so the next sync goes on from that point)."""
    with gc_pacing.fewer_collections():
        return _sync(service, server, token, progress, transport, batch, cancel)


def _sync(service: RecordService, server: str, token: str, progress: Callable[[str, int, int], None] | None,
          transport: Any, batch: int, cancel: Callable[[], bool] | None) -> lap.SyncResult:
    result = lap.SyncResult()
    state = lap.local_state(service)
    with _client(server, token, transport) as http:
        hello = _answer(_call(http, "GET", "/hello"))
        if hello.get("laptop") != state.code:
            raise SyncError(QT_TRANSLATE_NOOP(MESSAGES, "令牌属于本机代码 {theirs}，而本机代码是 {ours}；请在设置中改正本机代码或使用本机的令牌")
                            .format(theirs=str(hello.get("laptop"))[:8], ours=state.code))
        changed = profiles.changed(service)  # the certificate and settings verify needs at head office
        if changed is not None:
            _call(http, "POST", "/profile", json={"profile": changed})
            profiles.note_sent(service, changed)
        if _take_decisions(service, http, state.code, result, batch):  # before sending: a merge's changes go now
            state = lap.local_state(service)
        _send_all(service, http, state, result, batch, progress, cancel)
        _check(cancel)
        _send_deletions(service, http, state.deletions, result)
        state = lap.local_state(service)
        wanted = _answer(_call(http, "POST", "/new", json={"known": state.known})).get("records")
        if not isinstance(wanted, list):
            raise SyncError(QT_TRANSLATE_NOOP(MESSAGES, "总部的回答无法识别"))
        for start in range(0, len(wanted), batch):
            _check(cancel)
            chunk = [item[:2] for item in wanted[start:start + batch] if isinstance(item, list) and len(item) >= 2]
            objs = _answer(_call(http, "POST", "/fetch", json={"ids": chunk})).get("records") or []
            if not isinstance(objs, list) or not all(isinstance(o, dict) and isinstance(o.get("id"), str) for o in objs):
                raise SyncError(QT_TRANSLATE_NOOP(MESSAGES, "总部的回答无法识别"))
            _receive_photos(service, http, lap.photo_refs(objs))
            got = lap.apply_received(service, objs, QT_TRANSLATE_NOOP(MESSAGES, "总部同步"))
            result.received += got.received
            result.conflicts += got.conflicts
            result.refused += got.refused
            if progress:
                progress("receive", min(start + batch, len(wanted)), len(wanted))
    return result


def _send_all(service: RecordService, http: Any, state: lap.LocalState, result: lap.SyncResult, batch: int,
              progress: Callable[[str, int, int], None] | None, cancel: Callable[[], bool] | None) -> None:
    """Every own record not yet delivered as it is, by the batch.  While head office takes one batch
    (its pictures, then its records), the next is read from the database here: the laptop's work
    and head office's overlap instead of waiting on each other.  A batch is remembered as
    delivered (``laptop.note_sent``) only once head office answered it, in order, so a sync cut off
    or cancelled goes on from the first batch without an answer."""
    from concurrent.futures import Future, ThreadPoolExecutor

    def deliver(objs: list[dict[str, Any]]) -> list[Any]:  # on the worker thread: HTTP and picture files only
        _send_photos(service, http, lap.photo_refs(objs))
        results = _answer(_call(http, "POST", "/records", json={"records": objs})).get("results")
        if not isinstance(results, list):
            raise SyncError(QT_TRANSLATE_NOOP(MESSAGES, "总部的回答无法识别"))
        return results

    done = 0

    def answered(objs: list[dict[str, Any]], future: Future[list[Any]]) -> None:
        nonlocal done
        sent = lap.note_sent(service, objs, future.result())
        result.sent += sent.sent
        result.conflicts += sent.conflicts
        done += len(objs)
        if progress:
            progress("send", done, state.sending)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-send") as pool:
        pending: tuple[list[dict[str, Any]], Future[list[Any]]] | None = None
        try:
            for ids in lap.batches(state.to_send, batch):
                _check(cancel)
                objs = lap.dump_batch(service, ids, embed_photos=False)  # the database: this thread only
                if pending is not None:
                    last, pending = pending, None
                    answered(*last)
                pending = (objs, pool.submit(deliver, objs))
            if pending is not None:
                last, pending = pending, None
                answered(*last)
        finally:
            if pending is not None:  # stopped meanwhile (cancelled, or this thread failed): the batch on its way
                try:
                    answered(*pending)
                except SyncError:
                    pass  # the reason this sync stops is already on its way up


def _send_deletions(service: RecordService, http: Any, items: list[dict[str, str]], result: lap.SyncResult) -> None:
    """The drafts deleted here since they were synced (``tombstones``); each answered one forgotten."""
    for start in range(0, len(items), 500):
        results = _answer(_call(http, "POST", "/deletions", json={"deletions": items[start:start + 500]})).get("results")
        if not isinstance(results, list):
            raise SyncError(QT_TRANSLATE_NOOP(MESSAGES, "总部的回答无法识别"))
        result.deleted += sum(1 for r in results if isinstance(r, dict) and r.get("outcome") == tombstones.DELETED)
        result.notes += tombstones.note_answered(service, results)


def _take_decisions(service: RecordService, http: Any, code: str, result: lap.SyncResult, batch: int) -> bool:
    """Head office's decisions on the customers and products this laptop proposed (``register_notes``):
    asked only while some are undecided here; a merge's head-office entry fetched with its pictures.
    Whether anything was taken in."""
    ids = register_notes.asking(service, code)
    if not ids:
        return False
    decisions = _answer(_call(http, "POST", "/proposals", json={"ids": ids})).get("decisions")
    if not isinstance(decisions, list):
        raise SyncError(QT_TRANSLATE_NOOP(MESSAGES, "总部的回答无法识别"))
    targets: list[dict[str, Any]] = []
    wanted = register_notes.wanted_targets(service, decisions)
    for start in range(0, len(wanted), batch):
        objs = _answer(_call(http, "POST", "/fetch", json={"ids": wanted[start:start + batch]})).get("records") or []
        if not isinstance(objs, list) or not all(isinstance(o, dict) and isinstance(o.get("id"), str) for o in objs):
            raise SyncError(QT_TRANSLATE_NOOP(MESSAGES, "总部的回答无法识别"))
        _receive_photos(service, http, lap.photo_refs(objs))
        targets += objs
    received, said = register_notes.apply_decisions(service, decisions, targets, QT_TRANSLATE_NOOP(MESSAGES, "总部同步"))
    result.received += received
    result.notes += said
    return bool(said)


def _send_photos(service: RecordService, http: Any, shas: set[str]) -> None:
    if not shas:
        return
    missing = _answer(_call(http, "POST", "/photos/missing", json={"sha256": sorted(shas)})).get("missing") or []
    import base64

    chunk: list[dict[str, str]] = []
    size = 0

    def flush() -> None:
        nonlocal chunk, size
        if chunk:
            _call(http, "POST", "/photos/batch", json={"photos": chunk})
        chunk, size = [], 0

    for sha in missing:
        if sha not in shas:
            continue
        try:
            data = service.photos.read(sha)
        except OSError as e:
            raise SyncError(QT_TRANSLATE_NOOP(MESSAGES, "本机缺少图片 {sha}（photos 文件夹），无法同步；请从备份恢复该图片").format(
                sha=sha)) from e
        if len(data) > PHOTO_BATCH_BYTES:  # alone, by the one-picture route
            _call(http, "PUT", f"/photos/{sha}", content=data, headers={"Content-Type": "application/octet-stream"})
            continue
        if len(chunk) >= PHOTO_BATCH or size + len(data) > PHOTO_BATCH_BYTES:
            flush()
        chunk.append({"sha256": sha, "content_base64": base64.b64encode(data).decode("ascii")})
        size += len(data)
    flush()


def _receive_photos(service: RecordService, http: Any, shas: set[str]) -> None:
    import hashlib

    from ...storage.photos import PhotoError

    for sha in sorted(shas):
        if service.photos.holds(sha):
            continue
        try:
            data = _call(http, "GET", f"/photos/{sha}").content
        except SyncError:
            continue  # not at head office either: a signature's picture is drawn again from its strokes,
            # and a photo the import needs is refused there with a message naming the record
        if hashlib.sha256(data).hexdigest() != sha:
            raise SyncError(QT_TRANSLATE_NOOP(MESSAGES, "总部发来的图片 {sha} 与其哈希不符").format(sha=sha))
        try:
            service.photos.add_bytes(data, f"{sha}.bin")
        except PhotoError as e:
            raise SyncError(str(e)) from e
