"""The home screen's summary (``services.desk``): what is due, late, near its deadline or expiring,
with the limits of each group (due today vs overdue at midnight, a ticket's deadline minute, a batch
expiring today, the 60-day warning and the 90-day expired window)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from conftest import NOW, TODAY

from desktop.domain import complaint as c
from desktop.domain import followup as fu
from desktop.domain import ticket as tk
from desktop.domain.links import _jsonish
from desktop.services import desk
from desktop.services.demo import demo_objects
from desktop.services.desk import DeskService
from desktop.services.transfer import import_records

TZ = NOW.tzinfo


def _delivery(service: Any, unit: str, day: str, batch: str, shelf: int | None = None, product: str = "84 消毒液") -> Any:
    raw = {"customer_unit": unit, "contact_name": "张丽", "contact_phone": "010-65123456", "delivery_date": day,
           "product_name": product, "batch_no": batch, "quantity": "20", "unit": "桶", "shipped_by": "周发货"}
    if shelf:
        raw["shelf_life_months"] = str(shelf)
    return service.create("delivery", raw).record


def _ticket(service: Any, unit: str, day: str, time: str, issue_type: str = "验收数量不足",
            answered: bool = True) -> Any:
    """A ticket; ``answered``: the caller was called back and staff assigned (已派工), so only the
    handling deadline still runs (the phone response's is over)."""
    made = service.create("ticket", {
        "call_date": day, "call_time": time, "receiver": "王测试", "customer_unit": unit, "caller_name": "李强",
        "caller_phone": "13912345678", "issue_type": issue_type, "issue": "到货数量与发货单不符。",
        "assigned_staff": "赵敏",
    }).record
    if not answered:
        return made
    raw = _jsonish("ticket", made.values)
    raw.update(callback_date=day, callback_time=time)
    return service.transition("ticket", made.id, tk.ASSIGNED, raw).record


def _followup(service: Any, unit: str, due: str) -> Any:
    return service.create("followup", {"followup_type": fu.OTHER, "due_date": due, "customer_unit": unit,
                                       "contact_name": "陈红", "product_name": "灭蟑胶饵", "assigned_staff": "孙回访"}).record


def seed(service: Any) -> dict[str, Any]:
    """Records around every limit of the home screen, made through the services on the fixed clock
    (2026-03-20 09:30); returns them by name."""
    r: dict[str, Any] = {}
    # Follow-ups: planned by deliveries entered late (the latest visit of their schedule) and by hand.
    r["due_delivery"] = _delivery(service, "北京市第一人民医院", "2025-12-20", "SH251220")  # visit 03-20: today
    r["late_delivery"] = _delivery(service, "上海市第六人民医院", "2025-12-10", "SH251210")  # visit 03-10: overdue
    r["later_delivery"] = _delivery(service, "南京市鼓楼医院", "2026-01-05", "SH260105")  # visit 04-05
    r["late_hand"] = _followup(service, "杭州市西湖区疾控中心", "2026-03-19")
    r["due_hand"] = _followup(service, "苏州市立医院", "2026-03-20")
    cancelled = _followup(service, "无锡市人民医院", "2026-03-18")
    raw = _jsonish("followup", cancelled.values)
    raw["result_note"] = "客户已改由其他供应商供货"
    service.transition("followup", cancelled.id, fu.CANCELLED, raw)
    # Tickets: handling 24 h for 验收数量不足, 48 h for 使用中质量问题.
    r["t_late"] = _ticket(service, "北京市朝阳区第一中学", "2026-03-19", "08:00")  # 03-20 08:00: overdue
    r["t_late_min"] = _ticket(service, "北京市海淀区教委", "2026-03-19", "09:29")  # 09:29: a minute late
    r["t_now"] = _ticket(service, "天津市第三中心医院", "2026-03-19", "09:30")  # 09:30: this minute, near
    r["t_near"] = _ticket(service, "天津市南开医院", "2026-03-18", "10:00", "使用中质量问题")  # 03-20 10:00
    r["t_edge"] = _ticket(service, "河北省人民医院", "2026-03-19", "11:30")  # now + 2 h exactly: near
    r["t_later"] = _ticket(service, "石家庄市第一医院", "2026-03-19", "11:31")  # just beyond 2 h
    done = _ticket(service, "保定市第二医院", "2026-03-19", "07:00", answered=False)  # overdue, but called back: final
    raw = _jsonish("ticket", done.values)
    raw.update(callback_date="2026-03-19", callback_time="10:00")
    service.transition("ticket", done.id, tk.ASSIGNED, raw)
    raw.update(result="已补发 2 桶。", done_date="2026-03-19")
    service.transition("ticket", done.id, tk.DONE, raw)
    raw.update(called_back_date="2026-03-20", customer_satisfaction="满意")
    service.transition("ticket", done.id, tk.CALLED_BACK, raw)
    settled = _ticket(service, "保定市第三医院", "2026-03-19", "06:00", answered=False)  # overdue, but handled: only the call back left
    raw = _jsonish("ticket", settled.values)
    raw.update(callback_date="2026-03-20", callback_time="15:00")
    service.transition("ticket", settled.id, tk.ASSIGNED, raw)
    raw.update(result="已说明配药方法。", done_date="2026-03-20")
    service.transition("ticket", settled.id, tk.DONE, raw)
    # Batches (the shelf life set per delivery to place each expiry; none of these plans a visit).
    r["exp_today"] = _delivery(service, "广州市第一人民医院", "2026-02-21", "GZ260221", 1)  # expires 03-20
    r["exp_29"] = _delivery(service, "深圳市人民医院", "2026-01-19", "SZ260119", 3)  # 04-18
    r["exp_60"] = _delivery(service, "珠海市人民医院", "2026-03-20", "ZH260320", 2)  # 05-19: day 60
    _delivery(service, "佛山市第一人民医院", "2026-01-21", "FS260121", 4)  # 05-20: day 61, not yet
    r["expired_1"] = _delivery(service, "东莞市人民医院", "2026-01-20", "DG260120", 2)  # 03-19
    r["expired_90"] = _delivery(service, "中山市人民医院", "2025-11-21", "ZS251121", 1)  # 2025-12-20
    _delivery(service, "江门市中心医院", "2025-11-20", "JM251120", 1)  # 2025-12-19: 91 days, history
    # Complaints: two of each status from the demo (12 open, 2 closed).  Those fed back plan their
    # call backs (services.planning) two months on: none is due on the home screen yet.
    settings = service.settings()
    settings.complaint_callback_days = 60
    service.save_settings(settings)
    import_records(service, demo_objects(TODAY, 14))
    return r


def _ids(group: desk.DeskGroup) -> list[str]:
    return [row.id for row in group.rows]


def _visit_of(service: Any, delivery: Any) -> str:
    return next(lk.id for lk in service.linked("delivery", delivery.id) if lk.kind == "followup")


def test_the_summary_counts_each_group_at_its_limits(service) -> None:
    r = seed(service)
    s = DeskService(service).summary(NOW)
    assert s.today == TODAY

    # Follow-ups: due today (all day) and overdue (before today), cancelled and later ones left out.
    assert s.followups_due.count == 2
    assert set(_ids(s.followups_due)) == {_visit_of(service, r["due_delivery"]), r["due_hand"].id}
    assert s.followups_overdue.count == 2
    assert _ids(s.followups_overdue) == [_visit_of(service, r["late_delivery"]), r["late_hand"].id]  # oldest first
    assert {row.state for row in s.followups_overdue.rows} == {desk.OVERDUE}
    row = s.followups_overdue.rows[0]
    assert (row.kind, row.when, row.customer, row.subject) == ("followup", dt.date(2026, 3, 10), "上海市第六人民医院",
                                                               fu.DELIVERY_VISIT)
    assert "SH251210" in row.detail

    # Tickets: past their deadline minute → overdue; this minute up to 2 h ahead (ticket_rules.DUE_SOON) → near; handled or
    # final ones never.
    assert _ids(s.tickets_overdue) == [r["t_late"].id, r["t_late_min"].id]
    assert _ids(s.tickets_near) == [r["t_now"].id, r["t_near"].id, r["t_edge"].id]
    assert s.tickets_near.rows[1].when == "2026-03-20 10:00"

    # Complaints: the statuses that still need work in the order of work; closed ones and those
    # already called back (已回访: only the formal 结案 left) not counted (issue 14).
    assert list(s.complaints_by_status) == [c.REGISTERED, c.INVESTIGATING, c.DETERMINED, c.HANDLING, c.FED_BACK]
    assert set(s.complaints_by_status.values()) == {2}
    assert s.complaints_open == 10

    # Batches: today's expiry is still "expiring"; day 60 in, day 61 out; expired within 90 days only.
    assert _ids(s.batches_expiring) == [r["exp_today"].id, r["exp_29"].id, r["exp_60"].id]
    assert _ids(s.batches_expired) == [r["expired_1"].id, r["expired_90"].id]  # the latest first
    assert s.batches_expiring.rows[0].when == TODAY
    assert s.batches_expired.rows[0].state == desk.EXPIRED


def test_at_midnight_todays_follow_ups_become_overdue(service) -> None:
    seed(service)
    late = DeskService(service).summary(dt.datetime(2026, 3, 20, 23, 59, 59, tzinfo=TZ))
    assert (late.followups_due.count, late.followups_overdue.count) == (2, 2)
    midnight = DeskService(service).summary(dt.datetime(2026, 3, 21, 0, 0, tzinfo=TZ))
    assert (midnight.followups_due.count, midnight.followups_overdue.count) == (0, 4)


def test_the_warning_days_come_from_the_settings(service) -> None:
    seed(service)
    settings = service.settings()
    settings.expiry_warning_days = 30
    service.save_settings(settings)
    s = DeskService(service).summary(NOW)
    assert s.expiry_warning_days == 30
    assert s.batches_expiring.count == 2  # today and day 29


def test_rows_are_limited_and_counts_are_not(service) -> None:
    seed(service)
    s = DeskService(service, limit=1).summary(NOW)
    assert s.tickets_near.count == 3 and len(s.tickets_near.rows) == 1
    assert s.batches_expiring.count == 3 and len(s.batches_expiring.rows) == 1


def test_an_empty_desk(service) -> None:
    s = DeskService(service).summary(NOW)
    assert all(g.count == 0 and g.rows == () for g in s.groups.values())
    assert s.complaints_open == 0


def test_a_completed_follow_up_leaves_the_lists(service) -> None:
    r = seed(service)
    visit = service.get("followup", _visit_of(service, r["late_delivery"]))
    raw = _jsonish("followup", visit.values)
    raw.update(way="电话", done_date=TODAY.isoformat(), result_note="使用正常。")
    service.transition("followup", visit.id, fu.DONE, raw)
    s = DeskService(service).summary(NOW)
    assert s.followups_overdue.count == 1
    assert visit.id not in _ids(s.followups_overdue)


def test_a_ticket_past_its_phone_response_deadline_counts_as_overdue(service) -> None:
    """Issue 14: both deadlines count.  Called at 08:00 today, 2 h to call back (验收数量不足): at
    09:30 nobody has answered, so it is past the phone response though 22 h of handling are left;
    one called at 08:30 is near (its response comes at 10:30); once assigned, only handling counts."""
    late = _ticket(service, "北京市朝阳区第一中学", "2026-03-20", "07:00", answered=False)
    near = _ticket(service, "北京市海淀区教委", "2026-03-20", "08:30", answered=False)
    answered = _ticket(service, "天津市第三中心医院", "2026-03-20", "07:00")
    s = DeskService(service).summary(NOW)
    assert _ids(s.tickets_overdue) == [late.id]
    assert s.tickets_overdue.rows[0].when == "2026-03-20 09:00"  # the deadline that runs first
    assert _ids(s.tickets_near) == [near.id]
    assert answered.id not in _ids(s.tickets_overdue) + _ids(s.tickets_near)
