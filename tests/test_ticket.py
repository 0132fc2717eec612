"""Hotline tickets (保障单): deadlines from the response-time table, what is late, the desk's
writes (customer, contact, ticket) and 转为投诉 (issue 6)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import NOW, STAFF, TODAY

from desktop.domain import ticket as tk
from desktop.domain import ticket_rules as rules
from desktop.domain.fields import RecordValues
from desktop.domain.links import follow_on_values
from desktop.domain.settings import Settings
from desktop.domain.validation import ValidationFailed
from desktop.services import tickets


def values(day: dt.date, time: dt.time | None, issue_type: str | None) -> RecordValues:
    return RecordValues({"call_date": day, "call_time": time, "issue_type": issue_type})


def ticket_raw(**over: Any) -> dict[str, Any]:
    raw = {
        "call_date": TODAY.isoformat(),
        "call_time": "09:00",
        "receiver": STAFF,
        "customer_unit": "北京第一医院",
        "caller_name": "李护士长",
        "caller_phone": "13812345678",
        "caller_on_file": True,
        "issue_type": "使用中质量问题",
        "product_name": "84 消毒液（有效氯 5%）",
        "batch_no": "20260105",
        "issue": "稀释后气味异常，使用后地面发白",
    }
    raw.update(over)
    return raw


# ------------------------------------------------------------------ deadlines


def test_a_call_at_2330_with_a_two_hour_response_is_due_at_0130_the_next_day() -> None:
    settings = Settings(quality_phone_hours=2, quality_handling_hours=48)
    got = rules.deadlines(values(dt.date(2026, 3, 31), dt.time(23, 30), "使用中质量问题"), settings)
    assert got == (dt.datetime(2026, 4, 1, 1, 30), dt.datetime(2026, 4, 2, 23, 30))


def test_each_issue_type_takes_its_own_hours_from_the_settings() -> None:
    # Every setting a different number of hours, so a type that read the wrong one would show.
    settings = Settings(delivery_hours=5, shortage_phone_hours=1, shortage_handling_hours=11,
                        rejected_phone_hours=2, rejected_handling_hours=12, quality_phone_hours=3,
                        quality_handling_hours=13, objection_hours=14, general_phone_hours=4,
                        general_handling_hours=15)
    expected = {
        "配送/补货": (4, 5),
        "验收数量不足": (1, 11),
        "验收不合格": (2, 12),
        "使用中质量问题": (3, 13),
        "质量异议": (3, 14),
        "使用技术咨询": (4, 15),
        "上门服务/培训需求": (4, 15),
        "其他": (4, 15),
    }
    assert set(expected) == set(tk.ISSUE_TYPES)
    start = dt.datetime(2026, 3, 20, 8, 0)
    for issue_type, (phone, handling) in expected.items():
        got = rules.deadlines(values(start.date(), start.time(), issue_type), settings)
        assert got == (start + dt.timedelta(hours=phone), start + dt.timedelta(hours=handling)), issue_type


def test_no_deadline_without_the_call_date_or_the_issue_type() -> None:
    assert rules.deadlines(values(TODAY, dt.time(9), None), Settings()) is None
    assert rules.deadlines(RecordValues({"issue_type": "其他"}), Settings()) is None


def test_a_ticket_exactly_at_its_deadline_is_not_overdue_a_minute_later_it_is() -> None:
    deadline = dt.datetime(2026, 3, 20, 11, 30)
    tz = dt.timezone(dt.timedelta(hours=8))
    at = dt.datetime(2026, 3, 20, 11, 30, tzinfo=tz)
    assert rules.deadline_state(deadline, at) == rules.DUE_SOON_STATE
    assert rules.deadline_state(deadline, at.replace(second=59)) == rules.DUE_SOON_STATE
    assert rules.deadline_state(deadline, at + dt.timedelta(minutes=1)) == rules.OVERDUE
    # Amber from two hours before the deadline, nothing before that.
    assert rules.deadline_state(deadline, at - dt.timedelta(hours=2)) == rules.DUE_SOON_STATE
    assert rules.deadline_state(deadline, at - dt.timedelta(hours=2, minutes=1)) == ""
    assert rules.deadline_state(None, at) == ""


def test_only_an_open_ticket_is_late() -> None:
    now = dt.datetime(2026, 3, 21, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert rules.handling_state(tk.RECEIVED, "2026-03-21 08:59", now) == rules.OVERDUE
    assert rules.handling_state(tk.ASSIGNED, "2026-03-21 10:00", now) == rules.DUE_SOON_STATE
    for done in (tk.DONE, tk.CALLED_BACK, tk.ESCALATED):
        assert rules.handling_state(done, "2026-03-21 08:59", now) == ""


def test_the_service_stores_both_deadlines_from_the_current_settings(service: Any) -> None:
    record = service.create("ticket", ticket_raw(call_time="23:30")).record
    assert record.status == tk.RECEIVED
    assert record.values.fields["response_deadline"] == "2026-03-21 01:30"
    assert record.values.fields["handling_deadline"] == "2026-03-22 23:30"
    settings = service.settings()
    settings.quality_phone_hours = 1
    settings.quality_handling_hours = 6
    service.save_settings(settings)
    again = service.create("ticket", ticket_raw(call_time="23:30")).record
    assert again.values.fields["response_deadline"] == "2026-03-21 00:30"
    assert again.values.fields["handling_deadline"] == "2026-03-21 05:30"
    # Search by the indexed handling deadline works as text: it sorts as time does.
    assert record.values.fields["handling_deadline"] > again.values.fields["handling_deadline"]


# ------------------------------------------------------------------ the desk's writes


def make_customer(service: Any, name: str = "北京第一医院", contacts: list[dict[str, Any]] | None = None) -> Any:
    return service.create("customer", {
        "name": name, "phone": "010-66778899", "address": "北京市西城区示例路 8 号", "sales_rep": "赵销售",
        "registered_date": TODAY.isoformat(),
        "contacts": contacts if contacts is not None else [
            {"name": "李护士长", "post": "感染科", "phone": "13812345678", "primary": True}],
    }).record


def test_a_customer_registered_during_a_call(service: Any) -> None:
    record = tickets.create_customer(service, "南京市第三中学", "025-88990011", "南京市鼓楼区北京西路 1 号", STAFF)
    assert record.kind == "customer"
    assert record.values.fields["name"] == "南京市第三中学"
    assert record.values.fields["registered_date"] == TODAY
    with pytest.raises(ValidationFailed) as e:
        tickets.create_customer(service, "", "12", "", STAFF)
    assert {i.key for i in e.value.issues} == {"name", "phone"}


def test_saving_a_call_adds_the_new_caller_to_the_customers_contacts(service: Any) -> None:
    customer = make_customer(service)
    contact = tickets.NewContact("王主任", "13900001111", "总务科")
    record = tickets.save_call(service, ticket_raw(caller_name="王主任", caller_phone="13900001111",
                                                   caller_on_file=False),
                               by=STAFF, customer_id=customer.id, contact=contact).record
    assert record.values.fields["caller_on_file"] is False
    rows = service.get("customer", customer.id).values.tables["contacts"]
    assert [(r["name"], r["post"], r["phone"], bool(r["primary"])) for r in rows] == [
        ("李护士长", "感染科", "13812345678", True), ("王主任", "总务科", "13900001111", False)]
    # The same caller again is not added twice.
    tickets.save_call(service, ticket_raw(caller_name="王主任", caller_phone="139 0000 1111"), by=STAFF,
                      customer_id=customer.id, contact=tickets.NewContact("王 主任", "139-0000-1111"))
    assert len(service.get("customer", customer.id).values.tables["contacts"]) == 2


def test_a_call_that_cannot_be_saved_adds_no_contact(service: Any) -> None:
    customer = make_customer(service)
    with pytest.raises(ValidationFailed) as e:
        tickets.save_call(service, ticket_raw(issue="", caller_phone="12"), by=STAFF, customer_id=customer.id,
                          contact=tickets.NewContact("王主任", "12"))
    assert {"issue", "caller_phone"} <= {i.key for i in e.value.issues}
    assert len(service.get("customer", customer.id).values.tables["contacts"]) == 1
    assert service.count("ticket") == 0


# ------------------------------------------------------------------ 转为投诉


def test_a_complaint_from_a_ticket_is_prefilled_from_it(service: Any) -> None:
    ticket = service.create("ticket", ticket_raw(customer_address="北京市西城区示例路 8 号")).record
    raw = follow_on_values(ticket, "complaint", TODAY, STAFF)
    assert raw == {
        "received_date": TODAY.isoformat(),
        "channel": "电话",
        "receiver": STAFF,
        "category": "使用中质量问题",
        "complainant_unit": "北京第一医院",
        "complainant_name": "李护士长",
        "complainant_phone": "13812345678",
        "complainant_address": "北京市西城区示例路 8 号",
        "items": [{"product_name": "84 消毒液（有效氯 5%）", "batch_no": "20260105"}],
        "reason": "稀释后气味异常，使用后地面发白",
    }
    consult = service.create("ticket", ticket_raw(issue_type="使用技术咨询", product_name="", batch_no="")).record
    raw = follow_on_values(consult, "complaint", TODAY, STAFF)
    assert "category" not in raw and "items" not in raw


def complaint_raw(ticket: Any, service: Any, **over: Any) -> dict[str, Any]:
    raw, _link = service.follow_on("ticket", ticket.id, "complaint")
    raw["severity"] = "一般投诉"
    raw["items"] = [dict(raw["items"][0], quantity="2", unit="桶")]
    raw.update(over)
    return raw


def test_saving_the_complaint_marks_the_ticket_escalated_in_the_same_transaction(service: Any) -> None:
    ticket = service.create("ticket", ticket_raw()).record
    raw, link = service.follow_on("ticket", ticket.id, "complaint")
    # A complaint that cannot be saved leaves the ticket as it was.
    with pytest.raises(ValidationFailed):
        service.create("complaint", raw, by=STAFF, source=link)
    assert service.get("ticket", ticket.id).status == tk.RECEIVED
    complaint = service.create("complaint", complaint_raw(ticket, service), by=STAFF, source=link).record
    after = service.get("ticket", ticket.id)
    assert after.status == tk.ESCALATED
    last = after.events[-1]
    assert (last.from_status, last.to_status, last.note) == (tk.RECEIVED, tk.ESCALATED, f"转为投诉 {complaint.number}")
    assert last.at == NOW
    # Linked both ways; the ticket is closed now.
    assert [(lk.kind, lk.number) for lk in service.linked("ticket", ticket.id)] == [("complaint", complaint.number)]
    from desktop.domain.workflow import TransitionRefused

    with pytest.raises(TransitionRefused):
        service.update("ticket", ticket.id, ticket_raw())
    # Saving the complaint again changes nothing more.
    service.update("complaint", complaint.id, complaint_raw(ticket, service, reason="补充说明"), by=STAFF)
    assert len(service.get("ticket", ticket.id).events) == 2


def test_a_called_back_ticket_stays_closed_when_a_complaint_is_made_from_it(service: Any) -> None:
    ticket = service.create("ticket", ticket_raw()).record
    raw = ticket_raw(assigned_staff="张工", callback_date=TODAY.isoformat(), callback_time="11:00")
    service.transition("ticket", ticket.id, tk.ASSIGNED, raw)
    raw.update(result="已上门更换", done_date=TODAY.isoformat())
    service.transition("ticket", ticket.id, tk.DONE, raw)
    raw.update(called_back_date=TODAY.isoformat(), customer_satisfaction="不满意")
    service.transition("ticket", ticket.id, tk.CALLED_BACK, raw)
    _raw, link = service.follow_on("ticket", ticket.id, "complaint")
    service.create("complaint", complaint_raw(ticket, service), by=STAFF, source=link)
    assert service.get("ticket", ticket.id).status == tk.CALLED_BACK


def test_a_complaint_not_made_from_a_ticket_touches_no_ticket(service: Any) -> None:
    ticket = service.create("ticket", ticket_raw()).record
    raw = complaint_raw(ticket, service)
    service.create("complaint", raw, by=STAFF)  # no source: typed by hand
    assert service.get("ticket", ticket.id).status == tk.RECEIVED
