"""The look-up while the phone rings, batch expiry and one customer per unit (issue 6)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.expiry import (
    EXPIRED_RECEIVED,
    EXPIRED_USED,
    NOT_FOUND,
    VALID_USED,
    BatchDelivery,
    batch_expiry_note,
    judge,
    pick_delivery,
)
from desktop.domain.register_rules import add_months, expiry_date
from desktop.domain.validation import ValidationFailed
from desktop.services.expiry import expiry_notes, find_delivery
from desktop.services.lookup import CustomerLookup, find_batches, lookup_for, normalise_name, pinyin_keys


def add_customer(service, name: str, phone: str = "", contacts=(), short: str = "", status_note: str = ""):
    return service.create("customer", {
        "name": name, "short_name": short, "phone": phone, "address": f"{name[:2]}市示例路 1 号",
        "region": name[:2], "sales_rep": "宋佳", "registered_date": "2026-01-05",
        "contacts": [{"name": n, "phone": p, "primary": i == 0, "post": "后勤科"} for i, (n, p) in enumerate(contacts)],
    }).record


def add_delivery(service, unit: str, product: str, batch: str, delivered: dt.date, months: int | None = 12):
    return service.create("delivery", {
        "customer_unit": unit, "delivery_date": delivered.isoformat(), "product_name": product, "batch_no": batch,
        "quantity": "10", "unit": "瓶", "shelf_life_months": str(months) if months else "",
    }).record


@pytest.fixture
def customers(service):
    add_customer(service, "北京第一医院", "010-88881234", [("李院感", "13900002222"), ("王后勤", "13900001111")])
    add_customer(service, "北京第一医院附属门诊部", "010-55556666", [("周主任", "13511112222")])
    add_customer(service, "第一医院北京分院", "010-11112222")
    add_customer(service, "重庆市第三中学", "023-66554433", [("钱老师", "13600004444")])
    add_customer(service, "长沙市疾病预防控制中心", "0731-84561234")
    add_customer(service, "中国银行长沙分行", "0731-22223333")
    return service


def names(hits) -> list[str]:
    return [h.name for h in hits]


# ------------------------------------------------------------------------- pinyin


def test_pinyin_keys_read_polyphonic_characters_in_their_phrase() -> None:
    keys = pinyin_keys("重庆市第三中学")
    assert keys.full[0] == "chongqingshidisanzhongxue"
    assert keys.initials[0] == "cqsdszx"
    assert "zqsdszx" in keys.initials  # a clerk who reads 重 as zhong still finds it
    bank = pinyin_keys("中国银行长沙分行")
    assert bank.full[0] == "zhongguoyinhangchangshafenhang"
    assert bank.initials[0] == "zgyhcsfh"
    assert pinyin_keys("广州ABC酒店2号").initials[0] == "gzabcjd2h"
    assert pinyin_keys("绿化队").full[0] == "lvhuadui"


def test_normalised_names_ignore_spaces_case_and_bracket_width() -> None:
    assert normalise_name(" 北京第一医院（东院） ") == normalise_name("北京第一医院 (东院)")
    assert normalise_name("ABC 宾馆") == "abc宾馆"


# ------------------------------------------------------------------------- customers


def test_initials_find_the_unit_first(customers) -> None:
    lookup = CustomerLookup(customers)
    assert names(lookup.find("bjdyyy"))[:2] == ["北京第一医院", "北京第一医院附属门诊部"]
    assert names(lookup.find("BJDYYY"))[0] == "北京第一医院"
    assert names(lookup.find("cqsdszx")) == ["重庆市第三中学"]
    assert names(lookup.find("zqsd")) == ["重庆市第三中学"]
    assert names(lookup.find("cssjb")) == ["长沙市疾病预防控制中心"]
    assert names(lookup.find("zgyhcs")) == ["中国银行长沙分行"]


def test_full_pinyin_and_name_parts(customers) -> None:
    lookup = CustomerLookup(customers)
    assert names(lookup.find("chongqing")) == ["重庆市第三中学"]
    assert names(lookup.find("changsha")) == ["长沙市疾病预防控制中心", "中国银行长沙分行"]
    # A prefix of the name ranks before the same words further in.
    assert names(lookup.find("北京第一"))[:2] == ["北京第一医院", "北京第一医院附属门诊部"]
    assert names(lookup.find("第一医院")) == ["第一医院北京分院", "北京第一医院", "北京第一医院附属门诊部"]
    assert names(lookup.find("北京 分院")) == ["第一医院北京分院"]  # every word, anywhere
    assert lookup.find("") == [] and lookup.find("   ") == []
    assert lookup.find("不存在的单位") == []


def test_phone_digits_of_the_unit_or_a_contact(customers) -> None:
    lookup = CustomerLookup(customers)
    assert names(lookup.find("88881234")) == ["北京第一医院"]
    assert names(lookup.find("010-8888 1234")) == ["北京第一医院"]
    assert names(lookup.find("13900001111")) == ["北京第一医院"]  # the second contact's phone
    assert names(lookup.find("1351111")) == ["北京第一医院附属门诊部"]
    assert names(lookup.find("0731")) == ["中国银行长沙分行", "长沙市疾病预防控制中心"]  # shorter name first
    hit = lookup.find("13600004444")[0]
    assert hit.contacts[0].name == "钱老师" and hit.contacts[0].primary and hit.contacts[0].position == "后勤科"


def test_exact_number_first(customers) -> None:
    lookup = CustomerLookup(customers)
    target = customers.search("customer", "重庆")[0]
    hits = lookup.find(target.number)
    assert hits[0].number == target.number and hits[0].name == "重庆市第三中学"
    assert hits[0].id == target.id


def test_by_name_and_a_saved_customer_is_found_at_once(customers) -> None:
    lookups = lookup_for(customers)
    assert lookups.customers.by_name("北京第一医院").phone == "010-88881234"
    assert lookups.customers.by_name("北京 第一医院").name == "北京第一医院"
    assert lookups.customers.by_name("上海第一医院") is None
    assert lookups.customers.find("shdyyy") == []
    add_customer(customers, "上海第一医院", "021-12345678", [("孙医生", "13812345678")])
    # The save hook invalidated the index: found without waiting for the periodic check.
    assert names(lookups.customers.find("shdyyy")) == ["上海第一医院"]
    rec = customers.search("customer", "上海")[0]
    raw = {**customers.get("customer", rec.id).values.fields, "phone": "021-99998888",
           "contacts": [{"name": "孙医生", "phone": "13812345678", "primary": True}]}
    raw = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in raw.items()}
    customers.update("customer", rec.id, raw)
    assert lookups.customers.by_name("上海第一医院").phone == "021-99998888"


def test_a_change_made_elsewhere_is_seen_by_the_signature_check(customers, monkeypatch) -> None:
    import desktop.services.lookup as lk

    lookup = CustomerLookup(customers)  # no save hook: only the table signature tells
    assert lookup.find("hzdyyy") == []
    add_customer(customers, "杭州第一医院", "0571-12345678")
    monkeypatch.setattr(lk, "CHECK_SECONDS", 0.0)
    assert names(lookup.find("hzdyyy")) == ["杭州第一医院"]


def test_inactive_customers_come_after_active_ones(customers) -> None:
    lookup = lookup_for(customers)
    rec = customers.search("customer", "北京第一医院附属")[0]
    full = customers.get("customer", rec.id)
    customers.transition("customer", rec.id, "已停用", {
        **{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in full.values.fields.items()},
        "contacts": [{"name": "周主任", "phone": "13511112222", "primary": True}]})
    assert names(lookup.customers.find("北京"))[-1] == "北京第一医院附属门诊部"
    assert names(lookup.customers.find("北京第一医院附属门诊部")) == ["北京第一医院附属门诊部"]  # typed exactly


# ------------------------------------------------------------------------- products and batches


def test_products_and_batches(service) -> None:
    service.create("product", {"name": "75% 乙醇消毒液", "category": "消毒剂", "active_ingredient": "乙醇",
                               "unit": "瓶", "packaging": "瓶装", "shelf_life_months": "24",
                               "registration_no": "苏卫消证字（2022）第 0108 号", "registered_date": "2026-01-05"})
    products = lookup_for(service).products
    hit = products.find("ycxdy")[0]
    assert (hit.name, hit.unit, hit.packaging, hit.shelf_life_months) == ("75% 乙醇消毒液", "瓶", "瓶装", 24)
    assert products.find("0108")[0].name == "75% 乙醇消毒液"
    assert products.by_name("75%乙醇消毒液") is not None
    add_delivery(service, "北京第一医院", "75% 乙醇消毒液", "YC250101", dt.date(2025, 1, 10), months=None)
    add_delivery(service, "北京第二医院", "75% 乙醇消毒液", "YC250301", dt.date(2025, 3, 10))
    mine = find_batches(service, customer="北京第一医院")
    assert [(b.batch_no, b.expiry_date) for b in mine] == [("YC250101", dt.date(2027, 1, 9))]  # the product's 24 months
    assert [b.batch_no for b in find_batches(service, product="75% 乙醇消毒液")] == ["YC250301", "YC250101"]
    assert [b.batch_no for b in find_batches(service, text="0301")] == ["YC250301"]


# ------------------------------------------------------------------------- expiry: the rules


def test_a_batch_expiring_today_has_not_expired_tomorrow_it_has() -> None:
    last = dt.date(2026, 3, 20)
    assert judge(last, dt.date(2026, 3, 19)) == (False, 0)
    assert judge(last, last) == (False, 0)
    assert judge(last, dt.date(2026, 3, 21)) == (True, 1)
    assert judge(last, dt.date(2026, 4, 1)) == (True, 12)


def test_month_ends() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert expiry_date(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 27)
    assert expiry_date(dt.date(2025, 3, 15), 12) == dt.date(2026, 3, 14)


def delivery(batch: str, delivered: dt.date, customer: str = "北京第一医院", product: str = "84 消毒液",
             months: int = 12, number: str = "") -> BatchDelivery:
    return BatchDelivery(batch, product, customer, delivered, expiry_date(delivered, months), number)


def test_expiry_notes_per_row() -> None:
    deliveries = [delivery("HL250301", dt.date(2025, 3, 1)), delivery("HL250412", dt.date(2025, 4, 12))]
    rows = [
        {"product_name": "84 消毒液", "batch_no": "HL250301", "use_date": dt.date(2026, 3, 12)},
        {"product_name": "84 消毒液", "batch_no": "hl 250412", "use_date": dt.date(2026, 4, 11)},  # its last day
        {"product_name": "84 消毒液", "batch_no": "HL250301", "use_date": None},
        {"product_name": "84 消毒液", "batch_no": "XX1"},
        {"product_name": "84 消毒液", "batch_no": ""},
    ]
    notes = batch_expiry_note(rows, deliveries, received_date=dt.date(2026, 2, 28), customer="北京第一医院")
    assert [n.row for n in notes] == [0, 1, 2, 3]
    assert notes[0].expired and notes[0].days_over == 12 and notes[0].template == EXPIRED_USED
    assert notes[0].text() == "批号 HL250301：有效期至 2026-02-28，使用时（2026-03-12）已过期 12 天"
    assert notes[1].expired is False and notes[1].template == VALID_USED
    # No use date: the complaint's date, which is the batch's last day.
    assert notes[2].expired is False and notes[2].on == dt.date(2026, 2, 28) and not notes[2].on_use
    assert notes[3].expired is None and notes[3].template == NOT_FOUND
    assert notes[3].text() == "批号 XX1：发货记录中没有此批号"
    late = batch_expiry_note(rows[2:3], deliveries, received_date=dt.date(2026, 3, 1))
    assert late[0].template == EXPIRED_RECEIVED and late[0].days_over == 1


def test_the_delivery_of_the_customer_and_before_the_use_is_chosen() -> None:
    same_batch = [
        delivery("HL1", dt.date(2025, 1, 1), customer="别的单位", number="FH-1"),
        delivery("HL1", dt.date(2025, 2, 1), number="FH-2"),
        delivery("HL1", dt.date(2025, 6, 1), number="FH-3"),
    ]
    assert pick_delivery(same_batch, "HL1", customer="北京第一医院", on=dt.date(2025, 5, 1)).number == "FH-2"
    assert pick_delivery(same_batch, "HL1", customer="北京第一医院", on=dt.date(2025, 7, 1)).number == "FH-3"
    assert pick_delivery(same_batch, "HL1", customer="北京第一医院").number == "FH-3"
    assert pick_delivery(same_batch, "HL1", customer="别的单位").number == "FH-1"
    assert pick_delivery(same_batch, "HL1", customer="没发过货的单位", on=dt.date(2025, 1, 15)).number == "FH-1"
    assert pick_delivery(same_batch, "HL2") is None


def test_services_find_the_delivery_of_a_complaints_batch(service) -> None:
    add_delivery(service, "北京第一医院", "84 消毒液", "HL250301", dt.date(2025, 3, 1))
    add_delivery(service, "北京第二医院", "84 消毒液", "HL250301", dt.date(2025, 5, 1))
    found = find_delivery(service, "HL250301", customer="北京第二医院")
    assert found is not None and found.customer_unit == "北京第二医院" and found.expiry_date == dt.date(2026, 4, 30)
    values = {"complainant_unit": "北京第一医院", "received_date": dt.date(2026, 3, 20),
              "items": [{"product_name": "84 消毒液", "batch_no": "HL250301", "use_date": dt.date(2026, 3, 1)}]}
    notes = expiry_notes(service, "complaint", values)
    assert notes[0].expiry_date == dt.date(2026, 2, 28) and notes[0].expired and notes[0].days_over == 1


# ------------------------------------------------------------------------- one customer per unit


def test_a_second_customer_with_the_same_unit_name_is_refused(service) -> None:
    first = add_customer(service, "北京第一医院（东院）", "010-88881234")
    with pytest.raises(ValidationFailed) as e:
        add_customer(service, "北京第一医院 (东院)", "010-00000000")
    assert [i.path for i in e.value.issues] == ["name"]
    assert first.number in e.value.issues[0].args["number"]
    assert service.count("customer") == 1  # nothing written
    # The customer itself may be saved again, and another unit name is fine.
    raw = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in first.values.fields.items()}
    service.update("customer", first.id, {**raw, "phone": "010-11111111"})
    add_customer(service, "北京第一医院（西院）")
    other = service.search("customer", "西院")[0]
    full = service.get("customer", other.id)
    raw = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in full.values.fields.items()}
    with pytest.raises(ValidationFailed):  # renaming onto an existing unit is refused too
        service.update("customer", other.id, {**raw, "name": "北京第一医院（东院）"})


def test_a_return_requests_batches_are_judged_on_its_date(service) -> None:
    add_delivery(service, "北京第一医院", "84 消毒液", "HL250301", dt.date(2025, 3, 1))
    values = {"customer_unit": "北京第一医院", "request_date": dt.date(2026, 3, 20),
              "items": [{"product_name": "84 消毒液", "batch_no": "HL250301", "use_date": dt.date(2025, 6, 1)}]}
    notes = expiry_notes(service, "return-request", values)  # a return request has no use date: its own date
    assert notes[0].text() == "批号 HL250301：有效期至 2026-02-28，申请退换货时（2026-03-20）已过期 20 天"


def test_loose_pinyin_initials_with_gaps_in_every_customer_field(customers) -> None:
    """Issue 14: people type ``bjyy`` (初 letters of some syllables, in order), as in every Chinese
    contact search; full syllables and initials mixed work too.  Exact and prefix hits stay first."""
    lookup = CustomerLookup(customers)
    assert names(lookup.find("bjyy"))[:2] == ["北京第一医院", "北京第一医院附属门诊部"]
    assert "第一医院北京分院" not in names(lookup.find("bjyy"))  # 北京 … 医院 in that order only
    assert names(lookup.find("beijingyy"))[:2] == ["北京第一医院", "北京第一医院附属门诊部"]
    assert names(lookup.find("cqzx")) == ["重庆市第三中学"]
    assert names(lookup.find("jbkz")) == ["长沙市疾病预防控制中心"]
    assert "北京第一医院" not in names(lookup.find("yybj"))
