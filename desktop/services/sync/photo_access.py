"""Which pictures a laptop may download from head office (``GET /api/v1/photos/{sha256}``).

A laptop receives only the records it may see (``hub.visible``: its own, and head office's customer
and product registers), so it may download only the pictures those records name: a photo or scan
(``<form>_photo``), a signature's image (``<form>_signature.image_sha256``), or a picture an archived
revision names (``<form>_revision.snapshot``, the frozen JSON).  Any other hash — another laptop's
photo, or one head office does not have — is answered the same way (404, "总部没有这张图片"), so the
answer does not tell a laptop whether head office holds a picture it may not see.
"""

from __future__ import annotations

from sqlalchemy import and_, exists, or_, select

from ...domain.forms import SPECS
from ...storage.schema import MODELS
from ...storage.server_accounts import HEAD_OFFICE_CODE
from ..records import RecordService
from .hub import SHARED_KINDS


def _visible_where(kind: str, rec: type, code: str) -> object:
    if kind in SHARED_KINDS:
        return rec.origin.in_([code, HEAD_OFFICE_CODE])
    return rec.origin == code


def may_download(service: RecordService, code: str, sha: str) -> bool:
    """Whether laptop ``code`` may download the picture ``sha`` (see the module text).  The photo and
    signature tables are asked first; the archived revisions' JSON (a text search) only when those
    do not name it."""
    with service.db.session() as s:
        for kind in SPECS:
            m = MODELS[kind]
            rec = m.record
            named = or_(
                exists().where(and_(m.photo.record_id == rec.id, m.photo.sha256 == sha)),
                exists().where(and_(m.signature.record_id == rec.id, m.signature.image_sha256 == sha)),
            )
            if s.execute(select(rec.id).where(_visible_where(kind, rec, code), named).limit(1)).first() is not None:
                return True
        for kind in SPECS:
            m = MODELS[kind]
            rec = m.record
            archived = exists().where(and_(m.revision.record_id == rec.id,
                                           m.revision.snapshot.contains(sha, autoescape=True)))
            if s.execute(select(rec.id).where(_visible_where(kind, rec, code), archived).limit(1)).first() is not None:
                return True
    return False
