"""Which pictures a laptop may download from head office (``GET /api/v1/photos/{sha256}``).

A laptop receives only the records it may see (``hub.visible``: its own, and head office's customer
and product registers), so it may download only the pictures those records name: a photo or scan
(``<form>_photo``), a signature's image (``<form>_signature.image_sha256``), or a picture an archived
revision names (``<form>_revision.snapshot``, the frozen JSON).  Any other hash — another laptop's
photo, or one head office does not have — is answered the same way (404, "总部没有这张图片"), so the
answer does not tell a laptop whether head office holds a picture it may not see.  Nor does the
question before an upload (``POST /api/v1/photos/missing``, :func:`to_ask_for`): a picture head office
holds is answered as held only to the laptop that sent it or one a record it may see names; to any
other laptop as missing (it sends it; the store keeps one copy by its hash).
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import bindparam, literal, select, union_all

from ...domain.forms import SPECS
from ...storage.schema import MODELS
from ...storage.server_accounts import HEAD_OFFICE_CODE
from ..records import RecordService
from ..trust import SHA256_RE
from .hub import SHARED_KINDS


def _visible_where(kind: str, rec: Any) -> Any:
    if kind in SHARED_KINDS:
        return rec.origin.in_([bindparam("code"), HEAD_OFFICE_CODE])
    return rec.origin == bindparam("code")


@functools.cache
def _statements() -> tuple[Any, dict[str, Any], Any]:
    """The three queries, built once (building them costs more than running them): who holds the
    hash in a photo or signature; whether one of those records is this laptop's to see; whether an
    archived revision of a record it may see names the hash.  (The hash is checked as 64 hex digits
    before, so it needs no escaping in LIKE.)"""
    holders = []
    visible = {}
    archived = []
    sha = bindparam("sha")
    for kind in SPECS:
        m = MODELS[kind]
        rec = m.record
        holders.append(select(literal(kind).label("kind"), m.photo.record_id.label("rid")).where(m.photo.sha256 == sha))
        holders.append(select(literal(kind).label("kind"), m.signature.record_id.label("rid"))
                       .where(m.signature.image_sha256 == sha))
        visible[kind] = select(rec.id).where(rec.id.in_(bindparam("ids", expanding=True)), _visible_where(kind, rec)).limit(1)
        archived.append(select(literal(1)).select_from(m.revision).join(rec, rec.id == m.revision.record_id)
                        .where(_visible_where(kind, rec), m.revision.snapshot.contains(sha)))
    return union_all(*holders), visible, select(literal(1)).select_from(union_all(*archived).subquery()).limit(1)


def may_download(service: RecordService, code: str, sha: str) -> bool:
    """Whether laptop ``code`` may download the picture ``sha`` (see the module text).  First the
    records whose photos or signatures name it (one query, by the indexed hash), then whether one of
    those is this laptop's to see (by primary key); the archived revisions' JSON (a text search over
    the records this laptop may see) only when no photo or signature it may see names it."""
    if not SHA256_RE.match(sha):
        return False
    holders, visible, archived = _statements()
    with service.db.session() as s:
        found: dict[str, set[str]] = {}
        for kind, rid in s.execute(holders, {"sha": sha}):
            found.setdefault(kind, set()).add(rid)
        for kind, ids in found.items():
            ordered = sorted(ids)
            for start in range(0, len(ordered), 500):
                if s.execute(visible[kind], {"ids": ordered[start:start + 500], "code": code}).first() is not None:
                    return True
        return s.execute(archived, {"sha": sha, "code": code}).first() is not None


def to_ask_for(service: RecordService, code: str, shas: list[str]) -> list[str]:
    """Of these pictures, those to ask laptop ``code`` for (see the module text): head office lacks
    them, or holds them but neither had them from this laptop nor has a photo or signature of a record
    this laptop may see that names them (a query per form and chunk, by the indexed hashes).  A
    picture only an archived revision names is asked for again: an upload, and nothing told."""
    from ...storage.server_accounts import uploaded_by

    missing = service.photos.missing(shas)
    absent = set(missing)
    held = sorted({x for x in shas if isinstance(x, str) and SHA256_RE.match(x) and x not in absent})
    if not held:
        return missing
    with service.db.session() as s:
        known = uploaded_by(s, code, held)
        rest = [x for x in held if x not in known]
        for kind in SPECS:
            if not rest:
                break
            m = MODELS[kind]
            rec = m.record
            for column, table in ((m.photo.sha256, m.photo), (m.signature.image_sha256, m.signature)):
                q = (select(column).select_from(table).join(rec, rec.id == table.record_id)
                     .where(column.in_(bindparam("shas", expanding=True)), _visible_where(kind, rec)).distinct())
                for start in range(0, len(rest), 500):
                    known.update(s.scalars(q, {"shas": rest[start:start + 500], "code": code}))
            rest = [x for x in rest if x not in known]
    return missing + [x for x in held if x not in known]
