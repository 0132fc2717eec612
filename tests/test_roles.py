"""Field roles: one declaration per form says which field is the customer unit, the contact, a
product line…; completion, follow-ons, planning, Excel keys and the hotline desk read it."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.domain import roles
from desktop.domain.fields import Field, FormSpec, ItemTable, Section
from desktop.domain.forms import SPECS


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_every_role_names_a_field_or_column_its_form_has(kind):
    assert roles.check(SPECS[kind]) == []


def test_every_form_that_names_a_customer_names_it_by_role():
    for kind, spec in SPECS.items():
        if kind != "product":
            assert spec.customer_field, kind
        assert spec.staff_field, kind


def test_a_role_declaration_refuses_what_it_does_not_know():
    with pytest.raises(ValueError, match="unknown"):
        roles.declare(customer="x")
    with pytest.raises(ValueError, match="record roles"):
        roles.declare(unit="items.unit")
    with pytest.raises(ValueError, match="one table"):
        roles.declare(product="a.p", batch="b.b")
    broken = dataclasses.replace(SPECS["ticket"], roles=roles.declare(unit="no_such_field"))
    assert roles.check(broken) == ["ticket: role unit names no_such_field, which the form does not have"]


def _complaint_values():
    return {"complainant_unit": "北京市第一人民医院", "complainant_name": "吴强", "complainant_phone": "13800138000",
            "complainant_address": "北京市西城区", "receiver": "王测试", "reason": "结块",
            "items": [{"product_name": "灭鼠毒饵", "packaging": "袋装", "quantity": "3", "unit": "箱", "batch_no": "B1"},
                      {"product_name": "84消毒液", "packaging": "瓶装", "quantity": "2", "unit": "瓶", "batch_no": "B2"},
                      {"product_name": "灭鼠毒饵", "batch_no": "B3"}]}


def test_carry_takes_the_customer_contact_and_every_product_line_as_its_own_row():
    out = roles.carry(SPECS["complaint"], _complaint_values(), SPECS["return-request"])
    assert out["customer_unit"] == "北京市第一人民医院" and out["contact_name"] == "吴强"
    assert out["contact_phone"] == "13800138000" and out["customer_address"] == "北京市西城区"
    assert out["items"][1] == {"product_name": "84消毒液", "packaging": "瓶装", "batch_no": "B2",
                               "quantity": "2", "unit": "瓶"}
    assert len(out["items"]) == 3
    assert "staff" not in out and "reason_details" not in out  # the staff member and the rest are the link's own
    to_service = roles.carry(SPECS["complaint"], _complaint_values(), SPECS["service-report"])
    assert to_service["products"][0] == {"product_name": "灭鼠毒饵", "batch_no": "B1"}


def test_carry_to_a_form_of_one_product_joins_the_lines_and_from_one_makes_one_row():
    followup = roles.carry(SPECS["complaint"], _complaint_values(), SPECS["followup"])
    assert followup["product_name"] == "灭鼠毒饵、84消毒液"
    assert followup["batch_no"] == "B1、B2、B3"
    assert followup["contact_name"] == "吴强"
    ticket = {"customer_unit": "某医院", "caller_name": "李四", "caller_phone": "139", "product_name": "灭蚊剂",
              "batch_no": "", "customer_number": "C-1"}
    complaint = roles.carry(SPECS["ticket"], ticket, SPECS["complaint"])
    assert complaint["complainant_name"] == "李四"
    assert complaint["items"] == [{"product_name": "灭蚊剂", "batch_no": ""}]
    assert roles.carry(SPECS["ticket"], {**ticket, "product_name": ""}, SPECS["complaint"]).get("items") == []


def test_a_new_kind_of_form_takes_part_by_declaring_its_roles():
    visit = FormSpec(
        kind="visit", table="visit", title="走访记录", number_prefix="ZF", number_label="编号", date_field="day",
        sections=(Section("s", "走访", (
            Field("day", "日期"), Field("client", "客户"), Field("who", "联系人"), Field("where", "地点"),
            ItemTable("lines", "产品", (Field("goods", "产品"), Field("lot", "批号"))))),),
        roles=roles.declare(unit="client", contact="who", address="where", product="lines.goods", batch="lines.lot"))
    assert roles.check(visit) == [] and visit.customer_field == "client" and visit.item_table() == "lines"
    out = roles.carry(SPECS["complaint"], _complaint_values(), visit)
    assert out["client"] == "北京市第一人民医院" and out["who"] == "吴强" and out["where"] == "北京市西城区"
    assert out["lines"][2] == {"goods": "灭鼠毒饵", "lot": "B3"}
    back = roles.carry(visit, out, SPECS["complaint"])
    assert back["complainant_unit"] == "北京市第一人民医院"
    assert [r["batch_no"] for r in back["items"]] == ["B1", "B2", "B3"]


def test_one_customer_unit_whichever_form_and_spelling_it_comes_from():
    a = roles.unit_of(SPECS["complaint"], {"complainant_unit": "北京第一医院（东院）"})
    b = roles.unit_of(SPECS["ticket"], {"customer_unit": " 北京第一医院 (东院)"})
    c = roles.unit_of(SPECS["customer"], {"name": "北京第一医院(西院)"})
    assert a == b != c
    assert roles.unit_of(SPECS["product"], {"name": "x"}) == ""


def test_choosing_a_customer_fills_by_role_but_not_the_hotline_caller():
    from desktop.ui.completion import contact_fields, customer_fills

    assert customer_fills(SPECS["complaint"]) == {"complainant_name": "contact_name",
                                                  "complainant_phone": "contact_phone",
                                                  "complainant_address": "address"}
    assert customer_fills(SPECS["ticket"]) == {"customer_number": "number", "customer_address": "address",
                                               "sales_person": "sales_rep"}
    assert customer_fills(SPECS["survey"])["respondent_position"] == "contact_post"
    assert contact_fields(SPECS["survey"]) == {"respondent": ("respondent_phone", "respondent_position")}
    assert contact_fields(SPECS["ticket"]) == {"caller_name": ("caller_phone", "")}
    assert contact_fields(SPECS["training"]) == {}
