"""Status transitions: which next steps a record offers, and what each step needs.

A :class:`Transition` names the fields that must be filled before the step (the form highlights
them) and may add a check of its own (a quality determination that is not "难以界定" before
已界定, approvals before handling).  The services apply a transition only when
:func:`check_transition` finds no issue, in the same transaction as the values that go with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .expiry import BatchDelivery
from .fields import FormSpec, RecordValues
from .settings import Settings
from .validation import REQUIRED, Issue, RecordRule, check_record

TransitionCheck = Callable[[RecordValues, dt.date], list[Issue]]


def _no_shelf_life(_product_name: str) -> int | None:
    return None


def _no_deliveries(_batch_nos: Iterable[str]) -> list[BatchDelivery]:
    return []


@dataclass(frozen=True)
class DeriveContext:
    """What a form's computed fields may depend on besides the record: the settings, today, and
    what the registers know (a product's shelf life), given by the services."""

    settings: Settings
    today: dt.date
    shelf_life_of: Callable[[str], int | None] = _no_shelf_life
    # The deliveries of these batch numbers (the register's), for a complaint's expiry dates.
    deliveries_of: Callable[[Iterable[str]], list[BatchDelivery]] = _no_deliveries


Derive = Callable[[RecordValues, DeriveContext], None]


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    action: str  # the button's text: 开始调查, 完成界定, …
    requires: tuple[str, ...] = ()
    check: TransitionCheck | None = None
    # Fields filled with today's date when empty, as a convenience (the user may change them).
    date_defaults: tuple[str, ...] = ()
    # (date field, time field) pairs filled with the moment of the step when empty: the actual
    # time a promised step was taken (a ticket's phone response, its agreed handling).
    moment_defaults: tuple[tuple[str, str], ...] = ()
    # A step only a policy takes, with the record that causes it (a ticket 已转投诉 when its
    # complaint is saved): not offered as a button.
    by_policy: bool = False
    # A step taken for a reason the clerk gives when taking it (重新打开, 作废): the reason goes into
    # this field and into the status history with who and when.  A fresh reason every time.
    reason: str = ""
    # Fields the step empties (a reopened complaint is no longer closed: its 结案日期 goes, the
    # closed revision keeps it).
    clears: tuple[str, ...] = ()
    # Date fields the step stamps with its day when empty, whoever takes it (the day a complaint
    # was voided is its closing day: the five years of keeping count from it).
    stamps: tuple[str, ...] = ()
    # The revision before the step is kept as it was (a snapshot in the revision history), signed
    # or not, and the record goes on in the next revision: the closed complaint stays as closed.
    new_revision: bool = False


@dataclass(frozen=True)
class Workflow:
    spec: FormSpec
    initial: str
    transitions: tuple[Transition, ...]
    final: tuple[str, ...] = ()
    # Works out the spec's ``computed`` fields from the others, before every check and save.
    derive: Derive | None = None
    # The form's whole-record rules, checked at every save and step (``validation.check_record``).
    rules: tuple[RecordRule, ...] = ()
    # Final statuses of a record set aside (a duplicate complaint 已作废): kept, counted nowhere as
    # work, and nothing is made from it.
    voided: tuple[str, ...] = ()

    def check(self, values: RecordValues, today: dt.date) -> list[Issue]:
        """Required fields and this form's rules."""
        return check_record(self.spec, values, today, self.rules)

    def next_steps(self, status: str) -> list[Transition]:
        return [t for t in self.transitions if t.source == status]

    def find(self, source: str, target: str) -> Transition | None:
        for t in self.transitions:
            if t.source == source and t.target == target:
                return t
        return None

    def is_final(self, status: str) -> bool:
        return status in self.final


class TransitionRefused(Exception):
    def __init__(self, message: str, issues: list[Issue] | None = None) -> None:
        self.issues = issues or []
        super().__init__(message)


def fill_moment_defaults(values: RecordValues, t: Transition, now: dt.datetime) -> bool:
    """Fill the step's empty moment fields with ``now`` (wall-clock minutes); True when any was."""
    filled = False
    for day, time in t.moment_defaults:
        if values.fields.get(day) is None:
            values.fields[day] = now.date()
            if values.fields.get(time) is None:
                values.fields[time] = now.time().replace(second=0, microsecond=0, tzinfo=None)
            filled = True
    return filled


def apply_step_values(values: RecordValues, t: Transition, today: dt.date, reason: str | None = None) -> None:
    """What the step itself writes: the reason given (when the step asks one), the fields it
    empties, the dates it stamps."""
    if t.reason and reason is not None:
        values.fields[t.reason] = " ".join(reason.split()) or None
    for key in t.clears:
        values.fields[key] = None
    for key in t.stamps:
        if values.fields.get(key) is None:
            values.fields[key] = today


def check_transition(wf: Workflow, values: RecordValues, t: Transition, today: dt.date) -> list[Issue]:
    """Everything that must hold for ``t``: the record itself, the step's fields, its rule."""
    issues = wf.check(values, today)
    return issues + _step_issues(values, t, today, {i.path for i in issues})


def _step_issues(values: RecordValues, t: Transition, today: dt.date, seen: set[str]) -> list[Issue]:
    """What ``t`` itself requires (its fields, its rule) beyond the record's own checks, whose
    paths are ``seen``."""
    issues = []
    for key in t.requires:
        if values.fields.get(key) is None and values.photos.get(key) in (None, []) and key not in seen:
            issues.append(Issue(key, REQUIRED))
    if t.check is not None:
        issues.extend(i for i in t.check(values, today) if i.path not in seen)
    return issues


def path_to(wf: Workflow, status: str) -> list[Transition] | None:
    """The shortest chain of steps from the first status to ``status`` (None if unreachable)."""
    if status == wf.initial:
        return []
    frontier: list[tuple[str, list[Transition]]] = [(wf.initial, [])]
    seen = {wf.initial}
    while frontier:
        nxt: list[tuple[str, list[Transition]]] = []
        for st, path in frontier:
            for t in wf.next_steps(st):
                if t.target in seen:
                    continue
                if t.target == status:
                    return path + [t]
                seen.add(t.target)
                nxt.append((t.target, path + [t]))
        frontier = nxt
    return None


def check_status(wf: Workflow, values: RecordValues, status: str, today: dt.date) -> list[Issue]:
    """A record that claims ``status`` (an import) must hold what every step to it required."""
    path = path_to(wf, status) or []
    issues = wf.check(values, today)  # the record's own checks once, not again for every step
    checked = {i.path for i in issues}
    seen = set(checked)
    for t in path:
        for i in _step_issues(values, t, today, checked):
            if i.path not in seen:
                seen.add(i.path)
                issues.append(i)
    return issues
