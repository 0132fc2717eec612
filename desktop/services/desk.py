"""The home screen's figures: today at a glance (issue 6, "The home screen").

``DeskService(records).summary(now)`` answers, in one short read transaction:

- follow-ups (回访) still planned and due today, and those overdue (due before today);
- hotline tickets still being handled (已受理, 已派工: ``ticket_rules.HANDLING_OPEN``) whose handling
  deadline — or, while the caller is still waiting for an answer (已受理), whose phone-response
  deadline — is past, or comes within the next ``TICKET_WARNING_HOURS`` hours (past once its
  minute is over, as the ticket's form and register count it);
- open complaints (not closed), counted by status;
- delivered batches whose expiry date falls within ``expiry_warning_days`` (a setting; a batch
  expiring today is still usable today, so it is "expiring", not "expired"), and batches that
  expired within the last ``EXPIRED_WINDOW_DAYS`` days.  The expired list is bounded by that
  window so it does not grow forever: a batch that expired longer ago is history, kept in the
  deliveries register.

Every group gives its full count and its first ``limit`` rows (the most urgent first), each row
with the kind and id of its record so the home screen opens it with one click.  The queries are
Core selects on indexed columns (status, due_date, handling_deadline, expiry_date) with LIMIT: on
10,000 customers and 100,000 deliveries the summary takes a few tens of milliseconds
(``benchmarks/desk.py``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, func, or_, select

from ..domain import complaint as c
from ..domain import delivery as de
from ..domain import followup as fu
from ..domain import ticket as tk
from ..domain.ticket_rules import DEADLINE_FORMAT, DUE_SOON, HANDLING_OPEN, RESPONSE_OPEN
from ..storage.schema import MODELS
from ..storage.settings import load_settings

if TYPE_CHECKING:
    from .records import RecordService

# A ticket whose handling deadline comes within this many hours is "near": the same limit as the
# ticket register's and form's amber (ticket_rules.DUE_SOON), so every screen agrees.
TICKET_WARNING_HOURS = int(DUE_SOON.total_seconds() // 3600)
EXPIRED_WINDOW_DAYS = 90  # expired batches shown: those expired within this many days
ROW_LIMIT = 20

# Row states, from the most urgent.
OVERDUE = "overdue"  # a follow-up due before today, a ticket past its deadline
EXPIRED = "expired"  # a batch past its expiry date
DUE = "due"  # a follow-up due today
NEAR = "near"  # a ticket within TICKET_WARNING_HOURS of its deadline
EXPIRING = "expiring"  # a batch expiring within the warning days


@dataclass(frozen=True)
class DeskRow:
    """One line of a home-screen list: the record to open and what to show of it."""

    kind: str
    id: str
    number: str
    state: str
    when: Any  # the date or deadline the row is about (date, or "YYYY-MM-DD HH:MM" for a ticket)
    customer: str = ""
    subject: str = ""  # follow-up type, ticket issue, product
    detail: str = ""  # batch, staff
    status: str = ""


@dataclass(frozen=True)
class DeskGroup:
    """A list on the home screen: how many there are, and the first few."""

    key: str
    kind: str
    count: int
    rows: tuple[DeskRow, ...] = ()


@dataclass(frozen=True)
class DeskSummary:
    now: dt.datetime
    today: dt.date
    followups_due: DeskGroup
    followups_overdue: DeskGroup
    tickets_overdue: DeskGroup
    tickets_near: DeskGroup
    complaints_by_status: dict[str, int]  # open statuses in the order of work, zeros included
    batches_expiring: DeskGroup
    batches_expired: DeskGroup
    expiry_warning_days: int
    expired_window_days: int = EXPIRED_WINDOW_DAYS
    ticket_warning_hours: int = TICKET_WARNING_HOURS
    groups: dict[str, DeskGroup] = field(default_factory=dict)

    @property
    def complaints_open(self) -> int:
        return sum(self.complaints_by_status.values())


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class DeskService:
    """Reads the home screen's summary (no writes, no ORM objects)."""

    def __init__(self, records: RecordService, limit: int = ROW_LIMIT) -> None:
        self.records = records
        self.limit = limit

    def summary(self, now: dt.datetime | None = None) -> DeskSummary:
        now = now or self.records.clock.now()
        today = now.date()
        with self.records.db.session() as s:
            settings = load_settings(s)
            conn = s.connection()
            fdue, foverdue = self._followups(conn, today)
            toverdue, tnear = self._tickets(conn, now)
            complaints = self._complaints(conn)
            expiring, expired = self._batches(conn, today, settings.expiry_warning_days)
        groups = {g.key: g for g in (fdue, foverdue, toverdue, tnear, expiring, expired)}
        return DeskSummary(now, today, fdue, foverdue, toverdue, tnear, complaints, expiring, expired,
                           settings.expiry_warning_days, groups=groups)

    # ---------------------------------------------------------------- groups

    def _group(self, conn: Any, key: str, kind: str, where: Any, order: Any, make: Any, cols: list[Any]) -> DeskGroup:
        rec = MODELS[kind].record
        count = conn.execute(select(func.count()).select_from(rec).where(where)).scalar() or 0
        rows: tuple[DeskRow, ...] = ()
        if count:
            q = select(rec.id, rec.number, rec.status, *cols).where(where).order_by(*order).limit(self.limit)
            rows = tuple(make(r) for r in conn.execute(q))
        return DeskGroup(key, kind, count, rows)

    def _followups(self, conn: Any, today: dt.date) -> tuple[DeskGroup, DeskGroup]:
        f = MODELS[fu.SPEC.kind].record
        cols = [f.due_date, f.customer_unit, f.followup_type, f.product_name, f.batch_no, f.assigned_staff]

        def make(state: str) -> Any:
            def row(r: Any) -> DeskRow:
                product = " ".join(p for p in (_text(r[6]), _text(r[7])) if p)
                return DeskRow(fu.SPEC.kind, r[0], r[1], state, r[3], _text(r[4]), _text(r[5]),
                               " · ".join(p for p in (product, _text(r[8])) if p), r[2])
            return row

        planned = f.status == fu.PLANNED
        due = self._group(conn, "followups_due", fu.SPEC.kind, and_(planned, f.due_date == today),
                          (f.number,), make(DUE), cols)
        overdue = self._group(conn, "followups_overdue", fu.SPEC.kind, and_(planned, f.due_date < today),
                              (f.due_date, f.number), make(OVERDUE), cols)
        return due, overdue

    def _tickets(self, conn: Any, now: dt.datetime) -> tuple[DeskGroup, DeskGroup]:
        """Both deadlines count (issue 14): the phone response while the caller has not been
        answered (``RESPONSE_OPEN``), the handling until the issue is settled; a ticket's "when"
        is the first of its running deadlines."""
        t = MODELS[tk.SPEC.kind].record
        now_text = now.strftime(DEADLINE_FORMAT)
        soon_text = (now + dt.timedelta(hours=TICKET_WARNING_HOURS)).strftime(DEADLINE_FORMAT)
        responding = and_(t.status.in_(list(RESPONSE_OPEN)), t.response_deadline.is_not(None))
        handling = t.status.in_(list(HANDLING_OPEN))
        first = case((and_(responding, t.response_deadline < t.handling_deadline), t.response_deadline),
                     else_=t.handling_deadline)
        cols = [first, t.customer_unit, t.issue_type, t.assigned_staff, t.caller_name]

        def make(state: str) -> Any:
            def row(r: Any) -> DeskRow:
                return DeskRow(tk.SPEC.kind, r[0], r[1], state, r[3], _text(r[4]), _text(r[5]),
                               " · ".join(p for p in (_text(r[6]), _text(r[7])) if p), r[2])
            return row

        # Past a deadline once its minute is over; within the deadline's minute it is still "near".
        late = or_(and_(responding, t.response_deadline < now_text), and_(handling, t.handling_deadline < now_text))
        near = or_(and_(responding, t.response_deadline >= now_text, t.response_deadline <= soon_text),
                   and_(handling, t.handling_deadline >= now_text, t.handling_deadline <= soon_text))
        overdue = self._group(conn, "tickets_overdue", tk.SPEC.kind, and_(handling, late),
                              (first, t.number), make(OVERDUE), cols)
        coming = self._group(conn, "tickets_near", tk.SPEC.kind, and_(handling, near, ~late),
                             (first, t.number), make(NEAR), cols)
        return overdue, coming

    def _complaints(self, conn: Any) -> dict[str, int]:
        cm = MODELS[c.SPEC.kind].record
        open_statuses = open_complaint_statuses()
        counts = dict(conn.execute(select(cm.status, func.count()).where(cm.status.in_(open_statuses))
                                   .group_by(cm.status)).all())
        return {st: int(counts.get(st, 0)) for st in open_statuses}

    def _batches(self, conn: Any, today: dt.date, warning_days: int) -> tuple[DeskGroup, DeskGroup]:
        d = MODELS[de.SPEC.kind].record
        cols = [d.expiry_date, d.customer_unit, d.product_name, d.batch_no, d.quantity, d.unit]

        def make(state: str) -> Any:
            def row(r: Any) -> DeskRow:
                amount = f"{_text(r[7])}{_text(r[8])}" if r[7] is not None else ""
                return DeskRow(de.SPEC.kind, r[0], r[1], state, r[3], _text(r[4]), _text(r[5]),
                               " · ".join(p for p in (_text(r[6]), amount) if p), r[2])
            return row

        until = today + dt.timedelta(days=warning_days)
        since = today - dt.timedelta(days=EXPIRED_WINDOW_DAYS)
        expiring = self._group(conn, "batches_expiring", de.SPEC.kind,
                               and_(d.expiry_date >= today, d.expiry_date <= until),
                               (d.expiry_date, d.number), make(EXPIRING), cols)
        expired = self._group(conn, "batches_expired", de.SPEC.kind,
                              and_(d.expiry_date >= since, d.expiry_date < today),
                              (d.expiry_date.desc(), d.number), make(EXPIRED), cols)
        return expiring, expired


from .desk_groups import GROUPS_OF_KIND  # noqa: F401 - re-exported: the figures by kind


def group_ids(records: RecordService, key: str, now: dt.datetime | None = None) -> list[str]:
    """Every record of a 首页 figure (not only the first rows the home screen lists), in its
    order: what the register shows when the figure is clicked."""
    if key == "complaints_open":
        cm = MODELS[c.SPEC.kind].record
        open_statuses = open_complaint_statuses()
        with records.db.session() as s:
            return list(s.execute(select(cm.id).where(cm.status.in_(open_statuses))
                                  .order_by(cm.received_date, cm.number)).scalars())
    summary = DeskService(records, limit=1_000_000).summary(now)
    group = summary.groups.get(key)
    if group is None:
        raise KeyError(key)
    return [row.id for row in group.rows]


def open_complaint_statuses() -> list[str]:
    """The complaint statuses that still need work (``complaint_rules.open_statuses``)."""
    from ..domain.complaint_rules import open_statuses

    return open_statuses()
