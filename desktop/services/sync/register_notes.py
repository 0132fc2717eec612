"""The laptop's side of head office's decisions on its proposed customers and products
(``services.sync.proposals``), applied at the next sync:

- **accepted**: the entry is head office's now (its origin here becomes ``HQ``, as there);
- **merged** into head office's entry of the same customer or product: the laptop's own entry does
  not stay beside head office's — it is removed here and head office's entry takes its place (fetched
  in the same sync).  Records name a customer or product by its name (no form is made *from* a
  register entry), so they find head office's entry by that name; no record's content is rewritten
  (what was signed stays as it was signed).  If head office's entry cannot be taken here, the
  laptop's entry is put back as it was and the sync says so; it is tried again at the next sync;
- **rejected**: the entry stays here, marked as not taken by head office (``sync_register_note``),
  and is not sent again until it is changed.

Each decision is said once (the note remembers the version decided on), with who decided.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select

from ...domain.forms import SPECS
from ...domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ...storage.schema import MODELS, RecordVersion
from ...storage.server_accounts import HEAD_OFFICE_CODE, SyncState
from ...storage.sync_tables import SyncRegisterNote
from ..records import VIA_SYNC, RecordService
from ..transfer import dump_records, import_records
from .hub import SHARED_KINDS

ACCEPTED, MERGED, REJECTED = "accepted", "merged", "rejected"


def notes(service: RecordService) -> dict[str, SyncRegisterNote]:
    """Every decision head office sent about this laptop's proposals, by the entry's id."""
    with service.db.session() as s:
        rows = list(s.scalars(select(SyncRegisterNote)))
        for r in rows:
            s.expunge(r)
    return {r.record_id: r for r in rows}


def rejected(service: RecordService, record_id: str) -> SyncRegisterNote | None:
    """The note when head office did not take this entry (the register's mark), else None."""
    note = notes(service).get(record_id)
    return note if note is not None and note.status == REJECTED else None


def rejected_now(service: RecordService, kind: str) -> dict[str, SyncRegisterNote]:
    """The entries of ``kind`` head office did not take, as they stand (the register's mark): by id,
    only those not changed since (a changed one is proposed again at the next sync)."""
    if kind not in SHARED_KINDS:
        return {}
    marked = {rid: n for rid, n in notes(service).items() if n.status == REJECTED and n.kind == kind}
    if not marked:
        return {}
    rec = MODELS[kind].record
    out: dict[str, SyncRegisterNote] = {}
    with service.db.session() as s:
        ids = list(marked)
        for start in range(0, len(ids), 500):
            for rid, tag in s.execute(select(rec.id, rec.version_tag).where(rec.id.in_(ids[start:start + 500]))):
                if marked[rid].tag == (tag or ""):
                    out[rid] = marked[rid]
    return out


def asking(service: RecordService, code: str) -> list[str]:
    """The ids of this laptop's own register entries whose decision it has not yet taken in."""
    known = notes(service)
    out = []
    with service.db.session() as s:
        for kind in SHARED_KINDS:
            rec = MODELS[kind].record
            for rid, tag in s.execute(select(rec.id, rec.version_tag).where(rec.origin == code)):
                note = known.get(rid)
                if note is None or note.status == REJECTED and note.tag != (tag or ""):
                    out.append(rid)
    return out


def _valid(d: Any) -> bool:
    return (isinstance(d, Mapping) and d.get("kind") in SHARED_KINDS and d.get("status") in (ACCEPTED, MERGED, REJECTED)
            and all(isinstance(d.get(k), str) and len(d[k]) <= 64 for k in ("record_id", "target_id", "tag"))
            and all(isinstance(d.get(k, ""), str) for k in ("target_number", "decided_by", "decided_at")))


def _note(s: Any, d: Mapping[str, Any], number: str, name: str) -> None:
    row = s.get(SyncRegisterNote, d["record_id"]) or SyncRegisterNote(record_id=d["record_id"])
    try:
        at = dt.datetime.fromisoformat(d.get("decided_at") or "")
    except ValueError:
        at = None
    row.kind, row.number, row.name, row.status, row.tag = d["kind"], number[:30], name[:200], d["status"], d["tag"][:32]
    row.target_id, row.target_number = d["target_id"][:36], str(d.get("target_number") or "")[:30]
    row.decided_by, row.decided_at = str(d.get("decided_by") or "")[:40], at
    s.merge(row)


def _name_of(service: RecordService, kind: str, rid: str) -> str:
    with service.db.session() as s:
        row = s.get(MODELS[kind].record, rid)
        return str(getattr(row, "name", "") or "") if row is not None else ""


def _repoint(service: RecordService, old_number: str, old_name: str, new_number: str, new_name: str) -> int:
    """Records that name the replaced entry by its number (the 客户编号 a hotline ticket keeps) name
    head office's entry instead — a new version of each, sent at the next sync.  A record already
    closed or signed is not rewritten; how many were left so."""
    if not old_number or not new_number or old_number == new_number:
        return 0
    from ...domain import roles
    from ...domain.forms import WORKFLOWS

    left = 0
    with service.write(via=VIA_SYNC) as s:
        for kind, spec in SPECS.items():
            key = spec.role(roles.UNIT_NUMBER)
            unit = spec.role(roles.UNIT)
            if not key or "." in key:
                continue
            rec = MODELS[kind].record
            for rid in list(s.scalars(select(rec.id).where(getattr(rec, key) == old_number))):
                record = service.get_in(s, kind, rid)
                if WORKFLOWS[kind].is_final(record.status) or record.signatures:
                    left += 1
                    continue
                record.values.fields[key] = new_number
                if unit and "." not in unit and new_name and record.values.fields.get(unit) == old_name:
                    record.values.fields[unit] = new_name
                service.update_in(s, kind, rid, record.values, by=QT_TRANSLATE_NOOP(MESSAGES, "总部同步"))
    return left


def wanted_targets(service: RecordService, decisions: list[Any]) -> list[list[str]]:
    """``[kind, id]`` of head office's entries a merge needs that this laptop does not have."""
    out = []
    with service.db.session() as s:
        for d in decisions:
            if (_valid(d) and d["status"] == MERGED and d["target_id"] != d["record_id"]
                    and s.get(MODELS[d["kind"]].record, d["target_id"]) is None):
                out.append([d["kind"], d["target_id"]])
    return out


def apply_decisions(service: RecordService, decisions: Any, targets: list[dict[str, Any]], source: str) -> tuple[int, list[str]]:
    """Take in head office's decisions (see the module text); (entries received, what to tell the user)."""
    from . import laptop as lap

    said: list[str] = []
    received = 0
    if not isinstance(decisions, list):
        return received, said
    known = notes(service)
    by_id = {o.get("id"): o for o in targets if isinstance(o, Mapping)}
    for d in decisions:
        if not _valid(d):
            continue
        note = known.get(d["record_id"])
        if note is not None and (note.status, note.tag) == (d["status"], d["tag"]):
            continue
        kind, rid = d["kind"], d["record_id"]
        rec = MODELS[kind].record
        with service.db.session() as s:
            row = s.get(rec, rid)
            number, name = (row.number, str(getattr(row, "name", "") or "")) if row is not None else ("", "")
        title = SPECS[kind].title
        who = d.get("decided_by") or QT_TRANSLATE_NOOP(MESSAGES, "总部")
        if d["status"] == ACCEPTED or row is None:
            with service.write(via=VIA_SYNC) as s:
                if row is not None:
                    s.get(rec, rid).origin = HEAD_OFFICE_CODE
                _note(s, d, number, name)
            if row is not None and d["status"] == ACCEPTED:
                said.append(QT_TRANSLATE_NOOP(MESSAGES, "总部已采纳本机的{title}“{name}”（{number}，{who}）").format(
                    title=title, name=name, number=number, who=who))
            continue
        if d["status"] == REJECTED:
            with service.write(via=VIA_SYNC) as s:
                _note(s, d, number, name)
            said.append(QT_TRANSLATE_NOOP(MESSAGES, "总部未采纳本机的{title}“{name}”（{number}，{who}）：仍保留在本机，已标为总部未采纳").format(
                title=title, name=name, number=number, who=who))
            continue
        # Merged into head office's entry: that one takes this one's place.
        target = d["target_id"]
        if target == rid:
            continue
        with service.db.session() as s:
            have_target = s.get(rec, target) is not None
        if not have_target and target not in by_id:
            said.append(QT_TRANSLATE_NOOP(MESSAGES, "总部已把本机的{title}“{name}”（{number}）合并到 {target}，但未能取回总部的档案；下次同步再试").format(
                title=title, name=name, number=number, target=d.get("target_number") or target))
            continue
        backup = dump_records(service, embed_photos=False, ids={kind: [rid]})
        with service.write(via=VIA_SYNC) as s:
            s.execute(delete(rec).where(rec.id == rid))
            s.execute(delete(RecordVersion).where(RecordVersion.record_id == rid))
            s.execute(delete(SyncState).where(SyncState.record_id == rid))
            service._removed(s, kind, rid)  # the look-ups forget it, the register refreshes
            _note(s, d, number, name)
        if not have_target:
            got = lap.apply_received(service, [by_id[target]], source)
            if got.refused:  # head office's entry cannot be taken here: this one goes back as it was
                import_records(service, backup, source=source, via=VIA_SYNC)
                with service.write(via=VIA_SYNC) as s:
                    s.execute(delete(SyncRegisterNote).where(SyncRegisterNote.record_id == rid))
                    s.execute(delete(SyncState).where(SyncState.record_id == target))
                said.append(QT_TRANSLATE_NOOP(MESSAGES, "总部已把本机的{title}“{name}”（{number}）合并到 {target}，但本机未能改用总部的档案：{why}").format(
                    title=title, name=name, number=number, target=d.get("target_number") or target,
                    why="；".join(got.refused)[:300]))
                continue
            received += got.received
        target_name = str((by_id.get(target) or {}).get("name") or "") or _name_of(service, kind, target)
        left = _repoint(service, number, name, str(d.get("target_number") or ""), target_name)
        if left:
            said.append(QT_TRANSLATE_NOOP(MESSAGES, "{n} 条已办结或已签字的记录仍写着原编号 {number}（其内容不再改动）").format(
                n=left, number=number))
        said.append(QT_TRANSLATE_NOOP(MESSAGES, "本机的{title}“{name}”（{number}）已由总部合并到 {target}（{who}）：本机改用总部的档案").format(
            title=title, name=name, number=number, target=d.get("target_number") or target, who=who))
    return received, said

