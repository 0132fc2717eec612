"""Rules and lifecycle of the hotline ticket: 已受理 → 已派工 → 已处理 → 已回电, or 已转投诉.

The two deadlines of a ticket come from the response-time table in the settings (source 第一节十,
承诺书 §八), counted from the time of the call: the phone response (a call back with a first
answer) and the handling (the issue settled).  They are kept as ``YYYY-MM-DD HH:MM`` text, which
sorts as time does, so the home screen finds what is due with one indexed query.
"""

from __future__ import annotations

import datetime as dt

from . import ticket as tk
from .fields import RecordValues
from .i18n import MESSAGES, QT_TRANSLATE_NOOP
from .settings import Settings
from .validation import Issue, not_after, not_before
from .workflow import DeriveContext, Transition, Workflow

DEADLINE_FORMAT = "%Y-%m-%d %H:%M"

# Issue type → (phone response setting, handling setting).
HOURS: dict[str, tuple[str, str]] = {
    "配送/补货": ("general_phone_hours", "delivery_hours"),
    "验收数量不足": ("shortage_phone_hours", "shortage_handling_hours"),
    "验收不合格": ("rejected_phone_hours", "rejected_handling_hours"),
    "使用中质量问题": ("quality_phone_hours", "quality_handling_hours"),
    "质量异议": ("quality_phone_hours", "objection_hours"),
}
GENERAL = ("general_phone_hours", "general_handling_hours")


def response_hours(issue_type: str, settings: Settings) -> tuple[int, int]:
    phone, handling = HOURS.get(issue_type, GENERAL)
    return getattr(settings, phone), getattr(settings, handling)


def call_moment(v: RecordValues) -> dt.datetime | None:
    day, time = v.fields.get("call_date"), v.fields.get("call_time")
    if day is None:
        return None
    return dt.datetime.combine(day, time or dt.time(0, 0))


def deadlines(v: RecordValues, settings: Settings) -> tuple[dt.datetime, dt.datetime] | None:
    start, kind = call_moment(v), v.fields.get("issue_type")
    if start is None or kind is None:
        return None
    phone, handling = response_hours(kind, settings)
    return start + dt.timedelta(hours=phone), start + dt.timedelta(hours=handling)


def parse_deadline(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.strptime(text, DEADLINE_FORMAT)
    except ValueError:
        return None


# A deadline this close is "due soon": the register and the ticket's form show it in amber.
DUE_SOON = dt.timedelta(hours=2)
OVERDUE = "overdue"
DUE_SOON_STATE = "soon"

# The handling deadline runs until the issue is settled; the phone response only until staff is
# assigned (派工 needs the promised call-back time, i.e. the customer was answered).
HANDLING_OPEN = (tk.RECEIVED, tk.ASSIGNED)
RESPONSE_OPEN = (tk.RECEIVED,)


def deadline_state(deadline: dt.datetime | None, now: dt.datetime) -> str:
    """"overdue" once ``now`` is past the deadline (at the deadline minute itself it is still on
    time), "soon" within :data:`DUE_SOON` of it, else "".  Both are local wall-clock times."""
    if deadline is None:
        return ""
    now = wall_clock(now)
    if now > deadline:
        return OVERDUE
    if deadline - now <= DUE_SOON:
        return DUE_SOON_STATE
    return ""


def wall_clock(now: dt.datetime) -> dt.datetime:
    """The clock's aware local time as the naive wall-clock time the deadlines are written in."""
    return now.replace(tzinfo=None, second=0, microsecond=0)


def handling_state(status: str | None, handling_deadline: str | None, now: dt.datetime) -> str:
    """What the register shows for a ticket: only open tickets can be late."""
    if status not in HANDLING_OPEN:
        return ""
    return deadline_state(parse_deadline(handling_deadline), now)


def derive_ticket(v: RecordValues, ctx: DeriveContext) -> None:
    got = deadlines(v, ctx.settings)
    v.fields["response_deadline"] = got[0].strftime(DEADLINE_FORMAT) if got else None
    v.fields["handling_deadline"] = got[1].strftime(DEADLINE_FORMAT) if got else None


def _ticket(v: RecordValues, today: dt.date) -> list[Issue]:
    future = QT_TRANSLATE_NOOP(MESSAGES, "不能晚于今天（{today}）")
    issues = not_after(v, "call_date", today, future, today=today.isoformat())
    issues += not_after(v, "done_date", today, future, today=today.isoformat())
    issues += not_after(v, "called_back_date", today, future, today=today.isoformat())
    issues += not_after(v, "responded_date", today, future, today=today.isoformat())
    issues += not_after(v, "agreed_date", today, future, today=today.isoformat())
    issues += not_before(v, "responded_date", "call_date", tk.SPEC.label_of("call_date"))
    issues += not_before(v, "agreed_date", "call_date", tk.SPEC.label_of("call_date"))
    issues += not_before(v, "callback_date", "call_date", tk.SPEC.label_of("call_date"))
    issues += not_before(v, "done_date", "call_date", tk.SPEC.label_of("call_date"))
    issues += not_before(v, "called_back_date", "call_date", tk.SPEC.label_of("call_date"))
    if v.fields.get("sales_informed") and not v.fields.get("sales_person"):
        issues.append(Issue("sales_person", QT_TRANSLATE_NOOP(MESSAGES, "请填写已通知的销售人员")))
    return issues


def _promised(v: RecordValues, today: dt.date) -> list[Issue]:
    if v.fields.get("callback_date") is not None and v.fields.get("callback_time") is None:
        return [Issue("callback_time", QT_TRANSLATE_NOOP(MESSAGES, "请承诺具体的回电时间"))]
    return []


WORKFLOW = Workflow(
    rules=(_ticket,),
    spec=tk.SPEC,
    initial=tk.RECEIVED,
    final=(tk.CALLED_BACK, tk.ESCALATED),
    transitions=(
        Transition(tk.RECEIVED, tk.ASSIGNED, "派工", requires=("assigned_staff", "callback_date", "callback_time"),
                   check=_promised, moment_defaults=(("responded_date", "responded_time"),)),
        Transition(tk.ASSIGNED, tk.DONE, "处理完毕", requires=("result", "done_date"), date_defaults=("done_date",),
                   moment_defaults=(("agreed_date", "agreed_time"),)),
        Transition(tk.DONE, tk.CALLED_BACK, "回电确认", requires=("called_back_date", "customer_satisfaction"),
                   date_defaults=("called_back_date",)),
        # 转为投诉: taken when the complaint made from the ticket is first saved (services.policies)
        *(Transition(source, tk.ESCALATED, "转为投诉", by_policy=True) for source in (tk.RECEIVED, tk.ASSIGNED, tk.DONE)),
    ),
    derive=derive_ticket,
)
