"""A laptop's new customers and products (and its changes to them) as proposals at head office.

The customer and product registers belong to head office: what a laptop sends of them waits in
``sync_proposal`` until a 售后部经理 (or an administrator) decides:

- **accept**: the entry joins head office's register as the laptop made it (same id and number), now
  head office's (origin ``HQ``), and reaches every laptop at its next sync; a later change proposed
  to it is judged like any arriving version (newer, or a conflict to resolve);
- **merge**: it is the same customer or product as one already in the register; the proposal is
  closed naming that entry, and nothing is added (no second 北京市第一人民医院);
- **reject**: closed, nothing added.

Each decision is recorded with who and when, and reaches the laptop that proposed it at its next
sync (:func:`decisions_for`; the laptop's side is ``services.sync.register_notes``): accepted, its
entry is head office's; merged, its entry is replaced by head office's; rejected, it is kept there,
marked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ...domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ...storage.server_accounts import ADMINISTRATOR, HEAD_OFFICE_CODE, SyncProposal, user_role
from ..errors import Refusal
from ..records import VIA_SYNC, RecordService
from ..transfer import import_records

PENDING, ACCEPTED, MERGED, REJECTED = "pending", "accepted", "merged", "rejected"
DECIDERS = ("售后部经理", ADMINISTRATOR)


class ProposalRefused(Refusal):
    """The decision on a proposal cannot be made (the window says it with ``ui.head_office.refusal_text``)."""


@dataclass(frozen=True)
class Proposal:
    id: str
    laptop: str
    kind: str
    record_id: str
    number: str
    summary: str
    status: str
    target_id: str
    decided_by: str
    received_at: Any = None  # when head office received it (aware UTC)


def list_proposals(service: RecordService, status: str | None = PENDING) -> list[Proposal]:
    with service.db.session() as s:
        q = select(SyncProposal).order_by(SyncProposal.received_at, SyncProposal.number)
        if status:
            q = q.where(SyncProposal.status == status)
        return [Proposal(p.id, p.laptop, p.kind, p.record_id, p.number, p.summary, p.status, p.target_id,
                         p.decided_by, p.received_at) for p in s.scalars(q)]


def _open(service: RecordService, proposal_id: str, user: str) -> tuple[SyncProposal, str]:
    with service.db.session() as s:
        role = user_role(s, user)
        row = s.get(SyncProposal, proposal_id)
    if role not in DECIDERS:
        raise ProposalRefused(QT_TRANSLATE_NOOP(MESSAGES, "{user}（{role}）无权处理客户和产品的提议：需要 {roles}"),
                              user=user, role=role or QT_TRANSLATE_NOOP(MESSAGES, "未知用户"), roles="、".join(DECIDERS))
    if row is None:
        raise ProposalRefused(QT_TRANSLATE_NOOP(MESSAGES, "没有这条提议"))
    if row.status != PENDING:
        raise ProposalRefused(QT_TRANSLATE_NOOP(MESSAGES, "这条提议已处理（{status}）"), status=row.status)
    return row, role


def _close(service: RecordService, proposal_id: str, status: str, user: str, target: str = "") -> None:
    with service.db.write() as s:
        row = s.get(SyncProposal, proposal_id)
        row.status, row.target_id, row.decided_by, row.decided_at = status, target, user[:40], service.clock.now()


def accept(service: RecordService, proposal_id: str, user: str) -> Any:
    """Take the proposal into the register (see the module text); the import's report."""
    row, _role = _open(service, proposal_id, user)
    obj: dict[str, Any] = json.loads(row.incoming)
    obj["origin"] = HEAD_OFFICE_CODE
    report = import_records(service, [obj], source=QT_TRANSLATE_NOOP(MESSAGES, "提议：{code}").format(code=row.laptop),
                            via=VIA_SYNC)
    _close(service, proposal_id, ACCEPTED, user, row.record_id)
    return report


def merge(service: RecordService, proposal_id: str, target_id: str, user: str) -> None:
    row, _role = _open(service, proposal_id, user)
    service.get(row.kind, target_id)  # NotFound if there is no such entry in the register
    _close(service, proposal_id, MERGED, user, target_id)


def reject(service: RecordService, proposal_id: str, user: str) -> None:
    _open(service, proposal_id, user)
    _close(service, proposal_id, REJECTED, user)


MAX_ASKED = 5000


def decisions_for(service: RecordService, code: str, ids: Any) -> list[dict[str, Any]]:
    """What head office decided about laptop ``code``'s proposals of these register entries (the
    laptop's own customers and products, by id): for each, the latest decision —
    ``{"record_id", "kind", "tag", "status", "target_id", "target_number", "decided_by", "decided_at"}``.
    Only that laptop's own proposals are answered; an entry still pending is left out."""
    from .hub import Refused

    if not isinstance(ids, list) or len(ids) > MAX_ASKED or not all(isinstance(i, str) and 0 < len(i) <= 36 for i in ids):
        raise Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "ids 应为记录 id 的数组"))
    latest: dict[str, SyncProposal] = {}
    with service.db.session() as s:
        for start in range(0, len(ids), 500):
            for row in s.scalars(select(SyncProposal).where(
                    SyncProposal.laptop == code, SyncProposal.record_id.in_(ids[start:start + 500]),
                    SyncProposal.status.in_((ACCEPTED, MERGED, REJECTED))).order_by(SyncProposal.decided_at)):
                latest[row.record_id] = row
        numbers: dict[str, str] = {}
        from ...storage.schema import MODELS

        for row in latest.values():
            if row.status == MERGED and row.target_id:
                rec = MODELS[row.kind].record
                numbers[row.target_id] = s.scalar(select(rec.number).where(rec.id == row.target_id)) or ""
    return [{"record_id": r.record_id, "kind": r.kind, "tag": r.tag, "status": r.status,
             "target_id": r.target_id or r.record_id, "target_number": numbers.get(r.target_id, r.number),
             "decided_by": r.decided_by, "decided_at": r.decided_at.isoformat() if r.decided_at else ""}
            for r in latest.values()]
