"""Head office's side of a sync, the same for a request and for a bundle file.

A laptop delivers whole revisions of its own records (the dump format of docs/json-format.md, with
each record's id, version tag and lineage).  Each batch is:

1. checked as untrusted input: its shape (``services.trust`` through the JSON import), its size, and
   that every record belongs to the laptop sending it (the laptop code in its number and origin, and
   the origin of the copy head office already has) — one record that does not, and nothing of the
   batch is written;
2. guarded: a (laptop, record, version tag) already received is recognised by its receipt and
   changes nothing, without the record being loaded (a replayed request, a repeated bundle);
3. judged and written by ``services.transfer.import_records`` — the same judgement a JSON import makes
   (same / older / newer / conflict by lineage, ``services.incoming``): a record changed at both ends
   becomes one conflict held at head office, nothing overwritten; a signed or closed record is never
   replaced; all of the batch in one transaction or none of it;
4. receipted (``INSERT … ON CONFLICT DO NOTHING``).

A laptop's customers and products are not written into head office's registers: they are held as
proposals (``services.sync.proposals``) for head office to accept, merge or reject.

What head office sends back is every record the laptop may see whose version at head office is
neither the one the laptop has nor the one it last saw there: its own records (with head office's
approvals and determinations), and head office's customers and products.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select

from ...domain.forms import SPECS
from ...domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ...domain.numbering import parse_number
from ...storage.schema import MODELS
from ...storage.server_accounts import HEAD_OFFICE_CODE, ServerLaptop, SyncReceipt
from ..incoming import CONFLICT, UNCHANGED
from ..records import VIA_SYNC, RecordService
from ..transfer import dump_records, import_records

MAX_BATCH = 500  # records in one request
SHARED_KINDS = ("customer", "product")  # head office's registers, sent to every laptop
_ID_LEN = 36


class Refused(Exception):
    """A request or bundle refused as a whole; nothing was written.  ``status``: the HTTP status."""

    def __init__(self, status: int, message: str, problems: list[str] | None = None) -> None:
        self.status = status
        self.message = message
        self.problems = problems or []
        super().__init__(message)


def _owner_issue(code: str, obj: Mapping[str, Any], index: int) -> str | None:
    number = obj.get("number")
    parsed = parse_number(number) if isinstance(number, str) else None
    origin = obj.get("origin")
    if parsed is None:
        return QT_TRANSLATE_NOOP(MESSAGES, "记录 #{index}：编号“{number}”不是本机代码 {code} 的编号").format(
            index=index, number=str(number)[:40], code=code)
    if parsed[2] != code or (origin not in (None, "") and origin != code):
        return QT_TRANSLATE_NOOP(MESSAGES, "记录 #{index} {number} 属于 {owner}，本机（{code}）不能写入").format(
            index=index, number=number, owner=origin or parsed[2], code=code)
    return None


def _check_batch(objs: Any, code: str, limit: int | None) -> list[Mapping[str, Any]]:
    if not isinstance(objs, list):
        raise Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "应为记录数组"))
    if limit is not None and len(objs) > limit:
        raise Refused(413, QT_TRANSLATE_NOOP(MESSAGES, "一次最多 {max} 条记录").format(max=limit))
    problems = []
    for index, obj in enumerate(objs):
        if not isinstance(obj, Mapping):
            raise Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "记录 #{index}：应为 JSON 对象").format(index=index))
        rid, kind = obj.get("id"), obj.get("kind")
        if not isinstance(rid, str) or not rid or len(rid) > _ID_LEN:
            raise Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "记录 #{index}：缺少有效的 id").format(index=index))
        if kind not in SPECS:
            raise Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "记录 #{index}：未知的记录类型“{kind}”").format(
                index=index, kind=str(kind)[:40]))
        issue = None if kind in SHARED_KINDS else _owner_issue(code, obj, index)  # a register entry: a proposal
        if issue:
            problems.append(issue)
    if problems:
        raise Refused(403, problems[0], problems)
    return objs


def _stored(service: RecordService, pairs: Iterable[tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """id → (origin, version tag) of the records head office has, of these (kind, id)."""
    by_kind: dict[str, list[str]] = {}
    for kind, rid in pairs:
        by_kind.setdefault(kind, []).append(rid)
    out: dict[str, tuple[str, str]] = {}
    with service.db.session() as s:
        for kind, ids in by_kind.items():
            rec = MODELS[kind].record
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                for rid, origin, tag in s.execute(select(rec.id, rec.origin, rec.version_tag).where(rec.id.in_(chunk))):
                    out[rid] = (origin or "", tag or "")
    return out


def _insert_ignore(s: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    if s.bind.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    s.execute(insert(table).on_conflict_do_nothing(), rows)


def receive_batch(service: RecordService, code: str, objs: Any, *, limit: int | None = MAX_BATCH,
                  source: str = "") -> list[dict[str, Any]]:
    """Receive one batch from laptop ``code`` (see the module text); one result per record:
    ``{"id", "kind", "outcome", "server_tag"}``.  Raises :class:`Refused` (nothing written) or
    ``transfer.ImportFailed`` (a record the import refuses; nothing written)."""
    everything = _check_batch(objs, code, limit)
    proposed = _propose(service, code, [o for o in everything if o["kind"] in SHARED_KINDS])
    objs = [o for o in everything if o["kind"] not in SHARED_KINDS]
    held = _stored(service, [(o["kind"], o["id"]) for o in objs])
    strangers = [o for o in objs if o["id"] in held and held[o["id"]][0] not in ("", code)]
    if strangers:
        o = strangers[0]
        raise Refused(403, QT_TRANSLATE_NOOP(MESSAGES, "记录 {number} 在总部属于 {owner}，本机（{code}）不能写入").format(
            number=o.get("number"), owner=held[o["id"]][0], code=code))
    with service.db.session() as s:
        receipts: set[tuple[str, str]] = set()
        ids = [o["id"] for o in objs]
        for start in range(0, len(ids), 500):
            receipts.update(s.execute(select(SyncReceipt.record_id, SyncReceipt.tag).where(
                SyncReceipt.laptop == code, SyncReceipt.record_id.in_(ids[start:start + 500]))).all())
    fresh = [o for o in objs if not o.get("version_tag") or (o["id"], o["version_tag"]) not in receipts]
    outcomes: dict[str, str] = {}
    if fresh:
        report = import_records(service, fresh, source=source or QT_TRANSLATE_NOOP(MESSAGES, "同步：{code}").format(
            code=code), via=VIA_SYNC, read_back=False)
        outcomes = {a.id: a.outcome for a in report.arrivals}
    now = service.clock.now()
    with service.db.write() as s:
        _insert_ignore(s, SyncReceipt.__table__, [
            {"laptop": code, "record_id": o["id"], "tag": o["version_tag"], "outcome": outcomes.get(o["id"], UNCHANGED),
             "at": now} for o in fresh if o.get("version_tag")])
        row = s.get(ServerLaptop, code)
        if row is not None:
            row.last_sync_at = now
    after = _stored(service, [(o["kind"], o["id"]) for o in objs])
    return [{"id": o["id"], "kind": o["kind"],
             "outcome": proposed.get(o["id"]) or outcomes.get(o["id"], UNCHANGED),
             "sent_tag": o.get("version_tag") or "", "server_tag": after.get(o["id"], ("", ""))[1]} for o in everything]


PROPOSED = "proposed"


def _propose(service: RecordService, code: str, objs: list[Mapping[str, Any]]) -> dict[str, str]:
    """Hold a laptop's customers and products as proposals (``services.sync.proposals``), once per
    version, after the same checks as any import (nothing is held if one of them fails)."""
    if not objs:
        return {}
    import json

    from ...domain.records import new_id
    from ...storage.server_accounts import SyncProposal
    from ..transfer import parse_objects

    parse_objects(service, list(objs))  # raises ImportFailed: nothing held
    now = service.clock.now()
    with service.db.write() as s:
        _insert_ignore(s, SyncProposal.__table__, [
            {"id": new_id(), "laptop": code, "kind": o["kind"], "record_id": o["id"], "number": str(o.get("number") or "")[:30],
             "tag": str(o.get("version_tag") or "")[:32], "summary": str(o.get("name") or "")[:200],
             "incoming": json.dumps(o, ensure_ascii=False, sort_keys=True), "received_at": now, "status": "pending",
             "target_id": "", "decided_by": ""} for o in objs])
    return {o["id"]: PROPOSED for o in objs}


def visible(kind: str, origin: str, code: str) -> bool:
    """Whether laptop ``code`` receives this record: its own, and head office's registers."""
    return origin == code or (kind in SHARED_KINDS and origin == HEAD_OFFICE_CODE)


def whats_new(service: RecordService, code: str, known: Any) -> list[list[str]]:
    """``[kind, id, tag]`` of every record laptop ``code`` may see whose head-office version is neither
    the one it has nor the one it last saw here (``known``: id → [its tag, head office's tag seen])."""
    if not isinstance(known, Mapping):
        raise Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "known 应为对象"))
    out = []
    with service.db.session() as s:
        for kind in SPECS:
            rec = MODELS[kind].record
            where = rec.origin == code
            if kind in SHARED_KINDS:
                where = rec.origin.in_([code, HEAD_OFFICE_CODE])
            for rid, tag in s.execute(select(rec.id, rec.version_tag).where(where)):
                tag = tag or ""
                theirs = known.get(rid)
                if isinstance(theirs, list) and tag in theirs:
                    continue
                out.append([kind, rid, tag])
    return out


def fetch(service: RecordService, code: str, wanted: Any, *, embed_photos: bool = False) -> list[dict[str, Any]]:
    """The dumps of the records named (``[kind, id]`` pairs) that laptop ``code`` may see."""
    if not isinstance(wanted, list) or len(wanted) > MAX_BATCH * 20:
        raise Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "ids 应为 [类型, id] 的数组"))
    pairs = []
    for item in wanted:
        if (not isinstance(item, list) or len(item) < 2 or item[0] not in SPECS or not isinstance(item[1], str)
                or len(item[1]) > _ID_LEN):
            raise Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "ids 应为 [类型, id] 的数组"))
        pairs.append((item[0], item[1]))
    held = _stored(service, pairs)
    ids: dict[str, list[str]] = {}
    for kind, rid in pairs:
        if rid in held and visible(kind, held[rid][0], code):
            ids.setdefault(kind, []).append(rid)
    return dump_records(service, embed_photos=embed_photos, ids=ids)


def conflicts_in(results: list[dict[str, Any]]) -> int:
    return sum(1 for r in results if r.get("outcome") == CONFLICT)
