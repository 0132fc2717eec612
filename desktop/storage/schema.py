"""SQLAlchemy 2.0 models, with the form columns generated from the form specifications.

Every form gets the same shape: a record table (typed columns common to all records + one column
per field of the spec), one child table per item table, a photo table and a status-event table.
The migrations in ``migrations/versions`` are the frozen history of this shape; a test upgrades a
fresh database and compares it with these models, so a field added to a spec without a migration
fails the suite.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from ..domain.fields import Field, FieldType, FormSpec
from ..domain.forms import SPECS

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class DecimalText(TypeDecorator[Decimal]):
    """Exact decimals: SQLite has no decimal type and would round through a float."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Any) -> str | None:
        return None if value is None else format(Decimal(value), "f")

    def process_result_value(self, value: str | None, dialect: Any) -> Decimal | None:
        return None if value is None else Decimal(value)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes stored as UTC; read back aware (UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.timezone.utc)


def column_type(f: Field) -> Any:
    match f.type:
        case FieldType.LONGTEXT:
            return Text()
        case FieldType.DATE:
            return Date()
        case FieldType.DECIMAL:
            return DecimalText()
        case FieldType.INTEGER | FieldType.SCORE:
            return Integer()
        case FieldType.TIME:
            return Time()
        case FieldType.BOOL:
            return Boolean()
        case FieldType.CHOICE | FieldType.PHONE:
            return String(40)
        case _:
            return String(f.default_max_length)


class Setting(Base):
    """Per-laptop settings (company name for the letterhead, laptop code for numbers, …)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class NumberCounter(Base):
    """Last sequence number used per form prefix, year and laptop."""

    __tablename__ = "number_counter"
    prefix: Mapped[str] = mapped_column(String(4), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    laptop: Mapped[str] = mapped_column(String(4), primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class RecordVersion(Base):
    """One version of one record, of any kind: the lineage that tells a newer copy of a record from
    an older one or from a conflicting one (``domain.versions``).  Written at every write, and
    brought in with the history of an imported record."""

    __tablename__ = "record_version"
    # A lineage may hold two versions of one number (both sides' after a conflict was resolved),
    # never one tag twice.
    __table_args__ = (UniqueConstraint("record_id", "tag"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer)
    tag: Mapped[str] = mapped_column(String(32))
    parent_tag: Mapped[str] = mapped_column(String(32), default="")
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    by: Mapped[str] = mapped_column(String(40), default="")
    via: Mapped[str] = mapped_column(String(40), default="")
    laptop: Mapped[str] = mapped_column(String(8), default="")


class Conflict(Base):
    """A copy of a record that could not be applied: changed on both sides since a common version,
    or one that would replace a signed revision.  The local record is untouched; the incoming copy
    waits here, as its JSON, until someone resolves it (``services.conflicts``)."""

    __tablename__ = "conflict"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    number: Mapped[str] = mapped_column(String(30), default="")
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    source: Mapped[str] = mapped_column(String(200), default="")  # the file or laptop it came from
    reason: Mapped[str] = mapped_column(String(40))  # diverged | signed
    local_version: Mapped[int] = mapped_column(Integer)
    local_tag: Mapped[str] = mapped_column(String(32))
    incoming_version: Mapped[int] = mapped_column(Integer)
    incoming_tag: Mapped[str] = mapped_column(String(32))
    incoming: Mapped[str] = mapped_column(Text)  # the record's JSON as it came
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    resolved_by: Mapped[str] = mapped_column(String(40), default="")
    resolution: Mapped[str] = mapped_column(String(20), default="")  # local | incoming


class RecordMixin:
    """Columns every form record has."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID4: unique across laptops
    number: Mapped[str] = mapped_column(String(30), unique=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    # Lower-cased concatenation of what the register's search box looks in (number, unit,
    # product names, batch numbers), kept by the services on every save.
    search_text: Mapped[str] = mapped_column(Text, default="")
    # The initials of the names' pinyin in search_text, as pairs (services.lookup.pinyin_keys_of),
    # kept with it: what head office's index narrows a loose pinyin search (bjyy) by.
    search_keys: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The register's product and batch cells, kept at every save so the register needs no join.
    register_product: Mapped[str] = mapped_column(Text, default="")
    register_batch: Mapped[str] = mapped_column(Text, default="")
    # The record this one was made from (domain.links); no foreign key, as the source may be of
    # any kind, and may arrive later from another laptop's dump.
    source_kind: Mapped[str | None] = mapped_column(String(20))
    source_id: Mapped[str | None] = mapped_column(String(36), index=True)
    source_number: Mapped[str | None] = mapped_column(String(30))
    # Revision of the record's content: a new one starts when a signed record is changed, so
    # what a customer signed stays as it was (issue: signatures and locked records).
    revision: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # Version of the stored record: +1 at every write of any kind (a save, a step, a signature, an
    # import, a change made by a policy).  A save names the version it was based on and is refused
    # when the record has moved on since (``services.records.StaleRecord``).  ``version_tag``
    # identifies the version across laptops (``domain.versions``); NULL on records saved before
    # schema 0006, whose tag is then worked out from their content.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    version_tag: Mapped[str | None] = mapped_column(String(32))
    # Who made the record and who (and through what: form, import, excel, hotline, policy, sync)
    # last changed it; ``origin`` is the code of the laptop that made it, which owns it.
    created_by: Mapped[str] = mapped_column(String(40), default="", server_default="")
    updated_by: Mapped[str] = mapped_column(String(40), default="", server_default="")
    updated_via: Mapped[str] = mapped_column(String(40), default="", server_default="")
    origin: Mapped[str] = mapped_column(String(8), default="", server_default="")


class RowMixin:
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)


class PhotoMixin:
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    list_key: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)  # head office: who may download it (sync)
    filename: Mapped[str] = mapped_column(String(255))
    caption: Mapped[str] = mapped_column(String(200), default="")
    media_type: Mapped[str] = mapped_column(String(40))


class EventMixin:
    """One status change, kept forever with the record (who, when, from, to, note)."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    by: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class SignatureMixin:
    """A signature captured on screen for one block of one revision (``domain.signatures``).

    One table per form, beside its photos and events, rather than one table for every kind: the
    record's foreign key then deletes its signatures with it (a draft may be deleted), the rows load
    with the record like its other children, and every form has the same shape (``FormModels``).
    The picture is in the content-addressed photo store, by its SHA-256; the strokes are JSON.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    block: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(40), default="")
    signed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    content_hash: Mapped[str] = mapped_column(String(64))
    strokes: Mapped[str] = mapped_column(Text)  # JSON: [[[x, y, pressure, t_ms], …], …]
    image_sha256: Mapped[str] = mapped_column(String(64), index=True)
    # How ``content_hash`` was worked out (``domain.content``): 1 before schema 0006, 2 since.
    hash_scheme: Mapped[int] = mapped_column(Integer, default=2, server_default="1")


class RevisionMixin:
    """A superseded revision of a signed record, frozen as its JSON (``domain.records.to_json``,
    signatures included) at the moment a change made the next revision."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    superseded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    content_hash: Mapped[str] = mapped_column(String(64))
    snapshot: Mapped[str] = mapped_column(Text)
    hash_scheme: Mapped[int] = mapped_column(Integer, default=2, server_default="1")


class FormModels:
    """The model classes of one form."""

    def __init__(self, spec: FormSpec) -> None:
        self.spec = spec
        name = "".join(p.capitalize() for p in spec.table.split("_"))
        fk = f"{spec.table}.id"

        self.rows: dict[str, type] = {}
        rels: dict[str, Any] = {}
        reserved_record = set(RecordMixin.__annotations__)
        reserved_row = set(RowMixin.__annotations__) | {"record_id"}
        for f in spec.fields():
            if f.key in reserved_record and not f.read_only:
                raise ValueError(f"{spec.kind}: field key {f.key!r} is a column every record has")
        for t in spec.tables():
            for col in t.columns:
                if col.key in reserved_row:
                    raise ValueError(f"{spec.kind}.{t.key}: column key {col.key!r} is a column every row has")
            row_ns: dict[str, Any] = {
                "__tablename__": f"{spec.table}_{t.key}",
                "record_id": mapped_column(String(36), ForeignKey(fk, ondelete="CASCADE"), index=True, nullable=False),
            }
            for col in t.columns:
                row_ns[col.key] = mapped_column(column_type(col), nullable=True, index=col.indexed)
            row_cls = type(f"{name}{t.key.capitalize()}Row", (RowMixin, Base), row_ns)
            self.rows[t.key] = row_cls
            rels[f"rows_{t.key}"] = relationship(
                row_cls, order_by=row_cls.position, cascade="all, delete-orphan", lazy="selectin"
            )

        self.photo = type(
            f"{name}Photo",
            (PhotoMixin, Base),
            {
                "__tablename__": f"{spec.table}_photo",
                "record_id": mapped_column(String(36), ForeignKey(fk, ondelete="CASCADE"), index=True, nullable=False),
            },
        )
        self.event = type(
            f"{name}Event",
            (EventMixin, Base),
            {
                "__tablename__": f"{spec.table}_event",
                "record_id": mapped_column(String(36), ForeignKey(fk, ondelete="CASCADE"), index=True, nullable=False),
            },
        )
        self.signature = type(
            f"{name}Signature",
            (SignatureMixin, Base),
            {
                "__tablename__": f"{spec.table}_signature",
                "record_id": mapped_column(String(36), ForeignKey(fk, ondelete="CASCADE"), index=True, nullable=False),
                # one signature per block and revision
                "__table_args__": (UniqueConstraint("record_id", "revision", "block"),),
            },
        )
        self.revision = type(
            f"{name}Revision",
            (RevisionMixin, Base),
            {
                "__tablename__": f"{spec.table}_revision",
                "record_id": mapped_column(String(36), ForeignKey(fk, ondelete="CASCADE"), index=True, nullable=False),
                "__table_args__": (UniqueConstraint("record_id", "revision"),),
            },
        )
        rels["signatures"] = relationship(
            self.signature, order_by=(self.signature.revision, self.signature.signed_at),
            cascade="all, delete-orphan", lazy="selectin",
        )
        rels["photos"] = relationship(
            self.photo, order_by=self.photo.position, cascade="all, delete-orphan", lazy="selectin"
        )
        rels["events"] = relationship(
            self.event, order_by=self.event.at, cascade="all, delete-orphan", lazy="selectin"
        )
        ns: dict[str, Any] = {"__tablename__": spec.table, **rels}
        for f in spec.fields():
            if f.read_only:
                continue  # number and status are RecordMixin columns
            ns[f.key] = mapped_column(column_type(f), nullable=True, index=f.key == spec.date_field or f.indexed)
        # The register's substring search (``search_text LIKE '%…%'``): an index no query uses, kept empty
        # here (a partial index on nothing); head office's migration makes it a PostgreSQL trigram
        # index (pg_trgm GIN) under the same name when the server can (0007's data step).
        search = Index(f"ix_{spec.table}_search_text", "search_text", sqlite_where=text("0"),
                       postgresql_where=text("false"))
        # Likewise the loose pinyin keys: a GIN index on string_to_array(search_keys, ' ') at head office.
        keys = Index(f"ix_{spec.table}_search_keys", "search_keys", sqlite_where=text("0"),
                     postgresql_where=text("false"))
        ns["__table_args__"] = (*(Index(f"ix_{spec.table}_{'_'.join(cols)}", *cols) for cols in spec.indexes),
                                search, keys)
        self.record = type(name, (RecordMixin, Base), ns)


class _Models(Mapping[str, FormModels]):
    """The model classes of every kind, each made the first time it is asked for.

    Mapping the eleven kinds' ~65 classes costs SQLAlchemy about 0.7 s; start-up needs only the
    few the home screen reads (the registers fill when their tab is first shown), so each kind is
    mapped on first use.  Kinds share no foreign keys, so one can be mapped without the others.
    Iterating maps them all (the relations between records look in every kind).
    """

    def __init__(self) -> None:
        self._made: dict[str, FormModels] = {}
        self._lock = threading.Lock()  # the look-up builds its index on a worker thread

    def __getitem__(self, kind: str) -> FormModels:
        made = self._made.get(kind)
        if made is None:
            with self._lock:
                made = self._made.get(kind)
                if made is None:
                    made = self._made[kind] = FormModels(SPECS[kind])
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(SPECS)

    def __len__(self) -> int:
        return len(SPECS)


MODELS: Mapping[str, FormModels] = _Models()


def full_metadata() -> MetaData:
    """The metadata with every kind's tables (Alembic's autogenerate and the schema test)."""
    for kind in SPECS:
        MODELS[kind]
    # head office's accounts and the sync bookkeeping; tombstones, laptop profiles, register notes (issue 12)
    from . import server_accounts, sync_tables  # noqa: F401

    return Base.metadata
