"""Scans of signed paper (a part of ``RecordService``, see ``services.records``).

A scan is not part of a record's content: it changes neither the content hash nor the revision,
and may be added to a closed or signed record (``services.scans`` finds the record by the page's
QR code).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..domain.fields import Photo
from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ..domain.records import SCANS_KEY, new_id
from ..domain.validation import Issue, ValidationFailed
from ..storage.schema import FormModels
from .errors import NotFound

if TYPE_CHECKING:
    from .records import RecordService

    _Base = RecordService
else:
    _Base = object


class ScansMixin(_Base):
    def scans(self, kind: str, record_id: str) -> list[Photo]:
        """The scans or photos of the record's signed paper, oldest first (``services.scans``)."""
        return self.get(kind, record_id).scans

    def add_scan(self, kind: str, record_id: str, photo: Photo) -> Photo:
        """Record ``photo`` (already in the photo store) as a scan of the record's signed paper.

        A scan is not part of the record's content: it changes neither the content hash nor the
        revision, and it may be added to a closed or signed record.  The same picture twice is
        kept once."""
        if not self.photos.has(photo.sha256):
            raise ValidationFailed([Issue(SCANS_KEY, QT_TRANSLATE_NOOP(MESSAGES, "图片文件缺失：{name}"),
                                          {"name": photo.filename})])
        m = self._models(kind)
        with self.db.session() as s:
            row = s.get(m.record, record_id)
            if row is None:
                raise NotFound(record_id)
            scans = [ph for ph in row.photos if ph.list_key == SCANS_KEY]
            same = next((ph for ph in scans if ph.sha256 == photo.sha256), None)
            if same is not None:
                return Photo(sha256=same.sha256, filename=same.filename, caption=same.caption,
                             media_type=same.media_type, id=same.id)
            position = max((ph.position for ph in scans), default=-1) + 1
            new = m.photo(id=new_id(), list_key=SCANS_KEY, position=position, sha256=photo.sha256,
                          filename=photo.filename, caption=photo.caption, media_type=photo.media_type)
            row.photos.append(new)
            s.flush()
            return Photo(sha256=new.sha256, filename=new.filename, caption=new.caption,
                         media_type=new.media_type, id=new.id)

    def _merge_scans(self, m: FormModels, row: Any, scans: Iterable[Any]) -> None:
        """Add the imported scans the record does not have yet (a scan is never removed by an
        import: the paper was signed either way)."""
        have = [ph for ph in row.photos if ph.list_key == SCANS_KEY]
        known = {ph.sha256 for ph in have}
        position = max((ph.position for ph in have), default=-1) + 1
        for ph in scans:
            if isinstance(ph, Photo) and ph.sha256 not in known:
                known.add(ph.sha256)
                row.photos.append(m.photo(id=new_id(), list_key=SCANS_KEY, position=position, sha256=ph.sha256,
                                          filename=ph.filename, caption=ph.caption, media_type=ph.media_type))
                position += 1

    def photo_bytes(self, sha256: str) -> bytes:
        return self.photos.read(sha256)

    def add_photo_files(self, paths: Iterable[Any]) -> list[Photo]:
        from pathlib import Path

        return [self.photos.add_file(Path(p)) for p in paths]
