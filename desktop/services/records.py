"""Record services: one method per user action, one short transaction each.

The user interface and the command line both call these; neither touches the ORM.  Every write
validates first (``domain.validation``) and raises :class:`ValidationFailed` with every issue, in
which case nothing at all has been written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..domain.clock import Clock
from ..domain.expiry import BatchDelivery
from ..domain.fields import BATCH_COLUMN, PRODUCT_COLUMN, FormSpec, Photo, RecordValues
from ..domain.forms import WORKFLOWS, spec_for
from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ..domain.links import Link
from ..domain.numbering import parse_number
from ..domain.records import SCANS_KEY, Event, Record, content_hash, new_id
from ..domain.settings import Settings
from ..domain.signatures import (
    Signature,
    normalise_strokes,
    signature_from_json,
    strokes_to_json,
)
from ..domain.validation import Issue, ValidationFailed, parse_record, strip_blank_rows
from ..domain.workflow import DeriveContext, Transition, TransitionRefused, check_transition
from ..storage.db import Database
from ..storage.numbering import next_number, note_number
from ..storage.photos import PhotoStore
from ..storage.schema import MODELS, FormModels
from ..storage.settings import ensure_laptop_code, load_settings, save_settings
from .errors import NotFound
from .record_revisions import RevisionsMixin
from .record_scans import ScansMixin

SaveHook = Callable[["RecordService", Session, Record, "str | None"], None]


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
    """The rows whose search text holds every word of ``text`` — what ``search`` does in SQL.

    The register loads its rows once and filters them in memory as the clerk types: 10,000
    complaints in a few milliseconds, with no database round trip per key press.
    """
    words = text.lower().split()
    if not words:
        return list(rows)
    return [r for r in rows if all(w in r.search_text for w in words)]


@dataclass(frozen=True)
class LinkedRecord:
    """A record linked to another: the one it came from, or one made from it."""

    kind: str
    id: str
    number: str
    status: str
    date: dt.date | None
    relation: str  # "source" (this came from it) or "follow-on" (it came from this)


def _register_column(rec: Any, key: str) -> Any:
    if key == PRODUCT_COLUMN:
        return rec.register_product
    if key == BATCH_COLUMN:
        return rec.register_batch
    return getattr(rec, key)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class RecordService(RevisionsMixin, ScansMixin):
    """Every user action on records; revisions and signatures (``record_revisions``) and scans of
    signed paper (``record_scans``) are in mixins of their own."""

    def __init__(self, db: Database, photos: PhotoStore, clock: Clock | None = None,
                 hooks: Iterable[SaveHook] | None = None) -> None:
        self.db = db
        self.photos = photos
        self.clock = clock or Clock()
        if hooks is None:
            from .planning import SAVE_HOOKS

            hooks = SAVE_HOOKS
        # Called after every create, update and status change, inside its transaction, with the
        # record as saved and its status before (None for a new record).
        self.hooks: list[SaveHook] = list(hooks)

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
        for f in spec.fields():
            if not f.read_only:
                values.fields[f.key] = getattr(row, f.key)
        for t in spec.tables():
            values.tables[t.key] = [{c.key: getattr(r, c.key) for c in t.columns} for r in getattr(row, f"rows_{t.key}")]
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
        return Record(spec.kind, row.id, row.number, row.status, values, row.created_at, row.updated_at, events,
                      row.source_kind, row.source_id, row.source_number, row.revision, signatures, scans)

    @staticmethod
    def _signature(row: Any) -> Signature:
        return Signature(
            block=row.block, name=row.name, role=row.role, signed_at=row.signed_at, revision=row.revision,
            content_hash=row.content_hash, strokes=normalise_strokes(json.loads(row.strokes)),
            image_sha256=row.image_sha256, id=row.id,
        )

    @staticmethod
    def _signature_row(m: FormModels, sig: Signature) -> Any:
        return m.signature(
            id=new_id(), revision=sig.revision, block=sig.block, name=sig.name, role=sig.role,
            signed_at=sig.signed_at, content_hash=sig.content_hash,
            strokes=json.dumps(strokes_to_json(sig.strokes), separators=(",", ":")), image_sha256=sig.image_sha256,
        )

    def get(self, kind: str, record_id: str) -> Record:
        m = self._models(kind)
        with self.db.session() as s:
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

    def search(self, kind: str, text: str = "", limit: int | None = None) -> list[RegisterRow]:
        """The register, filtered by every word of ``text`` (number, unit, product, batch, …).

        One table, no joins: the product and batch summary is kept on the record at every save, so
        10,000 records come back in tens of milliseconds.  Core rows, not ORM objects, for the
        same reason.
        """
        m = self._models(kind)
        spec = m.spec
        rec = m.record
        keys = spec.register
        cols = [_register_column(rec, key) for key in keys]
        date_col = getattr(rec, spec.date_field)
        q = select(rec.id, rec.number, rec.status, rec.search_text, *cols).order_by(
            date_col.desc(), rec.number.desc()
        )
        for word in text.lower().split():
            q = q.where(rec.search_text.like(f"%{_like_escape(word)}%", escape="\\"))
        if limit:
            q = q.limit(limit)
        with self.db.session() as s:
            return [
                RegisterRow(row[0], row[1], row[2], dict(zip(keys, row[4:], strict=True)), row[3])
                for row in s.connection().execute(q)
            ]

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
        parts = [number] + [str(values.fields.get(k) or "") for k in spec.search_fields]
        if spec.summary is not None:
            for row in values.tables.get(spec.summary.table, []):
                parts.append(str(row.get(spec.summary.product) or ""))
                if spec.summary.batch:
                    parts.append(str(row.get(spec.summary.batch) or ""))
        return " ".join(p for p in parts if p).lower()

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

    def derive(self, kind: str, values: RecordValues, s: Session | None = None, *, keep_given: bool = False) -> None:
        """Work out the form's computed fields (``Workflow.derive``).  With ``keep_given`` (an
        import) values computed on the laptop that saved the record are kept, so its signatures
        still match; only missing ones are worked out here."""
        wf = WORKFLOWS[kind]
        if wf.derive is None:
            return
        if s is None:
            with self.db.session() as own:
                return self.derive(kind, values, own, keep_given=keep_given)
        if not keep_given:
            wf.derive(values, self.derive_context(s))
            return
        mine = RecordValues(dict(values.fields), {k: [dict(r) for r in rows] for k, rows in values.tables.items()},
                            values.photos)
        wf.derive(mine, self.derive_context(s))
        for f in wf.spec.fields():
            if f.computed and values.fields.get(f.key) is None:
                values.fields[f.key] = mine.fields.get(f.key)
        for t in wf.spec.tables():
            for col in (c for c in t.columns if c.computed):
                for row, derived in zip(values.tables.get(t.key, []), mine.tables.get(t.key, []), strict=True):
                    if row.get(col.key) is None:
                        row[col.key] = derived.get(col.key)

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
        spec = spec_for(kind)
        values, issues = self.parse(kind, raw)
        # Every issue at once (a typed 2026-02-30 and an empty required field in one go), but a
        # value that could not be read is not also reported as missing.
        unreadable = {i.path for i in issues}
        issues += [i for i in WORKFLOWS[kind].check(values, self.clock.today()) if i.path not in unreadable]
        return values, issues

    @staticmethod
    def _empty_collections(m: FormModels) -> dict[str, list[Any]]:
        """A new record's child collections, set up front so nothing is lazily loaded for it."""
        return {"photos": [], "events": [], "signatures": [], **{f"rows_{k}": [] for k in m.rows}}

    def _write_values(self, s: Session, m: FormModels, row: Any, values: RecordValues) -> None:
        spec = m.spec
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
        row.register_product, row.register_batch = self._register_summary(spec, values)

    def create(self, kind: str, raw: Mapping[str, Any], by: str = "", source: Link | None = None) -> Record:
        """Register a new record (status: the workflow's first), made from ``source`` if given."""
        values, issues = self.validate(kind, raw)
        if issues:
            raise ValidationFailed(issues)
        with self.db.session() as s:
            return self.insert(s, kind, values, by=by, source=source)

    def insert(self, s: Session, kind: str, values: RecordValues, by: str = "", source: Link | None = None) -> Record:
        """Write a new record of checked ``values`` in the caller's transaction (the save hooks use
        it to plan a follow-up in the same transaction as the record that causes it)."""
        spec = spec_for(kind)
        m = self._models(kind)
        now = self.clock.now()
        wf = WORKFLOWS[kind]
        laptop = ensure_laptop_code(s)
        date = values.fields.get(spec.date_field) or self.clock.today()
        number = next_number(s, spec.number_prefix, date.year, laptop)
        row = m.record(id=new_id(), number=number, status=wf.initial, created_at=now, updated_at=now,
                       revision=1, **self._empty_collections(m))
        if source is not None:
            row.source_kind, row.source_id, row.source_number = source.kind, source.id, source.number
        s.add(row)
        self._write_values(s, m, row, values)
        row.events.append(m.event(id=new_id(), at=now, from_status=None, to_status=wf.initial, by=by, note=""))
        s.flush()
        record = self._to_record(m, row)
        self._saved(s, record, None)
        return record

    def update_in(self, s: Session, kind: str, record_id: str, values: RecordValues, by: str = "") -> Record:
        """Write checked ``values`` over a record in the caller's transaction, as :meth:`update`
        does (the Excel import updates the customer or product of the same name together with
        the rest of the file)."""
        m = self._models(kind)
        row = s.get(m.record, record_id)
        if row is None:
            raise NotFound(record_id)
        if WORKFLOWS[kind].is_final(row.status):
            raise TransitionRefused(QT_TRANSLATE_NOOP(MESSAGES, "记录已关闭，不能再修改"))
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
        """Run the save hooks (``services.planning``) in the saving transaction."""
        for hook in self.hooks:
            hook(self, s, record, before)

    def update(self, kind: str, record_id: str, raw: Mapping[str, Any], by: str = "") -> Record:
        values, issues = self.validate(kind, raw)
        if issues:
            raise ValidationFailed(issues)
        with self.db.session() as s:
            return self.update_in(s, kind, record_id, values, by=by)

    def next_steps(self, kind: str, status: str) -> list[Transition]:
        return WORKFLOWS[kind].next_steps(status)

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
        self, kind: str, record_id: str, target: str, raw: Mapping[str, Any], by: str = "", note: str = ""
    ) -> Record:
        """Save the form's values and move the record to ``target`` in one transaction."""
        with self.db.session() as s:
            values, issues = self.parse(kind, raw, s)
            return self.transition_in(s, kind, record_id, target, values, by=by, note=note, issues=issues)

    def transition_in(
        self, s: Session, kind: str, record_id: str, target: str, values: RecordValues, by: str = "",
        note: str = "", issues: list[Issue] | None = None,
    ) -> Record:
        """:meth:`transition` in the caller's transaction, with parsed ``values`` (a save hook moves
        the record another one closes: a complaint revisited when its call back is done)."""
        wf = WORKFLOWS[kind]
        m = self._models(kind)
        row = s.get(m.record, record_id)
        if row is None:
            raise NotFound(record_id)
        t = wf.find(row.status, target)
        if t is None:
            raise TransitionRefused(
                QT_TRANSLATE_NOOP(MESSAGES, "不能从“{a}”转到“{b}”").format(a=row.status, b=target)
            )
        issues = issues or check_transition(wf, values, t, self.clock.today())
        if issues:
            raise ValidationFailed(issues)
        now = self.clock.now()
        before = self._to_record(m, row)
        self._write_values(s, m, row, values)
        # The status is printed on the form: a signed revision that changes status is frozen too.
        row.status = target
        self._freeze_if_signed(s, m, row, before, now)
        row.events.append(m.event(id=new_id(), at=now, from_status=before.status, to_status=target, by=by,
                                  note=note))
        row.updated_at = now
        s.flush()
        record = self._to_record(m, row)
        self._saved(s, record, before.status)
        return record

    def delete(self, kind: str, record_id: str) -> None:
        """Delete a record where the rules allow it.

        A complaint's file is kept five years after closing (质量投诉资料的保管期限为五年).  Any other
        record may be deleted only while it is still in its first status and nothing was made from
        it (a draft entered by mistake); once completed it is part of the archive.
        """
        from ..domain.complaint_rules import retention_ends

        m = self._models(kind)
        wf = WORKFLOWS[kind]
        with self.db.session() as s:
            row = s.get(m.record, record_id)
            if row is None:
                raise NotFound(record_id)
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

    # ---------------------------------------------------------------- import (all or nothing)

    def store_incoming(
        self, s: Session, kind: str, incoming: Any, values: RecordValues, *, index: int
    ) -> Record:
        """Write one validated incoming record in the caller's transaction (used by the importer)."""
        spec = spec_for(kind)
        m = self._models(kind)
        wf = WORKFLOWS[kind]
        now = self.clock.now()
        row = s.get(m.record, incoming.id) if incoming.id else None
        if incoming.number:
            other = s.scalars(select(m.record).where(m.record.number == incoming.number)).one_or_none()
            if other is not None and (row is None or other.id != row.id):
                raise ValidationFailed(
                    [Issue("number", QT_TRANSLATE_NOOP(MESSAGES, "编号 {number} 已被另一条记录使用"),
                           {"number": incoming.number})],
                    index,
                )
        status = incoming.status or wf.initial
        if row is None:
            laptop = ensure_laptop_code(s)
            number = incoming.number
            if number is None:
                date = values.fields.get(spec.date_field) or self.clock.today()
                number = next_number(s, spec.number_prefix, date.year, laptop)
            row = m.record(id=incoming.id or new_id(), number=number, status=status,
                           created_at=incoming.created_at or now, updated_at=incoming.updated_at or now,
                           **self._empty_collections(m))
            s.add(row)
        else:
            row.status = status
            row.updated_at = incoming.updated_at or now
        if incoming.source is not None:
            row.source_kind, row.source_id, row.source_number = incoming.source
        row.revision = incoming.revision
        parsed = parse_number(row.number)
        if parsed and parsed[0] == spec.number_prefix:
            note_number(s, *parsed)
        self._write_values(s, m, row, values)
        self._merge_scans(m, row, incoming.scans)
        row.events.clear()
        events = incoming.events or [Event(now, None, status, "", QT_TRANSLATE_NOOP(MESSAGES, "导入"))]
        for e in events:
            row.events.append(m.event(id=new_id(), at=e.at, from_status=e.from_status, to_status=e.to_status,
                                      by=e.by, note=e.note))
        # Signatures and frozen revisions come as they were; each signature must sign the content of
        # its revision, as it did on the laptop that captured it.
        row.signatures.clear()
        s.execute(delete(m.revision).where(m.revision.record_id == row.id))
        digest = content_hash(spec, self._to_record(m, row))
        for i, sig in enumerate(incoming.signatures):
            if sig.content_hash != digest:
                raise ValidationFailed(
                    [Issue(f"signatures[{i}]", QT_TRANSLATE_NOOP(MESSAGES, "签字与记录内容不符"))], index)
            row.signatures.append(self._signature_row(m, sig))
        for n, superseded_at, rev_hash, snap in incoming.revisions:
            s.add(m.revision(id=new_id(), record_id=row.id, revision=n, superseded_at=superseded_at,
                             content_hash=rev_hash,
                             snapshot=json.dumps(snap, ensure_ascii=False, sort_keys=True, separators=(",", ":"))))
            for obj in snap.get("signatures") or []:
                row.signatures.append(self._signature_row(m, signature_from_json(obj)))
        s.flush()
        return self._to_record(m, row)
