"""Revisions and signatures of records (a part of ``RecordService``, see ``services.records``).

A customer's signature freezes what they signed: a change to a signed record first keeps the
signed revision as a snapshot, then starts the next one (``_freeze_if_signed``).  Earlier
revisions are read back from their snapshots, to look at and to print again.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.forms import spec_for
from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ..domain.records import HASH_SCHEME, Record, content_hash, from_json, new_id, to_json
from ..domain.signatures import RevisionInfo, Signature, StrokeError, normalise_strokes, signature_from_json
from ..domain.training_rules import attendee_names, is_signin_block, signin_block
from ..domain.validation import Issue, ValidationFailed, parse_record
from ..domain.versions import VersionEntry
from ..domain.workflow import TransitionRefused
from ..storage.schema import FormModels
from .errors import NotFound

if TYPE_CHECKING:
    from .records import Outcome, RecordService

    _Base = RecordService
else:
    _Base = object


class RevisionsMixin(_Base):
    def revisions(self, kind: str, record_id: str) -> list[RevisionInfo]:
        """Every revision of a record, oldest first, the current one last: when each was saved,
        its content hash and who signed it."""
        m = self._models(kind)
        with self.db.session() as s:
            row = s.get(m.record, record_id)
            if row is None:
                raise NotFound(record_id)
            out = []
            for rev in s.scalars(select(m.revision).where(m.revision.record_id == record_id)
                                 .order_by(m.revision.revision)):
                snap = json.loads(rev.snapshot)
                saved = from_json(m.spec, snap)[0].updated_at or rev.superseded_at
                sigs = tuple(signature_from_json(obj) for obj in snap.get("signatures") or [])
                out.append(RevisionInfo(rev.revision, saved, rev.content_hash, sigs))
            current = self._to_record(m, row)
            out.append(RevisionInfo(current.revision, current.updated_at, content_hash(m.spec, current),
                                    tuple(current.signatures), current=True))
            return out

    def get_revision(self, kind: str, record_id: str, revision: int) -> Record:
        """The record as it was in ``revision`` (with that revision's signatures): the current
        record, or an earlier revision rebuilt from its frozen JSON."""
        m = self._models(kind)
        with self.db.session() as s:
            row = s.get(m.record, record_id)
            if row is None:
                raise NotFound(record_id)
            if revision == row.revision:
                return self._to_record(m, row)
            snap = s.scalars(select(m.revision.snapshot).where(m.revision.record_id == record_id,
                                                               m.revision.revision == revision)).one_or_none()
            if snap is None:
                raise NotFound(f"{record_id} 第 {revision} 版")
        return self._record_from_snapshot(kind, json.loads(snap))

    def revision_snapshots(self, kind: str, record_id: str, *, with_scheme: bool = False) -> list[tuple[Any, ...]]:
        """The frozen earlier revisions as stored: (revision, superseded_at, content_hash, JSON),
        and with ``with_scheme`` the hash scheme of each."""
        m = self._models(kind)
        with self.db.session() as s:
            rows = s.scalars(select(m.revision).where(m.revision.record_id == record_id)
                             .order_by(m.revision.revision)).all()
            return [(r.revision, r.superseded_at, r.content_hash, json.loads(r.snapshot),
                     *((r.hash_scheme or 1,) if with_scheme else ())) for r in rows]

    def version_history(self, kind: str, record_id: str) -> list[VersionEntry]:
        """The record's lineage, oldest first, its current version last (``domain.versions``)."""
        from ..storage.schema import RecordVersion

        m = self._models(kind)
        with self.db.session() as s:
            row = s.get(m.record, record_id)
            if row is None:
                raise NotFound(record_id)
            current = self._to_record(m, row)
            entries = [VersionEntry(v.version, v.tag, v.parent_tag, v.at, v.by, v.via, v.laptop)
                       for v in s.scalars(select(RecordVersion).where(RecordVersion.record_id == record_id)
                                          .order_by(RecordVersion.at, RecordVersion.version))]
        rest = [e for e in entries if e.tag != current.version_tag]
        last = next((e for e in entries if e.tag == current.version_tag), None) or VersionEntry(
            current.version, current.version_tag, "", current.updated_at, current.updated_by, current.updated_via,
            current.origin)
        return [*rest, last]

    def _record_from_snapshot(self, kind: str, snap: Mapping[str, Any]) -> Record:
        spec = spec_for(kind)
        incoming, issues = from_json(spec, snap)
        values, parse_issues = parse_record(spec, incoming.raw)
        if issues or parse_issues:  # written by this program: cannot happen unless the file was edited
            raise ValueError(f"stored revision unreadable: {issues + parse_issues}")
        assert incoming.id and incoming.number and incoming.status
        source = incoming.source or (None, None, None)
        return Record(kind, incoming.id, incoming.number, incoming.status, values,
                      incoming.created_at or self.clock.now(), incoming.updated_at or self.clock.now(),
                      incoming.events, source[0], source[1], source[2], incoming.revision,
                      list(incoming.signatures), version=incoming.version, version_tag=incoming.version_tag,
                      created_by=incoming.created_by, updated_by=incoming.updated_by,
                      updated_via=incoming.updated_via, origin=incoming.origin)

    def sign(
        self,
        kind: str,
        record_id: str,
        block: str,
        name: str,
        strokes: Any,
        *,
        role: str | None = None,
        expected_hash: str | None = None,
        expected_version: int | None = None,
        by: str = "",
    ) -> Outcome:
        """Attach a signature drawn on screen to ``block`` of the record's current revision.

        ``expected_hash`` is the content hash of the record as the signer saw it (the form); when
        the stored revision is no longer that content the signature is refused, so nobody signs
        what they were not shown.  A block is signed once per revision.  The picture is rendered
        from the strokes (``services.signature_image``) and kept in the photo store.
        """
        from .signature_image import render_png

        spec = spec_for(kind)
        name = " ".join(str(name or "").split())
        # Besides the spec's blocks: a training attendee's sign-in (``training_rules.signin_block``).
        b = next((x for x in spec.signatures if x.key == block), None) or signin_block(kind, block, name)
        if b is None:
            raise ValueError(f"{kind} has no signature block {block!r}")
        role = " ".join(str(role or "").split()) or b.label
        issues = []
        if not name:
            issues.append(Issue("name", QT_TRANSLATE_NOOP(MESSAGES, "请填写签字人姓名")))
        elif len(name) > 100:
            issues.append(Issue("name", QT_TRANSLATE_NOOP(MESSAGES, "签字人姓名过长")))
        if len(role) > 40:
            issues.append(Issue("role", QT_TRANSLATE_NOOP(MESSAGES, "签字身份过长")))
        try:
            points = normalise_strokes(strokes)
        except StrokeError:
            issues.append(Issue("strokes", QT_TRANSLATE_NOOP(MESSAGES, "请先签字")))
        if issues:
            raise ValidationFailed(issues)
        image = self.photos.add_bytes(render_png(points), f"signature-{block}.png")
        m = self._models(kind)
        with self.write(by or name) as s:
            row = s.get(m.record, record_id)
            if row is None:
                raise NotFound(record_id)
            self._check_version(kind, row, expected_version)
            self._touch(s, m, row)
            current = self._to_record(m, row)
            digest = content_hash(spec, current)
            if expected_hash is not None and expected_hash != digest:
                raise TransitionRefused(QT_TRANSLATE_NOOP(MESSAGES, "记录内容已改变，请重新打开后再签字"))
            if is_signin_block(block) and name not in attendee_names(current.values):
                raise TransitionRefused(QT_TRANSLATE_NOOP(MESSAGES, "签到人不在参加人员名单中，请先登记并保存"))
            if current.signature(block) is not None:
                raise TransitionRefused(QT_TRANSLATE_NOOP(MESSAGES, "本版已在此处签字"))
            sig = Signature(block=block, name=name, role=role, signed_at=self.clock.now(),
                            revision=row.revision, content_hash=digest, strokes=points,
                            image_sha256=image.sha256)
            row.signatures.append(self._signature_row(m, sig))
            s.flush()
            record = self._to_record(m, row)
        return self._result(s, record)

    def _freeze_if_signed(self, s: Session, m: FormModels, row: Any, before: Record, now: dt.datetime,
                          always: bool = False) -> bool:
        """After new values (and status) were written to ``row``: whether the content changed.

        A changed revision that carries signatures is frozen first — its full JSON (signatures
        included) goes to the revision table — and the record moves to the next revision, which
        has no signatures yet.  What a customer signed is never overwritten.  With ``always`` the
        revision is frozen signed or not (a step that keeps it: a complaint reopened after closing).
        """
        spec = m.spec
        old_hash = content_hash(spec, before)
        if content_hash(spec, self._to_record(m, row)) == old_hash:
            return False
        if before.signatures or always:
            snapshot = json.dumps(to_json(spec, before), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            s.add(m.revision(id=new_id(), record_id=row.id, revision=before.revision, superseded_at=now,
                             content_hash=old_hash, snapshot=snapshot, hash_scheme=HASH_SCHEME))
            row.revision = before.revision + 1
        return True

