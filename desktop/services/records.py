"""Record services: one method per user action, one short transaction each.

The user interface and the command line both call these; neither touches the ORM.  Every write
validates first (``domain.validation``) and raises :class:`ValidationFailed` with every issue, in
which case nothing at all has been written.

One write path.  Every change of a record — a form save, a step, a signature, an import, the
hotline desk, a change a policy makes to another record — goes through :meth:`RecordService.write`
(one transaction holding SQLite's write lock) and the methods that take its session.  Each written
record is *touched* there; when the operation ends, each touched record gets its next version
(+1, a lineage tag, who and through what, a line in ``record_version``) once, and the operation
returns an :class:`Outcome`: the record saved and every record the operation changed, so the window
refreshes exactly those.  A save names the version it was based on; one based on an older version
is refused (:class:`StaleRecord`), never applied over someone else's change.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..domain.clock import Clock
from ..domain.expiry import BatchDelivery
from ..domain.fields import FormSpec, Photo, RecordValues, once_per_form
from ..domain.forms import WORKFLOWS, spec_for
from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ..domain.links import Link
from ..domain.numbering import parse_number
from ..domain.records import SCANS_KEY, Event, Record, content_hash, new_id
from ..domain.settings import Settings
from ..domain.signatures import (
    Signature,
    normalise_strokes,
    strokes_to_json,
)
from ..domain.validation import (
    REQUIRED,
    Issue,
    ValidationFailed,
    check_printable,
    parse_record,
    strip_blank_rows,
)
from ..domain.versions import version_tag
from ..domain.workflow import (
    DeriveContext,
    Transition,
    TransitionRefused,
    apply_step_values,
    check_transition,
    fill_moment_defaults,
)
from ..storage.db import Database
from ..storage.numbering import next_number
from ..storage.photos import PhotoStore
from ..storage.schema import MODELS, FormModels, RecordVersion
from ..storage.settings import ensure_laptop_code, load_settings, save_settings
from .errors import NotFound, StaleRecord
from .record_revisions import RevisionsMixin
from .record_scans import ScansMixin
from .register_search import RegisterSearchMixin

if TYPE_CHECKING:
    from .policies import Policy

# Through what a record was changed (``updated_via``, the version history): said to the user
# when a save is refused because of it.
VIA_FORM = "form"
VIA_IMPORT = "import"
VIA_EXCEL = "excel"
VIA_HOTLINE = "hotline"
VIA_SYNC = "sync"
VIA_POLICY = "policy:"  # + the policy's name


@dataclass(frozen=True)
class RecordRef:
    kind: str
    id: str


@dataclass(frozen=True)
class Outcome:
    """What an operation did: the record it saved, and every record it changed (that one first,
    then those its policies changed: a follow-up planned, a ticket escalated, a complaint
    revisited)."""

    record: Record
    changed: tuple[RecordRef, ...]

    def kinds(self) -> set[str]:
        return {ref.kind for ref in self.changed}

    def others(self) -> tuple[RecordRef, ...]:
        return tuple(ref for ref in self.changed if ref.id != self.record.id)


@dataclass
class _Touched:
    models: FormModels
    row: Any
    new: bool
    parent: str = ""  # the version tag before the operation ("" for a new record)
    before: tuple[str, ...] = ()  # content hash and signatures before (see ``_fingerprint``)
    # An arrival (import, sync): the version it came as, kept when its content stays as it came.
    arrived: tuple[int, str, tuple[str, ...]] | None = None
    force: bool = False  # a new version even if the content is unchanged (a conflict resolved)


class _Unit:
    """The records one operation wrote, and who made it through what (kept in ``session.info``)."""

    def __init__(self, by: str, via: str) -> None:
        self.by = by
        self.via = via
        self.touched: dict[tuple[str, str], _Touched] = {}
        self.finished: list[RecordRef] = []


@dataclass(frozen=True)
class RegisterRow:
    """One line of a form's register (the sortable table).

    ``cells`` holds the values of the spec's register columns (``FormSpec.register``: field keys,
    or the product/batch summary), as Python values (dates stay dates, for sorting).
    """

    id: str
    number: str
    status: str
    cells: dict[str, Any]
    search_text: str = ""  # what the search box looks in (lower case)

    def __getitem__(self, key: str) -> Any:
        if key == "number":
            return self.number
        if key == "status":
            return self.status
        return self.cells.get(key)


def filter_rows(rows: Iterable[RegisterRow], text: str) -> list[RegisterRow]:
    """The rows whose search text holds every word of ``text`` (or its loose pinyin) — what
    ``search`` does (``services.search``).

    The register loads its rows once and filters them in memory as the clerk types: 10,000
    complaints in a few milliseconds, with no database round trip per key press.
    """
    from .search import filter_rows as _filter

    return _filter(rows, text)


@dataclass(frozen=True)
class LinkedRecord:
    """A record linked to another: the one it came from, or one made from it."""

    kind: str
    id: str
    number: str
    status: str
    date: dt.date | None
    relation: str  # "source" (this came from it) or "follow-on" (it came from this)


def _search_keys(search_text: str) -> str:
    from .search import search_keys_of  # the names' pinyin initials, in pairs (head office's index)

    return search_keys_of(search_text)



_READERS: dict[str, tuple[FormSpec, Any]] = {}


def _readers(spec: FormSpec) -> Any:
    """How :meth:`RecordService._to_record` reads a stored record of the form (once a form): the
    fields' keys with one getter of all their columns, and per item table its key, a getter of its
    rows, its columns' keys and one getter of a row's cells (``operator.attrgetter``)."""
    return once_per_form(_READERS, spec, _readers_of)


def _readers_of(spec: FormSpec) -> Any:
    def getter(keys: tuple[str, ...]) -> Any:  # always a tuple, also of one key
        get = attrgetter(*keys) if keys else (lambda _row: ())
        return get if len(keys) != 1 else (lambda row: (get(row),))

    keys, tables = spec.stored_keys
    return (keys, getter(keys)), tuple((key, attrgetter(f"rows_{key}"), cols, getter(cols)) for key, cols in tables)


class RecordService(RevisionsMixin, ScansMixin, RegisterSearchMixin):
    """Every user action on records; revisions and signatures (``record_revisions``), scans of
    signed paper (``record_scans``) and the register's search (``register_search``) are in mixins of
    their own."""

    def __init__(self, db: Database, photos: PhotoStore, clock: Clock | None = None,
                 policies: Sequence[Policy] | None = None) -> None:
        self.db = db
        self.photos = photos
        self.clock = clock or Clock()
        if policies is None:
            from .policies import POLICIES

            policies = POLICIES
        # The domain's policies (``services.policies``), run in this order inside the transaction
        # of every operation that saves a record of one of their kinds.
        self.policies: tuple[Policy, ...] = tuple(policies)
        # Called after every committed operation with what it changed (the look-ups forget the
        # customers or products they indexed).
        self._listeners: list[Callable[[tuple[RecordRef, ...]], None]] = []

    def on_change(self, listener: Callable[[tuple[RecordRef, ...]], None]) -> None:
        """Call ``listener`` with the records each committed operation changed."""
        self._listeners.append(listener)

    # ---------------------------------------------------------------- settings

    def settings(self) -> Settings:
        with self.db.session() as s:
            ensure_laptop_code(s)
            return load_settings(s)

    def save_settings(self, settings: Settings) -> Settings:
        issues = settings.validate()
        if issues:
            raise ValidationFailed(issues)
        with self.db.session() as s:
            save_settings(s, settings)
        return settings

    # ---------------------------------------------------------------- reading

    def _models(self, kind: str) -> FormModels:
        return MODELS[kind]

    def _to_record(self, m: FormModels, row: Any) -> Record:
        spec = m.spec
        values = RecordValues()
        (keys, of_row), tables = _readers(spec)
        values.fields = dict(zip(keys, of_row(row), strict=True))
        for key, rows_of, columns, of_cells in tables:
            values.tables[key] = [dict(zip(columns, of_cells(r), strict=True)) for r in rows_of(row)]
        for p in spec.photo_lists():
            values.photos[p.key] = [
                Photo(sha256=ph.sha256, filename=ph.filename, caption=ph.caption, media_type=ph.media_type, id=ph.id)
                for ph in row.photos
                if ph.list_key == p.key
            ]
        scans = [Photo(sha256=ph.sha256, filename=ph.filename, caption=ph.caption, media_type=ph.media_type, id=ph.id)
                 for ph in row.photos if ph.list_key == SCANS_KEY]
        events = [Event(e.at, e.from_status, e.to_status, e.by, e.note) for e in row.events]
        order = [b.key for b in spec.signatures]
        signatures = sorted((self._signature(sig) for sig in row.signatures if sig.revision == row.revision),
                            key=lambda sig: order.index(sig.block) if sig.block in order else len(order))
        record = Record(spec.kind, row.id, row.number, row.status, values, row.created_at, row.updated_at, events,
                        row.source_kind, row.source_id, row.source_number, row.revision, signatures, scans,
                        version=row.version or 1, version_tag=row.version_tag or "", created_by=row.created_by or "",
                        updated_by=row.updated_by or "", updated_via=row.updated_via or "", origin=row.origin or "")
        if not record.version_tag:  # saved before schema 0006: its tag follows from its content
            record.version_tag = version_tag("", content_hash(spec, record), record.signatures)
        return record

    @staticmethod
    def _signature(row: Any) -> Signature:
        return Signature(
            block=row.block, name=row.name, role=row.role, signed_at=row.signed_at, revision=row.revision,
            content_hash=row.content_hash, strokes=normalise_strokes(json.loads(row.strokes)),
            image_sha256=row.image_sha256, id=row.id, hash_scheme=row.hash_scheme or 1,
        )

    @staticmethod
    def _signature_row(m: FormModels, sig: Signature) -> Any:
        return m.signature(
            id=new_id(), revision=sig.revision, block=sig.block, name=sig.name, role=sig.role,
            signed_at=sig.signed_at, content_hash=sig.content_hash,
            strokes=json.dumps(strokes_to_json(sig.strokes), separators=(",", ":")), image_sha256=sig.image_sha256,
            hash_scheme=sig.hash_scheme,
        )

    def get(self, kind: str, record_id: str) -> Record:
        with self.db.session() as s:
            return self.get_in(s, kind, record_id)

    def get_in(self, s: Session, kind: str, record_id: str) -> Record:
        m = self._models(kind)
        row = s.get(m.record, record_id)
        if row is None:
            raise NotFound(record_id)
        return self._to_record(m, row)

    def find_number(self, number: str) -> Record:
        """The record with this form number, whatever its kind."""
        for kind, m in MODELS.items():
            with self.db.session() as s:
                row = s.scalars(select(m.record).where(m.record.number == number)).one_or_none()
                if row is not None:
                    return self._to_record(m, row)
        raise NotFound(number)

    def all_records(self, kind: str) -> list[Record]:
        m = self._models(kind)
        with self.db.session() as s:
            rows = s.scalars(select(m.record).order_by(m.record.number)).all()
            return [self._to_record(m, r) for r in rows]

    def count(self, kind: str) -> int:
        m = self._models(kind)
        with self.db.session() as s:
            return s.scalar(select(func.count()).select_from(m.record)) or 0


    def linked(self, kind: str, record_id: str) -> list[LinkedRecord]:
        """The record this one came from, then the records made from it (any kind), oldest first."""
        out: list[LinkedRecord] = []
        followers: list[tuple[Any, LinkedRecord]] = []
        with self.db.session() as s:
            this = s.get(self._models(kind).record, record_id)
            if this is None:
                raise NotFound(record_id)
            for k, m in MODELS.items():
                date_col = getattr(m.record, m.spec.date_field)
                if this.source_id and this.source_kind == k:
                    row = s.execute(select(m.record.id, m.record.number, m.record.status, date_col)
                                    .where(m.record.id == this.source_id)).first()
                    if row is not None:
                        out.insert(0, LinkedRecord(k, row[0], row[1], row[2], row[3], "source"))
                q = select(m.record.id, m.record.number, m.record.status, date_col, m.record.created_at).where(
                    m.record.source_id == record_id)
                followers += [((r[4], r[1]), LinkedRecord(k, r[0], r[1], r[2], r[3], "follow-on")) for r in s.execute(q)]
        return out + [link for _key, link in sorted(followers, key=lambda pair: pair[0])]

    def follow_on(self, kind: str, record_id: str, target_kind: str, staff: str = "") -> tuple[dict[str, Any], Link]:
        """The values of a new ``target_kind`` record made from this one (not saved: the form
        opens with them), and the link to pass to :meth:`create`."""
        from ..domain.links import follow_on_values

        source = self.get(kind, record_id)
        if source.status in WORKFLOWS[kind].voided:  # a voided duplicate: the original is the one to follow
            raise TransitionRefused(QT_TRANSLATE_NOOP(MESSAGES, "记录已作废，不能由此新建"))
        raw = follow_on_values(source, target_kind, self.clock.today(), staff or self.settings().staff_name)
        return raw, Link(kind, source.id, source.number)

    # ---------------------------------------------------------------- writing

    @staticmethod
    def _register_summary(spec: FormSpec, values: RecordValues) -> tuple[str, str]:
        """The register's 产品 and 生产批号 cells: first product (等 N 项) and every batch."""
        if spec.summary is None:
            return "", ""
        rows = values.tables.get(spec.summary.table, [])
        product = str(rows[0].get(spec.summary.product) or "") if rows else ""
        if product and len(rows) > 1:
            product = QT_TRANSLATE_NOOP(MESSAGES, "{product} 等 {n} 项").format(product=product, n=len(rows))
        batch_key = spec.summary.batch
        batches = [str(r.get(batch_key)) for r in rows if batch_key and r.get(batch_key)]
        return product, "、".join(dict.fromkeys(batches))

    @staticmethod
    def _search_text(spec: FormSpec, number: str, values: RecordValues) -> str:
        from .search import search_text_of  # every person, phone, unit, product, batch; pinyin

        return search_text_of(spec, number, values)

    def derive_context(self, s: Session | None = None) -> DeriveContext:
        """What computed fields may use: settings, today, and each product's shelf life."""
        if s is None:
            with self.db.session() as own:
                return self.derive_context(own)
        product = MODELS["product"].record
        settings = load_settings(s)

        def shelf_life_of(name: str) -> int | None:
            return s.scalar(select(product.shelf_life_months).where(product.name == name)
                            .order_by(product.status, product.registered_date.desc()).limit(1))

        lives: dict[str, int | None] = {}

        def cached(name: str) -> int | None:
            if name not in lives:
                lives[name] = shelf_life_of(name)
            return lives[name]

        def deliveries_of(batch_nos: Iterable[str]) -> list[BatchDelivery]:
            from .expiry import deliveries_in

            return deliveries_in(s, batch_nos)

        return DeriveContext(settings=settings, today=self.clock.today(), shelf_life_of=cached,
                             deliveries_of=deliveries_of)

    def derive(self, kind: str, values: RecordValues, s: Session | None = None) -> None:
        """Work out the form's computed fields (``Workflow.derive``), in place.  Always from this
        laptop's settings and registers: a computed value is never taken from a file."""
        wf = WORKFLOWS[kind]
        if wf.derive is None:
            return
        if s is None:
            with self.db.session() as own:
                return self.derive(kind, values, own)
        wf.derive(values, self.derive_context(s))

    def parse(self, kind: str, raw: Mapping[str, Any], s: Session | None = None) -> tuple[RecordValues, list[Issue]]:
        """The typed values of ``raw`` (blank table rows dropped, computed fields worked out) and
        the values that could not be read."""
        spec = spec_for(kind)
        values, issues = parse_record(spec, raw)
        strip_blank_rows(spec, values)
        self.derive(kind, values, s)
        return values, issues

    def validate(self, kind: str, raw: Mapping[str, Any]) -> tuple[RecordValues, list[Issue]]:
        """Parse and check without writing (the form calls this to show issues beside fields)."""
        values, issues = self.parse(kind, raw)
        # Every issue at once (a typed 2026-02-30 and an empty required field in one go), but a
        # value that could not be read is not also reported as missing.
        unreadable = {i.path for i in issues}
        issues += [i for i in WORKFLOWS[kind].check(values, self.clock.today()) if i.path not in unreadable]
        # A character no bundled font can print is refused beside its field (issue 13).
        from ..documents.fonts import unprintable_chars

        issues += [i for i in check_printable(spec_for(kind), values, unprintable_chars) if i.path not in unreadable]
        return values, issues

    @staticmethod
    def _empty_collections(m: FormModels) -> dict[str, list[Any]]:
        """A new record's child collections, set up front so nothing is lazily loaded for it."""
        return {"photos": [], "events": [], "signatures": [], **{f"rows_{k}": [] for k in m.rows}}

    def _write_values(self, s: Session, m: FormModels, row: Any, values: RecordValues) -> None:
        spec = m.spec
        if row.id is not None and (spec.kind, row.id) not in self._unit(s).touched:
            self._touch(s, m, row)
        for f in spec.fields():
            if not f.read_only:
                setattr(row, f.key, values.fields.get(f.key))
        for t in spec.tables():
            row_cls = m.rows[t.key]
            existing = getattr(row, f"rows_{t.key}")
            existing.clear()
            for i, r in enumerate(values.tables.get(t.key, [])):
                existing.append(row_cls(id=new_id(), position=i, **{c.key: r.get(c.key) for c in t.columns}))
        for ph in [ph for ph in row.photos if ph.list_key != SCANS_KEY]:  # scans stay (see add_scan)
            row.photos.remove(ph)
        for p in spec.photo_lists():
            for i, ph in enumerate(values.photos.get(p.key, [])):
                if not self.photos.has(ph.sha256):
                    raise ValidationFailed(
                        [Issue(p.key, QT_TRANSLATE_NOOP(MESSAGES, "图片文件缺失：{name}"), {"name": ph.filename})]
                    )
                row.photos.append(
                    m.photo(id=new_id(), list_key=p.key, position=i, sha256=ph.sha256, filename=ph.filename,
                            caption=ph.caption, media_type=ph.media_type)
                )
        row.search_text = self._search_text(spec, row.number, values)
        row.search_keys = _search_keys(row.search_text)
        row.register_product, row.register_batch = self._register_summary(spec, values)

    # ---------------------------------------------------------------- the write path

    @contextmanager
    def write(self, by: str = "", via: str = VIA_FORM) -> Iterator[Session]:
        """The transaction of one operation.  Inside it, records are written with :meth:`insert`,
        :meth:`update_in`, :meth:`transition_in` (and policies run); when the block ends each
        written record gets its next version, then everything commits together — or nothing
        does.  :meth:`changed` tells afterwards what the operation changed."""
        with self.db.write() as s:
            unit = _Unit(by, via)
            s.info["unit"] = unit
            yield s
            self._finish(s, unit)
        refs = tuple(unit.finished)
        for listener in list(self._listeners):
            listener(refs)

    def _unit(self, s: Session) -> _Unit:
        unit = s.info.get("unit")
        if unit is None:  # a session not opened by ``write``: a bug, not the user's problem
            raise RuntimeError("records are written only inside RecordService.write()")
        return unit

    def _fingerprint(self, m: FormModels, record: Record) -> tuple[str, ...]:
        """What makes a new version: the content and who signed which revision."""
        return (content_hash(m.spec, record),
                *sorted(f"{x.revision}:{x.block}:{x.content_hash}:{x.name}" for x in record.signatures))

    def _touch(self, s: Session, m: FormModels, row: Any, *, new: bool = False) -> _Touched:
        """Note that ``row`` is being written by this operation; call it *before* changing the row
        (the version it had is remembered then).  Its next version is settled when the operation
        ends, once however often it was written."""
        unit = self._unit(s)
        key = (m.spec.kind, row.id)
        touched = unit.touched.get(key)
        if touched is None:
            if new:
                touched = _Touched(m, row, True)
            else:
                before = self._to_record(m, row)
                touched = _Touched(m, row, False, before.version_tag, self._fingerprint(m, before))
            unit.touched[key] = touched
        return touched

    def _finish(self, s: Session, unit: _Unit) -> None:
        """Give every record the operation wrote its next version, once."""
        now = self.clock.now()
        laptop = ensure_laptop_code(s)
        s.flush()  # once: what follows changes only each row's own version columns
        for (kind, record_id), t in list(unit.touched.items()):
            row = t.row
            if row not in s:  # deleted by the operation
                continue
            record = self._to_record(t.models, row)
            after = self._fingerprint(t.models, record)
            if t.new:
                row.created_by = row.created_by or unit.by[:40]
                row.origin = row.origin or _origin(row.number, laptop)
            if t.arrived is not None and after == t.arrived[2]:
                # Arrived as it was made elsewhere: it keeps that version (its lineage came with it).
                row.version, row.version_tag = t.arrived[0], t.arrived[1]
                unit.finished.append(RecordRef(kind, record_id))
                continue
            if not t.new and t.arrived is None and after == t.before and not t.force:
                continue  # written as it was: no new version
            if t.arrived is not None:
                parent, version = t.arrived[1], t.arrived[0] + 1
            elif t.new:
                parent, version = "", 1
            else:
                parent, version = t.parent, (row.version or 1) + 1
                if row.version_tag is None:  # first write since schema 0006: its old version joins the lineage
                    self._add_version(s, kind, record_id, row.version or 1, parent, "", row.updated_at,
                                      row.updated_by or "", row.updated_via or "", row.origin or "")
            tag = version_tag(parent, after[0], record.signatures)
            row.version, row.version_tag = version, tag
            row.updated_by = unit.by[:40]
            row.updated_via = unit.via[:40]
            self._add_version(s, kind, record_id, version, tag, parent, now, unit.by, unit.via, laptop)
            unit.finished.append(RecordRef(kind, record_id))
        s.flush()

    @staticmethod
    def _add_version(s: Session, kind: str, record_id: str, version: int, tag: str, parent: str,
                     at: dt.datetime, by: str, via: str, laptop: str) -> None:
        s.add(RecordVersion(id=new_id(), kind=kind, record_id=record_id, version=version, tag=tag,
                            parent_tag=parent, at=at, by=by[:40], via=via[:40], laptop=laptop[:8]))

    def _result(self, s: Session, record: Record) -> Outcome:
        """The :class:`Outcome` of the operation of session ``s``, which just committed, with
        ``record`` read again (its version settled)."""
        refs = self._unit(s).finished
        main = RecordRef(record.kind, record.id)
        fresh = self.get(record.kind, record.id)
        return Outcome(fresh, (main, *[r for r in refs if r != main]))

    @staticmethod
    def _check_version(kind: str, row: Any, expected: int | None) -> None:
        if expected is not None and (row.version or 1) != expected:
            raise StaleRecord(kind, row.id, row.number, expected, row.version or 1, row.updated_by or "",
                              row.updated_via or "", row.updated_at)

    # ---------------------------------------------------------------- operations

    def create(self, kind: str, raw: Mapping[str, Any], by: str = "", source: Link | None = None,
               via: str = VIA_FORM) -> Outcome:
        """Register a new record (status: the workflow's first), made from ``source`` if given."""
        values, issues = self.validate(kind, raw)
        if issues:
            raise ValidationFailed(issues)
        with self.write(by, via) as s:
            record = self.insert(s, kind, values, by=by, source=source)
        return self._result(s, record)

    def insert(self, s: Session, kind: str, values: RecordValues, by: str = "", source: Link | None = None) -> Record:
        """Write a new record of checked ``values`` in the operation's transaction (a policy plans a
        follow-up in the same transaction as the record that causes it)."""
        spec = spec_for(kind)
        m = self._models(kind)
        now = self.clock.now()
        wf = WORKFLOWS[kind]
        laptop = ensure_laptop_code(s)
        date = values.fields.get(spec.date_field) or self.clock.today()
        number = next_number(s, spec.number_prefix, date.year, laptop)
        row = m.record(id=new_id(), number=number, status=wf.initial, created_at=now, updated_at=now,
                       revision=1, version=1, created_by=by[:40], origin=laptop, **self._empty_collections(m))
        if source is not None:
            row.source_kind, row.source_id, row.source_number = source.kind, source.id, source.number
        s.add(row)
        self._touch(s, m, row, new=True)
        self._write_values(s, m, row, values)
        row.events.append(m.event(id=new_id(), at=now, from_status=None, to_status=wf.initial, by=by, note=""))
        s.flush()
        record = self._to_record(m, row)
        self._saved(s, record, None)
        return record

    def update_in(self, s: Session, kind: str, record_id: str, values: RecordValues, by: str = "",
                  expected_version: int | None = None) -> Record:
        """Write checked ``values`` over a record in the operation's transaction."""
        m = self._models(kind)
        row = s.get(m.record, record_id)
        if row is None:
            raise NotFound(record_id)
        self._check_version(kind, row, expected_version)
        if WORKFLOWS[kind].is_final(row.status):
            raise TransitionRefused(QT_TRANSLATE_NOOP(MESSAGES, "记录已办结，不能再修改"))
        self._touch(s, m, row)
        before = self._to_record(m, row)
        now = self.clock.now()
        self._write_values(s, m, row, values)
        if self._freeze_if_signed(s, m, row, before, now) or not before.signatures:
            row.updated_at = now
        s.flush()
        record = self._to_record(m, row)
        self._saved(s, record, before.status)
        return record

    def _saved(self, s: Session, record: Record, before: str | None) -> None:
        """Run the policies of the record's kind (``services.policies``) in its transaction; for a
        record that arrived by import or sync, only those that apply to arrivals."""
        arriving = self.arriving(s)
        for policy in self.policies:
            if record.kind in policy.kinds and (policy.on_import or not arriving):
                policy.run(self, s, record, before)

    def arriving(self, s: Session) -> bool:
        """Whether the operation of ``s`` brings records from elsewhere (an import, a sync)."""
        return self._unit(s).via in (VIA_IMPORT, VIA_SYNC)

    def policy_step_in(self, s: Session, kind: str, record_id: str, target: str, by: str = "",
                       note: str = "") -> Record:
        """A step only a policy takes (``Transition.by_policy``: a ticket 已转投诉 with its complaint).
        It needs nothing of the record's own values, so it is taken as the record is."""
        wf = WORKFLOWS[kind]
        m = self._models(kind)
        row = s.get(m.record, record_id)
        if row is None:
            raise NotFound(record_id)
        t = wf.find(row.status, target)
        if t is None or not t.by_policy:
            raise TransitionRefused(
                QT_TRANSLATE_NOOP(MESSAGES, "不能从“{a}”转到“{b}”").format(a=row.status, b=target))
        now = self.clock.now()
        self._touch(s, m, row)
        before = self._to_record(m, row)
        row.status = target
        self._freeze_if_signed(s, m, row, before, now)
        row.events.append(m.event(id=new_id(), at=now, from_status=before.status, to_status=target, by=by,
                                  note=note))
        row.updated_at = now
        s.flush()
        record = self._to_record(m, row)
        self._saved(s, record, before.status)
        return record

    def update(self, kind: str, record_id: str, raw: Mapping[str, Any], by: str = "",
               expected_version: int | None = None, via: str = VIA_FORM) -> Outcome:
        """Save the form's values over the record.  With ``expected_version`` (the version the form
        was opened at), a record changed since is refused with :class:`StaleRecord`."""
        values, issues = self.validate(kind, raw)
        if issues:
            raise ValidationFailed(issues)
        with self.write(by, via) as s:
            record = self.update_in(s, kind, record_id, values, by=by, expected_version=expected_version)
        return self._result(s, record)

    def signatures_left_behind(self, kind: str, record_id: str, raw: Mapping[str, Any],
                               target: str | None = None) -> list[Signature]:
        """The signatures the stored revision has that saving ``raw`` (and moving to ``target``)
        would leave behind on a frozen revision: the new revision starts unsigned.  Empty when the
        content would not change or nobody signed.  The window asks before such a save."""
        from dataclasses import replace

        current = self.get(kind, record_id)
        if not current.signatures:
            return []
        values, issues = self.parse(kind, raw)
        if issues:
            return []  # the save will be refused anyway
        after = replace(current, values=values, status=target or current.status)
        spec = spec_for(kind)
        return [] if content_hash(spec, after) == content_hash(spec, current) else list(current.signatures)

    def unfinished(self, kind: str, raw: Mapping[str, Any], status: str, block: str) -> tuple[Transition, list[Issue]] | None:
        """When the form is not yet complete for the signer of ``block`` (``SignatureBlock.signs_at``):
        the next step towards it and what that step still misses.  Signing now would leave the
        signature behind when the form is completed ("complete, then sign").  None otherwise."""
        wf = WORKFLOWS[kind]
        sb = next((b for b in wf.spec.signatures if b.key == block), None)
        if sb is None or not sb.signs_at or status == sb.signs_at:
            return None
        statuses = wf.spec.statuses
        if status in statuses and sb.signs_at in statuses and statuses.index(status) > statuses.index(sb.signs_at):
            return None  # past it
        chain = _path_between(wf, status, sb.signs_at)
        if not chain:
            return None
        first = chain[0]
        missing = [i for i in self.check_step(kind, raw, status, first.target) if i.template == REQUIRED]
        return first, missing

    def next_steps(self, kind: str, status: str) -> list[Transition]:
        """The steps a person may take from ``status`` (not those only a policy takes)."""
        return [t for t in WORKFLOWS[kind].next_steps(status) if not t.by_policy]

    def check_step(self, kind: str, raw: Mapping[str, Any], source: str, target: str) -> list[Issue]:
        """What is missing for a step, on the values as they are in the form."""
        wf = WORKFLOWS[kind]
        t = wf.find(source, target)
        if t is None:
            return [Issue("status", QT_TRANSLATE_NOOP(MESSAGES, "不能从“{a}”转到“{b}”"), {"a": source, "b": target})]
        values, issues = self.parse(kind, raw)
        unreadable = {i.path for i in issues}
        return issues + [i for i in check_transition(wf, values, t, self.clock.today()) if i.path not in unreadable]

    def transition(
        self, kind: str, record_id: str, target: str, raw: Mapping[str, Any], by: str = "", note: str = "",
        expected_version: int | None = None, via: str = VIA_FORM,
    ) -> Outcome:
        """Save the form's values and move the record to ``target`` in one transaction."""
        with self.write(by, via) as s:
            values, issues = self.parse(kind, raw, s)
            record = self.transition_in(s, kind, record_id, target, values, by=by, note=note, issues=issues,
                                        expected_version=expected_version)
        return self._result(s, record)

    def transition_in(
        self, s: Session, kind: str, record_id: str, target: str, values: RecordValues, by: str = "",
        note: str = "", issues: list[Issue] | None = None, expected_version: int | None = None,
    ) -> Record:
        """:meth:`transition` in the operation's transaction, with parsed ``values`` (a policy moves
        the record another one closes: a complaint revisited when its call back is done)."""
        wf = WORKFLOWS[kind]
        m = self._models(kind)
        row = s.get(m.record, record_id)
        if row is None:
            raise NotFound(record_id)
        self._check_version(kind, row, expected_version)
        t = wf.find(row.status, target)
        if t is None:
            raise TransitionRefused(
                QT_TRANSLATE_NOOP(MESSAGES, "不能从“{a}”转到“{b}”").format(a=row.status, b=target)
            )
        # A step's own values (issue 14): the reason given as ``note`` (重新打开, 作废), the fields
        # it empties and the dates it stamps.
        apply_step_values(values, t, self.clock.today(), note)
        issues = issues or check_transition(wf, values, t, self.clock.today())
        if issues:
            raise ValidationFailed(issues)
        now = self.clock.now()
        fill_moment_defaults(values, t, now)  # when the step was actually taken (a ticket's response)
        self._touch(s, m, row)
        before = self._to_record(m, row)
        self._write_values(s, m, row, values)
        # The status is printed on the form: a signed revision that changes status is frozen too
        # (and any revision, when the step keeps it: a reopened complaint's closed revision).
        row.status = target
        self._freeze_if_signed(s, m, row, before, now, always=t.new_revision)
        row.events.append(m.event(id=new_id(), at=now, from_status=before.status, to_status=target, by=by,
                                  note=note))
        row.updated_at = now
        s.flush()
        record = self._to_record(m, row)
        self._saved(s, record, before.status)
        return record

    def delete(self, kind: str, record_id: str, expected_version: int | None = None) -> None:
        """Delete a record where the rules allow it.

        A complaint's file is kept five years after closing (质量投诉资料的保管期限为五年).  Any other
        record may be deleted only while it is still in its first status and nothing was made from
        it (a draft entered by mistake); once completed it is part of the archive.
        """
        from ..domain.complaint_rules import retention_ends

        m = self._models(kind)
        wf = WORKFLOWS[kind]
        with self.write() as s:
            row = s.get(m.record, record_id)
            if row is None:
                raise NotFound(record_id)
            self._check_version(kind, row, expected_version)
            if kind == "complaint":
                ends = retention_ends(row.closed_date) if row.status in wf.final else None
                if ends is None or ends > self.clock.today():
                    raise TransitionRefused(
                        QT_TRANSLATE_NOOP(MESSAGES, "投诉资料须在关闭后保存五年，不能删除（可删除日期：{date}）").format(
                            date=ends.isoformat() if ends else "关闭后五年"
                        )
                    )
            else:
                followers = sum(
                    s.scalar(select(func.count()).select_from(other.record).where(other.record.source_id == record_id))
                    or 0
                    for other in MODELS.values()
                )
                if row.status != wf.initial or followers:
                    raise TransitionRefused(
                        QT_TRANSLATE_NOOP(MESSAGES, "只能删除尚未完成、也没有后续记录的草稿；已完成的记录须存档")
                    )
            s.execute(delete(m.record).where(m.record.id == record_id))
            s.execute(delete(RecordVersion).where(RecordVersion.record_id == record_id))
            self._removed(s, kind, record_id)

    def _removed(self, s: Session, kind: str, record_id: str) -> None:
        """Note that the operation deleted this record: it is among what the operation changed (the
        look-ups forget it, the registers and open forms showing it refresh)."""
        unit = self._unit(s)
        unit.touched.pop((kind, record_id), None)
        unit.finished.append(RecordRef(kind, record_id))


def _path_between(wf: Any, source: str, target: str) -> list[Transition]:
    """The shortest chain of steps a person takes from ``source`` to ``target`` (empty if none)."""
    frontier: list[tuple[str, list[Transition]]] = [(source, [])]
    seen = {source}
    while frontier:
        nxt = []
        for status, path in frontier:
            for t in wf.next_steps(status):
                if t.by_policy or t.target in seen:
                    continue
                if t.target == target:
                    return path + [t]
                seen.add(t.target)
                nxt.append((t.target, path + [t]))
        frontier = nxt
    return []


def _origin(number: str, laptop: str) -> str:
    """The laptop a record belongs to: the one its number names (this one for a new number)."""
    parsed = parse_number(number)
    return parsed[2] if parsed else laptop
