"""The head office's sync service: a small HTTP API (Starlette) over :mod:`.hub`, run by uvicorn
(``aftersales-desk server run``), meant to sit behind a reverse proxy that does TLS (docs/sync.md).

Every request carries ``Authorization: Bearer <laptop token>``; an unknown token is refused (401),
a revoked one too (403).  Request bodies are untrusted: their size is bounded before they are read,
their JSON goes through ``services.trust.decode_json`` and their records through the JSON import's
checks; a refused request writes nothing and answers ``{"error": "<Chinese message>", "problems":
[…]}``.

    GET  /api/v1/hello                  → {"laptop": code, "head_office": "HQ"}
    POST /api/v1/photos/missing         {"sha256": [...]} → {"missing": [...]}
    POST /api/v1/photos/batch           {"photos": [{"sha256", "content_base64"}]} → {"stored": [...]} (many pictures at once)
    PUT  /api/v1/photos/{sha256}        the picture's bytes (checked against the hash)
    GET  /api/v1/photos/{sha256}        the picture's bytes, if a record this laptop may see names it
    POST /api/v1/records                {"records": [dump objects]} → {"results": [...]}
    POST /api/v1/deletions          {"deletions": [{"kind", "id", "seen"}]} → {"results": [...]} (tombstones)
    POST /api/v1/proposals          {"ids": [own register entries]} → {"decisions": [...]} (accepted/merged/rejected)
    POST /api/v1/profile            {"profile": {"certificate", "settings"}} (for verify at head office)
    POST /api/v1/new                    {"known": {id: [tag, seen]}} → {"records": [[kind, id, tag]]}
    POST /api/v1/fetch                  {"ids": [[kind, id]]} → {"records": [dump objects]}
"""

from __future__ import annotations

import hashlib
import threading
from typing import Any

from ...domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ...storage.photos import PhotoError
from ...storage.server_accounts import HEAD_OFFICE_CODE, REVOKED, laptop_of_token, note_uploads
from ..records import RecordService
from ..transfer import ImportFailed
from ..trust import SHA256_RE, UntrustedFile, decode_json
from . import hub, profiles, proposals, tombstones
from .photo_access import may_download, to_ask_for

API = "/api/v1"
MAX_JSON_BODY = 64 << 20  # a batch of records without their photos
MAX_PHOTO = 48 << 20  # one picture (as services.trust allows in a file)
MAX_PHOTO_BATCH = 500  # pictures in one POST /photos/batch
MAX_PHOTO_BATCH_BODY = 32 << 20  # its body (base64 in JSON); a bigger picture goes alone by PUT


def make_app(service: RecordService) -> Any:
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    lock = threading.Lock()  # one database operation at a time in this process (writes hold an advisory lock)

    def guarded(fn: Any, *args: Any) -> Any:
        with lock:
            return fn(*args)

    async def call(fn: Any, *args: Any) -> Any:
        return await run_in_threadpool(guarded, fn, *args)

    def error(status: int, message: str, problems: list[str] | None = None) -> JSONResponse:
        return JSONResponse({"error": message, "problems": problems or []}, status_code=status)

    async def laptop(request: Request) -> str:
        header = request.headers.get("authorization", "")
        token = header[7:].strip() if header.lower().startswith("bearer ") else ""
        if not token:
            raise hub.Refused(401, QT_TRANSLATE_NOOP(MESSAGES, "缺少本机令牌"))

        def check() -> tuple[str | None, str]:
            with service.db.session() as s:
                return laptop_of_token(s, token)

        code, why = await call(check)
        if code is None:
            if why == REVOKED:
                raise hub.Refused(403, QT_TRANSLATE_NOOP(MESSAGES, "本机令牌已被总部吊销，请向总部申请新的令牌"))
            raise hub.Refused(401, QT_TRANSLATE_NOOP(MESSAGES, "本机令牌无效"))
        return code

    async def body(request: Request, limit: int) -> bytes:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            raise hub.Refused(413, QT_TRANSLATE_NOOP(MESSAGES, "请求过大（最多 {max} MB）").format(max=limit >> 20))
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise hub.Refused(413, QT_TRANSLATE_NOOP(MESSAGES, "请求过大（最多 {max} MB）").format(max=limit >> 20))
            chunks.append(chunk)
        return b"".join(chunks)

    async def json_body(request: Request, key: str) -> Any:
        try:
            data = decode_json(await body(request, MAX_JSON_BODY))
        except UntrustedFile as e:
            raise hub.Refused(400, str(e)) from e
        if not isinstance(data, dict) or key not in data:
            raise hub.Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "请求应为含 {key} 的 JSON 对象").format(key=key))
        return data[key]

    def endpoint(fn: Any) -> Any:
        async def run(request: Request) -> Response:
            try:
                return await fn(request)
            except hub.Refused as e:
                return error(e.status, e.message, e.problems)
            except ImportFailed as e:
                lines = [line for p in e.problems for line in p.lines()]
                return error(400, QT_TRANSLATE_NOOP(MESSAGES, "记录未通过检查，本批未写入：{first}").format(
                    first=lines[0] if lines else ""), lines[:50])
        return run

    @endpoint
    async def hello(request: Request) -> Response:
        return JSONResponse({"laptop": await laptop(request), "head_office": HEAD_OFFICE_CODE})

    def sha_of(request: Request) -> str:
        sha = request.path_params["sha"]
        if not SHA256_RE.match(sha):
            raise hub.Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "图片引用无效：应为 64 位十六进制的 SHA-256"))
        return sha

    @endpoint
    async def photos_missing(request: Request) -> Response:
        code = await laptop(request)
        shas = await json_body(request, "sha256")
        if not isinstance(shas, list) or len(shas) > 100_000 or not all(
                isinstance(x, str) and SHA256_RE.match(x) for x in shas):
            raise hub.Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "图片引用无效：应为 64 位十六进制的 SHA-256"))
        return JSONResponse({"missing": await call(to_ask_for, service, code, shas)})

    def noted(code: str, shas: list[str]) -> None:
        with service.db.write() as s:
            note_uploads(s, code, shas)

    @endpoint
    async def photo_put(request: Request) -> Response:
        code = await laptop(request)
        sha = sha_of(request)
        data = await body(request, MAX_PHOTO)
        if hashlib.sha256(data).hexdigest() != sha:
            raise hub.Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "图片内容与 sha256 不符"))
        try:
            await call(service.photos.add_bytes, data, f"{sha}.bin")
        except PhotoError as e:
            raise hub.Refused(400, str(e)) from e
        await call(noted, code, [sha])
        return JSONResponse({"stored": sha})

    def batch_pictures(items: Any) -> list[tuple[str, bytes]]:
        """Every picture of a batch checked (shape, hash name, bytes against it, a picture at all)
        before any is stored: a bad one and none of the batch is written."""
        import base64
        import binascii

        from ...storage.photos import sniff_media_type

        if not isinstance(items, list) or len(items) > MAX_PHOTO_BATCH:
            raise hub.Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "photos 应为至多 {max} 张图片的数组").format(
                max=MAX_PHOTO_BATCH))
        out = []
        for item in items:
            sha = item.get("sha256") if isinstance(item, dict) else None
            text = item.get("content_base64") if isinstance(item, dict) else None
            if not isinstance(sha, str) or not SHA256_RE.match(sha):
                raise hub.Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "图片引用无效：应为 64 位十六进制的 SHA-256"))
            try:
                data = base64.b64decode(text, validate=True) if isinstance(text, str) else None
            except (binascii.Error, ValueError):
                data = None
            if data is None:
                raise hub.Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "图片 {sha} 的 content_base64 无效").format(sha=sha))
            if hashlib.sha256(data).hexdigest() != sha:
                raise hub.Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "图片内容与 sha256 不符"))
            try:
                sniff_media_type(data, f"{sha}.bin")
            except PhotoError as e:
                raise hub.Refused(400, str(e)) from e
            out.append((sha, data))
        return out

    def store_pictures(pictures: list[tuple[str, bytes]]) -> list[str]:
        add_many = getattr(service.photos, "add_many", None)  # head office's database store: one statement
        if add_many is not None:
            return add_many([data for _sha, data in pictures])
        for sha, data in pictures:
            service.photos.add_bytes(data, f"{sha}.bin")
        return [sha for sha, _ in pictures]

    @endpoint
    async def photo_batch(request: Request) -> Response:
        code = await laptop(request)
        try:
            data = decode_json(await body(request, MAX_PHOTO_BATCH_BODY))
        except UntrustedFile as e:
            raise hub.Refused(400, str(e)) from e
        if not isinstance(data, dict) or "photos" not in data:
            raise hub.Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "请求应为含 {key} 的 JSON 对象").format(key="photos"))
        pictures = batch_pictures(data["photos"])
        try:
            stored = await call(store_pictures, pictures)
        except PhotoError as e:
            raise hub.Refused(400, str(e)) from e
        await call(noted, code, stored)
        return JSONResponse({"stored": stored})

    @endpoint
    async def photo_get(request: Request) -> Response:
        code = await laptop(request)
        sha = sha_of(request)
        # Only a picture a record this laptop may see names (photo_access); any other is answered
        # as one head office does not have, so the answer reveals nothing.
        absent = hub.Refused(404, QT_TRANSLATE_NOOP(MESSAGES, "总部没有这张图片"))
        if not await call(may_download, service, code, sha):
            raise absent
        try:
            data = await call(service.photos.read, sha)
        except (FileNotFoundError, PhotoError):
            raise absent from None
        return Response(data, media_type="application/octet-stream")

    def answering(key: str, fn: Any, answer: str) -> Any:
        """An endpoint that passes the laptop and the request's ``key`` to ``fn(service, code, value)``
        and answers ``{answer: what fn returned}``."""
        @endpoint
        async def run(request: Request) -> Response:
            code = await laptop(request)
            value = await json_body(request, key)
            return JSONResponse({answer: await call(fn, service, code, value)})
        return run

    records = answering("records", hub.receive_batch, "results")
    deletions = answering("deletions", tombstones.receive_deletions, "results")
    proposal_decisions = answering("ids", proposals.decisions_for, "decisions")
    new = answering("known", hub.whats_new, "records")

    @endpoint
    async def profile(request: Request) -> Response:
        code = await laptop(request)
        await call(profiles.receive, service, code, await json_body(request, "profile"))
        return JSONResponse({"stored": code})

    @endpoint
    async def fetch(request: Request) -> Response:
        code = await laptop(request)
        ids = await json_body(request, "ids")
        if isinstance(ids, list) and len(ids) > hub.MAX_BATCH:
            raise hub.Refused(413, QT_TRANSLATE_NOOP(MESSAGES, "一次最多 {max} 条记录").format(max=hub.MAX_BATCH))
        return JSONResponse({"records": await call(hub.fetch, service, code, ids)})

    routes = [
        Route(f"{API}/hello", hello, methods=["GET"]),
        Route(f"{API}/photos/missing", photos_missing, methods=["POST"]),
        Route(f"{API}/photos/batch", photo_batch, methods=["POST"]),
        Route(f"{API}/photos/{{sha}}", photo_put, methods=["PUT"]),
        Route(f"{API}/photos/{{sha}}", photo_get, methods=["GET"]),
        Route(f"{API}/records", records, methods=["POST"]),
        Route(f"{API}/deletions", deletions, methods=["POST"]),
        Route(f"{API}/proposals", proposal_decisions, methods=["POST"]),
        Route(f"{API}/profile", profile, methods=["POST"]),
        Route(f"{API}/new", new, methods=["POST"]),
        Route(f"{API}/fetch", fetch, methods=["POST"]),
    ]
    return Starlette(routes=routes)


def warm_up() -> None:
    """What the first sync would otherwise pay, done as the service starts (about 2 s): pypinyin's
    dictionaries (every record received is indexed by its names' pinyin) and the ORM mappings of
    every record table (a batch is checked against all eleven); then the cycle collector is paced for
    bulk work (``services.gc_pacing``)."""
    from sqlalchemy.orm import configure_mappers

    from ...storage.schema import MODELS
    from .. import gc_pacing
    from ..lookup import load_pinyin

    load_pinyin()
    for kind in MODELS:
        MODELS[kind]  # mapped when first asked for
    configure_mappers()
    gc_pacing.for_a_service()


def serve(service: RecordService, host: str, port: int) -> None:
    """Run the service until interrupted (uvicorn; proxy headers trusted from the local proxy only)."""
    import uvicorn

    warm_up()
    uvicorn.run(make_app(service), host=host, port=port, log_level="warning", proxy_headers=True,
                forwarded_allow_ips="127.0.0.1")
