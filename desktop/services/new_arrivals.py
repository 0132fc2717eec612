"""Records new to this database, written by the set (``storage.bulk``) instead of one ORM object
graph each: what a laptop's first sync brings head office by the thousand, and a big JSON import.

The judgement is that of ``services.incoming`` for a record not here yet, and the rows are the same
(``tests/test_bulk_arrivals.py`` compares every column of every table with the ORM path's).  Only a
record whose whole outcome is known before anything is written takes this way:

- its id is not here, and it comes with its id, number, version tag and lineage (a sync, a dump);
- its version tag is the one its content gives (a copy edited by hand outside the program is a new
  version: :func:`incoming.receive` works that out);
- its computed fields, worked out here with the file's one context, come out as the file has them
  (else they are written again and a signed revision frozen: ``incoming.settle``);
- it has no computed fields, or the file brings no deliveries or products (what computed fields look
  up: a complaint's batch expiry, a delivery's shelf life), which are written only after it is judged.

Any other record goes the ORM way, in the same transaction.  The policies that apply to arrivals
run on these records as on the others (``RecordService._saved``), after every row is in.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..domain.fields import Photo, RecordValues
from ..domain.forms import WORKFLOWS, spec_for
from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ..domain.numbering import parse_number
from ..domain.records import SCANS_KEY, Event, IncomingRecord, Record, new_id, signature_matches
from ..domain.signatures import Signature, signature_from_json, strokes_to_json
from ..domain.validation import Issue, ValidationFailed
from ..domain.versions import version_tag
from ..storage.bulk import TableRows
from ..storage.schema import FormModels, RecordVersion
from .incoming import CREATED, IMPORTED_NOTE, Arrival, Batch, _same
from .records import RecordRef, _origin
from .search import search_keys_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .records import RecordService


def receive_new(service: RecordService, s: Session, incoming: IncomingRecord, values: RecordValues, *,
                index: int, batch: Batch, rows: TableRows) -> Arrival | None:
    """The record's rows added to ``rows`` and its arrival, or None when it must go the ORM way (see
    the module text; nothing is added then).  Raises ``ValidationFailed`` as ``incoming.receive``
    does (a photo not in the store, a signature that does not sign the content)."""
    if not incoming.id or incoming.id not in batch.absent or not incoming.version_tag or not incoming.number:
        return None
    if batch.brings_registers and WORKFLOWS[incoming.kind].derive is not None:
        return None  # its computed fields may look up the file's own deliveries or products
    parsed = parse_number(incoming.number)
    if parsed is None:
        return None
    kind = incoming.kind
    spec = spec_for(kind)
    m = service._models(kind)
    wf = WORKFLOWS[kind]
    # As the ORM way stores and reads it back: every field of the form, every column of each row.
    field_keys, table_keys = spec.stored_keys
    stored = RecordValues(
        _as_stored(values.fields, field_keys),
        {key: [_as_stored(r, columns) for r in values.tables.get(key, [])] for key, columns in table_keys},
        {p.key: [replace(ph, id=new_id()) for ph in values.photos.get(p.key, [])] for p in spec.photo_lists()})
    derived = RecordValues(dict(stored.fields), {k: [dict(r) for r in rs] for k, rs in stored.tables.items()},
                           stored.photos)
    batch.derive(service, s, kind, derived)
    if not _same(derived, stored):
        return None  # worked out differently here: written again, a signed revision frozen (settle)
    signatures = _signatures(spec, incoming)
    now = service.clock.now()
    status = incoming.status or wf.initial
    laptop = batch.laptop
    scans = _scans(incoming.scans)
    current = [sig for sig in signatures if sig.revision == incoming.revision]
    record = Record(kind, incoming.id, incoming.number, status, stored, incoming.created_at or now,
                    incoming.updated_at or now, list(incoming.events or [Event(now, None, status, "", IMPORTED_NOTE)]),
                    *(incoming.source or (None, None, None)), incoming.revision, current, scans,
                    version=incoming.version, version_tag=incoming.version_tag,
                    created_by=incoming.created_by[:40] or service._unit(s).by[:40], updated_by=incoming.updated_by[:40],
                    updated_via=(incoming.updated_via or service._unit(s).via)[:40],
                    origin=incoming.origin or _origin(incoming.number, laptop))
    fingerprint = service._fingerprint(m, record)
    parent = incoming.history[-1].parent if incoming.history else ""
    if version_tag(parent, fingerprint[0], record.signatures) != incoming.version_tag:
        return None  # edited outside the program: a new version, worked out by incoming.receive
    for p in spec.photo_lists():
        for ph in stored.photos[p.key]:
            if not service.photos.has(ph.sha256):
                raise ValidationFailed([Issue(p.key, QT_TRANSLATE_NOOP(MESSAGES, "图片文件缺失：{name}"),
                                              {"name": ph.filename})], index)
    for i, sig in enumerate(incoming.signatures):
        if not signature_matches(spec, record, sig):
            raise ValidationFailed([Issue(f"signatures[{i}]", QT_TRANSLATE_NOOP(MESSAGES, "签字与记录内容不符"))],
                                   index)
    batch.note_number(*parsed)
    _add_rows(service, m, record, incoming, signatures, rows)
    _add_versions(record, incoming, now, rows)
    service._unit(s).finished.append(RecordRef(kind, record.id))
    return Arrival(index, kind, record.id, record.number, CREATED, record=record)


def _as_stored(values: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """A copy holding exactly ``keys``, in their order (a missing one None): what the ORM way
    stores and reads back.  Checked values have exactly those already: copied as they are."""
    if tuple(values) == keys:
        return dict(values)
    return {key: values.get(key) for key in keys}


def _signatures(spec: Any, incoming: IncomingRecord) -> list[Signature]:
    """Every signature the record keeps (this revision's and its frozen revisions'), one per
    (revision, block), each with the id of its row; in block order, as the record reads them."""
    wanted = list(incoming.signatures)
    for _n, _at, _hash, snap in incoming.revisions:
        wanted += [signature_from_json(obj) for obj in snap.get("signatures") or []]
    out: dict[tuple[int, str], Signature] = {}
    for sig in wanted:
        out.setdefault((sig.revision, sig.block), replace(sig, id=new_id()))
    order = [b.key for b in spec.signatures]
    return sorted(out.values(), key=lambda sig: order.index(sig.block) if sig.block in order else len(order))


def _scans(scans: list[Any]) -> list[Photo]:
    out: list[Photo] = []
    known: set[str] = set()
    for ph in scans:
        if isinstance(ph, Photo) and ph.sha256 not in known:
            known.add(ph.sha256)
            out.append(replace(ph, id=new_id()))
    return out


def _add_rows(service: RecordService, m: FormModels, record: Record, incoming: IncomingRecord,
              signatures: list[Signature], rows: TableRows) -> None:
    spec = m.spec
    values = record.values
    search_text = service._search_text(spec, record.number, values)
    product, batch_cell = service._register_summary(spec, values)
    rid = record.id
    rows.add(m.record.__table__, {
        "id": rid, "number": record.number, "status": record.status, "created_at": record.created_at,
        "updated_at": record.updated_at, "search_text": search_text, "search_keys": search_keys_of(search_text),
        "register_product": product, "register_batch": batch_cell, "source_kind": record.source_kind,
        "source_id": record.source_id, "source_number": record.source_number, "revision": record.revision,
        "version": record.version, "version_tag": record.version_tag, "created_by": record.created_by,
        "updated_by": record.updated_by, "updated_via": record.updated_via, "origin": record.origin,
        **values.fields})
    for t in spec.tables():
        rows.extend(m.rows[t.key].__table__, (
            {"id": new_id(), "record_id": rid, "position": i, **r} for i, r in enumerate(values.tables[t.key])))
    photo = m.photo.__table__
    for p in spec.photo_lists():
        rows.extend(photo, (_photo_row(rid, p.key, i, ph) for i, ph in enumerate(values.photos[p.key])))
    rows.extend(photo, (_photo_row(rid, SCANS_KEY, i, ph) for i, ph in enumerate(record.scans)))
    rows.extend(m.event.__table__, (
        {"id": new_id(), "record_id": rid, "at": e.at, "from_status": e.from_status, "to_status": e.to_status,
         "by": e.by, "note": e.note} for e in record.events))
    rows.extend(m.revision.__table__, (
        {"id": new_id(), "record_id": rid, "revision": n, "superseded_at": superseded_at, "content_hash": rev_hash,
         "hash_scheme": incoming.revision_schemes.get(n, 1),
         "snapshot": json.dumps(snap, ensure_ascii=False, sort_keys=True, separators=(",", ":"))}
        for n, superseded_at, rev_hash, snap in incoming.revisions))
    rows.extend(m.signature.__table__, (
        {"id": sig.id, "record_id": rid, "revision": sig.revision, "block": sig.block, "name": sig.name,
         "role": sig.role, "signed_at": sig.signed_at, "content_hash": sig.content_hash,
         "strokes": json.dumps(strokes_to_json(sig.strokes), separators=(",", ":")),
         "image_sha256": sig.image_sha256, "hash_scheme": sig.hash_scheme} for sig in signatures))


def _photo_row(rid: str, list_key: str, position: int, ph: Photo) -> dict[str, Any]:
    return {"id": ph.id, "record_id": rid, "list_key": list_key, "position": position, "sha256": ph.sha256,
            "filename": ph.filename, "caption": ph.caption, "media_type": ph.media_type}


def _add_versions(record: Record, incoming: IncomingRecord, now: Any, rows: TableRows) -> None:
    """The lineage it came with (``RecordService._add_version`` for each version, as the ORM way)."""
    table = RecordVersion.__table__
    known: set[str] = set()

    def add(version: int, tag: str, parent: str, at: Any, by: str, via: str, where: str) -> None:
        rows.add(table, {"id": new_id(), "kind": record.kind, "record_id": record.id, "version": version, "tag": tag,
                         "parent_tag": parent, "at": at, "by": by[:40], "via": via[:40], "laptop": where[:8]})

    for e in incoming.history or []:
        if e.tag not in known:
            known.add(e.tag)
            add(e.version, e.tag, e.parent, e.at or now, e.by, e.via, e.laptop)
    if incoming.version_tag not in known:
        add(incoming.version, incoming.version_tag, "", incoming.updated_at or now, incoming.updated_by,
            record.updated_via, incoming.origin)
