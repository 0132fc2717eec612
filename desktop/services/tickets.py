"""The hotline desk's writes: a customer registered during a call, a caller added to the customer's
contacts, the ticket itself, and a ticket escalated to a complaint (issue 6, 保障单).

The guided screen (``ui.ticket_desk``) calls these; they go through :class:`RecordService` only,
so every value is validated by the specs' rules like any form's.

Escalation is a policy (:func:`escalate_ticket`, in ``services.policies``): when a complaint
made from a ticket is saved for the first time, the ticket moves to 已转投诉 in the *same*
transaction as the complaint.  Either both are written or neither is: a ticket never says it was
escalated to a complaint that does not exist, and a complaint made from a ticket never leaves the
ticket open (whether it was saved from the ticket's form or from anywhere else).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain import ticket as tk
from ..domain.fields import to_json_value
from ..domain.forms import WORKFLOWS, spec_for
from ..domain.records import Record
from ..domain.validation import Issue, ValidationFailed
from ..storage.schema import MODELS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .records import Outcome, RecordService


CONTACT_NOTE = "热线来电时登记"  # the note of a contact added by the desk (record data)


def raw_of(record: Record) -> dict[str, Any]:
    """A stored record's values as a form hands them to the services (to update it)."""
    spec = spec_for(record.kind)
    out: dict[str, Any] = {f.key: to_json_value(f, record.values.fields.get(f.key))
                           for f in spec.fields() if not f.read_only}
    for t in spec.tables():
        out[t.key] = [{c.key: to_json_value(c, row.get(c.key)) for c in t.columns}
                      for row in record.values.tables.get(t.key, [])]
    for p in spec.photo_lists():
        out[p.key] = list(record.values.photos.get(p.key, []))
    return out


def create_customer(service: RecordService, name: str, phone: str, address: str, by: str = "") -> Record:
    """新建客户 during a call: the unit's name, phone and address (the rest later, in its form).

    Issues come back with the customer's field keys (name, phone, address)."""
    raw = {"name": name, "phone": phone, "address": address, "registered_date": service.clock.today().isoformat(),
           "registered_by": by}
    return service.create("customer", raw, by=by).record


@dataclass(frozen=True)
class NewContact:
    """A caller who is not among the customer's contacts yet (added to its record on save)."""

    name: str
    phone: str
    post: str = ""


def contact_key(name: str, phone: str) -> tuple[str, str]:
    return "".join(name.split()), "".join(ch for ch in phone if ch.isdigit())


def customer_with_contact(service: RecordService, customer_id: str, contact: NewContact) -> tuple[str, dict[str, Any]]:
    """The customer's raw values with ``contact`` added to its contacts (unchanged when the same
    person with the same phone is already there); the customer's id to update."""
    record = service.get("customer", customer_id)
    raw = raw_of(record)
    rows = raw.get("contacts") or []
    known = {contact_key(str(r.get("name") or ""), str(r.get("phone") or "")) for r in rows}
    if contact_key(contact.name, contact.phone) not in known:
        rows.append({"name": contact.name.strip(), "post": contact.post.strip(), "phone": contact.phone.strip(),
                     "primary": not rows, "note": CONTACT_NOTE})
    raw["contacts"] = rows
    return record.id, raw


def contact_issues(service: RecordService, customer_id: str, contact: NewContact) -> list[Issue]:
    """What is wrong with ``contact`` as a row of the customer's contacts, as issues on the
    ticket's caller fields (caller_name / caller_phone)."""
    _id, raw = customer_with_contact(service, customer_id, contact)
    _values, issues = service.validate("customer", raw)
    new_row = len(raw["contacts"]) - 1
    mapped = {"name": "caller_name", "phone": "caller_phone", "post": "caller_post"}
    out = []
    for i in issues:
        if i.key == "contacts" and i.row == new_row and i.column in mapped:
            out.append(Issue(mapped[i.column], i.template, i.args))
        else:
            out.append(Issue("customer", i.template, i.args))
    return out


def save_call(service: RecordService, raw: Mapping[str, Any], by: str = "", customer_id: str | None = None,
              contact: NewContact | None = None) -> Outcome:
    """Save the ticket of a call; with ``contact``, add the caller to the customer's contacts too.

    One operation, one transaction: everything is checked before anything is written; a ticket with
    an issue adds no contact, a contact that cannot be stored keeps the ticket from being saved
    (issues on the caller fields).  When staff was assigned and a call-back time promised during
    the call, the ticket is saved as 已派工 at once (the 派工 step's own checks decide; otherwise it
    stays 已受理).
    """
    from .records import VIA_HOTLINE

    values, issues = service.validate("ticket", raw)
    update: tuple[str, dict[str, Any]] | None = None
    if contact is not None and customer_id:
        issues += [i for i in contact_issues(service, customer_id, contact) if i.key not in {x.key for x in issues}]
        update = customer_with_contact(service, customer_id, contact)
    if issues:
        raise ValidationFailed(issues)
    assign = bool(raw.get("assigned_staff")) and not service.check_step("ticket", raw, tk.RECEIVED, tk.ASSIGNED)
    customer_values = service.validate("customer", update[1])[0] if update is not None else None
    with service.write(by, VIA_HOTLINE) as s:
        if update is not None and customer_values is not None:
            service.update_in(s, "customer", update[0], customer_values, by=by)
        record = service.insert(s, "ticket", values, by=by)
        if assign:
            record = service.transition_in(s, "ticket", record.id, tk.ASSIGNED, values, by=by)
    return service._result(s, record)


# ------------------------------------------------------------------ 转为投诉


ESCALATED_NOTE = "转为投诉 {number}"  # the ticket's status history: record data, not UI text


def escalate_ticket(service: RecordService, s: Session, record: Record, before: str | None) -> None:
    """Policy: a complaint made from a ticket (its first save) moves that ticket to 已转投诉.

    A ticket already closed (已回电) or escalated stays as it is; the complaint is linked to it
    either way."""
    if record.kind != "complaint" or before is not None or record.source_kind != tk.SPEC.kind:
        return
    m = MODELS[tk.SPEC.kind]
    row = s.get(m.record, record.source_id)
    if row is None or WORKFLOWS[tk.SPEC.kind].is_final(row.status):
        return
    service.policy_step_in(s, tk.SPEC.kind, row.id, tk.ESCALATED, by=record.values.fields.get("receiver") or "",
                           note=ESCALATED_NOTE.format(number=record.number))
