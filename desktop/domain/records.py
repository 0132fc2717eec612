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
from .validation import Issue

META_KEYS = ("kind", "id", "number", "revision", "status", "created_at", "updated_at", "source", "history")


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
    """The record as a JSON object; ``photo_content`` maps sha256 → base64 to embed the pictures."""
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
        ),
        issues,
    )


def content_hash(spec: FormSpec, record: Record) -> str:
    """SHA-256 of what a printed revision shows: every value, the number, status and revision.

    Canonical JSON (sorted keys, no spaces) of the record without its times and history; photos
    count by their own SHA-256.  The same revision always gives the same hash, on any laptop.
    """
    import hashlib
    import json

    data = to_json(spec, record)
    for key in ("created_at", "updated_at", "history"):
        data.pop(key, None)
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
