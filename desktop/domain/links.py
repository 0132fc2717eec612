"""Links between records: a complaint leads to return requests and service reports, a service
report to a satisfaction survey.  The follow-on record is created from the one before it, with
the customer, contact, products and batches filled in (by their roles, ``domain/roles.py``: every
product line its own row), and remembers where it came from.  What each follow-on adds of its own
(the complaint's reason as the return's reason, a survey's way from the visit's) is below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import complaint as c
from . import roles
from .fields import RecordValues, to_json_value
from .forms import SPECS
from .records import Record


@dataclass(frozen=True)
class Link:
    """The record another one comes from (kept with the follow-on record, printed on its PDF)."""

    kind: str
    id: str
    number: str


def _jsonish(kind: str, values: RecordValues) -> dict[str, Any]:
    """Values as the form hands them to the services (JSON-like), for prefilling a new form."""
    spec = SPECS[kind]
    out: dict[str, Any] = {f.key: to_json_value(f, values.fields.get(f.key)) for f in spec.fields() if not f.read_only}
    for t in spec.tables():
        out[t.key] = [{col.key: to_json_value(col, row.get(col.key)) for col in t.columns}
                      for row in values.tables.get(t.key, [])]
    return out


def _complaint_to_return(v: dict[str, Any], today: dt.date, staff: str, record: Record,
                         carried: dict[str, Any]) -> dict[str, Any]:
    reason = v.get("category") if v.get("category") in ("验收数量不足", "验收不合格", "使用中质量问题") else None
    det = v.get("quality_determination")
    return {
        "request_date": today.isoformat(),
        "staff": staff or v.get("receiver"),
        "reason_type": reason,
        "reason_details": v.get("reason"),
        "photos": list(record.values.photos.get("photos", [])),
        "quality_determination": det if det in (c.QUALITY_PROBLEM, c.NOT_QUALITY_PROBLEM) else None,
        "determined_by": v.get("determined_by"),
        "determined_role": v.get("determined_role"),
        "determined_date": v.get("determined_date"),
        "determination_basis": v.get("investigation_opinion"),
    }


def _complaint_to_service(v: dict[str, Any], today: dt.date, staff: str, record: Record,
                          carried: dict[str, Any]) -> dict[str, Any]:
    return {
        "service_type": "投诉处理",
        "service_date": today.isoformat(),
        "staff": staff or v.get("investigator") or v.get("receiver"),
        "problems_found": v.get("reason"),
    }


def _service_to_survey(v: dict[str, Any], today: dt.date, staff: str, record: Record,
                       carried: dict[str, Any]) -> dict[str, Any]:
    return {
        "survey_type": "服务后调查",
        "survey_way": "现场填写" if v.get("contact_way") in (None, "上门") else "电话询问",
        "survey_date": today.isoformat(),
        "surveyor": staff or v.get("staff"),
    }


# A ticket's issue type → the complaint's category, where one is the other (使用技术咨询 and the
# like are left for the clerk to choose).
TICKET_CATEGORIES = {
    "验收数量不足": "验收数量不足",
    "验收不合格": "验收不合格",
    "使用中质量问题": "使用中质量问题",
    "配送/补货": "服务投诉",
    "其他": "其他",
}


def _ticket_to_complaint(v: dict[str, Any], today: dt.date, staff: str, record: Record,
                         carried: dict[str, Any]) -> dict[str, Any]:
    """转为投诉: the caller becomes the complainant, the ticket's product and batch the complained
    item (quantity and unit are the clerk's to fill in), the issue the reason."""
    return {
        "received_date": today.isoformat(),
        "channel": "电话",
        "receiver": staff or v.get("receiver"),
        "category": TICKET_CATEGORIES.get(v.get("issue_type") or ""),
        "reason": v.get("issue"),
    }


def _followup_to_service(v: dict[str, Any], today: dt.date, staff: str, record: Record,
                         carried: dict[str, Any]) -> dict[str, Any]:
    """A return visit done: its service report (远程回访 by phone, e-mail or online, else 上门走访)."""
    way = v.get("way")
    return {
        "service_type": "远程回访" if way in REMOTE_WAYS else "上门走访",
        "contact_way": way,
        "service_date": v.get("done_date") or today.isoformat(),
        "staff": v.get("assigned_staff") or staff,
        "usage_overview": v.get("result_note"),
    }


REMOTE_WAYS = ("电话", "邮件", "网络")


def _delivery_to_use_record(v: dict[str, Any], today: dt.date, staff: str, record: Record,
                            carried: dict[str, Any]) -> dict[str, Any]:
    """How the customer stores, uses and disposes of a delivery (source 六(五)), for that batch."""
    return {
        "delivery_number": record.number,
        "record_date": today.isoformat(),
        "recorded_by": staff,
    }


def _delivery_to_complaint(v: dict[str, Any], today: dt.date, staff: str, record: Record,
                           carried: dict[str, Any]) -> dict[str, Any]:
    """A complaint about a delivered batch: 验收数量不足 / 验收不合格 from the acceptance result (the
    delivered quantity is the complained one only then)."""
    category = {"数量不足": "验收数量不足", "验收不合格": "验收不合格"}.get(v.get("acceptance_result") or "")
    items = [dict(row) if category else {k: x for k, x in row.items() if k != "quantity"}
             for row in carried.get("items", [])]
    return {
        "received_date": today.isoformat(),
        "receiver": staff,
        "category": category,
        "items": items,
        "reason": v.get("acceptance_note") if category else None,
    }

# (source values, today, staff, source record, what is carried by role) → the follow-on's own values
Prefill = Callable[[dict[str, Any], dt.date, str, Record, dict[str, Any]], dict[str, Any]]
FOLLOW_ONS: dict[str, dict[str, Prefill]] = {
    "complaint": {"return-request": _complaint_to_return, "service-report": _complaint_to_service},
    "service-report": {"survey": _service_to_survey},
    "ticket": {"complaint": _ticket_to_complaint},
    "followup": {"service-report": _followup_to_service},
    "delivery": {"use-record": _delivery_to_use_record, "complaint": _delivery_to_complaint},
}


def follow_on_kinds(kind: str) -> list[str]:
    return list(FOLLOW_ONS.get(kind, {}))


def follow_on_values(source: Record, target_kind: str, today: dt.date, staff: str = "") -> dict[str, Any]:
    """The raw values of a new ``target_kind`` record made from ``source`` (empty values dropped)."""
    make = FOLLOW_ONS[source.kind][target_kind]
    values = _jsonish(source.kind, source.values)
    carried = roles.carry(SPECS[source.kind], values, SPECS[target_kind])
    raw = {**carried, **make(values, today, staff, source, carried)}
    return {k: v for k, v in raw.items() if v not in (None, "", [])}
