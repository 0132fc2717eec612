"""Follow-ups planned by themselves (issue 6): the date rules around their limits, and the save
hooks that plan, move, chain and stop them in the saving transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import NOW, TODAY

from desktop.domain import complaint as c
from desktop.domain import followup as fu
from desktop.domain import followup_rules as rules
from desktop.domain.forms import SPECS
from desktop.domain.links import _jsonish, follow_on_values
from desktop.domain.records import to_json
from desktop.domain.validation import ValidationFailed
from desktop.services.demo import demo_objects
from desktop.services.planning import EXPIRED_NOTE
from desktop.services.transfer import import_records

D = dt.date

# ------------------------------------------------------------------------------------------ rules


def test_month_ends_keep_to_the_schedule_of_the_delivery() -> None:
    assert rules.visit_due(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert rules.visit_due(D(2028, 1, 31), 1) == D(2028, 2, 29)  # leap year
    assert rules.visit_due(D(2026, 1, 31), 3) == D(2026, 4, 30)
    # After the 04-30 visit the schedule comes back to the 31st, not 07-30.
    assert rules.visit_due(D(2026, 1, 31), 3, after=D(2026, 4, 30)) == D(2026, 7, 31)
    assert rules.visit_due(D(2026, 11, 30), 3) == D(2027, 2, 28)
    assert rules.on_schedule(D(2026, 1, 31), 3, D(2026, 4, 30))
    assert not rules.on_schedule(D(2026, 1, 31), 3, D(2026, 4, 29))


def test_the_next_visit_keeps_the_rhythm_whether_the_call_was_early_or_late() -> None:
    delivery, expiry = D(2026, 1, 10), D(2027, 1, 9)
    # On time, early (done before the due date), late (done after it): the next quarter each time.
    assert rules.next_visit(delivery, 3, D(2026, 4, 10), D(2026, 4, 10), expiry) == D(2026, 7, 10)
    assert rules.next_visit(delivery, 3, D(2026, 4, 10), D(2026, 4, 1), expiry) == D(2026, 7, 10)
    assert rules.next_visit(delivery, 3, D(2026, 4, 10), D(2026, 5, 20), expiry) == D(2026, 7, 10)
    # So late that the next date went by too: the one after, never one overdue when planned.
    assert rules.next_visit(delivery, 3, D(2026, 4, 10), D(2026, 7, 10), expiry) == D(2026, 10, 10)


def test_no_visit_after_the_batch_has_expired() -> None:
    delivery = D(2026, 1, 10)
    # Due on the expiry date itself: the batch may still be used that day.
    assert rules.next_visit(delivery, 3, D(2026, 7, 10), D(2026, 7, 10), expiry=D(2026, 10, 10)) == D(2026, 10, 10)
    assert rules.next_visit(delivery, 3, D(2026, 7, 10), D(2026, 7, 10), expiry=D(2026, 10, 9)) is None
    assert rules.first_visit(delivery, 3, expiry=D(2026, 4, 9)) is None
    assert rules.first_visit(delivery, 3, expiry=D(2026, 4, 10)) == D(2026, 4, 10)


def test_a_delivery_entered_late_gets_one_overdue_visit_and_an_expired_one_none() -> None:
    # Delivered 2025-12-01, entered on 2026-03-20: the 03-01 visit is due now (overdue), once.
    assert rules.first_visit(D(2025, 12, 1), 3, D(2026, 11, 30), today=TODAY) == D(2026, 3, 1)
    # Delivered 2025-06-01: 09-01 and 12-01 went by; the latest one (03-01) is planned.
    assert rules.first_visit(D(2025, 6, 1), 3, D(2026, 5, 31), today=TODAY) == D(2026, 3, 1)
    # Expired yesterday: nothing to visit about.
    assert rules.first_visit(D(2025, 3, 20), 3, D(2026, 3, 19), today=TODAY) is None
    # Delivered today: the usual first visit.
    assert rules.first_visit(TODAY, 3, D(2027, 3, 19), today=TODAY) == D(2026, 6, 20)


def test_due_today_all_day_and_overdue_from_midnight() -> None:
    tz = NOW.tzinfo
    due = D(2026, 3, 20)
    assert rules.due_state(due, dt.datetime(2026, 3, 20, 0, 0, tzinfo=tz)) == rules.DUE
    assert rules.due_state(due, dt.datetime(2026, 3, 20, 23, 59, 59, tzinfo=tz)) == rules.DUE
    assert rules.due_state(due, dt.datetime(2026, 3, 21, 0, 0, tzinfo=tz)) == rules.OVERDUE
    assert rules.due_state(due, dt.datetime(2026, 3, 19, 23, 59, tzinfo=tz)) == rules.LATER
    assert rules.callback_due(D(2026, 3, 27), 7) == D(2026, 4, 3)


# ------------------------------------------------------------------------------------------ service

def _delivery(service: Any, **overrides: Any) -> Any:
    raw = {
        "customer_unit": "北京市第一人民医院",
        "contact_name": "张丽",
        "contact_phone": "010-65123456",
        "delivery_date": TODAY.isoformat(),
        "shipped_by": "周发货",
        "product_name": "84 消毒液",
        "batch_no": "SH260301",
        "quantity": "20",
        "unit": "桶",
        "shelf_life_months": "12",
    }
    raw.update(overrides)
    return service.create("delivery", raw).record


def _visits(service: Any, source_id: str) -> list[Any]:
    return [service.get(lk.kind, lk.id) for lk in service.linked("delivery", source_id)
            if lk.kind == "followup"]


def _complete(service: Any, record: Any, done: dt.date = TODAY, way: str = "电话") -> Any:
    raw = _jsonish("followup", record.values)
    raw.update(way=way, done_date=done.isoformat(), result_note="客户反馈使用正常，储存条件符合要求。")
    return service.transition("followup", record.id, fu.DONE, raw).record


def test_a_new_delivery_plans_its_first_return_visit(service) -> None:
    delivery = _delivery(service)
    [visit] = _visits(service, delivery.id)
    v = visit.values.fields
    assert visit.status == fu.PLANNED
    assert v["followup_type"] == fu.DELIVERY_VISIT
    assert v["due_date"] == D(2026, 6, 20)  # delivered 2026-03-20, every 3 months
    assert v["basis_number"] == delivery.number
    assert (v["customer_unit"], v["contact_name"], v["contact_phone"]) == ("北京市第一人民医院", "张丽", "010-65123456")
    assert (v["product_name"], v["batch_no"], v["assigned_staff"]) == ("84 消毒液", "SH260301", "周发货")
    assert (visit.source_kind, visit.source_id, visit.source_number) == ("delivery", delivery.id, delivery.number)


def test_the_interval_comes_from_the_settings(service) -> None:
    settings = service.settings()
    settings.followup_interval_months = 2
    service.save_settings(settings)
    delivery = _delivery(service, delivery_date="2026-01-31")
    [visit] = _visits(service, delivery.id)
    assert visit.values.fields["due_date"] == D(2026, 3, 31)


def test_saving_a_delivery_again_plans_no_duplicate(service) -> None:
    delivery = _delivery(service)
    raw = _jsonish("delivery", delivery.values)
    service.update("delivery", delivery.id, raw)
    raw.update(acceptance_result="验收合格", acceptance_date=TODAY.isoformat())
    service.transition("delivery", delivery.id, "已验收", raw)
    assert len(_visits(service, delivery.id)) == 1
    assert service.count("followup") == 1


def test_a_changed_delivery_date_moves_the_planned_visit(service) -> None:
    delivery = _delivery(service)
    raw = _jsonish("delivery", delivery.values)
    raw.update(delivery_date="2026-02-28", customer_unit="北京市第二人民医院")
    service.update("delivery", delivery.id, raw)
    [visit] = _visits(service, delivery.id)
    assert visit.status == fu.PLANNED
    assert visit.values.fields["due_date"] == D(2026, 5, 28)
    assert visit.values.fields["customer_unit"] == "北京市第二人民医院"
    # The register's search finds it by the new unit.
    assert [r.id for r in service.search("followup", "第二人民")] == [visit.id]


def test_a_visit_rescheduled_by_hand_keeps_its_date(service, clock) -> None:
    delivery = _delivery(service)
    [visit] = _visits(service, delivery.id)
    clock.at = NOW + dt.timedelta(minutes=5)
    raw = _jsonish("followup", visit.values)
    raw.update(due_date="2026-06-26", result_note="客户要求下旬再联系")
    service.update("followup", visit.id, raw)
    raw = _jsonish("delivery", delivery.values)
    raw.update(acceptance_result="验收合格", acceptance_date=TODAY.isoformat())
    service.transition("delivery", delivery.id, "已验收", raw)
    raw.update(delivery_date="2026-03-10")
    service.update("delivery", delivery.id, raw)
    [visit] = _visits(service, delivery.id)
    assert visit.values.fields["due_date"] == D(2026, 6, 26)


def test_a_shorter_shelf_life_cancels_a_visit_after_the_expiry(service) -> None:
    delivery = _delivery(service)
    raw = _jsonish("delivery", delivery.values)
    raw.update(shelf_life_months="2")  # expires 2026-05-19, before the 06-20 visit
    service.update("delivery", delivery.id, raw)
    [visit] = _visits(service, delivery.id)
    assert visit.status == fu.CANCELLED
    assert visit.values.fields["result_note"] == EXPIRED_NOTE
    assert visit.events[-1].to_status == fu.CANCELLED


def test_a_batch_expiring_before_the_first_visit_plans_none(service) -> None:
    delivery = _delivery(service, shelf_life_months="3")  # expires 2026-06-19, visit would be 06-20
    assert _visits(service, delivery.id) == []
    assert service.count("followup") == 0


def test_completing_a_visit_plans_the_next_until_the_batch_expires(service, clock) -> None:
    delivery = _delivery(service)  # 2026-03-20, expires 2027-03-19
    [first] = _visits(service, delivery.id)
    _complete(service, first, done=TODAY)  # an early call (due 06-20): the rhythm stays on the 20th
    dues = []
    for when in (D(2026, 9, 21), D(2026, 12, 20)):  # a day late, then on time
        planned = [v for v in _visits(service, delivery.id) if v.status == fu.PLANNED]
        assert len(planned) == 1
        dues.append(planned[0].values.fields["due_date"])
        clock.at = dt.datetime.combine(when, dt.time(10, 0), NOW.tzinfo)
        _complete(service, planned[0], done=when)
    assert dues == [D(2026, 9, 20), D(2026, 12, 20)]
    # 2027-03-20 would be after the expiry (2027-03-19): the chain ends with three visits done.
    visits = _visits(service, delivery.id)
    assert [v.status for v in visits] == [fu.DONE] * 3
    assert all(v.source_id == delivery.id for v in visits)


def test_a_late_call_plans_the_next_date_of_the_schedule(service, clock) -> None:
    delivery = _delivery(service, delivery_date="2025-12-10")
    [first] = _visits(service, delivery.id)
    assert first.values.fields["due_date"] == D(2026, 3, 10)  # overdue already today (03-20)
    _complete(service, first, done=TODAY)
    planned = [v for v in _visits(service, delivery.id) if v.status == fu.PLANNED]
    assert [v.values.fields["due_date"] for v in planned] == [D(2026, 6, 10)]


def test_cancelling_stops_the_chain_for_good(service) -> None:
    delivery = _delivery(service)
    [visit] = _visits(service, delivery.id)
    raw = _jsonish("followup", visit.values)
    raw.update(result_note="客户已停止使用该产品")
    service.transition("followup", visit.id, fu.CANCELLED, raw)
    service.update("delivery", delivery.id, _jsonish("delivery", delivery.values))
    assert [v.status for v in _visits(service, delivery.id)] == [fu.CANCELLED]


def test_a_follow_up_entered_by_hand_plans_nothing_when_done(service) -> None:
    visit = service.create("followup", {"followup_type": fu.OTHER, "due_date": TODAY.isoformat(),
                                        "customer_unit": "南京市鼓楼医院"}).record
    _complete(service, visit)
    assert service.count("followup") == 1


def _complaint_at(service: Any, status: str) -> Any:
    obj = next(o for o in demo_objects(TODAY, 14) if o["status"] == status)
    return import_records(service, [obj]).records[0]


def _edited(record: Any, **changes: Any) -> dict[str, Any]:
    spec = SPECS["complaint"]
    keys = {f.key for f in spec.fields()} | {t.key for t in spec.tables()}
    raw = {k: v for k, v in to_json(spec, record).items() if k in keys}
    raw.update(changes)
    return raw


def test_a_complaint_fed_back_plans_one_call_back(service) -> None:
    complaint = _complaint_at(service, c.HANDLING)
    assert service.count("followup") == 0  # an import plans nothing
    raw = _edited(complaint, feedback_date="2026-03-18", feedback_content="已更换同批次产品并说明原因。",
                  appeal_notice_given=True)
    fed = service.transition("complaint", complaint.id, c.FED_BACK, raw).record
    links = [lk for lk in service.linked("complaint", fed.id) if lk.kind == "followup"]
    assert len(links) == 1
    call = service.get("followup", links[0].id)
    v = call.values.fields
    assert v["followup_type"] == fu.COMPLAINT_CALLBACK
    assert v["due_date"] == D(2026, 3, 25)  # within 7 days (the setting) of the feedback
    assert v["basis_number"] == complaint.number
    assert v["customer_unit"] == complaint.values.fields["complainant_unit"]
    assert v["contact_phone"] == complaint.values.fields["complainant_phone"]
    assert v["product_name"] == complaint.values.tables["items"][0]["product_name"]
    # Saved again while 已反馈: still one call back.
    service.update("complaint", fed.id, _edited(fed))
    assert service.count("followup") == 1


def test_the_call_back_done_revisits_the_complaint(service) -> None:
    complaint = _complaint_at(service, c.HANDLING)
    raw = _edited(complaint, feedback_date="2026-03-18", feedback_content="已更换同批次产品并说明原因。",
                  appeal_notice_given=True)
    fed = service.transition("complaint", complaint.id, c.FED_BACK, raw).record
    (link,) = [lk for lk in service.linked("complaint", fed.id) if lk.kind == "followup"]
    call = service.get("followup", link.id)
    done = _jsonish("followup", call.values)
    done.update(way="电话", done_date=TODAY.isoformat(), result_note="电话回访，更换后的产品使用正常。")

    # The complainant's opinion is what the complaint's 已回访 needs: the visit asks for it.
    with pytest.raises(ValidationFailed) as refused:
        service.transition("followup", call.id, fu.DONE, done)
    assert [i.path for i in refused.value.issues] == ["customer_opinion"]
    assert service.get("complaint", fed.id).status == c.FED_BACK

    done["customer_opinion"] = "满意，感谢及时处理。"
    service.transition("followup", call.id, fu.DONE, done, by="何雪")
    revisited = service.get("complaint", fed.id)
    f = revisited.values.fields
    assert revisited.status == c.REVISITED
    assert (f["revisit_date"], f["revisit_result"], f["complainant_opinion"]) == (
        TODAY, "电话回访，更换后的产品使用正常。", "满意，感谢及时处理。")
    # Moved by the visit, in the name of the staff who made it.
    assert revisited.events[-1].note == f"由回访 {call.number} 完成"
    assert revisited.events[-1].by == call.values.fields["assigned_staff"]


def test_a_planning_failure_rolls_back_with_the_record(service, monkeypatch) -> None:
    """The hook runs in the saving transaction: if it fails, the delivery is not saved either."""
    from desktop.services import planning

    def boom(*args: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(planning, "_plan", boom)
    with pytest.raises(RuntimeError):
        _delivery(service)
    assert service.count("delivery") == 0


def test_the_service_report_made_from_a_visit(service) -> None:
    delivery = _delivery(service)
    [visit] = _visits(service, delivery.id)
    done = _complete(service, visit, done=D(2026, 3, 19), way="电话")
    raw = follow_on_values(done, "service-report", TODAY, "王测试")
    assert raw["service_type"] == "远程回访" and raw["contact_way"] == "电话"
    assert raw["service_date"] == "2026-03-19"
    assert raw["staff"] == "周发货"  # the visit's own staff before this laptop's user
    assert (raw["customer_unit"], raw["contact_name"]) == ("北京市第一人民医院", "张丽")
    assert raw["products"] == [{"product_name": "84 消毒液", "batch_no": "SH260301"}]
    _values, issues = service.validate("service-report", raw)
    assert issues == []
    for way, kind in (("邮件", "远程回访"), ("网络", "远程回访"), ("上门", "上门走访")):
        done.values.fields["way"] = way
        assert follow_on_values(done, "service-report", TODAY)["service_type"] == kind
