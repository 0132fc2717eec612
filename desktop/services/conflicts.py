"""Conflicts: copies of a record that arrived changed differently from ours, kept to be resolved.

An import (later a sync) never merges or overwrites in silence (``services.incoming``): the other
copy waits in the ``conflict`` table while ours stays as it is.  A person looks at both, side by
side (:func:`conflict_detail`), and keeps one (:func:`resolve`).  Either way the record gets a new
version whose lineage holds both sides' versions, so each side then sees the result as newer than
what it had, and the same copy arriving again is recognised as older.  Keeping the other copy is
refused when it would drop a revision signed here.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..domain.fields import format_value
from ..domain.forms import SPECS
from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ..domain.records import Record, from_json
from ..domain.validation import Issue, ValidationFailed, parse_record, strip_blank_rows
from ..storage.schema import Conflict, RecordVersion
from .errors import NotFound
from .incoming import receive, settle

if TYPE_CHECKING:
    from .records import Outcome, RecordService

KEEP_LOCAL = "local"
KEEP_INCOMING = "incoming"


@dataclass(frozen=True)
class ConflictInfo:
    id: str
    kind: str
    record_id: str
    number: str
    received_at: dt.datetime
    source: str
    reason: str
    local_version: int
    incoming_version: int
    resolved_at: dt.datetime | None = None
    resolved_by: str = ""
    resolution: str = ""


@dataclass(frozen=True)
class Difference:
    """One value that differs: its key, label, and how each side shows it."""

    key: str
    label: str
    local: str
    incoming: str


def _info(row: Conflict) -> ConflictInfo:
    return ConflictInfo(row.id, row.kind, row.record_id, row.number, row.received_at, row.source, row.reason,
                        row.local_version, row.incoming_version, row.resolved_at, row.resolved_by, row.resolution)


def list_conflicts(service: RecordService, *, include_resolved: bool = False) -> list[ConflictInfo]:
    """The conflicts waiting to be resolved (and, asked for, those resolved), newest first."""
    with service.db.session() as s:
        q = select(Conflict).order_by(Conflict.received_at.desc(), Conflict.number)
        if not include_resolved:
            q = q.where(Conflict.resolved_at.is_(None))
        return [_info(row) for row in s.scalars(q)]


def open_conflicts_of(service: RecordService, record_id: str) -> list[ConflictInfo]:
    with service.db.session() as s:
        return [_info(row) for row in s.scalars(select(Conflict).where(
            Conflict.record_id == record_id, Conflict.resolved_at.is_(None)))]


def _incoming_record(service: RecordService, kind: str, obj: dict[str, Any], local: Record) -> Record:
    spec = SPECS[kind]
    incoming, _issues = from_json(spec, obj)
    values, _parse_issues = parse_record(spec, incoming.raw)
    strip_blank_rows(spec, values)
    return Record(kind, local.id, incoming.number or local.number, incoming.status or local.status, values,
                  incoming.created_at or local.created_at, incoming.updated_at or local.updated_at, incoming.events,
                  *(incoming.source or (None, None, None)), incoming.revision, list(incoming.signatures),
                  version=incoming.version, version_tag=incoming.version_tag, updated_by=incoming.updated_by,
                  updated_via=incoming.updated_via, origin=incoming.origin)


def differences(kind: str, a: Record, b: Record) -> list[Difference]:
    """Every field, table line and photo list whose value differs between two copies of a record,
    with its label and both values as the form shows them (the status too)."""
    spec = SPECS[kind]
    out: list[Difference] = []
    if a.status != b.status:
        out.append(Difference("status", spec.label_of("status"), a.status, b.status))
    for f in spec.fields():
        if f.read_only:
            continue
        va, vb = a.values.fields.get(f.key), b.values.fields.get(f.key)
        if va != vb:
            out.append(Difference(f.key, f.label, format_value(f, va), format_value(f, vb)))
    for t in spec.tables():
        rows_a, rows_b = a.values.tables.get(t.key, []), b.values.tables.get(t.key, [])
        for i in range(max(len(rows_a), len(rows_b))):
            ra = rows_a[i] if i < len(rows_a) else None
            rb = rows_b[i] if i < len(rows_b) else None
            if ra != rb:
                def text(row: dict[str, Any] | None) -> str:
                    if row is None:
                        return ""
                    return "；".join(format_value(c, row.get(c.key)) for c in t.columns if row.get(c.key) is not None)

                out.append(Difference(f"{t.key}[{i}]", f"{t.label} 第 {i + 1} 行", text(ra), text(rb)))
    for p in spec.photo_lists():
        pa = [ph.sha256 for ph in a.values.photos.get(p.key, [])]
        pb = [ph.sha256 for ph in b.values.photos.get(p.key, [])]
        if pa != pb:
            out.append(Difference(p.key, p.label, f"{len(pa)} 张", f"{len(pb)} 张"))
    sa = sorted(f"{x.role} {x.name}" for x in a.signatures)
    sb = sorted(f"{x.role} {x.name}" for x in b.signatures)
    if sa != sb:
        out.append(Difference("signatures", "签字", "、".join(sa), "、".join(sb)))
    return out


def conflict_detail(service: RecordService, conflict_id: str) -> tuple[ConflictInfo, Record, Record, list[Difference]]:
    """The conflict, our record, the other copy, and what differs between them."""
    with service.db.session() as s:
        row = s.get(Conflict, conflict_id)
        if row is None:
            raise NotFound(conflict_id)
        info, obj = _info(row), json.loads(row.incoming)
    local = service.get(info.kind, info.record_id)
    other = _incoming_record(service, info.kind, obj, local)
    return info, local, other, differences(info.kind, local, other)


def resolve(service: RecordService, conflict_id: str, keep: str, by: str = "") -> Outcome:
    """Keep our copy (``local``) or the other (``incoming``); the record gets a new version either
    way (see the module text), and the conflict is marked resolved with who and when."""
    from .records import VIA_FORM
    from .transfer import ImportFailed, parse_objects

    if keep not in (KEEP_LOCAL, KEEP_INCOMING):
        raise ValueError(keep)
    with service.db.session() as s:
        row = s.get(Conflict, conflict_id)
        if row is None:
            raise NotFound(conflict_id)
        if row.resolved_at is not None:
            raise ValidationFailed([Issue("conflict", QT_TRANSLATE_NOOP(MESSAGES, "这条冲突已处理过"))])
        obj, kind, record_id = json.loads(row.incoming), row.kind, row.record_id
    try:
        ((incoming, values, raw_obj),) = parse_objects(service, [obj])
    except ImportFailed as e:
        raise ValidationFailed([i for p in e.problems for i in p.issues]) from e
    with service.write(by, VIA_FORM) as s:
        m = service._models(kind)
        record_row = s.get(m.record, record_id)
        if record_row is None:
            raise NotFound(record_id)
        if keep == KEEP_INCOMING:
            arrival = receive(service, s, incoming, values, raw_obj, index=0, resolving=True)
            settle(service, s, arrival)
            if arrival.record is not None:
                service._saved(s, service.get_in(s, kind, record_id), arrival.status_before)
        else:
            touched = service._touch(s, m, record_row)
            touched.force = True
        # Both sides' versions are in the lineage now: the other copy, arriving again, is older.
        now = service.clock.now()
        known = set(s.scalars(select(RecordVersion.tag).where(RecordVersion.record_id == record_id)))
        stored = s.get(Conflict, conflict_id)
        for e in incoming.history or []:
            if e.tag not in known:
                known.add(e.tag)
                service._add_version(s, kind, record_id, e.version, e.tag, e.parent, e.at or now, e.by, e.via,
                                     e.laptop)
        if stored.incoming_tag not in known:
            service._add_version(s, kind, record_id, incoming.version, stored.incoming_tag, "",
                                 incoming.updated_at or now, incoming.updated_by, incoming.updated_via, incoming.origin)
        stored.resolved_at = now
        stored.resolved_by = by[:40]
        stored.resolution = keep
    return service._result(s, service.get(kind, record_id))
