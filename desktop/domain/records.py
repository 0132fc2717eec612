"""A record as the domain sees it, and its JSON form (docs/json-format.md).

The JSON object of a record is flat: ``kind``, ``id``, ``number``, ``status``, then one key per
field of the form (the same key as the widget's objectName), one list per item table, one list per
photo list, and ``history``.  ``to_json`` and ``from_json`` are exact inverses for every valid
record, which is what ``dump`` then ``import`` relies on.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .fields import FormSpec, Photo, RecordValues, format_value, once_per_form
from .i18n import MESSAGES, QT_TRANSLATE_NOOP
from .signatures import Signature, signature_from_json, signature_to_json
from .validation import Issue
from .versions import VersionEntry, version_history_from_json

META_KEYS = ("kind", "id", "number", "revision", "status", "created_at", "updated_at", "source", "history",
             "signatures", "revisions", "scans", "version", "version_tag", "version_history", "created_by",
             "updated_by", "updated_via", "origin")
_META = frozenset(META_KEYS)  # the same, to test a key against
# Keys of a record's JSON that are not part of its content (what a printed revision shows, which
# signatures sign): times, who, the history and lineage, the signatures themselves, scans.
NOT_CONTENT = ("created_at", "updated_at", "history", "signatures", "revisions", "scans", "version", "version_tag",
               "version_history", "created_by", "updated_by", "updated_via", "origin")
_NOT_CONTENT = frozenset(NOT_CONTENT)
# How content hashes are worked out (``content_hash_of_json``): 1 hashed every key of the form,
# empty ones included, so adding a field to a form changed every record's hash; 2 (since schema
# 0006) leaves empty values out, so a field added later changes nothing until it is filled.
HASH_SCHEME = 2
# Photos of a record kept under this list key are scans of its signed paper (``services.scans``):
# attached after printing, they are not part of what was printed (not in the content hash, not in
# the revision snapshots) and travel with the record in dumps as ``"scans"``.
SCANS_KEY = "scans"
_TAG_RE = re.compile(r"^[0-9a-f]{32}$")


@dataclass
class Event:
    at: dt.datetime
    from_status: str | None
    to_status: str
    by: str = ""
    note: str = ""


@dataclass
class Record:
    kind: str
    id: str
    number: str
    status: str
    values: RecordValues
    created_at: dt.datetime
    updated_at: dt.datetime
    events: list[Event] = field(default_factory=list)
    # The record this one was made from (kind, id, number), if any: see ``domain.links``.
    source_kind: str | None = None
    source_id: str | None = None
    source_number: str | None = None
    revision: int = 1
    # The signatures captured on screen for this revision (``domain.signatures``), in block order.
    signatures: list[Signature] = field(default_factory=list)
    # Scans or photos of the signed paper (``services.scans``); not part of the content.
    scans: list[Photo] = field(default_factory=list)
    # The stored version (+1 at every write) and its lineage tag (``domain.versions``); who made the
    # record, who last changed it and through what (form, import, excel, hotline, policy, sync), and
    # the laptop that made it (its owner).
    version: int = 1
    version_tag: str = ""
    created_by: str = ""
    updated_by: str = ""
    updated_via: str = ""
    origin: str = ""

    def signature(self, block: str) -> Signature | None:
        return next((s for s in self.signatures if s.block == block), None)

    def get(self, key: str) -> Any:
        if key == "number":
            return self.number
        if key == "status":
            return self.status
        return self.values.fields.get(key)


def new_id() -> str:
    """A new random (version 4) UUID, as text.  Drawn from a pool made 256 at a time from one read of
    the system's random source: a sync at head office gives every child row of thousands of records
    an id, and ``uuid.uuid4()`` reads the source once per id."""
    try:
        return _ids.pop()
    except IndexError:
        _ids.extend(_fresh_ids(256))
        return _ids.pop()


_VARIANT = "89ab" * 4  # the variant's two bits (10) set in the 17th hex digit


def _fresh_ids(n: int) -> list[str]:
    h = os.urandom(16 * n).hex()
    return [f"{h[i:i + 8]}-{h[i + 8:i + 12]}-4{h[i + 13:i + 16]}-{_VARIANT[int(h[i + 16], 16)]}{h[i + 17:i + 20]}-"
            f"{h[i + 20:i + 32]}" for i in range(0, 32 * n, 32)]


_ids: list[str] = []  # list.pop and list.extend are atomic: threads never get the same id
if hasattr(os, "register_at_fork"):  # a forked child must not hand out its parent's ids again
    os.register_at_fork(after_in_child=_ids.clear)


def display_value(spec: FormSpec, record: Record, key: str) -> str:
    return format_value(spec.field(key), record.get(key))


def _dt(value: dt.datetime) -> str:
    if value.tzinfo is dt.UTC:  # as the database gives it back: no conversion
        return value.isoformat(timespec="seconds")[:-6] + "Z"
    return value.astimezone(dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _parse_dt(text: Any) -> dt.datetime | None:
    if not isinstance(text, str):
        return None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def to_json(spec: FormSpec, record: Record, photo_content: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The record as a JSON object; ``photo_content`` maps sha256 → base64 to embed the pictures
    (and the signatures' rendered images)."""
    out: dict[str, Any] = {
        "kind": spec.kind,
        "id": record.id,
        "number": record.number,
        "revision": record.revision,
        "status": record.status,
        "created_at": _dt(record.created_at),
        "updated_at": _dt(record.updated_at),
        "source": (
            {"kind": record.source_kind, "id": record.source_id, "number": record.source_number}
            if record.source_id
            else None
        ),
    }
    field_plan, table_plan = spec.json_plan  # to_json_value of each, worked out once a form
    fields = record.values.fields
    for key, conv in field_plan:
        value = fields.get(key)
        out[key] = value if conv is None or value is None else conv(value)
    tables = record.values.tables
    for key, columns in table_plan:
        out[key] = [{c: v if (v := row.get(c)) is None or conv is None else conv(v) for c, conv in columns}
                    for row in tables.get(key, [])]
    for p in spec.photo_lists():
        photos = []
        for ph in record.values.photos.get(p.key, []):
            item: dict[str, Any] = {
                "filename": ph.filename,
                "caption": ph.caption,
                "media_type": ph.media_type,
                "sha256": ph.sha256,
            }
            if photo_content is not None and ph.sha256 in photo_content:
                item["content_base64"] = photo_content[ph.sha256]
            photos.append(item)
        out[p.key] = photos
    out["history"] = [
        {"at": _dt(e.at), "from": e.from_status, "to": e.to_status, "by": e.by, "note": e.note} for e in record.events
    ]
    content = photo_content or {}
    out["signatures"] = [signature_to_json(sig, content.get(sig.image_sha256)) for sig in record.signatures]
    out["version"] = record.version
    if record.version_tag:
        out["version_tag"] = record.version_tag
    for key in ("created_by", "updated_by", "updated_via", "origin"):
        if getattr(record, key):
            out[key] = getattr(record, key)
    return out


@dataclass
class IncomingRecord:
    """A record read from JSON, before it is checked against the database."""

    kind: str
    id: str | None
    number: str | None
    status: str | None
    raw: dict[str, Any]  # field, table and photo values as in the file
    created_at: dt.datetime | None
    updated_at: dt.datetime | None
    events: list[Event]
    source: tuple[str, str, str] | None = None  # (kind, id, number)
    revision: int = 1
    signatures: list[Signature] = field(default_factory=list)
    # base64 content by sha256 of the signatures' images and of old revisions' photos, when the file
    # carries it (to go into the content-addressed store)
    signature_images: dict[str, str] = field(default_factory=dict)
    # Earlier revisions: (revision, superseded_at, content_hash, snapshot JSON object), and the hash
    # scheme of each (``HASH_SCHEME``; 1 in files written before schema 0006)
    revisions: list[tuple[int, dt.datetime, str, dict[str, Any]]] = field(default_factory=list)
    revision_schemes: dict[int, int] = field(default_factory=dict)
    # Scans of the signed paper as in the file (JSON objects like photos), see ``SCANS_KEY``
    scans: list[Any] = field(default_factory=list)
    # The version as the file gives it, and its lineage (oldest first, the file's own version
    # last); empty in files written before schema 0006 (``domain.versions``).
    version: int = 1
    version_tag: str = ""
    history: list[VersionEntry] = field(default_factory=list)
    created_by: str = ""
    updated_by: str = ""
    updated_via: str = ""
    origin: str = ""


_JSON_KEYS: dict[str, tuple[FormSpec, Any]] = {}


def _json_keys(spec: FormSpec) -> tuple[frozenset[str], tuple[tuple[Any, frozenset[str]], ...]]:
    """The keys a record object of the form may have, and each item table's columns (once a form)."""
    return once_per_form(_JSON_KEYS, spec, lambda spec: (
        frozenset(META_KEYS) | {f.key for f in spec.fields()} | {t.key for t in spec.tables()}
        | {p.key for p in spec.photo_lists()},
        tuple((t, frozenset(c.key for c in t.columns)) for t in spec.tables())))


def from_json(spec: FormSpec, obj: Mapping[str, Any]) -> tuple[IncomingRecord, list[Issue]]:
    """Read the meta keys and check that no key is unknown (a typo must not vanish silently)."""
    issues: list[Issue] = []
    known, columns = _json_keys(spec)
    if not obj.keys() <= known:
        for key in obj:
            if key not in known:
                issues.append(Issue(key, QT_TRANSLATE_NOOP(MESSAGES, "未知的字段“{key}”"), {"key": key}))
    for t, cols in columns:
        rows = obj.get(t.key)
        if isinstance(rows, list):
            for i, row in enumerate(rows):
                if isinstance(row, Mapping) and not row.keys() <= cols:
                    for key in row:
                        if key not in cols:
                            issues.append(
                                Issue(f"{t.key}[{i}].{key}", QT_TRANSLATE_NOOP(MESSAGES, "未知的字段“{key}”"), {"key": key})
                            )
    rid = obj.get("id") or None
    if rid is not None:
        try:
            rid = str(uuid.UUID(str(rid)))
        except ValueError:
            issues.append(Issue("id", QT_TRANSLATE_NOOP(MESSAGES, "id 应为 UUID")))
            rid = None
    number = obj.get("number") or None
    status = obj.get("status") or None
    if status is not None and status not in spec.statuses:
        issues.append(
            Issue("status", QT_TRANSLATE_NOOP(MESSAGES, "“{value}”不是有效状态"), {"value": status})
        )
    events: list[Event] = []
    history = obj.get("history") or []
    if not isinstance(history, list):
        issues.append(Issue("history", QT_TRANSLATE_NOOP(MESSAGES, "应为多行列表")))
        history = []
    for i, h in enumerate(history):
        at = _parse_dt(h.get("at")) if isinstance(h, Mapping) else None
        if at is None or not isinstance(h, Mapping) or h.get("to") not in spec.statuses:
            issues.append(Issue(f"history[{i}]", QT_TRANSLATE_NOOP(MESSAGES, "状态记录不完整")))
            continue
        events.append(Event(at, h.get("from"), h["to"], str(h.get("by") or ""), str(h.get("note") or "")))
    source = obj.get("source")
    link: tuple[str, str, str] | None = None
    if source is not None:
        ok = isinstance(source, Mapping) and all(isinstance(source.get(k), str) and source.get(k)
                                                  for k in ("kind", "id", "number"))
        if not ok:
            issues.append(Issue("source", QT_TRANSLATE_NOOP(MESSAGES, "来源记录应含 kind、id、number")))
        else:
            try:
                link = (source["kind"], str(uuid.UUID(source["id"])), source["number"])
            except ValueError:
                issues.append(Issue("source", QT_TRANSLATE_NOOP(MESSAGES, "id 应为 UUID")))
    revision = obj.get("revision", 1)
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 1:
        issues.append(Issue("revision", QT_TRANSLATE_NOOP(MESSAGES, "修订号应为正整数")))
        revision = 1
    signatures, images = _signatures_from_json(obj.get("signatures"), revision, "signatures", issues)
    revisions: list[tuple[int, dt.datetime, str, dict[str, Any]]] = []
    schemes: dict[int, int] = {}
    old = obj.get("revisions") or []
    if not isinstance(old, list):
        issues.append(Issue("revisions", QT_TRANSLATE_NOOP(MESSAGES, "应为多行列表")))
        old = []
    for i, item in enumerate(old):
        path = f"revisions[{i}]"
        snap = item.get("record") if isinstance(item, Mapping) else None
        at = _parse_dt(item.get("superseded_at")) if isinstance(item, Mapping) else None
        n = item.get("revision") if isinstance(item, Mapping) else None
        if (not isinstance(snap, Mapping) or at is None or not isinstance(n, int) or isinstance(n, bool)
                or not 1 <= n < revision or snap.get("revision") != n or snap.get("kind") != spec.kind):
            issues.append(Issue(path, QT_TRANSLATE_NOOP(MESSAGES, "修订记录不完整")))
            continue
        snap_sigs, snap_images = _signatures_from_json(snap.get("signatures"), n, f"{path}.signatures", issues)
        images.update(snap_images)
        stored = dict(snap)
        for p in spec.photo_lists():  # embedded pictures go to the store, the snapshot keeps sha256
            photos = stored.get(p.key)
            if isinstance(photos, list):
                stored[p.key] = [_without_content(ph, images) for ph in photos]
        stored["signatures"] = [signature_to_json(sig) for sig in snap_sigs]  # images live in the store
        scheme = item.get("hash_scheme", 1)
        if scheme not in (1, HASH_SCHEME):
            issues.append(Issue(path, QT_TRANSLATE_NOOP(MESSAGES, "修订的哈希方案无效")))
            continue
        revisions.append((n, at, content_hash_of_json(stored, scheme, spec.kind), stored))
        schemes[n] = scheme
        if any(not signature_matches_json(sig, stored, spec.kind) for sig in snap_sigs):
            issues.append(Issue(path, QT_TRANSLATE_NOOP(MESSAGES, "签字与记录内容不符")))
        if isinstance(item.get("content_hash"), str) and item["content_hash"] != revisions[-1][2]:
            issues.append(Issue(path, QT_TRANSLATE_NOOP(MESSAGES, "修订内容与 content_hash 不符")))
    if len({r[0] for r in revisions}) != len(revisions):
        issues.append(Issue("revisions", QT_TRANSLATE_NOOP(MESSAGES, "修订号重复")))
    scans = obj.get(SCANS_KEY) or []
    if not isinstance(scans, list):
        issues.append(Issue(SCANS_KEY, QT_TRANSLATE_NOOP(MESSAGES, "应为多行列表")))
        scans = []
    version = obj.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= 10**9:
        issues.append(Issue("version", QT_TRANSLATE_NOOP(MESSAGES, "版本号应为正整数")))
        version = 1
    tag = obj.get("version_tag") or ""
    if not isinstance(tag, str) or (tag and not _TAG_RE.match(tag)):
        issues.append(Issue("version_tag", QT_TRANSLATE_NOOP(MESSAGES, "版本标识无效")))
        tag = ""
    lineage = version_history_from_json(obj.get("version_history"), issues)
    if lineage and (lineage[-1].tag != tag or lineage[-1].version != version):
        issues.append(Issue("version_history", QT_TRANSLATE_NOOP(MESSAGES, "版本历史与当前版本不符")))
    who = {}
    for key, limit in (("created_by", 40), ("updated_by", 40), ("updated_via", 40), ("origin", 8)):
        value = obj.get(key) or ""
        if not isinstance(value, str) or len(value) > limit:
            issues.append(Issue(key, QT_TRANSLATE_NOOP(MESSAGES, "应为不超过 {n} 个字符的文字"), {"n": limit}))
            value = ""
        who[key] = value
    raw = {k: v for k, v in obj.items() if k not in _META}
    photos_raw: dict[str, list[Photo]] = {}
    for p in spec.photo_lists():
        items = obj.get(p.key) or []
        if not isinstance(items, list):
            issues.append(Issue(p.key, QT_TRANSLATE_NOOP(MESSAGES, "应为多行列表")))
            items = []
        photos_raw[p.key] = items
    raw.update(photos_raw)
    return (
        IncomingRecord(
            kind=spec.kind,
            id=rid,
            number=number,
            status=status,
            raw=raw,
            created_at=_parse_dt(obj.get("created_at")),
            updated_at=_parse_dt(obj.get("updated_at")),
            events=events,
            source=link,
            revision=revision,
            signatures=signatures,
            signature_images=images,
            revisions=sorted(revisions, key=lambda r: r[0]),
            revision_schemes=schemes,
            scans=list(scans),
            version=version,
            version_tag=tag,
            history=lineage,
            **who,
        ),
        issues,
    )


def _without_content(photo: Any, images: dict[str, str]) -> Any:
    if isinstance(photo, Mapping) and isinstance(photo.get("content_base64"), str) and photo.get("sha256"):
        images[str(photo["sha256"])] = photo["content_base64"]
        return {k: v for k, v in photo.items() if k != "content_base64"}
    return photo


def _signatures_from_json(
    items: Any, revision: int, path: str, issues: list[Issue]
) -> tuple[list[Signature], dict[str, str]]:
    """The signatures of one revision, and the base64 images the file carries for them."""
    out: list[Signature] = []
    images: dict[str, str] = {}
    if items is None:
        return out, images
    if not isinstance(items, list):
        issues.append(Issue(path, QT_TRANSLATE_NOOP(MESSAGES, "应为多行列表")))
        return out, images
    for i, item in enumerate(items):
        try:
            sig = signature_from_json(item)
        except ValueError:
            issues.append(Issue(f"{path}[{i}]", QT_TRANSLATE_NOOP(MESSAGES, "签字记录不完整")))
            continue
        if sig.revision != revision:
            issues.append(Issue(f"{path}[{i}]", QT_TRANSLATE_NOOP(MESSAGES, "签字的修订号与记录不符")))
            continue
        if any(s.block == sig.block for s in out):
            issues.append(Issue(f"{path}[{i}]", QT_TRANSLATE_NOOP(MESSAGES, "同一处签字出现两次")))
            continue
        out.append(sig)
        if isinstance(item.get("image_base64"), str):
            images[sig.image_sha256] = item["image_base64"]
    return out, images


def content_hash(spec: FormSpec, record: Record) -> str:
    """SHA-256 of what a printed revision shows, in the current scheme (:data:`HASH_SCHEME`).

    Every value, the number, status and revision, with empty values left out; photos count by
    their own SHA-256.  Times, history, lineage and signatures are not content (signatures sign
    this hash).  The same revision always gives the same hash, on any laptop, and a field added to
    the form later does not change it while it is empty.
    """
    import hashlib
    import json

    text = json.dumps(_content(spec, record), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_EMPTY = (None, "", [], {})


def _content(spec: FormSpec, record: Record) -> dict[str, Any]:
    """What scheme 2 hashes of a record, built directly: ``content_hash_of_json(to_json(spec, record))``
    makes the whole JSON object, then drops what is not content and every empty value; every save
    and every record a sync brings is hashed (``tests/test_versions.py`` checks the two agree)."""
    out: dict[str, Any] = {}
    for key, value in (("kind", spec.kind), ("id", record.id), ("number", record.number),
                       ("revision", record.revision), ("status", record.status)):
        if value not in _EMPTY:
            out[key] = value
    if record.source_id:
        source = {k: v for k, v in (("kind", record.source_kind), ("id", record.source_id),
                                    ("number", record.source_number)) if v not in _EMPTY}
        if source:
            out["source"] = source
    field_plan, table_plan = spec.json_plan
    fields = record.values.fields
    for key, conv in field_plan:
        value = fields.get(key)
        if value is not None:
            if conv is not None:
                value = conv(value)
            if value not in _EMPTY:
                out[key] = value
    tables = record.values.tables
    for key, columns in table_plan:
        rows = [{c: v for c, conv in columns
                 if (v := row.get(c)) is not None and (v := v if conv is None else conv(v)) not in _EMPTY}
                for row in tables.get(key, [])]
        if rows:
            out[key] = rows
    for p in spec.photo_lists():
        photos = [{k: v for k, v in (("filename", ph.filename), ("caption", ph.caption),
                                     ("media_type", ph.media_type), ("sha256", ph.sha256)) if v not in _EMPTY}
                  for ph in record.values.photos.get(p.key, [])]
        if photos:
            out[p.key] = photos
    return out


def legacy_content_hash(spec: FormSpec, record: Record) -> str:
    """The scheme-1 hash the record had before schema 0006 (its keys cut back to those of then,
    ``domain.legacy_keys``): what old signatures and old PDFs' check codes name."""
    return content_hash_of_json(to_json(spec, record), 1, spec.kind)


def _cut_to_v1(obj: Mapping[str, Any], kind: str) -> dict[str, Any]:
    from .legacy_keys import V1_KEYS

    if kind not in V1_KEYS:
        return dict(obj)
    fields, tables, photos = V1_KEYS[kind]
    keep = set(META_KEYS) | set(fields) | set(photos)
    out = {k: v for k, v in obj.items() if k in keep}
    for key, cols in tables.items():
        rows = obj.get(key)
        out[key] = [{c: row.get(c) for c in cols} if isinstance(row, Mapping) else row for row in rows] \
            if isinstance(rows, list) else rows
    return out


def _without_empty(value: Any) -> Any:
    if isinstance(value, Mapping):
        out = {k: _without_empty(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_without_empty(v) for v in value]
    return value


def content_hash_of_json(obj: Mapping[str, Any], scheme: int = HASH_SCHEME, kind: str | None = None) -> str:
    """:func:`content_hash` of a record's JSON object (a stored revision snapshot), in ``scheme``.

    Scheme 1 hashes the object as it is (with ``kind``, cut back to the keys of schema 0005 first,
    for an object written with today's specs); scheme 2 leaves every empty value out."""
    import hashlib
    import json

    data: Any = {k: v for k, v in obj.items() if k not in _NOT_CONTENT}
    if scheme == 1:
        if kind is not None:
            data = _cut_to_v1(data, kind)
    elif scheme == HASH_SCHEME:
        data = _without_empty(data)
    else:
        raise ValueError(f"unknown hash scheme {scheme}")
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def signature_matches(spec: FormSpec, record: Record, sig: Signature) -> bool:
    """Whether ``sig`` signs the content ``record`` has now (in the signature's own scheme)."""
    if sig.hash_scheme == 1:
        return legacy_content_hash(spec, record) == sig.content_hash
    return content_hash(spec, record) == sig.content_hash


def signature_matches_json(sig: Signature, obj: Mapping[str, Any], kind: str) -> bool:
    """Whether ``sig`` signs the record JSON ``obj`` (a frozen revision, a record in a file)."""
    return content_hash_of_json(obj, sig.hash_scheme, kind) == sig.content_hash


def content_hashes(spec: FormSpec, record: Record) -> tuple[str, str]:
    """Every hash that names this content: the current scheme's, then the scheme-1 one (an old
    PDF's check code)."""
    return content_hash(spec, record), legacy_content_hash(spec, record)
