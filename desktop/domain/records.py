"""A record as the domain sees it, and its JSON form (docs/json-format.md).

The JSON object of a record is flat: ``kind``, ``id``, ``number``, ``status``, then one key per
field of the form (the same key as the widget's objectName), one list per item table, one list per
photo list, and ``history``.  ``to_json`` and ``from_json`` are exact inverses for every valid
record, which is what ``dump`` then ``import`` relies on.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .fields import FormSpec, Photo, RecordValues, format_value, to_json_value
from .i18n import MESSAGES, QT_TRANSLATE_NOOP
from .signatures import Signature, signature_from_json, signature_to_json
from .validation import Issue

META_KEYS = ("kind", "id", "number", "revision", "status", "created_at", "updated_at", "source", "history",
             "signatures", "revisions", "scans")
# Photos of a record kept under this list key are scans of its signed paper (``services.scans``):
# attached after printing, they are not part of what was printed (not in the content hash, not in
# the revision snapshots) and travel with the record in dumps as ``"scans"``.
SCANS_KEY = "scans"


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

    def signature(self, block: str) -> Signature | None:
        return next((s for s in self.signatures if s.block == block), None)

    def get(self, key: str) -> Any:
        if key == "number":
            return self.number
        if key == "status":
            return self.status
        return self.values.fields.get(key)


def new_id() -> str:
    return str(uuid.uuid4())


def display_value(spec: FormSpec, record: Record, key: str) -> str:
    return format_value(spec.field(key), record.get(key))


def _dt(value: dt.datetime) -> str:
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
    for f in spec.fields():
        if not f.read_only:
            out[f.key] = to_json_value(f, record.values.fields.get(f.key))
    for t in spec.tables():
        out[t.key] = [
            {c.key: to_json_value(c, row.get(c.key)) for c in t.columns} for row in record.values.tables.get(t.key, [])
        ]
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
    # Earlier revisions: (revision, superseded_at, content_hash, snapshot JSON object)
    revisions: list[tuple[int, dt.datetime, str, dict[str, Any]]] = field(default_factory=list)
    # Scans of the signed paper as in the file (JSON objects like photos), see ``SCANS_KEY``
    scans: list[Any] = field(default_factory=list)


def from_json(spec: FormSpec, obj: Mapping[str, Any]) -> tuple[IncomingRecord, list[Issue]]:
    """Read the meta keys and check that no key is unknown (a typo must not vanish silently)."""
    issues: list[Issue] = []
    known = set(META_KEYS) | {f.key for f in spec.fields()} | {t.key for t in spec.tables()}
    known |= {p.key for p in spec.photo_lists()}
    for key in obj:
        if key not in known:
            issues.append(Issue(key, QT_TRANSLATE_NOOP(MESSAGES, "未知的字段“{key}”"), {"key": key}))
    for t in spec.tables():
        rows = obj.get(t.key)
        if isinstance(rows, list):
            cols = {c.key for c in t.columns}
            for i, row in enumerate(rows):
                if isinstance(row, Mapping):
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
        revisions.append((n, at, content_hash_of_json(stored), stored))
        if any(sig.content_hash != revisions[-1][2] for sig in snap_sigs):
            issues.append(Issue(path, QT_TRANSLATE_NOOP(MESSAGES, "签字与记录内容不符")))
        if isinstance(item.get("content_hash"), str) and item["content_hash"] != revisions[-1][2]:
            issues.append(Issue(path, QT_TRANSLATE_NOOP(MESSAGES, "修订内容与 content_hash 不符")))
    if len({r[0] for r in revisions}) != len(revisions):
        issues.append(Issue("revisions", QT_TRANSLATE_NOOP(MESSAGES, "修订号重复")))
    scans = obj.get(SCANS_KEY) or []
    if not isinstance(scans, list):
        issues.append(Issue(SCANS_KEY, QT_TRANSLATE_NOOP(MESSAGES, "应为多行列表")))
        scans = []
    raw = {k: v for k, v in obj.items() if k not in META_KEYS}
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
            scans=list(scans),
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
    """SHA-256 of what a printed revision shows: every value, the number, status and revision.

    Canonical JSON (sorted keys, no spaces) of the record without its times, history and
    signatures; photos count by their own SHA-256.  The same revision always gives the same hash,
    on any laptop.  Signatures are left out because they sign this hash (``domain.signatures``).
    """
    return content_hash_of_json(to_json(spec, record))


def content_hash_of_json(obj: Mapping[str, Any]) -> str:
    """:func:`content_hash` of a record's JSON object (a stored revision snapshot)."""
    import hashlib
    import json

    data = {k: v for k, v in obj.items() if k not in ("created_at", "updated_at", "history", "signatures",
                                                          "revisions", SCANS_KEY)}
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
