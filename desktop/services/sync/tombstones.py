"""Deleted drafts travel too: a laptop's *tombstones* (docs/sync.md, "Deleted drafts").

**On the laptop** nothing new is written when a draft is deleted: ``sync_state`` already holds,
for every record delivered to head office, the version delivered and head office's version last
seen.  A ``sync_state`` row of one of this laptop's own records (not a customer or product: those
are head office's) that was delivered but whose record is no longer here is a deletion head office
has not been told of — the tombstone — sent at the next sync as ``{"kind", "id", "seen"}`` (``seen``:
head office's version tag the laptop last saw).  The row is dropped when head office has answered,
whatever it answered, so each deletion is sent until head office has it, and once.

**At head office** a deletion is carried out only where the retention rules allow it, and through
the same ``RecordService.delete`` a person's deletion takes (its checks, then the database's
retention triggers): head office's copy must be this laptop's record, still the version the laptop
last saw (head office has not decided on it since), still a draft (its first status), unsigned,
without archived revisions, with nothing made from it and no conflict waiting on it.  Otherwise the
deletion is **held**: head office keeps its copy, says why, and the laptop receives the record back
in the same sync (nothing head office decided is lost on the laptop).  Every tombstone is logged in
``sync_deletion`` (``deleted`` or ``held``, with the reason).  A record head office does not have, or
that is not this laptop's, is answered ``absent`` (nothing is revealed of another laptop's records).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, func, select

from ...domain.forms import SPECS, WORKFLOWS
from ...domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ...domain.records import new_id
from ...domain.workflow import TransitionRefused
from ...storage.errors import StorageError
from ...storage.schema import MODELS, Conflict
from ...storage.server_accounts import SyncState
from ...storage.sync_tables import SyncDeletion
from ..errors import NotFound, StaleRecord
from ..records import RecordService
from .hub import SHARED_KINDS, Refused

DELETED, HELD, ABSENT = "deleted", "held", "absent"
MAX_DELETIONS = 5000
_ID_LEN = 36


# ---------------------------------------------------------------------------------------------
# The laptop


def pending(states: Mapping[str, tuple[str, str, str]], here: set[str]) -> list[dict[str, str]]:
    """The tombstones of ``states`` (id → (kind, sent, server tag)) given the ids still ``here``."""
    return [{"kind": kind, "id": rid, "seen": server_tag} for rid, (kind, sent, server_tag) in states.items()
            if sent and rid not in here and kind in SPECS and kind not in SHARED_KINDS]


def note_answered(service: RecordService, results: Any) -> list[str]:
    """Head office answered the tombstones: forget each one it answered; what it held, said."""
    said: list[str] = []
    if not isinstance(results, list):
        return said
    answered = [r for r in results if isinstance(r, Mapping) and isinstance(r.get("id"), str)
                and r.get("outcome") in (DELETED, HELD, ABSENT)]
    with service.db.write() as s:
        ids = [r["id"] for r in answered]
        for start in range(0, len(ids), 500):
            s.execute(delete(SyncState).where(SyncState.record_id.in_(ids[start:start + 500])))
    for r in answered:
        if r["outcome"] == HELD:
            said.append(QT_TRANSLATE_NOOP(MESSAGES, "总部未删除 {number}：{reason}；该记录已从总部取回本机").format(
                number=str(r.get("number") or r["id"])[:30], reason=str(r.get("reason") or "")[:200]))
    return said


# ---------------------------------------------------------------------------------------------
# Head office


def _checked(items: Any) -> list[tuple[str, str, str]]:
    if not isinstance(items, list):
        raise Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "deletions 应为数组"))
    if len(items) > MAX_DELETIONS:
        raise Refused(413, QT_TRANSLATE_NOOP(MESSAGES, "一次最多 {max} 条删除").format(max=MAX_DELETIONS))
    out = []
    for index, item in enumerate(items):
        if (not isinstance(item, Mapping) or item.get("kind") not in SPECS or not isinstance(item.get("id"), str)
                or not item["id"] or len(item["id"]) > _ID_LEN or not isinstance(item.get("seen", ""), str)
                or len(item.get("seen", "")) > 32):
            raise Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "删除 #{index}：应为含 kind、id、seen 的对象").format(index=index))
        out.append((item["kind"], item["id"], item.get("seen", "")))
    return out


def _why_kept(service: RecordService, kind: str, row: Any, seen: str) -> str | None:
    """Why head office keeps its copy of this record, or None when it may go."""
    m = MODELS[kind]
    if (row.version_tag or "") != seen:
        return QT_TRANSLATE_NOOP(MESSAGES, "总部在本机上次同步之后处理过这条记录（如审批、判定），不能删除")
    if row.status != WORKFLOWS[kind].initial:
        return QT_TRANSLATE_NOOP(MESSAGES, "总部的这条记录已不是草稿（状态：{status}），须存档").format(status=row.status)
    with service.db.session() as s:
        if s.scalar(select(func.count()).select_from(m.signature).where(m.signature.record_id == row.id)):
            return QT_TRANSLATE_NOOP(MESSAGES, "这条记录已有签字，须存档")
        if s.scalar(select(func.count()).select_from(m.revision).where(m.revision.record_id == row.id)):
            return QT_TRANSLATE_NOOP(MESSAGES, "这条记录有存档的签字版本，须存档")
        if s.scalar(select(func.count()).select_from(Conflict).where(Conflict.record_id == row.id,
                                                                     Conflict.resolved_at.is_(None))):
            return QT_TRANSLATE_NOOP(MESSAGES, "总部有这条记录的冲突待处理")
    return None


def _insert_ignore(s: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    if s.bind.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    s.execute(insert(table).on_conflict_do_nothing(), rows)


def receive_deletions(service: RecordService, code: str, items: Any) -> list[dict[str, str]]:
    """Carry out laptop ``code``'s tombstones where the rules allow (see the module text); one result
    per tombstone: ``{"id", "kind", "number", "outcome": deleted | held | absent, "reason"}``."""
    wanted = _checked(items)
    out: list[dict[str, str]] = []
    log: list[dict[str, Any]] = []
    for kind, rid, seen in wanted:
        with service.db.session() as s:
            row = s.get(MODELS[kind].record, rid)
            if row is not None:
                s.expunge(row)
        if row is None or kind in SHARED_KINDS or row.origin != code:
            out.append({"id": rid, "kind": kind, "number": "", "outcome": ABSENT, "reason": ""})
            continue
        reason = _why_kept(service, kind, row, seen)
        if reason is None:
            try:
                service.delete(kind, rid, expected_version=row.version)
            except NotFound:
                out.append({"id": rid, "kind": kind, "number": row.number, "outcome": ABSENT, "reason": ""})
                continue
            except (TransitionRefused, StaleRecord, StorageError) as e:  # the rules or the triggers refused
                reason = str(e)
        outcome = DELETED if reason is None else HELD
        out.append({"id": rid, "kind": kind, "number": row.number, "outcome": outcome, "reason": reason or ""})
        log.append({"id": new_id(), "laptop": code, "kind": kind, "record_id": rid, "number": row.number,
                    "laptop_tag": seen, "outcome": outcome, "reason": reason or "", "at": service.clock.now()})
    if log:
        with service.db.write() as s:
            _insert_ignore(s, SyncDeletion.__table__, log)
    return out


def deletions_log(service: RecordService, laptop: str | None = None) -> list[SyncDeletion]:
    """What laptops deleted and what head office did (newest first)."""
    with service.db.session() as s:
        q = select(SyncDeletion).order_by(SyncDeletion.at.desc(), SyncDeletion.number)
        if laptop:
            q = q.where(SyncDeletion.laptop == laptop)
        rows = list(s.scalars(q))
        for r in rows:
            s.expunge(r)
        return rows
