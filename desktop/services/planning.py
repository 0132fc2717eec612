"""Follow-ups planned by themselves (issue 6): policies of ``RecordService`` (``services.policies``).

Each runs as ``policy(service, session, record, status_before)`` inside the transaction that saves
``record``, so a planned follow-up is written, or not, together with the record that causes it.
For records that arrive by import they run only when this laptop owns the record (its number is
this laptop's): the laptop that made a delivery plans its visits, and they travel with it.  The dates come from
``domain.followup_rules``; here they are applied:

- a new delivery plans its first return visit (发货后定期回访), linked to the delivery;
- a changed delivery moves its still-planned visit (date, customer, product, batch) unless someone
  saved that visit by hand since it was planned (their date wins); when the new date falls after
  the batch's expiry the planned visit is cancelled;
- completing a delivery's return visit plans the next one, linked to the same delivery, while the
  batch has not expired by then; cancelling one plans nothing, which ends the chain;
- a complaint entering 已反馈 plans a call back (投诉处理后回访) within ``complaint_callback_days``,
  linked to the complaint;
- completing that call back moves the complaint to 已回访, and a complaint marked 已回访 on its own
  form completes its planned call back (:func:`complete_callback_of`): one 回访, done from either side.

Never twice: a delivery has at most one planned visit at a time, and a delivery whose chain was
cancelled, or a complaint that already has its call back, gets none again (whatever the number of
saves).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import complaint as c
from ..domain import delivery as de
from ..domain import followup as fu
from ..domain import followup_rules as rules
from ..domain import roles
from ..domain.forms import SPECS, WORKFLOWS
from ..domain.links import Link
from ..domain.records import Record
from ..domain.validation import ValidationFailed
from ..domain.workflow import TransitionRefused
from ..storage.schema import MODELS
from ..storage.settings import load_settings

if TYPE_CHECKING:
    from .records import RecordService

log = logging.getLogger(__name__)

# Stored on a planned visit cancelled because its batch expires before it (record data, not UI).
EXPIRED_NOTE = "批次在回访日前已过有效期，系统自动取消本次回访"


def _followups(s: Session, source_id: str, followup_type: str) -> list[Any]:
    fm = MODELS[fu.SPEC.kind].record
    return list(s.scalars(select(fm).where(fm.source_id == source_id, fm.followup_type == followup_type)))


def _plan(service: RecordService, s: Session, raw: dict[str, Any], source: Link) -> Record | None:
    """Insert a follow-up of ``raw`` (JSON-like values) linked to ``source``, in this transaction.

    Values copied from the source that this form would refuse (a phone number typed oddly long
    ago) are left out rather than refusing to save the source; a follow-up that still fails its
    checks is not planned (logged), as the user saving a delivery cannot fix it."""
    raw = {k: v for k, v in raw.items() if v not in (None, "")}
    spec = fu.SPEC
    today = service.clock.today()
    for _attempt in range(2):
        values, issues = service.parse(spec.kind, raw, s)
        issues = issues or WORKFLOWS[spec.kind].check(values, today)
        if not issues:
            return service.insert(s, spec.kind, values, source=source)
        required = {f.key for f in spec.fields() if f.required}
        bad = {i.key for i in issues}
        if bad & required:
            break
        raw = {k: v for k, v in raw.items() if k not in bad}
    log.warning("follow-up from %s %s not planned: %s", source.kind, source.number, issues)
    return None


def _carried(source: Record, staff: bool = False) -> dict[str, Any]:
    """The customer, contact, product and batch a follow-up takes over from its source, by role."""
    values = {**source.values.fields, **source.values.tables}
    return roles.carry(SPECS[source.kind], values, fu.SPEC, staff=staff)


def _delivery_values(delivery: Record, due: dt.date) -> dict[str, Any]:
    return {
        **_carried(delivery, staff=True),  # the one who shipped it visits
        "followup_type": fu.DELIVERY_VISIT,
        "due_date": due.isoformat(),
        "basis_number": delivery.number,
        "way": "电话",
    }


def _delivery_saved(service: RecordService, s: Session, record: Record, before: str | None) -> None:
    day = record.values.fields.get("delivery_date")
    if day is None:
        return
    interval = load_settings(s).followup_interval_months
    expiry = record.values.fields.get("expiry_date")
    chain = _followups(s, record.id, fu.DELIVERY_VISIT)
    if not chain:
        # A new delivery (or one saved before planning existed, or whose first visit was past its
        # expiry): its first visit, if the batch lasts until then.
        due = rules.first_visit(day, interval, expiry, service.clock.today())
        if due is not None:
            _plan(service, s, _delivery_values(record, due), Link(record.kind, record.id, record.number))
        return
    planned = [row for row in chain if row.status == fu.PLANNED]
    if not planned:
        return  # completed to the end, or cancelled: the chain stays stopped
    done = [row for row in chain if row.status == fu.DONE]
    after = max((max(row.due_date, row.done_date or row.due_date) for row in done), default=None)
    for row in planned:
        if row.updated_at != row.created_at:
            continue  # saved by hand since it was planned (a call moved to suit the customer): theirs
        due = row.due_date
        if not rules.on_schedule(day, interval, due) or (after is not None and due <= after):
            # The delivery date changed: the visit moves to the schedule of the new date.
            due = rules.visit_due(day, interval, after) if after is not None else \
                (rules.first_visit(day, interval, None, service.clock.today()) or rules.visit_due(day, interval))
        _move(service, s, row, record, due, expiry)


def _move(service: RecordService, s: Session, row: Any, delivery: Record, due: dt.date,
          expiry: dt.date | None) -> None:
    """Bring a planned visit in line with its (changed) delivery."""
    m = MODELS[fu.SPEC.kind]
    current = service._to_record(m, row)
    values = current.values
    fresh = _delivery_values(delivery, due)
    changed = False
    carried = [fu.SPEC.role(r) for r in (roles.UNIT, roles.CONTACT, roles.CONTACT_PHONE, roles.PRODUCT, roles.BATCH)]
    for key in ("due_date", *carried, "basis_number"):
        new = due if key == "due_date" else fresh.get(key)
        if key != "due_date" and not new:
            continue  # keep what the visit has rather than blank it
        if values.fields.get(key) != new:
            values.fields[key] = new
            changed = True
    if expiry is not None and due > expiry:
        values.fields["result_note"] = values.fields.get("result_note") or EXPIRED_NOTE
        try:
            service.transition_in(s, fu.SPEC.kind, row.id, fu.CANCELLED, values, note=EXPIRED_NOTE)
        except (ValidationFailed, TransitionRefused) as e:  # a visit typed oddly long ago: left for the clerk
            log.info("follow-up %s not cancelled: %s", row.number, e)
        return
    if changed:
        # ``updated_at`` stays: it tells when a person last saved the visit, which keeps a date
        # they chose from being moved back by the next save of the delivery.
        service._write_values(s, m, row, values)


def _followup_saved(service: RecordService, s: Session, record: Record, before: str | None) -> None:
    """A delivery's return visit completed: plan the next one of its schedule.  A complaint's call
    back completed: the complaint is revisited."""
    v = record.values.fields
    if before != fu.PLANNED or record.status != fu.DONE:
        return
    if v.get("followup_type") == fu.COMPLAINT_CALLBACK:
        _complaint_revisited(service, s, record)
        return
    if v.get("followup_type") != fu.DELIVERY_VISIT:
        return
    if record.source_kind != de.SPEC.kind or not record.source_id:
        return  # entered by hand, not from a delivery: nothing to schedule from
    delivery_row = s.get(MODELS[de.SPEC.kind].record, record.source_id)
    if delivery_row is None or delivery_row.delivery_date is None:
        return
    chain = _followups(s, delivery_row.id, fu.DELIVERY_VISIT)
    if any(row.status == fu.PLANNED for row in chain):
        return  # one planned at a time
    interval = load_settings(s).followup_interval_months
    due = rules.next_visit(delivery_row.delivery_date, interval, v["due_date"], v.get("done_date"),
                           delivery_row.expiry_date)
    if due is None:
        return
    delivery = service._to_record(MODELS[de.SPEC.kind], delivery_row)
    raw = _delivery_values(delivery, due)
    raw["assigned_staff"] = v.get("assigned_staff") or raw.get("assigned_staff")
    raw["way"] = v.get("way") or raw["way"]
    _plan(service, s, raw, Link(delivery.kind, delivery.id, delivery.number))


def _complaint_revisited(service: RecordService, s: Session, followup: Record) -> None:
    """The call back after a complaint's feedback is done: the complaint moves 已反馈 → 已回访 with
    the visit's date, record and the complainant's opinion, in the same transaction.  A complaint
    already past 已反馈, or one the visit does not complete (no opinion recorded), is left as it is
    for the clerk, with the reason logged."""
    from .records import NotFound

    if followup.source_kind != c.SPEC.kind or not followup.source_id:
        return
    f = followup.values.fields
    row = s.get(MODELS[c.SPEC.kind].record, followup.source_id)
    if row is None or row.status != c.FED_BACK:
        return
    complaint = service._to_record(MODELS[c.SPEC.kind], row)
    values = complaint.values
    values.fields.update(revisit_date=f.get("done_date"), revisit_result=f.get("result_note"),
                         complainant_opinion=f.get("customer_opinion") or values.fields.get("complainant_opinion"))
    try:
        service.transition_in(s, c.SPEC.kind, complaint.id, c.REVISITED, values, by=f.get("assigned_staff") or "",
                              note=REVISIT_NOTE.format(number=followup.number))
    except (ValidationFailed, TransitionRefused, NotFound) as e:
        log.info("complaint %s not moved to 已回访 by %s: %s", complaint.number, followup.number, e)


# The status-history note of a complaint revisited by its follow-up (record data, not UI).
REVISIT_NOTE = "由回访 {number} 完成"


def _complaint_saved(service: RecordService, s: Session, record: Record, before: str | None) -> None:
    """A complaint's handling fed back to the complainant: plan the call back."""
    if record.status != c.FED_BACK or before == c.FED_BACK:
        return
    if _followups(s, record.id, fu.COMPLAINT_CALLBACK):
        return
    v = record.values.fields
    days = load_settings(s).complaint_callback_days
    fed_back = v.get("feedback_date") or service.clock.today()
    raw = {
        **_carried(record),  # several products and batches joined by 、 in the follow-up's one field
        "followup_type": fu.COMPLAINT_CALLBACK,
        "due_date": rules.callback_due(fed_back, days).isoformat(),
        "basis_number": record.number,
        "assigned_staff": v.get("investigator") or v.get("receiver"),
        "way": "电话",
    }
    _plan(service, s, raw, Link(record.kind, record.id, record.number))


_BY_KIND = {
    de.SPEC.kind: _delivery_saved,
    fu.SPEC.kind: _followup_saved,
    c.SPEC.kind: _complaint_saved,
}


def plan_followups(service: RecordService, s: Session, record: Record, status_before: str | None) -> None:
    """The follow-up planning policy: dispatches on the kind of the saved record.  For a record that
    arrived by import, only when this laptop owns it (see the module text)."""
    hook = _BY_KIND.get(record.kind)
    if hook is None:
        return
    if service.arriving(s) and record.origin != load_settings(s).laptop_code:
        return
    hook(service, s, record, status_before)


def complete_callback_of(service: RecordService, s: Session, record: Record, status_before: str | None) -> None:
    """A complaint marked 已回访 on its own form: its planned call back is done, with the complaint's
    revisit date, record and the complainant's opinion (the other direction is
    :func:`_complaint_revisited`)."""
    if record.status != c.REVISITED or status_before != c.FED_BACK:
        return
    v = record.values.fields
    m = MODELS[fu.SPEC.kind]
    for row in _followups(s, record.id, fu.COMPLAINT_CALLBACK):
        if row.status != fu.PLANNED:
            continue
        followup = service._to_record(m, row)
        values = followup.values
        values.fields.update(done_date=v.get("revisit_date") or service.clock.today(),
                             result_note=values.fields.get("result_note") or v.get("revisit_result")
                             or CALLBACK_DONE_NOTE.format(number=record.number),
                             customer_opinion=values.fields.get("customer_opinion") or v.get("complainant_opinion"),
                             way=values.fields.get("way") or "电话")
        try:
            service.transition_in(s, fu.SPEC.kind, row.id, fu.DONE, values, by=v.get("investigator") or "",
                                  note=CALLBACK_DONE_NOTE.format(number=record.number))
        except (ValidationFailed, TransitionRefused) as e:
            log.info("call back %s not completed with complaint %s: %s", row.number, record.number, e)


# The status-history note of a call back completed by its complaint (record data, not UI).
CALLBACK_DONE_NOTE = "随投诉 {number} 记为已回访"
