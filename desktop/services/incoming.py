"""Records that arrive from elsewhere (a JSON dump, later a sync): the same rule for every route.

A copy of a record is judged whole against the stored one by its lineage (``domain.versions``):

- not here yet: it is written as it came (its version, lineage, signatures and frozen revisions);
- the same version: nothing changes (scans it carries that we lack are added: scans only add up);
- older than ours: nothing changes;
- newer, descending from ours: it replaces ours — unless that would drop a signed revision or
  rewrite a record that was ended (办结), which is held as a conflict;
- changed on both sides: held as a conflict (``conflict`` table) to be resolved by a person; ours
  stays as it is.

Computed fields are always worked out here, never taken from the file.  A signed revision whose
computed values come out differently here (another laptop's settings) stays exactly as signed, as a
frozen revision, and the record goes on with a new one.  Signatures and frozen revisions must sign
the content the file gives them, or the record is refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.fields import RecordValues
from ..domain.forms import WORKFLOWS, spec_for
from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ..domain.numbering import parse_number
from ..domain.records import Event, IncomingRecord, Record, new_id, signature_matches
from ..domain.signatures import signature_from_json
from ..domain.validation import Issue, ValidationFailed
from ..domain.versions import DIVERGED, NEWER, OLDER, SAME, VersionEntry, relation, version_tag
from ..storage.numbering import next_number, note_number
from ..storage.schema import Conflict, FormModels, RecordVersion
from ..storage.settings import ensure_laptop_code
from .records import _origin
from .search import search_keys_of

if TYPE_CHECKING:
    from .records import RecordService

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
OLDER_COPY = "older"
CONFLICT = "conflict"

# Why an arriving copy was held as a conflict (``Conflict.reason``)
DIVERGED_REASON = "diverged"
SIGNED_REASON = "signed"
CLOSED_REASON = "closed"

# How a version made outside the program (a file edited by hand) is named in the lineage.
EDITED_VIA = "edited-file"
# The status-history note of a record that arrived without a history of its own (record data).
IMPORTED_NOTE = "导入"


@dataclass
class Arrival:
    """What became of one record of a file."""

    index: int
    kind: str
    id: str
    number: str
    outcome: str  # created | updated | unchanged | older | conflict
    note: str = ""  # why, for a conflict; what was worked out again, for a new revision
    status_before: str | None = None
    record: Record | None = None
    pending: tuple[IncomingRecord, RecordValues, str] | None = None  # to :func:`settle`


@dataclass
class Batch:
    """What is stored of a whole file's (or sync batch's) records, read at once before any is
    judged (:func:`preload`), so judging one costs no round trip of its own: which ids are not here
    yet, and the lineage of those that are.  The rows of those that are sit in the session, with
    their child rows."""

    absent: set[str]
    lineage: dict[str, list[str]]
    context: Any = None  # the computed fields' DeriveContext, made once for the batch
    numbers: dict[tuple[str, int, str], int] = field(default_factory=dict)  # the highest number noted, by counter
    laptop: str = ""  # this database's laptop code (read once: the session holds its row only weakly)
    # The file brings deliveries or products, which computed fields look up (a batch's expiry, a
    # product's shelf life): those fields are worked out only once the file's records are written.
    brings_registers: bool = False

    def note_number(self, prefix: str, year: int, laptop: str, seq: int) -> None:
        """``storage.numbering.note_number``, once per counter for the whole batch (:meth:`apply_numbers`)."""
        key = (prefix, year, laptop)
        self.numbers[key] = max(seq, self.numbers.get(key, 0))

    def apply_numbers(self, s: Session) -> None:
        for key, seq in self.numbers.items():
            note_number(s, *key, seq)
        self.numbers.clear()

    def derive(self, service: RecordService, s: Session, kind: str, values: RecordValues) -> None:
        """``RecordService.derive`` with the batch's one context (settings and shelf lives read once)."""
        wf = WORKFLOWS[kind]
        if wf.derive is None:
            return
        if self.context is None:
            self.context = service.derive_context(s)
        wf.derive(values, self.context)


def batch_context(service: RecordService, s: Session, values: list[tuple[str, RecordValues]]) -> Any:
    """One ``DeriveContext`` for a whole file's computed fields: the settings read once, each product's
    shelf life once, and the deliveries of every batch number the file's forms name in one query
    (``services.expiry``).  Only for a file that brings no deliveries itself: the register it looks in
    must not change while its records are worked out."""
    from dataclasses import replace

    from .expiry import EXPIRY_FORMS, batch_variants, deliveries_in

    ctx = service.derive_context(s)
    numbers = sorted({str(r.get("batch_no") or "") for kind, v in values if kind in EXPIRY_FORMS
                      for r in v.tables.get(EXPIRY_FORMS[kind][0]) or []} - {""})
    known = []
    for start in range(0, len(numbers), 200):
        known += deliveries_in(s, numbers[start:start + 200])

    def deliveries_of(batch_nos: Any) -> list[Any]:
        wanted = batch_variants(batch_nos)
        return [d for d in known if d.batch_no in wanted]

    return replace(ctx, deliveries_of=deliveries_of)


def preload(service: RecordService, s: Session, pairs: list[tuple[str, str]]) -> Batch:
    """Read what is stored of these (kind, id): one query per kind for the rows and their child rows,
    one for the lineages (see :class:`Batch`)."""
    from sqlalchemy.orm import selectinload

    by_kind: dict[str, list[str]] = {}
    for kind, rid in pairs:
        if rid:
            by_kind.setdefault(kind, []).append(rid)
    found: set[str] = set()
    lineage: dict[str, list[str]] = {}
    for kind, ids in by_kind.items():
        m = service._models(kind)
        loads = [selectinload(getattr(m.record, name)) for name in service._empty_collections(m)]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            found.update(row.id for row in s.scalars(select(m.record).where(m.record.id.in_(chunk)).options(*loads)))
    ids = [rid for kind_ids in by_kind.values() for rid in kind_ids]
    for start in range(0, len(ids), 500):
        for rid, tag in s.execute(select(RecordVersion.record_id, RecordVersion.tag).where(
                RecordVersion.record_id.in_(ids[start:start + 500]))):
            lineage.setdefault(rid, []).append(tag)
    return Batch({rid for rid in ids if rid not in found}, lineage, laptop=ensure_laptop_code(s))


def _signature_rows(service: RecordService, m: FormModels, row: Any, incoming: IncomingRecord) -> None:
    """The record's signatures as the arriving copy has them, by (revision, block): a signature
    this laptop already holds is kept as it is (never rewritten: the database refuses that too,
    ``storage.retention``), one the copy does not have is removed (the database refuses it for an
    archived revision), a new one added."""
    wanted = list(incoming.signatures)
    for _n, _at, _hash, snap in incoming.revisions:
        wanted += [signature_from_json(obj) for obj in snap.get("signatures") or []]
    keys = {(sig.revision, sig.block) for sig in wanted}
    for existing in [x for x in row.signatures if (x.revision, x.block) not in keys]:
        row.signatures.remove(existing)
    have = {(x.revision, x.block) for x in row.signatures}
    for sig in wanted:
        if (sig.revision, sig.block) not in have:
            row.signatures.append(service._signature_row(m, sig))
            have.add((sig.revision, sig.block))


def _lineage(s: Session, record_id: str, batch: Batch | None = None) -> list[str]:
    """The tags in the record's stored lineage (as read before the batch, when one is given: what
    a record's judgement adds to it comes after its last look)."""
    if batch is not None:
        return list(batch.lineage.get(record_id, ()))
    return list(s.scalars(select(RecordVersion.tag).where(RecordVersion.record_id == record_id)))


def _incoming_tag(service: RecordService, m: FormModels, as_given: Record, incoming: IncomingRecord,
                  fingerprint: tuple[str, ...] | None = None) -> tuple[str, list[str]]:
    """The arriving copy's version tag and lineage.

    A tag is worked out from its parent and the content, so it is checked here: a copy whose
    content was changed outside the program (a dump edited by hand) is not the version it names
    but a new one made from it, and is judged as such.  A file from before schema 0006 has no tag:
    its tag is worked out from its content, as for an old record here."""
    digest = (fingerprint or service._fingerprint(m, as_given))[0]  # given: worked out once by the caller
    if not incoming.version_tag:
        tag = version_tag("", digest, as_given.signatures)
        return tag, [tag]
    tags = [e.tag for e in incoming.history] or [incoming.version_tag]
    parent = incoming.history[-1].parent if incoming.history else ""
    if version_tag(parent, digest, as_given.signatures) == incoming.version_tag:
        return incoming.version_tag, tags
    edited = version_tag(incoming.version_tag, digest, as_given.signatures)
    incoming.history = [*incoming.history, VersionEntry(incoming.version + 1, edited, incoming.version_tag,
                                                        incoming.updated_at, incoming.updated_by,
                                                        EDITED_VIA, incoming.origin)]
    incoming.version, incoming.version_tag = incoming.version + 1, edited
    return edited, [*tags, edited]


def _signed_revisions_kept(local: Record, local_revisions: dict[int, str], incoming: IncomingRecord,
                           local_hash: str) -> bool:
    """Whether the arriving copy keeps every signed revision we have, as signed."""
    theirs = {n: digest for n, _at, digest, _snap in incoming.revisions}
    if any(theirs.get(n) != digest for n, digest in local_revisions.items()):
        return False
    if not local.signatures:
        return True
    if incoming.revision == local.revision:
        their_sigs = {(x.block, x.content_hash) for x in incoming.signatures}
        return all((x.block, x.content_hash) in their_sigs for x in local.signatures)
    if theirs.get(local.revision) != local_hash:
        return False
    frozen = next(snap for n, _at, _d, snap in incoming.revisions if n == local.revision)
    their_sigs = {(obj.get("block"), obj.get("content_hash")) for obj in frozen.get("signatures") or []}
    return all((x.block, x.content_hash) in their_sigs for x in local.signatures)


def hold_conflict(s: Session, service: RecordService, local: Record, incoming: IncomingRecord, obj: Any,
                  tag: str, reason: str, source: str) -> bool:
    """Keep the arriving copy as a conflict (once per arriving version); False if already held."""
    held = s.scalars(select(Conflict.id).where(Conflict.record_id == local.id, Conflict.incoming_tag == tag,
                                               Conflict.resolved_at.is_(None))).first()
    if held is not None:
        return False
    s.add(Conflict(id=new_id(), kind=local.kind, record_id=local.id, number=local.number,
                   received_at=service.clock.now(), source=source[:200], reason=reason,
                   local_version=local.version, local_tag=local.version_tag, incoming_version=incoming.version,
                   incoming_tag=tag, incoming=json.dumps(obj, ensure_ascii=False, sort_keys=True),
                   resolved_by="", resolution=""))
    return True


def receive(service: RecordService, s: Session, incoming: IncomingRecord, values: RecordValues, obj: Any, *,
            index: int, source: str = "", resolving: bool = False, batch: Batch | None = None) -> Arrival:
    """Bring one checked arriving record into the operation's transaction (see the module text).

    ``resolving``: a person chose this copy over ours in a conflict (``services.conflicts``): it is
    applied whatever the lineages say, still never over a signed revision it does not keep, and
    becomes a new version of ours whose lineage holds both sides'.

    ``batch``: what :func:`preload` read of the whole file; without it each record is read here."""
    kind = incoming.kind
    spec = spec_for(kind)
    m = service._models(kind)
    wf = WORKFLOWS[kind]
    now = service.clock.now()
    absent = not incoming.id or (batch is not None and incoming.id in batch.absent)
    row = None if absent else s.get(m.record, incoming.id)
    fresh = row is None  # nothing stored under its id: nothing of it to read back before writing
    status = incoming.status or wf.initial
    if row is not None:
        local = service._to_record(m, row)
        local_revisions = {r.revision: r.content_hash for r in
                           s.scalars(select(m.revision).where(m.revision.record_id == row.id))}
        as_given = _as_given(service, m, incoming, values, local)
        tag, their_lineage = _incoming_tag(service, m, as_given, incoming)
        ours = _lineage(s, row.id, batch) + [local.version_tag]
        rel = NEWER if resolving else relation(local.version_tag, ours, tag, their_lineage)
        arrival = Arrival(index, kind, row.id, row.number, UNCHANGED, status_before=local.status)
        if rel in (SAME, OLDER):
            touched = service._touch(s, m, row)
            touched.arrived = (local.version, local.version_tag, touched.before)
            service._merge_scans(m, row, incoming.scans)
            arrival.outcome = UNCHANGED if rel == SAME else OLDER_COPY
            arrival.record = local
            return arrival
        reason = ""
        if rel == DIVERGED:
            reason = DIVERGED_REASON
        elif not _signed_revisions_kept(local, local_revisions, incoming, service._fingerprint(m, local)[0]):
            reason = SIGNED_REASON
        elif wf.is_final(local.status) and not resolving:
            # An ended record is archived (a complaint for five years after closing): no file reopens
            # or rewrites it, whatever history it claims; a person decides, as for any conflict.
            reason = CLOSED_REASON
        if reason and resolving:
            raise ValidationFailed([Issue("signatures", QT_TRANSLATE_NOOP(
                MESSAGES, "本机的版本已签字，导入的版本没有保留这些签字，不能用它替换；请保留本机版本"))], index)
        if reason:
            hold_conflict(s, service, local, incoming, obj, tag, reason, source)
            arrival.outcome, arrival.note, arrival.record = CONFLICT, reason, local
            return arrival
        arrival.outcome = UPDATED
        touched = service._touch(s, m, row)
        row.status = status
        row.updated_at = incoming.updated_at or now
    else:
        if incoming.number:
            parsed = parse_number(incoming.number)
            if parsed and batch is not None:
                batch.note_number(*parsed)
            elif parsed:
                note_number(s, *parsed)
            number = incoming.number
        else:
            if batch is not None:
                batch.apply_numbers(s)  # the numbers the file brought before it are not handed out
            date = values.fields.get(spec.date_field) or service.clock.today()
            number = next_number(s, spec.number_prefix, date.year, batch.laptop if batch else ensure_laptop_code(s))
        row = m.record(id=incoming.id or new_id(), number=number, status=status,
                       created_at=incoming.created_at or now, updated_at=incoming.updated_at or now,
                       created_by=incoming.created_by[:40],
                       origin=incoming.origin or _origin(number, batch.laptop if batch else ensure_laptop_code(s)),
                       **service._empty_collections(m))
        s.add(row)
        touched = service._touch(s, m, row, new=True)
        if incoming.version_tag:  # provisional, so reading it back works out no hash; settled by _finish
            row.version, row.version_tag = incoming.version, incoming.version_tag
        arrival = Arrival(index, kind, row.id, number, CREATED)
        tag, their_lineage = "", []
    if incoming.source is not None:
        row.source_kind, row.source_id, row.source_number = incoming.source
    row.revision = incoming.revision
    # First as the file gives it (what its signatures sign), then with the computed fields worked
    # out here; a signed revision that changes by that is frozen as it was signed.
    service._write_values(s, m, row, values)
    service._merge_scans(m, row, incoming.scans)
    row.events.clear()
    events = incoming.events or [Event(now, None, status, "", IMPORTED_NOTE)]
    for e in events:
        row.events.append(m.event(id=new_id(), at=e.at, from_status=e.from_status, to_status=e.to_status,
                                  by=e.by, note=e.note))
    # Archived revisions as the copy has them: one already here with the same hash is kept as it is
    # (archived revisions are never rewritten, and a signed one never removed: storage.retention).
    have = {} if fresh else {r.revision: r for r in s.scalars(select(m.revision).where(m.revision.record_id == row.id))}
    given = {n: rev_hash for n, _at, rev_hash, _snap in incoming.revisions}
    for n, old in have.items():
        if given.get(n) != old.content_hash:
            s.delete(old)
    if not fresh:
        s.flush()
    for n, superseded_at, rev_hash, snap in incoming.revisions:
        if n in have and have[n].content_hash == rev_hash:
            continue
        s.add(m.revision(id=new_id(), record_id=row.id, revision=n, superseded_at=superseded_at,
                         content_hash=rev_hash, hash_scheme=incoming.revision_schemes.get(n, 1),
                         snapshot=json.dumps(snap, ensure_ascii=False, sort_keys=True, separators=(",", ":"))))
    _signature_rows(service, m, row, incoming)
    if not fresh:  # a new row is read back from memory; the batch's new rows are flushed together
        s.flush()
    as_given = service._to_record(m, row)
    for i, sig in enumerate(incoming.signatures):
        if not signature_matches(spec, as_given, sig):
            raise ValidationFailed([Issue(f"signatures[{i}]", QT_TRANSLATE_NOOP(MESSAGES, "签字与记录内容不符"))],
                                   index)
    fingerprint = service._fingerprint(m, as_given) if incoming.version_tag else None  # hashed once
    if incoming.version_tag and arrival.outcome == CREATED:
        _incoming_tag(service, m, as_given, incoming, fingerprint)  # a copy edited outside the program is a new version
    via = incoming.updated_via or service._unit(s).via
    row.updated_by, row.updated_via = incoming.updated_by[:40], via[:40]
    # The lineage it came with joins ours.
    known = set(_lineage(s, row.id, batch))
    for e in incoming.history or []:
        if e.tag not in known:
            known.add(e.tag)
            service._add_version(s, kind, row.id, e.version, e.tag, e.parent, e.at or now, e.by, e.via, e.laptop)
    if incoming.version_tag or resolving:
        if incoming.version_tag and incoming.version_tag not in known:
            service._add_version(s, kind, row.id, incoming.version, incoming.version_tag, "",
                                 incoming.updated_at or now, incoming.updated_by, via, incoming.origin)
        if resolving:  # a new version of ours, whatever its content (see the docstring)
            touched.arrived, touched.force = None, True
        else:  # made on a laptop: it keeps its version if it comes out here as it was there
            touched.arrived = (incoming.version, incoming.version_tag, fingerprint or service._fingerprint(m, as_given))
    arrival.record = as_given
    arrival.pending = (incoming, values, via)
    return arrival


def settle(service: RecordService, s: Session, arrival: Arrival, batch: Batch | None = None) -> None:
    """Work out the computed fields of a record that arrived, as this laptop does, once every record
    of the file is in (a complaint's batch expiry needs the deliveries, wherever they are in the
    file).  A signed revision that changes by that stays as it was signed, frozen; the record goes
    on with a new revision."""
    if arrival.pending is None:
        return
    incoming, values, via = arrival.pending
    arrival.pending = None
    m = service._models(arrival.kind)
    row = s.get(m.record, arrival.id)
    now = service.clock.now()
    derived = RecordValues(dict(values.fields), {k: [dict(r) for r in rows] for k, rows in values.tables.items()},
                           values.photos)
    if batch is None:
        service.derive(arrival.kind, derived, s)
    else:
        batch.derive(service, s, arrival.kind, derived)
    if not _same(derived, values):  # else worked out as the file gave it: written so already
        as_given = service._to_record(m, row)
        if _same(derived.tables, values.tables) and derived.photos == values.photos:
            _write_fields(service, m, row, derived)  # the rows as written by receive: not written again
        else:
            service._write_values(s, m, row, derived)
        if service._freeze_if_signed(s, m, row, as_given, now):
            arrival.note = QT_TRANSLATE_NOOP(MESSAGES, "计算字段按本机重新计算，与文件不同")
    s.flush()
    if not incoming.version_tag and service._touch(s, m, row).force is False:
        # A file without versions (typed by hand, or written before schema 0006): the record as
        # stored here is its first known version.  An old record's tag follows from its content, as
        # for an old record here, so two laptops that hold the same one agree on it.
        final = service._to_record(m, row)
        fingerprint = service._fingerprint(m, final)
        tag = version_tag("", fingerprint[0], final.signatures)
        if tag not in set(_lineage(s, row.id)):
            service._add_version(s, arrival.kind, row.id, incoming.version, tag, "", incoming.updated_at or now,
                                 incoming.updated_by, via, incoming.origin)
        service._touch(s, m, row).arrived = (incoming.version, tag, fingerprint)
    arrival.record = service._to_record(m, row)


def _same(a: Any, b: Any) -> bool:
    """Equal values of the same types written the same way (``Decimal("1.0")`` is not ``Decimal("1.00")``:
    they print, and hash, differently).  One value is itself: a copy's untouched values are."""
    if a is b:
        return True
    if isinstance(a, RecordValues) and isinstance(b, RecordValues):
        return _same(a.fields, b.fields) and _same(a.tables, b.tables) and a.photos == b.photos
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(v is b[k] or _same(v, b[k]) for k, v in a.items())
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(x is y or _same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b and str(a) == str(b)


def _write_fields(service: RecordService, m: FormModels, row: Any, values: RecordValues) -> None:
    """``RecordService._write_values`` for values whose table rows and photos are those the row has."""
    spec = m.spec
    for f in spec.fields():
        if not f.read_only:
            setattr(row, f.key, values.fields.get(f.key))
    row.search_text = service._search_text(spec, row.number, values)
    row.search_keys = search_keys_of(row.search_text)
    row.register_product, row.register_batch = service._register_summary(spec, values)


def _as_given(service: RecordService, m: FormModels, incoming: IncomingRecord, values: RecordValues,
              local: Record) -> Record:
    """The arriving copy as a record (not written), to work out its tag and check its signatures."""
    return Record(incoming.kind, incoming.id or local.id, incoming.number or local.number,
                  incoming.status or local.status, values, incoming.created_at or local.created_at,
                  incoming.updated_at or local.updated_at, incoming.events,
                  *(incoming.source or (None, None, None)), incoming.revision, list(incoming.signatures))

