"""JSON import and dump (docs/json-format.md) and the ``example`` record of each form.

``import`` reads everything, validates everything, and only then writes, in one transaction: one
bad record anywhere means nothing is written, and the error names the record's index, the field's
key and the reason.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..domain.fields import Photo, RecordValues
from ..domain.forms import SPECS, WORKFLOWS
from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ..domain.records import SCANS_KEY, IncomingRecord, Record, from_json, to_json
from ..domain.validation import Issue, ValidationFailed, parse_record, strip_blank_rows
from ..domain.versions import version_history_to_json
from ..domain.workflow import check_status
from ..storage.bulk import TableRows
from ..storage.photos import PhotoError
from ..storage.settings import settings_held
from .incoming import (
    CLOSED_REASON,
    CONFLICT,
    CREATED,
    DIVERGED_REASON,
    OLDER_COPY,
    SIGNED_REASON,
    UPDATED,
    Arrival,
    batch_context,
    preload,
    receive,
    settle,
)
from .new_arrivals import receive_new
from .records import RecordRef, RecordService
from .trust import number_issue, structure_issues, top_level_issue, valid_sha256


@dataclass
class ImportProblem:
    index: int
    issues: list[Issue]

    def lines(self) -> list[str]:
        return [f"记录 #{self.index}: {i.path}: {i.message}" for i in self.issues]


class ImportFailed(Exception):
    def __init__(self, problems: list[ImportProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(line for p in problems for line in p.lines()))


def _photo_from_json(service: RecordService, item: Any, path: str) -> tuple[Photo | None, list[Issue]]:
    if isinstance(item, Photo):
        return item, []
    if not isinstance(item, Mapping):
        return None, [Issue(path, QT_TRANSLATE_NOOP(MESSAGES, "应为图片对象"))]
    filename = str(item.get("filename") or "photo")
    caption = str(item.get("caption") or "")
    content = item.get("content_base64")
    sha = item.get("sha256")
    if sha is not None and not valid_sha256(sha):
        return None, [Issue(f"{path}.sha256", QT_TRANSLATE_NOOP(MESSAGES, "图片引用无效：应为 64 位十六进制的 SHA-256"))]
    if content is not None and not isinstance(content, str):
        return None, [Issue(path, QT_TRANSLATE_NOOP(MESSAGES, "图片内容不是有效的 base64"))]
    if content:
        try:
            data = base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError):
            return None, [Issue(path, QT_TRANSLATE_NOOP(MESSAGES, "图片内容不是有效的 base64"))]
        if sha and hashlib.sha256(data).hexdigest() != sha:
            return None, [Issue(path, QT_TRANSLATE_NOOP(MESSAGES, "图片内容与 sha256 不符"))]
        try:
            photo = service.photos.add_bytes(data, filename, caption)
        except PhotoError as e:
            return None, [Issue(path, str(e))]
        return photo, []
    if sha and service.photos.holds(sha):
        return Photo(sha256=str(sha), filename=filename, caption=caption,
                     media_type=str(item.get("media_type") or "image/jpeg")), []
    return None, [Issue(path, QT_TRANSLATE_NOOP(MESSAGES, "缺少图片内容（content_base64）"))]


def _store_signature_files(service: RecordService, incoming: IncomingRecord) -> list[Issue]:
    """Put the signatures' pictures and old revisions' photos the file carries into the store; a
    signature whose picture is neither in the file nor in the store is rendered again from its
    strokes (the strokes are the signature; the picture is made from them)."""
    issues: list[Issue] = []
    bad = [f"signatures[{i}].image_sha256" for i, sig in enumerate(incoming.signatures)
           if not valid_sha256(sig.image_sha256)]
    bad += [f"signatures.{str(sha)[:70]}" for sha in incoming.signature_images if not valid_sha256(sha)]
    old_refs: list[tuple[str, Any]] = []
    for n, _at, _digest, snap in incoming.revisions:
        for key, value in snap.items():
            refs = [ph.get("sha256") for ph in value if isinstance(ph, Mapping)] if isinstance(value, list) else []
            if key == "signatures":
                refs = [sig.get("image_sha256") for sig in value if isinstance(sig, Mapping)]
            elif not any(p.key == key for p in SPECS[incoming.kind].photo_lists()):
                continue
            bad += [f"revisions[r{n}].{key}" for ref in refs if not valid_sha256(ref)]
            old_refs += [(f"revisions[r{n}].{key}", ref) for ref in refs if key != "signatures"]
    if bad:
        return [Issue(path, QT_TRANSLATE_NOOP(MESSAGES, "图片引用无效：应为 64 位十六进制的 SHA-256")) for path in bad]
    for sha, content in incoming.signature_images.items():
        if not isinstance(content, str):
            issues.append(Issue("signatures", QT_TRANSLATE_NOOP(MESSAGES, "图片内容不是有效的 base64")))
            continue
        try:
            data = base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError):
            issues.append(Issue("signatures", QT_TRANSLATE_NOOP(MESSAGES, "图片内容不是有效的 base64")))
            continue
        if hashlib.sha256(data).hexdigest() != sha:
            issues.append(Issue("signatures", QT_TRANSLATE_NOOP(MESSAGES, "图片内容与 sha256 不符")))
            continue
        try:
            service.photos.add_bytes(data, f"{sha}.png")
        except PhotoError as e:
            issues.append(Issue("signatures", str(e)))
    for path, ref in old_refs:  # an old revision's photo: in the file, or already here with its bytes
        if not service.photos.holds(ref):
            issues.append(Issue(path, QT_TRANSLATE_NOOP(MESSAGES, "缺少图片内容（content_base64）")))
    missing = [sig for sig in incoming.signatures if not service.photos.holds(sig.image_sha256)]
    if missing:
        from .signature_image import render_png

        incoming.signatures = [
            replace(sig, image_sha256=service.photos.add_bytes(render_png(sig.strokes), "signature.png").sha256)
            if sig in missing else sig
            for sig in incoming.signatures
        ]
    return issues


def parse_objects(service: RecordService, data: Any) -> list[tuple[IncomingRecord, RecordValues, Any]]:
    """Validate every object; raise :class:`ImportFailed` listing all problems, write nothing.

    Photo content is stored in the content-addressed photo folder while checking; that writes no
    record, and a picture nobody refers to is harmless.
    """
    whole = top_level_issue(data)
    if whole is not None:
        raise ImportFailed([ImportProblem(0, [whole])])
    objs = data if isinstance(data, list) else [data]
    problems: list[ImportProblem] = []
    parsed: list[tuple[IncomingRecord, RecordValues, Any]] = []
    today = service.clock.today()
    seen_ids: set[str] = set()
    seen_numbers: set[str] = set()
    with service.db.session() as s:
        kinds = [(o.get("kind"), o) for o in objs if isinstance(o, Mapping)]
        # The computed fields of the whole file worked out with one context (settings once, the
        # deliveries its forms name in one query), as they are checked: nothing is written meanwhile.
        context = batch_context(service, s, [(k, _rough_values(k, o)) for k, o in kinds
                                             if isinstance(k, str) and k in SPECS])
        for index, obj in enumerate(objs):
            if not isinstance(obj, Mapping):
                problems.append(ImportProblem(index, [Issue("", QT_TRANSLATE_NOOP(MESSAGES, "应为 JSON 对象"))]))
                continue
            shape = structure_issues(obj)
            if shape:
                problems.append(ImportProblem(index, shape))
                continue
            kind = obj.get("kind")
            if not isinstance(kind, str) or kind not in SPECS:
                problems.append(ImportProblem(index, [Issue("kind", QT_TRANSLATE_NOOP(MESSAGES, "未知的记录类型“{kind}”；可用：{known}"), {"kind": str(kind)[:40], "known": "、".join(SPECS)})]))
                continue
            spec = SPECS[kind]
            if obj.get("number") not in (None, ""):
                wrong = number_issue(obj.get("number"), spec.number_prefix)
                if wrong is not None:
                    problems.append(ImportProblem(index, [wrong]))
                    continue
            incoming, issues = from_json(spec, obj)
            issues += _claims_issues(incoming)
            photo_issues: list[Issue] = []
            raw = dict(incoming.raw)
            for p in spec.photo_lists():
                photos = []
                for i, item in enumerate(raw.get(p.key) or []):
                    ph, errs = _photo_from_json(service, item, f"{p.key}[{i}]")
                    photo_issues += errs
                    if ph is not None:
                        photos.append(ph)
                raw[p.key] = photos
            scans = []
            for i, item in enumerate(incoming.scans):
                ph, errs = _photo_from_json(service, item, f"{SCANS_KEY}[{i}]")
                photo_issues += errs
                if ph is not None:
                    scans.append(ph)
            incoming.scans = scans
            issues += _store_signature_files(service, incoming)
            values, parse_issues = parse_record(spec, raw)
            strip_blank_rows(spec, values)
            issues += photo_issues + parse_issues
            if not issues:
                # The rules hold for the record as it will be stored: computed fields worked out here.
                derived = RecordValues(dict(values.fields), {k: [dict(r) for r in rows] for k, rows in values.tables.items()},
                                       values.photos)
                if WORKFLOWS[kind].derive is not None:
                    WORKFLOWS[kind].derive(derived, context)
                issues += check_status(WORKFLOWS[kind], derived, incoming.status or WORKFLOWS[kind].initial, today)
            if incoming.id and incoming.id in seen_ids:
                issues.append(Issue("id", QT_TRANSLATE_NOOP(MESSAGES, "文件中 id 重复")))
            if incoming.number and incoming.number in seen_numbers:
                issues.append(Issue("number", QT_TRANSLATE_NOOP(MESSAGES, "文件中编号重复")))
            seen_ids.add(incoming.id or "")
            seen_numbers.add(incoming.number or "")
            if issues:
                problems.append(ImportProblem(index, issues))
            else:
                parsed.append((incoming, values, obj))
    if problems:
        raise ImportFailed(problems)
    return parsed


def _rough_values(kind: str, obj: Mapping[str, Any]) -> RecordValues:
    """The item tables of an object as the file gives them (before checking): enough to know
    which batch numbers its computed fields will look up."""
    tables = {}
    for t in SPECS[kind].tables():
        rows = obj.get(t.key)
        if isinstance(rows, list):
            tables[t.key] = [r for r in rows if isinstance(r, Mapping)]
    return RecordValues({}, tables)


def _claims_issues(incoming: IncomingRecord) -> list[Issue]:
    """What a file claims about a record's past that cannot be so: a revision beyond the first
    whose earlier revisions are not in the file, a record that is its own source."""
    issues = []
    earlier = sorted(r[0] for r in incoming.revisions)
    if incoming.revision > 1 and (len(earlier) != incoming.revision - 1 or earlier != list(range(1, incoming.revision))):
        issues.append(Issue("revision", QT_TRANSLATE_NOOP(
            MESSAGES, "第 {revision} 版缺少之前各版的修订记录（revisions）"), {"revision": incoming.revision}))
    if incoming.source is not None and incoming.id is not None and incoming.source[1] == incoming.id:
        issues.append(Issue("source", QT_TRANSLATE_NOOP(MESSAGES, "来源记录不能是记录本身")))
    return issues


@dataclass
class ImportReport:
    """What an import did, record by record (``services.incoming``), and what it changed."""

    arrivals: list[Arrival]
    changed: tuple[RecordRef, ...]

    @property
    def records(self) -> list[Record]:
        """The stored records, in file order (a conflict's is ours, unchanged)."""
        return [a.record for a in self.arrivals if a.record is not None]

    def count(self, outcome: str) -> int:
        return sum(1 for a in self.arrivals if a.outcome == outcome)

    def lines(self) -> list[str]:
        """One line per record that was not simply written (for the command line and the window)."""
        out = []
        for a in self.arrivals:
            if a.outcome == CONFLICT:
                out.append(QT_TRANSLATE_NOOP(MESSAGES, "记录 #{index} {number}：{reason}，已保留为冲突待处理，本机记录未改动")
                           .format(index=a.index, number=a.number, reason=CONFLICT_REASONS.get(a.note, a.note)))
            elif a.outcome == OLDER_COPY:
                out.append(QT_TRANSLATE_NOOP(MESSAGES, "记录 #{index} {number}：文件中是较旧的版本，本机记录未改动")
                           .format(index=a.index, number=a.number))
            elif a.note:
                out.append(QT_TRANSLATE_NOOP(MESSAGES, "记录 #{index} {number}：{note}；已签字的版本原样保留")
                           .format(index=a.index, number=a.number, note=a.note))
        return out


CONFLICT_REASONS = {
    DIVERGED_REASON: QT_TRANSLATE_NOOP(MESSAGES, "本机与文件各自修改过这条记录"),
    SIGNED_REASON: QT_TRANSLATE_NOOP(MESSAGES, "文件中的版本会替换本机已签字的版本"),
    CLOSED_REASON: QT_TRANSLATE_NOOP(MESSAGES, "本机记录已办结，文件中的版本未经重新打开就修改了它"),
}


def _numbers_in_use(service: RecordService, s: Any, parsed: list[tuple[IncomingRecord, RecordValues, Any]]
                    ) -> list[ImportProblem]:
    """A record's number belongs to one record of one kind: refuse a file that gives a number another
    record (of any kind) already has."""
    from sqlalchemy import select

    from ..storage.schema import MODELS

    wanted = {inc.number: (i, inc) for i, (inc, _v, _o) in enumerate(parsed) if inc.number}
    problems = []
    for kind, m in MODELS.items():
        # A stored number has its own kind's prefix (made so, or checked so when it came in): only
        # the numbers of that prefix are looked for in a kind's table (not every number in all eleven).
        prefix = f"{m.spec.number_prefix}-"
        numbers = [n for n in wanted if n.startswith(prefix)]
        for start in range(0, len(numbers), 500):
            chunk = numbers[start:start + 500]
            for rid, number in s.execute(select(m.record.id, m.record.number).where(m.record.number.in_(chunk))):
                index, inc = wanted[number]
                if rid != inc.id or kind != inc.kind:
                    problems.append(ImportProblem(index, [Issue("number", QT_TRANSLATE_NOOP(
                        MESSAGES, "编号 {number} 已被另一条记录使用"), {"number": number})]))
    return problems


def import_records(service: RecordService, data: Any, source: str = "", via: str = "", *,
                   read_back: bool = True, by_the_set: bool = True) -> ImportReport:
    """All or nothing: every record is written in one transaction, or none is.  Each record follows
    the rule of ``services.incoming``; the policies that apply to arrivals run once every record of
    the file is in (a delivery's follow-ups that travel with it are then there, and none is planned
    twice).

    Set-based: what is stored of the file's records is read at once (``incoming.preload``), the
    settings once, the new rows are flushed together (one multi-row INSERT per table), and each
    record is judged in memory.  ``read_back=False`` (head office's receive, which needs only the
    outcomes) leaves ``ImportReport.records`` as they were judged, not read again after the commit.  Records new here whose outcome is known before anything is
    written go by the set (``services.new_arrivals``: one INSERT per table for all of them);
    ``by_the_set=False`` sends every record the ORM way (the tests compare the two)."""
    from .records import VIA_IMPORT

    parsed = parse_objects(service, data)
    arrivals: list[Arrival] = []
    try:
        with service.write(via=via or VIA_IMPORT) as s, settings_held(s):  # a sync names itself (VIA_SYNC)
            problems = _numbers_in_use(service, s, parsed)
            if problems:
                raise ImportFailed(problems)
            batch = preload(service, s, [(inc.kind, inc.id or "") for inc, _v, _o in parsed])
            if not any(inc.kind == "delivery" for inc, _v, _o in parsed):  # else each looks when it settles
                batch.context = batch_context(service, s, [(inc.kind, v) for inc, v, _o in parsed])
            batch.brings_registers = any(inc.kind in ("delivery", "product") for inc, _v, _o in parsed)
            rows = TableRows()
            by_set: set[int] = set()  # the indexes of the arrivals written by the set
            for index, (incoming, values, obj) in enumerate(parsed):  # a new record: judged in memory
                arrival = receive_new(service, s, incoming, values, index=index, batch=batch, rows=rows) \
                    if by_the_set else None
                if arrival is None:
                    arrival = receive(service, s, incoming, values, obj, index=index, source=source, batch=batch)
                else:
                    by_set.add(index)
                arrivals.append(arrival)
            batch.apply_numbers(s)
            rows.write(s)
            s.flush()  # every new row at once, before any computed field looks for the file's deliveries
            for a in arrivals:
                settle(service, s, a, batch)
            on_arrival = {kind for p in service.policies if p.on_import for kind in p.kinds}
            for a in arrivals:
                if a.index in by_set:  # as written: nothing to read back
                    if a.kind in on_arrival and a.record is not None:
                        service._saved(s, a.record, None)
                elif a.outcome in (CREATED, UPDATED) and a.record is not None:
                    service._saved(s, service.get_in(s, a.kind, a.id), a.status_before)
    except ValidationFailed as e:
        raise ImportFailed([ImportProblem(e.index or 0, e.issues)]) from e
    changed = tuple(service._unit(s).finished)
    if read_back:  # as committed (versions settled), read by the batch
        fresh: dict[str, list[str]] = {}
        for r in changed:
            fresh.setdefault(r.kind, []).append(r.id)
        stored = {(k, rec.id): rec for k, ids in fresh.items() for start in range(0, len(ids), 500)
                  for rec, _revs, _history in _read_for_dump(service, k, ids[start:start + 500])}
        for a in arrivals:
            if (a.kind, a.id) in stored:
                a.record = stored[(a.kind, a.id)]
    return ImportReport(arrivals, changed)


def dump_records(service: RecordService, kind: str | None = None, embed_photos: bool = True,
                 ids: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Every record (of ``kind``), or only those named by ``ids`` (kind → record ids: a sync's batch).

    Read by the batch: per kind one query for the records with their child rows, one for their
    frozen revisions and one for their lineages (not three or more per record)."""
    out: list[dict[str, Any]] = []
    for k in [kind] if kind else list(SPECS):
        wanted = None if ids is None else list(ids.get(k, ()))
        if wanted == []:
            continue
        for start in range(0, len(wanted), 500) if wanted is not None else [None]:
            chunk = None if start is None else wanted[start:start + 500]
            for record, revisions, history in _read_for_dump(service, k, chunk):
                out.append(_dump_one(service, SPECS[k], record, revisions, history, embed_photos))
    return out


def _read_for_dump(service: RecordService, kind: str, ids: list[str] | None
                   ) -> list[tuple[Record, list[tuple[Any, ...]], list[Any]]]:
    """The records (all of ``kind``, by number; or those of ``ids``, in that order: a missing one is
    :class:`errors.NotFound`) with their frozen revisions and lineage, as ``revision_snapshots`` and
    ``version_history`` give them."""
    import json

    from sqlalchemy import select

    from ..domain.versions import VersionEntry
    from ..storage.record_rows import read_records
    from ..storage.schema import RecordVersion
    from .errors import NotFound

    m = service._models(kind)
    with service.db.session() as s:
        rows = read_records(s, m, ids)  # plain rows, not ORM instances: a sync dumps thousands
        order = list(rows) if ids is None else ids
        for rid in order:
            if rid not in rows:
                raise NotFound(rid)
        revisions: dict[str, list[tuple[Any, ...]]] = {}
        versions: dict[str, list[Any]] = {}
        keys = list(rows)
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            rev, ver = m.revision.__table__, RecordVersion.__table__  # rows, not ORM instances
            for r in s.execute(select(rev).where(rev.c.record_id.in_(chunk)).order_by(rev.c.record_id, rev.c.revision)):
                revisions.setdefault(r.record_id, []).append(
                    (r.revision, r.superseded_at, r.content_hash, json.loads(r.snapshot), r.hash_scheme or 1))
            for v in s.execute(select(ver).where(ver.c.record_id.in_(chunk)).order_by(ver.c.at, ver.c.version)):
                versions.setdefault(v.record_id, []).append(
                    VersionEntry(v.version, v.tag, v.parent_tag, v.at, v.by, v.via, v.laptop))
        out = []
        for rid in order:
            record = service._to_record(m, rows[rid])
            entries = versions.get(rid, [])
            rest = [e for e in entries if e.tag != record.version_tag]
            last = next((e for e in entries if e.tag == record.version_tag), None) or VersionEntry(
                record.version, record.version_tag, "", record.updated_at, record.updated_by, record.updated_via,
                record.origin)
            out.append((record, revisions.get(rid, []), [*rest, last]))
        return out


def _dump_one(service: RecordService, spec: Any, record: Record, revisions: list[tuple[Any, ...]],
              history: list[Any], embed_photos: bool) -> dict[str, Any]:
    content = None
    if embed_photos:
        shas = [ph.sha256 for plist in record.values.photos.values() for ph in plist]
        shas += [sig.image_sha256 for sig in record.signatures]
        shas += [ph.sha256 for ph in record.scans]
        content = {sha: _b64(service, sha, record.number) for sha in shas}
    obj = to_json(spec, record, content)
    if record.scans:  # scans of the signed paper: not part of the content (see SCANS_KEY)
        obj[SCANS_KEY] = [
            {"filename": ph.filename, "caption": ph.caption, "media_type": ph.media_type, "sha256": ph.sha256,
             **({"content_base64": content[ph.sha256]} if content and ph.sha256 in content else {})}
            for ph in record.scans
        ]
    obj["revisions"] = [
        {"revision": n, "superseded_at": _utc(at), "content_hash": digest, "hash_scheme": scheme,
         "record": _embed(service, spec, snap, record.number) if embed_photos else snap}
        for n, at, digest, snap, scheme in revisions
    ]
    obj["version_history"] = version_history_to_json(history)
    return obj


def _utc(at: dt.datetime) -> str:
    return at.astimezone(dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


class DumpFailed(Exception):
    """A dump that cannot be complete (a picture missing from the data folder); nothing is written."""


def _b64(service: RecordService, sha: str, number: str) -> str:
    try:
        return base64.b64encode(service.photo_bytes(sha)).decode("ascii")
    except (OSError, PhotoError) as e:
        raise DumpFailed(QT_TRANSLATE_NOOP(
            MESSAGES, "记录 {number} 的图片 {sha} 不在数据文件夹中（photos 文件夹缺少该文件），未导出；请从备份恢复"
                      "该图片后重试").format(number=number, sha=str(sha)[:64])) from e


def _embed(service: RecordService, spec: Any, snap: dict[str, Any], number: str = "") -> dict[str, Any]:
    """A frozen revision with its photos' and signatures' pictures embedded (a photo removed since
    is in no other part of the dump)."""
    def b64(sha: str) -> str:
        return _b64(service, sha, number)

    out = dict(snap)
    for p in spec.photo_lists():
        out[p.key] = [{**ph, "content_base64": b64(ph["sha256"])} for ph in snap.get(p.key) or []]
    out["signatures"] = [{**sig, "image_base64": b64(sig["image_sha256"])} for sig in snap.get("signatures") or []]
    return out


def record_json(service: RecordService, record: Record) -> dict[str, Any]:
    return to_json(SPECS[record.kind], record)


def _today_iso(service: RecordService, days: int = 0) -> str:
    return (service.clock.today() - dt.timedelta(days=days)).isoformat()
